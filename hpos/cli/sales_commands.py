"""The ``hpos`` commands that sell: ``charge`` and ``resume`` (and the table of every
command on the journal, ``SALES_COMMANDS``). ``charge --item`` builds its cart in
``charge_items``; ``catalogue`` lives in ``catalogue_command``.

``charge`` writes the sale to the journal (served by ``--cashier NAME``, else the
cashier on duty) before asking HPAY and (with
``--wait``) lets the payment watcher follow it; ``resume`` finishes what an
earlier run left open. Both take the profile lock: a second HPOS on the same
profile is refused with a clear message. ``status`` lives in ``status_command``,
``journal``, ``sales`` and ``report`` in ``journal_commands``.

How ``charge`` ends when the payment request did not simply succeed:

- HPAY refused it (JSON ``success: false``): FAILED, exit 3, safe to try again.
- HPAY *answered* with an error (an HTTP error page, not a 504): the request
  finished at HPAY, so ``charge`` searches HPAY's history itself for up to
  :data:`ANSWERED_SETTLE` seconds. Nothing carries the sale's reference: FAILED,
  "nothing was charged, safe to try again", exit 4 (a server failure, as for any
  HTTP 5xx; exit 3 is kept for HPAY's own refusals). A payment carries it: it is
  adopted and the sale goes on as if the answer had come.
- No answer (timeout, connection reset, 504): exit 5, "do not charge again",
  `hpos resume` finds out (the payment may still appear for two minutes).
- The journal cannot be written before the request: exit 2, nothing sent. While
  the request is out: exit 5, outcome unknown; `hpos resume` finds the payment.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable

from hpos.cli import output
from hpos.cli.args import parse_amount
from hpos.cli.catalogue_command import cmd_catalogue
from hpos.cli.charge_items import item_cart
from hpos.cli.commands import Context
from hpos.cli.exits import (
    EXIT_INTERRUPTED,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNKNOWN,
    EXIT_UNPAID,
    EXIT_USAGE,
    CliError,
    exit_code_for,
)
from hpos.cli.journal_commands import cmd_journal, cmd_report, cmd_sales
from hpos.cli.sales_common import (
    Printer,
    describe,
    open_service,
    reason,
    settled_states,
    state_text,
)
from hpos.cli.status_command import cmd_status
from hpos.hpay.errors import HpayError, HpayTimeout
from hpos.profile.settings import Settings, cashier_name
from hpos.sales.journal import JournalError
from hpos.sales.model import Sale
from hpos.sales.reference import clean_typed
from hpos.sales.service import SalesService
from hpos.sales.states import SaleState
from hpos.sales.till import AnswerNotRecorded
from hpos.sales.typed_amount import check_typed_any_currency

S = SaleState
#: Seconds ``charge`` searches HPAY's history itself after HPAY answered with an error
#: (the watcher searches at once and once more a few seconds later, then decides).
ANSWERED_SETTLE = 15.0
#: HTTP 504: a gateway gave up waiting for HPAY (no answer from HPAY itself).
GATEWAY_TIMEOUT = 504


def cmd_charge(args: argparse.Namespace, ctx: Context) -> int:
    """Start a sale, show its link (and QR); with --wait, follow it to the end."""
    if args.amount is None and not args.item:
        raise CliError("charge needs an AMOUNT or --item CODE (see hpos charge --help)", EXIT_USAGE)
    if args.amount is not None:  # what no currency takes fails before HPAY is asked
        check_typed_any_currency(args.amount)
    settings = ctx.profile.effective()
    product = (args.product or settings.default_product or "Sale").strip()
    cashier = cashier_for(args.cashier, settings)  # refused before anything is written
    printer = Printer(ctx)
    with contextlib.ExitStack() as stack:
        try:
            service = stack.enter_context(open_service(ctx, printer))
            # the account's currency decides the rest (its token is reused by the charge)
            currency = service.client.token().currency
            amount = None if args.amount is None else parse_amount(args.amount, currency)
            if args.item:  # a cart: the items, and the amount as a Misc. line
                cart = item_cart(
                    args.item, service.journal.catalogue, currency, amount, args.description or ""
                )
                sale = service.charge(
                    cart.cart.total,
                    (args.product or "").strip() or cart.product,
                    cart.description,
                    cashier=cashier,
                    lines=cart.cart.sale_lines(),
                )
            else:
                assert amount is not None
                sale = service.charge(amount, product, args.description or "", cashier=cashier)
        except AnswerNotRecorded as exc:  # the journal failed while the request was out
            raise CliError(_unrecorded_text(exc), EXIT_UNKNOWN) from None
        except JournalError as exc:  # before the request: nothing left
            raise CliError(f"{reason(exc)}. Nothing was sent to HPAY.", EXIT_USAGE) from None
        return _after_request(ctx, service, printer, sale, args)
    raise AssertionError("unreachable")  # pragma: no cover (for type checkers: ExitStack
    # could swallow an exception as far as they know; it does not here)


def cashier_for(given: str | None, settings: Settings) -> str | None:
    """Who serves a charge: ``--cashier NAME`` (one of the profile's cashiers, any case),
    else the cashier on duty (None: not recorded). CliError (usage) for a name not listed."""
    if given is None:
        return settings.cashier_on_duty or None
    name = cashier_name(clean_typed(given))
    if not name:
        raise CliError("--cashier needs a name. Nothing was sent to HPAY.", EXIT_USAGE)
    for known in settings.cashiers:
        if known.casefold() == name.casefold():
            return known
    if not settings.cashiers:
        raise CliError(
            f"This profile has no cashiers, so {name!r} cannot serve: add the name in the"
            " window (Settings → Counter → Cashiers). Nothing was sent to HPAY.",
            EXIT_USAGE,
        )
    raise CliError(
        f"{name!r} is not one of this profile's cashiers ({', '.join(settings.cashiers)})."
        " Nothing was sent to HPAY.",
        EXIT_USAGE,
    )


def _after_request(
    ctx: Context, service: SalesService, printer: Printer, sale: Sale, args: argparse.Namespace
) -> int:
    """What the charge does once the payment request is over, by the sale's state."""
    request_error = printer.last_error  # why the request did not simply succeed, if it did not
    if sale.state is S.UNKNOWN and sale.answered:
        sale = _settle_answered(ctx, service, printer, sale, request_error, args.wait)
    if sale.state is S.FAILED:
        raise _failure(sale, request_error)
    if sale.state is S.REVIEW:
        raise CliError(f"Sale {sale.sale_number} needs a person: {sale.last_error}", EXIT_UNKNOWN)
    ctx.say(describe(sale))
    if sale.state is S.AWAITING and args.qr and sale.checkout_url:
        ctx.say(output.render_qr(sale.checkout_url, **output.qr_style(ctx.out, ctx.env)))
    if not args.wait:
        if sale.state is S.UNKNOWN:
            raise CliError(
                f"Sale {sale.sale_number}: {_no_answer_what(request_error)}, so the payment may"
                " exist at HPAY. Outcome unknown — do not charge again: run `hpos resume` to"
                " find out whether it exists.",
                EXIT_UNKNOWN,
            )
        return EXIT_OK
    return _follow(ctx, service, printer, sale, args.timeout, request_error)


def _failure(sale: Sale, request_error: HpayError | None) -> CliError:
    """The error a FAILED sale ends the command with (nothing was charged)."""
    if sale.answered:
        return CliError(
            f"Sale {sale.sale_number} failed: {_answered_what(request_error)} and no payment"
            " of this sale is in its history: nothing was charged, it is safe to try again.",
            EXIT_NETWORK,
        )
    code = exit_code_for(request_error) if request_error else EXIT_REFUSED
    if code == EXIT_UNKNOWN:  # settled since: the request's doubt is over
        code = EXIT_REFUSED
    return CliError(f"Sale {sale.sale_number} failed: {sale.last_error}", code)


def _settle_answered(
    ctx: Context,
    service: SalesService,
    printer: Printer,
    sale: Sale,
    error: HpayError | None,
    keep_waiting: bool,
) -> Sale:
    """HPAY answered the request with an error: search its history now, for a little while.

    Returns the sale no longer UNKNOWN (FAILED, or its payment adopted). When the
    history could not tell within :data:`ANSWERED_SETTLE`: raises CliError (exit 5),
    or with ``keep_waiting`` (``--wait``) returns it UNKNOWN for the watcher to go on.
    """
    what = _answered_what(error)
    ctx.say(
        f"{what}: searching HPAY's history for sale {sale.sale_number}"
        f" (up to {ANSWERED_SETTLE:g} s)..."
    )
    printer.live = True
    try:
        service.watcher.run_until(_left_unknown(service, sale.id), timeout=ANSWERED_SETTLE)
    except KeyboardInterrupt:
        raise CliError(
            f"Stopped searching; sale {sale.sale_number} stays in the journal: `hpos resume`"
            " settles it. Do not charge again before.",
            EXIT_INTERRUPTED,
        ) from None
    finally:
        printer.live = False
    current = service.journal.get(sale.id) or sale
    if current.state is S.UNKNOWN and not keep_waiting:
        why = service.watcher.last_error(sale.id)
        searched = f"could not be searched ({reason(why)})" if why else "did not settle it yet"
        raise CliError(
            f"Sale {sale.sale_number}: {what}, and HPAY's history {searched} within"
            f" {ANSWERED_SETTLE:g} s. Outcome unknown — do not charge again: run `hpos resume`"
            " to find out whether the payment exists.",
            EXIT_UNKNOWN,
        )
    if current.state in (S.AWAITING, S.PAID) and current.transaction_id:
        ctx.say(
            f"{what}, but the payment was created: {current.transaction_id} found in HPAY's"
            " history."
        )
    return current


def _left_unknown(service: SalesService, sale_id: int) -> Callable[[], bool]:
    def done() -> bool:
        sale = service.journal.get(sale_id)
        return sale is None or sale.state is not S.UNKNOWN

    return done


def _answered_what(error: HpayError | None) -> str:
    """ "HPAY answered with an error (HTTP 502)", from the request's error."""
    status = getattr(error, "http_status", None)
    if not isinstance(status, int):
        return "HPAY answered with an error"
    if status >= 400:
        return f"HPAY answered with an error (HTTP {status})"
    return f"HPAY's answer could not be read (HTTP {status})"


def _no_answer_what(error: HpayError | None) -> str:
    """ "HPAY did not answer in time", with the cause when it says more."""
    cause = getattr(error, "cause", None)
    if cause is None or isinstance(cause, HpayTimeout):
        return "HPAY did not answer in time"
    if getattr(cause, "http_status", None) == GATEWAY_TIMEOUT:
        return "HPAY did not answer in time (HTTP 504 gateway timeout)"
    detail = reason(cause)
    if detail[:2].istitle():  # "The connection..." reads on inside the sentence; "HPAY" stays
        detail = detail[0].lower() + detail[1:]
    return f"HPAY did not answer in time ({detail})"


def _unrecorded_text(exc: AnswerNotRecorded) -> str:
    return (
        f"Sale {exc.sale.sale_number}: outcome unknown — do not charge again. The payment"
        " request was sent, but the journal could not record what came of it"
        f" ({reason(exc.journal_error)}). Once the journal can be written, `hpos resume`"
        " finds the payment."
    )


def _follow(
    ctx: Context,
    service: SalesService,
    printer: Printer,
    sale: Sale,
    timeout: float,
    request_error: HpayError | None,
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
    return _ending(ctx, sale, timeout, request_error)


def _ending(ctx: Context, sale: Sale, timeout: float, request_error: HpayError | None) -> int:
    if sale.state is S.PAID:
        ctx.say(f"{state_text(sale)} {output.money_text(sale.amount, sale.currency)}")
        return EXIT_OK
    if sale.state is S.FAILED:
        raise _failure(sale, request_error)
    if sale.state is S.REVIEW:
        raise CliError(f"Sale {sale.sale_number} needs a person: {sale.last_error}", EXIT_UNKNOWN)
    ctx.say(
        f"Still {sale.state.value} after {timeout:g} s; "
        f"check later with `hpos status {sale.sale_number}`."
    )
    return EXIT_UNPAID


def cmd_resume(args: argparse.Namespace, ctx: Context) -> int:
    """Resume every sale an earlier run left open, until none waits on HPAY."""
    printer = Printer(ctx)
    with open_service(ctx, printer) as service:
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
    rows = [
        (s.sale_number, state_text(s), s.transaction_id or "-", _resume_note(s)) for s in final if s
    ]
    ctx.say(output.table(("SALE", "STATE", "TRANSACTION", "NOTE"), rows))
    return EXIT_OK if settled_states(final) else EXIT_UNPAID


def _resume_note(sale: Sale) -> str:
    """What a person needs to know of a resumed sale: why it failed or waits."""
    if sale.state in (S.FAILED, S.REVIEW, S.UNKNOWN) and sale.last_error:
        return " ".join(sale.last_error.split())
    return ""


SALES_COMMANDS = {
    "charge": cmd_charge,
    "status": cmd_status,
    "resume": cmd_resume,
    "report": cmd_report,
    "sales": cmd_sales,
    "journal": cmd_journal,
    "catalogue": cmd_catalogue,
}
