"""The profile: non-secret settings on disk, the secret key in the keyring, env overrides.

A profile is one config directory. ``settings.json`` there holds the
:class:`Settings` (never the secret key); unknown keys in it are ignored, so an
older or newer file still loads. Environment variables override both:
``HPOS_API_URL``, ``HPOS_API_KEY``, ``HPOS_PUBLIC_KEY``, ``HPOS_SECRET_KEY``,
``HPOS_MODE``.

The secret key is bound to the API host: its keyring entry is named
``"<profile id>@<host>"`` (see :func:`secret_entry_name`), so two profiles never
share it and a secret is never sent to another host than the one it was entered
for: after the API URL moves to a new host, no secret is found and the user is
asked again. Without a usable keyring the secret can be kept for the session
only (:meth:`Profile.set_session_secret`): in memory, never written anywhere.

This module is the profile itself (:class:`Profile`, :func:`open_profile`). The
:class:`Settings` dataclass and its validation are in :mod:`hpos.profile.settings`,
the secret's host binding in :mod:`hpos.profile.secret`, reading and writing
``settings.json`` in :mod:`hpos.profile.file`; the names the rest of HPOS uses
are importable from here too (``__all__``).

When the config directory is given explicitly (``--config-dir`` or
``HPOS_CONFIG_DIR``) the profile's data and logs live in subfolders of it, so
the profile is fully isolated; otherwise they follow the platform's usual places.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from hpos.hpay.errors import ConfigError
from hpos.profile.file import read_settings_file, write_settings_file
from hpos.profile.keystore import KeyStore
from hpos.profile.secret import (
    ENV_SECRET_KEY,
    SOURCE_ENV,
    SOURCE_KEYRING,
    SOURCE_NONE,
    SOURCE_SESSION,
    SecretLookup,
    api_host,
    secret_entry_name,
)
from hpos.profile.settings import LANGUAGES, MODES, Settings, replace_settings

if TYPE_CHECKING:
    from hpos.hpay.client import ClientConfig

__all__ = [
    "APP_NAME",
    "ENV_CONFIG_DIR",
    "ENV_OVERRIDES",
    "LANGUAGES",
    "SETTINGS_FILE",
    "Profile",
    "Settings",
    "api_host",
    "client_config_from",
    "default_config_dir",
    "open_profile",
    "replace_settings",
    "secret_entry_name",
]

APP_NAME = "hpos"
SETTINGS_FILE = "settings.json"
ENV_CONFIG_DIR = "HPOS_CONFIG_DIR"
#: Environment variable -> settings field it overrides.
ENV_OVERRIDES = {
    "HPOS_API_URL": "api_url",
    "HPOS_API_KEY": "api_key",
    "HPOS_PUBLIC_KEY": "public_key",
    "HPOS_MODE": "mode",
}


def default_config_dir(env: Mapping[str, str]) -> Path:
    """``HPOS_CONFIG_DIR`` when set, else the platform's user config dir for hpos."""
    explicit = env.get(ENV_CONFIG_DIR, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def open_profile(
    config_dir: Path | str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    keystore: KeyStore | None = None,
) -> Profile:
    """The profile for ``config_dir`` (``--config-dir``), ``HPOS_CONFIG_DIR`` or the default.

    An explicit directory gets its data and logs in subfolders of itself; the
    default profile uses the platform's user data and log dirs.
    """
    env = dict(os.environ) if env is None else env
    keystore = keystore or KeyStore()
    explicit = config_dir is not None or bool(env.get(ENV_CONFIG_DIR, "").strip())
    path = Path(config_dir).expanduser() if config_dir is not None else default_config_dir(env)
    if explicit:
        return Profile(path, keystore, env)
    return Profile(
        path,
        keystore,
        env,
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


class Profile:
    """One profile: its config dir, the keystore holding its secret, the environment.

    Without explicit ``data_dir``/``log_dir`` they are ``data``/``logs`` under
    ``config_dir`` (an isolated profile).
    """

    def __init__(
        self,
        config_dir: Path | str,
        keystore: KeyStore,
        env: Mapping[str, str],
        *,
        data_dir: Path | None = None,
        log_dir: Path | None = None,
    ) -> None:
        self.config_dir = Path(config_dir).expanduser().absolute()
        self.keystore = keystore
        self.env = env
        self.data_dir = Path(data_dir) if data_dir else self.config_dir / "data"
        self.log_dir = Path(log_dir) if log_dir else self.config_dir / "logs"
        self._settings: Settings | None = None
        #: One read-modify-write of the settings at a time (runner workers save in parallel).
        self._update_lock = threading.Lock()
        #: host -> secret kept for this session only (never written anywhere).
        self._session_secrets: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"Profile({str(self.config_dir)!r})"

    @property
    def settings_path(self) -> Path:
        """Where the non-secret settings live."""
        return self.config_dir / SETTINGS_FILE

    @property
    def profile_id(self) -> str:
        """Stable keyring entry name, derived from the resolved config dir."""
        import hashlib  # here, not at the top: OpenSSL's hashlib costs ~3 ms of start-up

        resolved = os.path.normcase(str(self.config_dir.resolve()))
        digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:16]
        return f"profile-{digest}"

    @property
    def settings(self) -> Settings:
        """The saved settings (defaults when there is no file yet); read once, then cached."""
        if self._settings is None:
            self._settings = read_settings_file(self.settings_path)
        return self._settings

    def reload(self) -> Settings:
        """Read the settings file again."""
        self._settings = None
        return self.settings

    def save(self, settings: Settings) -> None:
        """Write the settings atomically (temp file + replace), readable by the owner only."""
        write_settings_file(self.settings_path, settings)
        self._settings = settings

    def update(self, **changes: Any) -> Settings:
        """Save the current settings with ``changes`` (field=value) and return them.

        Read, change and write happen under one lock, so two small updates from two
        workers (the cashier on duty, the customer window's place, the printer...)
        never undo each other.
        """
        with self._update_lock:
            settings = replace_settings(self.settings, **changes)
            self.save(settings)
            return settings

    def _url(self, api_url: str | None) -> str:
        return self.effective().api_url if api_url is None else api_url

    def secret_lookup(self, api_url: str | None = None) -> SecretLookup:
        """The secret key for the host of ``api_url`` (default: the effective API URL).

        Looked up in order: ``HPOS_SECRET_KEY``, the session secret of that host,
        the keyring entry of that host. Reading the keyring may raise
        :class:`~hpos.profile.keystore.KeyStoreError` (e.g. no keyring backend).
        """
        host = api_host(self._url(api_url))
        from_env = self.env.get(ENV_SECRET_KEY, "").strip()
        if from_env:
            return SecretLookup(from_env, SOURCE_ENV, host)
        if host in self._session_secrets:
            return SecretLookup(self._session_secrets[host], SOURCE_SESSION, host)
        if not host:
            return SecretLookup(None, SOURCE_NONE, host)
        value = self.keystore.get_secret(f"{self.profile_id}@{host}")
        return SecretLookup(value, SOURCE_KEYRING if value else SOURCE_NONE, host)

    def secret_key(self, api_url: str | None = None) -> str | None:
        """``HPOS_SECRET_KEY`` when set, else the session or keyring secret of the API host.

        The host is that of ``api_url``, by default of the effective API URL; a
        secret stored for another host is never returned.
        """
        return self.secret_lookup(api_url).value

    def set_secret_key(self, value: str, *, api_url: str | None = None) -> None:
        """Store the secret key in the keyring (never in settings.json), bound to the API host.

        ConfigError when there is no API URL yet; KeyStoreError when the keyring fails.
        """
        url = self._url(api_url)
        self.keystore.set_secret(secret_entry_name(self.profile_id, url), value.strip())
        self._session_secrets.pop(api_host(url), None)

    def delete_secret_key(self, *, api_url: str | None = None) -> None:
        """Forget the secret of the API host: its keyring entry and any session secret."""
        url = self._url(api_url)
        self._session_secrets.pop(api_host(url), None)
        if api_host(url):
            self.keystore.delete_secret(secret_entry_name(self.profile_id, url))

    def set_session_secret(self, value: str | None, *, api_url: str | None = None) -> None:
        """Keep the secret key of the API host in memory for this session only.

        For when no keyring can store it (and for the demo's public keys): it is
        used by :meth:`secret_key` until the process ends, bound to the host like a
        stored secret, and never written to any file or keyring. ``None`` or an
        empty value forgets it.
        """
        host = api_host(self._url(api_url))
        text = (value or "").strip()
        if text:
            self._session_secrets[host] = text
        else:
            self._session_secrets.pop(host, None)

    def effective(self) -> Settings:
        """The saved settings with the environment overrides applied."""
        changes: dict[str, str] = {}
        for var, key in ENV_OVERRIDES.items():
            value = self.env.get(var, "").strip()
            if value:
                changes[key] = value
        if "mode" in changes:
            mode = changes["mode"].upper()
            if mode not in MODES:
                raise ConfigError(f"HPOS_MODE must be TEST or PROD, not {changes['mode']!r}.")
            changes["mode"] = mode
        return dataclasses.replace(self.settings, **changes)

    def client_config(self) -> ClientConfig:
        """The HPAY client configuration; ConfigError names whatever is missing."""
        eff = self.effective()
        required = (
            (eff.api_url, "No HPAY API URL configured. Set HPOS_API_URL"),
            (eff.api_key, "No HPAY API key configured. Set HPOS_API_KEY"),
            (eff.public_key, "No HPAY public key configured. Set HPOS_PUBLIC_KEY"),
        )
        for value, message in required:
            if not value:
                raise ConfigError(f"{message} or run `hpos configure`.")
        secret = self.secret_key()
        if not secret:
            raise ConfigError(
                "No HPAY secret key configured. Set HPOS_SECRET_KEY or run `hpos configure`."
            )
        return client_config_from(eff, secret)


def client_config_from(settings: Settings, secret: str, **extra: Any) -> ClientConfig:
    """The HPAY client configuration of ``settings`` with ``secret`` (no checks here)."""
    # imported on first use: the HPAY client loads requests (keeps start-up fast)
    from hpos.hpay.client import ClientConfig

    return ClientConfig(
        base_url=settings.api_url,
        api_key=settings.api_key,
        public_key=settings.public_key,
        secret_key=secret,
        mode=settings.mode,
        checkout_hosts=settings.checkout_hosts,
        proxy=settings.proxy,
        notify_url=settings.notify_url,
        success_url=settings.success_url,
        cancel_url=settings.cancel_url,
        deadline=settings.deadline,
        **extra,
    )
