"""NumPy references of ovnp's ops, one module per family; the op table (optable.py) points at them."""
