"""What build_installer.spec puts in the bundle on each OS, checked on Linux (issue 17).

The spec runs through the harness with TOCs shaped as PyInstaller 6.22.3 shapes them:
Qt's catalogues in ``PySide6/translations`` on Windows and ``PySide6/Qt/translations``
elsewhere (``qt_rel_dir`` in its Qt hook utilities), SYMLINK entries in ``a.datas``
(``Analysis`` files everything but BINARY/EXTENSION there). The real Linux build checks
the same on disk: scripts/build fails on a dangling link or a foreign Qt catalogue.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.packaging.loader import load_packaging_module
from tests.packaging.spec_harness import ROOT, run_spec

filters = load_packaging_module("bundle_filters")

QT_TRANSLATIONS = {
    "win32": "PySide6\\translations",
    "linux": "PySide6/Qt/translations",
    "darwin": "PySide6/Qt/translations",
}
CATALOGUES = [
    "qtbase_de.qm", "qtbase_en.qm", "qtbase_fr.qm", "qtbase_zh_CN.qm", "qt_help_de.qm",
    "qt_fr.qm", "qtmultimedia_ja.qm", "qtmultimedia_fr.qm", "qt_pt_BR.qm", "qtbase_fr_CA.qm",
]  # fmt: skip


@pytest.mark.parametrize("platform", sorted(QT_TRANSLATIONS))
def test_qt_catalogues_ship_in_the_apps_languages_only_on_every_os(
    platform: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before: Windows kept all 33 languages (~9 MB): its folder has no "Qt" in the path."""
    sep = "\\" if platform == "win32" else "/"
    folder = QT_TRANSLATIONS[platform]
    datas = [(f"{folder}{sep}{name}", f"/site/{name}", "DATA") for name in CATALOGUES]
    run = run_spec(
        monkeypatch, capsys, platform=platform, binaries=[], datas=datas, workpath=tmp_path
    )
    shipped = {dest.rsplit(sep, 1)[1] for dest, _src, _kind in run.datas if dest.startswith(folder)}
    assert shipped == {"qtbase_en.qm", "qtbase_fr.qm", "qt_fr.qm", "qtmultimedia_fr.qm",
                       "qtbase_fr_CA.qm"}  # fmt: skip
    # The app's own catalogues (hpos/resources/translations) are never Qt's to filter.
    own = {Path(dest).name for dest, _src, _kind in run.datas if "resources/translations" in dest}
    assert own == {path.name for path in (ROOT / "hpos/resources/translations").glob("*.qm")}
    assert own


def test_the_filter_reads_windows_and_posix_destinations_alike() -> None:
    assert filters.unused_qt_catalogue("PySide6\\translations\\qtbase_de.qm", ("en", "fr"))
    assert filters.unused_qt_catalogue("PySide6/Qt/translations/qtbase_de.qm", ("en", "fr"))
    assert not filters.unused_qt_catalogue("PySide6\\translations\\qtbase_fr.qm", ("en", "fr"))
    assert not filters.unused_qt_catalogue("hpos/resources/translations/hpos_de.qm", ("en",))
    assert not filters.unused_qt_catalogue("PySide6/Qt/translations/qtwebengine_locales/de.pak", ())


def _qt_lib(name: str) -> tuple[str, str, str]:
    return (f"PySide6/Qt/lib/{name}", f"/site/PySide6/Qt/lib/{name}", "BINARY")


# What PyInstaller 6.22 hands the spec on Linux: the Qt libraries in PySide6/Qt/lib, and
# for each a SYMLINK entry in a.datas from the top-level folder (bindepend adds them so
# LD_LIBRARY_PATH finds them), one link to a link, one link to a data file.
LINUX_BINARIES = [
    _qt_lib("libQt6Core.so.6"),
    _qt_lib("libQt6Pdf.so.6"),
    _qt_lib("libQt6VirtualKeyboard.so.6"),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", "/site/qpdf", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "/site/qjpeg", "BINARY"),
]
LINUX_LINKS = [
    ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
    ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
    ("libQt6VirtualKeyboard.so.6", "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", "SYMLINK"),
    ("libQt6Pdf.so", "libQt6Pdf.so.6", "SYMLINK"),
    ("libQt6Core.so", "libQt6Core.so.6", "SYMLINK"),
    ("PySide6/Qt/lib/fonts", "../../fonts", "SYMLINK"),
]
LINUX_DATAS = [("PySide6/fonts", "/site/PySide6/fonts", "DATA"), *LINUX_LINKS]


