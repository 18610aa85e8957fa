"""The sale lifecycle: its states and the transitions allowed between them.

A sale is written to the journal as CREATED before anything is sent, becomes
REQUESTING just before the payment request leaves, AWAITING once HPAY's
transaction id and checkout URL are committed, and PAID when HPAY's history says
so. A request that may or may not have created a payment is UNKNOWN until the
reconciler finds it (AWAITING or PAID), proves it absent (FAILED) or finds
several candidates (REVIEW: a human decides). CANCELLED and EXPIRED sales are
still watched for a grace period: if HPAY reports them PAID they become PAID
with the paid-late mark, never dropped.
"""

from __future__ import annotations

from enum import StrEnum


class SaleState(StrEnum):
    """Where a sale stands; the value is what the journal stores."""

    CREATED = "created"
    REQUESTING = "requesting"
    AWAITING = "awaiting"
    PAID = "paid"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    FAILED = "failed"
    UNKNOWN = "unknown"
    REVIEW = "review"

    @property
    def is_final(self) -> bool:
        """Nothing more will happen to the sale by itself."""
        return self in FINAL

    @property
    def is_open(self) -> bool:
        """The sale still needs work at start-up (sending, watching or reconciling)."""
        return self in OPEN


S = SaleState

#: from-state -> the states it may move to.
TRANSITIONS: dict[SaleState, frozenset[SaleState]] = {
    S.CREATED: frozenset({S.REQUESTING, S.FAILED}),
    S.REQUESTING: frozenset({S.AWAITING, S.FAILED, S.UNKNOWN, S.REVIEW}),
    S.AWAITING: frozenset({S.PAID, S.CANCELLED, S.EXPIRED, S.REVIEW}),
    S.CANCELLED: frozenset({S.PAID, S.REVIEW}),
    S.EXPIRED: frozenset({S.PAID, S.REVIEW}),
    S.UNKNOWN: frozenset({S.AWAITING, S.PAID, S.FAILED, S.REVIEW}),
    S.REVIEW: frozenset({S.AWAITING, S.PAID, S.FAILED}),
    S.PAID: frozenset(),
    S.FAILED: frozenset(),
}

FINAL = frozenset({S.PAID, S.FAILED})
#: States resumed at start-up. A crash in CREATED means nothing was sent (FAILED,
#: safe to try again); in REQUESTING the request may have gone out, so the sale
#: becomes UNKNOWN and is reconciled, never resent.
OPEN = frozenset({S.CREATED, S.REQUESTING, S.AWAITING, S.UNKNOWN, S.CANCELLED, S.EXPIRED})


class IllegalTransition(ValueError):
    """A state change the lifecycle does not allow (a bug, never a user error)."""

    def __init__(self, current: SaleState, target: SaleState) -> None:
        super().__init__(f"A sale cannot go from {current.value} to {target.value}.")
        self.current = current
        self.target = target


def check_transition(current: SaleState, target: SaleState) -> None:
    """Raise IllegalTransition unless ``current`` may become ``target``."""
    if target not in TRANSITIONS[current]:
        raise IllegalTransition(current, target)


def is_paid_late(current: SaleState, target: SaleState) -> bool:
    """A cancelled or expired sale that turns out paid is marked paid late."""
    return target is S.PAID and current in (S.CANCELLED, S.EXPIRED)
