"""The Linux build leaves out Qt Multimedia's FFmpeg plugin and what only it links to.

QSoundEffect, the app's only sound, decodes WAV inside libQt6Multimedia and plays
without a media backend plugin (measured on the frozen Linux app with a PulseAudio
null sink: see ``packaging/bundle_filters.py``). Windows and macOS keep their plugin:
their backends were not measured.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pytest

from tests.packaging.loader import load_packaging_module

filters = load_packaging_module("bundle_filters")

PLUGIN = "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so"
BINARIES = [
    (PLUGIN, "/site/ffmpegplugin", "BINARY"),
    ("PySide6/Qt/lib/libQt6Quick.so.6", "/site/quick", "BINARY"),
    ("PySide6/Qt/lib/libavcodec.so.61", "/site/avcodec", "BINARY"),
    ("PySide6/Qt/lib/libQt6Multimedia.so.6", "/site/multimedia", "BINARY"),
    ("PySide6/Qt/lib/libQt6Core.so.6", "/site/core", "BINARY"),
    ("PySide6/QtMultimedia.abi3.so", "/site/pymultimedia", "BINARY"),  # QSoundEffect's module
]
DATAS = [("libavcodec.so.61", "PySide6/Qt/lib/libavcodec.so.61", "SYMLINK")]
LINKS = {  # what each file links to (itself included), as PyInstaller's get_imports says
    "/site/ffmpegplugin": {"/site/quick", "/site/avcodec", "/site/multimedia", "/site/core"},
    "/site/quick": {"/site/core"},
    "/site/avcodec": set(),
    "/site/multimedia": {"/site/core"},
    "/site/core": set(),
    "/site/pymultimedia": {"/site/multimedia", "/site/core"},
}


def closure(paths: Iterable[str]) -> set[str]:
    found: set[str] = set()
    pending = [os.path.realpath(p) for p in paths]
    while pending:
        path = pending.pop()
        if path not in found:
            found.add(path)
            pending += sorted(LINKS.get(path, ()))
    return found


def test_linux_leaves_out_the_ffmpeg_plugin_and_what_only_it_needs() -> None:
    binaries, datas, summary = filters.prune_unused(BINARIES, DATAS, "linux", closure)
    shipped = {dest for dest, _src, _kind in binaries + datas}
    assert shipped == {
        "PySide6/QtMultimedia.abi3.so",
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
    }
    assert summary == "left out 3 unused binaries, 1 links to them"


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_systems_keep_their_media_plugin(platform: str) -> None:
    assert not filters.unused_binary_pattern(platform).search(PLUGIN)
    assert not filters.unused_binary_pattern(platform).search(
        "PySide6/plugins/multimedia/ffmpegmediaplugin.dll"
    )
