"""Commands that read the profile's journal without selling: ``journal``, ``sales``, ``report``.

``hpos journal`` shows where the journal is, its id, how many sales it holds and
any notice about it (a journal found missing, emptied, replaced or rolled back);
``--acknowledge`` says a person has read the notice, which stops it being
repeated on every command.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta

from hpos.cli import output
from hpos.cli.close_command import cmd_close
from hpos.cli.commands import Context
from hpos.cli.exits import EXIT_MISMATCH, EXIT_NETWORK, EXIT_OK, EXIT_USAGE, CliError
from hpos.cli.report_output import report_csv, report_json, report_text
from hpos.cli.sales_common import open_journal, reason, seal_path, state_text
from hpos.cli.tills_command import cmd_all_tills
from hpos.sales.report import build_day_report


def cmd_journal(args: argparse.Namespace, ctx: Context) -> int:
    """Where the journal is, its id and size, and its notice (cleared by --acknowledge)."""
    with open_journal(ctx, warn=False) as journal:
        notice = journal.notice
        if notice is not None and args.acknowledge:
            journal.acknowledge_notice()
        pairs: list[tuple[str, object]] = [
            ("Journal", journal.path),
            ("Journal id", journal.journal_id),
            ("Sales", journal.count()),
            ("Seal", seal_path(ctx)),
        ]
        if notice is None:
            pairs.append(("Notice", "none"))
        else:
            noticed = datetime.fromisoformat(notice.at).astimezone()
            pairs.append(("Notice", " ".join(notice.message.split())))
            pairs.append(("Noticed", output.date_text(noticed)))
    ctx.say(output.key_values(pairs))
    if notice is not None:
        if args.acknowledge:
            ctx.say("Notice acknowledged: it is no longer repeated.")
        else:
            ctx.say("Run `hpos journal --acknowledge` once you have read the notice.")
    elif args.acknowledge:
        ctx.say("Nothing to acknowledge.")
    return EXIT_OK


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    """The day report of this till, checked against HPAY's own history."""
    if args.all_tills:
        return cmd_all_tills(args, ctx)
    if args.close:
        return cmd_close(args, ctx)
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None
    start = args.date or datetime.now(tz).date()
    mode = args.mode or ctx.profile.effective().mode
    # not set up: the till's own figures still print, then exit 2
    with open_journal(ctx) as journal, ctx.client_if_set_up() as (client, not_set_up):
        report = build_day_report(journal, client, start, args.to, mode=mode, tz=tz)
    render = {"table": report_text, "text": report_text, "csv": report_csv, "json": report_json}
    ctx.say(render[args.format](report).rstrip("\n"))
    if not_set_up is not None:  # a setup error, as on every command (not a network one)
        raise CliError(
            f"{reason(not_set_up)}. The report above is this till's journal only,"
            " not checked against HPAY.",
            EXIT_USAGE,
        )
    if report.discrepancies:
        return EXIT_MISMATCH
    return EXIT_OK if report.checked else EXIT_NETWORK


def cmd_sales(args: argparse.Namespace, ctx: Context) -> int:
    """This till's sales of one day, from the journal (no network)."""
    local = datetime.now().astimezone()
    day: date = args.date or local.date()
    start = datetime.combine(day, datetime.min.time(), tzinfo=local.tzinfo)
    with open_journal(ctx) as journal:
        sales = journal.sales_between(start, start + timedelta(days=1))
    if not sales:
        ctx.say(f"No sales on {day.isoformat()}.")
        return EXIT_OK
    rows = [
        (
            s.created_at.astimezone().strftime("%H:%M:%S"),
            s.sale_number,
            state_text(s),
            output.money_text(s.amount, s.currency),
            s.mode,
            s.transaction_id or "-",
            s.product,
        )
        for s in sales
    ]
    headers = ("TIME", "SALE", "STATE", "AMOUNT", "MODE", "TRANSACTION", "PRODUCT")
    ctx.say(output.table(headers, rows, right=(3,)))
    return EXIT_OK
