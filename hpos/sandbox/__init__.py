"""A local HPAY emulator over real loopback HTTP (stdlib only, no Qt).

It speaks HPAY-API.md exactly (field names, value types, refusals, token expiry,
history filters and paging), serves a checkout page where a "customer" can pay
or cancel, and injects network faults on demand. Used by ``hpos --demo``,
``hpos sandbox`` and the test suite.
"""

from __future__ import annotations

from hpos.sandbox.accounts import DEMO_ACCOUNT, DEMO_CAD_ACCOUNT, SandboxAccount
from hpos.sandbox.faults import KINDS as FAULT_KINDS
from hpos.sandbox.faults import Fault
from hpos.sandbox.payments import PaymentSnapshot
from hpos.sandbox.server import SandboxServer

__all__ = [
    "DEMO_ACCOUNT",
    "DEMO_CAD_ACCOUNT",
    "FAULT_KINDS",
    "Fault",
    "PaymentSnapshot",
    "SandboxAccount",
    "SandboxServer",
]
