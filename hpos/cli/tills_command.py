"""``hpos report --all-tills``: every till of the account on one day, from HPAY's history.

The figures are :func:`hpos.sales.all_tills.build_all_tills`'s: one line per till
(its name in the sale numbers and its journal id), the payments with no HPOS sale
reference apart ("Not from HPOS"), and the total; nothing is read from this
till's journal, so any till of the shop (or the owner's own computer with the
shop's keys) gives the same answer. ``--date``/``--day`` picks the day in this
computer's time zone (default: today); ``--format`` is ``table`` (or ``text``),
``csv`` or ``json``. Exit codes: 0, 2 when HPOS is not set up for HPAY, 4 when
HPAY cannot be read (nothing is printed then: half a day is never shown as the day).

Amounts have their currency's decimals everywhere; the text groups thousands
("1,234,500 XOF"), the CSV and JSON do not ("1234500").
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date, datetime, tzinfo
from typing import Any

from hpos.cli import output
from hpos.cli.commands import Context
from hpos.cli.exits import EXIT_OK, EXIT_USAGE, CliError
from hpos.hpay.money import amount_text
from hpos.sales.all_tills import AllTillsReport, Totals, build_all_tills
from hpos.util.csvcell import rows_csv

#: The CSV's columns: one row per till, then the payments not from HPOS, then the total.
CSV_FIELDS = (
    "section",
    "till",
    "journal_id",
    "currency",
    "paid_count",
    "paid_amount",
    "fees",
    "net",
    "unpaid_count",
)
NOT_HPOS = "Not from HPOS"
NO_NUMBER = "(no sale number)"


def cmd_all_tills(args: argparse.Namespace, ctx: Context) -> int:
    """Every till of the account on one day (``hpos report --all-tills``)."""
    if args.to is not None:
        raise CliError("--all-tills reads one day: use --date (or --day), not --to", EXIT_USAGE)
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None
    day: date = args.date or datetime.now(tz).date()
    config = ctx.client_config()
    if args.mode and args.mode != config.mode:
        config = replace(config, mode=args.mode)
    client = ctx.client_factory(config)
    try:
        report = build_all_tills(client, day, tz=tz)
    finally:
        client.close()
    if args.format == "csv":
        text = tills_csv(report)
    elif args.format == "json":
        text = tills_json(report, tz)
    else:
        text = tills_text(report, tz)
    ctx.say(text.rstrip("\n"))
    return EXIT_OK


def tills_text(report: AllTillsReport, tz: tzinfo) -> str:
    """The day's tills as a table an owner reads, the payments not from HPOS listed below."""
    lines = [f"All tills {report.day.isoformat()} · {report.mode} · times in {report.tz}"]
    if report.mode == "TEST":
        lines.append("TEST MODE: test payments only, no real money.")
    else:
        lines.append("PROD: real payments only; TEST payments are never in these totals.")
    lines.append("")
    if not report.totals:
        lines.append(f"No payments in HPAY's history on {report.day.isoformat()}.")
    else:
        rows = [
            _text_row(line.till or NO_NUMBER, line.journal_id, line.totals) for line in report.tills
        ]
        rows += [_text_row(NOT_HPOS, "-", t) for t in report.not_hpos]
        rows += [_text_row("TOTAL", "", t) for t in report.totals]
        headers = ("TILL", "JOURNAL", "PAID", "AMOUNT", "FEES", "NET", "UNPAID")
        lines.append(output.table(headers, rows, right=(2, 3, 4, 5, 6)))
    if report.not_hpos_listed:
        lines += ["", f"{NOT_HPOS}: payments with no HPOS sale reference (taken elsewhere):"]
        rows = [
            (
                output.date_text(p.date_generated.astimezone(tz)),
                p.transaction_id,
                p.status,
                output.money_text(p.amount, p.currency, grouped=True),
                p.product,
            )
            for p in report.not_hpos_listed
        ]
        headers = ("TIME", "TRANSACTION", "STATUS", "AMOUNT", "PRODUCT")
        lines.append(output.table(headers, rows, right=(3,)))
        more = report.not_hpos_count - len(report.not_hpos_listed)
        if more > 0:
            lines.append(f"... and {more} more not listed (the newest are listed first).")
    lines.append("")
    if report.other_mode_count:
        lines.append(
            f"Left out: {report.other_mode_count} payment(s) of the other mode"
            f" (never in the {report.mode} totals)."
        )
    if report.outside_count:
        lines.append(
            f"Left out: {report.outside_count} payment(s) HPAY dates on a neighbouring day"
            f" in {report.tz}."
        )
    pages = "page" if report.pages_read == 1 else "pages"
    lines.append(
        f"Read {report.entries_read} payment(s) of HPAY's history in {report.pages_read} {pages}."
    )
    return "\n".join(lines)


def tills_rows(report: AllTillsReport) -> list[dict[str, str]]:
    """The lines as flat rows (keys :data:`CSV_FIELDS`, exact amounts): tills, not HPOS, total."""
    rows = [_row("till", line.till, line.journal_id, line.totals) for line in report.tills]
    rows += [_row("not_hpos", "", "", t) for t in report.not_hpos]
    rows += [_row("total", "", "", t) for t in report.totals]
    return rows


def tills_csv(report: AllTillsReport) -> str:
    """The lines as CSV with a header row (text cells guarded: no formula runs)."""
    return rows_csv(CSV_FIELDS, tills_rows(report))


def tills_json(report: AllTillsReport, tz: tzinfo) -> str:
    """The report as one JSON object: counts as numbers, amounts as exact decimal strings."""
    doc: dict[str, Any] = {
        "day": report.day.isoformat(),
        "mode": report.mode,
        "timezone": report.tz,
        "tills": [
            {"till": line.till, "journal_id": line.journal_id, **_figures(line.totals)}
            for line in report.tills
        ],
        "not_hpos": {
            "totals": [_figures(t) for t in report.not_hpos],
            "count": report.not_hpos_count,
            "payments": [
                {
                    "transaction_id": p.transaction_id,
                    "status": p.status,
                    "amount": amount_text(p.amount, p.currency),
                    "fees": "" if p.fees is None else amount_text(p.fees, p.currency),
                    "currency": p.currency,
                    "product": p.product,
                    "description": p.description,
                    "date": p.date_generated.astimezone(tz).isoformat(),
                }
                for p in report.not_hpos_listed
            ],
        },
        "totals": [_figures(t) for t in report.totals],
        "left_out": {"other_mode": report.other_mode_count, "other_day": report.outside_count},
        "read": {"entries": report.entries_read, "pages": report.pages_read},
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)


def _text_row(till: str, journal: str, t: Totals) -> tuple[str, ...]:
    def money(value: Any) -> str:
        return output.money_text(value, t.currency, grouped=True)

    return (
        till,
        journal,
        str(t.paid_count),
        money(t.paid_amount),
        money(t.fees),
        money(t.net),
        str(t.unpaid_count),
    )


def _figures(t: Totals) -> dict[str, Any]:
    return {
        "currency": t.currency,
        "paid_count": t.paid_count,
        "paid_amount": amount_text(t.paid_amount, t.currency),
        "fees": amount_text(t.fees, t.currency),
        "net": amount_text(t.net, t.currency),
        "unpaid_count": t.unpaid_count,
    }


def _row(section: str, till: str, journal: str, t: Totals) -> dict[str, str]:
    figures = {k: str(v) for k, v in _figures(t).items()}
    return {"section": section, "till": till, "journal_id": journal, **figures}
