"""The settings dialog: keyring round trip, host-bound secret, no keyring, Test connection.

A real Runner, an in-memory keyring backend (never the OS keyring) and, for
Test connection, the real sandbox over loopback. Disk, keyring and network work
is recorded with its thread: none of it may run on the GUI thread.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from hpos.hpay.client import ClientConfig, HpayClient
from hpos.hpay.errors import HpayError
from hpos.profile.keystore import KeyStore, KeyStoreError
from hpos.profile.profile import Profile, Settings, open_profile
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.sandbox.server import SandboxServer
from hpos.ui.runner import Runner
from hpos.ui.settings.dialog import SettingsDialog
from hpos.ui.settings.fields import PROD_QUESTION, parse_hosts
from hpos.ui.settings.secret import ENV_SECRET_TEXT, NO_KEYRING_TEXT
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.sandbox import SECRETS_TO_CHECK, client_config

WAIT = 10_000
SECRET = "sk.Dialog-Secret-5150"
OTHER_SECRET = "sk.Other-Host-Secret-6061"
URL = "https://api.example.com"
SECRETS_TO_CHECK.update({SECRET, OTHER_SECRET})


# -- fixtures and helpers -------------------------------------------------------------------


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def profile(tmp_path: Path, backend: MemoryKeyring) -> Profile:
    return Profile(tmp_path / "profile", KeyStore(backend=backend), {})


class Threads:
    """Records on which thread the profile touched the disk and the keyring."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[str, int]] = []
        for cls, names in (
            (Profile, ("save", "reload")),
            (KeyStore, ("get_secret", "set_secret", "delete_secret")),
        ):
            for name in names:
                monkeypatch.setattr(cls, name, self._wrap(name, getattr(cls, name)))

    def _wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, threading.get_ident()))
            return fn(*args, **kwargs)

        return wrapper

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def assert_off_gui_thread(self) -> None:
        assert self.calls
        gui = threading.main_thread().ident
        assert all(ident != gui for _, ident in self.calls), self.calls


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> Threads:
    return Threads(monkeypatch)


def open_dialog(qtbot: QtBot, profile: Profile, runner: Runner, **kwargs: Any) -> SettingsDialog:
    kwargs.setdefault("confirm", lambda _question: True)
    kwargs.setdefault("inform", lambda _message: None)
    dialog = SettingsDialog(profile, runner, **kwargs)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.is_loaded, timeout=WAIT)
    return dialog


def fill_keys(dialog: SettingsDialog, url: str, api_key: str, public_key: str, secret: str) -> None:
    for edit, text in (
        (dialog.api_url_edit, url),
        (dialog.api_key_edit, api_key),
        (dialog.public_key_edit, public_key),
        (dialog.secret_edit, secret),
    ):
        edit.clear()
        edit.insert(text)


def save(qtbot: QtBot, dialog: SettingsDialog) -> Settings:
    assert dialog.ok_button.isEnabled(), dialog._errors
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    settings = blocker.args[0]
    assert isinstance(settings, Settings)
    return settings


def entry(profile: Profile, host: str) -> tuple[str, str]:
    return ("hpos", f"{profile.profile_id}@{host}")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fast_client(config: ClientConfig) -> HpayClient:
    return HpayClient(config, sleep=lambda _s: None)


# -- round trip -------------------------------------------------------------------------------


