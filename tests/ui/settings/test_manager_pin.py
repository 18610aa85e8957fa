"""Settings → Manager: set, change or remove the manager PIN; the keys hidden from the cashier.

The PIN is hashed by the save job on the runner (never on the GUI thread) and only the
hash reaches settings.json; the API and public keys are masked unless the window says
manager mode is unlocked; the saved secret is used by Test connection but never shown.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from hpos.profile.keystore import KeyStore
from hpos.profile.pin import Attempts, attempts_path, hash_pin, verify_pin, write_attempts
from hpos.profile.profile import Profile, replace_settings
from hpos.profile.settings import Settings
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.ui.runner import Runner
from hpos.ui.settings import jobs
from hpos.ui.settings.dialog import SettingsDialog
from tests.helpers.keyring import MemoryKeyring
from tests.ui.settings.shown import open_dialog

WAIT = 10_000
PIN = "246810"


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile", KeyStore(backend=MemoryKeyring()), {})


def save(qtbot: QtBot, dialog: SettingsDialog) -> Settings:
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def saved_hash(profile: Profile) -> str:
    return json.loads(profile.settings_path.read_text())["manager_pin_hash"]


def test_setting_a_pin_saves_only_its_hash_made_off_the_gui_thread(
    qtbot: QtBot, runner: Runner, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed_on: list[int] = []
    real = jobs.hash_pin

    def recorded(pin: str) -> str:
        hashed_on.append(threading.get_ident())
        return real(pin)

    monkeypatch.setattr(jobs, "hash_pin", recorded)
    write_attempts(attempts_path(profile.config_dir), Attempts(3, 0.0, 0.0))
    dialog = open_dialog(qtbot, profile, runner)
    page = dialog.pin_page
    dialog.tabs.setCurrentWidget(page)
    assert page.state.text().startswith("No manager PIN: anyone at the till can open Settings")
    assert not page.remove_box.isVisible()  # nothing to remove
    assert page.new_edit.echoMode() == QLineEdit.EchoMode.Password
    page.new_edit.setText(PIN)
    assert not dialog.ok_button.isEnabled()  # typed once only
    page.repeat_edit.setText("246811")
    assert page.error.text() == "Type the same PIN twice."
    assert page.error.isVisible()
    assert not dialog.ok_button.isEnabled()
    page.repeat_edit.setText(PIN)
    assert page.error.text() == ""
    assert dialog.ok_button.isEnabled()
    settings = save(qtbot, dialog)
    assert verify_pin(PIN, settings.manager_pin_hash)
    assert saved_hash(profile) == settings.manager_pin_hash
    assert PIN not in profile.settings_path.read_text()
    assert hashed_on
    assert threading.main_thread().ident not in hashed_on
    assert not attempts_path(profile.config_dir).exists()  # a new PIN starts afresh


def test_a_pin_too_short_is_refused(qtbot: QtBot, runner: Runner, profile: Profile) -> None:
    dialog = open_dialog(qtbot, profile, runner)
    page = dialog.pin_page
    page.new_edit.setText("123")
    page.repeat_edit.setText("123")
    assert page.error.text() == "The PIN is 4 to 8 digits."
    assert not dialog.ok_button.isEnabled()
    page.new_edit.clear()
    qtbot.keyClicks(page.new_edit, "12a4")  # the field takes digits only
    assert page.new_edit.text() == "124"


def test_a_set_pin_can_be_changed_or_removed(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    old = hash_pin("1357")
    profile.save(replace_settings(profile.settings, manager_pin_hash=old))
    dialog = open_dialog(qtbot, profile, runner)
    page = dialog.pin_page
    dialog.tabs.setCurrentWidget(page)
    assert page.state.text().startswith(
        "A manager PIN is set: Settings, the TEST/PROD switch and the Owner menu"
    )
    dialog.shop_name_edit.setText("Chez Awa")
    save(qtbot, dialog)  # nothing typed in the Manager tab: the PIN stays
    assert saved_hash(profile) == old

    dialog = open_dialog(qtbot, profile, runner)
    dialog.tabs.setCurrentWidget(dialog.pin_page)
    assert dialog.pin_page.remove_box.isVisible()
    dialog.pin_page.remove_box.setChecked(True)
    assert not dialog.pin_page.new_edit.isEnabled()
    settings = save(qtbot, dialog)
    assert settings.manager_pin_hash == ""
    assert saved_hash(profile) == ""


def test_the_keys_are_masked_outside_manager_mode(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    profile.save(Settings(api_url="https://api.example.com", api_key="ak.1", public_key="pk.2"))
    dialog = open_dialog(qtbot, profile, runner, keys_shown=False)
    for edit in (dialog.api_key_edit, dialog.public_key_edit):
        assert edit.echoMode() == QLineEdit.EchoMode.Password
    button = dialog._form.keys_button
    assert button.isVisible()
    assert button.text() == "Show"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.api_key_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert button.text() == "Hide"

    shown = open_dialog(qtbot, profile, runner, keys_shown=True)  # manager mode: in clear
    assert shown.api_key_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert not shown._form.keys_button.isVisible()


def test_test_connection_uses_the_saved_secret_it_never_shows(
    qtbot: QtBot, runner: Runner, tmp_path: Path, sandbox: Any
) -> None:
    profile = Profile(tmp_path / "p", KeyStore(backend=MemoryKeyring()), {})
    profile.save(
        Settings(
            api_url=sandbox.url, api_key=DEMO_ACCOUNT.api_key, public_key=DEMO_ACCOUNT.public_key
        )
    )
    profile.set_secret_key(DEMO_ACCOUNT.secret_key)
    dialog = open_dialog(qtbot, profile, runner)
    assert dialog.secret_edit.text() == ""
    with qtbot.waitSignal(dialog.tested, timeout=WAIT) as tested:
        dialog.test_connection()
    assert tested.args[0], tested.args
    assert dialog.test_result.text().startswith(f"Connected to {DEMO_ACCOUNT.company}.")
    assert DEMO_ACCOUNT.secret_key not in dialog.test_result.text()
