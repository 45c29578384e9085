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


def render_ops_table():
    rows = [
        f"| `{op['numpy']}` | `{op['cpp']}` | `ovnp/{op['group']}.hpp` | done | {op['notes']} |"
        for op in ovnp.registry()
    ]
    fast = [f"| `{op['name']}` | {op['fast']} |" for op in ovnp.registry() if op["fast"]]
    return HEADER + "\n".join(rows) + "\n" + FAST_HEADER + "\n".join(fast) + "\n"


if __name__ == "__main__":
    print(render_ops_table(), end="")
