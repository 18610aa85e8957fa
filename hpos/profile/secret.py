"""The secret key's binding: which API host it belongs to, and where it was found.

A secret key is stored per profile and per API host: its keyring entry is
``"<profile id>@<host>"`` (:func:`secret_entry_name`), so it is never sent to
another host than the one it was entered for. :class:`SecretLookup` tells where
:meth:`hpos.profile.profile.Profile.secret_lookup` found it: ``HPOS_SECRET_KEY``
(:data:`SOURCE_ENV`), the session, the keyring, or nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from hpos.hpay.errors import ConfigError
from hpos.hpay.urls import validate_base_url

ENV_SECRET_KEY = "HPOS_SECRET_KEY"  # noqa: S105 - a variable name, not a secret
#: Where a secret key came from (:attr:`SecretLookup.source`).
SOURCE_ENV = "env"
SOURCE_SESSION = "session"
SOURCE_KEYRING = "keyring"
SOURCE_NONE = "none"


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
