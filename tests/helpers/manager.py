"""The manager PIN in tests: the PIN and a wrong one, a clock moved by hand, the prompt the
window opens, a PIN typed and OK pressed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hpos.profile.pin import PinVerdict
from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.manager.prompt import PinPrompt
from tests.helpers.window import WAIT

PIN = "2580"
WRONG = "1111"
#: The wall clock's start (seconds since the epoch).
T0 = 1_800_000_000.0


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def prompt_of(qtbot: QtBot, win: MainWindow) -> PinPrompt:
    """The manager PIN prompt once the window shows it."""
    qtbot.waitUntil(lambda: win.manager.gate.prompt is not None, timeout=WAIT)
    prompt = win.manager.gate.prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible, timeout=WAIT)
    return prompt


def type_pin(qtbot: QtBot, prompt: PinPrompt, pin: str) -> PinVerdict:
    """``pin`` typed once the prompt takes keys (not while a wrong PIN's pause lasts), then
    OK clicked; the prompt's verdict, once it has answered."""
    qtbot.waitUntil(prompt.pin_edit.isEnabled, timeout=WAIT)
    prompt.pin_edit.setText(pin)
    with qtbot.waitSignal(prompt.answered, timeout=WAIT) as answered:
        qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)
    return answered.args[0].verdict
