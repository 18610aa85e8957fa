"""Ctrl+P on the keypad reprints the last finished sale's receipt (issue 14, point 12).

Decided: the last sale the cashier screen finished is the one printed, in its latest state (a
cancelled sale paid late prints PAID LATE). A sale that did not end paid (cancelled, expired,
failed) prints nothing: the message names the sale and why. Before any sale finished in this
session the message says so and points to History.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hpos.profile.profile import replace_settings
from hpos.sales.states import SaleState
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.profiles import make_profile
from tests.helpers.watch import FAST_WATCH
from tests.helpers.window import charge, ready
from tests.ui.receipts.test_receipts import PdfPrinters, pdf_text, shown_message, squeezed

WAIT = 15_000


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, sandbox: Any) -> Iterator[MainWindow]:
    profile = make_profile(tmp_path / "profile", sandbox.url)
    profile.save(
        replace_settings(profile.settings, print_without_dialog=True, shop_name="Chez Awa")
    )
    win = MainWindow(profile, watch_policy=FAST_WATCH)  # a late payment seen in time
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    ready(qtbot, win)
    yield win
    win.close()


def ctrl_p(qtbot: QtBot, win: MainWindow) -> None:
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT)
    qtbot.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_p_on_the_keypad_reprints_the_last_paid_sale(
    qtbot: QtBot, window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    printers = PdfPrinters(tmp_path)
    window.receipts.printer_factory = printers
    ctrl_p(qtbot, window)  # nothing finished yet in this session
    assert "no sale has been finished since HPOS started" in shown_message(window.receipts)
    window.receipts.message_box.close()

    charge(qtbot, window, "14900")
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: window.cashier.current_page() == "paid", timeout=WAIT)
    window.cashier.new_sale()  # Enter: back to the keypad
    assert window.cashier.current_page() == "entry"

    ctrl_p(qtbot, window)
    qtbot.waitUntil(lambda: "Receipt printed" in window.statusBar().currentMessage(), timeout=WAIT)
    [printed] = printers.files
    text = pdf_text(printed)
    assert "Chez Awa" in text
    assert payment.transaction_id in squeezed(text)
    assert "PAID" in text
    assert window.receipts.message_box is None  # no "Nothing to print"


def test_ctrl_p_after_a_cancelled_sale_prints_nothing_and_says_why(
    qtbot: QtBot, window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    printers = PdfPrinters(tmp_path)
    window.receipts.printer_factory = printers
    cashier = window.cashier
    cashier._confirm = lambda *_args: True  # "Cancel this sale?" answered Yes
    charge(qtbot, window, "2500")
    qtbot.waitUntil(lambda: cashier.current_page() == "payment", timeout=WAIT)
    assert cashier.request_cancel()
    qtbot.waitUntil(lambda: cashier.current_page() == "problem", timeout=WAIT)
    number = cashier.current_sale().sale_number
    cashier.new_sale()
    ctrl_p(qtbot, window)
    text = shown_message(window.receipts)
    assert f"No receipt for sale {number}: it is CANCELLED, not paid" in text
    assert printers.files == []

    # paid after all (PAID LATE): the same Ctrl+P now prints it
    window.receipts.message_box.close()
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: cashier.receipt_sale().state is SaleState.PAID, timeout=WAIT)
    ctrl_p(qtbot, window)
    qtbot.waitUntil(lambda: len(printers.files) == 1 and printers.files[0].exists(), timeout=WAIT)
    assert "PAID LATE" in pdf_text(printers.files[0])
