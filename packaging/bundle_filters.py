"""What ``build_installer.spec`` leaves out of the bundle, as pure functions over TOCs.

A PyInstaller TOC entry is ``(dest, src, typecode)``: ``dest`` the path inside the
bundle (with the build OS's separators), ``src`` the file on the build machine, or
for a ``SYMLINK`` entry the link's target relative to ``dest``'s folder.

- Qt's own catalogues (``qtbase_de.qm``...) are kept for the app's languages only.
  PyInstaller puts them in ``PySide6/Qt/translations`` on Linux and macOS but in
  ``PySide6/translations`` on Windows (``qt_rel_dir`` in its Qt hook utilities).
- Unused Qt plugins and the libraries only they need are dropped, and with them
  every symbolic link that would point at nothing. PyInstaller 6 files SYMLINK
  entries under ``a.datas`` (only BINARY and EXTENSION stay in ``a.binaries``):
  both lists go through here.

Standard library only, so the tests run it without PyInstaller.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterable
from pathlib import PurePosixPath

TocEntry = tuple[str, str, str]
#: ``paths`` -> the real paths of those files and of every library they link to.
LinkedClosure = Callable[[Iterable[str]], set[str]]

#: ``<catalogue>_<language>[_<REGION>].qm``: qtbase_fr.qm, qt_help_de.qm, qtbase_zh_CN.qm.
QT_CATALOGUE = re.compile(r"(?P<catalogue>.+?)_(?P<language>[a-z]{2,3})(?:_[A-Za-z]{2,4})?\.qm")

# Qt plugins the app never loads, and the libraries only they pull in: the virtual
# keyboard, the PDF image format (QtPdf), the GTK3 theme (GTK, cairo, pango... from the
# build machine), embedded-device platforms (eglfs, linuxfb, vnc).
UNUSED_PLUGIN = (
    r"plugins/(platforminputcontexts/[^/]*virtualkeyboard|imageformats/(lib)?qpdf\.|"
    r"platformthemes/[^/]*gtk3|egldeviceintegrations/|"
    r"platforms/(lib)?q(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)\.)"
)
# Linux only: Qt Multimedia's FFmpeg plugin. QSoundEffect (the app's only sound) decodes WAV
# inside libQt6Multimedia and plays through PulseAudio without it; measured on the frozen
# Linux app with a PulseAudio null sink: both WAVs Ready, sink inputs opened, non-silent
# samples on the sink's monitor, with and without the plugin. Dropping it drops what only it
# links to: QtQuick, QtQml*, FFmpeg's libav*/libsw*, the FFmpeg stubs (about 35 MiB).
# Not measured on Windows/macOS (other media backends there): kept.
LINUX_UNUSED_PLUGIN = r"|plugins/multimedia/(lib)?ffmpegmediaplugin\."
# The libraries only those plugins use; not on macOS, where they are frameworks whose
# symbolic links would dangle inside the signed bundle.
UNUSED_LIBRARY = r"|Qt6?(VirtualKeyboard|Pdf|EglFS|EglFsKms)[^/]*$"


def _posix(dest: str) -> PurePosixPath:
    return PurePosixPath(dest.replace("\\", "/"))


def unused_qt_catalogue(dest: str, languages: Collection[str]) -> bool:
    """Whether ``dest`` is one of Qt's own catalogues in a language the app does not speak."""
    path = _posix(dest)
    if path.suffix != ".qm" or path.parent.name != "translations" or path.parts[0] != "PySide6":
        return False
    match = QT_CATALOGUE.fullmatch(path.name)
    return match is not None and match.group("language") not in languages


def unused_binary_pattern(platform: str) -> re.Pattern[str]:
    """What to drop on ``platform`` (``sys.platform``), matched against a ``/``-separated dest."""
    pattern = UNUSED_PLUGIN + ("" if platform == "darwin" else UNUSED_LIBRARY)
    if platform == "linux":
        pattern += LINUX_UNUSED_PLUGIN
    return re.compile(pattern, re.I)


def _link_target(entry: TocEntry) -> str:
    return os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1]))


def links_to_kept(links: list[TocEntry], present: set[str]) -> list[TocEntry]:
    """The links of ``links`` whose target is in ``present`` (dests), also through other links."""
    present = {os.path.normpath(dest) for dest in present}
    pending, kept, progress = list(links), [], True
    while progress:
        progress = False
        for entry in list(pending):
            if _link_target(entry) in present:
                kept.append(entry)
                present.add(os.path.normpath(entry[0]))
                pending.remove(entry)
                progress = True
    return kept


def prune_unused(
    binaries: list[TocEntry],
    datas: list[TocEntry],
    platform: str,
    linked_closure: LinkedClosure,
) -> tuple[list[TocEntry], list[TocEntry], str]:
    """``(binaries, datas, summary)`` without the unused plugins/libraries and links to them.

    On Linux the system libraries that only the dropped files link to go too
    (``linked_closure`` follows the links: PyInstaller's ``get_imports`` in the
    spec). On macOS every link stays: framework links, to folders too, are part of
    the signed bundle's structure.
    """
    unused = unused_binary_pattern(platform)
    files = [e for e in binaries if e[2] != "SYMLINK"]
    dropped = [e for e in files if unused.search(e[0].replace("\\", "/"))]
    kept = [e for e in files if e not in dropped]
    if platform == "linux":
        only_theirs = linked_closure(e[1] for e in dropped)
        needed = linked_closure(e[1] for e in kept if os.path.realpath(e[1]) not in only_theirs)
        extra = [e for e in kept if os.path.realpath(e[1]) in only_theirs - needed]
        dropped += extra
        kept = [e for e in kept if e not in extra]
    links = [e for e in binaries + datas if e[2] == "SYMLINK"]
    other_datas = [e for e in datas if e[2] != "SYMLINK"]
    if platform == "darwin":
        kept_links = links
    else:
        kept_links = links_to_kept(links, {e[0] for e in kept + other_datas})
    summary = (
        f"left out {len(dropped)} unused binaries, {len(links) - len(kept_links)} links to them"
    )
    link_set = set(kept_links)
    return (
        kept + [e for e in binaries if e in link_set],
        [e for e in datas if e[2] != "SYMLINK" or e in link_set],
        summary,
    )
