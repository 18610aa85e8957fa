"""``settings.json``: read into :class:`~hpos.profile.settings.Settings`, written atomically.

The file holds the non-secret settings only (never the secret key). A missing
file reads as the defaults; a file that cannot be used raises
:class:`SettingsFileError`, whose message names the file and says what is wrong
in one sentence (cannot be read, not text, empty, not valid JSON at line N, not a
settings object, a bad value for a named setting) and whose ``kind`` lets the
window say the same in the user's language. :func:`broken_backup_path` and
:func:`move_aside` keep such a file next to where it was, so HPOS can start with
the defaults without losing it. Writing goes through
:func:`~hpos.util.atomic.write_atomic` (a temporary file in the same directory,
fsynced, owner-only, then moved over the old one), so a crash never leaves half a file.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from hpos.hpay.errors import ConfigError
from hpos.profile.settings import BadSetting, Settings, settings_from_mapping
from hpos.util.atomic import OWNER_ONLY, write_atomic

__all__ = [
    "SettingsFileError",
    "broken_backup_path",
    "move_aside",
    "read_settings_file",
    "write_settings_file",
]

#: Suffix of a broken settings file kept aside: ``settings.json.broken-20261205-101500``.
BROKEN_SUFFIX = ".broken-"
_FIX_HINT = "Fix it, or move it away to start with the default settings."
_JSON_TYPES = {list: "a list", str: "a string", int: "a number", float: "a number"}


class SettingsFileError(ConfigError):
    """``settings.json`` exists but cannot be used; the message names the file and the problem.

    ``kind`` is one of the ``KIND_*`` names; ``line`` (JSON errors) and ``key`` (a bad
    value) say where.
    """

    KIND_UNREADABLE = "unreadable"
    KIND_BINARY = "binary"
    KIND_EMPTY = "empty"
    KIND_JSON = "json"
    KIND_NOT_OBJECT = "not_object"
    KIND_BAD_VALUE = "bad_value"

    def __init__(
        self,
        path: Path,
        kind: str,
        problem: str,
        *,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(f"The settings file {path} {problem}. {_FIX_HINT}")
        self.path = path
        self.kind = kind
        self.problem = problem
        self.line = line
        self.key = key


def read_settings_file(path: Path) -> Settings:
    """The settings in ``path``; the defaults when there is no file yet.

    SettingsFileError when the file is there but unusable.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        reason = str(exc.strerror or exc).rstrip(".").lower()
        raise SettingsFileError(
            path, SettingsFileError.KIND_UNREADABLE, f"cannot be read ({reason})"
        ) from None
    try:
        if b"\0" in raw:
            raise UnicodeDecodeError("utf-8", raw, 0, 1, "NUL byte")
        text = raw.decode("utf-8-sig")  # an editor's byte-order mark is harmless
    except UnicodeDecodeError:
        raise SettingsFileError(
            path, SettingsFileError.KIND_BINARY, "is not text (binary data)"
        ) from None
    if not text.strip():
        raise SettingsFileError(path, SettingsFileError.KIND_EMPTY, "is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"is not valid JSON at line {exc.lineno}, column {exc.colno}"
        raise SettingsFileError(
            path, SettingsFileError.KIND_JSON, problem, line=exc.lineno
        ) from None
    except ValueError as exc:  # e.g. a number too long to convert
        raise SettingsFileError(
            path, SettingsFileError.KIND_JSON, f"is not valid JSON ({exc})"
        ) from None
    if not isinstance(data, dict):
        what = "null" if data is None else _JSON_TYPES.get(type(data), "true or false")
        raise SettingsFileError(
            path,
            SettingsFileError.KIND_NOT_OBJECT,
            f"is not a settings object (it holds {what})",
        )
    try:
        return settings_from_mapping(data, str(path))
    except BadSetting as exc:
        problem = f"has a bad value for '{exc.key}': it {exc.reason}"
        raise SettingsFileError(
            path, SettingsFileError.KIND_BAD_VALUE, problem, key=exc.key
        ) from None


def broken_backup_path(path: Path, now: datetime) -> Path:
    """Where a broken ``path`` is kept: ``settings.json.broken-20261205-101500`` beside it.

    A name already taken gets ``-2``, ``-3``... so an older backup is never overwritten.
    """
    base = path.with_name(f"{path.name}{BROKEN_SUFFIX}{now:%Y%m%d-%H%M%S}")
    candidate, number = base, 1
    while candidate.exists():
        number += 1
        candidate = base.with_name(f"{base.name}-{number}")
    return candidate


def move_aside(path: Path, backup: Path) -> Path:
    """Rename the broken ``path`` to ``backup`` (same folder); ConfigError when refused."""
    try:
        path.rename(backup)
    except OSError as exc:
        raise ConfigError(
            f"Cannot move the settings file {path} to {backup.name}: {exc.strerror or exc}."
        ) from None
    return backup


def write_settings_file(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically (temp file + replace), owner-only."""
    text = json.dumps(settings.to_json(), indent=2, sort_keys=True) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, text, fsync=True, mode=OWNER_ONLY)
    except OSError as exc:
        raise ConfigError(f"Cannot save {path}: {exc.strerror or exc}.") from None
