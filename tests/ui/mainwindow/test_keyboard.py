"""Keyboard-first: a whole sale with the keyboard only, F1 overlay, F2/F3/F5, Esc back.

The real main window against the real sandbox. Every key goes to the window's
QWindow, as the keyboard's would: Qt delivers it to the focused widget and
runs the window's shortcuts, so nothing here clicks or calls a method of the
window. The only thing done without the keyboard is the customer paying on
their phone (``sandbox.mark_paid``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile
from hpos.sales.states import SaleState
from hpos.ui.keynames import key_name
from hpos.ui.mainwindow.shortcuts import ShortcutsOverlay, shortcut_rows, window_actions
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.profiles import make_profile
from tests.helpers.translators import Marking
from tests.helpers.window import WAIT, key, type_text


@pytest.fixture
def profile(tmp_path: Any, sandbox: Any) -> Profile:
    return make_profile(tmp_path / "profile", sandbox.url)


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT)
    qtbot.waitUntil(lambda: win.controller.current_token() is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: win.cashier.entry_page.charge_button.isEnabled(), timeout=WAIT)
    yield win
    win.close()


def reactivate(qtbot: QtBot, win: MainWindow) -> None:
    """After a message box closes, the window manager activates the window again
    (the offscreen platform does not: do it as a window manager would)."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT)


