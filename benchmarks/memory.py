"""The memory benchmark: resident set after start-up and after 1,000 sales.

The same child process as the start-up benchmark (``benchmarks/_app_child.py``),
in the same isolated environment, reading ``VmRSS`` from ``/proc/self/status``
once the main window is first painted and the loop idle, and (HPOS) again
after ``SALES`` sales taken on the cashier screen, each paid in the sandbox
(which runs in this process, so its memory is not counted). For those sales
the child's watcher checks every 20 ms instead of every second, so 1,000 sales
take about a minute rather than 17.

- baseline: the bare PySide6 window (QMainWindow + one QLabel);
- HPOS after start-up;
- HPOS after ``SALES`` sales, and the growth per 1,000 sales over the second
  half of them: the first few hundred sales add ~25 MB once (native memory:
  tracemalloc sees ~3 MB of Python objects over them; the resident set is then
  flat from sale 250 to 3,000), so the second half shows whether anything keeps
  growing.

The run after the sales is repeated at most ``SALES_RUNS`` times (it is long).
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import Benchmark, Case
from benchmarks._qt import start_sandbox
from benchmarks.startup import child_env, launch

NAME = "memory"
SALES = 1_000
SALES_RUNS = 2


def run(workdir: Path, repeat: int, quick: bool = False) -> Benchmark:
    """``repeat`` bare and HPOS starts; up to SALES_RUNS runs with SALES sales."""
    sales = 10 if quick else SALES
    server = start_sandbox()
    try:
        env = child_env(workdir, server.url)
        bare = [launch("bare", env)["ready_rss_kb"] / 1024 for _ in range(repeat)]
        started = [launch("hpos", env)["ready_rss_kb"] / 1024 for _ in range(repeat)]
        after, growth, warm_up = [], [], []
        for i in range(min(repeat, SALES_RUNS)):
            fresh = child_env(workdir / f"sales-{i}", server.url)  # an empty journal each time
            figures = launch("hpos", fresh, sales)
            after.append(figures["sales_rss_kb"] / 1024)
            half = figures["half_rss_kb"]
            warm_up.append((half - figures["ready_rss_kb"]) / 1024)
            growth.append((figures["sales_rss_kb"] - half) / 1024 * 1000 / (sales - sales // 2))
        cases = [
            Case("HPOS after start-up", tuple(started), unit="MB"),
            Case(f"HPOS after {sales} sales", tuple(after), unit="MB"),
            Case(f"growth over the first {sales // 2} sales", tuple(warm_up), unit="MB"),
            Case("growth per 1,000 sales after them", tuple(growth), unit="MB/1000 sales"),
        ]
        setup = {
            "sales": sales,
            "sales_runs": len(after),
            "payments_in_sandbox": len(server.payments()),
        }
        return Benchmark(
            NAME, Case("baseline: bare PySide6 window", tuple(bare), unit="MB"), cases, setup
        )
    finally:
        server.stop()
