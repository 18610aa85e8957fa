"""The Linux release tarball (packaging/linux): desktop entry, icon, INSTALL note, notices."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from hpos import __version__
from tests.packaging.loader import PACKAGING

LINUX = PACKAGING / "linux"
PACK = LINUX / "pack.sh"


def desktop_entry() -> configparser.ConfigParser:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(LINUX / "hpos.desktop", encoding="utf-8")
    return entry


def test_the_desktop_entry_starts_the_unpacked_app_from_the_menu() -> None:
    entry = desktop_entry()
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == "HPOS"
    assert main["Exec"] == "/opt/HPOS/HPOS"
    assert main["TryExec"] == "/opt/HPOS/HPOS"
    assert main["Icon"] == "/opt/HPOS/hpos.png"  # pack.sh puts the icon there
    assert main["Terminal"] == "false"
    assert main["StartupWMClass"] == "HPOS"  # the main window's X11 class (scripts/build checks)
    assert "Office" in main["Categories"].split(";")
    assert main["Actions"] == "demo;"
    assert entry["Desktop Action demo"]["Exec"] == "/opt/HPOS/HPOS --demo"
    assert main["Comment[fr]"].startswith("Point de vente")
    # the INSTALL note's commands install it from where this entry points
    note = (LINUX / "INSTALL.md").read_text("utf-8")
    assert "sudo tar -C /opt -xzf" in note
    assert "sudo cp /opt/HPOS/hpos.desktop /usr/share/applications/" in note
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(
            ["desktop-file-validate", str(LINUX / "hpos.desktop")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def fake_build(tmp_path: Path, *, notices: bool = True) -> Path:
    """A dist/HPOS look-alike: two launchers, the notices inside, a symbolic link."""
    app = tmp_path / "dist" / "HPOS"
    lib = app / "_internal" / "PySide6" / "Qt" / "lib"
    lib.mkdir(parents=True)
    for name in ("HPOS", "hpos-cli"):
        (app / name).write_text("#!/bin/sh\n", encoding="utf-8")
        (app / name).chmod(0o755)
    (lib / "libQt6Core.so.6.11.3").write_bytes(b"not an ELF")
    (lib / "libQt6Core.so.6").symlink_to("libQt6Core.so.6.11.3")
    if notices:
        resources = app / "_internal" / "hpos" / "resources"
        resources.mkdir(parents=True)
        (resources / "THIRD-PARTY-NOTICES.txt").write_text("Qt: LGPL-3.0\n", encoding="utf-8")
    return app


def pack(app: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(PACK), str(out)],
        env={"PATH": "/usr/bin:/bin", "HPOS_DIST": str(app)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_tarball_holds_the_app_its_desktop_entry_icon_note_and_notices(
    tmp_path: Path,
) -> None:
    if not shutil.which("objdump"):
        pytest.fail("objdump (binutils) is needed: .ci/run installs it")
    out = tmp_path / "HPOS-linux-x64.tar.gz"
    done = pack(fake_build(tmp_path), out)
    assert done.returncode == 0, done.stderr
    assert f"HPOS {__version__}, needs glibc 2.34 or newer" in done.stdout
    with tarfile.open(out) as tar:
        members = {m.name: m for m in tar.getmembers()}
        assert {m.split("/")[0] for m in members} == {"HPOS"}, "one top folder"
        for name in ("HPOS", "hpos-cli", "hpos.desktop", "hpos.png", "INSTALL.md"):
            assert f"HPOS/{name}" in members
        assert members["HPOS/HPOS"].mode & 0o111
        link = members["HPOS/_internal/PySide6/Qt/lib/libQt6Core.so.6"]
        assert link.issym()
        assert link.linkname == "libQt6Core.so.6.11.3"
        assert members["HPOS/hpos.desktop"].uid == 0
        read = lambda name: tar.extractfile(f"HPOS/{name}").read()  # type: ignore[union-attr]  # noqa: E731
        assert read("THIRD-PARTY-NOTICES.txt") == b"Qt: LGPL-3.0\n"
        assert read("hpos.desktop") == (LINUX / "hpos.desktop").read_bytes()
        assert read("hpos.png")[:8] == b"\x89PNG\r\n\x1a\n"
        note = read("INSTALL.md").decode("utf-8")
    assert "@" not in re.sub(r"\S+@\S+", "", note), "a placeholder was left"
    assert f"HPOS {__version__} for 64-bit Linux" in note
    assert "It needs **glibc 2.34 or newer**" in note
    assert f"HPOS-{__version__}-linux-x64.tar.gz" in note


def test_the_note_states_the_glibc_the_bundled_files_need(tmp_path: Path) -> None:
    if not shutil.which("objdump"):
        pytest.fail("objdump (binutils) is needed: .ci/run installs it")
    app = fake_build(tmp_path)
    elf = Path(shutil.which("ls") or "/bin/ls").resolve()
    shutil.copy(elf, app / "_internal" / "tool")
    symbols = subprocess.run(["objdump", "-T", str(elf)], capture_output=True, text=True).stdout
    versions = [*re.findall(r"GLIBC_(\d+(?:\.\d+)+)", symbols), "2.34"]
    newest = max(versions, key=lambda v: tuple(int(n) for n in v.split(".")))
    out = tmp_path / "out.tar.gz"
    done = pack(app, out)
    assert done.returncode == 0, done.stderr
    assert f"needs glibc {newest} or newer" in done.stdout
    with tarfile.open(out) as tar:
        note = tar.extractfile("HPOS/INSTALL.md").read().decode("utf-8")  # type: ignore[union-attr]
    assert f"It needs **glibc {newest} or newer**" in note


def test_a_build_without_notices_is_not_packed(tmp_path: Path) -> None:
    out = tmp_path / "out.tar.gz"
    done = pack(fake_build(tmp_path, notices=False), out)
    assert done.returncode == 1
    assert "THIRD-PARTY-NOTICES.txt is missing" in done.stderr
    assert not out.exists()


def test_no_build_no_tarball(tmp_path: Path) -> None:
    done = pack(tmp_path / "nothing", tmp_path / "out.tar.gz")
    assert done.returncode == 1
    assert "no build in" in done.stderr
    assert "run scripts/build first" in done.stderr
