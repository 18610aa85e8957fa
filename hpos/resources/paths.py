"""Where the files the app ships are: :data:`ROOT` and :func:`resource_path`.

:data:`ROOT` is this package's folder (``hpos/resources``), found from this module's
own file, which sits in it: the source tree, an installed wheel and the PyInstaller
build (which collects the folder as data at the same relative place, next to this
module's ``.pyc``) all find the files the same way.
"""

from __future__ import annotations

from pathlib import Path

#: The folder of the ``hpos.resources`` package (this module's folder).
ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. ``resource_path("sounds", "paid.wav")``."""
    return ROOT.joinpath(*parts)
