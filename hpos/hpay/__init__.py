"""The HPAY layer: a pure-Python client for the HPAY v2.0 API (no Qt import here)."""
