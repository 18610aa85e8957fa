"""Tests of hpos.ui.receipts: layouts, printing, Save as PDF."""
