"""Tests of hpos.ui.widgets: the shared widgets."""
