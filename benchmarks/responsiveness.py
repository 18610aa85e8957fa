"""The responsiveness benchmark: the GUI thread's longest pause while the network is slow.

A 5 ms precise timer beats on the GUI thread of the real window; the figure is
the longest gap between two beats. After the token is cached, the sandbox adds
``LATENCY`` seconds to every API call (a ``latency`` fault on ``*``), then each
run measures:

- charging: Enter → the QR shown (one slow ``/payment/``);
- watching: ``WATCH`` seconds on the QR while the watcher's checks are slow;
- loading history: F2 → the first HPAY page shown, then scrolling to the end of
  what is loaded and waiting for the next page (two slow requests).

Baseline: the same heartbeat over the window left idle. Goal: no gap over 50 ms.
The slow runs are capped at ``SLOW_RUNS`` (each takes about 13 s).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from benchmarks import Benchmark, Case
from benchmarks._qt import (
    Heartbeat,
    close_window,
    make_profile,
    open_window,
    spin,
    start_sandbox,
    wait_until,
)
from benchmarks.charge import AMOUNT, RawApi

NAME = "responsiveness"
LATENCY = 3.0  # seconds added to every API call
WATCH = 4.0  # seconds watched on the QR
GOAL_MS = 50.0
HISTORY_PAYMENTS = 120  # enough for more than one page of 50
SLOW_RUNS = 3  # at most: each run takes about 4 latencies plus WATCH


def _charging(window: Any, beat: Heartbeat) -> float:
    cashier = window.cashier
    for key in AMOUNT:
        cashier.press_key(key)
    with beat.measuring():
        QTest.keyClick(cashier, Qt.Key.Key_Return)
        wait_until(lambda: cashier.current_page() == "payment", what="QR shown")
    return beat.max_gap_ms


def _watching(window: Any, beat: Heartbeat, seconds: float) -> float:
    with beat.measuring():
        spin(seconds)
    window.cashier.new_sale()
    return beat.max_gap_ms


def _history(window: Any, beat: Heartbeat) -> float:
    pane = window.history
    model = pane.model
    with beat.measuring():
        window.toggle_history()  # F2: HPAY source, first page in the background
        wait_until(lambda: model.rowCount() > 0 and not model.is_loading, what="history page")
        shown = model.rowCount()
        pane.view.scrollToBottom()  # the view asks for the next page (fetchMore)
        wait_until(lambda: model.rowCount() > shown or not model.has_more, what="next history page")
    window.toggle_history()
    return beat.max_gap_ms


def run(workdir: Path, repeat: int, quick: bool = False) -> Benchmark:
    """``repeat`` runs of charge, watch and history with every call slowed by LATENCY."""
    latency = 0.2 if quick else LATENCY
    watch = 0.5 if quick else WATCH
    server = start_sandbox()
    raw = RawApi(server.url)
    window: Any = None
    try:
        for _ in range(HISTORY_PAYMENTS):
            raw.create_payment()
        window = open_window(make_profile(workdir / "profile", server.url))
        spin(0.5)  # the start-up balance request is answered before the latency starts
        beat = Heartbeat()
        idle = []
        for _ in range(repeat):
            with beat.measuring():
                spin(1.0 if not quick else 0.2)
            idle.append(beat.max_gap_ms)
        server.add_fault("*", "latency", seconds=latency)
        charging, watching, history = [], [], []
        started = time.perf_counter()
        for _ in range(min(repeat, SLOW_RUNS)):
            charging.append(_charging(window, beat))
            watching.append(_watching(window, beat, watch))
            history.append(_history(window, beat))
        elapsed = time.perf_counter() - started
        server.clear_faults()
        cases = [
            Case("longest gap: charging", tuple(charging), goal=GOAL_MS),
            Case("longest gap: watching the QR", tuple(watching), goal=GOAL_MS),
            Case("longest gap: loading history pages", tuple(history), goal=GOAL_MS),
        ]
        setup = {
            "latency_s": latency,
            "watch_s": watch,
            "heartbeat_ms": 5,
            "hpay_history_payments": HISTORY_PAYMENTS,
            "slow_phase_s": round(elapsed, 1),
        }
        baseline = Case("baseline: longest gap, window idle", tuple(idle))
        return Benchmark(NAME, baseline, cases, setup)
    finally:
        raw.close()
        if window is not None:
            close_window(window)
        server.stop()
