"""THIRD-PARTY-NOTICES.txt (packaging/notices.py): what the build writes from what it bundles."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

import PySide6
import requests

from tests.packaging.loader import PACKAGING, load_packaging_module

notices = load_packaging_module("notices")


def test_the_notices_name_each_distribution_its_version_licence_and_texts(
    tmp_path: Path,
) -> None:
    out = tmp_path / "THIRD-PARTY-NOTICES.txt"
    names = ["PySide6_Essentials", "shiboken6", "requests", "qrcode"]
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "notices.py"), "-o", str(out), *names],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text("utf-8")
    pyside = metadata.version("PySide6_Essentials")
    # Qt/PySide6's LGPL said plainly, up front, with where the source is
    head = text[: text.index("Summary")]
    assert f"Qt {pyside} libraries through PySide6 {pyside}" in head
    assert "Qt and PySide6 (Qt for Python): GNU Lesser General Public License v3 (LGPL-3.0)" in head
    assert "https://download.qt.io/official_releases/QtForPython/" in head
    # the summary: name, version, licence of each
    assert f"requests            {metadata.version('requests')}" in text
    assert "Apache-2.0" in text
    assert f"PySide6_Essentials  {pyside}" in text
    assert "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only" in text
    # the licence files: the wheel's own (requests), ours where the wheel has none
    assert "--- LICENSE ---" in text
    assert "Apache License" in text
    assert "Copyright (c) 2011, Lincoln Loop" in text  # qrcode ships none
    assert text.count("GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3") == 1
    assert "GNU GENERAL PUBLIC LICENSE\n                       Version 3" in text
    assert f"Python {sys.version_info.major}.{sys.version_info.minor}" in text


def test_bundled_files_are_traced_to_their_distributions() -> None:
    qtcore = next(Path(PySide6.__file__).parent.glob("QtCore.*"))
    sources = [requests.__file__, str(qtcore), "/nonexistent/libsystem.so.1"]
    dists, orphans = notices.bundled(sources)
    assert [d.metadata["Name"] for d in dists] == ["PySide6_Essentials", "requests"]
    assert orphans == ["/nonexistent/libsystem.so.1"]


def test_the_spec_hook_ships_the_file_inside_the_app(tmp_path: Path) -> None:
    site = Path(requests.__file__).parent
    qt_lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    analysis = SimpleNamespace(
        pure=[("requests", requests.__file__, "PYMODULE")],
        binaries=[
            ("libfoo.so.3", "/usr/lib/libfoo.so.3", "BINARY"),
            ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
            ("PySide6/Qt/lib/libavcodec.so.61", str(qt_lib / "libavcodec.so.61"), "BINARY"),
            ("PySide6/Qt/lib/libQt6Pdf.so.6", "libQt6Pdf.so.6.11.3", "SYMLINK"),
        ],
        datas=[("requests/cacert.pem", str(site / "__init__.py"), "DATA")],
    )
    [(dest, src, kind)] = notices.notices_datas(analysis, str(tmp_path))
    assert (dest, kind) == ("hpos/resources/THIRD-PARTY-NOTICES.txt", "DATA")
    assert Path(src) == tmp_path / "THIRD-PARTY-NOTICES.txt"
    text = Path(src).read_text("utf-8")
    assert f"requests {metadata.version('requests')}: Apache-2.0" in text
    assert "FFmpeg (Qt Multimedia's backend)" in text
    assert "(avcodec)" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 2.1" in text
    libraries = text[text.index("Libraries copied from the build system") :]
    assert "  libfoo.so.3" in libraries
    assert "libpython" not in libraries  # the Python runtime has its own section
    assert os.path.basename(src) == "THIRD-PARTY-NOTICES.txt"
