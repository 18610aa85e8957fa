"""Owner → Close the day… and All tills… in the window (issue 15): behind the manager PIN,
each in its own window, closed by Ctrl+L; without a PIN they open at once.

Real sandbox over loopback HTTP and the window's own sales service: one sale charged at
the keypad and paid by the sandbox's customer (14,900 FCFA; fees 1.5 % = 224, net 14,676).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hpos.profile.keystore import KeyStore
from hpos.profile.pin import hash_pin
from hpos.profile.profile import Profile, replace_settings
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.manager import prompt_of, type_pin
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT, charge, key, ready
from tests.ui.owner.shown import grid_rows

PIN = "24680"
PAID_ROW = ["Paid", "1", "14,900 FCFA", "224 FCFA", "14,676 FCFA"]


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


def open_window(qtbot: QtBot, profile: Profile) -> MainWindow:
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def plain_window(qtbot: QtBot, tmp_path: Path, sandbox: Any) -> Iterator[MainWindow]:
    win = open_window(qtbot, make_profile(tmp_path / "plain", sandbox.url))
    yield win
    win.close()


@pytest.fixture
def pin_window(qtbot: QtBot, tmp_path: Path, sandbox: Any, pin_hash: str) -> Iterator[MainWindow]:
    profile = make_profile(tmp_path / "profile", sandbox.url)
    profile.save(replace_settings(profile.settings, manager_pin_hash=pin_hash))
    win = open_window(qtbot, profile)
    yield win
    win.close()


def sell_paid(qtbot: QtBot, win: MainWindow, sandbox: Any) -> None:
    """14,900 charged at the keypad, paid by the customer: the PAID page."""
    ready(qtbot, win)
    charge(qtbot, win, "14900")
    qtbot.waitUntil(lambda: win.cashier.current_page() == "payment", timeout=WAIT)
    [payment] = sandbox.payments()
    sandbox.mark_paid(payment.transaction_id)
    qtbot.waitUntil(lambda: win.cashier.current_page() == "paid", timeout=WAIT)


def owner_menu_texts(win: MainWindow) -> tuple[list[str], list[str]]:
    """The menu bar's titles, and the Owner menu's entries."""
    titles = [a.text() for a in win.menuBar().actions()]
    return titles, [a.text() for a in win.owner.menu.actions()]


def visible_owner_windows(win: MainWindow) -> list[str]:
    dialogs = (win.owner.closing_dialog, win.owner.tills_dialog)
    return [d.windowTitle() for d in dialogs if d is not None and d.isVisible()]


def figures(win: MainWindow) -> list[list[str]]:
    """The closing page's figures table as read on screen (no-break spaces as spaces)."""
    page = win.owner.closing_page
    assert page is not None
    return grid_rows(page.body.figures_grid)


