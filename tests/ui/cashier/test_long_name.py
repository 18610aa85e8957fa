"""A 99-character product name never shrinks the QR code (issue 14, point 10).

The cashier's payment page and the customer display show the QR at exactly the size it has
with a short name, at 1024×600 and in a small window; the long name wraps (anywhere, when it
has no space) and past three lines ends with "…", the whole name in the tool tip. The PAID
page and the problem page wrap it too and never widen the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.sales.model import Sale
from hpos.sales.states import SaleState
from hpos.sandbox.server import SandboxServer
from hpos.ui.customer.view import AWAITING, CustomerDisplay
from tests.helpers.cashier import Counter

LONG = "Z" * 99  # no space anywhere
SHORT = "Coffee"
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
SIZES = [(1024, 600), (760, 460)]


@pytest.fixture
def counter(
    qtbot: QtBot, sandbox: SandboxServer, make_client: Callable[..., HpayClient], tmp_path: Path
) -> Iterator[Counter]:
    made = Counter(qtbot, sandbox, make_client(), tmp_path)
    yield made
    made.close()


def settle(qtbot: QtBot, widget: QWidget, width: int, height: int) -> None:
    widget.resize(width, height)
    qtbot.waitUntil(lambda: (widget.width(), widget.height()) == (width, height))
    for _ in range(3):  # labels re-wrap at their new width, then the layout settles
        QApplication.processEvents()


def qr_side_with(counter: Counter, product: str, size: tuple[int, int]) -> int:
    screen = counter.screen
    screen.new_sale()
    settle(counter.qtbot, screen, *size)
    screen.entry_page.product_edit.setText(product)
    counter.type("100")
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    settle(counter.qtbot, screen, *size)
    assert screen.width() == size[0]  # the name never widened the screen
    return screen.payment_page.qr.code_rect().width()


@pytest.mark.parametrize("size", SIZES)
def test_the_cashiers_qr_keeps_its_size_with_a_99_character_name(
    counter: Counter, size: tuple[int, int]
) -> None:
    short = qr_side_with(counter, SHORT, size)
    long = qr_side_with(counter, LONG, size)
    assert short > 0
    assert long == short
    page = counter.screen.payment_page
    label = page.product_label
    assert label.toolTip() == LONG  # the whole name, always readable
    lines = label.text().split("\n")
    assert 2 <= len(lines) <= 3
    assert all(label.fontMetrics().horizontalAdvance(line) <= label.width() for line in lines)
    assert "".join(lines).rstrip("…") == LONG[: len("".join(lines).rstrip("…"))]


def test_the_paid_page_wraps_the_long_name_without_widening(counter: Counter) -> None:
    screen = counter.screen
    screen.entry_page.product_edit.setText(LONG)
    counter.type("100")
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    counter.sandbox.mark_paid(counter.sandbox.payments()[0].transaction_id)
    counter.wait_page("paid")
    settle(counter.qtbot, screen, 1024, 600)
    assert screen.width() == 1024
    detail = screen.paid_page.detail_label
    assert LONG in detail.toolTip()
    assert all(
        detail.fontMetrics().horizontalAdvance(line) <= detail.width()
        for line in detail.text().split("\n")
    )


def awaiting(product: str) -> Sale:
    return Sale(
        id=7,
        sale_number="T1-000007",
        till="T1",
        created_at=NOW - timedelta(seconds=60),
        updated_at=NOW,
        paid_seen_at=None,
        amount=Decimal(14900),
        currency="XOF",
        product=product,
        description="T1-000007",
        mode="TEST",
        state=SaleState.AWAITING,
        transaction_id="TX1",
        checkout_url="https://checkout.hpay.cash/pay/TX1",
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_customer_display_keeps_its_qr_size_too(qtbot: QtBot, size: tuple[int, int]) -> None:
    display = CustomerDisplay(shop_name="Chez Awa", expiry_seconds=300, clock=lambda: NOW)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitExposed(display)
    sides = []
    for product in (SHORT, LONG):
        display.follow("payment", replace(awaiting(product), id=len(sides) + 1))
        assert display.view() == AWAITING
        settle(qtbot, display, *size)
        sides.append(display.qr.code_rect().width())
    assert sides[0] > 0
    assert sides[1] == sides[0]
    assert display.product_label.toolTip() == LONG
    assert display.width() == size[0]
