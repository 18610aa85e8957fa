"""The hosted checkout page a customer sees, and its Pay and Cancel buttons.

- ``GET /checkout/?ref=TXID`` (or ``/checkout?ref=``): the page, rendered from
  the package's ``checkout.html`` with every value HTML-escaped and a strict
  Content-Security-Policy; 404 for an unknown reference.
- ``POST /checkout/pay`` and ``/checkout/cancel`` (form field ``ref``): 303 to
  the payment's ``success_url`` / ``cancel_url``. Cancelling a payment already
  PAID just shows the page again.
"""

from __future__ import annotations

import functools
import html
import string
from decimal import Decimal
from importlib import resources
from urllib.parse import parse_qs

from hpos.sandbox.accounts import money_text
from hpos.sandbox.payments import PaymentSnapshot
from hpos.sandbox.state import SandboxState
from hpos.sandbox.wire import HTML_TYPE, Response

CHECKOUT_PATHS = ("/checkout", "/checkout/")
ACTION_PATHS = ("/checkout/pay", "/checkout/cancel")
_PAGE_404 = (
    b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Unknown payment'
    b"</title></head>\n<body><h1>Unknown payment</h1><p>No payment has this reference."
    b"</p></body></html>\n"
)
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"
_FORMS = """<div class="actions">
  <form method="post" action="/checkout/pay"><input type="hidden" name="ref" value="{ref}">
    <button type="submit" class="pay">Pay</button></form>
  <form method="post" action="/checkout/cancel"><input type="hidden" name="ref" value="{ref}">
    <button type="submit" class="cancel">Cancel</button></form>
</div>"""
_NOT_FOUND = Response(404, _PAGE_404, HTML_TYPE)


@functools.cache
def _template() -> string.Template:
    text = resources.files("hpos.sandbox").joinpath("checkout.html").read_text(encoding="utf-8")
    return string.Template(text)


def render_checkout(payment: PaymentSnapshot) -> str:
    """The checkout page of one payment, every value HTML-escaped."""
    esc = html.escape
    ref = esc(payment.transaction_id)
    if payment.status == "PAID":
        actions = '<p class="state paid">This payment has already been paid. Thank you!</p>'
    else:
        note = "You cancelled this payment. You can still pay it." if payment.cancelled else ""
        actions = (f'<p class="state">{note}</p>' if note else "") + _FORMS.format(ref=ref)
    amount = format(Decimal(money_text(payment.amount, payment.currency)), ",f")
    return _template().substitute(
        company=esc(payment.company),
        product=esc(payment.product),
        description=esc(payment.description),
        amount=esc(amount.replace(",", "\u202f")),
        currency=esc(payment.currency),
        ref=ref,
        badge='<p class="badge" title="No real money moves">TEST</p>'
        if payment.mode == "TEST"
        else "",
        actions=actions,
    )


def _page(payment: PaymentSnapshot) -> Response:
    body = render_checkout(payment).encode("utf-8")
    return Response(200, body, HTML_TYPE, (("Content-Security-Policy", _CSP),))


def checkout_page(state: SandboxState, query: str) -> Response:
    """GET /checkout/?ref=TXID."""
    payment = state.payment(parse_qs(query).get("ref", [""])[0])
    return _NOT_FOUND if payment is None else _page(payment)


def checkout_action(state: SandboxState, path: str, raw: bytes | None) -> Response:
    """POST /checkout/pay or /checkout/cancel; ``raw`` is the form body (None if unusable)."""
    form = parse_qs((raw or b"").decode("utf-8", "replace"))
    ref = form.get("ref", [""])[0]
    payment = state.payment(ref)
    if payment is None:
        return _NOT_FOUND
    if path == "/checkout/pay":
        target = state.mark_paid(ref).success_url
    elif payment.status == "PAID":
        return _page(payment)
    else:
        target = state.cancel(ref).cancel_url
    if any(ch in target for ch in "\r\n"):
        return Response(400, b"Bad redirect URL", "text/plain; charset=utf-8")
    return Response(303, b"", HTML_TYPE, (("Location", target),))
