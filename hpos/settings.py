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

When the config directory is given explicitly (``--config-dir`` or
``HPOS_CONFIG_DIR``) the profile's data and logs live in subfolders of it, so
the profile is fully isolated; otherwise they follow the platform's usual places.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import platformdirs

from hpos.hpay.errors import ConfigError
from hpos.hpay.urls import validate_base_url
from hpos.keystore import KeyStore

if TYPE_CHECKING:
    from hpos.hpay.client import ClientConfig

APP_NAME = "hpos"
SETTINGS_FILE = "settings.json"
MODES = ("TEST", "PROD")
ENV_CONFIG_DIR = "HPOS_CONFIG_DIR"
ENV_SECRET_KEY = "HPOS_SECRET_KEY"  # noqa: S105 - a variable name, not a secret
#: Environment variable -> settings field it overrides.
ENV_OVERRIDES = {
    "HPOS_API_URL": "api_url",
    "HPOS_API_KEY": "api_key",
    "HPOS_PUBLIC_KEY": "public_key",
    "HPOS_MODE": "mode",
}
#: Bounds of the payment expiry (minutes) and of the auto-return delay (seconds, 0 = never).
EXPIRY_MINUTES_RANGE = (1, 1440)
AUTO_RETURN_SECONDS_RANGE = (0, 600)
#: Languages the UI is translated into ("" in settings = follow the system).
LANGUAGES = ("en", "fr")
#: Receipt paper layouts.
RECEIPT_LAYOUTS = ("58mm", "80mm", "A4")
#: Where a secret key came from (:attr:`SecretLookup.source`).
SOURCE_ENV = "env"
SOURCE_SESSION = "session"
SOURCE_KEYRING = "keyring"
SOURCE_NONE = "none"


@dataclass(frozen=True)
class Settings:
    """Non-secret settings of one profile; validated on construction."""

    api_url: str = ""
    api_key: str = ""
    public_key: str = ""
    mode: str = "TEST"
    shop_name: str = ""
    till_name: str = "TILL1"
    default_product: str = "Sale"
    expiry_minutes: int = 15
    auto_return_seconds: int = 10
    proxy: str | None = None
    checkout_hosts: tuple[str, ...] = ("checkout.hpay.cash",)
    notify_url: str = "https://hpay.cash/third/notify/"
    success_url: str = "https://hpay.cash/third/success/"
    cancel_url: str = "https://hpay.cash/third/cancel/"
    deadline: float = 20.0
    # -- the counter (issue 6) --
    language: str = ""  # "" follows the system locale; else one of LANGUAGES
    customer_display: str = "auto"  # "auto", "off", or a screen name (QScreen.name())
    sound_enabled: bool = True
    sound_volume: int = 80  # percent
    receipt_layout: str = "80mm"  # one of RECEIPT_LAYOUTS
    printer_name: str = ""  # the last printer used; "" = the system default
    print_without_dialog: bool = False
    auto_print: bool = False  # print a receipt on every PAID

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            try:
                value = _FIELD_CHECKS[f.name](getattr(self, f.name))
            except _Invalid as exc:
                raise ConfigError(f"Setting '{f.name}' {exc}.") from None
            object.__setattr__(self, f.name, value)

    def to_json(self) -> dict[str, Any]:
        """The settings as a JSON-ready mapping."""
        data = dataclasses.asdict(self)
        data["checkout_hosts"] = list(self.checkout_hosts)
        return data


class _Invalid(ValueError):
    """A field value of the wrong type or shape (the caller names the key and file)."""


def _check_str(value: object) -> str:
    if not isinstance(value, str):
        raise _Invalid("must be a string")
    return value.strip()


def _check_mode(value: object) -> str:
    text = _check_str(value).upper()
    if text not in MODES:
        raise _Invalid("must be TEST or PROD")
    return text


def _check_bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Invalid("must be true or false")
    return value


def _one_of(choices: tuple[str, ...], *, blank: bool = False) -> Callable[[object], str]:
    def check(value: object) -> str:
        text = _check_str(value)
        if text in choices or (blank and not text):
            return text
        raise _Invalid("must be one of " + ", ".join(repr(c) for c in choices))

    return check


def _check_display(value: object) -> str:
    text = _check_str(value)
    if not text:
        raise _Invalid("must be 'auto', 'off' or a screen name")
    return text


def _check_proxy(value: object) -> str | None:
    if value is None:
        return None
    return _check_str(value) or None


