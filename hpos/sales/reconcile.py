"""Reconciliation: find the payment of an "outcome unknown" sale in HPAY's history.

HPAY has no idempotency key, so a /payment/ request that got no usable answer
may or may not have created a payment. Every sale carries a unique sale number
(``TILL1-000042``) at the start of the description sent to HPAY, and the
history echoes that description back. :meth:`Reconciler.candidates` lists the
history entries that carry the sale's number as a whole token *and* the sale's
exact amount; :func:`decide` says what they mean: one candidate is adopted,
several need a person (REVIEW: never guess), none for long enough means nothing
was created (FAILED, safe to try again), none yet means wait. The
:class:`~hpos.sales.watcher.PaymentWatcher` fetches, decides and applies.

The search covers the sale's creation day ±1 day in HPAY's time zone
(``config.server_tz``), all pages, in two scans — UNPAID, then PAID — merged by
transaction id with PAID preferred (a payment paid between the two scans shows
up in both). Pages overlap by one entry, so an entry that moves up while we page
(another payment leaving the UNPAID list) is not skipped; duplicates are merged.

Nothing here creates or changes a payment: it only reads the history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from hpos.hpay.client import MAX_PAGE_SIZE, HpayClient
from hpos.hpay.errors import ProtocolError
from hpos.hpay.models import HistoryEntry
from hpos.sales.model import Sale

#: Refuse to read more pages than this in one scan (a history that never ends).
MAX_PAGES = 2000


def sale_number_pattern(sale_number: str) -> re.Pattern[str]:
    """A regex matching ``sale_number`` as a whole token.

    Word characters and '-' count as part of a token, so ``TILL1-00004`` does
    not match inside ``TILL1-000042`` nor ``X-TILL1-00004``.
    """
    return re.compile(rf"(?<![\w-]){re.escape(sale_number)}(?![\w-])")


def matches(sale: Sale, entry: HistoryEntry) -> bool:
    """Does this history entry carry the sale's number and exact amount?"""
    return entry.amount == sale.amount and bool(
        sale_number_pattern(sale.sale_number).search(entry.description)
    )


@dataclass(frozen=True)
class Verdict:
    """What the candidates of an UNKNOWN sale mean; ``message`` is for the cashier."""

    action: str  # "adopt" (``entry``) | "review" | "give_up" | "wait"
    message: str
    entry: HistoryEntry | None = None


def decide(sale: Sale, found: list[HistoryEntry], *, waited: float, window: float) -> Verdict:
    """The verdict on ``found`` for a sale whose last update was ``waited`` seconds ago."""
    number = sale.sale_number
    if len(found) == 1:
        [entry] = found
        note = f"Found payment {entry.transaction_id} of {number} in HPAY's history."
        return Verdict("adopt", note, entry)
    if found:
        ids = ", ".join(e.transaction_id for e in found)
        text = f"{len(found)} HPAY payments match {number} ({ids}); a person must choose."
        return Verdict("review", text)
    if waited >= window:
        text = (
            f"No payment for {number} reached HPAY. Nothing was charged; it is safe to try again."
        )
        return Verdict("give_up", text)
    return Verdict("wait", f"No payment for {number} in HPAY's history yet.")


class Reconciler:
    """Reads HPAY's history to find the payments a sale may have created."""

    def __init__(self, client: HpayClient, *, page_size: int = 100) -> None:
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be 1 to {MAX_PAGE_SIZE}")
        self.client = client
        self.page_size = page_size

    def search_days(self, sale: Sale) -> tuple[date, date]:
        """The date_from/date_to searched: the creation day ±1 in HPAY's time zone."""
        day = sale.created_at.astimezone(self.client.config.server_tz).date()
        return day - timedelta(days=1), day + timedelta(days=1)

    def candidates(self, sale: Sale) -> list[HistoryEntry]:
        """Every payment in HPAY's history that matches the sale, oldest first.

        Raises the client's HpayError when the history cannot be read: an
        incomplete search proves nothing, so no answer is better than a partial one.
        """
        date_from, date_to = self.search_days(sale)
        found: dict[str, HistoryEntry] = {}
        for status in ("UNPAID", "PAID"):
            for entry in self._scan(status, date_from, date_to):
                if not matches(sale, entry):
                    continue
                known = found.get(entry.transaction_id)
                if known is None or (entry.is_paid and not known.is_paid):
                    found[entry.transaction_id] = entry
        return sorted(found.values(), key=lambda e: (e.date_generated, e.transaction_id))

    def _scan(self, status: str, date_from: date, date_to: date) -> list[HistoryEntry]:
        """All entries of one status, page after page (overlapping by one entry)."""
        entries: list[HistoryEntry] = []
        step = max(1, self.page_size - 1)
        offset = 0
        for _ in range(MAX_PAGES):
            page = self.client.history(
                status=status,
                date_from=date_from,
                date_to=date_to,
                offset=offset,
                count=self.page_size,
            )
            entries.extend(page.entries)
            if not page.has_more:
                return entries
            offset += step
        raise ProtocolError(f"HPAY's history did not end after {MAX_PAGES} pages.")
