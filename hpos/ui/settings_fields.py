"""Validation and parsing of the settings dialog's fields (pure functions, no Qt).

The dialog hands the stripped-or-raw texts of its fields to
:func:`validate_fields` (one error message per field key), builds a
:class:`~hpos.hpay.client.ClientConfig` for "Test connection" with
:func:`client_config`, and shows :func:`env_text` above the form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from hpos.hpay.client import ClientConfig
from hpos.hpay.errors import ConfigError
from hpos.hpay.urls import CheckoutUrlPolicy, validate_base_url
from hpos.settings import ENV_OVERRIDES, ENV_SECRET_KEY, Settings, client_config_from

URL_FIRST_TEXT = "Enter the API base URL first: the secret is stored for one host."
PROD_QUESTION = (
    "Switch to PROD mode?\n\n"
    "In PROD, payments are real: customers' cards are charged and real money moves."
)
#: Extra attempts of the Test connection call (a test should answer quickly).
TEST_READ_RETRIES = 1
MAX_NAME_CHARS = 100
MAX_PRODUCT_CHARS = 255
_TILL_NAME = re.compile(r"[A-Za-z0-9_-]{1,32}")


def check_http_url(text: str, what: str) -> str:
    """An error message for a notify/success/cancel URL, or "" when it is fine."""
    if not text:
        return f"Enter the {what} URL (https://...)."
    try:
        parts = urlsplit(text)
        _ = parts.port
    except ValueError:
        return f"The {what} URL is not a valid URL."
    if any(ch.isspace() for ch in text):
        return f"The {what} URL must not contain spaces."
    if parts.scheme.lower() not in ("http", "https"):
        return f"The {what} URL must start with https:// or http://."
    if not parts.hostname:
        return f"The {what} URL has no host name."
    if "@" in parts.netloc:
        return f"The {what} URL must not contain a user name or password."
    return ""


def parse_hosts(text: str) -> tuple[str, ...]:
    """Host names from a comma (or space) separated list, lower-case, without blanks."""
    return tuple(h.strip().lower() for h in re.split(r"[,\s]+", text) if h.strip())


def validate_fields(texts: Mapping[str, str]) -> dict[str, str]:
    """Error messages by field key for the raw field texts (keys as in :class:`Settings`).

    ``texts`` holds ``api_url``, ``api_key``, ``public_key``, ``secret_key``,
    ``shop_name``, ``till_name``, ``default_product``, ``notify_url``,
    ``success_url``, ``cancel_url`` and ``checkout_hosts``.
    """
    errors: dict[str, str] = {}
    url = texts["api_url"].strip()
    if url:
        try:
            validate_base_url(url)
        except ConfigError as exc:
            errors["api_url"] = exc.message
    for key, name in (
        ("api_key", "The API key"),
        ("public_key", "The public key"),
        ("secret_key", "The secret key"),
    ):
        if any(ch.isspace() for ch in texts[key].strip()):
            errors[key] = f"{name} must not contain spaces."
    if texts["secret_key"].strip() and not url and "secret_key" not in errors:
        errors["secret_key"] = URL_FIRST_TEXT
    if len(texts["shop_name"].strip()) > MAX_NAME_CHARS:
        errors["shop_name"] = f"At most {MAX_NAME_CHARS} characters."
    if not _TILL_NAME.fullmatch(texts["till_name"].strip()):
        errors["till_name"] = "1 to 32 letters, digits, - or _ (e.g. TILL1)."
    product = texts["default_product"].strip()
    if not product:
        errors["default_product"] = "Enter a product name (e.g. Sale)."
    elif len(product) > MAX_PRODUCT_CHARS:
        errors["default_product"] = f"At most {MAX_PRODUCT_CHARS} characters."
    for key, what in (
        ("notify_url", "notify"),
        ("success_url", "success"),
        ("cancel_url", "cancel"),
    ):
        problem = check_http_url(texts[key].strip(), what)
        if problem:
            errors[key] = problem
    try:
        CheckoutUrlPolicy(parse_hosts(texts["checkout_hosts"]))
    except ConfigError as exc:
        errors["checkout_hosts"] = exc.message
    return errors


def client_config(settings: Settings, secret: str) -> ClientConfig:
    """The Test connection configuration; ConfigError naming what is missing."""
    missing = [
        name
        for name, value in (
            ("the API base URL", settings.api_url),
            ("the API key", settings.api_key),
            ("the public key", settings.public_key),
            ("the secret key", secret),
        )
        if not value
    ]
    if missing:
        names = ", ".join(missing[:-1]) + " and " + missing[-1] if len(missing) > 1 else missing[0]
        raise ConfigError(f"Enter {names} to test the connection.")
    return client_config_from(settings, secret, read_retries=TEST_READ_RETRIES)


def env_text(env: Mapping[str, str]) -> str:
    """The warning naming the environment variables that override the saved settings."""
    names = [v for v in (*ENV_OVERRIDES, ENV_SECRET_KEY) if env.get(v, "").strip()]
    if not names:
        return ""
    return "Set in the environment, these override the saved settings: " + ", ".join(names) + "."
