"""Tests of hpos.selftest: ``hpos --self-test`` and its checks."""
