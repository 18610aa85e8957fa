"""Screenshots of the real HPOS window at 1024×600, for docs/ and the README.

Run under a virtual X server (the window is a real X11 window, the pictures are
grabs of the X screen):

    xvfb-run -a -s "-screen 0 1024x600x24" .venv/bin/python scripts/screenshots.py

It starts the demo (built-in sandbox, a throw-away profile), takes a sale from
the keypad to the QR to PAID, then shows the history and the settings dialog,
and writes docs/screenshots/*.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def wait_for(
    app: QApplication, condition: Callable[[], bool], what: str, timeout: float = 20
) -> None:
    """Spin the event loop until ``condition()`` holds."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"screenshots: timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.02)


def shot(app: QApplication, name: str, settle: float = 0.4) -> None:
    """Grab the whole X screen into docs/screenshots/<name>.png."""
    end = time.monotonic() + settle
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    screen = QGuiApplication.primaryScreen()
    path = OUT / f"{name}.png"
    if not screen.grabWindow(0).save(str(path)):
        raise SystemExit(f"screenshots: could not write {path}")
    print(f"wrote {path.relative_to(ROOT)}")


def main() -> int:
    """Drive the demo and take the pictures."""
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ["HPOS_CONFIG_DIR"] = tempfile.mkdtemp(prefix="hpos-shots-")
    from hpos.ui.app import start_demo
    from hpos.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    demo = start_demo(os.environ)
    window = MainWindow(demo.profile, demo=demo)
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    window.show()
    cashier = window.cashier
    wait_for(app, lambda: window.controller.current_token() is not None, "the HPAY token")
    cashier.activateWindow()
    cashier.setFocus()
    QTest.keyClicks(cashier, "14900")
    shot(app, "cashier-keypad")
    QTest.keyClick(cashier, Qt.Key.Key_Return)
    wait_for(app, lambda: cashier.current_page() == "payment", "the QR page")
    shot(app, "cashier-qr")
    window.simulate_payment()
    wait_for(app, lambda: cashier.current_page() == "paid", "the PAID page")
    shot(app, "cashier-paid", settle=0.2)
    window.toggle_history()
    wait_for(app, lambda: len(window.history.shown_rows()) > 0, "history rows")
    shot(app, "history")
    from hpos.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.profile, window.runner, parent=window)
    dialog.show()
    wait_for(app, dialog.is_loaded, "the settings to load")
    shot(app, "settings")
    dialog.reject()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
