"""What the "Close the day" page and its printout say, in the UI language (no widgets).

The sales layer gives kinds and reasons (:mod:`hpos.sales.closing`); here they become
sentences through ``QCoreApplication.translate("ClosingPage", ...)``, money through
:func:`hpos.ui.money.format_money`, times in the shop's local time.
:func:`closing_blocks` lays the closing out as a receipt's lines, painted by the shared
:mod:`hpos.ui.widgets.paint` on 58 mm, 80 mm or A4 paper.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from hpos.ui.i18n import format_date, format_datetime
from hpos.ui.money import format_money
from hpos.ui.widgets.paper import Blocks

if TYPE_CHECKING:  # the sales layer's types, for the hints only
    from hpos.sales.closing import Change, DayClose, Figures
    from hpos.sales.journal_closings import ClosingRecord
    from hpos.sales.report_items import ItemsSold
    from hpos.sales.report_types import Discrepancy

#: The difference kinds that are errors (red); the others are warnings (amber).
ERROR_COLOUR = "#b71c1c"
WARNING_COLOUR = "#8a5a00"
WARNING_BACKGROUND = "#fff4d6"
ERROR_BACKGROUND = "#fde7e7"


def group_title(name: str) -> str:
    """ "Paid", "Cancelled", "Failed", "Open"."""
    titles = {
        "paid": QCoreApplication.translate("ClosingPage", "Paid"),
        "cancelled": QCoreApplication.translate("ClosingPage", "Cancelled"),
        "failed": QCoreApplication.translate("ClosingPage", "Failed"),
        "open": QCoreApplication.translate("ClosingPage", "Open"),
    }
    return titles[name]


def state_text(value: str) -> str:
    """A sale state as the page shows it."""
    states = {
        "created": QCoreApplication.translate("ClosingPage", "CREATED"),
        "requesting": QCoreApplication.translate("ClosingPage", "SENDING"),
        "awaiting": QCoreApplication.translate("ClosingPage", "WAITING"),
        "paid": QCoreApplication.translate("ClosingPage", "PAID"),
        "cancelled": QCoreApplication.translate("ClosingPage", "CANCELLED"),
        "expired": QCoreApplication.translate("ClosingPage", "EXPIRED"),
        "failed": QCoreApplication.translate("ClosingPage", "FAILED"),
        "unknown": QCoreApplication.translate("ClosingPage", "UNKNOWN"),
        "review": QCoreApplication.translate("ClosingPage", "TO REVIEW"),
    }
    return states.get(value, value.upper())


def step_text(step: str) -> str:
    """ "Wait", "Check", "Cancel": an open sale's next step."""
    steps = {
        "wait": QCoreApplication.translate("ClosingPage", "Wait"),
        "check": QCoreApplication.translate("ClosingPage", "Check"),
        "cancel": QCoreApplication.translate("ClosingPage", "Cancel"),
    }
    return steps[step]


def reason_text(reason: str) -> str:
    """Why an open sale is open, and what to do."""
    reasons = {
        "sending": QCoreApplication.translate(
            "ClosingPage", "The payment request is on its way: wait a moment."
        ),
        "paying": QCoreApplication.translate(
            "ClosingPage", "The customer may still be paying: wait (it expires after 15 minutes)."
        ),
        "not_watched": QCoreApplication.translate(
            "ClosingPage",
            "Nobody watched it past its expiry: if the customer has gone, cancel it "
            "(a late payment is still caught).",
        ),
        "unknown": QCoreApplication.translate(
            "ClosingPage", "Outcome unknown: check it in History (F5) before charging again."
        ),
        "review": QCoreApplication.translate(
            "ClosingPage", "HPOS needs a person: check it in History against HPAY."
        ),
        "paid_at_hpay": QCoreApplication.translate(
            "ClosingPage", "HPAY has it paid: check it in History (F5) so the till records it."
        ),
    }
    return reasons[reason]


def difference_title(d: Discrepancy) -> str:
    """The kind of a difference with HPAY, in words."""
    kinds = {
        "missing_at_hpay": QCoreApplication.translate("ClosingPage", "Not paid at HPAY"),
        "amount_differs": QCoreApplication.translate("ClosingPage", "Amount differs"),
        "paid_at_hpay_only": QCoreApplication.translate("ClosingPage", "Paid at HPAY only"),
        "not_from_this_till": QCoreApplication.translate("ClosingPage", "Not from this till"),
        "other_day": QCoreApplication.translate("ClosingPage", "Dated another day"),
        "other_mode": QCoreApplication.translate("ClosingPage", "Other mode"),
    }
    return kinds.get(d.kind, d.kind)


def difference_text(d: Discrepancy) -> str:
    """ "Not from this till: <HPAY's detail, in English>"."""
    return QCoreApplication.translate("ClosingPage", "{kind}: {detail}").format(
        kind=difference_title(d), detail=d.message
    )


