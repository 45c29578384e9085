"""Renders docs/ops.md from ovnp's op registry (`python -m ovnp.docs > docs/ops.md`)."""

import ovnp

HEADER = """# ovnp ops

Generated from the op registry (each group's rows sit beside its ops in
`src/ops/`; `src/ops/registry.cpp` joins them) by `python -m ovnp.docs`; a test
fails when this file and the registry disagree. Every op here is in the C++
API, the Python module, and `ovnp.keras.install()`.

| NumPy | ovnp C++ | header | status | differences from NumPy |
|---|---|---|---|---|
"""


def render_ops_table():
    rows = [
        f"| `{op['numpy']}` | `{op['cpp']}` | `ovnp/{op['group']}.hpp` | done | {op['notes']} |"
        for op in ovnp.registry()
    ]
    return HEADER + "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(render_ops_table(), end="")
