"""The status bar's amber warning while PROD payments return to HPAY's example pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile, replace_settings
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.settings.dialog import SettingsDialog
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT

WARNING = "Payment return pages are HPAY's examples: set your own in Settings"


def _window(qtbot: QtBot, profile: Profile) -> MainWindow:
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def prod_profile(tmp_path: Path, sandbox: Any) -> Profile:
    profile = make_profile(tmp_path / "profile", sandbox.url)
    profile.save(replace_settings(profile.settings, mode="PROD"))
    return profile


@pytest.fixture
def prod_window(qtbot: QtBot, prod_profile: Profile) -> Iterator[MainWindow]:
    win = _window(qtbot, prod_profile)
    yield win
    win.close()


def test_prod_on_example_pages_shows_the_amber_warning(
    qtbot: QtBot, prod_window: MainWindow
) -> None:
    button = prod_window.return_pages.button
    assert button.isVisible()
    assert button.text() == WARNING
    assert button in prod_window.statusBar().findChildren(type(button))
    prod_window.statusBar().showMessage("No sale is waiting for payment.", 5000)
    assert button.isVisible(), "a passing message never hides it"


def test_clicking_the_warning_opens_settings_at_the_return_pages(
    qtbot: QtBot, prod_window: MainWindow
) -> None:
    qtbot.mouseClick(prod_window.return_pages.button, Qt.MouseButton.LeftButton)
    dialog = prod_window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.is_loaded, timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.notify_edit, timeout=WAIT)
    assert dialog.tabs.currentIndex() == 0
    note = dialog._form.return_pages_note
    assert note.isVisible()
    assert "The notify URL, success URL and cancel URL are still HPAY's example" in note.text()

    for edit, url in (
        (dialog.notify_edit, "https://chez-awa.example/hpay/notify"),
        (dialog.success_edit, "https://www.facebook.com/chezawa"),
        (dialog.cancel_edit, "https://www.facebook.com/chezawa"),
    ):
        edit.setText(url)
    assert not note.isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not prod_window.return_pages.button.isVisible(), timeout=WAIT)
    assert prod_window.return_pages.text() == ""


def test_test_mode_shows_no_warning(qtbot: QtBot, tmp_path: Path, sandbox: Any) -> None:
    win = _window(qtbot, make_profile(tmp_path / "profile", sandbox.url))
    try:
        assert win.profile.settings.success_url == "https://hpay.cash/third/success/"
        assert not win.return_pages.button.isVisible()
        assert win.return_pages.text() == ""
    finally:
        win.close()
