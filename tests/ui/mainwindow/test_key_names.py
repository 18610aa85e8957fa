"""One name per key, the same on F1 and on the screens, in English and French; the history's
search placeholder never cut (issue 14, point 11)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hpos.ui.history.filters import placeholder_room
from hpos.ui.i18n import install_language
from hpos.ui.keynames import key_name, key_names
from hpos.ui.mainwindow.shortcuts import shortcut_rows, window_actions
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.profiles import make_profile

WAIT = 15_000
#: Qt's own names, which the screens never used: none may show on F1.
QT_NAMES = {"Return", "Retour", "Effacement", "Échappement", "Escape"}


@pytest.fixture(params=["en", "fr"])
def language(request: Any, qapp: QApplication) -> Iterator[str]:
    install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "en")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, sandbox: Any, language: str) -> Iterator[MainWindow]:
    win = MainWindow(make_profile(tmp_path / "profile", sandbox.url))
    qtbot.addWidget(win)
    win.resize(1024, 600)
    win.show()
    qtbot.waitUntil(lambda: win.controller.current_token() is not None, timeout=WAIT)
    yield win
    win.close()


def f1_keys(window: MainWindow) -> dict[str, str]:
    """F1's key column, by the English action it names."""
    english = [
        "backspace",
        "enter",
        "esc",
        "f4",
        "f1",
        "f2",
        "f3",
        "f5",
        "print",
        "customer display",
        "settings",
        "lock manager mode",
        "tab",
        "find",
        "quit",
    ]
    keys = [k for k, _action in shortcut_rows(window_actions(window))][
        1:
    ]  # the first row is the digits
    return dict(zip(english, keys, strict=False))


def test_f1_and_the_screens_name_every_key_alike(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    f1 = f1_keys(window)
    enter, esc = key_name("Return"), key_name("Esc")
    assert f1["enter"] == enter == QCoreApplication.translate("Keys", "Enter")
    assert f1["esc"] == esc == QCoreApplication.translate("Keys", "Esc")
    assert f1["backspace"] == QCoreApplication.translate("Keys", "Backspace")
    assert f1["print"] == key_name("Ctrl+P")
    assert f1["customer display"] == key_name("Ctrl+Shift+D")
    assert f1["quit"] == key_name("Ctrl+Q"), "offscreen has no standard Quit key: Ctrl+Q"
    assert f1["tab"] == key_names("Tab", "Shift+Tab")
    # whole key names ("Retour arrière" is Backspace's French name; "Retour" alone is Qt's Return)
    names = {part.strip() for value in f1.values() for part in re.split(r"[/+]", value)}
    assert not QT_NAMES & names

    cashier = window.cashier
    entry = cashier.entry_page
    assert entry.charge_button.toolTip().endswith(f"({enter})")
    paid = cashier.paid_page
    assert paid.new_sale_button.toolTip().endswith(f"({enter})")
    assert paid.print_button.toolTip().endswith(f"({f1['print']})")
    paid.set_countdown(7)
    assert f" {enter} " in paid.countdown_label.text()
    paid.set_countdown(None)
    assert f" {enter} " in paid.countdown_label.text()
    assert cashier.payment_page.cancel_button.toolTip().endswith(f"({esc})")

    window.keys.overlay.open()
    hint = window.keys.overlay.hint.text()
    assert hint.startswith(f"{f1['f1']}, {esc} ")
    window.keys.overlay.close_overlay()

    history = window.history
    assert history.view.accessibleDescription().startswith(f"{enter} ")
    if language == "en":
        assert (enter, esc, f1["backspace"]) == ("Enter", "Esc", "Backspace")


def test_the_history_search_placeholder_is_never_cut(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    window.toggle_history()
    history = window.history
    qtbot.waitUntil(history.isVisible, timeout=WAIT)
    edit = history.search_edit
    full = QCoreApplication.translate("HistoryPane", "Search transaction, product, sale…")
    for width in (1024, 1400):
        window.resize(width, 600)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=WAIT)
        QApplication.processEvents()
        shown = edit.placeholderText()
        assert shown
        assert edit.fontMetrics().horizontalAdvance(shown) <= placeholder_room(edit)
        assert placeholder_room(edit) <= edit.width()
        assert edit.toolTip() == full  # the whole sentence, always readable
    assert edit.placeholderText() == full  # wide enough at 1400 px: the whole sentence


def test_f1_fits_a_1024x600_window_with_nothing_cut(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    """Every row (Quit and the customer display too) shows whole at the smallest counter size."""
    qtbot.waitUntil(lambda: window.size().toTuple() == (1024, 600), timeout=WAIT)
    overlay = window.keys.overlay
    overlay.open()
    panel = overlay.panel
    assert window.rect().contains(panel.geometry())
    assert panel.heightForWidth(panel.width()) <= panel.height(), "no row cut at the bottom"
    assert overlay.rows()[-1] == (
        key_name("Ctrl+Q"),
        QCoreApplication.translate("ShortcutsOverlay", "Quit"),
    )
    overlay.close_overlay()
