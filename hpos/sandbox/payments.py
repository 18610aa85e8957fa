"""A payment: the sandbox's mutable record, the frozen snapshot it hands out, the history entry.

:class:`Payment` is what :class:`~hpos.sandbox.state.SandboxState` keeps (and
the state file stores, field for field); :class:`PaymentSnapshot` is the copy
tests, the CLI and the checkout page see; :func:`history_entry` is one item of
``/getPaymentHistory/``'s ``history`` exactly as HPAY-API.md shows it.
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

_TXID_CHARS = string.ascii_letters + string.digits
_TXID_LENGTH = 14


@dataclass(frozen=True)
class PaymentSnapshot:
    """A payment as the sandbox holds it (a copy; changing the sandbox does not change it)."""

    transaction_id: str
    mode: str
    amount: Decimal
    fees: Decimal
    currency: str
    company: str
    product: str
    description: str
    status: str  # "UNPAID" | "PAID"
    cancelled: bool  # the customer pressed Cancel (status stays UNPAID)
    created: datetime  # aware, UTC
    paid_at: datetime | None
    checkout_url: str
    notify_url: str
    success_url: str
    cancel_url: str
    api_key: str = field(repr=False)

    @property
    def profit(self) -> Decimal:
        """What the merchant gets: amount minus fees."""
        return self.amount - self.fees


@dataclass
class Payment:
    """The sandbox's own record of a payment (times are epoch seconds)."""

    transaction_id: str
    api_key: str
    mode: str
    amount: Decimal
    fees: Decimal
    currency: str
    product: str
    description: str
    notify_url: str
    success_url: str
    cancel_url: str
    created: float
    seq: int
    status: str = "UNPAID"
    cancelled: bool = False
    paid_at: float | None = None


def utc(epoch: float) -> datetime:
    """An aware UTC datetime from epoch seconds."""
    return datetime.fromtimestamp(epoch, UTC)


def new_transaction_id(taken: Container[str]) -> str:
    """A fresh 14-character alphanumeric transaction id not in ``taken``."""
    txid = "".join(secrets.choice(_TXID_CHARS) for _ in range(_TXID_LENGTH))
    while txid in taken:  # pragma: no cover - 62**14 ids
        txid = "".join(secrets.choice(_TXID_CHARS) for _ in range(_TXID_LENGTH))
    return txid


def history_entry(p: Payment, checkout_url: str) -> dict[str, Any]:
    """One item of ``/getPaymentHistory/``'s ``history`` (a ``Decimal`` is a JSON number)."""
    return {
        "transaction_id": p.transaction_id,
        "amount": f"{p.amount:.2f}",
        "fees": f"{p.fees:.2f}",
        "profit": p.amount - p.fees,
        "currency": p.currency,
        "mode": p.mode,
        "status": p.status,
        "product": p.product,
        "description": p.description,
        "payment_link": checkout_url,
        "date_generated": utc(p.created).strftime("%Y-%m-%d %H:%M:%S"),
    }


def snapshot(p: Payment, company: str, checkout_url: str) -> PaymentSnapshot:
    """A frozen copy of ``p`` for the outside world."""
    return PaymentSnapshot(
        transaction_id=p.transaction_id,
        mode=p.mode,
        amount=p.amount,
        fees=p.fees,
        currency=p.currency,
        company=company,
        product=p.product,
        description=p.description,
        status=p.status,
        cancelled=p.cancelled,
        created=utc(p.created),
        paid_at=None if p.paid_at is None else utc(p.paid_at),
        checkout_url=checkout_url,
        notify_url=p.notify_url,
        success_url=p.success_url,
        cancel_url=p.cancel_url,
        api_key=p.api_key,
    )
