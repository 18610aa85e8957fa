"""Where the file dialogs start: the folder used last (per profile), else Documents, else home.

Export CSV, Save receipt as PDF and the Print dialog's "print to file" all start in one
folder: the last one the user saved into with this profile, remembered across restarts in
``ui-state.json`` in the profile's folder; before that (or when that folder is gone) the
platform's Documents folder (``QStandardPaths.DocumentsLocation``), or the home folder when
there is none. The file is small UI state, not settings: written atomically, owner-only.

Reading it, checking that the folders exist and writing it are disk work, so
:class:`FolderMemory` does them on the :class:`~hpos.ui.runner.Runner`; :meth:`FolderMemory.ask`
answers at once when the profile's folder is already known (the main window reads it once
HPAY answered, long before the first dialog), else once the worker read it.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths

from hpos.ui.runner import Runner
from hpos.util.atomic import write_atomic

__all__ = ["STATE_FILE", "FolderMemory", "documents_folder", "read_start_folder"]

log = logging.getLogger(__name__)

#: Small per-profile UI state, in the profile's config folder.
STATE_FILE = "ui-state.json"
_KEY = "last_folder"
_WRITING = threading.Lock()  # one read-modify-write of the state file at a time


def documents_folder() -> Path:
    """The platform's Documents folder when it exists, else the home folder. Disk: a worker's."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _read_state(config_dir: Path) -> dict[str, object]:
    try:
        state = json.loads((config_dir / STATE_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("%s not read (%s): starting from Documents", config_dir / STATE_FILE, exc)
        return {}
    return state if isinstance(state, dict) else {}


def read_start_folder(config_dir: Path | None) -> Path:
    """Where the dialogs start for this profile (None: no profile). Disk: a worker's."""
    if config_dir is not None:
        last = _read_state(config_dir).get(_KEY)
        if isinstance(last, str) and last and Path(last).is_dir():
            return Path(last)
    return documents_folder()


def write_last_folder(config_dir: Path, folder: Path) -> None:
    """Remember ``folder`` in the profile's UI state (other keys kept). Disk: a worker's."""
    with _WRITING:
        state = _read_state(config_dir)
        state[_KEY] = str(folder)
        write_atomic(config_dir / STATE_FILE, json.dumps(state, indent=2) + "\n")


class FolderMemory(QObject):
    """The start folder of the file dialogs, per profile folder, read and written on a worker."""

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._known: dict[Path | None, Path] = {}
        self._waiting: dict[Path | None, list[Callable[[Path], None]]] = {}

    def ask(self, config_dir: Path | None, then: Callable[[Path], None]) -> None:
        """Call ``then(start folder)``: at once when known, else once a worker read it."""
        known = self._known.get(config_dir)
        if known is not None:
            then(known)
            return
        waiting = self._waiting.setdefault(config_dir, [])
        waiting.append(then)
        if len(waiting) > 1:
            return  # already being read

        def read() -> Path:
            return read_start_folder(config_dir)

        def done(folder: Path) -> None:
            self._known.setdefault(config_dir, folder)  # a folder chosen meanwhile wins
            for call in self._waiting.pop(config_dir, []):
                call(self._known[config_dir])

        def failed(exc: BaseException) -> None:
            log.warning("start folder not read: %s", exc)
            done(Path.home())

        self._runner.submit(read, on_done=done, on_error=failed, name="read start folder")

    def remember(self, config_dir: Path | None, folder: Path) -> None:
        """The user saved into ``folder``: the next dialogs start there (saved on a worker)."""
        self._known[config_dir] = folder
        if config_dir is None:
            return

        def failed(exc: BaseException) -> None:
            log.warning("last folder not remembered: %s", exc)

        self._runner.submit(
            lambda: write_last_folder(config_dir, folder),
            on_error=failed,
            name="remember folder",
        )
