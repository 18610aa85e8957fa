"""packaging/constraints.txt pins everything the build needs on every release target.

The "unpinned" check is fed compiled requirements as ``uv pip compile`` writes them; the
command line is run with a fake compiler (what it prints, its exit code) and, where uv is
installed (.ci/run installs it), with the real uv on a small offline index whose wheels need a
helper only on Windows (the marker a ``pip download --platform`` would not evaluate) and, on
macOS, one whose only wheel needs a newer macOS than the app claims.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.packaging.loader import load_packaging_module

ROOT = Path(__file__).resolve().parents[2]


rt = load_packaging_module("resolve_targets")

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


def test_the_macos_targets_resolve_for_the_oldest_macos_the_app_claims() -> None:
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert re.fullmatch(r"1[3-9]\.[0-9]+|[2-9][0-9]\.[0-9]+", rt.macos_minimum(spec))
    with pytest.raises(ValueError, match="no MACOS_MINIMUM"):
        rt.macos_minimum("MACOS = 13\n")


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
    return rt.main([*argv, "--macos-minimum", "13.0"], compiler=_fake_compiler(outputs))


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
    assert (
        "ok   macOS arm64 (aarch64-apple-darwin, macOS 13.0+, Python 3.11, wheels only): 3 " in out
    )
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
    assert "FAIL macOS x86_64 (x86_64-apple-darwin, macOS 13.0+, Python 3.11, wheels only): " in out
    assert "does not resolve under the constraints" in out
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


def _wheel(folder: Path, name: str, version: str, *requires: str, tag: str = "any") -> None:
    dist_info = f"{name}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata += "".join(f"Requires-Dist: {requirement}\n" for requirement in requires)
    wheel = f"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-{tag}\n"
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-{tag}.whl", "w") as archive:
        archive.writestr(f"{name}/__init__.py", "")
        archive.writestr(f"{dist_info}/METADATA", metadata)
        archive.writestr(f"{dist_info}/WHEEL", wheel)
        archive.writestr(f"{dist_info}/RECORD", "")


@pytest.fixture
def offline_shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A build extra needing `freezer`: it needs `winhelper` on Windows, `machelper` on macOS,
    whose only wheel is for macOS 14 and newer."""
    pytest.importorskip("uv", reason="uv is not installed (.ci/run installs it)")
    monkeypatch.setenv("UV_CACHE_DIR", str(tmp_path / "uv-cache"))
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    _wheel(
        wheels,
        "freezer",
        "1.0",
        'winhelper>=1; sys_platform == "win32"',
        'machelper; sys_platform == "darwin"',
        "common",
    )
    _wheel(wheels, "winhelper", "2.0")
    _wheel(wheels, "machelper", "1.5", tag="macosx_14_0_universal2")
    _wheel(wheels, "common", "3.0")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "shop"\nversion = "1.0"\ndependencies = ["common"]\n'
        '[project.optional-dependencies]\nbuild = ["freezer==1.0"]\n',
        encoding="utf-8",
    )
    return tmp_path


def _run_uv(shop: Path, pins: str, macos: str = "14.0") -> int:
    constraints = shop / "constraints.txt"
    constraints.write_text(pins, encoding="utf-8")
    argv = ["--project", str(shop), "--constraints", str(constraints), "--macos-minimum", macos]
    return rt.main([*argv, "--", "--no-index", "--find-links", str(shop / "wheels")])


ALL_PINS = "freezer==1.0\ncommon==3.0\nwinhelper==2.0\nmachelper==1.5\n"


def test_uv_finds_what_only_windows_needs(
    offline_shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run_uv(offline_shop, ALL_PINS.replace("winhelper==2.0\n", "")) == 1
    out = capsys.readouterr().out
    assert "FAIL Windows x86_64 (x86_64-pc-windows-msvc, Python 3.11, wheels only) " in out
    assert "needs winhelper==2.0, which is not pinned" in out
    assert (
        "ok   macOS arm64 (aarch64-apple-darwin, macOS 14.0+, Python 3.11, wheels only): 3 " in out
    )
    assert (
        "ok   Linux x86_64 glibc 2.34 (x86_64-manylinux_2_34, Python 3.11, wheels only): 2 " in out
    )

    assert _run_uv(offline_shop, ALL_PINS) == 0
    assert "all 4 targets resolve within" in capsys.readouterr().out


def test_uv_refuses_a_wheel_newer_than_the_oldest_macos_the_app_claims(
    offline_shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run_uv(offline_shop, ALL_PINS, macos="13.0") == 1
    out = capsys.readouterr().out
    for mac in ("macOS arm64 (aarch64-apple-darwin", "macOS x86_64 (x86_64-apple-darwin"):
        assert f"FAIL {mac}, macOS 13.0+, Python 3.11, wheels only): does not resolve" in out
    assert "machelper" in out
    assert "ok   Windows x86_64" in out
    assert "ok   Linux x86_64 glibc 2.34" in out


def test_uv_reports_a_pin_that_cannot_be_had(
    offline_shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run_uv(offline_shop, ALL_PINS.replace("common==3.0", "common==3.1")) == 1
    out = capsys.readouterr().out
    assert out.count("does not resolve under the constraints") == len(rt.TARGETS)
    assert "common" in out
