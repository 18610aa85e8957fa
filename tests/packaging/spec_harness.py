"""Runs ``build_installer.spec`` as PyInstaller would, without PyInstaller, for one OS.

PyInstaller (only in the build venv) is replaced by recorders: ``Analysis`` hands the
spec a TOC shaped the way PyInstaller 6.22 shapes it (``SYMLINK`` entries in
``a.datas``, BINARY/EXTENSION in ``a.binaries``), and ``EXE``/``COLLECT``/``BUNDLE``
keep what the spec gives them, so a test sees exactly what would land in the bundle
and which version each executable and the .app would carry. ``sys.platform`` is
switched for the run: the spec's Windows and macOS branches run on Linux.
"""

from __future__ import annotations

import sys
import sysconfig
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build_installer.spec"
TocEntry = tuple[str, str, str]
#: The modules of packaging/ the spec imports (it runs notices.py by path, not as a module).
HELPERS = ("bundle_filters", "release_version")


@dataclass
class SpecRun:
    """What the spec handed to PyInstaller's build targets."""

    exes: dict[str, dict[str, Any]] = field(default_factory=dict)
    binaries: list[TocEntry] = field(default_factory=list)
    datas: list[TocEntry] = field(default_factory=list)
    bundle: dict[str, Any] | None = None
    output: str = ""


class _Record:
    """A stand-in for a PyInstaller class: keeps its arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs


def _versioninfo_module() -> types.ModuleType:
    module = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for name in (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ):
        setattr(module, name, type(name, (_Record,), {}))
    return module


def _fake_pyinstaller(monkeypatch: pytest.MonkeyPatch) -> None:
    modules = {
        name: types.ModuleType(name)
        for name in (
            "PyInstaller",
            "PyInstaller.utils",
            "PyInstaller.utils.hooks",
            "PyInstaller.utils.win32",
            "PyInstaller.depend",
            "PyInstaller.depend.bindepend",
        )
    }
    modules["PyInstaller.utils.hooks"].collect_submodules = lambda _package: []  # type: ignore[attr-defined]
    modules["PyInstaller.utils.hooks"].copy_metadata = lambda _dist: []  # type: ignore[attr-defined]
    # No library links to another in these TOCs (the Linux closure is tested on its own).
    modules["PyInstaller.depend.bindepend"].get_imports = lambda _path: []  # type: ignore[attr-defined]
    modules["PyInstaller.utils.win32.versioninfo"] = _versioninfo_module()
    for name, module in modules.items():
        monkeypatch.setitem(sys.modules, name, module)


def run_spec(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *,
    platform: str,
    binaries: list[TocEntry],
    datas: list[TocEntry],
    workpath: Path,
    root: Path = ROOT,
) -> SpecRun:
    """Execute the spec on ``platform`` with an analysis that found ``binaries`` and ``datas``.

    ``root`` is the project folder the spec builds (its ``hpos/__init__.py`` gives the
    version; see :func:`project_with_version`).
    """
    run = SpecRun()

    class Analysis:
        def __init__(self, scripts: list[str], **kwargs: Any) -> None:
            self.scripts = [("__main__", scripts[0], "PYSOURCE")]
            self.pure: list[TocEntry] = []
            self.binaries = list(binaries)
            found = [(f"{d}/{Path(s).name}", s, "DATA") for s, d in kwargs.get("datas", [])]
            self.datas = list(datas) + found
            self.zipfiles: list[TocEntry] = []

    def exe(*_args: Any, name: str, **kwargs: Any) -> str:
        run.exes[name] = kwargs
        return name

    def collect(*args: Any, **_kwargs: Any) -> str:
        run.binaries, run.datas = args[2], args[3]
        return "coll"

    def bundle(_coll: str, **kwargs: Any) -> None:
        run.bundle = kwargs

    _fake_pyinstaller(monkeypatch)
    # The spec runs packaging/notices.py (runpy), which reads this machine's Python through
    # sysconfig: sysconfig loads this machine's _sysconfigdata module on first use, named after
    # sys.platform, so load it before another OS is pretended (else a spec test run alone fails)
    sysconfig.get_config_vars()
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts packaging/ on it
    spec_globals = {
        "__name__": "__main__",
        "__file__": str(SPEC),
        "SPECPATH": str(root),
        "workpath": str(workpath),
        "Analysis": Analysis,
        "PYZ": lambda *_args, **_kwargs: "pyz",
        "EXE": exe,
        "COLLECT": collect,
        "BUNDLE": bundle,
    }
    try:
        exec(compile(SPEC.read_text("utf-8"), str(SPEC), "exec"), spec_globals)  # noqa: S102
    finally:  # the spec imports its helpers from packaging/: fresh ones next time
        for helper in HELPERS:
            sys.modules.pop(helper, None)
    run.output = capsys.readouterr().out
    return run


def project_with_version(tmp_path: Path, version: str) -> Path:
    """A project folder like this one whose ``hpos/__init__.py`` says ``version``."""
    root = tmp_path / "project"
    (root / "hpos").mkdir(parents=True)
    (root / "hpos" / "__init__.py").write_text(f'"""HPOS."""\n\n__version__ = "{version}"\n')
    for shared in ("packaging", "resources"):
        (root / shared).symlink_to(ROOT / shared, target_is_directory=True)
    return root
