"""The day report: the till's own figures for a day (or a range), checked against HPAY.

Local side: the sales *created* in [start 00:00, end + 1 day 00:00) of the till's
time zone ``tz``, of one mode (a PROD report never counts TEST sales: the other
mode's sales of the period are only listed apart, as ``other_modes``), one report
per currency (:func:`build_day_reports`; a shop normally has one currency and
:func:`build_day_report` returns that one). PAID includes paid-late sales (also
counted apart); fees are those of the PAID sales.

HPAY side: HPAY's PAID history over the same window, compared sale by sale; how it
is read and every kind of :class:`Discrepancy` are in :mod:`hpos.sales.report_check`.
The report types live in :mod:`hpos.sales.report_types`; import everything from here.

When HPAY cannot be reached the report keeps the local figures and sets
``hpay_error``. Pure Python: no Qt, no threads; the GUI runs it on its runner.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from hpos.hpay.client import MAX_PAGE_SIZE, MODES, HpayClient
from hpos.hpay.errors import HpayError, InvalidRequest
from hpos.hpay.money import amount_text
from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.report_cashiers import cashier_lines
from hpos.sales.report_check import History, compare, fetch_history, other_mode_issue
from hpos.sales.report_items import ItemLine, ItemsSold, items_sold
from hpos.sales.report_types import (
    ERROR_KINDS,
    CashierLine,
    DayReport,
    Discrepancy,
    LocalSummary,
    ModeTotals,
    StateLine,
)
from hpos.sales.states import SaleState

__all__ = [
    "ERROR_KINDS",
    "NOT_RECORDED",
    "PAID",
    "ROW_FIELDS",
    "CashierLine",
    "DayReport",
    "Discrepancy",
    "ItemLine",
    "ItemsSold",
    "LocalSummary",
    "ModeTotals",
    "StateLine",
    "build_day_report",
    "build_day_reports",
    "day_window",
    "local_summary",
    "report_rows",
]

PAID = SaleState.PAID
ROW_FIELDS = ("section", "item", "severity", "count", "amount", "currency")
ROW_FIELDS += ("transaction_id", "sale_number", "detail")
_ZERO = Decimal(0)
#: The ``detail`` of a by-cashier row whose sales name no cashier (older sales).
NOT_RECORDED = "not recorded"


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
    groups, others = _local_groups(journal, start, end, mode, tz)
    code = currency if currency is not None else _single(groups)
    sales = groups.get(code or "", [])
    return _summarize(sales, start, end or start, mode, code, tz, others)


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
        row.update(
            count="" if count is None else str(count),
            amount="" if amount is None else amount_text(amount, cur),
        )
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
    for other in report.other_modes:  # listed apart, never in the figures above
        add(
            "not_counted",
            other.mode,
            count=other.paid_count,
            amount=other.paid_total,
            currency=other.currency,
            detail=f"{other.sales_count} {other.mode} sale(s), {other.paid_count} paid: "
            f"not in this {report.mode} report's totals",
        )
    for who in report.by_cashier:  # item: the name ("" and detail "not recorded": none)
        name, detail = who.cashier or "", "" if who.cashier else NOT_RECORDED
        add("cashier_paid", name, count=who.paid_count, amount=who.paid_total, detail=detail)
        add("cashier_fees", name, amount=who.fees_total, detail=detail)
        add("cashier_net", name, amount=who.net, detail=detail)
    if report.items.shown:  # item: the name as sold; count: the quantity
        for line in report.items.items:
            detail = f"item {line.item_id}" if line.item_id is not None else ""
            add("items_sold", line.name, count=line.quantity, amount=line.amount, detail=detail)
        sold = report.items
        add("items_sold", "free_amounts", count=sold.free_count, amount=sold.free_amount)
        add(
            "items_sold",
            "sales_without_lines",
            count=sold.unlined_count,
            amount=sold.unlined_amount,
        )
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
) -> tuple[dict[str, list[Sale]], tuple[ModeTotals, ...]]:
    """The period's sales of ``mode`` by currency, and the other modes' totals apart."""
    lo, hi = day_window(start, end, tz)
    groups: dict[str, list[Sale]] = {}
    others: dict[tuple[str, str], list[Sale]] = {}
    for sale in journal.sales_between(lo, hi):
        if sale.mode == mode:
            groups.setdefault(sale.currency, []).append(sale)
        else:
            others.setdefault((sale.mode, sale.currency), []).append(sale)
    totals = []
    for (other, code), sales in sorted(others.items()):
        paid = [s.amount for s in sales if s.state is PAID]
        totals.append(ModeTotals(other, code, len(sales), len(paid), sum(paid, _ZERO)))
    return groups, tuple(totals)


def _single(groups: dict[str, list[Sale]]) -> str | None:
    if len(groups) > 1:
        raise ValueError(f"The period holds several currencies ({', '.join(sorted(groups))}).")
    return next(iter(groups), None)


def _summarize(
    sales: list[Sale],
    start: date,
    end: date,
    mode: str,
    currency: str | None,
    tz: tzinfo,
    others: tuple[ModeTotals, ...] = (),
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
        other_modes=tuple(o for o in others if currency is None or o.currency == currency),
        by_cashier=cashier_lines(sales),
        items=items_sold(sales),
    )


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
    groups, others = _local_groups(journal, start, end, mode, tz)
    history: History | None = None
    error: str | None = None
    if client is not None:
        try:
            history = fetch_history(client, window, mode, page_size, max_lookups)
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
        local = _summarize(sales, start, end or start, mode, code or None, tz, others)
        values = {f.name: getattr(local, f.name) for f in fields(LocalSummary)}
        if history is None:
            reports.append(DayReport(**values, hpay_error=error))
            continue
        issues = compare(journal, client, sales, code, history, window)
        paid = [e for e in history.inside.values() if e.currency == code]
        issues += [other_mode_issue(e) for e in history.other_mode.values() if e.currency == code]
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
