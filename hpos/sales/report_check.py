"""Checking the local figures against HPAY's own history.

:func:`fetch_history` reads every page of ``/getPaymentHistory/`` with
``statut=PAID`` over the server-time dates covering the report's window, keeping an
entry as *inside* when its ``date_generated`` falls in the window (HPAY, like the
journal, dates a payment by its creation). Pages are de-duplicated by transaction
id, so a payment created while paging cannot count twice. :func:`compare` then
matches the journal's sales to those entries by transaction id; every difference is
a :class:`~hpos.sales.report_types.Discrepancy`:

- ``missing_at_hpay`` (error): PAID here, not PAID at HPAY (each such sale is
  looked up once more by id, up to ``max_lookups``, to say why);
- ``amount_differs`` (error): same transaction, different amount or currency;
- ``paid_at_hpay_only``: PAID at HPAY, not PAID here (the watcher missed it);
- ``not_from_this_till``: PAID at HPAY, unknown to this journal;
- ``other_day``: PAID on both sides but dated on another day by one of them;
- ``other_mode``: HPAY listed a payment of the other mode (:func:`other_mode_issue`; left
  out of totals).

Used by :mod:`hpos.sales.report`, which builds the reports. Pure Python: no Qt, no
threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from hpos.hpay.client import HpayClient
from hpos.hpay.errors import HpayError
from hpos.hpay.models import HistoryEntry
from hpos.hpay.money import format_amount
from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.reference import parse_sale_number, reference_in, sale_number_in
from hpos.sales.report_types import Discrepancy
from hpos.sales.states import SaleState

PAID = SaleState.PAID


@dataclass
class History:
    """HPAY's PAID entries of this mode: dated in the window, and fetched but dated outside."""

    inside: dict[str, HistoryEntry] = field(default_factory=dict)
    outside: dict[str, HistoryEntry] = field(default_factory=dict)
    other_mode: dict[str, HistoryEntry] = field(default_factory=dict)
    lookups: int = 0  # transactions that may still be looked up one by one


def fetch_history(
    client: HpayClient, window: tuple[datetime, datetime], mode: str, size: int, lookups: int
) -> History:
    """HPAY's PAID entries for ``window``, ``size`` rows a page; ``lookups``: see History."""
    lo, hi = window
    server_tz = client.config.server_tz
    first = lo.astimezone(server_tz).date()
    last = (hi - timedelta(microseconds=1)).astimezone(server_tz).date()
    found = History(lookups=lookups)
    for e in client.iter_history(status="PAID", date_from=first, date_to=last, page_size=size):
        if not e.is_paid:
            continue
        inside = lo <= e.date_generated < hi
        if e.mode and e.mode != mode:
            if inside:
                found.other_mode[e.transaction_id] = e
        else:
            (found.inside if inside else found.outside)[e.transaction_id] = e
    return found


def compare(
    journal: Journal,
    client: HpayClient | None,
    sales: list[Sale],
    code: str,
    history: History,
    window: tuple[datetime, datetime],
) -> list[Discrepancy]:
    """Every difference for one currency; may add looked-up entries to ``history.inside``."""
    issues: list[Discrepancy | None] = []
    lo, hi = window
    for sale in sales:
        if sale.state is not PAID:
            continue
        tx = sale.transaction_id
        entry = history.inside.get(tx or "") or history.outside.get(tx or "")
        why = "HPAY does not list it as paid on these days" if tx else "has no transaction id"
        if tx and entry is None and client is not None and history.lookups > 0:
            history.lookups -= 1
            entry, why = _lookup(client, tx)
            if entry is not None and entry.is_paid and lo <= entry.date_generated < hi:
                history.inside[tx] = entry  # paid while the report was being read
        issues.append(_check_paid(sale, entry, why, window))
    by_tx = {s.transaction_id: s for s in sales if s.transaction_id}
    for tx, entry in history.inside.items():
        sale = by_tx.get(tx)
        if entry.currency != code or (sale is not None and sale.state is PAID):
            continue
        issues.append(
            _unknown(journal, entry, window) if sale is None else _paid_there(entry, sale)
        )
    return [issue for issue in issues if issue is not None]


