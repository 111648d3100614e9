"""H5P activities played with h5p-standalone in a sandboxed iframe (see docs/h5p.md)."""
