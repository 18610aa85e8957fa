"""Tests of hpos.ui.mainwindow: the whole window, its keys, about box, welcome and banners."""
