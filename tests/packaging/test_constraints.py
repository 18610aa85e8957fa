"""packaging/constraints.txt pins everything the build needs on every release target.

The "unpinned" check is fed compiled requirements as ``uv pip compile`` writes them; the
command line is run with a fake compiler (what it prints, its exit code) and, where uv is
installed (.ci/run installs it), with the real uv on a small offline index whose wheels need a
helper only on Windows: the marker a ``pip download --platform`` would not evaluate.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "resolve_targets", ROOT / "packaging" / "resolve_targets.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


rt = _load()

PINS = """\
# the build's pins
backports.tarfile==1.2.0
PySide6_Addons==6.11.3
qrcode==8.2  # needs colorama on Windows
"""

WINDOWS_COMPILED = """\
backports-tarfile==1.2.0
colorama==0.4.6
pyside6-addons==6.11.3
qrcode==8.2
"""


def test_a_package_only_windows_needs_is_reported_unpinned() -> None:
    assert rt.unpinned(WINDOWS_COMPILED, rt.read_pins(PINS)) == [
        "needs colorama==0.4.6, which is not pinned"
    ]


def test_names_are_compared_as_pep_503_spells_them() -> None:
    compiled = "backports-tarfile==1.2.0\npyside6-addons==6.11.3\nQRCode==8.2\n"
    assert rt.unpinned(compiled, rt.read_pins(PINS)) == []


def test_a_version_other_than_the_pin_is_reported() -> None:
    compiled = "backports-tarfile==1.2.0\npyside6-addons==6.11.4\nqrcode==8.2\n"
    assert rt.unpinned(compiled, rt.read_pins(PINS)) == [
        "needs pyside6-addons==6.11.4, but it is pinned to 6.11.3"
    ]


@pytest.mark.parametrize("line", ["requests>=2.32", "requests", "requests==2.*"])
def test_a_constraint_that_is_not_an_exact_pin_is_refused(line: str) -> None:
    with pytest.raises(ValueError, match=r"line 3: .* is not an exact pin"):
        rt.read_pins(f"# pins\nqrcode==8.2\n{line}\n")


def test_the_shipped_constraints_are_exact_pins_and_pin_colorama_for_windows() -> None:
    pins = rt.read_pins((ROOT / "packaging" / "constraints.txt").read_text(encoding="utf-8"))
    assert pins["colorama"] == "0.4.6"  # issue 17 item 7: qrcode needs it on Windows
    assert pins["pyinstaller"] == "6.22.3"


def test_the_targets_resolve_for_the_python_the_release_workflow_sets_up() -> None:
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    versions = set(re.findall(r"python-version:\s*[\"']?([0-9.]+)", workflow))
    assert versions == {rt.PYTHON_VERSION}


def _fake_compiler(outputs: dict[str, tuple[int, str, str]]) -> Callable[[Any], Any]:
    """What uv would answer for each target, by its --python-platform."""

    def compile_target(target: Any) -> Any:
        return rt.Resolution(*outputs[target.platform])

    return compile_target


def _run(tmp_path: Path, outputs: dict[str, tuple[int, str, str]], pins: str = PINS) -> int:
    constraints = tmp_path / "constraints.txt"
    constraints.write_text(pins, encoding="utf-8")
    argv = ["--project", str(tmp_path), "--constraints", str(constraints)]
    return rt.main(argv, compiler=_fake_compiler(outputs))


PINNED_ONLY = "backports-tarfile==1.2.0\npyside6-addons==6.11.3\nqrcode==8.2\n"


def test_the_command_fails_naming_the_target_and_the_line_to_add(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = {t.platform: (0, PINNED_ONLY, "") for t in rt.TARGETS}
    outputs["x86_64-pc-windows-msvc"] = (0, WINDOWS_COMPILED, "")
    assert _run(tmp_path, outputs) == 1
    out = capsys.readouterr().out
    assert (
        "FAIL Windows x86_64 (x86_64-pc-windows-msvc, Python 3.11, wheels only) "
        "needs colorama==0.4.6, which is not pinned"
    ) in out
    assert "ok   macOS arm64 (aarch64-apple-darwin, Python 3.11, wheels only): 3 packages" in out
    assert "ok   Linux x86_64 glibc 2.34 (x86_64-manylinux_2_34" in out
    assert "add or fix the pins above in" in out


def test_a_target_that_does_not_resolve_fails_with_uvs_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = {t.platform: (0, PINNED_ONLY, "") for t in rt.TARGETS}
    reason = "No solution found: pyside6-essentials==6.11.3 has no wheel for x86_64-apple-darwin"
    outputs["x86_64-apple-darwin"] = (1, "", reason)
    assert _run(tmp_path, outputs) == 1
    out = capsys.readouterr().out
    assert "FAIL macOS x86_64 (x86_64-apple-darwin, Python 3.11, wheels only): does not" in out
    assert reason in out


def test_a_pin_no_target_needs_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = {t.platform: (0, PINNED_ONLY, "") for t in rt.TARGETS}
    assert _run(tmp_path, outputs, PINS + "six==1.17.0\n") == 1
    assert "FAIL pinned but needed by no target (remove them): six" in capsys.readouterr().out


def test_every_target_within_the_pins_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = {t.platform: (0, PINNED_ONLY, "") for t in rt.TARGETS}
    assert _run(tmp_path, outputs) == 0
    assert "all 4 targets resolve within" in capsys.readouterr().out


def _wheel(folder: Path, name: str, version: str, *requires: str) -> None:
    dist_info = f"{name}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata += "".join(f"Requires-Dist: {requirement}\n" for requirement in requires)
    wheel = "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-any.whl", "w") as archive:
        archive.writestr(f"{name}/__init__.py", "")
        archive.writestr(f"{dist_info}/METADATA", metadata)
        archive.writestr(f"{dist_info}/WHEEL", wheel)
        archive.writestr(f"{dist_info}/RECORD", "")


@pytest.fixture
def offline_shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose build extra needs `freezer`, which needs `winhelper` on Windows only."""
    pytest.importorskip("uv", reason="uv is not installed (.ci/run installs it)")
    monkeypatch.setenv("UV_CACHE_DIR", str(tmp_path / "uv-cache"))
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    _wheel(wheels, "freezer", "1.0", 'winhelper>=1; sys_platform == "win32"', "common")
    _wheel(wheels, "winhelper", "2.0")
    _wheel(wheels, "common", "3.0")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "shop"\nversion = "1.0"\ndependencies = ["common"]\n'
        '[project.optional-dependencies]\nbuild = ["freezer==1.0"]\n',
        encoding="utf-8",
    )
    return tmp_path


