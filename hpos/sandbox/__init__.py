"""A local HPAY emulator over real loopback HTTP (stdlib only, no Qt).

It speaks HPAY-API.md exactly (field names, value types, refusals, token expiry,
history filters and paging), serves a checkout page where a "customer" can pay
or cancel, and injects network faults on demand. Used by ``hpos --demo``,
``hpos sandbox`` and the test suite.

Its public names come from their modules: ``server`` (SandboxServer), ``accounts``
(DEMO_ACCOUNT, DEMO_CAD_ACCOUNT, SandboxAccount), ``faults`` (Fault, KINDS) and
``payments`` (PaymentSnapshot).
"""
