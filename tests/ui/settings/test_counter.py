"""The settings dialog's Counter page: every counter field round-trips through settings.json.

The real dialog with a real Runner (the file is written on a worker) and an
in-memory keyring; each field is changed the way a user would (keyboard on the
combos, the slider and the check boxes), saved with OK, checked in the JSON
file (where no secret may appear) and shown again by a freshly opened dialog.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, Settings, replace_settings
from hpos.ui.runner import Runner
from hpos.ui.settings import counter as settings_counter
from hpos.ui.settings.counter import CounterPage, SettingsTabs
from hpos.ui.settings.dialog import SettingsDialog
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.sandbox import SECRETS_TO_CHECK
from tests.helpers.translators import Marking
from tests.ui.settings.shown import open_dialog

WAIT = 10_000
SECRET = "sk.Counter-Page-Secret-7071"
SECRETS_TO_CHECK.add(SECRET)


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def profile(tmp_path: Path, backend: MemoryKeyring) -> Profile:
    profile = Profile(tmp_path / "profile", KeyStore(backend=backend), {})
    profile.save(Settings(api_url="https://api.example.com", api_key="ak.1", public_key="pk.1"))
    profile.set_secret_key(SECRET)
    return profile


def save(qtbot: QtBot, dialog: SettingsDialog) -> Settings:
    assert dialog.ok_button.isEnabled(), dialog._errors
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    return blocker.args[0]


def choose(qtbot: QtBot, combo: QComboBox, data: str) -> None:
    """Pick an item with the keyboard only (arrow keys), as a cashier would."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        before = combo.currentIndex()
        qtbot.keyClick(combo, key)
        assert combo.currentIndex() != before, "the arrow key moved the choice"


def saved_json(profile: Profile) -> dict[str, Any]:
    text = profile.settings_path.read_text(encoding="utf-8")
    assert SECRET not in text
    assert "secret" not in text.lower()
    return dict(json.loads(text))


def test_the_dialog_has_a_counter_tab(qtbot: QtBot, runner: Runner, profile: Profile) -> None:
    dialog = open_dialog(qtbot, profile, runner)
    tabs = dialog.tabs
    assert isinstance(tabs, SettingsTabs)
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "HPAY and shop",
        "Counter",
        "Manager",
    ]
    tabs.setCurrentIndex(1)
    assert dialog.counter_page.isVisible()
    page = dialog.counter_page
    assert page.language_combo.currentText() == "System language"
    assert [page.language_combo.itemText(i) for i in range(3)][1:] == ["English", "Français"]
    assert page.display_combo.currentData() == "auto"
    assert page.display_combo.currentText() == "Automatic (second screen)"
    assert page.layout_combo.currentData() == "80mm"
    assert page.sound_check.isChecked()
    assert page.volume_slider.value() == 80
    assert page.volume_label.text() == "80%"
    assert not page.without_dialog_check.isChecked()
    assert not page.auto_print_check.isChecked()
    assert "None remembered" in page.printer_label.text()
    assert not page.forget_button.isEnabled()


