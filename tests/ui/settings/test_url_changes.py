"""Editing the API URL, a key or the mode: what happens to the secret and to a test's answer.

What the user sees: the secret field kept (same host: a path or a port fixed) or
emptied with the reason under it (another host), and a connection test's answer
greyed out with "Settings changed since the test: test again." once it no longer
applies. Real Runner, in-memory keyring, the real sandbox for the test.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hpos.hpay.client import ClientConfig, HpayClient
from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, Settings
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.sandbox.server import SandboxServer
from hpos.ui.runner import Runner
from hpos.ui.settings.dialog import SettingsDialog
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.sandbox import SECRETS_TO_CHECK
from tests.ui.settings.shown import open_dialog

WAIT = 10_000
SECRET = "sk.Url-Change-Secret-4242"
URL = "https://api.example.com"
STALE = "Settings changed since the test: test again."
SECRETS_TO_CHECK.add(SECRET)


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def profile(tmp_path: Path, backend: MemoryKeyring) -> Profile:
    return Profile(tmp_path / "profile", KeyStore(backend=backend), {})


def retype(qtbot: QtBot, dialog: SettingsDialog, url: str) -> None:
    """Select the URL and type a new one key by key, as a user does."""
    dialog.api_url_edit.setFocus()
    dialog.api_url_edit.selectAll()
    qtbot.keyClicks(dialog.api_url_edit, url)


REPLACE = "A key is saved — type a new one to replace it"


def test_a_new_path_or_port_on_the_same_host_keeps_the_secret(
    qtbot: QtBot, runner: Runner, profile: Profile, backend: MemoryKeyring
) -> None:
    profile.save(Settings(api_url=URL, api_key="ak", public_key="pk"))
    profile.set_secret_key(SECRET)
    dialog = open_dialog(qtbot, profile, runner)

    retype(qtbot, dialog, "https://api.example.com/v2")
    assert dialog.secret_edit.text() == ""  # write-only: never shown
    assert dialog.secret_edit.placeholderText() == REPLACE
    assert dialog.secret_note.text() == "Stored in the system keyring for api.example.com."

    dialog.api_url_edit.setText("https://api.example.com:844/v2")  # a port typo...
    dialog.api_url_edit.setText("https://api.example.com:8443/v2")  # ...fixed
    assert dialog.secret_edit.placeholderText() == REPLACE
    assert dialog.secret_note.text() == (
        "Saved in the system keyring for api.example.com:8443 when you press OK."
    )
    dialog.api_url_edit.setText("https://")  # half typed: nothing changes
    assert "api.example.com" in dialog.secret_note.text()

    dialog.api_url_edit.setText("https://api.example.com:8443/v2")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.accept()
    assert profile.secret_key() == SECRET  # for the new port, stored when OK was pressed
    assert ("hpos", f"{profile.profile_id}@api.example.com:8443") in backend.entries


def test_another_host_asks_for_its_own_secret_under_the_field(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    profile.save(Settings(api_url=URL, api_key="ak", public_key="pk"))
    profile.set_secret_key(SECRET)
    dialog = open_dialog(qtbot, profile, runner)

    retype(qtbot, dialog, "https://pay.other-bank.example")
    assert dialog.secret_edit.text() == ""
    assert dialog.secret_edit.placeholderText() == ""  # nothing saved for that host
    assert dialog.secret_note.isVisible()
    assert dialog.secret_note.text() == (
        "The secret key is stored for one API host: enter the secret key for "
        "pay.other-bank.example."
    )
    assert dialog.secret_note.property("role") == "warning"

    retype(qtbot, dialog, URL)  # back on the first host: its saved secret is offered again
    assert dialog.secret_edit.placeholderText() == REPLACE
    assert dialog.secret_note.text() == "Stored in the system keyring for api.example.com."


# -- a connection test's answer that no longer applies ---------------------------------------


def open_tested(qtbot: QtBot, profile: Profile, runner: Runner, url: str) -> SettingsDialog:
    dialog = open_dialog(qtbot, profile, runner)
    for edit, text in (
        (dialog.api_url_edit, url),
        (dialog.api_key_edit, DEMO_ACCOUNT.api_key),
        (dialog.public_key_edit, DEMO_ACCOUNT.public_key),
        (dialog.secret_edit, DEMO_ACCOUNT.secret_key),
    ):
        edit.setText(text)
    with qtbot.waitSignal(dialog.tested, timeout=WAIT) as blocker:
        dialog.test_connection()
    assert blocker.args[0], blocker.args
    assert dialog.test_result.text().startswith(f"Connected to {DEMO_ACCOUNT.company}.")
    assert dialog.test_result.property("role") == "ok"
    return dialog


@pytest.mark.parametrize("change", ["url", "api_key", "public_key", "secret", "mode"])
def test_an_answer_is_greyed_once_url_keys_or_mode_change(
    qtbot: QtBot, runner: Runner, profile: Profile, sandbox: SandboxServer, change: str
) -> None:
    dialog = open_tested(qtbot, profile, runner, sandbox.url)
    connected = dialog.test_result.text()
    edits = {
        "url": dialog.api_url_edit,
        "api_key": dialog.api_key_edit,
        "public_key": dialog.public_key_edit,
        "secret": dialog.secret_edit,
    }
    if change == "mode":
        dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("PROD"))
    else:
        edits[change].setText(edits[change].text() + "x")
    assert dialog.test_result.text() == STALE
    assert dialog.test_result.property("role") == "note"
    assert "Connected" not in dialog.test_result.text()

    if change == "mode":  # back to what was tested: the answer applies again
        dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("TEST"))
    else:
        edits[change].setText(edits[change].text()[:-1])
    assert dialog.test_result.text() == connected
    assert dialog.test_result.property("role") == "ok"


def test_other_fields_leave_the_answer_alone(
    qtbot: QtBot, runner: Runner, profile: Profile, sandbox: SandboxServer
) -> None:
    dialog = open_tested(qtbot, profile, runner, sandbox.url)
    connected = dialog.test_result.text()
    dialog.shop_name_edit.setText("Chez Awa")
    dialog.expiry_spin.setValue(20)
    assert dialog.test_result.text() == connected


def test_an_answer_arriving_after_a_change_is_dropped(
    qtbot: QtBot, runner: Runner, profile: Profile, sandbox: SandboxServer
) -> None:
    release = threading.Event()

    def slow_client(config: ClientConfig) -> HpayClient:
        release.wait(WAIT / 1000)
        return HpayClient(config)

    dialog = open_dialog(qtbot, profile, runner, client_factory=slow_client)
    for edit, text in (
        (dialog.api_url_edit, sandbox.url),
        (dialog.api_key_edit, DEMO_ACCOUNT.api_key),
        (dialog.public_key_edit, DEMO_ACCOUNT.public_key),
        (dialog.secret_edit, DEMO_ACCOUNT.secret_key),
    ):
        edit.setText(text)
    answers: list[object] = []
    dialog.tested.connect(lambda ok, text: answers.append((ok, text)))
    dialog.test_connection()
    assert dialog.test_result.text().startswith("Contacting 127.0.0.1:")
    assert not dialog.test_button.isEnabled()
    dialog.api_key_edit.setText("another-key")
    assert dialog.test_result.text() == STALE
    assert dialog.test_button.isEnabled(), "the new keys can be tested at once"
    release.set()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)  # the old answer was delivered
    assert answers == []
    assert dialog.test_result.text() == STALE
