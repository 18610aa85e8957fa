"""The demo window restarted with a sale left waiting: its QR still opens (issue 14, point 1).

The first demo charges and closes with the QR up; the second one, on the same demo
folder, listens on the same port, so the recovered sale's QR (its checkout link, kept in
the journal) opens the checkout page. When that port is taken meanwhile, the sandbox
moves, and the demo bar says that the old QR codes no longer open and what to do;
"Simulate customer payment" still pays the sale.
"""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit

import requests
from pytestqt.qtbot import QtBot

from hpos.demo import Demo, start_demo
from hpos.ui.mainwindow.window import MainWindow
from tests.helpers.sandbox import STARTED
from tests.helpers.window import WAIT, charge, ready


def _open(qtbot: QtBot, folder: Path) -> tuple[Demo, MainWindow]:
    demo = start_demo({}, folder)
    STARTED.append(demo.server)  # its tokens are checked against the run's log
    window = MainWindow(demo.profile, demo=demo)
    qtbot.addWidget(window)
    window.show()
    ready(qtbot, window)
    return demo, window


def _leave_a_sale_waiting(qtbot: QtBot, folder: Path) -> tuple[Demo, str]:
    """The first run: a sale charged, the window closed with its QR up, the demo stopped."""
    demo, window = _open(qtbot, folder)
    charge(qtbot, window, "900")
    qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
    link = window.cashier.current_sale().checkout_url
    window.close_now()
    demo.server.stop()
    return demo, link


def test_after_a_restart_the_waiting_sales_qr_still_opens(qtbot: QtBot, tmp_path: Path) -> None:
    first, link = _leave_a_sale_waiting(qtbot, tmp_path)
    demo, window = _open(qtbot, tmp_path)
    try:
        assert demo.server.url == first.server.url, "the port it had last time"
        qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
        assert window.cashier.current_sale().checkout_url == link
        answer = requests.get(link, timeout=10)
        assert answer.status_code == 200
        assert "900" in answer.text
        assert not window._demo_bar.moved.isVisible()
    finally:
        window.close_now()
        demo.server.stop()


def test_when_the_port_is_taken_the_demo_bar_says_old_qr_codes_no_longer_open(
    qtbot: QtBot, tmp_path: Path
) -> None:
    first, _link = _leave_a_sale_waiting(qtbot, tmp_path)
    old = urlsplit(first.server.url)
    with socket.socket() as blocker:  # another program took the port meanwhile
        blocker.bind((old.hostname or "", old.port or 0))
        blocker.listen()
        demo, window = _open(qtbot, tmp_path)
    try:
        assert demo.server.url != first.server.url
        bar = window._demo_bar
        assert bar.moved.isVisible()
        assert bar.moved.text() == (
            "The sandbox moved to a new address: the QR codes of sales made before no longer"
            " open. Use Simulate customer payment to pay a waiting sale."
        )
        assert bar.moved.width() <= window.width()
        qtbot.waitUntil(lambda: window.cashier.current_page() == "payment", timeout=WAIT)
        qtbot.waitUntil(bar.simulate.isEnabled, timeout=WAIT)
        bar.simulate.click()
        qtbot.waitUntil(lambda: window.cashier.current_page() == "paid", timeout=WAIT)
    finally:
        window.close_now()
        demo.server.stop()
