"""Tests of hpos.ui.controller: the sale controller on a real runner and sandbox."""
