"""Reconciliation: find the payment of an "outcome unknown" sale in HPAY's history.

HPAY has no idempotency key, so a /payment/ request that got no usable answer
may or may not have created a payment. The only link between a sale and its
payment is the sale reference HPOS wrote first in the description
(``reference.py``). A history entry is a candidate (:func:`matches`) only when

- its description carries exactly this sale's reference in the reference's
  place (legacy sales, made before references, by an older HPOS: their sale
  number as the description's first word, and only if they were created before
  the journal got references);
- its amount, currency and mode are the sale's;
- HPAY generated it no earlier than the sale was created, less :data:`CLOCK_SKEW`
  (the till's and HPAY's clocks may differ by that much).

The watcher holds a sale's *own* transaction id to the same standard:
:func:`not_its_own` says why HPAY's entry for it is not the sale's payment.

:func:`decide` says what the candidates mean: one is adopted, several need a
person (REVIEW: never guess), none for long enough means nothing was created
(FAILED, safe to try again), none yet means wait.

Reading the history, which can only be searched by day and status: the sale's
own day in HPAY's time zone (``config.server_tz``), and the day before or after
only when the sale was made within :data:`CLOCK_SKEW` (or the payment call's
deadline) of midnight. Two scans, UNPAID then PAID, merged by transaction id with
PAID preferred. Pages overlap by one entry (an entry moving up while we page is
not skipped). The reconciler remembers, per sale and status, every transaction
id it has read and the order HPAY lists them in (newest first, oldest first, or
no order it can prove, judged within each page: a payment made while we page
shifts the next page by one and must not pass for disorder). Then:

- newest first: a scan stops at a page ending with an entry older than the
  sale's earliest possible payment (nothing older can be it) or, on later
  checks, at a page ending with an entry already read (everything after it was
  read before): a later check with nothing new costs one request per status;
- oldest first: a later check reads the last page again and on (entries paid
  meanwhile leave the UNPAID listing and shift it left; more than a page of
  them and the check reads it all again);
- no provable order: every check reads every page.

Nothing here creates or changes a payment: it only reads the history.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from hpos.hpay.client import MAX_PAGE_SIZE, HpayClient
from hpos.hpay.errors import ProtocolError
from hpos.hpay.models import HistoryEntry
from hpos.sales.model import Sale
from hpos.sales.reference import legacy_number_in, reference_in

#: Refuse to read more pages than this in one scan (a history that never ends).
MAX_PAGES = 2000
#: How far HPAY's clock may be behind this till's: a payment dated earlier than the
#: sale's creation less this is not the sale's.
CLOCK_SKEW = timedelta(minutes=5)
STATUSES = ("UNPAID", "PAID")


def matches(sale: Sale, entry: HistoryEntry, *, legacy: bool = False) -> bool:
    """Is this history entry the payment of ``sale`` (see the module's rules)?

    ``legacy``: the sale was made by an HPOS without references, before this
    journal got them; only then does its sale number stand in for a reference.
    """
    if entry.amount != sale.amount:
        return False
    if entry.currency.upper() != sale.currency.upper() or entry.mode.upper() != sale.mode.upper():
        return False
    if entry.date_generated < sale.created_at - CLOCK_SKEW:
        return False
    if sale.reference is not None:
        return reference_in(entry.description) == sale.reference
    return legacy and legacy_number_in(entry.description) == sale.sale_number


def not_its_own(sale: Sale, entry: HistoryEntry) -> str:
    """Why HPAY's entry for the sale's own transaction id is not the sale's payment.

    "" when it is: the amount and currency are the sale's and, when the sale has a
    reference, the description carries it. Else a few words for the cashier's message.
    """
    if entry.amount != sale.amount or entry.currency.upper() != sale.currency.upper():
        return f"{entry.amount} {entry.currency}"
    if sale.reference is not None and reference_in(entry.description) != sale.reference:
        return "another sale's reference" if reference_in(entry.description) else "no reference"
    return ""


@dataclass(frozen=True)
class Verdict:
    """What the candidates of an UNKNOWN sale mean; ``message`` is for the cashier."""

    action: str  # "adopt" (``entry``) | "review" | "give_up" | "wait"
    message: str
    entry: HistoryEntry | None = None


def decide(
    sale: Sale,
    found: list[HistoryEntry],
    *,
    waited: float,
    window: float,
    searches: int = 1,
    min_searches: int = 1,
) -> Verdict:
    """The verdict on ``found`` for a sale whose last update was ``waited`` seconds ago.

    Nothing found gives up only after ``window`` seconds and ``min_searches`` searches.
    """
    number = sale.sale_number
    if len(found) == 1:
        [entry] = found
        note = f"Found payment {entry.transaction_id} of {number} in HPAY's history."
        return Verdict("adopt", note, entry)
    if found:
        ids = ", ".join(e.transaction_id for e in found)
        text = f"{len(found)} HPAY payments match {number} ({ids}); a person must choose."
        return Verdict("review", text)
    if waited >= window and searches >= min_searches:
        if sale.answered:
            text = (
                f"HPAY answered with an error (HTTP {sale.answered}) and no payment in its"
                f" history carries sale {number}: nothing was charged, it is safe to try again."
            )
        else:
            text = (
                f"No payment for {number} reached HPAY. Nothing was charged; it is safe to try"
                " again."
            )
        return Verdict("give_up", text)
    return Verdict("wait", f"No payment for {number} in HPAY's history yet.")


@dataclass
class _Scan:
    """What the reconciler has read of one status for one sale."""

    seen: set[str] = field(default_factory=set)
    last: datetime | None = None  # date of the entry before, within a page
    rises: int = 0  # consecutive pairs going up in date
    falls: int = 0  # consecutive pairs going down
    end: int = 0  # entries listed at the end of the last complete read
    done_once: bool = False  # the first scan has finished

    @property
    def order(self) -> str | None:
        """Either "desc", "asc", or None when the dates read do not prove either."""
        if self.falls and not self.rises:
            return "desc"
        if self.rises and not self.falls:
            return "asc"
        return None

    def observe(self, entries: tuple[HistoryEntry, ...]) -> None:
        """Count the rises and falls within one page (pages may shift while we read)."""
        self.last = None
        for entry in entries:
            if self.last is not None:
                if entry.date_generated > self.last:
                    self.rises += 1
                elif entry.date_generated < self.last:
                    self.falls += 1
            self.last = entry.date_generated


@dataclass
class ScanStats:
    """History requests made, for benchmarks and logs."""

    requests: int = 0


class Reconciler:
    """Reads HPAY's history to find the payments a sale may have created. Thread-safe
    as the watcher uses it: one check of a sale at a time."""

    def __init__(self, client: HpayClient, *, page_size: int = 100) -> None:
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be 1 to {MAX_PAGE_SIZE}")
        self.client = client
        self.page_size = page_size
        self.stats = ScanStats()
        self._lock = threading.Lock()
        self._scans: dict[int, dict[str, _Scan]] = {}
        self._found: dict[int, dict[str, HistoryEntry]] = {}

    def earliest(self, sale: Sale) -> datetime:
        """The earliest date HPAY could have given the sale's payment."""
        return sale.created_at - CLOCK_SKEW

    def search_days(self, sale: Sale) -> tuple[date, date]:
        """The date_from/date_to searched, in HPAY's time zone: the sale's day, and its
        neighbour only when the sale was made within the skew or the call's deadline of
        midnight."""
        tz = self.client.config.server_tz
        latest = sale.created_at + CLOCK_SKEW + timedelta(seconds=self.client.config.deadline)
        return self.earliest(sale).astimezone(tz).date(), latest.astimezone(tz).date()

    def forget(self, sale_id: int) -> None:
        """Drop what was read for a sale (it is settled)."""
        with self._lock:
            self._scans.pop(sale_id, None)
            self._found.pop(sale_id, None)

    def candidates(self, sale: Sale, *, legacy: bool = False) -> list[HistoryEntry]:
        """Every payment in HPAY's history that matches the sale, oldest first.

        The first call reads what can hold the sale's payment; later calls for the
        same sale read only what is new (see the module docstring). Raises the
        client's HpayError when the history cannot be read: an incomplete search
        proves nothing, so no answer is better than a partial one (what was read
        is kept; the next call reads on).
        """
        date_from, date_to = self.search_days(sale)
        with self._lock:
            scans = self._scans.setdefault(sale.id, {s: _Scan() for s in STATUSES})
            found = self._found.setdefault(sale.id, {})
        for status in STATUSES:
            for entry in self._scan(scans[status], status, sale, date_from, date_to):
                if not matches(sale, entry, legacy=legacy):
                    continue
                known = found.get(entry.transaction_id)
                if known is None or (entry.is_paid and not known.is_paid):
                    found[entry.transaction_id] = entry
        return sorted(found.values(), key=lambda e: (e.date_generated, e.transaction_id))

    def _scan(
        self, scan: _Scan, status: str, sale: Sale, date_from: date, date_to: date
    ) -> list[HistoryEntry]:
        """The entries of one status not read before for this sale."""
        earliest = self.earliest(sale)
        fresh: list[HistoryEntry] = []
        step = max(1, self.page_size - 1)
        resume = scan.done_once and scan.order == "asc"
        # Oldest first, a later check reads the last page again and on: entries that left
        # the listing since (paid) shift it left by up to a page without skipping any.
        offset = max(0, scan.end - step) if resume else 0
        for _ in range(MAX_PAGES):
            page = self.client.history(
                status=status,
                date_from=date_from,
                date_to=date_to,
                offset=offset,
                count=self.page_size,
            )
            self.stats.requests += 1
            entries = page.entries
            if resume and offset and (not entries or entries[0].transaction_id not in scan.seen):
                resume, offset = False, 0  # shifted by more than a page: read it all again
                continue
            resume = False
            scan.observe(entries)
            was_seen = bool(entries) and entries[-1].transaction_id in scan.seen
            new = [e for e in entries if e.transaction_id not in scan.seen]
            scan.seen.update(e.transaction_id for e in new)
            fresh.extend(new)
            if not page.has_more:
                scan.end, scan.done_once = offset + len(entries), True
                return fresh
            if scan.order == "desc" and entries and entries[-1].date_generated < earliest:
                scan.done_once = True  # everything after is older still: none can be ours
                return fresh
            if scan.order == "desc" and scan.done_once and was_seen:
                return fresh  # read before, and everything after it too
            offset += step
        raise ProtocolError(f"HPAY's history did not end after {MAX_PAGES} pages.")
