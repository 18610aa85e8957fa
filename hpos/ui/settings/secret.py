"""The settings dialog's secret key logic (pure; Qt only to translate): what to say, what to save.

The secret is bound to the API host. :class:`StoredSecret` is what the dialog
found when it opened; :func:`secret_note` is the text (and colour role) shown
under the secret field, and :func:`secret_action` tells the save job whether to
store the typed secret, delete the stored one, or leave it alone. The notes are
translated when they are made (context "SettingsSecret"); the module constants
are their English texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hpos.profile.secret import (
    ENV_SECRET_KEY,
    SOURCE_ENV,
    SOURCE_KEYRING,
    SOURCE_NONE,
    SOURCE_SESSION,
)

NO_KEYRING_TEXT = QT_TRANSLATE_NOOP(
    "SettingsSecret", "No system keyring: the secret is kept for this session only."
)
SESSION_TEXT = QT_TRANSLATE_NOOP(
    "SettingsSecret", "Kept for this session only (not stored anywhere)."
)
_ENV_SECRET_SOURCE = QT_TRANSLATE_NOOP(
    "SettingsSecret", "{name} is set in the environment and takes precedence."
)
ENV_SECRET_TEXT = _ENV_SECRET_SOURCE.format(name=ENV_SECRET_KEY)
#: Sources whose secret the dialog manages (and may replace or delete).
_KEPT = (SOURCE_KEYRING, SOURCE_SESSION)


@dataclass(frozen=True)
class StoredSecret:
    """The secret found when the dialog opened, and the keyring's state then."""

    value: str = field(default="", repr=False)
    source: str = SOURCE_NONE
    host: str = ""
    no_keyring: bool = False
    keyring_problem: str = ""


def _tr(source: str) -> str:
    """A source text marked with ``QT_TRANSLATE_NOOP("SettingsSecret", ...)``, translated."""
    return QCoreApplication.translate("SettingsSecret", source)


def no_keyring_text() -> str:
    """The "No system keyring…" note, in the current language."""
    return _tr(NO_KEYRING_TEXT)


def _changed(stored: StoredSecret, host: str, secret: str) -> bool:
    return host != stored.host or secret != stored.value or stored.source not in _KEPT


def secret_action(stored: StoredSecret, host: str, secret: str) -> str:
    """``"store"``, ``"delete"`` or ``""`` (leave the stored secret as it is)."""
    if secret and _changed(stored, host, secret):
        return "store"
    if not secret and host == stored.host and stored.value and stored.source in _KEPT:
        return "delete"
    return ""


def secret_note(stored: StoredSecret, host: str, secret: str) -> tuple[str, str]:
    """The note under the secret field and its role ("note" or "warning")."""
    if stored.source == SOURCE_ENV:
        return _tr(_ENV_SECRET_SOURCE).format(name=ENV_SECRET_KEY), "note"
    if stored.no_keyring:
        return no_keyring_text(), "warning"
    if stored.keyring_problem:
        return stored.keyring_problem, "warning"
    if host and secret and _changed(stored, host, secret):
        text = QCoreApplication.translate(
            "SettingsSecret", "Saved in the system keyring for {host} when you press OK."
        )
        return text.format(host=host), "note"
    if host and host != stored.host:
        text = QCoreApplication.translate(
            "SettingsSecret",
            "The secret key is stored for one API host: enter the secret key for {host}.",
        )
        return text.format(host=host), "warning"
    if stored.value and stored.source == SOURCE_KEYRING:
        text = QCoreApplication.translate(
            "SettingsSecret", "Stored in the system keyring for {host}."
        )
        return text.format(host=host), "note"
    if stored.value and stored.source == SOURCE_SESSION:
        return _tr(SESSION_TEXT), "note"
    if host:
        text = QCoreApplication.translate(
            "SettingsSecret", "No secret key stored for {host}: enter it."
        )
        return text.format(host=host), "warning"
    text = QCoreApplication.translate(
        "SettingsSecret", "Enter the API base URL, then the secret key."
    )
    return text, "note"