def test_linux_leaves_out_the_links_to_what_it_leaves_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the links in a.datas were never looked at; 5 dangled in dist/HPOS."""
    run = run_spec(
        monkeypatch,
        capsys,
        platform="linux",
        binaries=LINUX_BINARIES,
        datas=LINUX_DATAS,
        workpath=tmp_path,
    )
    shipped = run.binaries + run.datas
    links = {dest for dest, _src, kind in shipped if kind == "SYMLINK"}
    assert links == {"libQt6Core.so.6", "libQt6Core.so", "PySide6/Qt/lib/fonts"}
    files = {os.path.normpath(dest) for dest, _src, kind in shipped}
    for dest, target, kind in shipped:  # every link lands on something shipped
        if kind == "SYMLINK":
            assert os.path.normpath(os.path.join(os.path.dirname(dest), target)) in files
    libraries = {dest for dest, _src, _kind in run.binaries}
    assert libraries == {
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    }
    assert "left out 3 unused binaries, 3 links to them" in run.output


def test_macos_keeps_its_framework_links_and_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On macOS only the plugins go: QtPdf is a framework whose links the signature covers."""
    framework = "PySide6/Qt/lib/QtPdf.framework"
    binaries = [
        (f"{framework}/Versions/A/QtPdf", "/site/QtPdf", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqpdf.dylib", "/site/qpdf", "BINARY"),
    ]
    links = [
        (f"{framework}/Versions/Current", "A", "SYMLINK"),
        (f"{framework}/QtPdf", "Versions/Current/QtPdf", "SYMLINK"),
    ]
    run = run_spec(
        monkeypatch, capsys, platform="darwin", binaries=binaries, datas=links, workpath=tmp_path
    )
    assert [dest for dest, _src, _kind in run.binaries] == [f"{framework}/Versions/A/QtPdf"]
    assert [entry for entry in run.datas if entry[2] == "SYMLINK"] == links


def test_linux_drops_the_system_libraries_only_the_dropped_plugins_needed() -> None:
    """The GTK3 theme plugin brings GTK; the closure tells which libraries only it used."""
    gtk_plugin = ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/sys/qgtk3", "BINARY")
    gtk = ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY")
    glib = ("libglib-2.0.so.0", "/usr/lib/libglib-2.0.so.0", "BINARY")
    core = _qt_lib("libQt6Core.so.6")
    links = {"/sys/qgtk3": {"/usr/lib/libgtk-3.so.0", "/usr/lib/libglib-2.0.so.0"},
             core[1]: {"/usr/lib/libglib-2.0.so.0"}}  # fmt: skip

    def closure(paths: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for path in paths:
            found |= {path, *links.get(path, ())}
        return found

    gtk_link = ("libgtk-3.so", "libgtk-3.so.0", "SYMLINK")
    binaries, datas, summary = filters.prune_unused(
        [gtk_plugin, gtk, glib, core], [gtk_link], "linux", closure
    )
    assert binaries == [glib, core]
    assert datas == []
    assert summary == "left out 2 unused binaries, 1 links to them"


def test_the_demo_shops_catalogue_ships(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo fills its shop from hpos/resources/demo/catalogue.csv (issue 16)."""
    run = run_spec(monkeypatch, capsys, platform="linux", binaries=[], datas=[], workpath=tmp_path)
    assert any(
        dest.replace("\\", "/") == "hpos/resources/demo/catalogue.csv" and Path(src).is_file()
        for dest, src, _kind in run.datas
    ), [d for d in run.datas if "resources" in d[0]]
