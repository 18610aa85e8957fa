"""The whole window with the journal's seal: a deleted or emptied journal is said in a banner
until acknowledged, its old paid payments are never adopted, and an HTTP 502 from /payment/
settles as "safe to try again" within 15 s with the app's own watcher timings.

Each test ends with no false PAID shown and no transaction id held by two sales
(:func:`tests.helpers.cashier.assert_honest`).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile
from hpos.sales.journal import JOURNAL_FILE
from hpos.sales.journal_seal import SEAL_FILE
from hpos.sales.states import SaleState
from hpos.sandbox.server import SandboxServer
from hpos.ui.mainwindow.journal_banner import notice_line
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.cashier import POLICY, Shown, assert_honest
from tests.helpers.profiles import make_profile
from tests.helpers.window import charge, ready

S = SaleState
WAIT = 15_000


@pytest.fixture
def profile(tmp_path: Path, sandbox: SandboxServer) -> Profile:
    return make_profile(tmp_path / "profile", sandbox.url)


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    for win in made:
        win.close()


def open_window(
    qtbot: QtBot, profile: Profile, windows: list[MainWindow], policy: Any = POLICY
) -> MainWindow:
    win = MainWindow(profile, watch_policy=policy)
    qtbot.addWidget(win)
    windows.append(win)
    win.resize(1024, 600)
    win.show()
    ready(qtbot, win)
    return win


def pay_one_sale(qtbot: QtBot, win: MainWindow, sandbox: SandboxServer, amount: str) -> None:
    charge(qtbot, win, amount)
    qtbot.waitUntil(lambda: win.cashier.current_page() == "payment", timeout=WAIT)
    sandbox.mark_paid(win.cashier.current_sale().transaction_id)
    qtbot.waitUntil(lambda: win.cashier.current_page() == "paid", timeout=WAIT)
    win.cashier.new_sale()


def in_window(widget: QWidget, win: MainWindow) -> QRect:
    """Where ``widget`` is in the window."""
    return QRect(widget.mapTo(win, QPoint(0, 0)), widget.size())


def lose_journal(profile: Profile, how: str) -> None:
    """Delete the journal (and its WAL files), or leave it there with zero bytes."""
    journal = profile.data_dir / JOURNAL_FILE
    for extra in ("-wal", "-shm"):
        Path(f"{journal}{extra}").unlink(missing_ok=True)
    if how == "missing":
        journal.unlink()
    else:
        journal.write_bytes(b"")


@pytest.mark.parametrize("how", ["missing", "empty"])
def test_lost_journal_banner_and_old_payments_never_adopted(
    qtbot: QtBot,
    profile: Profile,
    sandbox: SandboxServer,
    windows: list[MainWindow],
    how: str,
) -> None:
    first = open_window(qtbot, profile, windows)
    assert not first.journal_banner.isVisible(), "a fresh profile: nothing to say"
    pay_one_sale(qtbot, first, sandbox, "1000")
    first.close()
    assert (profile.config_dir / SEAL_FILE).is_file(), "the seal is in the config folder"
    lose_journal(profile, how)

    win = open_window(qtbot, profile, windows)
    banner = win.journal_banner
    qtbot.waitUntil(banner.isVisible, timeout=WAIT)
    assert banner.notice is not None
    assert banner.notice.kind == how
    word = "missing" if how == "missing" else "emptied"
    assert banner.text.text() == notice_line(how, "")
    assert f"The sales journal was {word}" in banner.text.text()
    assert str(profile.data_dir / JOURNAL_FILE) in banner.text.toolTip(), "the file is named"
    amount_entry = win.cashier.entry_page.amount_display
    assert amount_entry.isVisible()
    assert in_window(amount_entry, win).top() > in_window(banner, win).bottom(), "not covered"
    assert in_window(amount_entry, win).bottom() < win.height()
    assert banner.height() < 80, "one line"

    shown = Shown(win.cashier, win.controller)
    sandbox.add_fault("/payment/", "http_502", times=1)  # the old bug's trigger: a lost answer
    charge(qtbot, win, "1000")
    qtbot.waitUntil(lambda: win.cashier.problem_state() is S.FAILED, timeout=WAIT)
    sale = win.cashier.current_sale()
    assert sale.sale_number == "T1-000002", "numbering goes on after the lost journal"
    assert sale.transaction_id is None, "the old paid payment was not adopted"
    assert "Safe to try again" in win.cashier.problem_page.body_label.text()
    assert "paid" not in shown.pages
    assert not shown.ever_paid(sale.id)

    qtbot.mouseClick(banner.acknowledge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT)
    assert win.controller.service.journal.notice is None
    win.close()
    again = open_window(qtbot, profile, windows)
    assert not again.journal_banner.isVisible(), "acknowledged: said no more"
    again.close()
    assert_honest(sandbox, [profile.data_dir / JOURNAL_FILE])


def test_banner_stays_until_acknowledged(
    qtbot: QtBot, profile: Profile, sandbox: SandboxServer, windows: list[MainWindow]
) -> None:
    first = open_window(qtbot, profile, windows)
    pay_one_sale(qtbot, first, sandbox, "700")
    first.close()
    lose_journal(profile, "missing")
    for _ in range(2):  # not acknowledged: said again at the next start
        win = open_window(qtbot, profile, windows)
        qtbot.waitUntil(win.journal_banner.isVisible, timeout=WAIT)
        win.close()
    assert_honest(sandbox, [profile.data_dir / JOURNAL_FILE])


def test_http_502_is_safe_to_try_again_within_15_s_with_the_apps_timings(
    qtbot: QtBot, profile: Profile, sandbox: SandboxServer, windows: list[MainWindow]
) -> None:
    win = open_window(qtbot, profile, windows, policy=None)  # the app's own WatchPolicy
    shown = Shown(win.cashier, win.controller)
    sandbox.add_fault("/payment/", "http_502", times=1)
    started = time.monotonic()
    charge(qtbot, win, "1000")
    qtbot.waitUntil(lambda: win.cashier.problem_state() is S.UNKNOWN, timeout=WAIT)
    assert "HPAY answered with an error (HTTP 502)" in win.cashier.problem_page.body_label.text()
    qtbot.waitUntil(lambda: win.cashier.problem_state() is S.FAILED, timeout=WAIT)
    assert time.monotonic() - started <= 15.0
    body = win.cashier.problem_page.body_label.text()
    assert "HPAY answered with an error (HTTP 502)" in body
    assert "Safe to try again" in body
    assert "paid" not in shown.pages
    assert sandbox.payments() == []
    win.close()
    assert_honest(sandbox, [profile.data_dir / JOURNAL_FILE])


def test_timeout_still_waits_the_long_window(
    qtbot: QtBot, profile: Profile, sandbox: SandboxServer, windows: list[MainWindow]
) -> None:
    win = open_window(qtbot, profile, windows)
    sandbox.add_fault("/payment/", "http_504", times=1)  # the gateway gave up; HPAY went on
    sandbox.add_fault("/getPaymentHistory/", "refuse")  # the history cannot say yet
    charge(qtbot, win, "1300")
    qtbot.waitUntil(lambda: win.cashier.problem_state() is S.UNKNOWN, timeout=WAIT)
    body = win.cashier.problem_page.body_label.text()
    assert "HPAY did not answer in time" in body
    assert "Do not charge again" in body
    qtbot.wait(round((POLICY.answered_recheck + 1) * 1000))
    assert win.cashier.problem_state() is S.UNKNOWN, "no answer: the long window, not 5 s"
    sandbox.clear_faults()
    qtbot.waitUntil(lambda: win.cashier.current_page() == "payment", timeout=WAIT)
    win.close()
    assert_honest(sandbox, [profile.data_dir / JOURNAL_FILE])
