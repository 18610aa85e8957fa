"""The settings dialog warns next to the return pages while PROD still uses HPAY's examples."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, Settings
from hpos.ui.runner import Runner
from hpos.ui.settings.dialog import SettingsDialog
from tests.helpers.keyring import MemoryKeyring
from tests.ui.settings.shown import open_dialog as shown_dialog


def open_dialog(qtbot: QtBot, tmp_path: Path, runner: Runner, mode: str) -> SettingsDialog:
    profile = Profile(tmp_path / "profile", KeyStore(backend=MemoryKeyring()), {})
    profile.save(Settings(api_url="https://api.example.com", mode=mode))
    return shown_dialog(qtbot, profile, runner)


def test_prod_warns_until_every_return_page_is_the_shops_own(
    qtbot: QtBot, tmp_path: Path, runner: Runner
) -> None:
    dialog = open_dialog(qtbot, tmp_path, runner, "PROD")
    note = dialog._form.return_pages_note
    assert note.isVisible()
    assert note.text().startswith(
        "The notify URL, success URL and cancel URL are still HPAY's example addresses."
    )
    assert "after paying, the customer's phone opens the success URL" in note.text()

    dialog.success_edit.setText("https://www.facebook.com/chezawa")
    assert note.text().startswith(
        "The notify URL and cancel URL are still HPAY's example addresses."
    )
    dialog.notify_edit.setText("https://chez-awa.example/notify")
    assert note.text().startswith("The cancel URL is still HPAY's example address.")
    assert dialog.ok_button.isEnabled(), "a warning, not an error: saving is allowed"
    dialog.cancel_edit.setText("https://www.facebook.com/chezawa")
    assert not note.isVisible()
    assert dialog.example_pages() == ()


def test_test_mode_does_not_warn_and_prod_does(
    qtbot: QtBot, tmp_path: Path, runner: Runner
) -> None:
    dialog = open_dialog(qtbot, tmp_path, runner, "TEST")
    note = dialog._form.return_pages_note
    assert not note.isVisible()
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("PROD"))  # confirmed
    assert note.isVisible()
    assert dialog.example_pages() == ("notify_url", "success_url", "cancel_url")
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("TEST"))
    assert not note.isVisible()
