"""``settings.json``: read into :class:`~hpos.profile.settings.Settings`, written atomically.

The file holds the non-secret settings only (never the secret key). A missing
file reads as the defaults; an unreadable, non-JSON or badly shaped one raises
:class:`~hpos.hpay.errors.ConfigError` naming the file. Writing goes through
:func:`~hpos.util.atomic.write_atomic` (a temporary file in the same directory,
fsynced, owner-only, then moved over the old one), so a crash never leaves half a file.
"""

from __future__ import annotations

import json
from pathlib import Path

from hpos.hpay.errors import ConfigError
from hpos.profile.settings import Settings, settings_from_mapping
from hpos.util.atomic import OWNER_ONLY, write_atomic


def read_settings_file(path: Path) -> Settings:
    """The settings in ``path``; the defaults when there is no file yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise ConfigError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ConfigError(f"{path} is not valid JSON ({exc}).") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must hold a JSON object.")
    return settings_from_mapping(data, str(path))


def write_settings_file(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically (temp file + replace), owner-only."""
    text = json.dumps(settings.to_json(), indent=2, sort_keys=True) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, text, fsync=True, mode=OWNER_ONLY)
    except OSError as exc:
        raise ConfigError(f"Cannot save {path}: {exc.strerror or exc}.") from None
