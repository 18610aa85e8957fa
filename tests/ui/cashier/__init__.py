"""Tests of hpos.ui.cashier: the cashier screen end to end."""
