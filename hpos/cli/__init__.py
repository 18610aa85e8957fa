"""The ``hpos`` command line; the entry point is :func:`hpos.cli.main.main`."""
