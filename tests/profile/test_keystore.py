"""KeyStore: one entry per profile, every keyring failure as one clear KeyStoreError.

Only in-memory fake backends are used here, never the OS keyring.
"""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked, PasswordSetError

from hpos.hpay.errors import ConfigError
from hpos.profile.keystore import EMPTY, FAILED, LOCKED, NO_KEYRING, KeyStore, KeyStoreError
from tests.helpers.keyring import MemoryKeyring

SECRET = "sk.Very-Secret-4242"


class BrokenKeyring(MemoryKeyring):
    """Raises ``error`` from every operation."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        raise self.error


def test_round_trip_per_profile() -> None:
    backend = MemoryKeyring()
    store = KeyStore(backend=backend)
    assert store.get_secret("p1") is None
    store.set_secret("p1", SECRET)
    store.set_secret("p2", "other")
    assert store.get_secret("p1") == SECRET
    assert store.get_secret("p2") == "other"
    assert backend.entries[("hpos", "p1")] == SECRET
    store.delete_secret("p1")
    assert store.get_secret("p1") is None
    assert store.get_secret("p2") == "other"


def test_service_name_is_used() -> None:
    backend = MemoryKeyring()
    KeyStore("hpos-demo", backend=backend).set_secret("p", SECRET)
    assert set(backend.entries) == {("hpos-demo", "p")}


def test_deleting_a_missing_secret_is_fine() -> None:
    KeyStore(backend=MemoryKeyring()).delete_secret("nobody")


def test_empty_secret_is_refused() -> None:
    backend = MemoryKeyring()
    with pytest.raises(KeyStoreError, match="empty"):
        KeyStore(backend=backend).set_secret("p", "  ")
    assert not backend.entries


def test_backend_is_resolved_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def no_keyring() -> KeyringBackend:
        calls.append(1)
        raise RuntimeError("no backend at all")

    monkeypatch.setattr(keyring, "get_keyring", no_keyring)
    store = KeyStore()
    assert not calls
    with pytest.raises(KeyStoreError, match="HPOS_SECRET_KEY") as info:
        store.get_secret("p")
    assert calls
    assert info.value.no_keyring


@pytest.mark.parametrize("op", ["get", "set", "delete"])
def test_no_keyring_backend_says_what_to_do(op: str) -> None:
    store = KeyStore(backend=fail.Keyring())
    with pytest.raises(KeyStoreError) as info:
        _run(store, op)
    assert str(info.value) == (
        "No system keyring is available; set HPOS_SECRET_KEY or install a keyring backend."
    )
    assert isinstance(info.value, ConfigError)
    assert info.value.no_keyring
    assert info.value.reason == NO_KEYRING


def test_locked_keyring() -> None:
    with pytest.raises(KeyStoreError, match="locked") as info:
        KeyStore(backend=BrokenKeyring(KeyringLocked("locked"))).get_secret("p")
    assert info.value.reason == LOCKED
    assert not info.value.no_keyring


def test_reasons_of_other_failures() -> None:
    with pytest.raises(KeyStoreError) as info:
        KeyStore(backend=BrokenKeyring(PasswordSetError("no"))).set_secret("p", SECRET)
    assert info.value.reason == FAILED
    with pytest.raises(KeyStoreError) as info:
        KeyStore(backend=MemoryKeyring()).set_secret("p", "")
    assert info.value.reason == EMPTY


def test_host_bound_entry_names_are_plain_entries() -> None:
    backend = MemoryKeyring()
    store = KeyStore(backend=backend)
    store.set_secret("profile-0123@api.example.com", SECRET)
    store.set_secret("profile-0123@127.0.0.1:8765", "other")
    assert store.get_secret("profile-0123@api.example.com") == SECRET
    assert store.get_secret("profile-0123") is None
    assert set(backend.entries) == {
        ("hpos", "profile-0123@api.example.com"),
        ("hpos", "profile-0123@127.0.0.1:8765"),
    }


@pytest.mark.parametrize(
    "error",
    [PasswordSetError(f"cannot store {SECRET}"), RuntimeError(f"dbus said {SECRET}")],
)
@pytest.mark.parametrize("op", ["get", "set", "delete"])
def test_errors_never_carry_the_secret(error: Exception, op: str) -> None:
    store = KeyStore(backend=BrokenKeyring(error))
    with pytest.raises(KeyStoreError) as info:
        _run(store, op)
    assert SECRET not in str(info.value)
    assert "HPOS_SECRET_KEY" in str(info.value)
    assert info.value.__cause__ is None
    assert info.value.__suppress_context__


def test_a_keyring_that_forgets_is_detected() -> None:
    with pytest.raises(KeyStoreError, match="did not keep") as info:
        KeyStore(backend=null.Keyring()).set_secret("p", SECRET)
    assert info.value.no_keyring


def test_bad_profile_id() -> None:
    with pytest.raises(ValueError, match="profile_id"):
        KeyStore(backend=MemoryKeyring()).get_secret("")


def _run(store: KeyStore, op: str) -> None:
    if op == "get":
        store.get_secret("p")
    elif op == "set":
        store.set_secret("p", SECRET)
    else:
        store.delete_secret("p")
