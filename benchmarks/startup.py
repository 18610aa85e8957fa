"""The start-up benchmark: process start → main window first painted and the loop idle.

Each run is a new Python process (``benchmarks/_app_child.py``), offscreen,
with a temporary HOME, XDG dirs and profile, the keyring's null backend (no
keyring is touched) and the sandbox's demo keys in the environment. The clock
runs from just before the process is spawned to the moment its ``READY`` line
is read: Python's own start, imports, the QApplication, the window, its first
paint, the event loop idle again.

- baseline: a bare PySide6 window (QMainWindow + one QLabel), same interpreter,
  same settings, measured the same way;
- HPOS: the real app (``hpos.ui.app.run_app``) on a configured profile pointing
  at a sandbox on loopback. Goal: within 1.5× of the baseline.

The two kinds alternate, after one untimed warm-up each.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import Benchmark, Case
from benchmarks._qt import start_sandbox
from hpos.sandbox.accounts import DEMO_ACCOUNT

NAME = "startup"
CHILD = Path(__file__).with_name("_app_child.py")
RATIO_GOAL = 1.5
_KEEP = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "DISPLAY", "XAUTHORITY")


def child_env(workdir: Path, url: str) -> dict[str, str]:
    """An environment that isolates the child from the user's profile, keyring and dirs."""
    env = {k: os.environ[k] for k in _KEEP if k in os.environ}
    home = workdir / "home"
    for sub in ("config", "data", "cache", "state", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    env.update(
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_RUNTIME_DIR": str(home / "runtime"),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "HPOS_CONFIG_DIR": str(workdir / "profile"),
            "HPOS_API_URL": url,
            "HPOS_API_KEY": DEMO_ACCOUNT.api_key,
            "HPOS_PUBLIC_KEY": DEMO_ACCOUNT.public_key,
            "HPOS_SECRET_KEY": DEMO_ACCOUNT.secret_key,
            "HPOS_MODE": "TEST",
        }
    )
    return env


def launch(mode: str, env: dict[str, str], sales: int = 0) -> dict[str, Any]:
    """Run one child; {"ready_ms", "ready_rss_kb", "half_rss_kb"?, "sales_rss_kb"?}.

    RuntimeError if it fails.
    """
    args = [sys.executable, str(CHILD), mode, *([str(sales)] if sales else [])]
    start = time.perf_counter()
    proc = subprocess.Popen(  # noqa: S603 (our own interpreter and script)
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    result: dict[str, Any] = {}
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            word, _, value = line.strip().partition(" ")
            if word == "READY":
                result["ready_ms"] = (time.perf_counter() - start) * 1000
                result["ready_rss_kb"] = int(value)
                if not sales:
                    break
            elif word == "HALF":
                result["half_rss_kb"] = int(value)
            elif word == "SALES":
                result["sales_rss_kb"] = int(value)
                break
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if "ready_ms" not in result or (sales and "sales_rss_kb" not in result):
        errors = proc.stderr.read() if proc.stderr else ""
        raise RuntimeError(f"{mode} child failed (exit {proc.returncode}): {errors[-2000:]}")
    if proc.stderr:
        proc.stderr.close()
    if proc.stdout:
        proc.stdout.close()
    return result


def run(workdir: Path, repeat: int, quick: bool = False) -> Benchmark:
    """``repeat`` starts of each kind, alternating, after one warm-up each."""
    server = start_sandbox()
    try:
        env = child_env(workdir, server.url)
        runs: dict[str, list[float]] = {"bare": [], "hpos": []}
        for i in range(-1, repeat):
            for mode in ("bare", "hpos"):
                figure = launch(mode, env)["ready_ms"]
                if i >= 0:
                    runs[mode].append(figure)
        baseline = Case("baseline: bare PySide6 window, first paint", tuple(runs["bare"]))
        goal = RATIO_GOAL * baseline.median
        hpos = Case("HPOS window, first paint", tuple(runs["hpos"]), goal=goal, goal_on="median")
        setup = {
            "goal": f"median within {RATIO_GOAL}x of the bare window",
            "python": sys.executable,
            "platform": "offscreen",
            "hpay_requests_before_exit": sum(server.stats()["requests"].values()),
        }
        return Benchmark(NAME, baseline, [hpos], setup)
    finally:
        server.stop()
