"""The ``hpos`` commands that go through the sales layer and the profile's journal.

``charge`` writes the sale to the journal before asking HPAY and (with
``--wait``) lets the payment watcher follow it; ``status`` reads the journal and
refreshes an open sale; ``resume`` finishes what an earlier run left open;
``report`` prints the day report checked against HPAY; ``sales`` lists the
journal. Commands that write take the profile lock: a second HPOS on the same
profile is refused with a clear message.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from hpos.cli import output
from hpos.cli.args import parse_amount
from hpos.cli.commands import Context
from hpos.cli.exits import (
    EXIT_INTERRUPTED,
    EXIT_MISMATCH,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNKNOWN,
    EXIT_UNPAID,
    CliError,
    exit_code_for,
)
from hpos.cli.report_output import report_csv, report_json, report_text
from hpos.hpay.errors import ConfigError
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.lock import ProfileLocked
from hpos.sales.model import Sale, SaleEvent
from hpos.sales.report import build_day_report
from hpos.sales.service import SalesService
from hpos.sales.states import SaleState

S = SaleState
#: The watcher's work for the CLI is done when no sale is waiting on HPAY any more.
_PENDING = frozenset({S.CREATED, S.REQUESTING, S.AWAITING, S.UNKNOWN})


class _Printer:
    """Listener that prints what the sales layer decides, and keeps the last error."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.live = False  # print events only once the command waits
        self.last_error: Exception | None = None

    def __call__(self, event: SaleEvent) -> None:
        if event.error is not None:
            self.last_error = event.error
        if self.live and event.kind != "checked":
            stamp = event.at.astimezone().strftime("%H:%M:%S")
            self.ctx.say(f"[{stamp}] {event.sale.sale_number}: {event.message}")


@contextlib.contextmanager
def _service(ctx: Context, printer: _Printer) -> Iterator[SalesService]:
    client = ctx.client_factory(ctx.profile.client_config())
    try:
        service = SalesService.open(
            ctx.profile.data_dir,
            client,
            till_name=ctx.profile.effective().till_name,
            listener=printer,
        )
    except BaseException:
        client.close()
        raise
    try:
        yield service
    finally:
        service.close()


def _state_text(sale: Sale) -> str:
    return "PAID LATE" if sale.paid_late else sale.state.value.upper()


def _describe(sale: Sale, hpay_status: str | None = None) -> str:
    pairs: list[tuple[str, object]] = [
        ("Sale", sale.sale_number),
        ("State", _state_text(sale)),
        ("Transaction", sale.transaction_id or "-"),
        ("Amount", output.money_text(sale.amount, sale.currency)),
        ("Fees", output.money_text(sale.fees, sale.currency) or "-"),
        ("Product", sale.product),
        ("Mode", sale.mode),
        ("Created", output.date_text(sale.created_at.astimezone())),
        ("Checkout", sale.checkout_url or "-"),
    ]
    if sale.paid_seen_at:
        pairs.append(("Paid seen", output.date_text(sale.paid_seen_at.astimezone())))
    if hpay_status:
        pairs.append(("At HPAY", hpay_status))
    if sale.last_error:
        pairs.append(("Note", sale.last_error))
    return output.key_values(pairs)


def cmd_charge(args: argparse.Namespace, ctx: Context) -> int:
    """Start a sale, show its link (and QR); with --wait, follow it to the end."""
    amount = parse_amount(args.amount)
    settings = ctx.profile.effective()
    product = (args.product or settings.default_product or "Sale").strip()
    printer = _Printer(ctx)
    with _service(ctx, printer) as service:
        sale = service.charge(amount, product, args.description or "")
        if sale.state is S.FAILED:
            code = exit_code_for(printer.last_error) if printer.last_error else EXIT_REFUSED
            raise CliError(f"Sale {sale.sale_number} failed: {sale.last_error}", code)
        ctx.say(_describe(sale))
        if sale.state is S.AWAITING and args.qr and sale.checkout_url:
            ctx.say(output.render_qr(sale.checkout_url, **output.qr_style(ctx.out, ctx.env)))
        if not args.wait:
            if sale.state is S.UNKNOWN:
                raise CliError(
                    f"Sale {sale.sale_number}: the answer was lost; run `hpos resume` to find "
                    "out whether the payment exists before charging again.",
                    EXIT_UNKNOWN,
                )
            return EXIT_OK
        return _follow(ctx, service, printer, sale, args.timeout)


def _follow(
    ctx: Context, service: SalesService, printer: _Printer, sale: Sale, timeout: float
) -> int:
    ctx.say(f"Waiting for payment (up to {timeout:g} s, Ctrl+C to stop)...")
    printer.live = True
    try:
        sale = service.wait(sale.id, timeout=timeout)
    except KeyboardInterrupt:
        output.write(
            ctx.err,
            f"hpos: stopped waiting; sale {sale.sale_number} stays in the journal: "
            "`hpos resume` follows it again.",
        )
        return EXIT_INTERRUPTED
    return _ending(ctx, sale, timeout)


