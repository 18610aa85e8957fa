"""Tests of hpos.sales: states, journal, till, watcher, reconciling, recovery, the day report."""