def test_round_trip_through_the_keyring(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,
    backend: MemoryKeyring,
    threads: Threads,
) -> None:
    asked: list[str] = []
    dialog = open_dialog(qtbot, profile, runner, confirm=lambda q: asked.append(q) or True)
    assert "Enter the API base URL" in dialog.secret_note.text()
    fill_keys(dialog, URL + "/v2/", "ak.live.1", "pk.live.2", SECRET)
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("PROD"))
    assert asked == [PROD_QUESTION]
    dialog.shop_name_edit.setText("Chez Awa")
    dialog.till_name_edit.setText("FRONT-2")
    dialog.product_edit.setText("Groceries")
    dialog.expiry_spin.setValue(30)
    dialog.auto_return_spin.setValue(0)
    assert dialog.auto_return_spin.text() == "Never"
    dialog.notify_edit.setText("https://shop.example/notify")
    dialog.success_edit.setText("https://shop.example/ok")
    dialog.cancel_edit.setText("http://shop.example/cancel")
    dialog.hosts_edit.setText("Checkout.HPAY.cash, pay.example.com")

    settings = save(qtbot, dialog)

    assert settings == profile.settings
    assert settings.api_url == URL + "/v2"
    assert settings.checkout_hosts == ("checkout.hpay.cash", "pay.example.com")
    text = profile.settings_path.read_text(encoding="utf-8")
    assert SECRET not in text
    assert "secret" not in text
    saved = json.loads(text)
    assert saved["mode"] == "PROD"
    assert (saved["shop_name"], saved["till_name"], saved["default_product"]) == (
        "Chez Awa",
        "FRONT-2",
        "Groceries",
    )
    assert (saved["expiry_minutes"], saved["auto_return_seconds"]) == (30, 0)
    assert backend.entries == {entry(profile, "api.example.com"): SECRET}
    threads.assert_off_gui_thread()
    assert "save" in threads.names()
    assert "set_secret" in threads.names()

    # reopen with a fresh profile object (as a new session would): everything comes back
    again = Profile(profile.config_dir, KeyStore(backend=backend), {})
    reopened = open_dialog(qtbot, again, runner, confirm=lambda q: asked.append(q) or True)
    assert asked == [PROD_QUESTION]  # loading PROD asks nothing
    assert reopened.api_url_edit.text() == URL + "/v2"
    assert reopened.api_key_edit.text() == "ak.live.1"
    assert reopened.public_key_edit.text() == "pk.live.2"
    assert reopened.secret_edit.text() == ""  # write-only: the saved secret is never shown
    assert reopened.secret_edit.placeholderText() == (
        "A key is saved — type a new one to replace it"
    )
    assert "Stored in the system keyring" in reopened.secret_note.text()
    assert reopened.mode() == "PROD"
    assert reopened.shop_name_edit.text() == "Chez Awa"
    assert reopened.till_name_edit.text() == "FRONT-2"
    assert reopened.product_edit.text() == "Groceries"
    assert (reopened.expiry_spin.value(), reopened.auto_return_spin.value()) == (30, 0)
    assert reopened.notify_edit.text() == "https://shop.example/notify"
    assert reopened.cancel_edit.text() == "http://shop.example/cancel"
    assert reopened.hosts_edit.text() == "checkout.hpay.cash, pay.example.com"
    threads.assert_off_gui_thread()
    # ... and the CLI reads the same profile
    cli = open_profile(profile.config_dir, env={}, keystore=KeyStore(backend=backend))
    assert cli.client_config().secret_key == SECRET


