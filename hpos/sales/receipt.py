"""What a receipt says: the data of one paid sale, and which sales may have one.

A :class:`Receipt` is plain, language-neutral data (the UI paints it and adds
the translated labels): shop, till, date, sale number, product, description,
amount, currency, HPAY transaction id, status, mode, the cashier who
served (when the sale recorded one) and a cart sale's lines. Only a paid sale has a
receipt: PAID, or PAID LATE (paid after it was cancelled or expired). Anything
else is refused with :class:`ReceiptRefused`, whose ``status`` lets a front end
word the refusal in its own language.

The receipt's date is when the payment was seen (``paid_seen_at``) when known,
else when the sale was created; always timezone-aware, shown in the shop's
local time by the front end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from hpos.sales.model import Sale, SaleLine
from hpos.sales.reference import parse_sale_number, typed_part
from hpos.sales.states import SaleState

__all__ = [
    "RECEIPT_STATUSES",
    "STATUS_PAID",
    "STATUS_PAID_LATE",
    "Receipt",
    "ReceiptRefused",
    "make_receipt",
    "receipt_from_sale",
    "shop_name_for",
    "till_of",
]

STATUS_PAID = "PAID"
STATUS_PAID_LATE = "PAID LATE"
#: The only statuses a receipt can carry.
RECEIPT_STATUSES = (STATUS_PAID, STATUS_PAID_LATE)
#: What a receipt says when neither the settings nor HPAY name the shop.
DEFAULT_SHOP_NAME = "HPOS"


class ReceiptRefused(ValueError):
    """No receipt for this sale: it is not paid (``status`` says what it is instead)."""

    def __init__(self, status: str, name: str = "") -> None:
        self.status = status
        self.name = name
        what = f"Sale {name}" if name else "This sale"
        super().__init__(
            f"{what} is {status or 'unknown'}, not paid: a receipt is only printed for a paid sale."
        )


@dataclass(frozen=True, slots=True)
class Receipt:
    """The content of one receipt (plain data; safe to hand to a worker thread)."""

    shop_name: str
    till: str
    date: datetime  # aware
    product: str
    description: str  # without the sale number HPOS puts in front of it
    amount: Decimal
    currency: str
    transaction_id: str
    status: str  # "PAID" | "PAID LATE"
    mode: str  # "TEST" | "PROD"
    sale_number: str = ""
    cashier: str = ""  # who served ("" when not recorded): "Served by NAME"
    #: A cart sale's lines as sold (name, quantity, unit price, line total); empty otherwise.
    lines: tuple[SaleLine, ...] = ()

    @property
    def is_test(self) -> bool:
        """A TEST-mode payment: the receipt is stamped TEST, no real money moved."""
        return self.mode == "TEST"

    @property
    def paid_late(self) -> bool:
        """Paid after the sale was cancelled or expired."""
        return self.status == STATUS_PAID_LATE

    @property
    def note(self) -> str:
        """What the description adds to the lines: a cart sale's note, else the description.

        A cart sale's description is its items, then `` — `` and the cashier's note, if
        any (:func:`hpos.sales.cart.cart_description`); the lines are printed instead of
        the items, so only the note is left. Without lines it is the whole description.
        """
        if not self.lines:
            return self.description
        items, dash, note = self.description.rpartition(" — ")
        names = tuple(line.name for line in self.lines)
        if not dash or not items.startswith(names[0]) or note.startswith(names):
            return ""
        return note

    @property
    def name(self) -> str:
        """What names this receipt (the sale number, else the transaction id)."""
        return self.sale_number or self.transaction_id

    def local_date(self) -> datetime:
        """The date in the computer's (the shop's) local time zone, still aware."""
        return self.date.astimezone()


def shop_name_for(shop_name: str, company: str = "") -> str:
    """The shop name of the settings, else HPAY's company name, else "HPOS"."""
    return " ".join(shop_name.split()) or " ".join(company.split()) or DEFAULT_SHOP_NAME


def till_of(sale_number: str | None, fallback: str = "") -> str:
    """The till a sale number was made on (``"TILL1-000042"`` -> ``"TILL1"``), else ``fallback``."""
    parsed = parse_sale_number(sale_number or "")
    return parsed[0] if parsed else fallback


def make_receipt(
    *,
    shop_name: str,
    till: str,
    date: datetime,
    product: str,
    description: str,
    amount: Decimal,
    currency: str,
    transaction_id: str,
    status: str,
    mode: str,
    sale_number: str | None = None,
    cashier: str | None = None,
    lines: tuple[SaleLine, ...] = (),
) -> Receipt:
    """A checked receipt; :class:`ReceiptRefused` unless ``status`` is PAID or PAID LATE.

    ValueError for data no receipt can carry: a naive date, a float or
    non-positive amount, no currency or no transaction id.
    """
    status_text = " ".join(status.split()).upper()
    number = (sale_number or "").strip()
    if status_text not in RECEIPT_STATUSES:
        raise ReceiptRefused(status_text, number or transaction_id.strip())
    if date.tzinfo is None or date.utcoffset() is None:
        raise ValueError("A receipt's date must be timezone-aware.")
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
        raise ValueError(f"A receipt's amount must be a positive Decimal, not {amount!r}.")
    if not currency.strip():
        raise ValueError("A receipt needs a currency.")
    if not transaction_id.strip():
        raise ValueError("A receipt needs HPAY's transaction id.")
    return Receipt(
        shop_name=shop_name_for(shop_name),
        till=till.strip(),
        date=date,
        product=" ".join(product.split()),
        description=typed_part(description),
        amount=amount,
        currency=currency.strip().upper(),
        transaction_id=transaction_id.strip(),
        status=status_text,
        mode=mode.strip().upper(),
        sale_number=number,
        cashier=" ".join((cashier or "").split()),
        lines=tuple(lines),
    )


def receipt_from_sale(sale: Sale, *, shop_name: str, company: str = "") -> Receipt:
    """The receipt of a journal sale; :class:`ReceiptRefused` unless it is PAID."""
    if sale.state is not SaleState.PAID:
        raise ReceiptRefused(sale.state.value.upper(), sale.sale_number)
    return make_receipt(
        shop_name=shop_name_for(shop_name, company),
        till=sale.till,
        date=sale.paid_seen_at or sale.created_at,
        product=sale.product,
        description=sale.description,
        amount=sale.amount,
        currency=sale.currency,
        transaction_id=sale.transaction_id or "",
        status=STATUS_PAID_LATE if sale.paid_late else STATUS_PAID,
        mode=sale.mode,
        sale_number=sale.sale_number,
        cashier=sale.cashier,
        lines=sale.lines,
    )
