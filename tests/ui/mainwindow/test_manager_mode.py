"""The window with a manager PIN: Settings (and so TEST/PROD) ask for it, Ctrl+L locks, the
status bar says the mode; the history and selling never ask."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hpos.profile.pin import hash_pin
from hpos.profile.profile import Profile, replace_settings
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.settings.dialog import SettingsDialog
from tests.helpers.manager import prompt_of, type_pin
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT, key

PIN = "97531"


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


@pytest.fixture
def profile(tmp_path: Path, sandbox: Any, pin_hash: str) -> Profile:
    profile = make_profile(tmp_path / "profile", sandbox.url)
    profile.save(replace_settings(profile.settings, manager_pin_hash=pin_hash))
    return profile


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def settings_dialogs(window: MainWindow) -> list[SettingsDialog]:
    return [d for d in window.findChildren(SettingsDialog) if d.isVisible()]


def test_a_cashier_cannot_open_settings_or_switch_to_prod_without_the_pin(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    mode = window.manager.button
    assert mode.isVisible()
    assert mode.text() == "Cashier mode"
    key(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    prompt = prompt_of(qtbot, window)
    assert prompt.windowTitle() == "Manager PIN"
    assert prompt.title.text() == "This needs the manager PIN. Type it to enter manager mode."
    assert settings_dialogs(window) == []  # no Settings, so no TEST/PROD switch either
    type_pin(qtbot, prompt, "00000")
    assert prompt.message.text() == "Wrong PIN. Try again in 1 s."
    assert settings_dialogs(window) == []
    prompt.reject()
    assert settings_dialogs(window) == []
    assert json.loads(profile.settings_path.read_text())["mode"] == "TEST"
    # the return pages' button opens Settings too: it asks as well
    window.open_return_page_settings()
    assert prompt_of(qtbot, window).isVisible()
    window.manager.gate.prompt.reject()
    # the history and the cashier screen stay open to the cashier
    window.menus.history.trigger()  # View → History (F2)
    assert window._tabs.currentWidget() is window.history
    assert window.manager.gate.prompt is None
    assert not window.manager.lock_action.isEnabled()  # Ctrl+L: nothing to lock


def test_the_right_pin_opens_settings_and_ctrl_l_closes_them_unsaved(
    qtbot: QtBot, window: MainWindow, sandbox: Any
) -> None:
    assert window.open_settings() is None  # the PIN comes first
    type_pin(qtbot, prompt_of(qtbot, window), PIN)
    qtbot.waitUntil(lambda: len(settings_dialogs(window)) == 1, timeout=WAIT)
    dialog = settings_dialogs(window)[0]
    qtbot.waitUntil(dialog.is_loaded, timeout=WAIT)
    assert window.manager.button.text() == "Manager mode · Ctrl+L locks"
    assert window.manager.lock_action.isEnabled()
    dialog.shop_name_edit.setText("Not saved")
    QTest.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # in Settings
    assert not dialog.isVisible()  # closed with manager mode: nothing saved
    assert window.profile.reload().shop_name == ""
    assert window.manager.button.text() == "Cashier mode"
    assert not window.manager.gate.is_manager()
    window.open_settings()
    assert prompt_of(qtbot, window).isVisible()  # asked again


def test_ctrl_l_on_the_window_locks(qtbot: QtBot, window: MainWindow) -> None:
    window.manager.gate.enter(window)  # the status bar's "Cashier mode" button does this
    type_pin(qtbot, prompt_of(qtbot, window), PIN)
    qtbot.waitUntil(window.manager.gate.is_unlocked, timeout=WAIT)
    window.activateWindow()
    key(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.manager.gate.is_manager()
    assert window.manager.button.text() == "Cashier mode"


def test_idle_relock_closes_settings(qtbot: QtBot, window: MainWindow) -> None:
    """5 minutes without input end manager mode (the idle clock itself: tests/ui/manager)."""
    window.open_settings()
    type_pin(qtbot, prompt_of(qtbot, window), PIN)
    qtbot.waitUntil(lambda: len(settings_dialogs(window)) == 1, timeout=WAIT)
    gate = window.manager.gate
    assert gate.idle.is_running()
    gate.idle.idle_seconds = 0  # as if 5 minutes went by without a key press or a click
    gate.idle.check()
    assert settings_dialogs(window) == []
    assert window.manager.button.text() == "Cashier mode"
    assert window.manager.button.isVisible()


def test_without_a_pin_settings_open_at_once_and_no_mode_is_shown(
    qtbot: QtBot, tmp_path: Path, sandbox: Any
) -> None:
    win = MainWindow(make_profile(tmp_path / "plain", sandbox.url))
    qtbot.addWidget(win)
    win.show()
    try:
        assert not win.manager.button.isVisible()
        dialog = win.open_settings()
        assert isinstance(dialog, SettingsDialog)
        assert win.manager.gate.prompt is None
        QApplication.processEvents()
        dialog.reject()
    finally:
        win.close()