def test_fields_not_shown_keep_their_saved_value(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    profile.save(Settings(proxy="http://proxy.local:3128", deadline=7))
    dialog = open_dialog(qtbot, profile, runner)
    dialog.shop_name_edit.setText("Kiosk")
    settings = save(qtbot, dialog)
    assert (settings.proxy, settings.deadline, settings.shop_name) == (
        "http://proxy.local:3128",
        7.0,
        "Kiosk",
    )


def test_reveal_toggle(qtbot: QtBot, runner: Runner, profile: Profile) -> None:
    dialog = open_dialog(qtbot, profile, runner)
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.reveal_button.isCheckable()
    assert dialog.reveal_button.accessibleName() == "Show the secret key"
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.reveal_button.accessibleName() == "Hide the secret key"
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Password


# -- the secret is bound to the host ----------------------------------------------------------


def test_changing_the_host_asks_for_the_secret_again(
    qtbot: QtBot, runner: Runner, profile: Profile, backend: MemoryKeyring
) -> None:
    profile.save(Settings(api_url=URL, api_key="ak", public_key="pk"))
    profile.set_secret_key(SECRET)
    dialog = open_dialog(qtbot, profile, runner)
    replace = "A key is saved — type a new one to replace it"
    assert dialog.secret_edit.text() == ""
    assert dialog.secret_edit.placeholderText() == replace

    dialog.api_url_edit.setText("https://api.example.com/v3")  # same host: same secret
    assert dialog.secret_edit.placeholderText() == replace
    dialog.api_url_edit.setText("https://new-host.example.org")
    assert dialog.secret_edit.placeholderText() == ""
    assert dialog.secret_note.text() == (
        "The secret key is stored for one API host: enter the secret key for new-host.example.org."
    )
    dialog.api_url_edit.setText(URL)  # back: the stored secret is offered again
    assert dialog.secret_edit.placeholderText() == replace
    assert "Stored in the system keyring" in dialog.secret_note.text()

    dialog.api_url_edit.setText("https://new-host.example.org")
    save(qtbot, dialog)
    assert profile.secret_key() is None  # nothing for the new host
    assert backend.entries == {entry(profile, "api.example.com"): SECRET}

    reopened = open_dialog(qtbot, profile, runner)
    assert reopened.secret_edit.text() == ""
    assert "No secret key stored for new-host.example.org" in reopened.secret_note.text()
    reopened.secret_edit.setText(OTHER_SECRET)
    assert "Saved in the system keyring for new-host.example.org" in reopened.secret_note.text()
    save(qtbot, reopened)
    assert backend.entries == {
        entry(profile, "api.example.com"): SECRET,
        entry(profile, "new-host.example.org"): OTHER_SECRET,
    }
    assert profile.secret_key() == OTHER_SECRET


def test_the_saved_secret_is_never_shown_and_a_typed_one_replaces_it(
    qtbot: QtBot, runner: Runner, profile: Profile, backend: MemoryKeyring
) -> None:
    """Write-only: nothing in the dialog holds the saved secret; an empty field keeps it."""
    profile.save(Settings(api_url=URL))
    profile.set_secret_key(SECRET)
    dialog = open_dialog(qtbot, profile, runner)
    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)  # the eye shows nothing
    for edit in dialog.findChildren(QLineEdit):
        assert SECRET not in edit.text()
    save(qtbot, dialog)  # nothing typed: the saved secret stays
    assert backend.entries == {entry(profile, "api.example.com"): SECRET}
    dialog = open_dialog(qtbot, profile, runner)
    dialog.secret_edit.setText(OTHER_SECRET)
    save(qtbot, dialog)
    assert backend.entries == {entry(profile, "api.example.com"): OTHER_SECRET}


def test_a_secret_needs_an_api_url(qtbot: QtBot, runner: Runner, profile: Profile) -> None:
    dialog = open_dialog(qtbot, profile, runner)
    dialog.secret_edit.setText(SECRET)
    assert not dialog.ok_button.isEnabled()
    assert "Enter the API base URL first" in dialog.field_error("secret_key")
    dialog.api_url_edit.setText(URL)
    assert dialog.ok_button.isEnabled()


# -- no keyring -----------------------------------------------------------------------------


def test_no_keyring_keeps_the_secret_for_this_session(
    qtbot: QtBot, runner: Runner, tmp_path: Path
) -> None:
    profile = Profile(tmp_path / "p", KeyStore(backend=fail.Keyring()), {})
    told: list[str] = []
    dialog = open_dialog(qtbot, profile, runner, inform=told.append)
    assert dialog.secret_note.text() == NO_KEYRING_TEXT  # said before anything is typed
    fill_keys(dialog, URL, "ak", "pk", SECRET)
    save(qtbot, dialog)
    assert told == [NO_KEYRING_TEXT]
    assert profile.secret_key() == SECRET
    assert profile.secret_lookup().source == "session"
    assert profile.client_config().secret_key == SECRET
    assert SECRET not in profile.settings_path.read_text(encoding="utf-8")
    for path in profile.config_dir.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes()
    # the next session (a new profile object) does not have it
    with pytest.raises(KeyStoreError):
        Profile(profile.config_dir, KeyStore(backend=fail.Keyring()), {}).secret_key()
    # this session's dialog knows it as a session secret (and never shows it)
    reopened = open_dialog(qtbot, profile, runner)
    assert reopened.secret_edit.text() == ""
    assert reopened.secret_edit.placeholderText() == (
        "A key is saved — type a new one to replace it"
    )
    assert reopened.secret_note.text() == NO_KEYRING_TEXT


