"""``hpos --self-test`` from the source tree: the report, and what a failing check looks like.

The frozen build runs the same command (``scripts/build``, ``.ci/run``).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hpos.cli.exits import EXIT_USAGE
from hpos.cli.main import main
from hpos.selftest import basic
from hpos.selftest.basic import KEY_MODULES, all_module_names
from hpos.selftest.runner import FAILED, PASSED, Check, default_checks, run_self_test

CHECK_NAMES = [
    "modules",
    "certificates",
    "data dirs",
    "keyring",
    "sandbox",
    "demo shop",
    "qt",
    "qr",
    "sound",
    "printing",
    "translations",
    "icon",
]


def run_hpos(*args: str, extra_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "hpos", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def report_lines(stdout: str) -> dict[str, str]:
    """check name -> "ok" or "FAIL" from the report's check lines."""
    result = {}
    for line in stdout.splitlines():
        status, _, rest = line.strip().partition("  ")
        for name in CHECK_NAMES:
            if status in ("ok", "FAIL") and rest.strip().startswith(name + " "):
                result[name] = status
    return result


def test_self_test_from_source_passes_every_check() -> None:
    result = run_hpos("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("HPOS self-test 0.1.0 · source · ")
    assert report_lines(result.stdout) == dict.fromkeys(CHECK_NAMES, "ok")
    assert lines[-1].startswith(f"self-test passed: {len(CHECK_NAMES)} checks in ")
    assert "token → payment 1500 XOF → history PAID" in result.stdout
    assert "all match" in result.stdout  # every QR module painted as its matrix says
    assert "qtbase_fr.qm" in result.stdout


def test_a_missing_ca_bundle_fails_with_a_clear_line(tmp_path: Path) -> None:
    fake = tmp_path / "certifi"
    fake.mkdir()
    missing = tmp_path / "gone" / "cacert.pem"
    (fake / "__init__.py").write_text(
        f"def where():\n    return {str(missing)!r}\n\n\ndef contents():\n    return ''\n",
        encoding="utf-8",
    )
    result = run_hpos("--self-test", extra_path=tmp_path)
    assert result.returncode == FAILED
    statuses = report_lines(result.stdout)
    assert statuses.pop("certificates") == "FAIL"
    assert set(statuses.values()) == {"ok"}  # the other checks still ran
    assert f"FileNotFoundError: certifi's CA bundle is missing: {missing}" in result.stdout
    last = result.stdout.splitlines()[-1]
    assert last.startswith(f"self-test FAILED: 1 of {len(CHECK_NAMES)} checks (certificates) in ")


def test_failing_checks_are_named_and_later_checks_still_run() -> None:
    seen: list[Path] = []

    def fine(workdir: Path) -> str:
        seen.append(workdir)
        assert workdir.is_dir()
        return "all good"

    def broken(_workdir: Path) -> str:
        raise ValueError("the thing\nis   broken")

    out = io.StringIO()
    code = run_self_test(out, [Check("first", broken), Check("second", fine)])
    assert code == FAILED
    lines = out.getvalue().splitlines()
    assert lines[1] == "  FAIL  first         ValueError: the thing is broken"
    assert lines[2] == "  ok    second        all good"
    assert lines[3].startswith("self-test FAILED: 1 of 2 checks (first) in ")
    assert len(seen) == 1
    assert not seen[0].exists()  # each check's temporary dir is removed


def test_all_passing_checks_exit_zero_even_without_stdout() -> None:
    assert run_self_test(None, [Check("one", lambda _dir: "fine")]) == PASSED


def test_the_module_walk_finds_every_layer_and_skips_the_entry_point() -> None:
    names = all_module_names()
    assert set(KEY_MODULES) <= set(names)
    assert "hpos.__main__" not in names
    assert [c.name for c in default_checks()] == CHECK_NAMES


@pytest.mark.parametrize("extra", [["check"], ["--demo"], ["--no-window"]])
def test_self_test_takes_no_command(extra: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test", *extra]) == EXIT_USAGE
    assert "hpos: error: --self-test takes no command or other option" in capsys.readouterr().err


def test_an_unusable_native_keyring_fails_where_it_always_exists(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import keyring.backend

    monkeypatch.setattr(keyring.backend, "get_all_keyring", list)  # no viable backend at all
    monkeypatch.setattr(basic, "STRICT_KEYRING", (sys.platform,))
    out = io.StringIO()
    assert run_self_test(out, [Check("keyring", basic.check_keyring)]) == FAILED
    native = basic.NATIVE_KEYRING[sys.platform][0].removeprefix("keyring.backends.")
    assert (
        f"  FAIL  keyring       RuntimeError: {native} cannot be used (active: " in out.getvalue()
    )


def test_a_console_that_cannot_show_arrows_gets_question_marks() -> None:
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii", newline="\n")
    assert run_self_test(out, [Check("arrows", lambda _dir: "token → payment")]) == PASSED
    out.flush()
    assert "  ok    arrows        token ? payment\n" in raw.getvalue().decode("ascii")


def test_the_release_pins_and_versions_agree() -> None:
    """What the installers are built from: one version, one PyInstaller, exact pins."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
    assert "version" in project["dynamic"]  # hpos.__version__: tests/packaging/test_version.py
    pins = {}
    for line in (root / "packaging" / "constraints.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            pins[name.lower().replace("_", "-")] = version
    assert project["optional-dependencies"]["build"] == [f"pyinstaller=={pins['pyinstaller']}"]
    pyside = pins["pyside6"]
    assert pins["pyside6-essentials"] == pins["pyside6-addons"] == pins["shiboken6"] == pyside
    assert pyside.startswith("6.11.")  # LSMinimumSystemVersion 13.0 in the spec is for 6.11
    assert 'MACOS_MINIMUM = "13.0"' in (root / "build_installer.spec").read_text("utf-8")
