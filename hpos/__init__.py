"""HPOS: a desktop point-of-sale for shop counters that take card payments through HPAY."""

__version__ = "0.1.0"
