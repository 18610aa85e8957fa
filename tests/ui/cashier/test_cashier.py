"""CashierScreen end to end: real sandbox over loopback, real Runner, real SalesService."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QGuiApplication, QImage
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.sales.states import SaleState
from hpos.sandbox.accounts import DEMO_CAD_ACCOUNT
from hpos.sandbox.server import SandboxServer
from hpos.ui.cashier.result import problem_wording
from hpos.ui.cashier.screen import key_action
from hpos.ui.money import GROUP_SEPARATOR
from hpos.ui.widgets.style import FitLabel
from tests.helpers.cashier import Counter
from tests.helpers.watch import FAST_WATCH as FAST

S = SaleState
SP = GROUP_SEPARATOR
WAIT = 15_000


@pytest.fixture
def counter_factory(
    qtbot: QtBot, sandbox: SandboxServer, make_client: Callable[..., HpayClient], tmp_path: Path
) -> Iterator[Callable[..., Counter]]:
    made: list[Counter] = []

    def make(
        *,
        account: Any = None,
        client: HpayClient | None = None,
        client_args: dict[str, Any] | None = None,
        **kw: Any,
    ) -> Counter:
        args = dict(client_args or {})
        if client is None:
            client = make_client(account, **args) if account is not None else make_client(**args)
        counter = Counter(qtbot, sandbox, client, tmp_path, **kw)
        made.append(counter)
        return counter

    yield make
    for counter in made:
        counter.close()


@pytest.fixture
def counter(counter_factory: Callable[..., Counter]) -> Counter:
    return counter_factory()


def qr_text(widget: QWidget) -> list[str]:
    """Decode the QR codes visible in a grab of ``widget``."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    pil = Image.frombuffer(
        "RGB",
        (image.width(), image.height()),
        bytes(image.constBits()),
        "raw",
        "RGB",
        image.bytesPerLine(),
        1,
    )
    return [r.text for r in zxingcpp.read_barcodes(pil)]


def test_type_enter_scan_paid_new_sale(counter: Counter) -> None:
    screen = counter.screen
    assert screen.current_page() == "entry"
    assert not screen.entry_page.keypad.button(".").isVisible(), "XOF has no decimals"
    counter.type("14900")
    assert screen.entry_page.amount_display.text() == f"14,900{SP}FCFA"
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    [payment] = counter.sandbox.payments()
    assert payment.amount == Decimal(14900)
    assert payment.product == "Coffee"
    assert qr_text(screen.payment_page.qr) == [payment.checkout_url]
    assert qr_text(screen) == [payment.checkout_url], "readable on the whole screen too"
    page = screen.payment_page
    assert page.amount_label.text() == f"14,900{SP}FCFA"
    assert payment.transaction_id in page.sale_label.text()
    assert "T1-000001" in page.sale_label.text()
    assert page.time_left_label.text().startswith("Time left 14:")
    counter.sandbox.mark_paid(payment.transaction_id)
    counter.wait_page("paid")
    assert screen.paid_page.title_label.text().endswith("PAID")
    assert "LATE" not in screen.paid_page.title_label.text()
    assert screen.paid_page.amount_label.text() == f"14,900{SP}FCFA"
    assert counter.journal_sale().state is S.PAID
    counter.enter()
    counter.wait_page("entry")
    assert screen.current_sale() is None
    assert screen.amount_entry.is_empty
    assert screen.focusWidget() is screen.amount_display, "focus back on the amount"
    counter.type("5")
    assert screen.amount_entry.text == "5"


def test_second_enter_while_charging_creates_one_payment(counter: Counter) -> None:
    screen = counter.screen
    counter.sandbox.add_fault("/payment/", "latency", seconds=1.0, times=1)
    counter.type("2500")
    counter.enter(screen.amount_display)
    assert screen.current_page() == "charging"
    assert not screen.entry_page.product_edit.isEnabled(), "inputs are locked"
    for _ in range(3):
        counter.enter(screen.amount_display)
        counter.enter(screen)
        screen.entry_page.charge_button.click()
        assert not screen.charge()
    counter.wait_page("payment")
    assert len(counter.sandbox.payments()) == 1
    counter.enter()
    assert len(counter.sandbox.payments()) == 1


