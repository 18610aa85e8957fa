"""Tests of hpos.ui.history: the pane, its rows, store, journal reading and scale."""
