"""What a receipt says and on which paper: the layouts and the receipt's lines, in words.

Three layouts (:data:`LAYOUTS`): the 58 mm and 80 mm thermal rolls (the page is
the roll's width and as tall as the content) and A4, each with its margins and
font sizes. :func:`receipt_blocks` turns a :class:`~hpos.sales.receipt.Receipt`
into the lines :mod:`hpos.ui.receipts.render` paints: labels through
``QCoreApplication.translate("Receipt", ...)`` (so a receipt follows the UI
language), money through :func:`hpos.ui.money.format_money`, the date in the
shop's local time. No painting and no widgets here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from hpos.sales.receipt import Receipt
from hpos.ui.i18n import current_language, format_datetime
from hpos.ui.money import format_money

__all__ = ["LAYOUTS", "Blocks", "Layout", "date_text", "receipt_blocks", "status_text"]


@dataclass(frozen=True)
class Layout:
    """Paper and type of one receipt layout (lengths in mm, fonts in points)."""

    name: str
    width_mm: float
    height_mm: float | None  # None: a roll, as tall as the content
    margin_mm: float
    body_pt: float
    shop_pt: float
    amount_pt: float
    stamp_pt: float
    two_columns: bool  # label and value side by side (else the label above its value)


LAYOUTS: dict[str, Layout] = {
    "58mm": Layout("58mm", 58, None, 3, 7.5, 11, 17, 24, False),
    "80mm": Layout("80mm", 80, None, 4, 8.5, 13, 21, 30, True),
    "A4": Layout("A4", 210, 297, 20, 12, 22, 34, 54, True),
}


def status_text(receipt: Receipt) -> str:
    """ "PAID" or "PAID LATE", in the UI language."""
    if receipt.paid_late:
        return QCoreApplication.translate("Receipt", "PAID LATE")
    return QCoreApplication.translate("Receipt", "PAID")


def date_text(receipt: Receipt, language: str | None = None) -> str:
    """The receipt's date in the shop's local time for the language, with its UTC offset."""
    local = receipt.local_date()
    offset = local.strftime("%z")
    text = format_datetime(local, seconds=True, language=language)
    return f"{text} UTC{offset[:3]}:{offset[3:]}"


Blocks = list[tuple[str, str, str]]


def receipt_blocks(receipt: Receipt, language: str | None = None) -> Blocks:
    """What the receipt says, in order: (kind, label, text), in the UI language.

    Kinds: shop, centre, rule, field, id, amount, status, stamp. ``language``
    (default: the one in use) is decided on the GUI thread by the caller.
    """
    language = language or current_language()
    blocks: list[tuple[str, str, str]] = [("shop", "", receipt.shop_name)]
    if receipt.till:
        blocks.append(
            (
                "centre",
                "",
                QCoreApplication.translate("Receipt", "Till {till}").format(till=receipt.till),
            )
        )
    if receipt.cashier:
        served = QCoreApplication.translate("Receipt", "Served by {name}")
        blocks.append(("centre", "", served.format(name=receipt.cashier)))
    if receipt.is_test:
        blocks.append(("stamp", "", QCoreApplication.translate("Receipt", "TEST")))
        blocks.append(
            ("centre", "", QCoreApplication.translate("Receipt", "Test payment — no real money"))
        )
    blocks += [
        ("rule", "", ""),
        ("field", QCoreApplication.translate("Receipt", "Date"), date_text(receipt, language)),
    ]
    if receipt.sale_number:
        blocks.append(("field", QCoreApplication.translate("Receipt", "Sale"), receipt.sale_number))
    blocks.append(("field", QCoreApplication.translate("Receipt", "Product"), receipt.product))
    if receipt.description:
        blocks.append(
            ("field", QCoreApplication.translate("Receipt", "Description"), receipt.description)
        )
    blocks += [
        ("rule", "", ""),
        ("centre", "", QCoreApplication.translate("Receipt", "Amount")),
        ("amount", "", format_money(receipt.amount, receipt.currency, language)),
        ("field", QCoreApplication.translate("Receipt", "Currency"), receipt.currency),
        ("id", QCoreApplication.translate("Receipt", "Transaction"), receipt.transaction_id),
        ("rule", "", ""),
        ("status", "", status_text(receipt)),
        ("centre", "", QCoreApplication.translate("Receipt", "Thank you")),
    ]
    return blocks
