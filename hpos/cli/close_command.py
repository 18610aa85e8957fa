"""``hpos report --close [--day YYYY-MM-DD] [--by NAME]``: close this till's business day.

Prints the day report (:func:`hpos.cli.report_output.report_text`: figures by state, by
cashier, HPAY's check and every difference) followed by the closing: paid, cancelled,
failed and open with fees and net, each open sale with its next step, the day's earlier
closings and what changed since the last one (a payment that came late, a sale made
after it). Then it records the closing in the journal (when, by whom, the totals).

Exit codes: 0 closed; 7 closed, but the till and HPAY differ (the flags above); 4
HPAY could not be reached: the local figures are printed and the day is NOT closed
(nothing recorded), said plainly; 2 not set up, or a journal that cannot be written.
``--format csv|json`` prints :func:`hpos.sales.closing_rows.closing_rows` instead.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

from hpos.cli import output
from hpos.cli.commands import Context
from hpos.cli.exits import EXIT_MISMATCH, EXIT_NETWORK, EXIT_OK, EXIT_USAGE, CliError
from hpos.cli.report_output import report_text
from hpos.cli.sales_common import open_journal, reason
from hpos.sales.closing import DayClose, build_closing, record_closing
from hpos.sales.closing_rows import REASON_TEXT, change_text, closing_csv, closing_rows
from hpos.sales.journal_closings import ClosingRecord

#: Who closed, when ``--by`` does not say: the terminal needs the OS account (the owner's).
MANAGER = "manager"
_GROUP_TITLES = {"paid": "Paid", "cancelled": "Cancelled", "failed": "Failed", "open": "Open"}


def cmd_close(args: argparse.Namespace, ctx: Context) -> int:
    """Close the business day: print it, record the closing (only when HPAY was read)."""
    if args.to is not None:
        raise CliError("A closing is one business day: use --day without --to.", EXIT_USAGE)
    now = datetime.now().astimezone()
    tz = now.tzinfo
    assert tz is not None
    day = args.date or now.date()
    eff = ctx.profile.effective()
    mode = args.mode or eff.mode
    closed_by = " ".join((args.by or "").split()) or MANAGER
    recorded: ClosingRecord | None = None
    # not set up: the local figures still print, nothing is recorded
    with open_journal(ctx) as journal, ctx.client_if_set_up() as (client, not_set_up):
        close = build_closing(journal, client, day, till=eff.till_name, mode=mode, tz=tz, now=now)
        if close.can_close:
            recorded = record_closing(journal, close, closed_by=closed_by)
    if args.format in ("table", "text"):
        ctx.say(closing_text(close, recorded))
    else:
        rows = closing_rows(close, recorded)
        text = (
            closing_csv(rows)
            if args.format == "csv"
            else json.dumps(rows, indent=2, ensure_ascii=False)
        )
        ctx.say(text.rstrip("\n"))
    if not_set_up is not None:
        raise CliError(
            f"{reason(not_set_up)}. The day was NOT closed: the figures above are this"
            " till's journal only, not checked against HPAY.",
            EXIT_USAGE,
        )
    if recorded is None:
        return EXIT_NETWORK
    return EXIT_MISMATCH if close.report.discrepancies else EXIT_OK


def closing_text(close: DayClose, recorded: ClosingRecord | None) -> str:
    """The report, the closing's figures, open sales, changes, and whether it was recorded."""
    cur = close.currency

    def money(value: Any) -> str:
        return output.money_text(value, cur, grouped=True)

    lines = [f"Closing the day {close.day.isoformat()} · till {close.till}", ""]
    lines.append(report_text(close.report))
    rows = []
    for name, fig in close.groups.items():
        paid = name == "paid"
        fees, net = (money(fig.fees), money(fig.net)) if paid else ("", "")
        rows.append((_GROUP_TITLES[name], str(fig.count), money(fig.amount), fees, net))
    header = ("CLOSING", "COUNT", "AMOUNT", "FEES", "NET")
    lines += ["", output.table(header, rows, right=(1, 2, 3, 4))]
    if close.open_sales:
        lines += ["", "Open sales and what to do:"]
        for item in close.open_sales:
            sale = item.sale
            lines.append(
                f"  {item.step.upper()}  {sale.sale_number} {sale.state.value.upper()}"
                f" {money(sale.amount)}: {REASON_TEXT[item.reason]}"
            )
    earlier = [c for c in close.closings if recorded is None or c.id != recorded.id]
    if earlier:
        last = earlier[-1]
        lines += ["", f"Closed before: {_when(last)}"]
        if close.changes:
            lines.append("Since that closing:")
            lines += [f"  {change_text(change)}" for change in close.changes]
            then = close.paid_then
            if then is not None:
                now = close.groups["paid"]
                lines.append(
                    f"  paid at that closing {then.count} · {money(then.amount)},"
                    f" now {now.count} · {money(now.amount)}"
                )
        else:
            lines.append("Nothing changed since that closing.")
    lines.append("")
    if recorded is not None:
        lines.append(f"Day closed: {_when(recorded)}.")
    else:
        lines.append(
            "The day was NOT closed: HPAY's history could not be read, so nothing was recorded."
            " Run `hpos report --close` again when HPAY can be reached."
        )
    return "\n".join(lines)


def _when(record: ClosingRecord) -> str:
    at = output.date_text(record.closed_at.astimezone())
    return f"{at} by {record.closed_by or 'someone not named'}"
