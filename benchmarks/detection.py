"""The payment-detection benchmark: the sandbox marks a sale paid → the PAID screen is painted.

The real window with the watcher's real (default) policy: one status request
per second while the customer is likely scanning. Each run charges, waits a
random time on the QR (so the payment lands anywhere between two polls), marks
the payment paid in the sandbox and stops the clock at the first paint of the
PAID page.

- baseline: the floor of any 1 s polling design: a thread polling
  ``/getPaymentHistory/`` with raw ``http.client`` at the policy's interval,
  same random phase;
- mark paid → PAID painted (goal: median under 1.5 s);
- status requests per minute while the QR is up;
- the most API requests the sandbox answered at once while waiting (goal: one).
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks import Benchmark, Case
from benchmarks._qt import PaintProbe, close_window, make_profile, open_window, spin, start_sandbox
from benchmarks._qt import wait_until as wait_qt
from benchmarks.charge import AMOUNT, RawApi
from hpos.sales.watcher import WatchPolicy
from hpos.sandbox.accounts import DEMO_ACCOUNT

NAME = "detection"
HISTORY = "/getPaymentHistory/"


def _raw_detection(raw: RawApi, server: Any, interval: float, phase: float) -> float:
    """ms from mark-paid to a raw poller at ``interval`` seeing PAID; paid ``phase`` s in."""
    txid = str(raw.create_payment()["transaction_id"])
    body = {
        "api_key": DEMO_ACCOUNT.api_key,
        "public_key": DEMO_ACCOUNT.public_key,
        "mode": "TEST",
        "token": raw.token,
        "transaction_id": txid,
    }
    paid = threading.Event()
    seen_at: list[float] = []

    def poll() -> None:
        give_up = time.monotonic() + 30
        while time.monotonic() < give_up:
            entries = raw.post(HISTORY, body).get("history", [])
            if paid.is_set() and any(e.get("status") == "PAID" for e in entries):
                seen_at.append(time.perf_counter())
                return
            time.sleep(interval)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    time.sleep(phase)
    server.mark_paid(txid)
    paid_at = time.perf_counter()
    paid.set()
    thread.join(30)
    if not seen_at:
        raise RuntimeError("the raw poller never saw the payment PAID")
    return (seen_at[0] - paid_at) * 1000


def _baseline(server: Any, repeat: int, interval: float, rng: random.Random, quick: bool) -> Case:
    raw = RawApi(server.url)
    try:
        runs = [
            _raw_detection(raw, server, interval, 0.2 if quick else rng.uniform(1.0, 2.0))
            for _ in range(repeat)
        ]
    finally:
        raw.close()
    return Case(f"baseline: raw poll every {interval:g} s sees PAID", tuple(runs))


def run(workdir: Path, repeat: int, quick: bool = False) -> Benchmark:
    """``repeat`` sales paid at a random moment; the raw 1 s poller as the baseline."""
    rng = random.Random(7)
    policy = WatchPolicy()
    server = start_sandbox()
    window: Any = None
    try:
        baseline = _baseline(server, repeat, policy.fast_interval, rng, quick)
        window = open_window(make_profile(workdir / "profile", server.url))
        cashier = window.cashier
        probe = PaintProbe(cashier.paid_page)
        times: list[float] = []
        rates: list[float] = []
        peaks: list[float] = []
        for _ in range(repeat):
            for key in AMOUNT:
                cashier.press_key(key)
            cashier.charge()
            wait_qt(lambda: cashier.current_page() == "payment", what="payment page")
            shown = time.perf_counter()
            polls_before = server.stats()["requests"].get(HISTORY, 0)
            server.reset_peak()
            spin(rng.uniform(1.5, 3.0) if not quick else 0.3)
            probe.arm()
            server.mark_paid(cashier.current_sale().transaction_id)
            paid = time.perf_counter()
            wait_qt(
                lambda: cashier.current_page() == "paid" and probe.painted_at is not None,
                what="PAID painted",
            )
            stats = server.stats()
            polls = stats["requests"].get(HISTORY, 0) - polls_before
            times.append(((probe.painted_at or paid) - paid) * 1000)
            rates.append(polls / (time.perf_counter() - shown) * 60)
            peaks.append(stats["max_in_flight"])
            cashier.new_sale()
        probe.remove()
        cases = [
            Case("mark paid -> PAID painted", tuple(times), goal=1500.0, goal_on="median"),
            Case("status requests per minute while waiting", tuple(rates), unit="req/min"),
            Case(
                "max API requests in flight while waiting", tuple(peaks), goal=1.5, unit="requests"
            ),
        ]
        setup = {
            "fast_interval_s": policy.fast_interval,
            "fast_period_s": policy.fast_period,
            "max_interval_s": policy.max_interval,
        }
        return Benchmark(NAME, baseline, cases, setup)
    finally:
        if window is not None:
            close_window(window)
        server.stop()