def answer_next_question(qtbot: QtBot, k: Qt.Key, seen: list[str]) -> None:
    """When the next modal question opens, answer it with one key."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        QTest.keyClick(box, k)

    QTimer.singleShot(0, answer)


def test_a_whole_sale_from_the_keyboard_only(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    cashier = window.cashier
    assert cashier.current_page() == "entry"
    assert QApplication.focusWidget() is cashier.amount_display

    type_text(window, "15000")
    key(window, Qt.Key.Key_Backspace)  # 15000 -> 1500
    type_text(window, "0")
    assert cashier.amount_entry.value == 15000
    key(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cashier.current_page() == "payment", timeout=WAIT)
    [payment] = sandbox.payments()
    assert payment.amount == 15000
    assert cashier.payment_page.qr.isVisible()

    # F2: the history; F3: the QR of the sale still awaiting payment, again
    key(window, Qt.Key.Key_F2)
    assert window._tabs.currentWidget() is window.history
    assert not cashier.isVisible()
    key(window, Qt.Key.Key_F3)
    assert window._tabs.currentWidget() is cashier
    assert cashier.current_page() == "payment"
    assert cashier.payment_page.qr.isVisible()

    # Esc on the QR asks to cancel: the keyboard says No (the default), the QR stays
    questions: list[str] = []
    answer_next_question(qtbot, Qt.Key.Key_Escape, questions)
    key(window, Qt.Key.Key_Escape)
    assert len(questions) == 1
    assert "Cancel sale" in questions[0]
    reactivate(qtbot, window)
    assert cashier.current_page() == "payment"
    assert cashier.current_sale() is not None
    assert cashier.current_sale().state is SaleState.AWAITING

    # the customer pays on their phone
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: cashier.current_page() == "paid", timeout=WAIT)
    assert cashier.paid_page.isVisible()

    # Enter: a new sale, focus back on the amount
    key(window, Qt.Key.Key_Return)
    assert cashier.current_page() == "entry"
    assert cashier.amount_entry.value in (None, 0)
    assert QApplication.focusWidget() is cashier.amount_display

    # F3 with nothing awaiting says so and stays
    key(window, Qt.Key.Key_F3)
    assert cashier.current_page() == "entry"
    assert "No sale is waiting" in window.statusBar().currentMessage()

    # F2: the history shows the sale, paid; Esc goes back to the cashier
    key(window, Qt.Key.Key_F2)
    history = window.history
    assert window._tabs.currentWidget() is history
    qtbot.waitUntil(lambda: "PAID" in _history_texts(history, payment.transaction_id), timeout=WAIT)
    row = _history_texts(history, payment.transaction_id)
    assert "15,000\xa0FCFA" in row or any("15" in cell and "000" in cell for cell in row), row
    key(window, Qt.Key.Key_Escape)
    assert window._tabs.currentWidget() is cashier
    type_text(window, "7")
    assert cashier.amount_entry.value == 7


def test_esc_on_the_qr_and_yes_from_the_keyboard_cancels(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    cashier = window.cashier
    type_text(window, "2500")
    key(window, Qt.Key.Key_Enter)  # the keypad's Enter too
    qtbot.waitUntil(lambda: cashier.current_page() == "payment", timeout=WAIT)
    questions: list[str] = []
    answer_next_question(qtbot, Qt.Key.Key_Y, questions)  # &Yes
    key(window, Qt.Key.Key_Escape)
    assert len(questions) == 1
    reactivate(qtbot, window)
    qtbot.waitUntil(lambda: cashier.current_page() == "problem", timeout=WAIT)
    assert cashier.problem_state() is SaleState.CANCELLED
    # the problem page's primary action is on Enter, Esc starts a new sale
    key(window, Qt.Key.Key_Escape)
    assert cashier.current_page() == "entry"
    [payment] = sandbox.payments()
    assert payment.amount == 2500


def test_f3_after_the_cashier_moved_on_shows_the_awaiting_qr(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    cashier = window.cashier
    type_text(window, "900")
    key(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cashier.current_page() == "payment", timeout=WAIT)
    awaiting = cashier.current_sale()
    # the screen leaves the QR (as after a restart, or a notice's new sale)
    cashier.new_sale()
    assert cashier.current_page() == "entry"
    key(window, Qt.Key.Key_F3)
    assert cashier.current_page() == "payment"
    assert cashier.current_sale() is not None
    assert cashier.current_sale().id == awaiting.id
    # it is followed again: paid shows PAID
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: cashier.current_page() == "paid", timeout=WAIT)


def test_f1_shows_every_shortcut_and_closes_by_f1_esc_or_click(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.findChild(ShortcutsOverlay) is None, "built on the first F1, not at start-up"
    key(window, Qt.Key.Key_F1)
    overlay = window.findChild(ShortcutsOverlay)
    assert overlay is not None
    assert overlay.isVisible()
    assert overlay.geometry() == window.rect()
    assert overlay.hasFocus()
    keys = " ".join(k for k, _ in overlay.rows())
    for sequence in ("F1", "F2", "F3", "F5", "Ctrl+P", "Ctrl+,", "Esc", "Return"):
        assert key_name(sequence) in keys, (sequence, keys)  # as the screens' hints name them
    assert "Enter" in keys
    assert "Return" not in keys
    texts = " ".join(t for _, t in overlay.rows())
    for words in ("Charge", "History", "QR code", "Refresh", "Print the receipt", "Settings"):
        assert words in texts
    assert overlay.rows() == shortcut_rows(window_actions(window))

    # digits typed while the list shows do not reach the amount
    type_text(window, "5")
    assert window.cashier.amount_entry.value in (None, 0)
    key(window, Qt.Key.Key_F1)
    assert not overlay.isVisible()
    assert QApplication.focusWidget() is window.cashier.amount_display

    key(window, Qt.Key.Key_F1)
    key(window, Qt.Key.Key_Escape)
    assert not overlay.isVisible()
    assert window.cashier.current_page() == "entry"

    key(window, Qt.Key.Key_F1)
    qtbot.mouseClick(overlay, Qt.MouseButton.LeftButton)
    assert not overlay.isVisible()
    type_text(window, "3")
    assert window.cashier.amount_entry.value == 3


def _menu_shortcuts(window: MainWindow) -> list[tuple[str, str]]:
    """(key as the screens name it, menu text) of every menu action with a shortcut: its
    primary one, the one its menu shows."""
    found = []
    for entry in window.menuBar().actions():
        menu = entry.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if not action.shortcut().isEmpty():
                text = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
                found.append((key_name(text), action.text()))
    return found


def test_f1_lists_every_shortcut_of_the_menus(qtbot: QtBot, window: MainWindow) -> None:
    """Built from the window's own actions: a menu shortcut missing from F1 fails here."""
    shortcuts = _menu_shortcuts(window)
    keys = {k for k, _ in shortcuts}
    assert {key_name("Ctrl+Q"), key_name("Ctrl+Shift+D"), "F2", "F3", "F5"} <= keys
    key(window, Qt.Key.Key_F1)
    shown = window.keys.overlay.rows()
    for keys_text, menu_text in shortcuts:
        assert keys_text in [k for k, _ in shown], f"{menu_text} ({keys_text}) is not on F1"
    assert (key_name("Ctrl+Q"), "Quit") == shown[-1]
    assert (key_name("Ctrl+Shift+D"), "Show or close the customer display") in shown
    key(window, Qt.Key.Key_F1)


