"""Run every benchmark: ``python -m benchmarks [--repeat N] [--only NAME ...] [--out PATH]``.

Prints one table (median, lowest and highest run, unit, ratio to the baseline
of the same benchmark, goal and whether it is met), the set-up facts of each
benchmark, the worst ratio and every missed goal, and writes the same figures
as JSON to ``--out``. ``--quick`` shrinks every size (a smoke run, not figures).
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import benchmarks
from benchmarks import Benchmark, Case

DEFAULT_OUT = Path(benchmarks.__file__).parent / "results.json"


def names() -> list[str]:
    """Every benchmark module's name, in the order they run."""
    return sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if not m.name.startswith("_")
    )


def _modules(only: list[str] | None) -> list[Any]:
    chosen = [n for n in names() if not only or n in only]
    return [importlib.import_module(f"benchmarks.{n}") for n in chosen]


def _num(value: float) -> str:
    return f"{value:.2f}" if abs(value) < 100 else f"{value:.0f}"


def _row(bench: str, case: Case, baseline: Case) -> list[str]:
    low, high = case.spread
    ratio = case.ratio(baseline)
    goal = ""
    if case.goal is not None:
        where = "median " if case.goal_on == "median" else ""
        goal = f"{where}< {_num(case.goal)} {'ok' if case.within_goal else 'MISSED'}"
    cells = [_num(v) for v in (case.median, low, high)]
    return [bench, case.name, *cells, case.unit, _ratio(ratio), goal]


def _ratio(ratio: float | None) -> str:
    """ "2.5x"; under 0.1 two significant digits ("0.0033x"), not "0.0x"."""
    if ratio is None:
        return ""
    return f"{ratio:.1f}x" if ratio >= 0.1 or ratio == 0 else f"{ratio:.2g}x"


def table(results: list[Benchmark]) -> str:
    """The results as a fixed-width text table."""
    head = ["benchmark", "case", "median", "min", "max", "unit", "vs baseline", "goal"]
    rows = [head]
    for result in results:
        rows += [_row(result.name, c, result.baseline) for c in (result.baseline, *result.cases)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            c.ljust(w) if i in (0, 1, 5, 7) else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def verdict(results: list[Benchmark]) -> list[str]:
    """The worst ratio to a baseline, and every missed goal with by how much."""
    lines = []
    ratios = [
        (c.ratio(r.baseline) or 0.0, r.name, c.name)
        for r in results
        for c in r.cases
        if not c.is_baseline
    ]
    if ratios:
        ratio, bench, case = max(ratios)
        lines.append(f"worst ratio: {ratio:.1f}x  {bench} / {case}")
    for r in results:
        for c in r.cases:
            if c.within_goal is False:
                over = c.judged - (c.goal or 0.0)
                lines.append(
                    f"MISSED: {r.name} / {c.name}: {c.goal_on} {_num(c.judged)} {c.unit}"
                    f" vs goal {_num(c.goal or 0.0)} (over by {_num(over)} {c.unit})"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="measured runs per case (default 5)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results file")
    parser.add_argument("--only", nargs="*", choices=names(), help="benchmarks to run (all)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    results: list[Benchmark] = []
    for module in _modules(args.only):
        with tempfile.TemporaryDirectory(prefix=f"hpos-bench-{module.NAME}-") as tmp:
            print(f"running {module.NAME} ...", file=sys.stderr, flush=True)
            results.append(module.run(Path(tmp), args.repeat, quick=args.quick))
    print(table(results), flush=True)
    for result in results:
        facts = ", ".join(f"{k}={v}" for k, v in result.setup.items())
        print(f"{result.name}: {facts}")
    for line in verdict(results):
        print(line)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "repeat": args.repeat,
        "quick": args.quick,
        "benchmarks": {r.name: r.as_dict() for r in results},
        "verdict": verdict(results),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
