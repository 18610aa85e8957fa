"""The merchant accounts the sandbox knows, the two demo accounts, and currency decimals.

An account's balances are its *starting* values: :class:`~hpos.sandbox.state.SandboxState`
keeps the live ones. Amounts are ``Decimal`` in major units, shown with the
currency's ISO 4217 minor units (``money_text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

#: ISO 4217 minor units of the currencies the sandbox knows (others: 2).
CURRENCY_DECIMALS = {"XOF": 0, "XAF": 0, "GNF": 0, "JPY": 0, "CAD": 2, "EUR": 2, "USD": 2}


def currency_decimals(currency: str) -> int:
    """ISO 4217 exponent of ``currency`` (2 when the sandbox does not know it)."""
    return CURRENCY_DECIMALS.get(currency, 2)


def currency_quantum(currency: str) -> Decimal:
    """The smallest unit of ``currency`` as a ``Decimal``: 1 for XOF, 0.01 for CAD."""
    return Decimal(1).scaleb(-currency_decimals(currency))


def money_text(amount: Decimal, currency: str) -> str:
    """Plain text with the currency's decimals: "14900", "12.50"."""
    return format(amount.quantize(currency_quantum(currency)), "f")


@dataclass(frozen=True)
class SandboxAccount:
    """A merchant account the sandbox knows; balances are the starting values."""

    api_key: str
    public_key: str
    secret_key: str = field(repr=False)
    company: str = "HPOS Demo Shop"
    contact: str = "00000000"
    currency: str = "XOF"
    main_balance: Decimal = Decimal(0)
    profit_balance: Decimal = Decimal(0)
    fee_rate: Decimal = Decimal("0.015")


DEMO_ACCOUNT = SandboxAccount(
    api_key="DEMO-API-KEY",
    public_key="pkey.demo.public",
    secret_key="demo-secret-key",  # noqa: S106 - public demo credentials
    company="HPOS Demo Shop",
    contact="00000000",
    currency="XOF",
    main_balance=Decimal(250000),
    profit_balance=Decimal(0),
    fee_rate=Decimal("0.015"),
)
DEMO_CAD_ACCOUNT = SandboxAccount(
    api_key="DEMO-CAD-API-KEY",
    public_key="pkey.demo-cad.public",
    secret_key="demo-cad-secret-key",  # noqa: S106 - public demo credentials
    company="HPOS Demo Café",
    contact="+1 514 555 0100",
    currency="CAD",
    main_balance=Decimal("50.00"),
    profit_balance=Decimal("100.00"),
    fee_rate=Decimal("0.015"),
)
