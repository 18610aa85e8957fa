"""Manager mode: the PIN prompt, wrong PINs said plainly, the lockout, idle relock, the mode button.

Clocks are fake (a wall clock for the lockout, a monotonic one for idleness): the tests
move them and call the countdown's tick and the idle check; nothing sleeps.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from hpos.profile.keystore import KeyStore
from hpos.profile.pin import (
    DAMAGED_PIN_HASH,
    Attempts,
    PinVerdict,
    attempts_path,
    write_attempts,
)
from hpos.profile.profile import Profile, replace_settings
from hpos.ui.manager import jobs
from hpos.ui.manager.gate import ManagerGate
from hpos.ui.manager.indicator import ModeButton
from hpos.ui.manager.prompt import PinPrompt
from hpos.ui.runner import Runner
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.manager import PIN, T0, WRONG, Clock, type_pin

WAIT = 10_000


@pytest.fixture
def idle_clock() -> Clock:
    return Clock(1000.0)


@pytest.fixture
def gate(
    runner: Runner, profile: Profile, wall: Clock, idle_clock: Clock, window: QWidget
) -> ManagerGate:
    return ManagerGate(
        runner, lambda: profile, wall_clock=wall, idle_clock=idle_clock, parent=window
    )


def ask(qtbot: QtBot, gate: ManagerGate, window: QWidget, ran: list[str]) -> PinPrompt:
    with qtbot.waitSignal(gate.prompt_opened, timeout=WAIT) as opened:
        gate.run_as_manager(window, lambda: ran.append("settings"))
    prompt = opened.args[0]
    assert isinstance(prompt, PinPrompt)
    return prompt


def unlock(qtbot: QtBot, gate: ManagerGate, window: QWidget) -> None:
    prompt = ask(qtbot, gate, window, [])
    with qtbot.waitSignal(gate.mode_changed, timeout=WAIT):
        type_pin(qtbot, prompt, PIN)


# -- no PIN --------------------------------------------------------------------------------


def test_without_a_pin_everything_runs_at_once(
    qtbot: QtBot, runner: Runner, tmp_path: Path, window: QWidget
) -> None:
    profile = Profile(tmp_path / "p", KeyStore(backend=MemoryKeyring()), {})
    gate = ManagerGate(runner, lambda: profile, parent=window)
    button = ModeButton(gate, window)
    ran: list[str] = []
    gate.run_as_manager(window, lambda: ran.append("settings"))
    assert ran == ["settings"]
    assert gate.prompt is None
    assert gate.is_manager()
    assert not gate.is_unlocked()
    assert not button.isVisibleTo(window)  # no modes without a PIN


# -- the prompt ------------------------------------------------------------------------------


def test_the_right_pin_unlocks_and_runs_the_action(
    qtbot: QtBot, gate: ManagerGate, window: QWidget
) -> None:
    button = ModeButton(gate, window)
    assert button.text() == "Cashier mode"
    ran: list[str] = []
    prompt = ask(qtbot, gate, window, ran)
    assert prompt.windowTitle() == "Manager PIN"
    assert prompt.pin_edit.echoMode() == QLineEdit.EchoMode.Password
    assert ran == []
    assert not gate.is_manager()
    prompt.pin_edit.setText("12")  # too short: OK stays off
    assert not prompt.ok_button.isEnabled()
    with qtbot.waitSignal(gate.mode_changed, timeout=WAIT) as changed:
        assert type_pin(qtbot, prompt, PIN) is PinVerdict.RIGHT
    assert changed.args == [True]
    assert ran == ["settings"]
    assert gate.is_unlocked()
    assert button.text() == "Manager mode · Ctrl+L locks"
    gate.run_as_manager(window, lambda: ran.append("again"))  # unlocked: no prompt
    assert ran == ["settings", "again"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the button locks, as Ctrl+L
    assert not gate.is_manager()
    assert button.text() == "Cashier mode"


def test_cancel_runs_nothing(qtbot: QtBot, gate: ManagerGate, window: QWidget) -> None:
    ran: list[str] = []
    prompt = ask(qtbot, gate, window, ran)
    with qtbot.waitSignal(prompt.rejected, timeout=WAIT):
        prompt.reject()
    assert ran == []
    assert not gate.is_manager()


def test_wrong_pins_wait_longer_then_lock_for_5_minutes_said_plainly(
    qtbot: QtBot, gate: ManagerGate, window: QWidget, wall: Clock
) -> None:
    ran: list[str] = []
    prompt = ask(qtbot, gate, window, ran)
    seen = []
    for delay in (1, 2, 4, 8):
        assert type_pin(qtbot, prompt, WRONG) is PinVerdict.WRONG
        assert prompt.is_waiting()
        assert not prompt.pin_edit.isEnabled()
        assert not prompt.ok_button.isEnabled()
        seen.append(prompt.message.text())
        wall.advance(delay)
        prompt.tick()
        assert not prompt.is_waiting()
    assert seen == [
        "Wrong PIN. Try again in 1 s.",
        "Wrong PIN. Try again in 2 s.",
        "Wrong PIN. Try again in 4 s.",
        "Wrong PIN. Try again in 8 s. One more wrong PIN locks it for 5 minutes.",
    ]
    assert prompt.message.text() == (
        "Wrong PIN. Type it again. One more wrong PIN locks it for 5 minutes."
    )
    assert type_pin(qtbot, prompt, WRONG) is PinVerdict.LOCKED
    assert prompt.message.text() == (
        "Too many wrong PINs: the PIN is locked for 5 minutes. Time left: 5 min 00 s."
    )
    wall.advance(65)
    prompt.tick()
    assert prompt.message.text().endswith("Time left: 3 min 55 s.")
    assert not prompt.pin_edit.isEnabled()
    wall.advance(235)
    prompt.tick()
    assert prompt.message.text() == "The lock is over: type the PIN."
    with qtbot.waitSignal(gate.mode_changed, timeout=WAIT):
        assert type_pin(qtbot, prompt, PIN) is PinVerdict.RIGHT
    assert ran == ["settings"]


def test_a_lockout_from_before_is_said_when_the_prompt_opens(
    qtbot: QtBot, gate: ManagerGate, window: QWidget, profile: Profile, wall: Clock
) -> None:
    """The lockout is on disk: closing the prompt or restarting HPOS does not end it."""
    write_attempts(attempts_path(profile.config_dir), Attempts(4, 0.0, T0 + 240))
    prompt = ask(qtbot, gate, window, [])
    qtbot.waitUntil(prompt.is_waiting, timeout=WAIT)
    assert prompt.message.text() == (
        "Too many wrong PINs: the PIN is locked for 5 minutes. Time left: 4 min 00 s."
    )
    assert not prompt.pin_edit.isEnabled()


def test_a_damaged_pin_opens_with_no_pin(
    qtbot: QtBot, runner: Runner, tmp_path: Path, window: QWidget
) -> None:
    profile = Profile(tmp_path / "p", KeyStore(backend=MemoryKeyring()), {})
    profile.save(replace_settings(profile.settings, manager_pin_hash=DAMAGED_PIN_HASH))
    gate = ManagerGate(runner, lambda: profile, parent=window)
    prompt = ask(qtbot, gate, window, [])
    assert "The saved manager PIN is damaged: no PIN opens it." in prompt.message.text()
    assert not prompt.pin_edit.isEnabled()
    assert not prompt.ok_button.isEnabled()


def test_the_pin_is_checked_off_the_gui_thread_and_never_logged(
    qtbot: QtBot,
    gate: ManagerGate,
    window: QWidget,
    pin_hash: str,
    wall: Clock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    threads: list[int | None] = []
    real = jobs.attempt_pin

    def recorded(*args: object) -> object:
        threads.append(threading.get_ident())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(jobs, "attempt_pin", recorded)
    prompt = ask(qtbot, gate, window, [])
    type_pin(qtbot, prompt, WRONG)
    wall.advance(1)
    prompt.tick()
    with qtbot.waitSignal(gate.mode_changed, timeout=WAIT):
        type_pin(qtbot, prompt, PIN)
    assert len(threads) == 2
    assert threading.main_thread().ident not in threads
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Manager mode unlocked" in logged
    for value in (PIN, WRONG, pin_hash.split("$")[-1]):
        assert value not in logged


# -- idle relock and Ctrl+L ------------------------------------------------------------------


def test_five_idle_minutes_end_manager_mode_and_any_input_counts(
    qtbot: QtBot, gate: ManagerGate, window: QWidget, idle_clock: Clock
) -> None:
    unlock(qtbot, gate, window)
    edit = QLineEdit(window)
    edit.show()
    idle_clock.advance(299)
    gate.idle.check()
    assert gate.is_unlocked()
    qtbot.keyClick(edit, Qt.Key.Key_5)  # a key press anywhere in HPOS: still there
    idle_clock.advance(299)
    gate.idle.check()
    assert gate.is_unlocked()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)  # a click too
    idle_clock.advance(299)
    gate.idle.check()
    assert gate.is_unlocked()
    idle_clock.advance(2)
    with qtbot.waitSignal(gate.mode_changed, timeout=WAIT) as changed:
        gate.idle.check()
    assert changed.args == [False]
    assert not gate.is_manager()
    assert not gate.idle.is_running()  # the app-wide filter is gone in cashier mode


def test_setting_a_pin_keeps_its_setter_in_manager_mode_and_removing_it_ends_the_modes(
    qtbot: QtBot, runner: Runner, tmp_path: Path, window: QWidget, pin_hash: str
) -> None:
    profile = Profile(tmp_path / "p", KeyStore(backend=MemoryKeyring()), {})
    gate = ManagerGate(runner, lambda: profile, parent=window)
    button = ModeButton(gate, window)
    profile.save(replace_settings(profile.settings, manager_pin_hash=pin_hash))
    gate.settings_saved()
    assert gate.is_unlocked()
    assert button.isVisibleTo(window)
    assert button.text() == "Manager mode · Ctrl+L locks"
    profile.save(replace_settings(profile.settings, manager_pin_hash=""))
    gate.settings_saved()
    assert gate.is_manager()
    assert not gate.is_unlocked()
    assert not button.isVisibleTo(window)
    assert not gate.idle.is_running()
