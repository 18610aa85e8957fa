"""SIGTERM (a shutdown, a logout) and SIGINT (Ctrl+C) close the real app gracefully.

A real ``run_app`` on the demo in a child process (offscreen), with a sale's QR code up:
the signal closes the window without a question, the process exits 0, the journal is
whole and the sale still AWAITING; the next start brings it back on screen.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("quit_child.py")
ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def start(config: Path, action: str, home: Path) -> tuple[subprocess.Popen[str], str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("HPOS_CONFIG_DIR", None)
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(config), action],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT
    line = ""
    while time.monotonic() < deadline and not line:
        line = child.stdout.readline().strip()
        if child.poll() is not None:
            break
    if not line:
        child.kill()
        pytest.fail(f"the app did not get ready: {child.communicate()[1][-2000:]}")
    return child, line


def stop(child: subprocess.Popen[str], sig: signal.Signals) -> tuple[int, str]:
    child.send_signal(sig)
    try:
        _out, err = child.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail(f"{sig.name} did not close the app")
    return child.returncode, err


def journal_rows(config: Path) -> list[tuple[str, str]]:
    [path] = list(config.rglob("journal.sqlite3"))
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute("SELECT sale_number, state FROM sales").fetchall()
    conn.close()
    return [(str(n), str(s)) for n, s in rows]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_app_with_exit_0_and_the_sale_comes_back(
    tmp_path: Path, sig: signal.Signals
) -> None:
    config = tmp_path / "profile"
    child, line = start(config, "charge", tmp_path / "home")
    assert line.startswith("AWAITING "), line
    number = line.split()[1]

    code, err = stop(child, sig)
    assert code == 0, err[-2000:]
    assert "Traceback" not in err
    assert journal_rows(config) == [(number, "awaiting")], "kept open for the next start"

    again, line = start(config, "show", tmp_path / "home")  # the next start
    assert line == f"SHOWN payment {number}", "its QR is back on screen"
    code, err = stop(again, signal.SIGTERM)
    assert code == 0, err[-2000:]
    assert journal_rows(config) == [(number, "awaiting")]
