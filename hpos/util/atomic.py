"""Writing a file so that a crash never leaves half of it: a temp file beside it, then a rename.

:func:`write_atomic` writes text or bytes; :func:`replacing` hands the temp file's path to a
writer that wants a file name (the receipt's PDF writer) and moves it into place when the
block ends. Either way the temp file sits in the target's folder (so :func:`os.replace` is
atomic), is removed when anything fails (the old file is left as it was), and is flushed to
disk first when ``fsync`` is asked for (files whose loss after a power cut would matter).

Permissions: ``mode`` is the new file's (:data:`OWNER_ONLY` by default, as
:func:`tempfile.mkstemp` makes them); ``mode=None`` makes it as :func:`open` would a new
file (0o666 less the umask).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["OWNER_ONLY", "replacing", "write_atomic"]

#: Read and write for the owner only.
OWNER_ONLY = 0o600

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_atomic(
    path: Path | str,
    data: str | bytes,
    *,
    fsync: bool = False,
    mode: int | None = OWNER_ONLY,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> Path:
    """Put ``data`` in ``path`` whole or not at all; text is written with ``encoding``.

    ``newline`` is :func:`open`'s (``None``: ``"\\n"`` becomes the platform's line end).
    OSError when the folder or the disk refuses.
    """
    with replacing(path, fsync=fsync, mode=mode) as tmp:
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            with open(tmp, "w", encoding=encoding, newline=newline) as handle:
                handle.write(data)
    return Path(path)


@contextmanager
def replacing(
    path: Path | str, *, fsync: bool = False, mode: int | None = OWNER_ONLY
) -> Iterator[Path]:
    """A new, empty temp file beside ``path`` to write; ``path`` is replaced by it on leaving.

    When the block raises, the temp file is removed and ``path`` is left untouched.
    """
    target = Path(path)
    tmp = _create_beside(target, mode)
    try:
        yield tmp
        if fsync:
            _flush_to_disk(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _create_beside(target: Path, mode: int | None) -> Path:
    """A new file ``.<name>.<random>.tmp`` in ``target``'s folder, with ``mode`` set."""
    import secrets  # here, not at the top: it loads OpenSSL's hashlib, ~3 ms of the app's start-up

    for _attempt in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, _CREATE, 0o666 if mode is None else mode)
        except FileExistsError:
            continue
        os.close(fd)
        if mode is not None:
            try:
                os.chmod(tmp, mode)  # exactly ``mode``, whatever the umask
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        return tmp
    raise FileExistsError(f"no free temporary name beside {target}")


def _flush_to_disk(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
