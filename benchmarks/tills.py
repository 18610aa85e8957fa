"""The all-tills benchmark: every till of the account over a day of 50,000 payments.

Why (issue 15, point 4): the owner's all-tills view reads HPAY's whole history of a
day. Its memory must stay flat however busy the shop is (the figures are summed page
by page, never kept), and its time must be the reading's, not the grouping's.

The data: a sandbox in a process of its own (:mod:`benchmarks._tills_sandbox`,
filled through its state, no HTTP) with 50,000 payments on one day made by 4 tills
(the descriptions HPOS writes: reference, sale number) and, one in twenty, without
HPOS, 85 % paid; and 5,000 on the day before. Everything is read over loopback HTTP,
100 entries a page, by the real :class:`~hpos.hpay.client.HpayClient` (token cached).

- baseline: raw paging, every page of the day through ``iter_history`` with each
  entry dropped at once (what any reading of the day costs);
- the all-tills report (:func:`hpos.sales.all_tills.build_all_tills`) over the same
  pages: time (goal: median within 1.3x of the baseline's);
- peak memory (``tracemalloc``, Python allocations while the day is read) of the raw
  paging and of the report (goal: median within 1.5x of the raw paging's); for
  scale, the same reading keeping every row in a list (what a non-streaming report
  would hold), and the report over the day before (a tenth of the payments: the same
  peak means memory does not grow with the day).

Memory runs are separate from the timed ones (tracing slows Python down) and at most
:data:`MEMORY_RUNS` of each. The report's figures are checked against the raw count
(every payment of the day in exactly one line).
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, timedelta
from pathlib import Path

from benchmarks import Benchmark, Case, timed
from benchmarks._remote_sandbox import RemoteSandbox
from benchmarks._tills_sandbox import DAY
from hpos.demo import demo_client_config
from hpos.hpay.client import HpayClient
from hpos.sales.all_tills import AllTillsReport, build_all_tills

NAME = "tills"
PAYMENTS = 50_000
PAGE = 100
TIME_GOAL = 1.3  # x the raw paging's median
MEMORY_GOAL = 1.5  # x the raw paging's median peak
MEMORY_RUNS = 2
MB = "MB"


def _raw(client: HpayClient, day: date) -> int:
    """Every page of the day, each entry dropped at once; how many were read."""
    read = 0
    for _entry in client.iter_history(date_from=day, date_to=day, page_size=PAGE):
        read += 1
    return read


def _report(client: HpayClient, day: date) -> AllTillsReport:
    return build_all_tills(client, day, tz=UTC, page_size=PAGE)


def _kept(client: HpayClient, day: date) -> int:
    rows = list(client.iter_history(date_from=day, date_to=day, page_size=PAGE))
    return len(rows)


def _peak_mb(action: Callable[[], object]) -> float:
    """The highest Python allocation (MB) while ``action`` runs, its result included."""
    gc.collect()
    tracemalloc.start()
    try:
        action()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def _memory(name: str, action: Callable[[], object], runs: int, **kwargs: object) -> Case:
    return Case(name, tuple(_peak_mb(action) for _ in range(runs)), unit=MB, **kwargs)  # type: ignore[arg-type]


def run(workdir: Path, repeat: int, quick: bool = False) -> Benchmark:
    """Fill the sandbox's day, then time and trace the raw paging and the report."""
    payments = 2_000 if quick else PAYMENTS
    server = RemoteSandbox(payments, module="benchmarks._tills_sandbox")
    client = HpayClient(demo_client_config(server.url, deadline=60.0))
    before = DAY - timedelta(days=1)
    try:
        client.token()
        read = _raw(client, DAY)
        report = _report(client, DAY)
        counted = sum(t.count for t in report.totals)
        if read != payments or counted != payments:
            raise RuntimeError(f"{payments} payments made, {read} read, {counted} in the report")
        baseline = timed(
            "baseline: raw paging (iter_history)", lambda _i: _raw(client, DAY), repeat=repeat
        )
        took = timed("all-tills report", lambda _i: _report(client, DAY), repeat=repeat)
        took = replace(took, goal=TIME_GOAL * baseline.median, goal_on="median")
        runs = min(repeat, MEMORY_RUNS)
        raw_peak = _memory("raw paging: peak memory", lambda: _raw(client, DAY), runs)
        raw_peak = replace(raw_peak, versus=raw_peak)
        cases = [
            took,
            raw_peak,
            _memory(
                "all-tills report: peak memory",
                lambda: _report(client, DAY),
                runs,
                goal=MEMORY_GOAL * raw_peak.median,
                goal_on="median",
                versus=raw_peak,
            ),
            _memory(
                "for scale: every row kept (list)",
                lambda: _kept(client, DAY),
                runs,
            ),  # no ratio: a figure for scale, not a result (never the "worst ratio")
            _memory(
                f"all-tills report, {payments // 10} payments: peak memory",
                lambda: _report(client, before),
                runs,
                versus=raw_peak,
            ),
        ]
        setup = {
            "payments_on_the_day": payments,
            "payments_the_day_before": payments // 10,
            "page_size": PAGE,
            "pages": report.pages_read,
            "tills": len(report.tills),
            "not_from_hpos": report.not_hpos_count,
            "memory_runs": runs,
            "sandbox_fill_s": round(server.fill_s, 1),
            "sandbox": "separate process",
        }
        return Benchmark(NAME, baseline, cases, setup)
    finally:
        client.close()
        server.close()
