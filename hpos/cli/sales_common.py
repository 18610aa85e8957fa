"""What the commands on the journal share: opening it (sealed), its notice, printing a sale.

Every command that opens the profile's journal goes through :func:`open_journal`
or :func:`open_service`, so the journal's seal (``journal-seal.json`` in the
profile's config folder) is always checked and a lost, emptied, replaced or
rolled-back journal is said on stderr, once per command, until a person runs
``hpos journal --acknowledge``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from hpos.cli import output
from hpos.cli.commands import Context
from hpos.hpay.errors import HpayError
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.journal_seal import SEAL_FILE
from hpos.sales.model import Sale, SaleEvent
from hpos.sales.service import SalesService
from hpos.sales.states import SaleState

S = SaleState
#: The watcher's work for the CLI is done when no sale is waiting on HPAY any more.
PENDING = frozenset({S.CREATED, S.REQUESTING, S.AWAITING, S.UNKNOWN})
#: What the notice line asks the person to do once they have read it.
ACKNOWLEDGE_HINT = "`hpos journal --acknowledge` once you have read this"


class Printer:
    """Listener that prints what the sales layer decides, and keeps the last error."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.live = False  # print events only once the command waits
        self.last_error: HpayError | None = None

    def __call__(self, event: SaleEvent) -> None:
        if event.error is not None:
            self.last_error = event.error
        if self.live and event.kind != "checked":
            stamp = event.at.astimezone().strftime("%H:%M:%S")
            self.ctx.say(f"[{stamp}] {event.sale.sale_number}: {event.message}")


def seal_path(ctx: Context) -> Path:
    """The profile's journal seal (in the config folder, apart from the journal)."""
    return ctx.profile.config_dir / SEAL_FILE


def journal_path(ctx: Context) -> Path:
    """The profile's journal file."""
    return ctx.profile.data_dir / JOURNAL_FILE


def warn_notice(ctx: Context, journal: Journal) -> None:
    """Say the journal's notice (if any) in one line on stderr, once per command."""
    notice = journal.notice
    if notice is None:
        return
    key = f"{notice.kind}|{notice.at}"
    if key in ctx.noticed:
        return
    ctx.noticed.add(key)
    text = " ".join(output.clean(notice.message).split())
    output.write(ctx.err, f"hpos: warning: {text} ({ACKNOWLEDGE_HINT})")


@contextlib.contextmanager
def open_journal(ctx: Context, *, warn: bool = True) -> Iterator[Journal]:
    """The profile's journal without the profile lock (reads), sealed; closed afterwards."""
    journal = Journal(journal_path(ctx), seal_path=seal_path(ctx))
    try:
        if warn:
            warn_notice(ctx, journal)
        yield journal
    finally:
        journal.close()


@contextlib.contextmanager
def open_service(ctx: Context, printer: Printer) -> Iterator[SalesService]:
    """The sales service of the profile (lock, sealed journal, client); closed afterwards."""
    client = ctx.client_factory(ctx.client_config())
    try:
        service = SalesService.open(
            ctx.profile.data_dir,
            client,
            till_name=ctx.profile.effective().till_name,
            listener=printer,
            seal_path=seal_path(ctx),
        )
    except BaseException:
        client.close()
        raise
    try:
        warn_notice(ctx, service.journal)
        yield service
    finally:
        service.close()


def state_text(sale: Sale) -> str:
    """The state as the CLI prints it ("PAID LATE" for a late payment)."""
    return "PAID LATE" if sale.paid_late else sale.state.value.upper()


def describe(sale: Sale, hpay_status: str | None = None, *, not_refreshed: str = "") -> str:
    """One sale as aligned "Label: value" lines; a cart sale's lines in a table beneath.

    ``not_refreshed``: why HPAY could not be asked; the state is then marked as the
    last known one, never passed off as current.
    """
    state = state_text(sale)
    paid = sale.state is SaleState.PAID  # fees only where money moved
    if not_refreshed:
        state += f" (last known, not refreshed: {not_refreshed})"
    pairs: list[tuple[str, object]] = [
        ("Sale", sale.sale_number),
        ("State", state),
        ("Transaction", sale.transaction_id or "-"),
        ("Amount", output.money_text(sale.amount, sale.currency)),
        ("Fees", output.money_text(sale.fees if paid else None, sale.currency) or "-"),
        ("Product", sale.product),
        ("Mode", sale.mode),
        ("Created", output.date_text(sale.created_at.astimezone())),
        ("Checkout", sale.checkout_url or "-"),
    ]
    if sale.cashier:  # a shop without cashiers never sees the line
        pairs.insert(6, ("Served by", sale.cashier))
    if sale.paid_seen_at:
        pairs.append(("Paid seen", output.date_text(sale.paid_seen_at.astimezone())))
    if hpay_status:
        pairs.append(("At HPAY", hpay_status))
    if sale.last_error:
        pairs.append(("Note", sale.last_error))
    text = output.key_values(pairs)
    if sale.lines:  # a cart sale: what it sold, as sold (a later price change alters nothing)
        text += "\nItems:\n" + output.lines_table(sale.lines, sale.currency)
    return text


def settled_states(sales: list[Sale | None]) -> bool:
    """True when none of the sales still waits on HPAY."""
    return all(s is not None and s.state not in PENDING for s in sales)


def reason(error: BaseException) -> str:
    """A failure as a short clause for the middle of a sentence (no final period)."""
    text = error.message if isinstance(error, HpayError) else str(error)
    return " ".join(output.clean(text).split()).rstrip(".") or type(error).__name__
