"""The day report as terminal text, CSV and JSON (``hpos report``).

Amounts have their currency's decimals everywhere; the text groups thousands
("1,234,500 XOF"), the CSV and JSON do not ("1234500").

A report holds one mode: the other mode's sales of the period are only listed
under "Not counted" (text) or as ``not_counted`` rows (CSV, JSON). When sales of
the period name their cashier, a "By cashier" table (text) or ``cashier_paid``,
``cashier_fees`` and ``cashier_net`` rows (CSV, JSON) follow the figures. When paid
sales of the period have lines (cart sales), an "Items sold" table (text) or
``items_sold`` rows (CSV, JSON: one per item, then ``free_amounts`` and
``sales_without_lines``) break the paid total down by item.
"""

from __future__ import annotations

import json
from decimal import Decimal

from hpos.cli import output
from hpos.sales.report import NOT_RECORDED, ROW_FIELDS, DayReport, report_rows
from hpos.util.csvcell import rows_csv


def report_text(report: DayReport) -> str:
    """A report a shop owner can read: figures by state, HPAY's total, every flag."""
    cur = report.currency or ""
    period = report.start.isoformat()
    if report.end != report.start:
        period += f" to {report.end.isoformat()}"
    lines = [f"Day report {period} · {report.mode} · {cur or 'no sales'} · times in {report.tz}"]
    if report.mode == "TEST":
        lines.append("TEST MODE: test payments only, no real money.")
    else:
        lines.append("PROD: real payments only; TEST sales are never in these totals.")
    rows = [
        (
            line.state.value.upper(),
            str(line.count),
            output.money_text(line.total, cur, grouped=True),
        )
        for line in report.by_state
    ]
    lines += ["", output.table(("STATE", "COUNT", "TOTAL"), rows, right=(1, 2)), ""]

    def when(value: object) -> str:
        return output.date_text(value) if value else "-"  # type: ignore[arg-type]

    facts: list[tuple[str, object]] = [
        ("Sales", report.sales_count),
        (
            "Paid",
            f"{report.paid_count} · {output.money_text(report.paid_total, cur, grouped=True)}",
        ),
        ("Paid late", report.paid_late_count),
        ("Fees", output.money_text(report.fees_total, cur, grouped=True)),
        ("First sale", when(report.first_sale)),
        ("Last sale", when(report.last_sale)),
    ]
    if report.checked:
        total = output.money_text(report.hpay_paid_total, cur, grouped=True)
        facts.append(("HPAY paid", f"{report.hpay_paid_count} · {total}"))
        facts.append(("Check", "matches HPAY" if report.ok else "DIFFERS FROM HPAY (see below)"))
    else:
        facts.append(("Check", f"NOT CHECKED against HPAY: {report.hpay_error or 'no account'}"))
    lines.append(output.key_values(facts))
    for other in report.other_modes:
        paid = output.money_text(other.paid_total, other.currency, grouped=True)
        lines.append(
            f"Not counted: {other.sales_count} {other.mode} sale(s) in this period, "
            f"{other.paid_count} paid · {paid} ({other.mode}, kept out of the {report.mode} totals)"
        )
    if report.by_cashier:
        lines += ["", cashier_table(report)]
    if report.items.shown:
        lines += ["", items_table(report)]
    if report.discrepancies:
        lines.append("")
        for d in report.discrepancies:
            tag = "ERROR" if d.is_error else "WARNING"
            ref = " ".join(x for x in (d.sale_number, d.transaction_id) if x)
            lines.append(f"{tag} {d.kind} {ref}: {d.message}")
    return "\n".join(lines)


def cashier_table(report: DayReport) -> str:
    """The paid sales by who served: count, amount, fees and net per cashier."""
    cur = report.currency or ""
    rows = [
        (
            line.cashier or f"({NOT_RECORDED})",
            str(line.paid_count),
            output.money_text(line.paid_total, cur, grouped=True),
            output.money_text(line.fees_total, cur, grouped=True),
            output.money_text(line.net, cur, grouped=True),
        )
        for line in report.by_cashier
    ]
    header = ("CASHIER", "PAID", "AMOUNT", "FEES", "NET")
    return "By cashier:\n" + output.table(header, rows, right=(1, 2, 3, 4))


def items_table(report: DayReport) -> str:
    """The paid sales by item (quantity, amount), free amounts, sales without lines, and
    their sum: the paid total."""
    cur = report.currency or ""
    sold = report.items

    def money(amount: Decimal) -> str:
        return output.money_text(amount, cur, grouped=True)

    rows = [(line.name, str(line.quantity), money(line.amount)) for line in sold.items]
    rows.append(("Free amounts (Misc.)", str(sold.free_count), money(sold.free_amount)))
    rows.append(("Sales without lines", str(sold.unlined_count), money(sold.unlined_amount)))
    rows.append(("Total paid", "", money(sold.total)))
    header = ("ITEM", "QTY", "AMOUNT")
    return "Items sold:\n" + output.table(header, rows, right=(1, 2))


def report_csv(report: DayReport) -> str:
    """The report's flat rows as CSV with a header row (text cells guarded: no formula runs)."""
    return rows_csv(ROW_FIELDS, report_rows(report))


def report_json(report: DayReport) -> str:
    """The report's flat rows as a JSON list (amounts as exact decimal strings)."""
    return json.dumps(report_rows(report), indent=2, ensure_ascii=False)
