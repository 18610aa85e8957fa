"""The main window in tests: waiting until it is ready, charging, pressing keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hpos.ui.mainwindow.window import MainWindow

WAIT = 15_000
NO = Qt.KeyboardModifier.NoModifier


def ready(qtbot: QtBot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.controller.current_token() is not None, timeout=WAIT)


def charge(qtbot: QtBot, win: MainWindow, amount: str) -> None:
    win.cashier.setFocus()
    qtbot.keyClicks(win.cashier, amount)
    # Keys this fast may be a barcode scan: a shop with a catalogue (the demo's) holds them
    # back for a moment before they reach the amount.
    scanner = win.cashier.scanner
    qtbot.waitUntil(lambda: scanner is None or not scanner.holding, timeout=WAIT)
    win.cashier.charge()


def key(win: MainWindow, k: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
    """One key press and release on the window, as the keyboard sends it."""
    handle = win.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, k, modifier)


def type_text(win: MainWindow, text: str) -> None:
    for char in text:
        handle = win.windowHandle()
        assert handle is not None
        QTest.keyClick(handle, char)
