"""docs/ops.md is the registry rendered; they must not drift apart."""

import pathlib

import ovnp.docs

ROOT = pathlib.Path(__file__).resolve().parents[3]


def test_ops_md_matches_registry():
    assert (ROOT / "docs" / "ops.md").read_text() == ovnp.docs.render_ops_table(), (
        "docs/ops.md is stale: run `python -m ovnp.docs > docs/ops.md`"
    )


def test_every_registry_op_has_a_header_group():
    for op in ovnp.registry():
        assert (ROOT / "include" / "ovnp" / f"{op['group']}.hpp").exists(), op
        assert f"{op['name']}(" in (ROOT / "include" / "ovnp" / f"{op['group']}.hpp").read_text()