def test_secret_from_the_environment(qtbot: QtBot, runner: Runner, tmp_path: Path) -> None:
    env = {"HPOS_SECRET_KEY": SECRET, "HPOS_API_URL": URL}
    profile = Profile(tmp_path, KeyStore(backend=MemoryKeyring()), env)
    dialog = open_dialog(qtbot, profile, runner)
    assert dialog.secret_edit.text() == ""  # never copied into the field
    assert dialog.secret_note.text() == ENV_SECRET_TEXT
    assert not dialog.env_note.isHidden()
    assert "HPOS_API_URL" in dialog.env_note.text()
    assert "HPOS_SECRET_KEY" in dialog.env_note.text()


# -- Test connection ------------------------------------------------------------------------


def test_connection_success_shows_company_currency_and_balance(
    qtbot: QtBot, runner: Runner, profile: Profile, sandbox: SandboxServer
) -> None:
    configs: list[ClientConfig] = []
    made_on: list[int] = []

    def factory(config: ClientConfig) -> HpayClient:
        configs.append(config)
        made_on.append(threading.get_ident())
        return HpayClient(config)

    dialog = open_dialog(qtbot, profile, runner, client_factory=factory)
    fill_keys(
        dialog, sandbox.url, DEMO_ACCOUNT.api_key, DEMO_ACCOUNT.public_key, DEMO_ACCOUNT.secret_key
    )
    with qtbot.waitSignal(dialog.tested, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    ok, text = blocker.args
    assert ok
    assert DEMO_ACCOUNT.company in text
    assert DEMO_ACCOUNT.currency in text
    assert "Mode: TEST" in text
    assert "Balance:" in text
    assert DEMO_ACCOUNT.secret_key not in text
    assert dialog.test_result.text() == text
    # built from the fields: nothing was saved
    assert configs[0].base_url == sandbox.url
    assert configs[0].secret_key == DEMO_ACCOUNT.secret_key
    assert not profile.settings_path.exists()
    assert made_on[0] != threading.main_thread().ident
    assert dialog.test_button.isEnabled()


def test_connection_with_a_wrong_secret_shows_hpay_refusal(
    qtbot: QtBot, runner: Runner, profile: Profile, sandbox: SandboxServer
) -> None:
    wrong = "sk.wrong-secret-7788"
    SECRETS_TO_CHECK.add(wrong)
    direct = HpayClient(client_config(sandbox.url, secret_key=wrong))
    with pytest.raises(HpayError) as expected:
        direct.token()
    direct.close()
    dialog = open_dialog(qtbot, profile, runner, client_factory=fast_client)
    fill_keys(dialog, sandbox.url, DEMO_ACCOUNT.api_key, DEMO_ACCOUNT.public_key, wrong)
    with qtbot.waitSignal(dialog.tested, timeout=WAIT) as blocker:
        dialog.test_connection()
    ok, text = blocker.args
    assert not ok
    assert text == expected.value.message
    assert "refused" in text
    assert wrong not in text
    assert dialog.test_result.text() == text


def test_connection_to_a_closed_port_shows_the_network_error(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    port = closed_port()
    dialog = open_dialog(qtbot, profile, runner, client_factory=fast_client)
    fill_keys(dialog, f"http://127.0.0.1:{port}", "ak", "pk", SECRET)
    with qtbot.waitSignal(dialog.tested, timeout=WAIT) as blocker:
        dialog.test_connection()
    ok, text = blocker.args
    assert not ok
    assert text == f"Cannot connect to the HPAY server 127.0.0.1:{port}."
    assert SECRET not in text


def test_connection_needs_every_key(qtbot: QtBot, runner: Runner, profile: Profile) -> None:
    made: list[ClientConfig] = []
    dialog = open_dialog(
        qtbot, profile, runner, client_factory=lambda c: made.append(c) or fast_client(c)
    )
    fill_keys(dialog, URL, "ak", "", "")
    with qtbot.waitSignal(dialog.tested, timeout=WAIT) as blocker:
        dialog.test_connection()
    assert blocker.args == [
        False,
        "Enter the public key and the secret key to test the connection.",
    ]
    assert not made


# -- mode and validation ------------------------------------------------------------------


def test_prod_needs_confirmation(qtbot: QtBot, runner: Runner, profile: Profile) -> None:
    asked: list[str] = []
    dialog = open_dialog(qtbot, profile, runner, confirm=lambda q: asked.append(q) or False)
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("PROD"))
    assert asked == [PROD_QUESTION]
    assert dialog.mode() == "TEST"
    assert save(qtbot, dialog).mode == "TEST"


def test_bad_values_disable_ok(qtbot: QtBot, runner: Runner, profile: Profile) -> None:
    dialog = open_dialog(qtbot, profile, runner)
    assert dialog.ok_button.isEnabled()
    cases: list[tuple[QLineEdit, str, str, str]] = [
        (dialog.api_url_edit, "http://api.example.com", "api_url", "https://"),
        (dialog.api_url_edit, "https://user@api.example.com", "api_url", "user name"),
        (dialog.notify_edit, "ftp://shop.example/n", "notify_url", "https://"),
        (dialog.success_edit, "", "success_url", "Enter the success URL"),
        (dialog.cancel_edit, "https://", "cancel_url", "no host"),
        (dialog.hosts_edit, "good.example, bad host!", "checkout_hosts", "host!"),
        (dialog.till_name_edit, "", "till_name", "letters, digits"),
        (dialog.product_edit, "  ", "default_product", "product name"),
        (dialog.api_key_edit, "ak with space", "api_key", "spaces"),
    ]
    for edit, bad, key, words in cases:
        good = edit.text()
        edit.setText(bad)
        assert not dialog.ok_button.isEnabled(), key
        assert words in dialog.field_error(key), (key, dialog.field_error(key))
        dialog.accept()  # Enter while invalid: nothing happens
        assert dialog.result() != QDialog.DialogCode.Accepted
        edit.setText(good)
        assert dialog.ok_button.isEnabled(), (key, dialog._errors)
        assert dialog.field_error(key) == ""


def test_parse_hosts() -> None:
    assert parse_hosts(" A.example ,b.example  c.example,,") == (
        "a.example",
        "b.example",
        "c.example",
    )
    assert parse_hosts("") == ()


# -- loading and saving problems ----------------------------------------------------------


def test_unreadable_settings_file_is_reported(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    profile.config_dir.mkdir(parents=True)
    profile.settings_path.write_text("{not json", encoding="utf-8")
    dialog = open_dialog(qtbot, profile, runner)
    assert "is not valid JSON" in dialog.status_label.text()
    assert dialog.till_name_edit.text() == "TILL1"  # defaults to start from
    save(qtbot, dialog)
    assert json.loads(profile.settings_path.read_text(encoding="utf-8"))["till_name"] == "TILL1"


def test_a_failed_save_keeps_the_dialog_open(
    qtbot: QtBot, runner: Runner, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, profile, runner)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    emitted: list[object] = []
    dialog.saved.connect(emitted.append)
    dialog.shop_name_edit.setText("X")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not saved" in dialog.status_label.text(), timeout=WAIT)
    assert "No space left on device" in dialog.status_label.text()
    assert not emitted
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.ok_button.isEnabled()


def test_fits_a_1024x600_screen(qtbot: QtBot, runner: Runner, profile: Profile) -> None:
    dialog = open_dialog(qtbot, profile, runner)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1024
    assert hint.height() <= 560
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width()
    assert dialog.height() <= screen.height()
