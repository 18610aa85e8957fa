"""Run every benchmark of this folder: ``python -m benchmarks [--repeat N] [--out PATH]``.

Prints one table (median, fastest and slowest run, ratio to the baseline of the
same benchmark, goal) and writes the same figures as JSON to ``--out``.
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


def _modules(only: list[str] | None) -> list[Any]:
    names = sorted(
        m.name for m in pkgutil.iter_modules(benchmarks.__path__) if not m.name.startswith("_")
    )
    chosen = [n for n in names if not only or n in only]
    return [importlib.import_module(f"benchmarks.{n}") for n in chosen]


def _row(bench: str, case: Case, baseline: float) -> list[str]:
    low, high = case.spread
    goal = "" if case.goal is None else f"< {case.goal * 1000:.0f} ms"
    if case.goal is not None:
        goal += " ok" if high < case.goal else " MISSED"
    ms = [f"{v * 1000:.2f}" for v in (case.median, low, high)]
    return [bench, case.name, *ms, f"{case.median / baseline:.1f}x", goal]


def table(results: list[Benchmark]) -> str:
    """The results as a fixed-width text table."""
    head = ["benchmark", "case", "median ms", "min ms", "max ms", "vs baseline", "goal"]
    rows = [head]
    for result in results:
        base = result.baseline.median
        rows += [_row(result.name, c, base) for c in (result.baseline, *result.cases)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            c.ljust(w) if i < 2 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per case (default 7)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results file")
    parser.add_argument("--only", nargs="*", help="benchmark names to run (default: all)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    results: list[Benchmark] = []
    for module in _modules(args.only):
        with tempfile.TemporaryDirectory(prefix=f"hpos-bench-{module.NAME}-") as tmp:
            print(f"running {module.NAME} ...", file=sys.stderr, flush=True)
            results.append(module.run(Path(tmp), args.repeat))
    print(table(results), flush=True)
    for result in results:
        facts = ", ".join(f"{k}={v}" for k, v in result.setup.items())
        print(f"{result.name}: {facts}")
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "repeat": args.repeat,
        "benchmarks": {r.name: r.as_dict() for r in results},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