def change_text(change: Change, language: str | None = None) -> str:
    """ "Paid late after closing: DEMO-000004 2,500 FCFA"."""
    sale = change.sale
    amount = format_money(sale.amount, sale.currency, language)
    if change.kind == "paid_late":
        text = QCoreApplication.translate("ClosingPage", "Paid late after closing: {sale} {amount}")
    elif change.kind == "paid":
        text = QCoreApplication.translate("ClosingPage", "Paid after closing: {sale} {amount}")
    elif change.kind == "new_sale":
        text = QCoreApplication.translate(
            "ClosingPage", "Sold after closing: {sale} {amount} ({state})"
        )
    else:
        text = QCoreApplication.translate(
            "ClosingPage", "{before} at closing, now {state}: {sale} {amount}"
        )
    before = state_text(change.before.value) if change.before else ""
    return text.format(
        sale=sale.sale_number, amount=amount, state=state_text(change.after.value), before=before
    )


def closed_text(record: ClosingRecord, language: str | None = None) -> str:
    """ "Closed on 08/11/2025 13:05 by Awa"."""
    when = format_datetime(record.closed_at.astimezone(), language=language)
    by = record.closed_by or QCoreApplication.translate("ClosingPage", "not named")
    return QCoreApplication.translate("ClosingPage", "Closed on {when} by {who}").format(
        when=when, who=by
    )


def cashier_name(name: str | None) -> str:
    """The cashier's name, or "Not recorded"."""
    return name or QCoreApplication.translate("ClosingPage", "Not recorded")


def figures_text(fig: Figures, currency: str, language: str | None = None) -> str:
    """ "3 · 24,400 FCFA"."""
    return f"{fig.count} · {format_money(fig.amount, currency, language)}"


def items_rows(sold: ItemsSold) -> list[tuple[str, int, Decimal]]:
    """The day's paid sales by item (name as sold, quantity, amount), then the free amounts
    and the sales without lines, each when there were any: the rows add up to the paid
    total."""
    rows = [(line.name, line.quantity, line.amount) for line in sold.items]
    if sold.free_count:
        rows.append(
            (
                QCoreApplication.translate("ClosingPage", "Free amounts"),
                sold.free_count,
                sold.free_amount,
            )
        )
    if sold.unlined_count:
        rows.append(
            (
                QCoreApplication.translate("ClosingPage", "Sales without lines"),
                sold.unlined_count,
                sold.unlined_amount,
            )
        )
    return rows


def closing_blocks(close: DayClose, shop: str, language: str | None = None) -> Blocks:
    """The closing as a printout's lines (:data:`~hpos.ui.widgets.paper.Blocks`)."""
    cur = close.currency
    report = close.report

    def money(value: Decimal | None) -> str:
        return "—" if value is None else format_money(value, cur, language)

    blocks: Blocks = [
        ("shop", "", shop),
        ("centre", "", QCoreApplication.translate("ClosingPage", "Day closing")),
        (
            "centre",
            "",
            QCoreApplication.translate("ClosingPage", "Till {till} · {day}").format(
                till=close.till, day=format_date(close.day, language=language)
            ),
        ),
    ]
    if report.mode == "TEST":
        blocks.append(("stamp", "", QCoreApplication.translate("ClosingPage", "TEST")))
    blocks.append(("rule", "", ""))
    for name, fig in close.groups.items():
        blocks.append(("field", group_title(name), figures_text(fig, cur, language)))
        if name == "paid":
            blocks.append(
                ("field", QCoreApplication.translate("ClosingPage", "Fees"), money(fig.fees))
            )
            blocks.append(
                ("field", QCoreApplication.translate("ClosingPage", "Net"), money(fig.net))
            )
    if close.cashiers:
        blocks += [
            ("rule", "", ""),
            ("centre", "", QCoreApplication.translate("ClosingPage", "By cashier")),
        ]
        for line in close.cashiers:
            value = QCoreApplication.translate("ClosingPage", "{count} paid · {amount} (net {net})")
            blocks.append(
                (
                    "field",
                    cashier_name(line.cashier),
                    value.format(
                        count=line.paid_count, amount=money(line.paid_total), net=money(line.net)
                    ),
                )
            )
    if report.items.shown:
        blocks += [
            ("rule", "", ""),
            ("centre", "", QCoreApplication.translate("ClosingPage", "Items sold")),
        ]
        for name, quantity, amount in items_rows(report.items):
            blocks.append(("line", f"{name} ×{quantity}", money(amount)))
    blocks.append(("rule", "", ""))
    if report.checked:
        hpay = f"{report.hpay_paid_count} · {money(report.hpay_paid_total)}"
        blocks.append(("field", QCoreApplication.translate("ClosingPage", "HPAY paid"), hpay))
        check = (
            QCoreApplication.translate("ClosingPage", "Matches HPAY")
            if report.ok
            else QCoreApplication.translate("ClosingPage", "{n} difference(s) with HPAY").format(
                n=len(report.discrepancies)
            )
        )
    else:
        check = QCoreApplication.translate("ClosingPage", "NOT checked against HPAY")
    blocks.append(("centre", "", check))
    for d in report.discrepancies:
        blocks.append(("field", difference_title(d), d.sale_number or d.transaction_id or ""))
    if close.open_sales:
        blocks += [
            ("rule", "", ""),
            ("centre", "", QCoreApplication.translate("ClosingPage", "Open sales")),
        ]
        for item in close.open_sales:
            sale = item.sale
            value = f"{sale.sale_number} · {money(sale.amount)}"
            blocks.append(("field", step_text(item.step), value))
    last = close.last_closing
    if last is not None:
        blocks += [("rule", "", ""), ("centre", "", closed_text(last, language))]
        blocks += [("centre", "", change_text(c, language)) for c in close.changes]
    return blocks
