"""The PIN prompt's touch pad: the manager PIN typed by finger on a till without a keyboard.

Taps are real mouse clicks on the keys; the PIN is checked on the runner as when typed.
Clocks are fake (the wait after a wrong PIN ends when the test moves the clock and ticks).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hpos.profile.pin import PIN_LENGTHS, PinVerdict
from hpos.profile.profile import Profile, replace_settings
from hpos.ui.i18n import install_language
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.manager.gate import ManagerGate
from hpos.ui.manager.pinpad import KEY_BACKSPACE, KEY_OK, MIN_KEY_SIZE
from hpos.ui.manager.prompt import PinPrompt
from hpos.ui.runner import Runner
from hpos.ui.settings.dialog import SettingsDialog
from tests.helpers.manager import PIN, WRONG, Clock, prompt_of
from tests.helpers.profiles import make_profile

WAIT = 10_000


@pytest.fixture
def gate(runner: Runner, profile: Profile, wall: Clock, window: QWidget) -> ManagerGate:
    return ManagerGate(runner, lambda: profile, wall_clock=wall, parent=window)


@pytest.fixture
def prompt(qtbot: QtBot, gate: ManagerGate, window: QWidget) -> PinPrompt:
    """The prompt Settings opens, once it takes a PIN."""
    with qtbot.waitSignal(gate.prompt_opened, timeout=WAIT) as opened:
        gate.run_as_manager(window, lambda: None)
    shown = opened.args[0]
    assert isinstance(shown, PinPrompt)
    qtbot.waitUntil(shown.pin_edit.isEnabled, timeout=WAIT)
    return shown


def tap(qtbot: QtBot, prompt: PinPrompt, keys: str) -> None:
    """Tap each digit of ``keys`` on the pad."""
    for digit in keys:
        qtbot.mouseClick(prompt.pad.button(digit), Qt.MouseButton.LeftButton)


def tap_ok(qtbot: QtBot, prompt: PinPrompt) -> PinVerdict:
    with qtbot.waitSignal(prompt.answered, timeout=WAIT) as answered:
        qtbot.mouseClick(prompt.pad.button(KEY_OK), Qt.MouseButton.LeftButton)
    return answered.args[0].verdict


def test_the_pad_has_twelve_finger_sized_named_keys(prompt: PinPrompt) -> None:
    pad = prompt.pad
    keys = pad.buttons()
    assert len(keys) == 12
    assert [b.text() for b in keys] == [*"123456789", "⌫", "0", "OK"]
    for button in keys:
        assert button.width() >= MIN_KEY_SIZE
        assert button.height() >= MIN_KEY_SIZE
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus  # the field keeps the focus
        assert not button.autoDefault()
        assert not button.isDefault()
    assert pad.button("7").accessibleName() == "Digit 7"
    assert pad.button(KEY_BACKSPACE).accessibleName() == "Delete the last digit"
    assert pad.button(KEY_OK).accessibleName() == "Check the PIN"
    assert pad.accessibleName() == "PIN keypad"
    # nothing typed yet: nothing to delete, nothing to check
    assert not pad.button(KEY_BACKSPACE).isEnabled()
    assert not pad.button(KEY_OK).isEnabled()
    assert pad.button("1").isEnabled()


def test_taps_of_the_right_pin_unlock(qtbot: QtBot, gate: ManagerGate, prompt: PinPrompt) -> None:
    tap(qtbot, prompt, PIN[:3])
    assert prompt.pin_edit.text() == PIN[:3]
    shown = prompt.pin_edit.displayText()
    assert len(shown) == 3
    assert not any(d in shown for d in "0123456789")
    assert not prompt.pad.button(KEY_OK).isEnabled()  # 3 digits: too short, as Unlock
    tap(qtbot, prompt, PIN[3:])
    assert prompt.pad.button(KEY_OK).isEnabled()
    assert prompt.ok_button.isEnabled()
    with qtbot.waitSignal(gate.mode_changed, timeout=WAIT):
        assert tap_ok(qtbot, prompt) is PinVerdict.RIGHT
    assert gate.is_unlocked()
    assert not prompt.isVisible()


def test_a_wrong_pin_by_taps_empties_the_field_and_the_pad_waits(
    qtbot: QtBot, prompt: PinPrompt, wall: Clock
) -> None:
    tap(qtbot, prompt, WRONG)
    assert tap_ok(qtbot, prompt) is PinVerdict.WRONG
    assert prompt.pin_edit.text() == ""
    assert prompt.message.text() == "Wrong PIN. Try again in 1 s."
    assert prompt.is_waiting()
    assert not any(b.isEnabled() for b in prompt.pad.buttons())
    qtbot.mouseClick(prompt.pad.button("5"), Qt.MouseButton.LeftButton)
    assert prompt.pin_edit.text() == ""  # a tap during the wait types nothing
    wall.now += 1
    prompt.tick()
    assert not prompt.is_waiting()
    assert prompt.pad.button("5").isEnabled()
    assert not prompt.pad.button(KEY_OK).isEnabled()
    tap(qtbot, prompt, PIN)
    assert tap_ok(qtbot, prompt) is PinVerdict.RIGHT


def test_the_lockout_disables_the_pad(qtbot: QtBot, prompt: PinPrompt, wall: Clock) -> None:
    for delay in (1, 2, 4, 8):
        tap(qtbot, prompt, WRONG)
        assert tap_ok(qtbot, prompt) is PinVerdict.WRONG
        wall.now += delay
        prompt.tick()
    tap(qtbot, prompt, WRONG)
    assert tap_ok(qtbot, prompt) is PinVerdict.LOCKED
    assert prompt.message.text().startswith("Too many wrong PINs: the PIN is locked")
    assert not any(b.isEnabled() for b in prompt.pad.buttons())
    wall.now += 299
    prompt.tick()
    assert not any(b.isEnabled() for b in prompt.pad.buttons())
    wall.now += 1
    prompt.tick()
    assert prompt.message.text() == "The lock is over: type the PIN."
    assert prompt.pad.button("0").isEnabled()


def test_delete_removes_the_last_digit(qtbot: QtBot, prompt: PinPrompt) -> None:
    tap(qtbot, prompt, "2581")
    qtbot.mouseClick(prompt.pad.button(KEY_BACKSPACE), Qt.MouseButton.LeftButton)
    assert prompt.pin_edit.text() == "258"
    assert not prompt.ok_button.isEnabled()  # too short again
    tap(qtbot, prompt, "0")
    assert prompt.pin_edit.text() == PIN
    for _ in range(4):
        qtbot.mouseClick(prompt.pad.button(KEY_BACKSPACE), Qt.MouseButton.LeftButton)
    assert prompt.pin_edit.text() == ""
    assert not prompt.pad.button(KEY_BACKSPACE).isEnabled()


def test_the_pad_never_types_past_the_longest_pin(qtbot: QtBot, prompt: PinPrompt) -> None:
    longest = PIN_LENGTHS[1]
    tap(qtbot, prompt, "1234567890"[:longest])
    assert len(prompt.pin_edit.text()) == longest
    assert not prompt.pad.button("9").isEnabled()  # the digits stop, delete and OK do not
    assert prompt.pad.button(KEY_BACKSPACE).isEnabled()
    assert prompt.pad.button(KEY_OK).isEnabled()
    prompt.press_key("9")  # even a key event that slips through adds nothing
    assert prompt.pin_edit.text() == "1234567890"[:longest]
    qtbot.mouseClick(prompt.pad.button(KEY_BACKSPACE), Qt.MouseButton.LeftButton)
    assert prompt.pad.button("9").isEnabled()


def test_the_keyboard_works_as_before_beside_the_pad(
    qtbot: QtBot, gate: ManagerGate, prompt: PinPrompt
) -> None:
    """Typing, Backspace, Enter and Esc in the field; taps and keys mix in one PIN."""
    prompt.pin_edit.setFocus()
    QTest.keyClicks(prompt.pin_edit, "25x8")  # a letter is refused as before
    assert prompt.pin_edit.text() == "258"
    tap(qtbot, prompt, "9")
    QTest.keyClick(prompt.pin_edit, Qt.Key.Key_Backspace)
    QTest.keyClick(prompt.pin_edit, Qt.Key.Key_0)
    assert prompt.pin_edit.text() == PIN
    with (
        qtbot.waitSignal(gate.mode_changed, timeout=WAIT),
        qtbot.waitSignal(prompt.answered, timeout=WAIT),
    ):
        QTest.keyClick(prompt.pin_edit, Qt.Key.Key_Return)
    assert gate.is_unlocked()


def test_escape_still_cancels(qtbot: QtBot, gate: ManagerGate, prompt: PinPrompt) -> None:
    tap(qtbot, prompt, "25")
    with qtbot.waitSignal(prompt.rejected, timeout=WAIT):
        QTest.keyClick(prompt.pin_edit, Qt.Key.Key_Escape)
    assert not gate.is_unlocked()


# -- in the real window ------------------------------------------------------------------


@pytest.fixture
def hpos_window(qtbot: QtBot, tmp_path: Path, sandbox: Any, pin_hash: str) -> Iterator[MainWindow]:
    profile = make_profile(tmp_path / "profile", sandbox.url)
    profile.save(replace_settings(profile.settings, manager_pin_hash=pin_hash))
    win = MainWindow(profile)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_taps_open_settings_in_the_window(qtbot: QtBot, hpos_window: MainWindow) -> None:
    hpos_window.open_settings()
    prompt = prompt_of(qtbot, hpos_window)
    qtbot.waitUntil(prompt.pin_edit.isEnabled, timeout=WAIT)
    tap(qtbot, prompt, PIN)
    tap_ok(qtbot, prompt)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in hpos_window.findChildren(SettingsDialog)),
        timeout=WAIT,
    )
    assert hpos_window.manager.button.text().startswith("Manager mode")
    for dialog in hpos_window.findChildren(SettingsDialog):
        dialog.reject()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_prompt_fits_a_1024_by_600_screen(
    qtbot: QtBot, qapp: QApplication, language: str, gate: ManagerGate, window: QWidget
) -> None:
    """Title bar aside (about 30 px), the prompt with its pad and a two-line message fits."""
    install_language(qapp, language)
    try:
        with qtbot.waitSignal(gate.prompt_opened, timeout=WAIT) as opened:
            gate.run_as_manager(window, lambda: None)
        prompt = opened.args[0]
        qtbot.waitUntil(prompt.pin_edit.isEnabled, timeout=WAIT)
        tap(qtbot, prompt, WRONG)
        tap_ok(qtbot, prompt)
        if language == "fr":
            assert prompt.ok_button.text() != "Unlock"  # French is really on
        assert prompt.message.isVisible()
        assert prompt.width() <= 1024
        assert prompt.height() <= 600 - 40
        assert prompt.layout().totalHeightForWidth(prompt.width()) <= prompt.height()
        for button in prompt.pad.buttons():
            assert button.height() >= MIN_KEY_SIZE
        prompt.reject()
    finally:
        install_language(qapp, "en")
