"""Cashiers on a shift in the window (issue 15, point 2).

With cashiers in the profile, the window asks "Who is at the till?" as it opens (one
click on a name), says at the tabs' right who serves whichever tab shows, changes it in
one click from there, writes the cashier on every sale it creates and on its receipt,
and remembers the cashier on duty across a restart. A shop without cashiers sees none
of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile, replace_settings
from hpos.ui.cashier.shift import ShiftDialog, ShiftPicker
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.receipts.layout import receipt_blocks
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT, charge, ready


@pytest.fixture
def profile(tmp_path: Path, sandbox: Any) -> Profile:
    made = make_profile(tmp_path / "profile", sandbox.url)
    made.save(replace_settings(made.settings, cashiers=("Awa", "Jean-Marc", "Fatou")))
    return made


def _open(qtbot: QtBot, profile: Profile) -> MainWindow:
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    ready(qtbot, win)
    return win


def _paid(qtbot: QtBot, win: MainWindow, sandbox: Any, amount: str) -> Any:
    charge(qtbot, win, amount)
    qtbot.waitUntil(lambda: win.cashier.current_page() == "payment", timeout=WAIT)
    sale = win.cashier.current_sale()
    sandbox.mark_paid(sale.transaction_id)
    win.cashier.check_current()
    qtbot.waitUntil(lambda: win.cashier.current_page() == "paid", timeout=WAIT)
    return win.cashier.current_sale()


def test_the_shift_is_picked_at_start_recorded_on_each_sale_and_remembered(
    qtbot: QtBot, profile: Profile, sandbox: Any
) -> None:
    win = _open(qtbot, profile)
    picker = win.shift
    assert picker.isVisible()
    assert picker.text() == "Cashier: nobody — pick ▾"
    qtbot.waitUntil(lambda: isinstance(picker.dialog, ShiftDialog), timeout=WAIT)
    dialog = picker.dialog
    assert dialog.isVisible()
    assert dialog.question.text() == "Who is at the till?"
    assert [b.text() for b in dialog.buttons] == ["Awa", "Jean-Marc", "Fatou"]
    dialog.buttons[0].click()  # one click
    assert not dialog.isVisible()
    assert picker.text() == "Cashier: Awa ▾"

    sale = _paid(qtbot, win, sandbox, "5000")
    assert sale.cashier == "Awa"
    receipt = win.receipts.receipt_for(sale)
    assert receipt is not None
    assert ("centre", "", "Served by Awa") in receipt_blocks(receipt, "en")

    win.toggle_history()  # the picker stays on screen with the history
    assert picker.isVisible()
    assert picker.text() == "Cashier: Awa ▾"
    win.toggle_history()

    names = [a.text() for a in picker.menu().actions() if not a.isSeparator()]
    assert names == ["Awa", "Jean-Marc", "Fatou", "End shift (nobody)"]
    picker.menu().actions()[1].trigger()  # one click on a name in the open list
    assert picker.text() == "Cashier: Jean-Marc ▾"
    win.cashier.new_sale()
    assert _paid(qtbot, win, sandbox, "700").cashier == "Jean-Marc"
    qtbot.waitUntil(lambda: profile.reload().cashier_on_duty == "Jean-Marc", timeout=WAIT)
    win.close()

    again = _open(qtbot, profile)  # a restart: still Jean-Marc, nobody is asked
    assert again.shift.text() == "Cashier: Jean-Marc ▾"
    assert again.shift.dialog is None  # (ready() ran the event loop past the first show)
    assert again.controller.cashier == "Jean-Marc"

    again.shift.menu().actions()[-1].trigger()  # End shift: nobody serves
    assert again.shift.text() == "Cashier: nobody — pick ▾"
    again.cashier.new_sale()
    assert _paid(qtbot, again, sandbox, "300").cashier is None
    qtbot.waitUntil(lambda: profile.reload().cashier_on_duty == "", timeout=WAIT)


def test_a_shop_without_cashiers_sees_no_picker_and_no_question(
    qtbot: QtBot, tmp_path: Path, sandbox: Any
) -> None:
    plain = make_profile(tmp_path / "plain", sandbox.url)
    win = _open(qtbot, plain)
    assert isinstance(win.shift, ShiftPicker)
    assert not win.shift.isVisible()
    assert win.shift.dialog is None
    sale = _paid(qtbot, win, sandbox, "1000")
    assert sale.cashier is None
    receipt = win.receipts.receipt_for(sale)
    assert receipt is not None
    assert not [b for b in receipt_blocks(receipt, "en") if b[2].startswith("Served by")]


def test_not_now_leaves_nobody_on_duty_and_the_picker_asks_to_pick(
    qtbot: QtBot, profile: Profile
) -> None:
    win = _open(qtbot, profile)
    qtbot.waitUntil(lambda: win.shift.dialog is not None, timeout=WAIT)
    win.shift.dialog.later_button.click()
    qtbot.waitUntil(lambda: win.shift.dialog is None, timeout=WAIT)
    assert win.shift.text() == "Cashier: nobody — pick ▾"
    assert win.controller.cashier is None
    assert not win.shift.menu().actions()[-1].isEnabled(), "no shift to end"
