"""Help → About (versions, paths, Copy) and Help → Open log folder; the app's log file."""

from __future__ import annotations

import platform
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hpos import __version__
from hpos.logging_setup import LOG_FILE, current_file_logging, install_file_logging
from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile
from hpos.resources.paths import resource_path
from hpos.ui.app import start_logging
from hpos.ui.mainwindow.about import FACTS, NOTICES_FILE, AboutDialog, open_log_folder
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.keyring import MemoryKeyring


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile", KeyStore(backend=MemoryKeyring()), env={})


@pytest.fixture(autouse=True)
def no_log_file_left() -> Iterator[None]:
    yield
    installed = current_file_logging()
    if installed is not None:
        installed.close()


def test_about_shows_versions_and_paths_selectable(qtbot: QtBot, profile: Profile) -> None:
    log_path = profile.log_dir / LOG_FILE
    dialog = AboutDialog(profile, log_path)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = {key: dialog.value_labels[key].text() for key, _ in FACTS}
    assert shown["version"] == __version__
    assert shown["qt"] == qVersion()
    assert shown["pyside"] == QtCore.__version__
    assert shown["python"].startswith(platform.python_version())
    assert shown["profile"] == str(profile.config_dir)
    assert shown["data"] == str(profile.data_dir)
    assert shown["log"] == str(log_path)
    assert dialog.labels["log"].text() == "Log file:"
    for key, _ in FACTS:
        flags = dialog.value_labels[key].textInteractionFlags()
        assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
        assert dialog.value_labels[key].accessibleName()
    assert dialog.windowTitle() == "About HPOS"
    assert dialog.width() <= 1024
    assert dialog.height() <= 600


def test_copy_puts_every_detail_on_the_clipboard(qtbot: QtBot, profile: Profile) -> None:
    dialog = AboutDialog(profile, profile.log_dir / LOG_FILE)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text.splitlines()[0] == f"HPOS {__version__}"
    assert f"Qt version: {qVersion()}" in text
    assert f"PySide6 version: {QtCore.__version__}" in text
    assert f"Profile folder: {profile.config_dir}" in text
    assert f"Data folder: {profile.data_dir}" in text
    assert f"Log file: {profile.log_dir / LOG_FILE}" in text
    assert dialog.copied_label.text() == "Copied to the clipboard."


def test_language_change_retranslates(qtbot: QtBot, profile: Profile) -> None:
    dialog = AboutDialog(profile, profile.log_dir / LOG_FILE)
    qtbot.addWidget(dialog)
    dialog.copy()
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert dialog.copied_label.text() == "", "texts were set again"
    assert dialog.copy_button.text() == "&Copy"


def test_open_log_folder_asks_the_desktop(qtbot: QtBot, tmp_path: Path) -> None:
    asked: list[QUrl] = []
    assert open_log_folder(tmp_path, opener=lambda url: asked.append(url) or True) is None
    assert asked == [QUrl.fromLocalFile(str(tmp_path))]


def test_a_folder_that_cannot_be_opened_says_where_it_is(qtbot: QtBot, tmp_path: Path) -> None:
    box = open_log_folder(tmp_path / "logs", opener=lambda _url: False)
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)] == [box]
    assert box.text() == f"The log folder could not be opened. It is here: {tmp_path / 'logs'}"
    box.done(0)


def test_third_party_notices_open_in_the_desktop_viewer(qtbot: QtBot, profile: Profile) -> None:
    notices = profile.config_dir / NOTICES_FILE
    asked: list[QUrl] = []
    dialog = AboutDialog(
        profile,
        profile.log_dir / LOG_FILE,
        notices=notices,
        opener=lambda url: asked.append(url) or True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.notices_button.text() == "Third-party &notices"
    assert dialog.notices_button.isEnabled()
    assert "Qt, PySide6" in dialog.notices_button.toolTip()
    qtbot.mouseClick(dialog.notices_button, Qt.MouseButton.LeftButton)
    assert asked == [QUrl.fromLocalFile(str(notices))]
    assert dialog.message is None


def test_notices_that_cannot_be_opened_say_where_they_are(qtbot: QtBot, profile: Profile) -> None:
    notices = profile.config_dir / NOTICES_FILE
    dialog = AboutDialog(
        profile, profile.log_dir / LOG_FILE, notices=notices, opener=lambda _url: False
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.notices_button, Qt.MouseButton.LeftButton)
    box = dialog.message
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert box.windowTitle() == "Third-party notices"
    assert box.text() == f"The third-party notices could not be opened. They are here: {notices}"
    box.done(0)


def test_from_source_the_notices_button_says_the_build_writes_them(
    qtbot: QtBot, profile: Profile
) -> None:
    assert not getattr(sys, "frozen", False)
    dialog = AboutDialog(profile, profile.log_dir / LOG_FILE, opener=lambda _url: True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.notices_button.isEnabled()
    assert dialog.notices_button.toolTip() == (
        "Written when HPOS is built: this copy runs from its source code."
    )


def test_the_built_app_opens_the_notices_it_ships_from_help_about(
    qtbot: QtBot, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as in the PyInstaller build
    asked: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: asked.append(url) or True)
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show()
    help_action(window, "&About HPOS").trigger()
    dialog = window.about_dialog
    assert isinstance(dialog, AboutDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.notices_button, Qt.MouseButton.LeftButton)
    # where the spec's hook (packaging/notices.py) puts the file inside the bundle
    assert asked == [QUrl.fromLocalFile(str(resource_path("THIRD-PARTY-NOTICES.txt")))]
    dialog.close()
    window.close()


def help_action(window: MainWindow, text: str) -> QAction:
    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    [action] = [a for a in menu.actions() if a.text() == text]
    return action


def test_help_menu_opens_about_and_the_log_folder(
    qtbot: QtBot, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = install_file_logging(profile.log_dir)
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show()
    help_action(window, "&About HPOS").trigger()
    dialog = window.about_dialog
    assert isinstance(dialog, AboutDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.value_labels["log"].text() == str(installed.path)
    help_action(window, "&About HPOS").trigger()
    assert window.about_dialog is not dialog, "a second About replaces the first"

    asked: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: asked.append(url) or True)
    help_action(window, "Open &log folder").trigger()
    assert asked == [QUrl.fromLocalFile(str(profile.log_dir))]
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    help_action(window, "Open &log folder").trigger()
    [box] = window.findChildren(QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert str(profile.log_dir) in box.text()
    box.done(0)
    window.close()


def test_the_app_logs_to_the_profile_log_folder(profile: Profile) -> None:
    path = start_logging(profile, {"HPOS_SECRET_KEY": "app-secret-Kq7"})
    assert path == (profile.log_dir / LOG_FILE).absolute()
    installed = current_file_logging()
    assert installed is not None
    installed.flush()
    text = path.read_text(encoding="utf-8")
    assert f"HPOS {__version__} starting: Qt {qVersion()}" in text
    assert str(profile.config_dir) in text


def test_the_app_starts_without_a_log_file_when_the_folder_is_unusable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    profile = Profile(tmp_path / "p", KeyStore(backend=MemoryKeyring()), env={}, log_dir=blocker)
    assert start_logging(profile, {}) is None
    assert current_file_logging() is None