def _check_paid(
    sale: Sale, entry: HistoryEntry | None, why: str, window: tuple[datetime, datetime]
) -> Discrepancy | None:
    """A local PAID sale against HPAY's entry for its transaction (None: not found)."""
    what = f"Sale {sale.sale_number} ({format_amount(sale.amount, sale.currency)}) is PAID here"
    if entry is None or not entry.is_paid:
        kind, text = "missing_at_hpay", f"{what} but {why}."
    elif not window[0] <= entry.date_generated < window[1]:
        when = entry.date_generated.isoformat(sep=" ")
        kind, text = "other_day", f"{what}; HPAY dates its payment {when}."
    elif entry.amount != sale.amount or entry.currency != sale.currency:
        theirs = format_amount(entry.amount, entry.currency)
        kind, text = "amount_differs", f"{what}; HPAY has it paid for {theirs}."
    else:
        return None
    return Discrepancy(kind, sale.transaction_id, sale.sale_number, sale.amount, text)


def _lookup(client: HpayClient, tx: str) -> tuple[HistoryEntry | None, str]:
    try:
        entry = client.find_payment(tx)
    except HpayError as exc:
        return None, f"HPAY could not be asked about {tx} ({exc.message.rstrip('.')})"
    if entry is None:
        return None, f"HPAY does not know transaction {tx}"
    return entry, f"HPAY says {tx} is {entry.status or 'not paid'}"


def _paid_there(entry: HistoryEntry, sale: Sale) -> Discrepancy:
    tx = entry.transaction_id
    why = "the watcher missed it" if sale.transaction_id == tx else "reconcile it"
    text = (
        f"HPAY has {tx} PAID ({format_amount(entry.amount, entry.currency)}) but sale "
        f"{sale.sale_number} is {sale.state.value.upper()} here: {why}."
    )
    return Discrepancy("paid_at_hpay_only", tx, sale.sale_number, entry.amount, text)


def _unknown(
    journal: Journal, entry: HistoryEntry, window: tuple[datetime, datetime]
) -> Discrepancy | None:
    """A PAID entry of the window that no local sale of the window carries."""
    tx, amount = entry.transaction_id, entry.amount
    sale = journal.find(tx)
    if sale is not None and sale.transaction_id == tx:
        if sale.state is not PAID:
            return _paid_there(entry, sale)
        if window[0] <= sale.created_at < window[1]:
            return None  # a sale of this window in another currency: compared there
        when = sale.created_at.isoformat(sep=" ")
        text = (
            f"HPAY dates payment {tx} on this day, this till dates sale {sale.sale_number} {when}."
        )
        return Discrepancy("other_day", tx, sale.sale_number, amount, text)
    paid = f"Payment {tx} ({format_amount(amount, entry.currency)}) was paid on HPAY"
    ref, number = reference_in(entry.description), sale_number_in(entry.description)
    if ref is None and number is None:
        text = f"{paid} but not from this till ({entry.product or 'no product name'})."
        return Discrepancy("not_from_this_till", tx, None, amount, text)
    own = journal.find(ref or number or "")
    if own is not None and _carries(own, ref, number):
        if own.transaction_id is None or own.state is not PAID:
            return _paid_there(entry, own)
        text = (
            f"{paid} for sale {own.sale_number}, already paid here by {own.transaction_id}:"
            " paid twice?"
        )
        return Discrepancy("not_from_this_till", tx, own.sale_number, amount, text)
    parsed = parse_sale_number(number) if number else None
    where = f"till {parsed[0]}" if parsed else "another till"
    if ref is not None:
        where += f" (reference {ref}, another journal)"
    text = f"{paid} for sale {number or ref} of {where}: not from this till."
    return Discrepancy("not_from_this_till", tx, number, amount, text)


def _carries(sale: Sale, ref: str | None, number: str | None) -> bool:
    """Is an entry with this reference (or, for legacy sales, this number) the sale's?"""
    if ref is not None:
        return sale.reference == ref
    return sale.reference is None and sale.sale_number == number


def other_mode_issue(entry: HistoryEntry) -> Discrepancy:
    """An entry of the other mode that HPAY listed (kept out of the totals)."""
    text = f"HPAY listed {entry.mode} payment {entry.transaction_id} here; left out of the totals."
    return Discrepancy("other_mode", entry.transaction_id, None, entry.amount, text)
