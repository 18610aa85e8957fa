"""Tests of hpos.hpay: money, wire, models, URLs, redaction, tokens, transport, the client."""
