"""The charge benchmark: Enter pressed → QR painted, on the real window, token already cached.

The window runs in this process on a sandbox on loopback, with the demo
account. Each run types an amount on the cashier screen, presses Enter and
stops the clock at the first paint of the QR widget on the payment page; the
sale is then paid in the sandbox and the cashier goes back to a new sale (so no
other sale is being watched during the next charge). Before each charge the
till is left idle until the sandbox has seen no API request for
``QUIET_S`` (the balance refresh that follows PAID has landed), as at a
counter where the next customer steps up: a charge is measured alone.

- baseline: the raw HTTP round trip of one ``POST /payment/`` to the same
  sandbox with ``http.client`` on a kept-alive connection (token fetched once);
- Enter → QR painted, and the overhead over the baseline's median;
- HTTP requests reaching the sandbox per charge (goal: one);
- new TCP connections the app's client opened per charge (goal: none; the
  first connection was opened when the token was fetched at start-up).
"""

from __future__ import annotations

import http.client
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from benchmarks import Benchmark, Case, timed
from benchmarks._qt import (
    PaintProbe,
    close_window,
    make_profile,
    open_window,
    start_sandbox,
    wait_until,
)
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.sandbox.faults import API_PATHS

NAME = "charge"
AMOUNT = "14900"
#: Idle time before each charge (no API request seen by the sandbox).
QUIET_S = 0.3
URLS = {
    "notify_url": "https://hpay.cash/third/notify/",
    "success_url": "https://hpay.cash/third/success/",
    "cancel_url": "https://hpay.cash/third/cancel/",
}


class RawApi:
    """``http.client`` on one kept-alive connection: the floor of a call to the sandbox."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port)
        self.token = str(
            self.post(
                "/getToken/",
                {
                    "api_key": DEMO_ACCOUNT.api_key,
                    "api_public_key": DEMO_ACCOUNT.public_key,
                    "api_secret_key": DEMO_ACCOUNT.secret_key,
                    "mode": "TEST",
                },
            )["token"]
        )

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        self.conn.request(
            "POST", path, json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        answer: dict[str, Any] = json.loads(self.conn.getresponse().read())
        return answer

    def create_payment(self, amount: int = int(AMOUNT)) -> dict[str, Any]:
        body = {
            "api_key": DEMO_ACCOUNT.api_key,
            "public_key": DEMO_ACCOUNT.public_key,
            "mode": "TEST",
            "amount": amount,
            "product_name": "Bench",
            "description": "benchmark",
            "token": self.token,
            **URLS,
        }
        return self.post("/payment/", body)

    def close(self) -> None:
        self.conn.close()


def wait_quiet(server: Any, quiet_s: float) -> None:
    """Run the event loop until the sandbox has had no API request for ``quiet_s``."""
    seen = [api_requests(server.stats()), time.monotonic()]

    def quiet() -> bool:
        stats = server.stats()
        count, now = api_requests(stats), time.monotonic()
        if count != seen[0] or stats["in_flight"]:
            seen[0], seen[1] = count, now
        return now - seen[1] >= quiet_s

    wait_until(quiet, what="quiet sandbox")


def api_requests(stats: dict[str, Any]) -> int:
    """HPAY API requests the sandbox has received (control and checkout pages excluded)."""
    return sum(int(stats["requests"].get(path, 0)) for path in API_PATHS)


def run(workdir: Path, repeat: int, quick: bool = False) -> Benchmark:
    """Charge ``repeat`` times on the real window; the raw POST as the baseline."""
    server = start_sandbox()
    raw = RawApi(server.url)
    window: Any = None
    try:
        baseline = timed(
            "baseline: raw POST /payment/ (http.client)",
            lambda _i: raw.create_payment(),
            repeat=repeat,
        )
        window = open_window(make_profile(workdir / "profile", server.url))
        cashier = window.cashier
        client = window.controller.service.client
        probe = PaintProbe(cashier.payment_page.qr)
        times: list[float] = []
        requests: list[float] = []
        connections: list[float] = []
        server_connections = 0
        for i in range(-1, repeat):  # one untimed warm-up charge
            wait_quiet(server, QUIET_S)
            for key in AMOUNT:
                cashier.press_key(key)
            before, before_conns = server.stats(), client.transport.stats.connections
            probe.arm()
            start = time.perf_counter()
            QTest.keyClick(cashier, Qt.Key.Key_Return)
            wait_until(
                lambda: probe.painted_at is not None and cashier.current_page() == "payment",
                what="QR painted",
            )
            painted = probe.painted_at or start
            after = server.stats()
            if i >= 0:
                times.append((painted - start) * 1000)
                requests.append(api_requests(after) - api_requests(before))
                connections.append(client.transport.stats.connections - before_conns)
                server_connections += after["connections"] - before["connections"]
            sale = cashier.current_sale()
            server.mark_paid(sale.transaction_id)
            wait_until(lambda: cashier.current_page() == "paid", what="paid page")
            cashier.new_sale()
        probe.remove()
        overhead = tuple(t - baseline.median for t in times)
        cases = [
            Case("Enter -> QR painted", tuple(times)),
            Case("overhead over the raw POST", overhead),
            Case("HTTP requests per charge", tuple(requests), goal=1.5, unit="requests"),
            Case("new TCP connections per charge", tuple(connections), goal=0.5, unit="conns"),
        ]
        setup = {
            "amount": AMOUNT,
            "sandbox_new_connections_during_charges": server_connections,
            "client_connections_total": client.transport.stats.connections,
        }
        return Benchmark(NAME, baseline, cases, setup)
    finally:
        raw.close()
        if window is not None:
            close_window(window)
        server.stop()