def test_cancel_then_paid_late(counter: Counter) -> None:
    screen = counter.screen
    counter.type("700")
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    counter.answers.append(False)
    screen.payment_page.cancel_button.click()
    assert counter.questions
    assert "T1-000001" in counter.questions[0]
    assert screen.current_page() == "payment", "not confirmed: nothing happens"
    assert counter.journal_sale().state is S.AWAITING
    counter.answers.append(True)
    screen.payment_page.cancel_button.click()
    counter.wait_page("problem")
    assert screen.problem_state() is S.CANCELLED
    assert counter.journal_sale().state is S.CANCELLED
    assert "cancelled" in screen.problem_page.title_label.text().lower()
    [payment] = counter.sandbox.payments()
    counter.sandbox.mark_paid(payment.transaction_id)
    counter.wait_page("paid")
    assert "PAID LATE" in screen.paid_page.title_label.text()
    sale = counter.journal_sale()
    assert sale.state is S.PAID
    assert sale.paid_late


def test_refusal_shows_the_failed_page_and_try_again_keeps_the_amount(
    counter: Counter,
) -> None:
    screen = counter.screen
    counter.sandbox.add_fault("/payment/", "refuse", times=1)
    counter.type("14900")
    counter.enter(screen.amount_display)
    counter.wait_page("problem")
    assert screen.problem_state() is S.FAILED
    body = screen.problem_page.body_label.text()
    assert "HPAY refused" in body
    assert "Nothing was charged" in body
    assert "Safe to try again" in body
    assert counter.journal_sale().state is S.FAILED, "the sale stays in the journal"
    assert counter.sandbox.payments() == []
    counter.enter()  # the primary action: try again
    counter.wait_page("entry")
    assert screen.amount_entry.value == Decimal(14900)
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    assert len(counter.sandbox.payments()) == 1


def test_slow_server_keeps_the_gui_responsive(counter: Counter) -> None:
    screen = counter.screen
    ticks = [0]
    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    counter.sandbox.add_fault("/payment/", "latency", seconds=3, times=1)
    counter.type("1000")
    heartbeat.start()
    counter.enter(screen.amount_display)
    assert screen.current_page() == "charging"
    counter.qtbot.waitUntil(lambda: ticks[0] >= 10, timeout=WAIT)
    assert screen.current_page() == "charging", "still waiting for HPAY"
    counter.wait_page("payment")
    heartbeat.stop()
    assert ticks[0] >= 10


def test_outcome_unknown_then_found(counter_factory: Callable[..., Counter]) -> None:
    counter = counter_factory(client_args={"deadline": 1.0})
    screen = counter.screen
    counter.sandbox.add_fault("/payment/", "no_answer", seconds=3, times=1)
    counter.sandbox.add_fault("/getPaymentHistory/", "refuse")
    counter.type("3300")
    counter.enter(screen.amount_display)
    counter.wait_page("problem")
    assert screen.problem_state() is S.UNKNOWN
    body = screen.problem_page.body_label.text()
    assert "Checking whether the payment went through" in body
    assert "Do not charge again" in body
    assert screen.problem_page.progress.isVisible()
    assert counter.journal_sale().state is S.UNKNOWN
    counter.sandbox.clear_faults()  # HPAY's history answers again: the payment is found
    counter.wait_page("payment")
    [payment] = counter.sandbox.payments()
    assert counter.journal_sale().transaction_id == payment.transaction_id
    assert qr_text(screen.payment_page.qr) == [payment.checkout_url]


