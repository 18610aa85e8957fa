"""Settings → Counter → Cashiers: add, rename and remove the names a cashier picks from.

The real dialog saves on a worker into settings.json; names are cleaned like typed
text, an empty or repeated name is refused with a line saying why, renaming the
cashier on duty keeps them on duty, removing them leaves nobody on duty.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, Settings
from hpos.ui.runner import Runner
from hpos.ui.settings.cashiers import CashiersBox
from hpos.ui.settings.dialog import SettingsDialog
from tests.helpers.keyring import MemoryKeyring
from tests.ui.settings.shown import open_dialog

WAIT = 10_000


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    profile = Profile(tmp_path / "profile", KeyStore(backend=MemoryKeyring()), {})
    profile.save(
        Settings(
            api_url="https://api.example.com",
            api_key="ak.1",
            public_key="pk.1",
            cashiers=("Awa", "Moussa"),
            cashier_on_duty="Awa",
        )
    )
    profile.set_secret_key("sk.Cashiers-Box-Secret-4242")
    return profile


def open_box(qtbot: QtBot, profile: Profile, runner: Runner) -> tuple[SettingsDialog, CashiersBox]:
    dialog = open_dialog(qtbot, profile, runner)
    dialog.tabs.setCurrentIndex(1)
    return dialog, dialog.counter_page.cashiers_box


def type_name(qtbot: QtBot, box: CashiersBox, text: str) -> None:
    box.name_edit.clear()
    box.name_edit.setFocus()
    qtbot.keyClicks(box.name_edit, text)


def save(qtbot: QtBot, dialog: SettingsDialog) -> Settings:
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    return blocker.args[0]


def test_cashiers_are_added_renamed_and_removed(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    dialog, box = open_box(qtbot, profile, runner)
    assert box.isVisible()
    assert box.title() == "Cashiers"
    assert box.names() == ["Awa", "Moussa"]
    assert not box.rename_button.isEnabled()

    type_name(qtbot, box, "  Jean \t Marc ")
    qtbot.keyClick(box.name_edit, Qt.Key.Key_Return)  # Enter adds
    assert box.names() == ["Awa", "Moussa", "Jean Marc"]
    assert box.name_edit.text() == "", "ready for the next name"
    assert dialog.isVisible(), "Enter in the name field adds the name, it does not save"

    type_name(qtbot, box, "hpos-moussa")  # cleaned like typed text
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert box.names()[-1] == "hpos moussa"

    type_name(qtbot, box, "MOUSSA")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert box.problem.isVisible()
    assert box.problem.text() == "Moussa is already in the list."
    type_name(qtbot, box, "   ")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert box.problem.text() == "Type a name first."

    box.list.setCurrentRow(0)  # Awa, on duty
    assert box.name_edit.text() == "Awa"
    type_name(qtbot, box, "Awa Diop")
    qtbot.mouseClick(box.rename_button, Qt.MouseButton.LeftButton)
    assert not box.problem.isVisible()
    box.list.setCurrentRow(1)
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert box.names() == ["Awa Diop", "Jean Marc", "hpos moussa"]

    saved = save(qtbot, dialog)
    assert saved.cashiers == ("Awa Diop", "Jean Marc", "hpos moussa")
    assert saved.cashier_on_duty == "Awa Diop", "renamed, still on duty"
    data = json.loads(profile.settings_path.read_text(encoding="utf-8"))
    assert data["cashiers"] == ["Awa Diop", "Jean Marc", "hpos moussa"]
    assert data["cashier_on_duty"] == "Awa Diop"

    dialog, box = open_box(qtbot, profile, runner)
    assert box.names() == ["Awa Diop", "Jean Marc", "hpos moussa"]
    box.list.setCurrentRow(0)
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert save(qtbot, dialog).cashier_on_duty == "", "removed: nobody on duty"
