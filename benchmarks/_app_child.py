"""A child process for the start-up and memory benchmarks (run by path, not imported).

``python benchmarks/_app_child.py bare|hpos [SALES]``

Starts either a bare PySide6 window (a QMainWindow with one QLabel) or the real
HPOS app through :func:`hpos.ui.app.run_app` (its profile comes from the
environment the parent sets: a temporary ``HPOS_CONFIG_DIR`` and the sandbox's
demo keys in ``HPOS_*`` variables). When the main window's first paint event
has happened and the event loop is idle again, it prints one line
``READY <VmRSS kB>`` on stdout. With SALES > 0 (hpos only) it then takes that
many sales through the cashier screen — each paid in the sandbox through its
``/_sandbox/pay`` control — and prints ``HALF <VmRSS kB>`` half-way and
``SALES <VmRSS kB>`` at the end. Then it closes the window and exits.

Only the standard library and what each mode needs are imported before the
window is up: the parent times this process from its start to ``READY``.
"""

from __future__ import annotations

import sys


def rss_kb() -> int:
    """This process's resident set size in kB (Linux ``/proc/self/status`` VmRSS)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    mode = sys.argv[1]
    sales = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

    class Ready(QObject):
        """Prints READY once a QMainWindow's first paint is done and the loop is idle."""

        def __init__(self) -> None:
            super().__init__()
            self.window: QMainWindow | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.window is None and event.type() == QEvent.Type.Paint:
                top = watched.window() if isinstance(watched, QWidget) else None
                if isinstance(top, QMainWindow):
                    self.window = top
                    QTimer.singleShot(0, self.ready)
            return False

        def ready(self) -> None:
            print(f"READY {rss_kb()}", flush=True)
            QTimer.singleShot(0, self.after)

        def after(self) -> None:
            if sales and self.window is not None:
                take_sales(self.window, sales)
                print(f"SALES {rss_kb()}", flush=True)
            for widget in QApplication.topLevelWidgets():
                widget.close()
            QApplication.quit()

    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv[:1])
    probe = Ready()
    app.installEventFilter(probe)
    if mode == "bare":
        window = QMainWindow()
        window.setCentralWidget(QLabel("HPOS"))
        window.resize(1024, 600)
        window.show()
        return int(app.exec())
    if sales:
        fast_watcher()
    from hpos.ui.app import run_app

    return run_app(argv=sys.argv[:1])


def fast_watcher() -> None:
    """Check awaiting sales every 20 ms, so 1,000 paid sales take seconds, not 17 minutes."""
    import functools

    from hpos.sales import watcher

    watcher.WatchPolicy = functools.partial(  # type: ignore[misc]
        watcher.WatchPolicy, fast_interval=0.02, max_interval=0.05
    )


def take_sales(window: object, count: int) -> None:
    """``count`` sales on the cashier screen, each paid in the sandbox, back to a new sale."""
    import json
    import os
    import time
    import urllib.request

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    def wait(condition: object, what: str) -> None:
        deadline = time.monotonic() + 30
        while not condition():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.001)

    controller = window.controller  # type: ignore[attr-defined]
    cashier = window.cashier  # type: ignore[attr-defined]
    wait(lambda: controller.current_token() is not None, "token")
    pay_url = os.environ["HPOS_API_URL"] + "/_sandbox/pay"
    for n in range(count):
        if n == count // 2:
            print(f"HALF {rss_kb()}", flush=True)
        for key in str(500 + n % 50 * 100):
            cashier.press_key(key)
        cashier.charge()
        wait(lambda: cashier.current_page() == "payment", "payment page")
        body = json.dumps({"transaction_id": cashier.current_sale().transaction_id}).encode()
        headers = {"Content-Type": "application/json"}
        request = urllib.request.Request(pay_url, data=body, headers=headers)  # noqa: S310
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 (loopback)
            answer.read()
        wait(lambda: cashier.current_page() == "paid", "paid page")
        cashier.new_sale()


if __name__ == "__main__":
    sys.exit(main())