def _check_hosts(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise _Invalid("must be a list of host names")
    hosts = tuple(_check_str(v).lower() for v in value)
    if not all(hosts):
        raise _Invalid("must not contain an empty host name")
    return hosts


def _int_in(low: int, high: int, unit: str) -> Callable[[object], int]:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid(f"must be a whole number of {unit}")
        if not low <= value <= high:
            raise _Invalid(f"must be between {low} and {high} {unit}")
        return value

    return check


def _check_deadline(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid("must be a number of seconds")
    if not 0 < value <= 600:
        raise _Invalid("must be between 0 and 600 seconds")
    return float(value)


_FIELD_CHECKS: dict[str, Callable[[Any], Any]] = {
    "api_url": _check_str,
    "api_key": _check_str,
    "public_key": _check_str,
    "mode": _check_mode,
    "shop_name": _check_str,
    "till_name": _check_str,
    "default_product": _check_str,
    "expiry_minutes": _int_in(*EXPIRY_MINUTES_RANGE, "minutes"),
    "auto_return_seconds": _int_in(*AUTO_RETURN_SECONDS_RANGE, "seconds"),
    "proxy": _check_proxy,
    "checkout_hosts": _check_hosts,
    "notify_url": _check_str,
    "success_url": _check_str,
    "cancel_url": _check_str,
    "deadline": _check_deadline,
    "language": _one_of(LANGUAGES, blank=True),
    "customer_display": _check_display,
    "sound_enabled": _check_bool,
    "sound_volume": _int_in(0, 100, "percent"),
    "receipt_layout": _one_of(RECEIPT_LAYOUTS),
    "printer_name": _check_str,
    "print_without_dialog": _check_bool,
    "auto_print": _check_bool,
}


def settings_from_mapping(data: Mapping[str, Any], source: str) -> Settings:
    """Settings from a decoded JSON object; unknown keys ignored, bad values named."""
    values: dict[str, Any] = {}
    for key, check in _FIELD_CHECKS.items():
        if key in data:
            try:
                values[key] = check(data[key])
            except _Invalid as exc:
                raise ConfigError(f"{source}: setting '{key}' {exc}.") from None
    return Settings(**values)


def replace_settings(settings: Settings, **changes: Any) -> Settings:
    """A copy with ``changes`` applied; a bad value raises ConfigError naming the setting."""
    unknown = sorted(set(changes) - set(_FIELD_CHECKS))
    if unknown:
        raise ConfigError(f"Unknown setting '{unknown[0]}'.")
    return dataclasses.replace(settings, **changes)


def api_host(api_url: str) -> str:
    """The host a secret is bound to: lower-case host, plus the port when not the default.

    ``"https://API.example.com/v2"`` -> ``"api.example.com"``,
    ``"http://127.0.0.1:8765"`` -> ``"127.0.0.1:8765"``; ``""`` for an empty or
    invalid URL (no secret is bound to it).
    """
    try:
        parts = urlsplit(validate_base_url(api_url))
        port = parts.port
    except (ConfigError, ValueError):
        return ""
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != {"https": 443, "http": 80}.get(parts.scheme):
        host += f":{port}"
    return host


def secret_entry_name(profile_id: str, api_url: str) -> str:
    """The keyring entry of a profile's secret for the host of ``api_url``.

    ConfigError when ``api_url`` has no valid host: a secret is always bound to one.
    """
    host = api_host(api_url)
    if not host:
        raise ConfigError(
            "Set the HPAY API URL before the secret key: the secret is stored for one API host."
        )
    return f"{profile_id}@{host}"


@dataclass(frozen=True)
class SecretLookup:
    """Where the secret key of a profile comes from, for one API host.

    ``source`` is ``"env"`` (HPOS_SECRET_KEY), ``"session"`` (kept in memory),
    ``"keyring"`` or ``"none"``; ``host`` is the API host it is bound to
    (``""`` when the URL has none).
    """

    value: str | None = field(repr=False)
    source: str
    host: str


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
        resolved = os.path.normcase(str(self.config_dir.resolve()))
        digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:16]
        return f"profile-{digest}"

    @property
    def settings(self) -> Settings:
        """The saved settings (defaults when there is no file yet); read once, then cached."""
        if self._settings is None:
            self._settings = self._load()
        return self._settings

    def reload(self) -> Settings:
        """Read the settings file again."""
        self._settings = None
        return self.settings

    def _load(self) -> Settings:
        path = self.settings_path
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

    def save(self, settings: Settings) -> None:
        """Write the settings atomically (temp file + replace), readable by the owner only."""
        path = self.settings_path
        text = json.dumps(settings.to_json(), indent=2, sort_keys=True) + "\n"
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(text)
                    f.flush()
                    os.fsync(f.fileno())
                os.chmod(tmp, 0o600)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise ConfigError(f"Cannot save {path}: {exc.strerror or exc}.") from None
        self._settings = settings

    def _url(self, api_url: str | None) -> str:
        return self.effective().api_url if api_url is None else api_url

    def secret_lookup(self, api_url: str | None = None) -> SecretLookup:
        """The secret key for the host of ``api_url`` (default: the effective API URL).

        Looked up in order: ``HPOS_SECRET_KEY``, the session secret of that host,
        the keyring entry of that host. Reading the keyring may raise
        :class:`~hpos.keystore.KeyStoreError` (e.g. no keyring backend).
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
            try:
                changes["mode"] = _check_mode(changes["mode"])
            except _Invalid:
                raise ConfigError(
                    f"HPOS_MODE must be TEST or PROD, not {changes['mode']!r}."
                ) from None
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
