"""``hpos status SALE|TXID``: one sale of this till, refreshed from HPAY, or any HPAY payment.

An open sale is checked with HPAY before it is printed. When that check fails
(HPAY unreachable, an error page, a refusal...) the sale is printed with its
state marked ``last known, not refreshed: <reason>`` and the command exits 4:
a stale state is never passed off as the current one. The same holds when
another HPOS holds the profile and the direct look at HPAY fails.
"""

from __future__ import annotations

import argparse

from hpos.cli import output
from hpos.cli.commands import Context
from hpos.cli.exits import EXIT_NETWORK, EXIT_OK, EXIT_REFUSED, CliError
from hpos.cli.sales_common import Printer, describe, open_journal, open_service, reason
from hpos.hpay.errors import HpayError
from hpos.sales.lock import ProfileLocked
from hpos.sales.model import Sale
from hpos.sales.states import SaleState

S = SaleState


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    """One sale of this till (sale number, reference or transaction id), or any HPAY payment."""
    key = args.key.strip()
    with open_journal(ctx) as journal:
        sale = journal.find(key)
    if sale is None:
        return _hpay_status(ctx, key)
    if not sale.state.is_open or sale.state is S.CREATED:
        ctx.say(describe(sale))
        return EXIT_OK
    try:
        with open_service(ctx, Printer(ctx)) as service:
            sale, error = service.watcher.refresh(sale.id)
    except ProfileLocked:
        return _status_beside_another(ctx, sale)
    if error is not None:
        return _last_known(ctx, sale, error)
    ctx.say(describe(sale))
    if sale.state is S.REQUESTING:
        ctx.say(
            "(HPOS stopped while asking HPAY for this sale: `hpos resume` finds out whether"
            " the payment exists. Do not charge again before.)"
        )
    return EXIT_OK


def _last_known(ctx: Context, sale: Sale, error: BaseException, hpay: str | None = None) -> int:
    """Print the sale as last known (the refresh failed) and say so on stderr: exit 4."""
    why = reason(error)
    ctx.say(describe(sale, hpay, not_refreshed=why))
    output.write(
        ctx.err,
        f"hpos: error: sale {sale.sale_number} could not be refreshed from HPAY ({why});"
        " the state shown is the last known one.",
    )
    return EXIT_NETWORK


def _status_beside_another(ctx: Context, sale: Sale) -> int:
    """Another HPOS holds the profile: its journal row, and HPAY's own word when there is one."""
    with open_journal(ctx) as journal:
        sale = journal.get(sale.id) or sale  # the other HPOS may have moved it meanwhile
    note = "(Another HPOS holds this profile; it keeps the journal up to date.)"
    hpay: str | None = None
    if sale.transaction_id:
        try:
            with ctx.client() as client:
                entry = client.find_payment(sale.transaction_id)
        except HpayError as exc:
            code = _last_known(ctx, sale, exc)
            ctx.say(note)
            return code
        hpay = entry.status if entry else "unknown to HPAY"
    ctx.say(describe(sale, hpay))
    ctx.say(note)
    return EXIT_OK


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
                ("Fees", output.money_text(output.paid_fees(entry), entry.currency) or "-"),
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