def _run_uv(shop: Path, pins: str) -> int:
    constraints = shop / "constraints.txt"
    constraints.write_text(pins, encoding="utf-8")
    uv_args = ["--no-index", "--find-links", str(shop / "wheels")]
    return rt.main(["--project", str(shop), "--constraints", str(constraints), "--", *uv_args])


def test_uv_finds_what_only_windows_needs(
    offline_shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run_uv(offline_shop, "freezer==1.0\ncommon==3.0\n") == 1
    out = capsys.readouterr().out
    assert "FAIL Windows x86_64 (x86_64-pc-windows-msvc, Python 3.11, wheels only) " in out
    assert "needs winhelper==2.0, which is not pinned" in out
    assert "ok   macOS arm64 (aarch64-apple-darwin, Python 3.11, wheels only): 2 packages" in out
    assert "ok   Linux x86_64 glibc 2.34 (x86_64-manylinux_2_34" in out

    assert _run_uv(offline_shop, "freezer==1.0\ncommon==3.0\nwinhelper==2.0\n") == 0
    assert "all 4 targets resolve within" in capsys.readouterr().out


def test_uv_reports_a_pin_that_cannot_be_had(
    offline_shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run_uv(offline_shop, "freezer==1.0\ncommon==3.1\nwinhelper==2.0\n") == 1
    out = capsys.readouterr().out
    assert out.count("does not resolve under the constraints") == len(rt.TARGETS)
    assert "common" in out
