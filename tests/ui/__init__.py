"""Tests of hpos.ui (Qt): one folder per feature package, the shared modules at the top."""
