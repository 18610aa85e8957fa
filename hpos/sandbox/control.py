"""The ``/_sandbox/`` control interface, for tests and the CLI (never part of HPAY).

- ``POST /_sandbox/pay {"transaction_id"}``: pay as the customer would.
- ``POST /_sandbox/expire-tokens``: make every issued token invalid.
- ``POST /_sandbox/fault {"endpoint", "kind", "times", "seconds"}``: inject a fault.
- ``POST /_sandbox/clear-faults``: remove every fault.
- ``GET /_sandbox/payments``: every payment; ``GET /_sandbox/stats``: counters.

Answers are JSON ``{"success": true, ...}``; refusals raise :class:`Refusal`.
"""

from __future__ import annotations

from typing import Any, Protocol

from hpos.sandbox import codes
from hpos.sandbox.accounts import money_text
from hpos.sandbox.codes import Refusal
from hpos.sandbox.faults import Fault
from hpos.sandbox.payments import PaymentSnapshot

CONTROL_POST = (
    "/_sandbox/pay",
    "/_sandbox/expire-tokens",
    "/_sandbox/fault",
    "/_sandbox/clear-faults",
)
CONTROL_GET = ("/_sandbox/payments", "/_sandbox/stats")


class Controls(Protocol):
    """What the control interface drives (a :class:`~hpos.sandbox.server.SandboxServer`)."""

    def mark_paid(self, txid: str) -> PaymentSnapshot: ...

    def expire_tokens(self) -> int: ...

    def add_fault(
        self, endpoint: str, kind: str, *, times: int | None = None, seconds: float | None = None
    ) -> Fault: ...

    def clear_faults(self) -> None: ...

    def payments(self) -> list[PaymentSnapshot]: ...

    def stats(self) -> dict[str, Any]: ...


def control_view(p: PaymentSnapshot) -> dict[str, Any]:
    """A payment as ``/_sandbox/`` shows it (amounts as text, times ISO 8601)."""
    return {
        "transaction_id": p.transaction_id,
        "mode": p.mode,
        "amount": money_text(p.amount, p.currency),
        "fees": money_text(p.fees, p.currency),
        "currency": p.currency,
        "product": p.product,
        "description": p.description,
        "status": p.status,
        "cancelled": p.cancelled,
        "created": p.created.isoformat(),
        "paid_at": None if p.paid_at is None else p.paid_at.isoformat(),
        "checkout_url": p.checkout_url,
    }


def control_get(owner: Controls, path: str) -> dict[str, Any]:
    """Answer one of ``CONTROL_GET``."""
    if path == "/_sandbox/payments":
        return {"success": True, "payments": [control_view(p) for p in owner.payments()]}
    return {"success": True, **owner.stats()}


def control_post(owner: Controls, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """Answer one of ``CONTROL_POST``; raises :class:`Refusal`."""
    if path == "/_sandbox/pay":
        txid = body.get("transaction_id")
        try:
            payment = owner.mark_paid(txid if isinstance(txid, str) else "")
        except KeyError:
            raise Refusal(
                codes.UNKNOWN_TRANSACTION, "Unknown transaction_id", http_status=404
            ) from None
        return {"success": True, "message": "Marked paid", "payment": control_view(payment)}
    if path == "/_sandbox/expire-tokens":
        expired = owner.expire_tokens()
        return {"success": True, "message": "Tokens expired", "expired": expired}
    if path == "/_sandbox/clear-faults":
        owner.clear_faults()
        return {"success": True, "message": "Faults cleared"}
    try:
        owner.add_fault(
            body.get("endpoint", "*"),
            body.get("kind", ""),
            times=body.get("times"),
            seconds=float(body["seconds"]) if body.get("seconds") is not None else None,
        )
    except (ValueError, TypeError) as exc:
        raise Refusal(codes.BAD_FIELD, f"Invalid fault: {exc}") from None
    return {"success": True, "message": "Fault added"}
