"""A day's closing as flat rows (CSV, JSON) and its sentences in English.

:func:`closing_rows` is the day report's rows (:func:`hpos.sales.report.report_rows`,
same :data:`~hpos.sales.report.ROW_FIELDS`) followed by the closing's own: the four
groups with fees and net, each open sale with its next step, the day's closings and
what changed since the last one, and the closing just recorded (when one was). The
window's "Save CSV" and ``hpos report --close --format csv|json`` write these rows.
:data:`REASON_TEXT` and :func:`change_text` are the English wording the terminal and
the rows use (the window has its own, translated); :func:`closing_csv` writes the rows as CSV, text
cells guarded against formulas. Pure Python, no Qt.
"""

from __future__ import annotations

from decimal import Decimal

from hpos.hpay.money import amount_text, format_amount
from hpos.sales.closing import Change, DayClose
from hpos.sales.journal_closings import ClosingRecord
from hpos.sales.report import ROW_FIELDS, report_rows
from hpos.util.csvcell import rows_csv

__all__ = ["CHANGE_TEXT", "REASON_TEXT", "change_text", "closing_csv", "closing_rows"]

#: Why an open sale is open, and what to do, in English (keys of ``closing.STEPS``).
REASON_TEXT = {
    "sending": "the payment request is on its way: wait a moment, HPOS settles it",
    "paying": "the customer may still be paying: wait (HPOS expires it after 15 minutes)",
    "not_watched": "nobody watched it past its expiry: if the customer has gone, cancel it"
    " (a late payment is still caught)",
    "unknown": "outcome unknown: check it (History, F5) before charging again",
    "review": "HPOS needs a person: check it in History against HPAY",
    "paid_at_hpay": "HPAY has it PAID: check it (History, F5) so this till records the payment",
}

#: How a change since the closing is said (``{sale}``, ``{amount}``, ``{state}``).
CHANGE_TEXT = {
    "paid_late": "paid late after closing: {sale} {amount}",
    "paid": "paid after closing: {sale} {amount}",
    "new_sale": "sold after closing: {sale} {amount} ({state})",
}
_OTHER_CHANGE = "{before} at closing, now {state}: {sale} {amount}"


def change_text(change: Change, *, grouped: bool = True) -> str:
    """ "paid late after closing: T1-000006 2,500 XOF"."""
    sale = change.sale
    template = CHANGE_TEXT.get(change.kind, _OTHER_CHANGE)
    return template.format(
        sale=sale.sale_number,
        amount=format_amount(sale.amount, sale.currency, grouped=grouped),
        state=change.after.value.upper(),
        before=(change.before.value.upper() if change.before else ""),
    )


def closing_rows(close: DayClose, recorded: ClosingRecord | None = None) -> list[dict[str, str]]:
    """The report's rows, then the closing's (``recorded``: the closing just written)."""
    rows = report_rows(close.report)
    cur = close.currency

    def add(section: str, item: str, **cells: str | int | Decimal | None) -> None:
        row = dict.fromkeys(ROW_FIELDS, "")
        row.update(section=section, item=item)
        for key, value in cells.items():
            if isinstance(value, Decimal):
                row["currency"] = cur
                value = amount_text(value, cur) if cur else str(value)
            row[key] = "" if value is None else str(value)
        rows.append(row)

    add("closing", "day", detail=close.day.isoformat())
    add("closing", "till", detail=close.till)
    for name, figures in close.groups.items():
        add("group", name, count=figures.count, amount=figures.amount)
        if name == "paid":
            add("group", "paid_fees", amount=figures.fees)
            add("group", "paid_net", amount=figures.net)
    for item in close.open_sales:
        sale = item.sale
        add(
            "open_sale",
            item.step,
            amount=sale.amount,
            sale_number=sale.sale_number,
            transaction_id=sale.transaction_id,
            severity=sale.state.value,
            detail=REASON_TEXT[item.reason],
        )
    for earlier in close.closings:
        if recorded is None or earlier.id != recorded.id:
            add("closed_before", earlier.closed_at.isoformat(), detail=earlier.closed_by or "")
    for change in close.changes:
        sale = change.sale
        add(
            "since_closing",
            change.kind,
            amount=sale.amount,
            sale_number=sale.sale_number,
            transaction_id=sale.transaction_id,
            detail=change_text(change, grouped=False),
        )
    if recorded is not None:
        add("closed", recorded.closed_at.isoformat(), detail=recorded.closed_by or "")
    return rows


def closing_csv(rows: list[dict[str, str]]) -> str:
    """The rows as CSV with a header row (text cells guarded: no formula runs in a sheet)."""
    return rows_csv(ROW_FIELDS, rows)
