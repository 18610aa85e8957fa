"""Files and folders holding sales are the owner's only: 0600 files, 0700 folders (POSIX).

The journal (and SQLite's ``-wal``/``-shm``/``-journal`` files beside it), the seal, the
log files and the demo's sandbox state hold sales. :func:`private_folder` makes the
folder HPOS keeps them in (0700) and tightens one found wider; :func:`private_file`
creates a file owner-only before anything writes to it (SQLite gives its ``-wal`` and
``-shm`` files the database's own mode); :func:`tighten` and :func:`tighten_folder`
take group and other permissions away from files found with them (made by an older
HPOS, or copied in). Symbolic links are left alone. On Windows, where files in the
user's profile are the user's already, these only create what is missing.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "PRIVATE_DIR",
    "PRIVATE_FILE",
    "private_file",
    "private_folder",
    "tighten",
    "tighten_folder",
]

#: Read and write for the owner only.
PRIVATE_FILE = 0o600
#: A folder only its owner can list and enter.
PRIVATE_DIR = 0o700
_POSIX = os.name == "posix"
_OTHERS = stat.S_IRWXG | stat.S_IRWXO


def private_folder(path: Path | str) -> Path:
    """Make ``path`` (and missing parents) if needed; the folder itself ends 0700.

    OSError when it cannot be made.
    """
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    _restrict(folder, PRIVATE_DIR)
    return folder


def private_file(path: Path | str) -> Path:
    """Create ``path`` empty and owner-only if it does not exist; tighten it if it does."""
    target = Path(path)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        tighten(target)
    else:
        os.close(fd)
        _restrict(target, PRIVATE_FILE)  # exactly 0600, whatever the umask
    return target


def tighten(*paths: Path | str) -> None:
    """Take group and other permissions away from each existing regular file in ``paths``."""
    for path in paths:
        _restrict(Path(path), PRIVATE_FILE)


def tighten_folder(path: Path | str, *, names: Iterable[str] | None = None) -> None:
    """:func:`tighten` every regular file directly in ``path`` (or only those ``names``)."""
    folder = Path(path)
    try:
        entries = [folder / name for name in names] if names is not None else list(folder.iterdir())
    except OSError:
        return
    tighten(*entries)


def _restrict(path: Path, mode: int) -> None:
    """chmod ``path`` to ``mode`` when it is a regular file or folder with wider rights."""
    if not _POSIX:
        return
    try:
        info = os.lstat(path)
    except OSError:
        return
    kind_ok = stat.S_ISDIR(info.st_mode) if mode == PRIVATE_DIR else stat.S_ISREG(info.st_mode)
    if kind_ok and info.st_mode & _OTHERS and info.st_uid == os.getuid():
        os.chmod(path, mode)
