"""packaging/first_paint.sh and HPOS_EXIT_AFTER_FIRST_PAINT (hpos/ui/first_paint_exit.py): the
release workflow's check that the windowed app paints its window with a real platform plugin.

Here the source app runs on the offscreen plugin (the workflow names windows, cocoa or xcb);
the check's failures are shown with stand-in apps that never paint.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "first_paint.sh"


def first_paint(
    platform: str, report: Path, *command: str, timeout: str = "90"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FIRST_PAINT_TIMEOUT": timeout}
    return subprocess.run(
        [str(SCRIPT), platform, str(report), *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def stand_in(tmp_path: Path, body: str) -> str:
    app = tmp_path / "app"
    app.write_text(f"#!/usr/bin/env bash\n{body}\n", encoding="utf-8")
    app.chmod(0o755)
    return str(app)


def test_the_demo_window_quits_by_itself_after_its_first_paint(tmp_path: Path) -> None:
    report = tmp_path / "first-paint" / "offscreen.txt"
    result = first_paint("offscreen", report, sys.executable, "-m", "hpos")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = report.read_text("utf-8").splitlines()
    assert lines[0] == "platform: offscreen"
    assert lines[1].startswith("window: HPOS — DEMO (")
    assert "== first paint on 'offscreen': ok" in result.stdout
    picture = report.with_name("offscreen.txt.png").read_bytes()
    assert picture.startswith(b"\x89PNG")


def test_an_app_that_never_paints_fails_the_check(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    result = first_paint("xcb", report, stand_in(tmp_path, "echo started; exit 0"))
    assert result.returncode == 1
    assert f"the app exited 0 but wrote no report to {report} (never painted)" in result.stderr
    assert "started" in result.stderr  # its output, to see why


def test_an_app_that_fails_to_start_shows_its_output(tmp_path: Path) -> None:
    app = stand_in(
        tmp_path,
        'echo "qt.qpa.plugin: Could not load the Qt platform plugin $QT_QPA_PLATFORM"; exit 134',
    )
    result = first_paint("cocoa", tmp_path / "report.txt", app)
    assert result.returncode == 1
    assert "the app exited with 134; its output:" in result.stderr
    assert "Could not load the Qt platform plugin cocoa" in result.stderr


def test_an_app_that_never_quits_is_stopped_at_the_timeout(tmp_path: Path) -> None:
    app = stand_in(tmp_path, "echo waiting; exec sleep 60")
    result = first_paint("windows", tmp_path / "report.txt", app, timeout="1")
    assert result.returncode == 1
    assert "the app did not quit within 1 s of starting (no first paint?)" in result.stderr
    assert "waiting" in result.stderr
