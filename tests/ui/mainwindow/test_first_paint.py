"""What the window shows at its first paint, and what waits until right after it.

The first screen (the cashier's keypad, the menus with every shortcut, the status bar) is
there at the first paint; what nothing on it needs (the sockets of the SIGTERM wake-up,
the demo, the receipts and file dialogs' folders, the quit question, the journal banner,
the customer display's manager, the other cashier pages) is loaded right after it (the
owner's pages only when the Owner menu opens them), and works the same
(docs/ARCHITECTURE.md, "waiting until after" the first paint). Checked in a fresh process,
as the start-up benchmark starts the app.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.cli import PY
from tests.helpers.profiles import make_profile
from tests.helpers.window import WAIT, key

#: Modules nothing on the first screen needs: none is loaded before the first paint.
AFTER_FIRST_PAINT = (
    "socket",
    "hpos.demo",
    "hpos.ui.quit_signals",
    "hpos.ui.display_check",
    "hpos.ui.receipts.actions",
    "hpos.ui.folders",
    "hpos.ui.mainwindow.quit",
    "hpos.ui.mainwindow.journal_banner",
    "hpos.ui.customer.display",
    "hpos.ui.cashier.charging",
    "hpos.ui.cashier.payment",
    "hpos.ui.cashier.result",
    "hpos.ui.cashier.wording",
    "hpos.ui.cashier.tiles",  # the quick keys, cart, search and scanner: with a catalogue
    "hpos.ui.cashier.cart",
    "hpos.ui.cashier.search",
    "hpos.ui.cashier.scanner",
    "hpos.ui.widgets.qr",
    "hpos.profile.pin",
    "hpos.sales.lock",
    "hpos.ui.owner.closing",  # Owner → Close the day… and All tills…: built on first use
    "hpos.ui.owner.tills",
)

CHILD = """
import json, signal, sys
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

WATCH = json.loads(sys.argv[1])
seen = {}


def loaded():
    return sorted(name for name in WATCH if name in sys.modules)


def screen(win):
    menus = {a.objectName(): a.shortcut().toString() for a in win.menus.view_menu.actions()}
    return {
        "charge": win.cashier.entry_page.charge_button.text(),
        "charge_visible": win.cashier.entry_page.charge_button.isVisible(),
        "customer_display_key": menus.get("customerDisplayAction"),
        "demo_bar": win._demo_bar is not None,
    }


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if "at_paint" not in seen and event.type() == QEvent.Type.Paint:
            win = watched.window() if isinstance(watched, QWidget) else None
            if isinstance(win, QMainWindow):
                seen["at_paint"] = loaded()
                seen["screen"] = screen(win)
                seen["sigterm_at_paint"] = signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
                QTimer.singleShot(0, lambda: after(win))
        return False


def after(win):
    pages = win.cashier._pages
    if win._customer_display is None or len(pages) < 5 or win.controller.current_token() is None:
        QTimer.singleShot(20, lambda: after(win))  # what waits for the first paint, then HPAY
        return
    seen["after"] = loaded()
    seen["sigterm_after"] = signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    seen["display_action_is_the_menus"] = (
        win.customer_display.action.objectName() == "customerDisplayAction"
    )
    print(json.dumps(seen), flush=True)
    win.close_now()


QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
app = QApplication(sys.argv[:1])
probe = FirstPaint()
app.installEventFilter(probe)
QTimer.singleShot(60_000, app.quit)
from hpos.ui.app import run_app

sys.exit(run_app(argv=sys.argv[:1]))
"""


def test_the_first_screen_is_painted_before_what_it_does_not_need(
    tmp_path: Path, sandbox: Any
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "HPOS_CONFIG_DIR": str(tmp_path / "profile"),
        "HPOS_API_URL": sandbox.url,
        "HPOS_API_KEY": DEMO_ACCOUNT.api_key,
        "HPOS_PUBLIC_KEY": DEMO_ACCOUNT.public_key,
        "HPOS_SECRET_KEY": DEMO_ACCOUNT.secret_key,
        "HPOS_MODE": "TEST",
    }
    done = subprocess.run(
        [PY, "-c", CHILD, json.dumps(AFTER_FIRST_PAINT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    # the first screen, whole, at the first paint: the keypad's Charge, the menu's shortcut
    assert seen["screen"] == {
        "charge": "Charge",
        "charge_visible": True,
        "customer_display_key": "Ctrl+Shift+D",
        "demo_bar": False,  # no demo: no DEMO bar, not even hidden
    }
    assert seen["at_paint"] == [], "loaded before the first paint though nothing shown needs it"
    assert seen["sigterm_at_paint"], "no sale can be open before the first paint"
    # right after it: SIGTERM closes the app gracefully, the pages and the display are there
    assert not seen["sigterm_after"]
    assert "hpos.ui.quit_signals" in seen["after"]
    assert {"hpos.ui.customer.display", "hpos.ui.cashier.payment"} <= set(seen["after"])
    assert seen["display_action_is_the_menus"]


@pytest.fixture
def unshown(qtbot: QtBot, tmp_path: Path, sandbox: Any) -> MainWindow:
    profile = make_profile(tmp_path / "profile", sandbox.url)
    win = MainWindow(profile)
    qtbot.addWidget(win)
    return win


def test_ctrl_shift_d_opens_the_customer_window_before_its_manager_was_built(
    qtbot: QtBot, unshown: MainWindow
) -> None:
    """The shortcut is there from the start: pressed before the manager is built (right
    after the first paint), it builds it and opens the customer's window."""
    win = unshown
    assert win._customer_display is None, "built after the first paint"
    win.show()  # not painted yet: the event loop has not run
    assert win._customer_display is None
    key(win, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win._customer_display is not None, "the shortcut built it"
    manager = win.customer_display
    qtbot.waitUntil(
        lambda: manager.display is not None and manager.display.isVisible(), timeout=WAIT
    )
    assert manager.display is not None
    assert manager.display.windowTitle() == "HPOS — customer display"
    assert manager.action.isChecked()
    assert [a for a in win.menus.view_menu.actions() if a is manager.action], "one action, in View"
    manager.action.trigger()  # View → Customer display again: closed
    assert not manager.display.isVisible()
    assert not manager.action.isChecked()
