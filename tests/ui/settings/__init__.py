"""Tests of hpos.ui.settings: the settings dialog and its counter page."""
