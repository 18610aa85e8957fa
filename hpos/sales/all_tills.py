"""Every till of the account: HPAY's history of one day, grouped by till.

Tills never talk to each other; HPAY's history holds every payment of the
account, and each payment HPOS asked for carries its sale reference as the
description's first word (:mod:`hpos.sales.reference`), followed by the sale
number::

    HPOS-7KQ3M9XW-000042-R8TNZ4 TILL1-000042 exchange for a blue one

So a payment belongs to the till named in its sale number (``TILL1``) *and* to
the journal id of its reference (``7KQ3M9XW``): two tills left on the same name
keep two lines, and a till renamed during the day shows both names. A payment
whose description does not start with a sale reference was taken elsewhere
(HPAY's own dashboard, another shop software, or an HPOS from before sale
references): it is counted apart, under "not from HPOS", never in a till's line.

Per line: paid count, amount, fees and net (amount less fees) of the PAID
payments, and how many are still unpaid. Amounts of different currencies are
never added together (one line per till and currency; an account normally has
one). Payments of the other mode (a TEST payment in a PROD report) and those
dated outside the day are counted but left out of every line.

Reading: every page of ``/getPaymentHistory/`` for the day (any status, one
pass: a payment paid while the pages are read is never counted twice), through
:meth:`~hpos.hpay.client.HpayClient.iter_history`. Memory stays flat however
many payments the day holds: each entry is added to its line's sums and
dropped; only the ids of the last two pages are kept (a payment created while
paging shifts a newest-first listing, so the next page starts with entries
already read), and at most :data:`NOT_HPOS_LISTED` of the payments not from
HPOS are listed (all of them are counted and summed).

The day is [00:00, 24:00) of ``tz`` (default: HPAY's own time zone, when
``date_from`` = ``date_to`` = the day); another zone reads the one or two
server days that cover it and keeps the entries dated inside. Pure Python: no
Qt, no threads; the window runs it on its runner, ``hpos report --all-tills``
in the terminal.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal

from hpos.hpay.client import MAX_PAGE_SIZE, HpayClient
from hpos.hpay.errors import InvalidRequest
from hpos.hpay.models import HistoryEntry
from hpos.sales.reference import parse_reference, parse_sale_number, sale_number_in

__all__ = [
    "NOT_HPOS_LISTED",
    "AllTillsReport",
    "OtherPayment",
    "TillLine",
    "Totals",
    "build_all_tills",
    "till_of",
]

#: At most this many payments not from HPOS are listed one by one (all are counted).
NOT_HPOS_LISTED = 50
_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Totals:
    """The sums of one line: PAID payments (count, amount, fees) and unpaid ones (count)."""

    currency: str
    paid_count: int = 0
    paid_amount: Decimal = _ZERO
    fees: Decimal = _ZERO
    unpaid_count: int = 0

    @property
    def net(self) -> Decimal:
        """What the shop keeps of the paid amount: amount less fees."""
        return self.paid_amount - self.fees

    @property
    def count(self) -> int:
        """Every payment of the line, paid or not."""
        return self.paid_count + self.unpaid_count


@dataclass(frozen=True, slots=True)
class TillLine:
    """One till's payments of the day: its name in the sale numbers and its journal id.

    ``till`` is "" when the reference is not followed by a sale number.
    """

    till: str
    journal_id: str
    totals: Totals


@dataclass(frozen=True, slots=True)
class OtherPayment:
    """A payment of the day that carries no HPOS sale reference (taken elsewhere)."""

    transaction_id: str
    amount: Decimal
    fees: Decimal | None
    currency: str
    status: str
    product: str
    description: str
    date_generated: datetime


@dataclass(frozen=True, slots=True)
class AllTillsReport:
    """HPAY's history of one day by till, the payments not from HPOS apart, and the totals."""

    day: date
    mode: str
    tz: str
    tills: tuple[TillLine, ...]  # by till name, journal id, currency
    not_hpos: tuple[Totals, ...]  # per currency (empty: every payment came from HPOS)
    not_hpos_listed: tuple[OtherPayment, ...]  # the first NOT_HPOS_LISTED read (newest first)
    totals: tuple[Totals, ...]  # per currency: every till and the payments not from HPOS
    other_mode_count: int  # payments of the other mode HPAY listed: left out
    outside_count: int  # payments dated outside the day (another zone's edges): left out
    entries_read: int  # history entries read, repeats included
    pages_read: int

    @property
    def not_hpos_count(self) -> int:
        """How many payments of the day carry no HPOS reference."""
        return sum(t.count for t in self.not_hpos)

    @property
    def currencies(self) -> tuple[str, ...]:
        """The currencies of the day's payments, sorted."""
        return tuple(t.currency for t in self.totals)


