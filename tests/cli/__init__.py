"""Tests of hpos.cli: the ``hpos`` command, in process and as real processes."""
