"""The day report: the till's own figures for a day (or a range), checked against HPAY.

Local side: the sales *created* in [start 00:00, end + 1 day 00:00) of the till's
time zone ``tz``, of one mode (a PROD report never counts TEST sales), one report
per currency (:func:`build_day_reports`; a shop normally has one currency and
:func:`build_day_report` returns that one). PAID includes paid-late sales (also
counted apart); fees are those of the PAID sales.

HPAY side: every page of ``/getPaymentHistory/`` with ``statut=PAID`` over the
server-time dates covering the window, kept when ``date_generated`` falls in the
window (HPAY, like the journal, dates a payment by its creation). Pages are
de-duplicated by transaction id, so a payment created while paging cannot count
twice. Sales are compared by transaction id; every difference is a
:class:`Discrepancy`:

- ``missing_at_hpay`` (error): PAID here, not PAID at HPAY (each such sale is
  looked up once more by id, up to ``max_lookups``, to say why);
- ``amount_differs`` (error): same transaction, different amount or currency;
- ``paid_at_hpay_only``: PAID at HPAY, not PAID here (the watcher missed it);
- ``not_from_this_till``: PAID at HPAY, unknown to this journal;
- ``other_day``: PAID on both sides but dated on another day by one of them;
- ``other_mode``: HPAY listed a payment of the other mode (left out of totals).

When HPAY cannot be reached the report keeps the local figures and sets
``hpay_error``. Pure Python: no Qt, no threads; the GUI runs it on its runner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from hpos.hpay.client import MAX_PAGE_SIZE, MODES, HpayClient
from hpos.hpay.errors import HpayError, InvalidRequest
from hpos.hpay.models import HistoryEntry
from hpos.hpay.money import currency_decimals, decimal_places
from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.states import SaleState

PAID = SaleState.PAID
ERROR_KINDS = frozenset({"missing_at_hpay", "amount_differs"})
ROW_FIELDS = ("section", "item", "severity", "count", "amount", "currency")
ROW_FIELDS += ("transaction_id", "sale_number", "detail")
_SALE_NUMBER = re.compile(r"(\S+)-(\d{6,})(?=\s|$)")
_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class StateLine:
    """How many sales ended the period in one state, and their amounts."""

    state: SaleState
    count: int
    total: Decimal


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """One difference between the journal and HPAY's history (kinds: module docstring)."""

    kind: str
    transaction_id: str | None
    sale_number: str | None
    amount: Decimal | None
    message: str

    @property
    def is_error(self) -> bool:
        """Money the till counts as received that HPAY does not confirm."""
        return self.kind in ERROR_KINDS


@dataclass(frozen=True, slots=True)
class LocalSummary:
    """The journal's figures for one mode and currency (no network)."""

    start: date
    end: date
    mode: str
    currency: str | None  # None: no sale in the period (and no account currency known)
    tz: str
    by_state: tuple[StateLine, ...]  # states present, in lifecycle order
    sales_count: int
    paid_count: int  # paid late included
    paid_total: Decimal
    paid_late_count: int
    fees_total: Decimal  # fees of the PAID sales
    first_sale: datetime | None  # in ``tz``
    last_sale: datetime | None


@dataclass(frozen=True, slots=True)
class DayReport(LocalSummary):
    """The local figures, HPAY's PAID figures for the same period, and every difference."""

    hpay_paid_count: int | None = None  # None: not checked (no client, or HPAY unreachable)
    hpay_paid_total: Decimal | None = None
    hpay_fees_total: Decimal | None = None
    hpay_error: str | None = None
    discrepancies: tuple[Discrepancy, ...] = field(default=())

    @property
    def checked(self) -> bool:
        """HPAY's history was read for this report."""
        return self.hpay_paid_total is not None

    @property
    def errors(self) -> tuple[Discrepancy, ...]:
        """The discrepancies that are errors."""
        return tuple(d for d in self.discrepancies if d.is_error)

    @property
    def ok(self) -> bool:
        """Checked against HPAY and no difference at all."""
        return self.checked and not self.discrepancies


