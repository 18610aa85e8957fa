"""The customer display as a movable window on the cashier's one screen.

One offscreen screen, the real window against the sandbox: choosing "A window on
this screen" opens a normal titled window that shows the sale's QR code; the
cashier moves and sizes it (remembered in the profile), closes it, and opens it
again from View → Customer display (Ctrl+Shift+D); it comes back where it was
left, after a restart too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile, replace_settings
from hpos.ui.customer.display import FULL, NONE, WINDOW, choose_placement, window_rect
from hpos.ui.customer.view import AWAITING, IDLE
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT, charge, key, ready
from tests.ui.customer.test_display import decoded


@pytest.mark.parametrize(
    ("setting", "names", "cashier", "expected"),
    [
        ("window", ["A"], "A", (WINDOW, "A")),
        ("window", ["A", "B"], "A", (WINDOW, "A")),  # on the cashier's screen, even with two
        ("A", ["A"], "A", (WINDOW, "A")),  # the cashier's own screen: a window, not full screen
        ("B", ["A", "B"], "A", (FULL, "B")),
        ("auto", ["A"], "A", (NONE, None)),
        ("auto", ["A", "B"], "A", (FULL, "B")),
        ("off", ["A", "B"], "A", (NONE, None)),
        ("Gone", ["A"], "A", (NONE, None)),
    ],
)
def test_choose_placement(
    setting: str, names: list[str], cashier: str, expected: tuple[str, str | None]
) -> None:
    assert choose_placement(setting, names, cashier) == expected


def test_window_rect_reuses_a_place_still_on_a_screen() -> None:
    home = QRect(0, 0, 1024, 600)
    assert window_rect((), [home], home) == QRect(224, 0, 800, 480)  # top right, first time
    assert window_rect((10, 20, 300, 200), [home], home) == QRect(10, 20, 300, 200)
    # left on a screen that is gone: back on the cashier's screen
    assert window_rect((3000, 20, 300, 200), [home], home) == QRect(224, 0, 800, 480)
    small = QRect(0, 0, 640, 400)
    assert window_rect((), [small], small) == QRect(0, 0, 640, 400)


def saved_place(profile: Profile) -> list[int] | None:
    data = json.loads(profile.settings_path.read_text(encoding="utf-8"))
    return data.get("customer_window")


@pytest.fixture
def profile(tmp_path: Path, sandbox: Any) -> Profile:
    profile = make_profile(tmp_path / "profile", sandbox.url)
    profile.save(replace_settings(profile.settings, customer_display="window", shop_name="Awa"))
    return profile


def open_window(qtbot: QtBot, profile: Profile) -> MainWindow:
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.show()
    ready(qtbot, win)
    return win


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    win = open_window(qtbot, profile)
    yield win
    win.close()


def test_choosing_the_window_opens_it_and_it_shows_the_sales_qr(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    manager = window.customer_display
    qtbot.waitUntil(lambda: manager.display is not None and manager.display.isVisible())
    display = manager.display
    assert display is not None
    assert not display.isFullScreen()
    assert not display.windowFlags() & Qt.WindowType.FramelessWindowHint, "it has a title bar"
    assert display.windowFlags() & Qt.WindowType.WindowCloseButtonHint
    assert display.windowTitle() == "HPOS — customer display"
    assert display.screen() is window.screen()
    assert display.view() == IDLE
    assert "Awa" in display.texts()
    assert manager.action.isChecked()
    assert manager.action in window.menus.view_menu.actions()
    assert manager.action.shortcut().toString() == "Ctrl+Shift+D"

    charge(qtbot, window, "14900")
    qtbot.waitUntil(lambda: display.view() == AWAITING, timeout=WAIT)
    [payment] = sandbox.payments()
    assert decoded(display.grab().toImage()) == [payment.checkout_url]
    assert window.isActiveWindow() or not display.isActiveWindow(), "the till keeps the keyboard"


def test_moved_closed_and_reopened_where_it_was_left(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    manager = window.customer_display
    qtbot.waitUntil(lambda: manager.display is not None and manager.display.isVisible())
    display = manager.display
    assert display is not None
    display.setGeometry(QRect(30, 40, 520, 360))  # the cashier drags and sizes it
    qtbot.waitUntil(lambda: saved_place(profile) == [30, 40, 520, 360], timeout=WAIT)

    display.close()  # the title bar's close button
    assert not display.isVisible()
    assert not manager.action.isChecked()
    charge(qtbot, window, "500")  # the sale goes on: it stays closed
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
    assert not display.isVisible()

    key(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(display.isVisible)
    assert manager.action.isChecked()
    assert display.geometry() == QRect(30, 40, 520, 360)
    assert display.view() == AWAITING, "it shows the sale waiting for payment at once"

    manager.action.trigger()  # View → Customer display again: closed
    assert not display.isVisible()
    manager.action.trigger()
    assert display.isVisible()


def test_it_comes_back_where_it_was_after_a_restart(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    first = open_window(qtbot, profile)
    manager = first.customer_display
    qtbot.waitUntil(lambda: manager.display is not None and manager.display.isVisible())
    assert manager.display is not None
    manager.display.setGeometry(QRect(60, 50, 520, 380))
    qtbot.waitUntil(lambda: saved_place(profile) == [60, 50, 520, 380], timeout=WAIT)
    first.close()

    again = Profile(profile.config_dir, profile.keystore, env={})
    again.set_session_secret(profile.secret_key() or "")
    second = open_window(qtbot, again)
    try:
        display = second.customer_display.display
        qtbot.waitUntil(lambda: display is not None and display.isVisible())
        assert display is not None
        assert display.geometry() == QRect(60, 50, 520, 380)
    finally:
        second.close()


def test_with_one_screen_and_automatic_the_shortcut_opens_the_window(
    qtbot: QtBot, tmp_path: Path, sandbox: Any
) -> None:
    win = open_window(qtbot, make_profile(tmp_path / "auto", sandbox.url))
    try:
        manager = win.customer_display
        assert manager.display is None, "automatic: nothing with one screen"
        assert not manager.action.isChecked()
        manager.action.trigger()
        display = manager.display
        assert display is not None
        assert display.isVisible()
        assert not display.isFullScreen()
        assert manager.action.isChecked()
    finally:
        win.close()