def till_rows(win: MainWindow) -> list[list[str]]:
    view = win.owner.tills_view
    assert view is not None
    model = view.view.model()
    return [
        [str(model.index(r, c).data()).replace("\u00a0", " ") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_owner_menu_asks_the_pin_then_opens_the_day_and_all_tills_and_ctrl_l_closes_them(
    qtbot: QtBot, pin_window: MainWindow, sandbox: Any
) -> None:
    win = pin_window
    titles, entries = owner_menu_texts(win)
    assert titles == ["&File", "&View", "&Owner", "&Help"]
    assert entries == ["&Close the day…", "&All tills…", "", "Ca&talogue…"]
    sell_paid(qtbot, win, sandbox)

    win.owner.closing_action.trigger()  # Owner → Close the day…
    prompt = prompt_of(qtbot, win)
    assert prompt.title.text() == "This needs the manager PIN. Type it to enter manager mode."
    type_pin(qtbot, prompt, "13579")
    assert prompt.message.text() == "Wrong PIN. Try again in 1 s."
    assert visible_owner_windows(win) == []
    qtbot.waitUntil(lambda: not prompt.is_waiting(), timeout=WAIT)  # the 1 s wait is over
    prompt.reject()  # Cancel
    assert visible_owner_windows(win) == []
    assert win.owner.closing_page is None, "nothing built for a cashier"

    win.owner.closing_action.trigger()
    type_pin(qtbot, prompt_of(qtbot, win), PIN)
    qtbot.waitUntil(lambda: win.owner.closing_page is not None, timeout=WAIT)
    page = win.owner.closing_page
    assert page is not None
    qtbot.waitUntil(lambda: page.close_data is not None, timeout=WAIT)
    assert visible_owner_windows(win) == ["Close the day — HPOS"]
    assert page.title.text() == "Close the day"
    assert figures(win)[0] == PAID_ROW
    assert page.close_button.isEnabled(), "HPAY was read: the day can be closed"
    dialog = win.owner.closing_dialog
    assert dialog is not None
    assert not dialog.isModal(), "the till stays usable beside it"
    free = dialog.screen().availableGeometry()  # its frame fits on the screen too
    assert dialog.frameGeometry().width() <= free.width()
    assert dialog.frameGeometry().height() <= free.height()

    win.owner.tills_action.trigger()  # manager mode is on: no PIN asked again
    assert win.owner.tills_view is not None
    view = win.owner.tills_view
    qtbot.waitUntil(lambda: view.report is not None, timeout=WAIT)
    assert visible_owner_windows(win) == ["Close the day — HPOS", "All tills — HPOS"]
    assert till_rows(win)[0] == ["T1", "1", "14,900 FCFA", "224 FCFA", "14,676 FCFA", "0"]

    win.activateWindow()
    key(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L on the till
    assert visible_owner_windows(win) == []
    assert win.manager.button.text() == "Cashier mode"
    win.owner.tills_action.trigger()
    assert prompt_of(qtbot, win).isVisible(), "asked again"
    assert visible_owner_windows(win) == []


def test_without_a_pin_they_open_at_once_one_of_each_and_the_day_closes_as_manager(
    qtbot: QtBot, plain_window: MainWindow, sandbox: Any
) -> None:
    win = plain_window
    sell_paid(qtbot, win, sandbox)
    win.owner.closing_action.trigger()
    assert win.manager.gate.prompt is None
    page = win.owner.closing_page
    assert page is not None
    qtbot.waitUntil(lambda: page.close_data is not None, timeout=WAIT)
    assert figures(win)[0] == PAID_ROW
    closing = win.owner.closing_dialog
    assert closing is not None
    page.day_edit.setFocus()
    QTest.keyClick(closing, Qt.Key.Key_Return)  # Enter in the day field: the day stays open
    assert page.status.text() != "Closing the day…"
    assert page.close_button.isEnabled()
    win.owner.tills_action.trigger()
    assert win.manager.gate.prompt is None
    assert win.owner.tills_view is not None
    assert win.owner.tills_dialog.focusWidget() is win.owner.tills_view.view  # its table
    assert visible_owner_windows(win) == ["Close the day — HPOS", "All tills — HPOS"]
    win.owner.closing_action.trigger()  # asked again while open: the same window
    assert win.owner.closing_dialog is closing
    assert win.owner.closing_page is page

    with qtbot.waitSignal(page.closed, timeout=WAIT) as closed:
        page.close_button.click()
    assert closed.args[0].closed_by == "manager"  # no cashier on duty
    assert win.statusBar().currentMessage().startswith("Day closed. Closed on ")
    assert win.statusBar().currentMessage().endswith(" by manager.")


def test_the_owner_entries_are_off_on_the_welcome_panel(qtbot: QtBot, tmp_path: Path) -> None:
    win = MainWindow(Profile(tmp_path / "new", KeyStore(backend=MemoryKeyring()), env={}))
    qtbot.addWidget(win)
    assert not win.owner.closing_action.isEnabled()  # nothing to close without HPAY keys
    assert not win.owner.tills_action.isEnabled()
    win.close()
