"""The PAID page's automatic return to the keypad waits while a dialog is open (issue 14, point 9).

Decided: when the last dialog closes, the countdown goes on with the time that was left, but
never less than 3 s (``RESUME_MIN_MS``), so the cashier sees the PAID page again before it goes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.profile.profile import Profile, replace_settings
from hpos.sandbox.server import SandboxServer
from hpos.ui.cashier.autoreturn import RESUME_MIN_MS
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.cashier import Counter
from tests.helpers.profiles import make_profile
from tests.helpers.window import charge, ready

WAIT = 15_000


@pytest.fixture
def paid_counter(
    qtbot: QtBot, sandbox: SandboxServer, make_client: Callable[..., HpayClient], tmp_path: Path
) -> Iterator[Counter]:
    counter = Counter(qtbot, sandbox, make_client(), tmp_path, auto_return_seconds=1.0)
    counter.type("100")
    counter.enter(counter.screen.amount_display)
    counter.wait_page("payment")
    counter.sandbox.mark_paid(counter.sandbox.payments()[0].transaction_id)
    counter.wait_page("paid")
    yield counter
    counter.close()


def countdown_text(counter: Counter) -> str:
    return counter.screen.paid_page.countdown_label.text()


def test_a_message_box_pauses_the_return_and_its_closing_resumes_it(
    qtbot: QtBot, paid_counter: Counter
) -> None:
    screen = paid_counter.screen
    box = QMessageBox(QMessageBox.Icon.Information, "Receipt", "Printer ready?", parent=screen)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    qtbot.waitUntil(lambda: "paused while a window is open" in countdown_text(paid_counter))
    # well past the 1 s delay: the PAID page stays behind the dialog
    with qtbot.assertNotEmitted(screen.page_changed, wait=1800):
        pass
    assert screen.current_page() == "paid"
    assert "paused" in countdown_text(paid_counter)
    assert "press Enter to start now" in countdown_text(paid_counter)

    box.close()
    qtbot.waitUntil(lambda: "paused" not in countdown_text(paid_counter), timeout=WAIT)
    # a fresh short delay, not the few milliseconds that were left
    assert f"New sale in {RESUME_MIN_MS // 1000} s" in countdown_text(paid_counter)
    paid_counter.wait_page("entry", timeout=RESUME_MIN_MS + WAIT)
    assert screen.amount_entry.is_empty


def test_a_non_modal_dialog_pauses_it_too_and_enter_still_starts_a_new_sale(
    qtbot: QtBot, paid_counter: Counter
) -> None:
    from PySide6.QtWidgets import QDialog

    screen = paid_counter.screen
    details = QDialog(screen)
    details.setWindowTitle("Payment details")
    details.show()
    qtbot.waitUntil(lambda: "paused" in countdown_text(paid_counter))
    details.close()
    qtbot.waitUntil(lambda: "paused" not in countdown_text(paid_counter), timeout=WAIT)
    qtbot.keyClick(screen.paid_page.new_sale_button, Qt.Key.Key_Return)
    paid_counter.wait_page("entry")


# -- the Print dialog of the real window ------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, sandbox: Any) -> Iterator[MainWindow]:
    profile: Profile = make_profile(tmp_path / "profile", sandbox.url)
    profile.save(replace_settings(profile.settings, auto_return_seconds=1))
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    yield win
    if win.receipts.print_dialog is not None:
        win.receipts.print_dialog.close()
    win.close()


def test_the_print_dialog_pauses_the_return_to_the_keypad(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    ready(qtbot, window)
    charge(qtbot, window, "14900")
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
    sandbox.mark_paid(sandbox.payments()[0].transaction_id)
    qtbot.waitUntil(lambda: window.cashier.current_page() == "paid", timeout=WAIT)
    paid = window.cashier.paid_page
    paid.print_button.click()
    qtbot.waitUntil(lambda: window.receipts.print_dialog is not None, timeout=WAIT)
    dialog = window.receipts.print_dialog
    assert dialog.isVisible()
    assert QApplication.activeModalWidget() is dialog
    qtbot.waitUntil(lambda: "paused" in paid.countdown_label.text())
    with qtbot.assertNotEmitted(window.cashier.page_changed, wait=1800):
        pass
    assert window.cashier.current_page() == "paid"
    dialog.reject()
    qtbot.waitUntil(lambda: window.cashier.current_page() == "entry", timeout=WAIT)
