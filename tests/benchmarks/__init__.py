"""A smoke run of the benchmarks (``python -m benchmarks``): shapes, never times."""