def day_window(start: date, end: date | None, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start 00:00, end + 1 day 00:00) in ``tz`` (aware; end defaults to start)."""
    last = start if end is None else end
    if last < start:
        raise ValueError("The report's end date is before its start date.")
    return (
        datetime.combine(start, time(0), tzinfo=tz),
        datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz),
    )


def local_summary(
    journal: Journal,
    start: date,
    end: date | None = None,
    *,
    mode: str,
    tz: tzinfo,
    currency: str | None = None,
) -> LocalSummary:
    """The journal's figures for the period; ``currency`` None = the period's only one."""
    groups = _local_groups(journal, start, end, mode, tz)
    code = currency if currency is not None else _single(groups)
    return _summarize(groups.get(code or "", []), start, end or start, mode, code, tz)


def build_day_reports(
    journal: Journal,
    client: HpayClient | None,
    start: date,
    end: date | None = None,
    *,
    mode: str,
    tz: tzinfo,
    page_size: int = 100,
    max_lookups: int = 20,
) -> tuple[DayReport, ...]:
    """One report per currency seen in the period (locally or at HPAY), sorted by code."""
    return _build(journal, client, start, end, mode, tz, page_size, max_lookups, None)


def build_day_report(
    journal: Journal,
    client: HpayClient | None,
    start: date,
    end: date | None = None,
    *,
    mode: str,
    tz: tzinfo,
    currency: str | None = None,
    page_size: int = 100,
    max_lookups: int = 20,
) -> DayReport:
    """The report of one currency (None: the period's only one; ValueError if several)."""
    reports = _build(journal, client, start, end, mode, tz, page_size, max_lookups, currency)
    if len(reports) > 1:
        codes = ", ".join(r.currency or "" for r in reports)
        raise ValueError(f"The period holds several currencies ({codes}); name one.")
    return reports[0]


def report_rows(report: DayReport) -> list[dict[str, str]]:
    """The report as flat rows (keys :data:`ROW_FIELDS`, exact amounts) for CSV or JSON."""
    cur = report.currency or ""
    rows: list[dict[str, str]] = []

    def add(
        section: str,
        item: str,
        *,
        count: int | None = None,
        amount: Decimal | None = None,
        **more: str | None,
    ) -> None:
        row = dict.fromkeys(ROW_FIELDS, "")
        row.update(section=section, item=item, currency=cur if amount is not None else "")
        row.update(count="" if count is None else str(count), amount=_money(amount, cur))
        row.update({k: v or "" for k, v in more.items()})
        rows.append(row)

    status = "ok" if report.ok else ("errors" if report.errors else "check")
    add("report", "period", detail=f"{report.start.isoformat()}..{report.end.isoformat()}")
    add("report", "mode", detail=report.mode)
    add("report", "timezone", detail=report.tz)
    add("report", "status", detail=status if report.checked else "not checked against HPAY")
    for line in report.by_state:
        add("state", line.state.value, count=line.count, amount=line.total)
    add("local", "sales", count=report.sales_count)
    add("local", "paid", count=report.paid_count, amount=report.paid_total)
    add("local", "paid_late", count=report.paid_late_count)
    add("local", "fees", amount=report.fees_total)
    for item, when in (("first_sale", report.first_sale), ("last_sale", report.last_sale)):
        add("local", item, detail=when.isoformat() if when else "")
    if report.checked:
        add("hpay", "paid", count=report.hpay_paid_count, amount=report.hpay_paid_total)
        add("hpay", "fees", amount=report.hpay_fees_total)
    if report.hpay_error:
        add("hpay", "error", severity="error", detail=report.hpay_error)
    for d in report.discrepancies:
        severity = "error" if d.is_error else "warning"
        add(
            "discrepancy",
            d.kind,
            amount=d.amount,
            severity=severity,
            detail=d.message,
            transaction_id=d.transaction_id,
            sale_number=d.sale_number,
        )
    return rows


# -- building -------------------------------------------------------------------------


def _check(mode: str, client: HpayClient | None, page_size: int) -> None:
    if mode not in MODES:
        raise InvalidRequest(f"The report's mode must be TEST or PROD, not {mode!r}.")
    if client is not None and client.config.mode != mode:
        raise InvalidRequest(
            f"A {mode} report cannot be checked with a {client.config.mode} HPAY client: "
            f"{client.config.mode} history is never mixed into {mode} figures."
        )
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InvalidRequest(f"History pages hold 1 to {MAX_PAGE_SIZE} rows.")


def _local_groups(
    journal: Journal, start: date, end: date | None, mode: str, tz: tzinfo
) -> dict[str, list[Sale]]:
    lo, hi = day_window(start, end, tz)
    groups: dict[str, list[Sale]] = {}
    for sale in journal.sales_between(lo, hi, mode=mode):
        groups.setdefault(sale.currency, []).append(sale)
    return groups


def _single(groups: dict[str, list[Sale]]) -> str | None:
    if len(groups) > 1:
        raise ValueError(f"The period holds several currencies ({', '.join(sorted(groups))}).")
    return next(iter(groups), None)


def _summarize(
    sales: list[Sale], start: date, end: date, mode: str, currency: str | None, tz: tzinfo
) -> LocalSummary:
    counts = dict.fromkeys(SaleState, 0)
    totals = dict.fromkeys(SaleState, _ZERO)
    for sale in sales:
        counts[sale.state] += 1
        totals[sale.state] += sale.amount
    paid = [s for s in sales if s.state is PAID]
    return LocalSummary(
        start=start,
        end=end,
        mode=mode,
        currency=currency,
        tz=str(tz),
        by_state=tuple(StateLine(s, counts[s], totals[s]) for s in SaleState if counts[s]),
        sales_count=len(sales),
        paid_count=len(paid),
        paid_total=totals[PAID],
        paid_late_count=sum(s.paid_late for s in paid),
        fees_total=sum((s.fees for s in paid if s.fees is not None), _ZERO),
        first_sale=sales[0].created_at.astimezone(tz) if sales else None,
        last_sale=sales[-1].created_at.astimezone(tz) if sales else None,
    )


@dataclass
class _History:
    """HPAY's PAID entries of this mode: dated in the window, and fetched but dated outside."""

    inside: dict[str, HistoryEntry] = field(default_factory=dict)
    outside: dict[str, HistoryEntry] = field(default_factory=dict)
    other_mode: dict[str, HistoryEntry] = field(default_factory=dict)
    lookups: int = 0  # transactions that may still be looked up one by one


def _fetch(
    client: HpayClient, window: tuple[datetime, datetime], mode: str, size: int, lookups: int
) -> _History:
    lo, hi = window
    server_tz = client.config.server_tz
    first = lo.astimezone(server_tz).date()
    last = (hi - timedelta(microseconds=1)).astimezone(server_tz).date()
    found = _History(lookups=lookups)
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


def _build(
    journal: Journal,
    client: HpayClient | None,
    start: date,
    end: date | None,
    mode: str,
    tz: tzinfo,
    page_size: int,
    max_lookups: int,
    only: str | None,
) -> tuple[DayReport, ...]:
    _check(mode, client, page_size)
    window = day_window(start, end, tz)
    groups = _local_groups(journal, start, end, mode, tz)
    history: _History | None = None
    error: str | None = None
    if client is not None:
        try:
            history = _fetch(client, window, mode, page_size, max_lookups)
        except HpayError as exc:
            error = f"HPAY's history could not be read: {exc.message}"
    codes = {only} if only else set(groups)
    if history is not None and not only:
        codes.update(e.currency for e in history.inside.values())
    if not codes:
        token = client.cached_token() if client is not None else None
        codes = {token.currency if token else ""}
    reports = []
    for code in sorted(codes):
        sales = groups.get(code, [])
        local = _summarize(sales, start, end or start, mode, code or None, tz)
        values = {f.name: getattr(local, f.name) for f in fields(LocalSummary)}
        if history is None:
            reports.append(DayReport(**values, hpay_error=error))
            continue
        issues = _compare(journal, client, sales, code, history, window)
        paid = [e for e in history.inside.values() if e.currency == code]
        issues += [_other_mode(e) for e in history.other_mode.values() if e.currency == code]
        reports.append(
            DayReport(
                **values,
                hpay_paid_count=len(paid),
                hpay_paid_total=sum((e.amount for e in paid), _ZERO),
                hpay_fees_total=sum((e.fees for e in paid if e.fees is not None), _ZERO),
                discrepancies=tuple(issues),
            )
        )
    return tuple(reports)


# -- comparing ------------------------------------------------------------------------


def _compare(
    journal: Journal,
    client: HpayClient | None,
    sales: list[Sale],
    code: str,
    history: _History,
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
    what = f"Sale {sale.sale_number} ({_show(sale.amount, sale.currency)}) is PAID here"
    if entry is None or not entry.is_paid:
        kind, text = "missing_at_hpay", f"{what} but {why}."
    elif not window[0] <= entry.date_generated < window[1]:
        when = entry.date_generated.isoformat(sep=" ")
        kind, text = "other_day", f"{what}; HPAY dates its payment {when}."
    elif entry.amount != sale.amount or entry.currency != sale.currency:
        theirs = _show(entry.amount, entry.currency)
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
        f"HPAY has {tx} PAID ({_show(entry.amount, entry.currency)}) but sale "
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
    paid = f"Payment {tx} ({_show(amount, entry.currency)}) was paid on HPAY"
    match = _SALE_NUMBER.match(entry.description)
    if match is None:
        text = f"{paid} but not from this till ({entry.product or 'no product name'})."
        return Discrepancy("not_from_this_till", tx, None, amount, text)
    number, till = match.group(0), match.group(1)
    own = journal.find(number)
    if own is not None and own.sale_number == number:
        if own.transaction_id is None or own.state is not PAID:
            return _paid_there(entry, own)
        text = f"{paid} for sale {number}, already paid here by {own.transaction_id}: paid twice?"
        return Discrepancy("not_from_this_till", tx, number, amount, text)
    text = f"{paid} for sale {number} of till {till}: not from this till."
    return Discrepancy("not_from_this_till", tx, number, amount, text)


def _other_mode(entry: HistoryEntry) -> Discrepancy:
    text = f"HPAY listed {entry.mode} payment {entry.transaction_id} here; left out of the totals."
    return Discrepancy("other_mode", entry.transaction_id, None, entry.amount, text)


def _show(amount: Decimal, currency: str) -> str:
    return f"{_money(amount, currency)} {currency}".strip()


def _money(amount: Decimal | None, currency: str) -> str:
    """Exact text; padded to the currency's decimals when that loses nothing ("14900")."""
    if amount is None:
        return ""
    if currency and decimal_places(amount) <= currency_decimals(currency):
        amount = amount.quantize(Decimal(1).scaleb(-currency_decimals(currency)))
    return f"{amount:f}"
