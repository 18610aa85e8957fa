"""The manager PIN in window tests: the prompt the window opens, a PIN typed and OK pressed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hpos.ui.mainwindow.window import MainWindow
from hpos.ui.manager.prompt import PinPrompt
from tests.helpers.window import WAIT


def prompt_of(qtbot: QtBot, win: MainWindow) -> PinPrompt:
    """The manager PIN prompt once the window shows it."""
    qtbot.waitUntil(lambda: win.manager.gate.prompt is not None, timeout=WAIT)
    prompt = win.manager.gate.prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible, timeout=WAIT)
    return prompt


def type_pin(qtbot: QtBot, prompt: PinPrompt, pin: str) -> None:
    """``pin`` typed once the prompt takes keys (not while a wrong PIN's pause lasts), then
    OK clicked; returns when the prompt has answered."""
    qtbot.waitUntil(prompt.pin_edit.isEnabled, timeout=WAIT)
    prompt.pin_edit.setText(pin)
    with qtbot.waitSignal(prompt.answered, timeout=WAIT):
        qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)