def test_a_new_menu_shortcut_shows_on_f1_with_its_menu_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    key(window, Qt.Key.Key_F1)  # the list is built once already
    key(window, Qt.Key.Key_F1)
    action = window.menus.view_menu.addAction("&Zoom in")
    action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
    key(window, Qt.Key.Key_F1)
    assert (key_name("Ctrl+Shift+Z"), "Zoom in") in window.keys.overlay.rows()
    key(window, Qt.Key.Key_F1)


def test_the_overlay_follows_the_window_size(qtbot: QtBot, window: MainWindow) -> None:
    overlay = window.keys.overlay
    key(window, Qt.Key.Key_F1)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: overlay.geometry() == window.rect(), timeout=WAIT)
    assert window.rect().contains(overlay.panel.geometry())
    key(window, Qt.Key.Key_F1)


def test_ctrl_comma_opens_the_settings_and_esc_closes_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    from hpos.ui.settings.dialog import SettingsDialog

    key(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=WAIT)
    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    qtbot.waitUntil(dialog.is_loaded, timeout=WAIT)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.cashier.current_page() == "entry"


def test_f5_refreshes_the_history(qtbot: QtBot, window: MainWindow, sandbox: Any) -> None:
    key(window, Qt.Key.Key_F2)
    before = sandbox.stats()["requests"].get("/getCollectBalance/", 0)
    key(window, Qt.Key.Key_F5)
    qtbot.waitUntil(
        lambda: sandbox.stats()["requests"].get("/getCollectBalance/", 0) > before, timeout=WAIT
    )


def _history_texts(history: Any, transaction_id: str) -> list[str]:
    """The displayed texts of the history row holding ``transaction_id`` ([] if none)."""
    from PySide6.QtWidgets import QAbstractItemView

    view = history.findChild(QAbstractItemView)
    model = view.model()
    for row in range(model.rowCount()):
        cells = [
            str(model.index(row, col).data(Qt.ItemDataRole.DisplayRole) or "")
            for col in range(model.columnCount())
        ]
        if any(transaction_id in cell for cell in cells):
            return cells
    return []


def test_a_language_switch_retranslates_the_overlay_and_actions(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import QCoreApplication

    overlay = window.keys.overlay
    marking = Marking({"ShortcutsOverlay", "WindowKeys"})
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(marking)
    try:
        qtbot.waitUntil(lambda: overlay.title.text() == "«Keyboard shortcuts»", timeout=WAIT)
        key(window, Qt.Key.Key_F1)
        assert overlay.isVisible()
        keys, action = overlay.rows()[7]  # after the screens' keys (F4 among them)
        assert keys == "F3", "key names are in their own context (Keys)"
        assert action == "«Show the QR code of the sale waiting for payment»"
        assert window.keys.overlay_action.text() == "«&Keyboard shortcuts»"
        assert window._tabs.accessibleName() == "«Cashier and history»"
        key(window, Qt.Key.Key_F1)
    finally:
        app.removeTranslator(marking)
    qtbot.waitUntil(lambda: overlay.title.text() == "Keyboard shortcuts", timeout=WAIT)
    assert window.keys.last_qr_action.text() == "Show the last &QR code"
