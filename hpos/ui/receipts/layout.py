"""What a receipt says: the receipt's lines, in words.

:func:`receipt_blocks` turns a :class:`~hpos.sales.receipt.Receipt` into the lines
(:data:`~hpos.ui.widgets.paper.Blocks`) :mod:`hpos.ui.receipts.render` paints on the
paper of :data:`~hpos.ui.widgets.paper.LAYOUTS`: labels through
``QCoreApplication.translate("Receipt", ...)`` (so a receipt follows the UI
language), money through :func:`hpos.ui.money.format_money`, the date in the
shop's local time. A cart sale prints its lines (name, ``2 × 1,500``, line total) in
place of the product and description (the description lists the same items), then
the cashier's note if there was one, then the total. No painting and no widgets here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from hpos.sales.model import SaleLine
from hpos.sales.receipt import Receipt
from hpos.ui.i18n import current_language, format_datetime
from hpos.ui.money import format_decimal, format_money
from hpos.ui.widgets.paper import Blocks

__all__ = ["date_text", "line_blocks", "quantity_text", "receipt_blocks", "status_text"]


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


def quantity_text(line: SaleLine, language: str | None = None) -> str:
    """ "2 × 1,500": a line's quantity and unit price (the number alone, in the language)."""
    return f"{line.quantity} × {format_decimal(line.unit_price, language)}"


def line_blocks(lines: Sequence[SaleLine], language: str | None = None) -> Blocks:
    """A cart sale's lines as sold: the name and its total; for more than one, the name,
    then ``2 × 1,500`` and the line total beneath it. Amounts without the currency (the
    total below names it)."""
    blocks: Blocks = []
    for line in lines:
        total = format_decimal(line.total, language)
        if line.quantity == 1:
            blocks.append(("line", line.name, total))
        else:
            blocks += [("line", line.name, ""), ("qty", quantity_text(line, language), total)]
    return blocks


def receipt_blocks(receipt: Receipt, language: str | None = None) -> Blocks:
    """What the receipt says, in order: (kind, label, text), in the UI language.

    Kinds: shop, centre, rule, field, id, amount, status, stamp, line, qty. ``language``
    (default: the one in use) is decided on the GUI thread by the caller.
    """
    language = language or current_language()
    blocks: Blocks = [("shop", "", receipt.shop_name)]
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
    if receipt.lines:
        blocks.append(("rule", "", ""))
        blocks += line_blocks(receipt.lines, language)
        if receipt.note:
            blocks.append(("field", QCoreApplication.translate("Receipt", "Note"), receipt.note))
        total = QCoreApplication.translate("Receipt", "Total")
    else:
        blocks.append(("field", QCoreApplication.translate("Receipt", "Product"), receipt.product))
        if receipt.description:
            blocks.append(
                ("field", QCoreApplication.translate("Receipt", "Description"), receipt.description)
            )
        total = QCoreApplication.translate("Receipt", "Amount")
    blocks += [
        ("rule", "", ""),
        ("centre", "", total),
        ("amount", "", format_money(receipt.amount, receipt.currency, language)),
        ("field", QCoreApplication.translate("Receipt", "Currency"), receipt.currency),
        ("id", QCoreApplication.translate("Receipt", "Transaction"), receipt.transaction_id),
        ("rule", "", ""),
        ("status", "", status_text(receipt)),
        ("centre", "", QCoreApplication.translate("Receipt", "Thank you")),
    ]
    return blocks
