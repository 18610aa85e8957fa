"""The settings dialog's secret key logic (pure, no Qt): what to say, what to save.

The secret is bound to the API host. :class:`StoredSecret` is what the dialog
found when it opened; :func:`secret_note` is the text (and colour role) shown
under the secret field, and :func:`secret_action` tells the save job whether to
store the typed secret, delete the stored one, or leave it alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hpos.settings import (
    ENV_SECRET_KEY,
    SOURCE_ENV,
    SOURCE_KEYRING,
    SOURCE_NONE,
    SOURCE_SESSION,
)

NO_KEYRING_TEXT = "No system keyring: the secret is kept for this session only."
SESSION_TEXT = "Kept for this session only (not stored anywhere)."
ENV_SECRET_TEXT = f"{ENV_SECRET_KEY} is set in the environment and takes precedence."
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
        return ENV_SECRET_TEXT, "note"
    if stored.no_keyring:
        return NO_KEYRING_TEXT, "warning"
    if stored.keyring_problem:
        return stored.keyring_problem, "warning"
    if host and secret and _changed(stored, host, secret):
        return f"Saved in the system keyring for {host} when you press OK.", "note"
    if host and host != stored.host:
        text = f"The secret key is stored for one API host: enter the secret key for {host}."
        return text, "warning"
    if stored.value and stored.source == SOURCE_KEYRING:
        return f"Stored in the system keyring for {host}.", "note"
    if stored.value and stored.source == SOURCE_SESSION:
        return SESSION_TEXT, "note"
    if host:
        return f"No secret key stored for {host}: enter it.", "warning"
    return "Enter the API base URL, then the secret key.", "note"
