""" "Try the demo" in a window without HPAY keys: the sandbox starts on a worker, never on
the GUI thread, and the window becomes the demo; a demo that cannot start says why."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import hpos.demo
from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile
from hpos.ui.mainwindow.welcome import WelcomePanel
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.window import WAIT


@pytest.fixture
def unconfigured(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setenv("HPOS_CONFIG_DIR", str(tmp_path / "config"))  # the demo's profile
    empty = Profile(tmp_path / "empty", KeyStore(backend=MemoryKeyring()), env={})
    window = MainWindow(empty)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    panel = window._stack.currentWidget()
    assert isinstance(panel, WelcomePanel)
    return window


def test_try_the_demo_starts_the_sandbox_off_the_gui_thread(
    qtbot: QtBot, unconfigured: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unconfigured
    real = hpos.demo.start_demo
    threads: list[int] = []
    release = threading.Event()

    def start_demo(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        release.wait(WAIT / 1000)  # a slow start: the window must keep going meanwhile
        return real(*args, **kwargs)

    monkeypatch.setattr(hpos.demo, "start_demo", start_demo)
    panel = window._stack.currentWidget()
    assert isinstance(panel, WelcomePanel)
    qtbot.mouseClick(panel.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: threads != [], timeout=WAIT)
    assert threads[0] != threading.get_ident(), "started on a worker, not the GUI thread"
    assert window.status_line.status.text() == "Starting the demo…"
    assert not panel.demo_button.isEnabled(), "a second click cannot start a second one"
    assert not panel.configure_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: window.demo is not None, timeout=WAIT)
    assert window.windowTitle() == "HPOS — DEMO"
    qtbot.waitUntil(lambda: window.controller is not None, timeout=WAIT)
    controller = window.controller
    assert controller is not None
    qtbot.waitUntil(lambda: controller.current_token() is not None, timeout=WAIT)
    assert window.cashier is not None
    qtbot.waitUntil(lambda: bool(window.cashier.catalogue), timeout=WAIT)  # the demo's shop
    assert len(threads) == 1
    server = window.demo.server
    window.close()
    assert server._httpd is None, "the sandbox stopped with the window"


def test_a_demo_that_cannot_start_says_why_and_the_panel_stays(
    qtbot: QtBot, unconfigured: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unconfigured

    def no_port(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError("the demo's sandbox found no port to listen on")

    monkeypatch.setattr(hpos.demo, "start_demo", no_port)
    panel = window._stack.currentWidget()
    assert isinstance(panel, WelcomePanel)
    qtbot.mouseClick(panel.demo_button, Qt.MouseButton.LeftButton)
    expected = (
        "The demo could not start: the demo's sandbox found no port to listen on."
        " Try again, or enter your keys."
    )
    qtbot.waitUntil(lambda: window.status_line.status.text() == expected, timeout=WAIT)
    assert window._stack.currentWidget() is panel
    assert panel.demo_button.isEnabled()
    assert panel.configure_button.isEnabled()
    assert window.demo is None
    assert window.windowTitle() == "HPOS"


def test_a_demo_still_starting_when_the_window_closes_is_stopped(
    qtbot: QtBot, unconfigured: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unconfigured
    real = hpos.demo.start_demo
    release = threading.Event()
    started: list[Any] = []
    entered = threading.Event()

    def start_demo(*args: Any, **kwargs: Any) -> Any:
        entered.set()
        release.wait(WAIT / 1000)
        demo = real(*args, **kwargs)
        started.append(demo)
        return demo

    monkeypatch.setattr(hpos.demo, "start_demo", start_demo)
    panel = window._stack.currentWidget()
    assert isinstance(panel, WelcomePanel)
    qtbot.mouseClick(panel.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(entered.is_set, timeout=WAIT)  # a worker took the job (else it is dropped)
    window.close()  # the worker is still starting it
    release.set()
    qtbot.waitUntil(lambda: started != [], timeout=WAIT)
    qtbot.waitUntil(lambda: started[0].server._httpd is None, timeout=WAIT)
    assert window.demo is None
