"""Quitting with a QR code up asks first ("A customer may be paying. Quit anyway?").

Ctrl+Q and the window's close button (the window manager's close: a spontaneous close
event) ask while a customer may be paying; No is the default and Escape answers No;
Yes closes through the normal path (the sale stays AWAITING in the journal). With
nothing open, Ctrl+Q quits at once.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.states import SaleState
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT, charge, key, ready

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def profile(tmp_path: Path, sandbox: Any) -> Profile:
    return make_profile(tmp_path / "profile", sandbox.url)


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    ready(qtbot, win)
    yield win
    win.close()


def window_manager_close(win: MainWindow) -> QCloseEvent:
    """The close the window manager sends (its close button, Alt+F4): a spontaneous event.

    Qt sets that flag only for events from the window system, which the offscreen platform
    never sends; it is set here on a real QCloseEvent (checked, so a change of Qt's layout
    fails loudly rather than testing the wrong path).
    """
    event = QCloseEvent()
    ctypes.c_uint8.from_address(shiboken6.getCppPointer(event)[0] + 11).value = 1
    assert event.spontaneous()
    win.event(event)  # as delivered (QApplication.sendEvent would clear the flag)
    return event


def qr_up(qtbot: QtBot, win: MainWindow) -> None:
    charge(qtbot, win, "3000")
    qtbot.waitUntil(lambda: win.cashier.current_page() == "payment", timeout=WAIT)


def ctrl_q(qtbot: QtBot, win: MainWindow) -> None:
    """Ctrl+Q on the window, active again after a question closed (offscreen, Qt does not
    give the activation back by itself)."""
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=WAIT)
    key(win, Qt.Key.Key_Q, CTRL)


def question(win: MainWindow) -> QMessageBox:
    box = win.quit_question.box
    assert box is not None, "the question is open"
    assert box.isVisible()
    return box


def journal_states(profile: Profile) -> list[SaleState]:
    journal = Journal(profile.data_dir / JOURNAL_FILE)
    try:
        return [sale.state for sale in journal.sales_in(SaleState)]
    finally:
        journal.close()


def test_ctrl_q_with_nothing_open_quits_without_asking(qtbot: QtBot, window: MainWindow) -> None:
    ctrl_q(qtbot, window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    assert window.quit_question.box is None


def test_ctrl_q_with_a_qr_up_asks_escape_keeps_selling_yes_quits(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    qr_up(qtbot, window)
    ctrl_q(qtbot, window)
    box = question(window)
    assert box.text() == "A customer may be paying. Quit anyway?"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert "is waiting for payment" in box.informativeText()
    assert "stays saved" in box.informativeText()

    QTest.keyClick(box, Qt.Key.Key_Escape)  # Escape = No
    qtbot.waitUntil(lambda: window.quit_question.box is None, timeout=WAIT)
    assert window.isVisible()
    assert window.cashier.current_page() == "payment", "the QR stays up"

    ctrl_q(qtbot, window)
    box = question(window)
    QTest.keyClick(box, Qt.Key.Key_Return)  # Enter = the default button: No
    qtbot.waitUntil(lambda: window.quit_question.box is None, timeout=WAIT)
    assert window.isVisible()

    ctrl_q(qtbot, window)
    question(window).button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    assert journal_states(profile) == [SaleState.AWAITING], "kept for the next start"


def test_the_window_close_button_asks_too(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    qr_up(qtbot, window)
    event = window_manager_close(window)
    assert not event.isAccepted(), "not closed yet"
    box = question(window)
    assert box.text() == "A customer may be paying. Quit anyway?"
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: window.quit_question.box is None, timeout=WAIT)
    assert window.isVisible()

    window_manager_close(window)
    question(window).button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    assert journal_states(profile) == [SaleState.AWAITING]


def test_the_window_close_button_with_nothing_open_closes(qtbot: QtBot, window: MainWindow) -> None:
    event = window_manager_close(window)
    assert event.isAccepted()
    assert window.quit_question.box is None


def test_the_demo_says_its_sandbox_stops(qtbot: QtBot, window: MainWindow) -> None:
    window.demo = object()  # type: ignore[assignment] # only "is a demo running" is read
    try:
        qr_up(qtbot, window)
        ctrl_q(qtbot, window)
        assert "stops the sandbox" in question(window).informativeText()
        question(window).button(QMessageBox.StandardButton.No).click()
    finally:
        window.demo = None
