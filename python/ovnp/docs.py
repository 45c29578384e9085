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

FAST_HEADER = """
## Precision "fast"

`ovnp.set_precision("fast")` (C++ `ovnp::set_precision(ovnp::Precision::Fast)`,
`ovnp.keras.install(precision="fast")`) changes the graphs of the ops below and of
no other; "numpy", the default, keeps every guarantee above. Under "fast" an op may
use the CPU plugin's native kernels where they are within 4 ulp (float32) of NumPy on
finite inputs; NaN, infinities, signed zeros, the overflow and underflow thresholds,
integer arithmetic and dtypes stay NumPy's. float64 is unchanged. The grid checks
these ops under "fast" with a 4-ulp bound, and a test checks that no other op's
graph changes.

| op | under "fast" |
|---|---|
"""

COMPILED_HEADER = """
## Compiled graphs slower than upstream's

`bench/graph.py` (`make bench-graph`) compiles each op's graph and upstream Keras's over
1e6-element float32 Parameters on the CPU plugin and times inference. Most ops are
within 1.25x of upstream's time or faster (2026-12-03: median ratio 1.0x, ovnp up to
30x faster for `bincount` and `histogram`). The ops below are slower, for the reason
given: a value NumPy has and upstream does not.

| op | why |
|---|---|
"""

COMPILED_FOOTER = """
Not timed: the ops that sort a whole axis, or select half of it (`sort`, `argsort`, `argpartition`,
`median`, the quantiles and percentiles, `searchsorted`, `unique`, `isin`), because
the plugin's TopK is quadratic in k on both sides (see numpy-differences.md), and the
ops that take no tensor (creation from sizes and window functions: their graphs fold
to constants).
"""


def render_ops_table():
    rows = [
        f"| `{op['numpy']}` | `{op['cpp']}` | `ovnp/{op['group']}.hpp` | done | {op['notes']} |"
        for op in ovnp.registry()
    ]
    fast = [f"| `{op['name']}` | {op['fast']} |" for op in ovnp.registry() if op["fast"]]
    slow = [f"| `{op['name']}` | {op['compiled']} |" for op in ovnp.registry() if op["compiled"]]
    return (HEADER + "\n".join(rows) + "\n" + FAST_HEADER + "\n".join(fast) + "\n" + COMPILED_HEADER +
            "\n".join(slow) + "\n" + COMPILED_FOOTER)


if __name__ == "__main__":
    print(render_ops_table(), end="")
