"""The first-start panel: two big buttons, each with its signal and an accessible name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from hpos.ui.mainwindow.welcome import CONFIGURE_TEXT, DEMO_TEXT, WelcomePanel


@pytest.fixture
def panel(qtbot: QtBot) -> WelcomePanel:
    widget = WelcomePanel()
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_says_what_hpos_does(panel: WelcomePanel) -> None:
    assert "HPOS" in panel.title.text()
    assert "QR code" in panel.pitch.text()
    assert "HPAY" in panel.pitch.text()


def test_demo_button_asks_for_the_demo(qtbot: QtBot, panel: WelcomePanel) -> None:
    configure: list[bool] = []
    panel.configure_requested.connect(lambda: configure.append(True))
    with qtbot.waitSignal(panel.demo_requested, timeout=1000):
        qtbot.mouseClick(panel.demo_button, Qt.MouseButton.LeftButton)
    assert not configure


def test_configure_button_asks_for_the_settings(qtbot: QtBot, panel: WelcomePanel) -> None:
    demo: list[bool] = []
    panel.demo_requested.connect(lambda: demo.append(True))
    with qtbot.waitSignal(panel.configure_requested, timeout=1000):
        qtbot.mouseClick(panel.configure_button, Qt.MouseButton.LeftButton)
    assert not demo


def test_buttons_are_big_and_named(panel: WelcomePanel) -> None:
    buttons = {b.text(): b for b in panel.findChildren(QPushButton)}
    assert set(buttons) == {DEMO_TEXT, CONFIGURE_TEXT}
    for text, button in buttons.items():
        assert button.accessibleName() == text
        assert button.accessibleDescription()
        assert button.height() >= 64
        assert button.isVisible()
        assert panel.rect().contains(button.geometry())


def test_keyboard_only(qtbot: QtBot, panel: WelcomePanel) -> None:
    panel.demo_button.setFocus()
    with qtbot.waitSignal(panel.demo_requested, timeout=1000):
        qtbot.keyClick(panel.demo_button, Qt.Key.Key_Space)
    panel.configure_button.setFocus()
    with qtbot.waitSignal(panel.configure_requested, timeout=1000):
        qtbot.keyClick(panel.configure_button, Qt.Key.Key_Space)


def test_grows_with_the_window(qtbot: QtBot, panel: WelcomePanel) -> None:
    small = panel.title.font().pointSizeF()
    panel.resize(1920, 1080)
    qtbot.waitUntil(lambda: panel.title.font().pointSizeF() > small, timeout=1000)
    assert panel.demo_button.minimumHeight() > 72
