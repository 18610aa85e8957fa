"""One HPOS process per profile: an OS-level lock on a file in the profile's data dir.

The lock is held for the life of the process (released by the OS even after a
crash or SIGKILL), so a second HPOS on the same profile is refused with a clear
message instead of interleaving writes and watching the same sales twice.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from hpos.hpay.errors import ConfigError

LOCK_FILE = "hpos.lock"


class ProfileLocked(ConfigError):
    """Another HPOS process holds this profile."""


class ProfileUnwritable(ConfigError):
    """The profile's data folder cannot be written (read-only, no permission, disk full)."""


class ProfileLock:
    """Exclusive, non-blocking lock on ``<dir>/hpos.lock``; a context manager too."""

    def __init__(self, directory: Path | str) -> None:
        self.path = Path(directory) / LOCK_FILE
        self._file: IO[str] | None = None

    def acquire(self) -> ProfileLock:
        """Take the lock or raise ProfileLocked naming the holder's process id."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held until release)
        except OSError as exc:
            raise ProfileUnwritable(
                f"Cannot write in the profile's data folder {self.path.parent}:"
                f" {exc.strerror or exc}. Nothing was sent to HPAY."
            ) from None
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise ProfileLocked(
                f"HPOS is already running on this profile (process {holder}); "
                "close it first or use another profile (--config-dir)."
            ) from None
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
        except OSError as exc:
            handle.close()
            raise ProfileUnwritable(
                f"Cannot write in the profile's data folder {self.path.parent}:"
                f" {exc.strerror or exc}. Nothing was sent to HPAY."
            ) from None
        self._file = handle
        return self

    def release(self) -> None:
        """Let the lock go (closing the file releases it)."""
        if self._file is not None:
            self._file.close()
            self._file = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._file is not None

    def __enter__(self) -> ProfileLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