def test_no_hpay_request_runs_on_the_gui_thread(
    counter_factory: Callable[..., Counter],
    make_client: Callable[..., HpayClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gui = threading.get_ident()
    threads: list[int] = []
    client = make_client()
    real = client.transport.post_json

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(client.transport, "post_json", recording)
    counter = counter_factory(client=client)
    screen = counter.screen
    counter.type("4200")
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    [payment] = counter.sandbox.payments()
    counter.sandbox.mark_paid(payment.transaction_id)
    counter.wait_page("paid")
    assert len(threads) >= 3, "token, payment and at least one status check"
    assert gui not in threads
    assert set(threads) <= counter.runner.worker_thread_ids()


def test_another_sales_late_payment_is_a_notice_only(counter: Counter) -> None:
    screen = counter.screen
    counter.type("800")
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    first = screen.current_sale()
    assert first is not None
    counter.answers.append(True)
    screen.request_cancel()
    counter.wait_page("problem")
    counter.enter()  # New sale
    counter.wait_page("entry")
    counter.type("950")
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    second = screen.current_sale()
    assert second is not None
    counter.sandbox.mark_paid(first.transaction_id or "")
    counter.qtbot.waitUntil(lambda: "was paid late" in screen.notice_text(), timeout=WAIT)
    assert first.sale_number in screen.notice_text()
    assert screen.current_page() == "payment"
    assert screen.current_sale() is not None
    assert screen.current_sale().id == second.id  # type: ignore[union-attr]
    assert counter.service.journal.get(first.id).paid_late  # type: ignore[union-attr]


def test_expired_page(counter_factory: Callable[..., Counter]) -> None:
    counter = counter_factory(policy=replace(FAST, expire_after=0.3))
    screen = counter.screen
    counter.type("600")
    counter.enter(screen.amount_display)
    counter.qtbot.waitUntil(lambda: screen.problem_state() is S.EXPIRED, timeout=WAIT)
    body = screen.problem_page.body_label.text()
    assert "No payment within 15 minutes" in body
    assert "HPOS will still see it" in body
    assert counter.journal_sale().state is S.EXPIRED
    counter.qtbot.keyClick(screen, Qt.Key.Key_Escape)
    counter.wait_page("entry")


def test_several_matching_payments_ask_for_a_manager(
    counter_factory: Callable[..., Counter],
) -> None:
    counter = counter_factory(client_args={"deadline": 1.0})
    screen = counter.screen
    counter.sandbox.add_fault("/payment/", "no_answer", seconds=3, times=1)
    counter.sandbox.add_fault("/getPaymentHistory/", "refuse")
    counter.type("3300")
    counter.enter(screen.amount_display)
    counter.qtbot.waitUntil(lambda: screen.problem_state() is S.UNKNOWN, timeout=WAIT)
    sale = counter.journal_sale()
    # a second payment carrying the same sale number and amount (as a retry elsewhere would)
    counter.client.create_payment(sale.amount, sale.product, sale.description)
    counter.sandbox.clear_faults()
    counter.qtbot.waitUntil(lambda: screen.problem_state() is S.REVIEW, timeout=WAIT)
    body = screen.problem_page.body_label.text()
    assert "Several payments match" in body
    assert "ask a manager" in body
    assert "Do not charge again" in body
    assert counter.journal_sale().state is S.REVIEW
    counter.enter()
    counter.wait_page("entry")


@pytest.mark.parametrize(
    ("state", "words"),
    [
        (S.FAILED, "Nothing was charged"),
        (S.EXPIRED, "No payment within 15 minutes"),
        (S.UNKNOWN, "Do not charge again"),
        (S.REVIEW, "ask a manager"),
        (S.CANCELLED, "PAID LATE"),
    ],
)
def test_problem_wording(state: SaleState, words: str) -> None:
    wording = problem_wording(state, 15)
    assert words in wording.body
    assert wording.primary_text


def test_auto_return_after_paid(counter_factory: Callable[..., Counter]) -> None:
    counter = counter_factory(auto_return_seconds=0.3)
    screen = counter.screen
    counter.type("100")
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    counter.sandbox.mark_paid(counter.sandbox.payments()[0].transaction_id)
    counter.wait_page("paid")
    counter.wait_page("entry")
    assert screen.amount_entry.is_empty


def test_keypad_keyboard_and_cad_decimals(counter_factory: Callable[..., Counter]) -> None:
    counter = counter_factory(account=DEMO_CAD_ACCOUNT)
    screen = counter.screen
    keypad = screen.entry_page.keypad
    assert keypad.button(".").isVisible()
    for button in keypad.buttons():
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert button.accessibleName()
        assert button.width() >= 64
        assert button.height() >= 64
    for key in ("1", "2", "."):
        keypad.button(key).click()
    counter.type("5,0")  # a second separator is refused, and so is what follows it
    assert screen.amount_entry.text == "12.5"
    assert screen.entry_page.amount_display.text() == "$12.5"
    assert "one decimal separator" in screen.entry_page.hint_label.text()
    counter.qtbot.keyClick(screen.amount_display, Qt.Key.Key_Backspace)  # takes the refusal back
    assert screen.amount_entry.text == "12.5"
    assert not screen.entry_page.hint_label.text()
    counter.qtbot.keyClick(screen.amount_display, Qt.Key.Key_Backspace)
    assert screen.amount_entry.text == "12."
    counter.qtbot.keyClick(screen.amount_display, Qt.Key.Key_Escape)
    assert screen.amount_entry.is_empty
    keypad.button("backspace").click()
    counter.enter(screen.amount_display)
    assert screen.current_page() == "entry", "nothing typed: nothing charged"
    assert "amount" in screen.entry_page.hint_label.text().lower()
    counter.type("12.50")
    screen.entry_page.description_edit.setText("  table   4 ")
    screen.entry_page.charge_button.click()
    counter.wait_page("payment")
    [payment] = counter.sandbox.payments()
    assert payment.amount == Decimal("12.50")
    assert payment.currency == "CAD"
    assert "table 4" in payment.description
    assert screen.payment_page.amount_label.text() == "$12.50"


def test_copy_link_and_countdown(counter_factory: Callable[..., Counter]) -> None:
    offset = [timedelta(0)]
    counter = counter_factory(clock=lambda: datetime.now(UTC) + offset[0])
    screen = counter.screen
    counter.type("100")
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    screen.payment_page.copy_button.click()
    [payment] = counter.sandbox.payments()
    assert QGuiApplication.clipboard().text() == payment.checkout_url
    offset[0] = timedelta(minutes=20)
    counter.qtbot.waitUntil(
        lambda: "expiring" in screen.payment_page.time_left_label.text(), timeout=WAIT
    )


def test_connection_lost_banner_stays_on_the_payment_page(counter: Counter) -> None:
    screen = counter.screen
    counter.type("100")
    counter.enter(screen.amount_display)
    counter.wait_page("payment")
    counter.sandbox.add_fault("/getPaymentHistory/", "refuse")
    counter.qtbot.waitUntil(lambda: screen.payment_page.banner.isVisible(), timeout=WAIT)
    assert screen.current_page() == "payment"
    assert "lost" in screen.payment_page.banner.text()
    counter.sandbox.clear_faults()
    counter.qtbot.waitUntil(lambda: not screen.payment_page.banner.isVisible(), timeout=WAIT)


def _inside(widget: QWidget, area: QRect) -> bool:
    top_left = widget.mapTo(widget.window(), QPoint(0, 0))
    return area.contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (1920, 1080)])