def _ending(ctx: Context, sale: Sale, timeout: float) -> int:
    if sale.state is S.PAID:
        ctx.say(f"{_state_text(sale)} {output.money_text(sale.amount, sale.currency)}")
        return EXIT_OK
    if sale.state is S.FAILED:
        raise CliError(f"Sale {sale.sale_number} failed: {sale.last_error}", EXIT_REFUSED)
    if sale.state is S.REVIEW:
        raise CliError(f"Sale {sale.sale_number} needs a person: {sale.last_error}", EXIT_UNKNOWN)
    ctx.say(
        f"Still {sale.state.value} after {timeout:g} s; "
        f"check later with `hpos status {sale.sale_number}`."
    )
    return EXIT_UNPAID


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    """One sale of this till (by sale number or transaction id), or any HPAY payment."""
    key = args.key.strip()
    journal = Journal(ctx.profile.data_dir / JOURNAL_FILE)
    try:
        sale = journal.find(key)
    finally:
        journal.close()
    if sale is None:
        return _hpay_status(ctx, key)
    if sale.state.is_open and sale.state is not S.CREATED:
        try:
            with _service(ctx, _Printer(ctx)) as service:
                sale = service.watcher.check_now(sale.id)
        except ProfileLocked:
            hpay = _peek(ctx, sale)
            ctx.say(_describe(sale, hpay))
            ctx.say("(Another HPOS holds this profile; it keeps the journal up to date.)")
            return EXIT_OK
    ctx.say(_describe(sale))
    return EXIT_OK


def _peek(ctx: Context, sale: Sale) -> str | None:
    if not sale.transaction_id:
        return None
    with ctx.client() as client:
        entry = client.find_payment(sale.transaction_id)
    return entry.status if entry else "unknown to HPAY"


def _hpay_status(ctx: Context, txid: str) -> int:
    with ctx.client() as client:
        entry = client.find_payment(txid)
    if entry is None:
        raise CliError(
            f"{output.clean(txid)!r} is neither a sale of this till nor a payment HPAY knows.",
            EXIT_REFUSED,
        )
    ctx.say(
        output.key_values(
            [
                ("Transaction", entry.transaction_id),
                ("Status", entry.status),
                ("Amount", output.money_text(entry.amount, entry.currency)),
                ("Fees", output.money_text(entry.fees, entry.currency) or "-"),
                ("Product", entry.product),
                ("Description", entry.description),
                ("Date", output.date_text(entry.date_generated)),
                ("Mode", entry.mode),
                ("Link", entry.payment_link),
                ("Till", "not a sale of this till"),
            ]
        )
    )
    return EXIT_OK


def cmd_resume(args: argparse.Namespace, ctx: Context) -> int:
    """Resume every sale an earlier run left open, until none waits on HPAY."""
    printer = _Printer(ctx)
    with _service(ctx, printer) as service:
        resumed = service.recover()
        if not resumed:
            ctx.say("No open sales.")
            return EXIT_OK
        ctx.say(f"Resuming {len(resumed)} sale(s): " + ", ".join(s.sale_number for s in resumed))
        printer.live = True
        ids = [s.id for s in resumed]

        def settled() -> bool:
            return settled_states([service.journal.get(i) for i in ids])

        try:
            service.watcher.run_until(settled, timeout=args.timeout)
        except KeyboardInterrupt:
            output.write(ctx.err, "hpos: stopped; `hpos resume` goes on where it stopped.")
            return EXIT_INTERRUPTED
        final = [service.journal.get(i) for i in ids]
    rows = [(s.sale_number, _state_text(s), s.transaction_id or "-") for s in final if s]
    ctx.say(output.table(("SALE", "STATE", "TRANSACTION"), rows))
    return EXIT_OK if settled_states(final) else EXIT_UNPAID


def settled_states(sales: list[Sale | None]) -> bool:
    """True when none of the sales still waits on HPAY."""
    return all(s is not None and s.state not in _PENDING for s in sales)


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    """The day report of this till, checked against HPAY's own history."""
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None
    start = args.date or datetime.now(tz).date()
    mode = args.mode or ctx.profile.effective().mode
    journal = Journal(ctx.profile.data_dir / JOURNAL_FILE)
    try:
        client: Any = None
        try:
            client = ctx.client_factory(ctx.profile.client_config())
        except ConfigError as exc:
            output.write(ctx.err, f"hpos: not checked against HPAY: {exc}")
        try:
            report = build_day_report(journal, client, start, args.to, mode=mode, tz=tz)
        finally:
            if client is not None:
                client.close()
    finally:
        journal.close()
    render = {"table": report_text, "csv": report_csv, "json": report_json}[args.format]
    ctx.say(render(report).rstrip("\n"))
    if report.discrepancies:
        return EXIT_MISMATCH
    return EXIT_OK if report.checked else EXIT_NETWORK


def cmd_sales(args: argparse.Namespace, ctx: Context) -> int:
    """This till's sales of one day, from the journal (no network)."""
    local = datetime.now().astimezone()
    day: date = args.date or local.date()
    start = datetime.combine(day, datetime.min.time(), tzinfo=local.tzinfo)
    journal = Journal(ctx.profile.data_dir / JOURNAL_FILE)
    try:
        sales = journal.sales_between(start, start + timedelta(days=1))
    finally:
        journal.close()
    if not sales:
        ctx.say(f"No sales on {day.isoformat()}.")
        return EXIT_OK
    rows = [
        (
            s.created_at.astimezone().strftime("%H:%M:%S"),
            s.sale_number,
            _state_text(s),
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


SALES_COMMANDS = {
    "charge": cmd_charge,
    "status": cmd_status,
    "resume": cmd_resume,
    "report": cmd_report,
    "sales": cmd_sales,
}
