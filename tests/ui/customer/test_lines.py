"""While a cart sale's QR is up, the customer display lists its lines (compact, beside the
QR, the total still the biggest text) in place of the product name, without shrinking the
QR; a long cart ends with "+ N more", a long name is cut."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QFontInfo
from pytestqt.qtbot import QtBot

from hpos.sales.model import Sale, SaleLine
from hpos.sales.states import SaleState
from hpos.ui.customer.lines import MAX_ROWS
from hpos.ui.customer.view import AWAITING
from hpos.ui.money import format_money
from tests.ui.customer.test_display import URL, decoded, make_sale, shown

S = SaleState


def cart_sale(count: int, first: str = "Café") -> Sale:
    names = [first, "Croissant au beurre", "Jus de bissap 50 cl"]
    lines = tuple(
        SaleLine(
            n, names[n - 1] if n <= 3 else f"Article {n}", Decimal(500), n, Decimal(500 * n), n
        )
        for n in range(1, count + 1)
    )
    total = sum((line.total for line in lines), Decimal(0))
    return make_sale(S.AWAITING, amount=total, product=f"{first} + {count - 1} more", lines=lines)


def test_a_cart_sale_shows_its_lines_beside_a_qr_as_large_as_ever(qtbot: QtBot) -> None:
    display = shown(qtbot)
    display.follow("payment", make_sale(S.AWAITING))
    qr_before = (display.qr.size(), display.qr.module_pixels())
    sale = cart_sale(3)
    display.follow("payment", sale)
    assert display.view() == AWAITING
    texts = display.texts()
    total = format_money(Decimal(3000), "XOF")
    assert texts[texts.index("Scan to pay") + 1] == total
    assert texts[texts.index(total) + 1 : texts.index("Time left 4:00")] == [
        "Café", "500", "2 × Croissant au beurre", "1,000", "3 × Jus de bissap 50 cl", "1,500",
    ]  # fmt: skip
    assert "Café + 2 more" not in texts  # the product name gives way to the lines
    assert (display.qr.size(), display.qr.module_pixels()) == qr_before
    assert decoded(display.grab().toImage()) == [URL]
    total_px = QFontInfo(display.amount_label.font()).pixelSize()
    for label in display.lines_view.findChildren(type(display.title_label)):
        assert QFontInfo(label.font()).pixelSize() < total_px / 2


def test_a_long_cart_ends_with_more_and_a_long_name_is_cut(qtbot: QtBot) -> None:
    display = shown(qtbot)
    display.follow("payment", cart_sale(9, first="Coffret cadeau chocolat noir édition limitée"))
    texts = display.texts()
    rows = texts[texts.index(format_money(Decimal(22500), "XOF")) + 1 : -1]
    assert rows[0] == "Coffret cadeau chocolat…"
    assert rows[-1] == f"+ {9 - (MAX_ROWS - 1)} more"
    assert len(rows) == 2 * (MAX_ROWS - 1) + 1


def test_a_typed_amount_still_shows_its_product_name(qtbot: QtBot) -> None:
    display = shown(qtbot)
    display.follow("payment", cart_sale(2))
    display.follow("payment", make_sale(S.AWAITING))
    assert "Coffee beans" in display.texts()
    assert display.lines_view.isHidden()