def test_every_counter_field_round_trips(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,
    backend: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # offscreen, Qt's one screen has no name: name two, as a till with a second monitor has
    monkeypatch.setattr(settings_counter, "screen_names", lambda: ["HDMI-1", "DP-2"])
    screen = "DP-2"
    dialog = open_dialog(qtbot, profile, runner)
    dialog.tabs.setCurrentIndex(1)
    page = dialog.counter_page
    choose(qtbot, page.language_combo, "fr")
    choose(qtbot, page.display_combo, screen)
    assert page.display_combo.currentText() == screen
    page.volume_slider.setFocus()
    qtbot.keyClick(page.volume_slider, Qt.Key.Key_PageDown)  # 80 -> 70
    qtbot.keyClick(page.volume_slider, Qt.Key.Key_Left)  # 70 -> 65
    assert page.volume_label.text() == "65%"
    choose(qtbot, page.layout_combo, "58mm")
    for check in (page.without_dialog_check, page.auto_print_check):
        check.setFocus()
        qtbot.keyClick(check, Qt.Key.Key_Space)
        assert check.isChecked()

    settings = save(qtbot, dialog)

    assert settings == profile.settings
    data = saved_json(profile)
    assert data["language"] == "fr"
    assert data["customer_display"] == screen
    assert (data["sound_enabled"], data["sound_volume"]) == (True, 65)
    assert data["receipt_layout"] == "58mm"
    assert (data["print_without_dialog"], data["auto_print"]) == (True, True)
    assert data["api_key"] == "ak.1"  # the other tab's fields are kept

    again = Profile(profile.config_dir, KeyStore(backend=backend), {})
    reopened = open_dialog(qtbot, again, runner).counter_page
    assert reopened.language_combo.currentData() == "fr"
    assert reopened.language_combo.currentText() == "Français"
    assert reopened.display_combo.currentData() == screen
    assert reopened.volume_slider.value() == 65
    assert reopened.layout_combo.currentData() == "58mm"
    assert reopened.without_dialog_check.isChecked()
    assert reopened.auto_print_check.isChecked()


def test_sound_off_and_display_off_round_trip(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    dialog = open_dialog(qtbot, profile, runner)
    page = dialog.counter_page
    page.sound_check.setFocus()
    qtbot.keyClick(page.sound_check, Qt.Key.Key_Space)
    assert not page.sound_check.isChecked()
    assert not page.volume_slider.isEnabled(), "no volume to set while the sound is off"
    choose(qtbot, page.display_combo, "off")
    assert page.display_combo.currentText() == "Off"
    choose(qtbot, page.language_combo, "en")
    choose(qtbot, page.layout_combo, "A4")
    save(qtbot, dialog)
    data = saved_json(profile)
    assert data["sound_enabled"] is False
    assert data["sound_volume"] == 80  # kept, for when the sound comes back on
    assert data["customer_display"] == "off"
    assert data["language"] == "en"
    assert data["receipt_layout"] == "A4"


def test_a_disconnected_screen_is_kept_and_said(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    profile.save(replace_settings(profile.settings, customer_display="HDMI-9", language="fr"))
    dialog = open_dialog(qtbot, profile, runner)
    page = dialog.counter_page
    assert page.display_combo.currentData() == "HDMI-9"
    assert page.display_combo.currentText() == "HDMI-9 (not connected)"
    save(qtbot, dialog)
    data = saved_json(profile)
    assert (data["customer_display"], data["language"]) == ("HDMI-9", "fr")


def test_the_remembered_printer_is_shown_and_can_be_forgotten(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    profile.save(replace_settings(profile.settings, printer_name="Epson TM-T20"))
    dialog = open_dialog(qtbot, profile, runner)
    page = dialog.counter_page
    assert page.printer_label.text() == "Epson TM-T20"
    assert page.forget_button.isEnabled()
    page.forget_button.setFocus()
    qtbot.keyClick(page.forget_button, Qt.Key.Key_Space)
    assert "None remembered" in page.printer_label.text()
    assert not page.forget_button.isEnabled()
    assert page.printer_name() == ""
    save(qtbot, dialog)
    assert saved_json(profile)["printer_name"] == ""


def test_cancel_keeps_the_printer_and_the_file(
    qtbot: QtBot, runner: Runner, profile: Profile
) -> None:
    profile.save(replace_settings(profile.settings, printer_name="Epson TM-T20"))
    before = profile.settings_path.read_text(encoding="utf-8")
    dialog = open_dialog(qtbot, profile, runner)
    dialog.counter_page.forget_printer()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert profile.settings_path.read_text(encoding="utf-8") == before


def test_the_page_alone_maps_settings_both_ways(qtbot: QtBot) -> None:
    page = CounterPage()
    qtbot.addWidget(page)
    s = Settings(
        language="fr",
        customer_display="off",
        sound_enabled=False,
        sound_volume=35,
        receipt_layout="A4",
        printer_name="Star TSP100",
        print_without_dialog=True,
        auto_print=True,
    )
    page.fill(s)
    assert page.settings(Settings()) == s
    assert page.settings(replace_settings(s, shop_name="Kiosk")).shop_name == "Kiosk"


def test_the_screens_qt_knows_are_offered(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings_counter, "screen_names", lambda: ["HDMI-1", "DP-2"])
    page = CounterPage()
    qtbot.addWidget(page)
    page.fill(Settings(customer_display="HDMI-1"))
    combo = page.display_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "auto",
        "off",
        "window",
        "HDMI-1",
        "DP-2",
    ]
    assert combo.currentText() == "HDMI-1"


def test_a_language_switch_retranslates_the_page_and_the_tabs(qtbot: QtBot) -> None:
    page = CounterPage()
    tabs = SettingsTabs(QWidget(), page)
    qtbot.addWidget(tabs)
    page.fill(Settings(printer_name="", sound_volume=40))
    marking = Marking({"CounterPage", "SettingsTabs"})
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(marking)
    try:
        qtbot.waitUntil(lambda: tabs.tabText(1) == "«Counter»")
        assert page.sound_check.text() == "«Play a sound when paid or failed»"
        assert page.language_combo.itemText(0) == "«System language»"
        assert page.language_combo.itemText(2) == "Français", "language names stay in their own"
        assert page.display_combo.itemText(1) == "«Off»"
        assert page.forget_button.text() == "«Forget»"
        assert page.volume_label.text() == "«40%»"
        assert page.language_combo.currentData() == "", "the choice itself is kept"
    finally:
        app.removeTranslator(marking)
    qtbot.waitUntil(lambda: tabs.tabText(1) == "Counter")
    assert page.sound_check.text() == "Play a sound when paid or failed"


def test_each_customer_display_choice_says_what_it_does(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings_counter, "screen_names", lambda: ["HDMI-1"])
    page = CounterPage()
    qtbot.addWidget(page)
    page.show()
    page.fill(Settings(customer_display="DP-7"))
    help_line = page.findChild(QLabel, "displayHelp")
    assert help_line is not None
    assert help_line.isVisible()
    expected = {
        "DP-7": "DP-7 is not connected: no customer display until it is.",
        "auto": "Full screen on a second screen when one is connected; none with one screen.",
        "off": "No customer display: turn the cashier's screen to show the QR code.",
        "window": (
            "A window you move and size where the customer sees it; HPOS remembers where. "
            "View → Customer display (Ctrl+Shift+D) closes or reopens it."
        ),
        "HDMI-1": (
            "Full screen on HDMI-1; a window you move instead if the cashier's window is there."
        ),
    }
    assert help_line.text() == expected["DP-7"]
    for data in ("auto", "off", "window", "HDMI-1"):
        choose(qtbot, page.display_combo, data)
        assert help_line.text() == expected[data]
        assert page.display_combo.accessibleDescription() == expected[data]
    assert page.display_combo.itemText(page.display_combo.findData("window")) == (
        "A window on this screen"
    )
    assert page.settings(Settings()).customer_display == "HDMI-1"
    choose(qtbot, page.display_combo, "window")
    assert page.settings(Settings()).customer_display == "window"
