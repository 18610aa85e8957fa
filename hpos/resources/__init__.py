"""Files the app ships that are not code: translations, sounds, icons.

They live in this package's folder (``hpos/resources/<kind>/<name>``) so that
the source tree, an installed wheel and the PyInstaller build (which collects
this folder as data at the same relative place) all find them the same way.
Sources they are generated from (``.ts`` catalogues, the icon's source image)
live in the repository's top-level ``resources/`` folder.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The path of a shipped file, e.g. ``resource_path("sounds", "paid.wav")``."""
    return ROOT.joinpath(*parts)
