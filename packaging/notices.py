"""THIRD-PARTY-NOTICES.txt of the built app, written at build time from what is bundled.

``build_installer.spec`` calls :func:`notices_datas` after PyInstaller's analysis: every
file the build collects (pure modules, extensions, libraries, data) is traced back to the
installed distribution whose RECORD lists it, and the notices name each of those
distributions with its version, its licence (``License-Expression``, ``License`` or the
classifiers) and the full text of the licence files it ships. What the wheels leave out
comes from ``packaging/licenses``: the LGPL-3.0 and GPL-3.0 texts that Qt and PySide6
are used under (the wheels carry none), the LGPL-2.1 of Qt Multimedia's FFmpeg libraries,
qrcode's BSD licence. The Python runtime and PyInstaller's bootloader, which are in every
build too, have their own sections; libraries copied from the build machine (Linux) are
listed by name.

The file lands at ``hpos/resources/THIRD-PARTY-NOTICES.txt`` inside the bundle, where
:func:`hpos.resources.paths.resource_path` finds it (Help → About → Third-party notices).

Standalone use (what the tests do)::

    python packaging/notices.py -o NOTICES.txt PySide6_Essentials requests
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import sysconfig
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

#: Where the file goes inside the bundle (next to hpos.resources' other files).
BUNDLE_DEST = "hpos/resources"
FILE_NAME = "THIRD-PARTY-NOTICES.txt"
LICENSES = Path(__file__).resolve().parent / "licenses"
#: Distributions never listed: the app itself.
OWN = {"hpos"}
#: Licence texts the distribution does not ship, by normalised distribution name.
EXTRA_LICENCE_FILES = {
    "pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "pyside6-addons": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "qrcode": ("qrcode-LICENSE.txt",),
}
#: File names that hold a licence or a notice inside a ``.dist-info`` folder.
LICENCE_NAME = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.I)
#: Qt Multimedia's FFmpeg libraries (PySide6_Addons/Essentials ship them next to Qt).
FFMPEG = re.compile(r"(^|[/\\])(lib)?(avcodec|avformat|avutil|swresample|swscale)\b", re.I)
RULE = "=" * 78

QT_PREAMBLE = """\
Qt and PySide6 (Qt for Python): GNU Lesser General Public License v3 (LGPL-3.0)
------------------------------------------------------------------------------
HPOS uses the Qt {qt} libraries through PySide6 {pyside} and Shiboken6 {pyside},
by The Qt Company Ltd and other contributors, under the GNU Lesser General
Public License version 3 (LGPL-3.0; the GPL-3.0 it builds on is reproduced too).
They are shipped unmodified, as the separate shared libraries and Python
extension modules of the PySide6 and shiboken6 folders of this app, exactly as
the PySide6 wheels from PyPI provide them. You may replace them with your own
(modified) build of the same version. Their complete source code is published
by The Qt Company: https://download.qt.io/official_releases/QtForPython/ and
https://code.qt.io/cgit/pyside/pyside-setup.git/ (PySide6), https://code.qt.io/
and https://download.qt.io/official_releases/qt/ (Qt). Third-party code inside
Qt and its licences: https://doc.qt.io/qt-6/licenses-used-in-qt.html
"""

FFMPEG_PREAMBLE = """\
FFmpeg (Qt Multimedia's backend): GNU Lesser General Public License v2.1 or later
------------------------------------------------------------------------------
The FFmpeg libraries shipped with Qt Multimedia ({files})
are used unmodified under the LGPL-2.1-or-later, as built by The Qt Company for the
PySide6 wheels. Source: https://ffmpeg.org/download.html and
https://code.qt.io/cgit/qt/qtmultimedia.git/ . The LGPL-2.1 text is reproduced below.
"""


def normalise(name: str) -> str:
    """A distribution name in PEP 503 form (``PySide6_Essentials`` -> ``pyside6-essentials``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.realpath(path))


def file_owners(dists: Iterable[metadata.Distribution]) -> dict[str, metadata.Distribution]:
    """Every installed file (real path) -> the distribution whose RECORD lists it."""
    owners: dict[str, metadata.Distribution] = {}
    for dist in dists:
        if normalise(dist.metadata["Name"] or "") in OWN:
            continue
        for file in dist.files or ():
            owners[_key(dist.locate_file(file))] = dist
    return owners


def bundled(
    sources: Iterable[str], dists: Iterable[metadata.Distribution] | None = None
) -> tuple[list[metadata.Distribution], list[str]]:
    """The distributions the ``sources`` files belong to (by name), and the files of none.

    ``sources`` are the source paths of what the build collects; a file no installed
    distribution lists (a system library, the Python runtime) goes to the second list.
    """
    owners = file_owners(metadata.distributions() if dists is None else dists)
    found: dict[str, metadata.Distribution] = {}
    orphans: list[str] = []
    for source in sources:
        dist = owners.get(_key(source))
        if dist is None:
            orphans.append(source)
        else:
            found.setdefault(normalise(dist.metadata["Name"]), dist)
    return [found[name] for name in sorted(found)], orphans


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: SPDX expression, else ``License``, else classifiers."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    declared = (meta.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= 80:
        return declared
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and "Proprietary" not in c
    ]
    return " / ".join(classifiers) or "see the licence text below"


def licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(title, text) of the licence files a distribution ships, then those it lacks."""
    result: list[tuple[str, str]] = []
    for file in dist.files or ():
        parts = Path(str(file)).parts
        in_dist_info = any(part.endswith(".dist-info") for part in parts[:-1])
        if in_dist_info and LICENCE_NAME.match(parts[-1]):
            path = Path(dist.locate_file(file))
            if path.is_file():
                result.append((parts[-1], path.read_text("utf-8", errors="replace")))
    for name in EXTRA_LICENCE_FILES.get(normalise(dist.metadata["Name"]), ()):
        if name.startswith(("LGPL", "GPL")):
            continue  # the GNU texts are reproduced once, at the end
        result.append((name, (LICENSES / name).read_text("utf-8")))
    return result


def _gnu_texts(dist: metadata.Distribution) -> list[str]:
    """The GNU licence files (``packaging/licenses``) a distribution is used under."""
    extra = EXTRA_LICENCE_FILES.get(normalise(dist.metadata["Name"]), ())
    return [name for name in extra if name.startswith(("LGPL", "GPL"))]


def _home(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    urls = [u.split(",", 1)[-1].strip() for u in meta.get_all("Project-URL") or []]
    return meta.get("Home-page") or (urls[0] if urls else "")


def python_licence() -> str:
    """The Python runtime's licence text (python.org, pyenv and setup-python builds ship it)."""
    for folder in (sysconfig.get_paths()["stdlib"], sys.base_prefix):
        path = Path(folder) / "LICENSE.txt"
        if path.is_file():
            return path.read_text("utf-8", errors="replace")
    return "Python Software Foundation License Version 2: https://docs.python.org/3/license.html\n"


def _section(title: str, body: str) -> Iterator[str]:
    yield RULE
    yield title
    yield RULE
    yield body.rstrip("\n")
    yield ""


