"""A child process for ``test_quit_signals`` (run by path, not imported by the tests).

``python tests/integration/quit_child.py CONFIG_DIR charge|show``

Starts the real app on the demo (``run_app(demo=True)``, its profile under CONFIG_DIR)
and, once the till is ready: ``charge`` charges 2500 and prints ``AWAITING <sale number>``
when its QR is up; ``show`` prints ``SHOWN <page> <sale number or ->``. Then it stops
watching (no timer of its own runs any more: a signal must wake the event loop by
itself) and waits for the parent's SIGTERM or SIGINT.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    config, action = Path(sys.argv[1]), sys.argv[2]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from hpos.ui.app import run_app
    from hpos.ui.mainwindow.window import MainWindow

    charged = False

    def poll() -> None:
        nonlocal charged
        win = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if win is None or win.controller is None or not win.controller.is_ready:
            return
        cashier = win.cashier
        if action == "charge":
            if not charged:
                charged = True
                for digit in "2500":
                    cashier.press_key(digit)
                cashier.charge()
            elif cashier.current_page() == "payment":
                timer.stop()
                print(f"AWAITING {cashier.current_sale().sale_number}", flush=True)
        elif win._wiring.last_awaiting is not None or cashier.notice_text():
            timer.stop()
            sale = cashier.current_sale()
            number = sale.sale_number if sale is not None else "-"
            print(f"SHOWN {cashier.current_page()} {number}", flush=True)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    return run_app(demo=True, config_dir=config, argv=sys.argv[:1])


if __name__ == "__main__":
    sys.exit(main())
