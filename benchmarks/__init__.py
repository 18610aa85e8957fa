"""HPOS benchmarks: figures reported by ``python -m benchmarks``, never asserted in tests.

Each module of this package whose name does not start with ``_`` is one
benchmark: it exposes ``NAME`` and ``run(workdir, repeat, quick=False)``
returning a :class:`Benchmark`. Every case is measured several times and
reported as a median with its spread, next to a baseline measured in the same
run on the same data, so a slow machine shows up as a slow baseline rather than
a false regression. ``quick`` shrinks the sizes (the smoke test uses it).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Units whose ratio to a baseline in the same unit is meaningful.
MS = "ms"


@dataclass(frozen=True)
class Case:
    """One measured figure: every run in ``unit``, and the goal it should stay under.

    ``goal_on`` says which figure the goal applies to: "max" (every run must be
    under it) or "median". ``versus``: the figure this one is compared with, when
    not the benchmark's baseline (a benchmark with a before/after pair per figure).
    """

    name: str
    runs: tuple[float, ...]
    goal: float | None = None  # in ``unit``; None: no goal (e.g. the baseline)
    unit: str = MS
    goal_on: str = "max"
    versus: Case | None = field(default=None, repr=False, compare=False)

    @property
    def is_baseline(self) -> bool:
        """A figure others are compared with, listed among the cases (``versus`` is itself)."""
        return self.versus is not None and self.versus.name == self.name

    @property
    def median(self) -> float:
        return float(statistics.median(self.runs))

    @property
    def spread(self) -> tuple[float, float]:
        """(lowest, highest) run."""
        return min(self.runs), max(self.runs)

    @property
    def judged(self) -> float:
        """The figure the goal is checked against."""
        return self.median if self.goal_on == "median" else self.spread[1]

    @property
    def within_goal(self) -> bool | None:
        return None if self.goal is None else self.judged < self.goal

    def ratio(self, baseline: Case) -> float | None:
        """Median over the median of ``versus`` (else ``baseline``), when both are in the
        same unit."""
        baseline = self.versus or baseline
        if baseline.unit != self.unit or baseline.median <= 0:
            return None
        return self.median / baseline.median

    def as_dict(self, baseline: Case) -> dict[str, Any]:
        low, high = self.spread
        ratio = self.ratio(baseline)
        return {
            "name": self.name,
            "unit": self.unit,
            "runs": [round(r, 3) for r in self.runs],
            "median": round(self.median, 3),
            "min": round(low, 3),
            "max": round(high, 3),
            "ratio_to_baseline": None if ratio is None else round(ratio, 4),
            "versus": (self.versus or baseline).name,
            "goal": self.goal,
            "goal_on": self.goal_on,
            "within_goal": self.within_goal,
        }


@dataclass
class Benchmark:
    """The result of one benchmark module: its baseline case, its cases, its set-up facts."""

    name: str
    baseline: Case
    cases: list[Case] = field(default_factory=list)
    setup: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "setup": self.setup,
            "baseline": self.baseline.as_dict(self.baseline),
            "cases": [c.as_dict(self.baseline) for c in self.cases],
        }


def timed(
    name: str,
    action: Callable[[int], object],
    *,
    repeat: int,
    warmup: int = 1,
    goal: float | None = None,
) -> Case:
    """Run ``action(i)`` ``warmup`` times untimed, then ``repeat`` times timed (ms)."""
    for i in range(warmup):
        action(-1 - i)
    runs = []
    for i in range(repeat):
        start = time.perf_counter()
        action(i)
        runs.append((time.perf_counter() - start) * 1000)
    return Case(name, tuple(runs), goal)
