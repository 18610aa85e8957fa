"""The secret key's home: a small wrapper around the OS keyring.

Entries under one service name; the profile decides the entry names (one per
profile and API host, see ``hpos.profile.profile.secret_entry_name``). Every failure of
the keyring (no backend, locked, refused write...) becomes a
:class:`KeyStoreError` whose message says what to do and never carries the
secret, and whose ``reason`` tells a caller (the settings dialog) whether there
is no usable keyring at all. The backend is resolved lazily, so building a
``KeyStore`` never touches the keyring, and :mod:`keyring` itself is imported
on first use (it costs ~50 ms, and the window's first paint does not need it).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from hpos.hpay.errors import ConfigError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

DEFAULT_SERVICE = "hpos"
_NO_KEYRING = "No system keyring is available; set HPOS_SECRET_KEY or install a keyring backend."
_PROBE_ID = "hpos-keyring-probe"
_LOCKED = "The system keyring is locked; unlock it and try again, or set HPOS_SECRET_KEY."


#: :attr:`KeyStoreError.reason` values.
NO_KEYRING = "no-keyring"  # no backend, or one that forgets what it is given
LOCKED = "locked"
FAILED = "failed"
EMPTY = "empty"  # an empty secret was refused; the keyring was not touched


class KeyStoreError(ConfigError):
    """The keyring could not read, store or delete the secret key.

    ``reason`` is :data:`NO_KEYRING`, :data:`LOCKED`, :data:`FAILED` or :data:`EMPTY`.
    """

    def __init__(self, message: str, *, reason: str = FAILED) -> None:
        super().__init__(message)
        self.reason = reason

    @property
    def no_keyring(self) -> bool:
        """True when there is no usable system keyring at all."""
        return self.reason == NO_KEYRING


class KeyStore:
    """Reads and writes one secret per profile id in the system keyring."""

    def __init__(self, service: str = DEFAULT_SERVICE, backend: KeyringBackend | None = None):
        if not service:
            raise ValueError("service must not be empty")
        self.service = service
        self._backend = backend
        self._lock = threading.Lock()

    @property
    def backend(self) -> KeyringBackend:
        """The keyring backend (the system default, resolved on first use)."""
        with self._lock:
            if self._backend is None:
                try:
                    import keyring  # here: importing it is most of a KeyStore's cost

                    self._backend = keyring.get_keyring()
                except Exception as exc:  # noqa: BLE001 - any backend failure means "no keyring"
                    log.debug("keyring backend unavailable: %s", type(exc).__name__)
                    raise KeyStoreError(_NO_KEYRING, reason=NO_KEYRING) from None
            return self._backend

    def check(self) -> None:
        """Raise :class:`KeyStoreError` when no keyring can be read (e.g. no backend).

        Reads one entry that is never written; a backend that accepts writes and
        forgets them (keyring's "null" backend) is only caught by :meth:`set_secret`.
        """
        self.get_secret(_PROBE_ID)

    def get_secret(self, profile_id: str) -> str | None:
        """The stored secret of ``profile_id``, or None when there is none."""
        _check_id(profile_id)
        backend = self.backend
        try:
            value = backend.get_password(self.service, profile_id)
        except Exception as exc:  # noqa: BLE001 - translated into one clear error
            raise _translate(exc, "read the secret key from") from None
        return value or None

    def set_secret(self, profile_id: str, value: str) -> None:
        """Store ``value`` as the secret of ``profile_id`` (replacing any previous one)."""
        _check_id(profile_id)
        if not isinstance(value, str) or not value.strip():
            raise KeyStoreError("The secret key is empty; nothing was stored.", reason=EMPTY)
        backend = self.backend
        try:
            backend.set_password(self.service, profile_id, value)
            kept = backend.get_password(self.service, profile_id)
        except Exception as exc:  # noqa: BLE001 - translated into one clear error
            raise _translate(exc, "store the secret key in") from None
        if kept != value:
            # e.g. the "null" backend accepts writes and forgets them
            raise KeyStoreError(
                "The system keyring did not keep the secret key; "
                "set HPOS_SECRET_KEY or install a working keyring backend.",
                reason=NO_KEYRING,
            )

    def delete_secret(self, profile_id: str) -> None:
        """Forget the secret of ``profile_id``; deleting a missing secret is not an error."""
        # here: keyring loads on first use (importing it is most of a KeyStore's cost)
        from keyring.errors import PasswordDeleteError

        _check_id(profile_id)
        backend = self.backend
        try:
            backend.delete_password(self.service, profile_id)
        except PasswordDeleteError:
            if self.get_secret(profile_id) is not None:
                raise KeyStoreError(
                    "The system keyring refused to delete the secret key."
                ) from None
        except Exception as exc:  # noqa: BLE001 - translated into one clear error
            raise _translate(exc, "delete the secret key from") from None


def _check_id(profile_id: str) -> None:
    if not isinstance(profile_id, str) or not profile_id:
        raise ValueError("profile_id must be a non-empty string")


def _translate(exc: BaseException, action: str) -> KeyStoreError:
    """One clear error for a keyring failure; only the exception's type is logged."""
    # here: keyring loads on first use (importing it is most of a KeyStore's cost)
    from keyring.errors import (
        InitError,
        KeyringError,
        KeyringLocked,
        NoKeyringError,
        PasswordSetError,
    )

    log.debug("keyring failed to %s it: %s", action, type(exc).__name__)
    if isinstance(exc, NoKeyringError | InitError):
        return KeyStoreError(_NO_KEYRING, reason=NO_KEYRING)
    if isinstance(exc, KeyringLocked):
        return KeyStoreError(_LOCKED, reason=LOCKED)
    if isinstance(exc, PasswordSetError | KeyringError):
        return KeyStoreError(
            f"Could not {action} the system keyring ({type(exc).__name__}); "
            "set HPOS_SECRET_KEY or check the keyring."
        )
    return KeyStoreError(
        f"The system keyring failed ({type(exc).__name__}); "
        "set HPOS_SECRET_KEY or install a working keyring backend."
    )