def till_of(description: str) -> tuple[str, str] | None:
    """(till name, journal id) of a payment made by HPOS, from its description; None when
    the description's first word is not a sale reference (a payment taken elsewhere)."""
    words = description.split(maxsplit=1)
    reference = parse_reference(words[0]) if words else None
    if reference is None:
        return None
    number = sale_number_in(description)
    parsed = parse_sale_number(number) if number else None
    return (parsed[0] if parsed else "", reference.journal_id)


class _Sums:
    """A line's running sums (one entry added at a time, nothing kept)."""

    __slots__ = ("fees", "paid_amount", "paid_count", "unpaid_count")

    def __init__(self) -> None:
        self.paid_count = 0
        self.paid_amount = _ZERO
        self.fees = _ZERO
        self.unpaid_count = 0

    def add(self, entry: HistoryEntry) -> None:
        if entry.is_paid:
            self.paid_count += 1
            self.paid_amount += entry.amount
            self.fees += entry.fees or _ZERO
        else:
            self.unpaid_count += 1

    def totals(self, currency: str) -> Totals:
        return Totals(currency, self.paid_count, self.paid_amount, self.fees, self.unpaid_count)


class _Seen:
    """The ids of the last ``size`` entries read: a repeat at a page's edge is skipped."""

    def __init__(self, size: int) -> None:
        self._order: deque[str] = deque()
        self._ids: set[str] = set()
        self._size = size

    def repeat(self, txid: str) -> bool:
        if txid in self._ids:
            return True
        self._order.append(txid)
        self._ids.add(txid)
        if len(self._order) > self._size:
            self._ids.discard(self._order.popleft())
        return False


def build_all_tills(
    client: HpayClient,
    day: date,
    *,
    tz: tzinfo | None = None,
    page_size: int = 100,
    progress: Callable[[int], None] | None = None,
    listed: int = NOT_HPOS_LISTED,
) -> AllTillsReport:
    """The day's payments of the client's account and mode, by till (see the module).

    ``progress(entries_read)`` is called after each page (on the calling thread).
    Any :class:`~hpos.hpay.errors.HpayError` while reading propagates: half a day's
    pages are never shown as the day's totals.
    """
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InvalidRequest(f"History pages hold 1 to {MAX_PAGE_SIZE} rows.")
    mode = client.config.mode
    server_tz = client.config.server_tz
    zone = tz or server_tz
    lo = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    hi = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    first = lo.astimezone(server_tz).date()
    last = (hi - timedelta(microseconds=1)).astimezone(server_tz).date()
    tills: dict[tuple[str, str, str], _Sums] = {}
    others: dict[str, _Sums] = {}
    other_list: list[OtherPayment] = []
    seen = _Seen(2 * page_size)
    read = other_mode = outside = 0
    for entry in client.iter_history(date_from=first, date_to=last, page_size=page_size):
        read += 1
        if progress is not None and read % page_size == 0:
            progress(read)
        if seen.repeat(entry.transaction_id):
            continue
        if entry.mode and entry.mode != mode:
            other_mode += 1
            continue
        if not lo <= entry.date_generated < hi:
            outside += 1
            continue
        owner = till_of(entry.description)
        if owner is None:
            others.setdefault(entry.currency, _Sums()).add(entry)
            if len(other_list) < listed:
                other_list.append(_other(entry))
            continue
        tills.setdefault((*owner, entry.currency), _Sums()).add(entry)
    if progress is not None and read % page_size:
        progress(read)
    return AllTillsReport(
        day=day,
        mode=mode,
        tz=str(zone),
        tills=tuple(
            TillLine(name, journal, sums.totals(cur))
            for (name, journal, cur), sums in sorted(tills.items())
        ),
        not_hpos=tuple(sums.totals(cur) for cur, sums in sorted(others.items())),
        not_hpos_listed=tuple(other_list),
        totals=_grand_totals(tills, others),
        other_mode_count=other_mode,
        outside_count=outside,
        entries_read=read,
        pages_read=read // page_size + 1,
    )


def _other(entry: HistoryEntry) -> OtherPayment:
    return OtherPayment(
        entry.transaction_id,
        entry.amount,
        entry.fees,
        entry.currency,
        entry.status,
        entry.product,
        entry.description,
        entry.date_generated,
    )


def _grand_totals(
    tills: dict[tuple[str, str, str], _Sums], others: dict[str, _Sums]
) -> tuple[Totals, ...]:
    """Per currency: every till's sums and those of the payments not from HPOS."""
    lines = [(key[2], sums) for key, sums in tills.items()] + list(others.items())
    grand: dict[str, _Sums] = {}
    for currency, sums in lines:
        total = grand.setdefault(currency, _Sums())
        total.paid_count += sums.paid_count
        total.paid_amount += sums.paid_amount
        total.fees += sums.fees
        total.unpaid_count += sums.unpaid_count
    return tuple(sums.totals(cur) for cur, sums in sorted(grand.items()))
