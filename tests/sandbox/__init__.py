"""Tests of hpos.sandbox: the local HPAY emulator over real loopback HTTP."""
