"""HPOS benchmarks: timings reported by ``python -m benchmarks``, never asserted in tests.

Each module of this package (except ``__main__``) is one benchmark: it exposes
``NAME`` and ``run(workdir, repeat) -> Benchmark``. Every case is timed several
times and reported as a median with its spread, next to a baseline measured in
the same run on the same data, so a slow machine shows up as a slow baseline
rather than a false regression.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Case:
    """One timed operation: every run in seconds, and the goal it should stay under."""

    name: str
    runs: tuple[float, ...]
    goal: float | None = None  # seconds; None: no goal (the baseline)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        """(fastest, slowest) run."""
        return min(self.runs), max(self.runs)

    def as_dict(self, baseline: float) -> dict[str, Any]:
        low, high = self.spread
        return {
            "name": self.name,
            "runs_ms": [round(r * 1000, 3) for r in self.runs],
            "median_ms": round(self.median * 1000, 3),
            "min_ms": round(low * 1000, 3),
            "max_ms": round(high * 1000, 3),
            "ratio_to_baseline": round(self.median / baseline, 2) if baseline else None,
            "goal_ms": None if self.goal is None else self.goal * 1000,
            "within_goal": None if self.goal is None else high < self.goal,
        }


@dataclass
class Benchmark:
    """The result of one benchmark module: its baseline case, its cases, its set-up facts."""

    name: str
    baseline: Case
    cases: list[Case] = field(default_factory=list)
    setup: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        base = self.baseline.median
        return {
            "setup": self.setup,
            "baseline": self.baseline.as_dict(base),
            "cases": [c.as_dict(base) for c in self.cases],
        }


def timed(
    name: str,
    action: Callable[[int], object],
    *,
    repeat: int,
    warmup: int = 1,
    goal: float | None = None,
) -> Case:
    """Run ``action(i)`` ``warmup`` times untimed, then ``repeat`` times timed."""
    for i in range(warmup):
        action(-1 - i)
    runs = []
    for i in range(repeat):
        start = time.perf_counter()
        action(i)
        runs.append(time.perf_counter() - start)
    return Case(name, tuple(runs), goal)
