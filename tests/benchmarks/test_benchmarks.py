"""A smoke run of every benchmark: tiny sizes, one run, the JSON's shape (never a time).

``python -m benchmarks --quick --repeat 1`` runs every module for real (the app
in child processes, the window on a sandbox, the history pane, the journal);
this test checks that each one produced its baseline and cases with figures of
the right kind, and that the table and the verdict were printed.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks import Benchmark, Case
from benchmarks.__main__ import main, names, table, verdict

EXPECTED = {
    "catalogue",
    "charge",
    "detection",
    "history",
    "journal",
    "memory",
    "qr",
    "reconcile",
    "responsiveness",
    "startup",
    "tills",
}
#: Figures that may be zero (counts of things that should not happen) or, being a
#: difference, negative in a tiny run.
MAY_BE_ZERO = ("new TCP connections", "overhead", "growth", "after: pages read again")


def test_every_benchmark_runs_and_writes_its_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bench.json"
    assert main(["--quick", "--repeat", "1", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report["benchmarks"]) == EXPECTED
    assert set(names()) == EXPECTED
    assert report["repeat"] == 1
    assert report["quick"] is True
    assert report["verdict"][0].startswith("worst ratio: ")
    for name, bench in report["benchmarks"].items():
        assert name in printed
        base = bench["baseline"]
        assert base["ratio_to_baseline"] == 1.0
        assert base["median"] > 0, name
        assert bench["cases"], name
        assert isinstance(bench["setup"], dict)
        for case in (base, *bench["cases"]):
            assert case["runs"], (name, case["name"])
            assert all(math.isfinite(v) for v in case["runs"]), (name, case["name"])
            assert case["min"] <= case["median"] <= case["max"]
            if not case["name"].startswith(MAY_BE_ZERO):
                assert case["min"] > 0, (name, case["name"])
            if case["goal"] is not None:
                assert isinstance(case["within_goal"], bool)
    startup = report["benchmarks"]["startup"]
    assert startup["cases"][0]["name"] == "HPOS window, first paint"
    assert startup["cases"][0]["unit"] == "ms"
    charge = {c["name"]: c for c in report["benchmarks"]["charge"]["cases"]}
    assert charge["HTTP requests per charge"]["unit"] == "requests"
    assert charge["new TCP connections per charge"]["min"] >= 0
    reconcile = report["benchmarks"]["reconcile"]
    assert reconcile["baseline"]["unit"] == "requests"
    pairs = {c["name"]: c for c in reconcile["cases"]}
    for name, case in pairs.items():
        if name.startswith("after: ") and not name.startswith("after: first check"):
            before = pairs["before: " + name.removeprefix("after: ")]
            assert case["versus"] == before["name"] == before["versus"], name
            assert case["unit"] == before["unit"], name
    later = pairs["after: later check, nothing changed"]
    assert later["max"] <= 2, "request counts do not depend on the machine"


def test_table_and_verdict_name_missed_goals_and_the_worst_ratio() -> None:
    base = Case("baseline", (1.0, 2.0, 3.0))
    slow = Case("slow", (10.0, 12.0, 30.0), goal=20.0)
    fine = Case("fine", (1.0,), goal=1.5, unit="requests")
    result = Benchmark("demo", base, [slow, fine], {"size": 3})
    text = table([result])
    assert "6.0x" in text  # 12 / 2
    assert "< 20.00 MISSED" in text
    assert "< 1.50 ok" in text
    lines = verdict([result])
    assert lines[0] == "worst ratio: 6.0x  demo / slow"
    assert lines[1] == "MISSED: demo / slow: max 30.00 ms vs goal 20.00 (over by 10.00 ms)"
    assert len(lines) == 2
    median_goal = Case("median goal", (1.0, 5.0, 9.0), goal=6.0, goal_on="median")
    assert median_goal.within_goal is True
    assert median_goal.as_dict(base)["ratio_to_baseline"] == 2.5


def test_a_case_can_be_compared_with_its_own_before_figure() -> None:
    base = Case("baseline", (10.0,), unit="requests")
    old = Case("before: later check", (600.0,), unit="requests")
    before = replace(old, versus=old)
    after = Case("after: later check", (2.0,), goal=2.5, unit="requests", versus=old)
    result = Benchmark("demo", base, [before, after])
    assert before.is_baseline
    assert not after.is_baseline
    assert after.as_dict(base)["ratio_to_baseline"] == 0.0033
    assert after.as_dict(base)["versus"] == "before: later check"
    text = table([result])
    assert "0.0033x" in text, "a small ratio keeps two significant digits"
    assert "60.0x" not in text, "the before figure is not compared with the baseline"
    assert verdict([result]) == ["worst ratio: 0.0x  demo / after: later check"]


def test_bad_arguments_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--repeat", "0"])
    assert "--repeat must be at least 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--only", "nonsense"])
    assert "invalid choice" in capsys.readouterr().err