def render(
    dists: list[metadata.Distribution],
    *,
    system_files: Iterable[str] = (),
    ffmpeg_files: Iterable[str] = (),
    bootloader: metadata.Distribution | None = None,
) -> str:
    """The text of THIRD-PARTY-NOTICES.txt for these bundled distributions."""
    names = {normalise(d.metadata["Name"]): d for d in dists}
    lines = [
        "HPOS: third-party software notices",
        "",
        "HPOS ships the open-source software listed below. For each: the distribution,",
        "its version, its licence, and the licence files it comes with. Written by the",
        f"build from the bundled packages' metadata ({platform.system()} {platform.machine()}).",
        "",
    ]
    pyside = names.get("pyside6-essentials") or names.get("pyside6-addons")
    if pyside is not None:
        lines.append(QT_PREAMBLE.format(qt=pyside.version, pyside=pyside.version))
    ffmpeg = sorted({m.group(3) for f in ffmpeg_files if (m := FFMPEG.search(f))})
    if ffmpeg:
        lines.append(FFMPEG_PREAMBLE.format(files=", ".join(ffmpeg)))
    rows = [(d.metadata["Name"], d.version, licence_of(d)) for d in dists]
    rows.append(("Python", platform.python_version(), "PSF-2.0"))
    if bootloader is not None:
        rows.append(("PyInstaller (bootloader)", bootloader.version, licence_of(bootloader)))
    width = max(len(name) for name, _, _ in rows) + 2
    vwidth = max(len(version) for _, version, _ in rows) + 2
    lines += ["Summary", "-------"]
    lines += [f"{name:<{width}}{version:<{vwidth}}{licence}" for name, version, licence in rows]
    lines.append("")
    for dist in dists:
        header = f"{dist.metadata['Name']} {dist.version}: {licence_of(dist)}"
        body = [f"Home page: {_home(dist)}", ""] if _home(dist) else []
        files = licence_files(dist)
        for title, text in files:
            body += [f"--- {title} ---", text.rstrip("\n"), ""]
        gnu_texts = [n.removesuffix(".txt") for n in _gnu_texts(dist)]
        if gnu_texts:
            body.append(
                'HPOS uses it under the LGPL-3.0 (see "Qt and PySide6" at the top).\nFull texts'
                f" of {' and '.join(gnu_texts)}: at the end of this file."
            )
        elif not files:
            body.append("(no licence file shipped; licence as declared above)")
        lines += _section(header, "\n".join(body))
    lines += _section(f"Python {platform.python_version()}: PSF-2.0", python_licence())
    if bootloader is not None:
        note = (
            "The HPOS and hpos-cli executables start through PyInstaller's bootloader,\n"
            "GPL-2.0-or-later with an exception that allows distributing it with any program.\n"
        )
        texts = "\n".join(f"--- {title} ---\n{text}" for title, text in licence_files(bootloader))
        lines += _section(
            f"PyInstaller {bootloader.version} (bootloader): {licence_of(bootloader)}",
            note + "\n" + texts,
        )
    others = sorted({os.path.basename(f) for f in system_files})
    if others:
        lines += _section(
            "Libraries copied from the build system",
            "Licensed as the operating system's own packages of the same name:\n"
            + "\n".join(f"  {name}" for name in others),
        )
    gnu = sorted({name for d in dists for name in _gnu_texts(d)})
    if ffmpeg:
        gnu = sorted({*gnu, "LGPL-2.1.txt"})
    for name in gnu:
        lines += _section(name.removesuffix(".txt"), (LICENSES / name).read_text("utf-8"))
    return "\n".join(lines) + "\n"


def _is_system_library(dest: str) -> bool:
    name = os.path.basename(dest)
    return ".so" in name or name.endswith((".dylib", ".dll"))


def notices_datas(analysis: object, workpath: str) -> list[tuple[str, str, str]]:
    """The spec's hook: write the notices for ``analysis`` (PyInstaller's ``Analysis``) into
    ``workpath`` and return the ``a.datas`` entry that ships them."""
    entries = [*analysis.pure, *analysis.binaries, *analysis.datas]  # type: ignore[attr-defined]
    sources = [
        src for _dest, src, kind in entries if kind != "SYMLINK" and os.path.isabs(src or "")
    ]
    dists, orphan_list = bundled(sources)
    orphans = set(orphan_list)
    system = [
        dest
        for dest, src, kind in analysis.binaries  # type: ignore[attr-defined]
        if kind != "SYMLINK"
        and src in orphans
        and _is_system_library(dest)
        and "python" not in os.path.basename(dest).lower()
    ]
    ffmpeg = [dest for dest, _src, kind in entries if kind != "SYMLINK" and FFMPEG.search(dest)]
    try:
        bootloader: metadata.Distribution | None = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        bootloader = None
    text = render(dists, system_files=system, ffmpeg_files=ffmpeg, bootloader=bootloader)
    out = Path(workpath) / FILE_NAME
    out.write_text(text, "utf-8")
    print(f"notices.py: {FILE_NAME} lists {len(dists)} distributions ({len(text) // 1024} KiB)")
    return [(f"{BUNDLE_DEST}/{FILE_NAME}", str(out), "DATA")]


def main(argv: list[str] | None = None) -> int:
    """Write the notices for the named installed distributions (and their files)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("distributions", nargs="+", help="installed distribution names")
    args = parser.parse_args(argv)
    dists = [metadata.distribution(name) for name in args.distributions]
    sources = [str(d.locate_file(f)) for d in dists for f in d.files or ()]
    found, _ = bundled(sources, dists)
    ffmpeg = [s for s in sources if FFMPEG.search(s) and _is_system_library(s)]
    args.output.write_text(render(found, ffmpeg_files=ffmpeg), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
