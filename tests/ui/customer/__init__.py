"""Tests of hpos.ui.customer: the customer display."""