def test_every_page_fits_the_window(counter: Counter, width: int, height: int) -> None:
    screen = counter.screen
    screen.resize(width, height)
    area = QRect(0, 0, width, height)

    def check(name: str) -> None:
        counter.wait_page(name)
        counter.qtbot.wait(100)  # let the layouts follow the new fonts
        page = screen._pages[name]
        for widget in page.findChildren(QWidget):
            if not widget.isVisible() or not isinstance(widget, QLabel | QPushButton):
                continue
            assert _inside(widget, area), (name, widget.objectName(), widget.geometry())
            if isinstance(widget, FitLabel):
                advance = QFontMetrics(widget.font()).horizontalAdvance(widget.text())
                assert advance <= widget.contentsRect().width(), (name, widget.text())

    check("entry")
    big = screen.entry_page.amount_display.font().pixelSize()
    assert big >= 64, "the amount is large"
    counter.type("1000000000")
    check("entry")
    counter.enter(screen.amount_display)
    check("payment")
    assert screen.payment_page.qr.module_pixels() >= 4
    counter.sandbox.mark_paid(counter.sandbox.payments()[0].transaction_id)
    check("paid")


def test_enter_in_the_product_field_charges_too(counter: Counter) -> None:
    screen = counter.screen
    counter.type("450")
    edit = screen.entry_page.product_edit
    edit.clear()
    counter.qtbot.keyClicks(edit, "Croissant 2")
    assert screen.amount_entry.text == "450", "digits typed in the product stay there"
    counter.qtbot.keyClick(edit, Qt.Key.Key_Return)
    counter.wait_page("payment")
    [payment] = counter.sandbox.payments()
    assert payment.product == "Croissant 2"
    assert payment.amount == Decimal(450)


@pytest.mark.parametrize(
    ("page", "key", "text", "action"),
    [
        ("entry", Qt.Key.Key_Return, "\r", "charge"),
        ("entry", Qt.Key.Key_Enter, "\r", "charge"),
        ("entry", Qt.Key.Key_7, "7", "7"),
        ("entry", Qt.Key.Key_Comma, ",", ","),
        ("entry", Qt.Key.Key_Escape, "", "clear"),
        ("entry", Qt.Key.Key_Backspace, "", "backspace"),
        ("entry", Qt.Key.Key_A, "a", "a"),  # refused by the amount, which says why
        ("entry", Qt.Key.Key_Space, " ", None),
        ("entry", Qt.Key.Key_F1, "", None),
        ("charging", Qt.Key.Key_Return, "\r", "ignore"),
        ("payment", Qt.Key.Key_Return, "\r", None),
        ("payment", Qt.Key.Key_Escape, "", "cancel"),
        ("paid", Qt.Key.Key_Return, "\r", "new_sale"),
        ("problem", Qt.Key.Key_Return, "\r", "primary"),
        ("problem", Qt.Key.Key_Escape, "", "new_sale"),
    ],
)
def test_key_actions(page: str, key: Qt.Key, text: str, action: str | None) -> None:
    assert key_action(page, key, text) == action
