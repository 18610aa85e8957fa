"""One version, in hpos/__init__.py, in a form every installer format accepts (issue 17).

What reads it: pyproject.toml (setuptools ``dynamic``, so the installed metadata),
``hpos --version``, About (tests/ui/mainwindow/test_about.py), the spec's Windows
version resource and macOS Info.plist (run here on Linux through the spec harness),
and the Inno Setup script, which reads it back from HPOS.exe (test_inno_setup.py).
"""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest

import hpos
from hpos.cli.main import main
from tests.packaging.loader import load_packaging_module
from tests.packaging.spec_harness import ROOT, project_with_version, run_spec

release_version = load_packaging_module("release_version")


@pytest.mark.parametrize(
    ("version", "windows", "macos"),
    [
        ("0.1.0", (0, 1, 0, 0), "0.1.0"),
        ("0.2", (0, 2, 0, 0), "0.2.0"),
        ("0.2.0rc1", (0, 2, 0, 0), "0.2.0"),
        ("1.10.3b2", (1, 10, 3, 0), "1.10.3"),
        ("2.0a1", (2, 0, 0, 0), "2.0.0"),
        ("65535.0.65535", (65535, 0, 65535, 0), "65535.0.65535"),
    ],
)
def test_each_platform_gets_the_numbers_it_accepts(
    version: str, windows: tuple[int, ...], macos: str
) -> None:
    assert release_version.check_version(version) == version
    assert release_version.windows_version_numbers(version) == windows
    assert release_version.macos_bundle_version(version) == macos


@pytest.mark.parametrize(
    "version",
    ["1", "v0.2.0", "0.2.0-rc1", "0.2.0rc", "0.2.0.post1", "0.2.0.dev3", "1!0.2.0",
     "0.2.0+shop", "0.2.0.1", "70000.0.0", "0.2.0rc70000", " 0.2.0", ""],
)  # fmt: skip
def test_versions_no_installer_could_carry_are_refused_with_the_format(version: str) -> None:
    with pytest.raises(release_version.VersionError, match=r"X\.Y|65535"):
        release_version.check_version(version)


def test_the_project_version_has_the_release_format() -> None:
    assert release_version.read_version(ROOT) == hpos.__version__


def test_a_second_version_line_is_refused(tmp_path: Path) -> None:
    (tmp_path / "hpos").mkdir()
    (tmp_path / "hpos" / "__init__.py").write_text(
        '__version__ = "0.1.0"\n__version__ = "0.2.0"\n', "utf-8"
    )
    with pytest.raises(release_version.VersionError, match="expected one line"):
        release_version.read_version(tmp_path)


def test_the_version_is_written_once() -> None:
    """pyproject.toml has no version of its own: setuptools reads hpos.__version__."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" not in pyproject["project"]
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "hpos.__version__"}
    written = [
        path.relative_to(ROOT).as_posix()
        for path in (
            ROOT / "pyproject.toml",
            ROOT / "build_installer.spec",
            ROOT / "packaging" / "windows" / "hpos.iss",
            ROOT / ".github" / "workflows" / "release.yml",
            ROOT / "scripts" / "build",
        )
        if re.search(rf"\b{re.escape(hpos.__version__)}\b", path.read_text("utf-8"))
    ]
    assert written == [], f"the version {hpos.__version__} is also written in {written}"


def test_the_installed_package_carries_the_version() -> None:
    """What pip recorded when it installed the project (.ci/run reinstalls it every run)."""
    assert importlib.metadata.version("hpos") == hpos.__version__, "reinstall: pip install -e ."


def test_hpos_version_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"hpos {hpos.__version__}\n"


@pytest.mark.parametrize("version", ["0.2.0rc1", "0.2"])
def test_the_windows_executables_carry_four_numbers_and_the_full_text(
    version: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before: "0.2" gave Windows three numbers, "0.2.0rc1" an invalid VersionInfoVersion."""
    root = project_with_version(tmp_path, version)
    run = run_spec(
        monkeypatch, capsys, platform="win32", binaries=[], datas=[], workpath=tmp_path, root=root
    )
    assert set(run.exes) == {"HPOS", "hpos-cli"}
    for name, exe in run.exes.items():
        resource = exe["version"]
        fixed = resource.kwargs["ffi"].kwargs
        assert fixed["filevers"] == fixed["prodvers"] == (0, 2, 0, 0)
        table = resource.kwargs["kids"][0].args[0][0]
        strings = {struct.args[0]: struct.args[1] for struct in table.args[1]}
        assert strings["ProductVersion"] == strings["FileVersion"] == version
        assert strings["OriginalFilename"] == f"{name}.exe"


def test_the_mac_app_says_x_y_z_and_about_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with_version(tmp_path, "0.2.0rc1")
    run = run_spec(
        monkeypatch, capsys, platform="darwin", binaries=[], datas=[], workpath=tmp_path, root=root
    )
    assert run.bundle is not None
    assert run.bundle["version"] == "0.2.0"
    plist = run.bundle["info_plist"]
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == "0.2.0"


def test_a_build_of_a_version_no_installer_could_carry_stops_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with_version(tmp_path, "0.2.0-rc1")
    with pytest.raises(ValueError, match=r"'0\.2\.0-rc1' is not X\.Y"):
        run_spec(
            monkeypatch,
            capsys,
            platform="linux",
            binaries=[],
            datas=[],
            workpath=tmp_path,
            root=root,
        )
