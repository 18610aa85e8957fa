"""Validation and parsing of the settings dialog's fields (pure functions; Qt only to translate).

The dialog hands the stripped-or-raw texts of its fields to
:func:`validate_fields` (one error message per field key), builds a
:class:`~hpos.hpay.client.ClientConfig` for "Test connection" with
:func:`client_config`, and shows :func:`env_text` above the form. Every message
is translated when it is made (context "SettingsFields"); the module constants
are the English source texts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hpos.hpay.client import ClientConfig
from hpos.hpay.errors import ConfigError
from hpos.hpay.urls import CheckoutUrlPolicy, validate_base_url
from hpos.profile.profile import ENV_OVERRIDES, client_config_from
from hpos.profile.return_pages import RETURN_PAGE_FIELDS, is_example_url
from hpos.profile.secret import ENV_SECRET_KEY
from hpos.profile.settings import Settings

URL_FIRST_TEXT = QT_TRANSLATE_NOOP(
    "SettingsFields", "Enter the API base URL first: the secret is stored for one host."
)
PROD_QUESTION = QT_TRANSLATE_NOOP(
    "SettingsFields",
    "Switch to PROD mode?\n\n"
    "In PROD, payments are real: customers' cards are charged and real money moves.",
)
#: What the URL messages call each URL field.
_URL_NAMES = {
    "notify": QT_TRANSLATE_NOOP("SettingsFields", "notify URL"),
    "success": QT_TRANSLATE_NOOP("SettingsFields", "success URL"),
    "cancel": QT_TRANSLATE_NOOP("SettingsFields", "cancel URL"),
}
#: What the key messages call each key field.
_KEY_NAMES = {
    "api_key": QT_TRANSLATE_NOOP("SettingsFields", "The API key"),
    "public_key": QT_TRANSLATE_NOOP("SettingsFields", "The public key"),
    "secret_key": QT_TRANSLATE_NOOP("SettingsFields", "The secret key"),
}
#: What "Test connection" says is missing.
_MISSING_NAMES = {
    "api_url": QT_TRANSLATE_NOOP("SettingsFields", "the API base URL"),
    "api_key": QT_TRANSLATE_NOOP("SettingsFields", "the API key"),
    "public_key": QT_TRANSLATE_NOOP("SettingsFields", "the public key"),
    "secret_key": QT_TRANSLATE_NOOP("SettingsFields", "the secret key"),
}
#: Extra attempts of the Test connection call (a test should answer quickly).
TEST_READ_RETRIES = 1
MAX_NAME_CHARS = 100
MAX_PRODUCT_CHARS = 255
_TILL_NAME = re.compile(r"[A-Za-z0-9_-]{1,32}")


def _tr(source: str) -> str:
    """A source text marked with ``QT_TRANSLATE_NOOP("SettingsFields", ...)``, translated."""
    return QCoreApplication.translate("SettingsFields", source)


def prod_question() -> str:
    """The question asked before switching to PROD, in the current language."""
    return _tr(PROD_QUESTION)


def check_http_url(text: str, what: str) -> str:
    """An error message for a ``what`` = notify/success/cancel URL, or "" when it is fine."""
    name = _tr(_URL_NAMES[what]) if what in _URL_NAMES else what
    if not text:
        problem = QCoreApplication.translate("SettingsFields", "Enter the {name} (https://...).")
        return problem.format(name=name)
    try:
        parts = urlsplit(text)
        _ = parts.port
    except ValueError:
        problem = QCoreApplication.translate("SettingsFields", "The {name} is not a valid URL.")
    else:
        problem = _url_problem(text, parts.scheme, parts.hostname, parts.netloc)
    return problem.format(name=name)


def _url_problem(text: str, scheme: str, hostname: str | None, netloc: str) -> str:
    if any(ch.isspace() for ch in text):
        return QCoreApplication.translate("SettingsFields", "The {name} must not contain spaces.")
    if scheme.lower() not in ("http", "https"):
        return QCoreApplication.translate(
            "SettingsFields", "The {name} must start with https:// or http://."
        )
    if not hostname:
        return QCoreApplication.translate("SettingsFields", "The {name} has no host name.")
    if "@" in netloc:
        return QCoreApplication.translate(
            "SettingsFields", "The {name} must not contain a user name or password."
        )
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
    for key, name in _KEY_NAMES.items():
        if any(ch.isspace() for ch in texts[key].strip()):
            errors[key] = QCoreApplication.translate(
                "SettingsFields", "{name} must not contain spaces."
            ).format(name=_tr(name))
    if texts["secret_key"].strip() and not url and "secret_key" not in errors:
        errors["secret_key"] = _tr(URL_FIRST_TEXT)
    at_most = QCoreApplication.translate("SettingsFields", "At most {count} characters.")
    if len(texts["shop_name"].strip()) > MAX_NAME_CHARS:
        errors["shop_name"] = at_most.format(count=MAX_NAME_CHARS)
    if not _TILL_NAME.fullmatch(texts["till_name"].strip()):
        errors["till_name"] = QCoreApplication.translate(
            "SettingsFields", "1 to 32 letters, digits, - or _ (e.g. TILL1)."
        )
    product = texts["default_product"].strip()
    if not product:
        errors["default_product"] = QCoreApplication.translate(
            "SettingsFields", "Enter a product name (e.g. Sale)."
        )
    elif len(product) > MAX_PRODUCT_CHARS:
        errors["default_product"] = at_most.format(count=MAX_PRODUCT_CHARS)
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
    values = {
        "api_url": settings.api_url,
        "api_key": settings.api_key,
        "public_key": settings.public_key,
        "secret_key": secret,
    }
    missing = [_tr(_MISSING_NAMES[key]) for key, value in values.items() if not value]
    if missing:
        names = _names(missing)
        raise ConfigError(
            QCoreApplication.translate(
                "SettingsFields", "Enter {names} to test the connection."
            ).format(names=names)
        )
    return client_config_from(settings, secret, read_retries=TEST_READ_RETRIES)


def _names(names: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c`` in the current language."""
    if len(names) == 1:
        return names[0]
    return QCoreApplication.translate("SettingsFields", "{first} and {last}").format(
        first=", ".join(names[:-1]), last=names[-1]
    )


def example_pages(mode: str, texts: Mapping[str, str]) -> tuple[str, ...]:
    """The return-page keys whose text is still HPAY's example address; none in TEST."""
    if mode != "PROD":
        return ()
    return tuple(key for key in RETURN_PAGE_FIELDS if is_example_url(texts[key]))


def example_pages_text(keys: tuple[str, ...]) -> str:
    """The warning next to the return pages still on HPAY's examples ("" for none)."""
    if not keys:
        return ""
    names = [_tr(_URL_NAMES[key.removesuffix("_url")]) for key in keys]
    if len(names) == 1:
        first = QCoreApplication.translate(
            "SettingsFields", "The {name} is still HPAY's example address."
        ).format(name=names[0])
    else:
        first = QCoreApplication.translate(
            "SettingsFields", "The {names} are still HPAY's example addresses."
        ).format(names=_names(names))
    second = QCoreApplication.translate(
        "SettingsFields",
        "In PROD, put your shop's own pages there: after paying, the customer's phone "
        "opens the success URL. HPOS itself does not need them.",
    )
    return f"{first} {second}"


def env_text(env: Mapping[str, str]) -> str:
    """The warning naming the environment variables that override the saved settings."""
    names = [v for v in (*ENV_OVERRIDES, ENV_SECRET_KEY) if env.get(v, "").strip()]
    if not names:
        return ""
    return QCoreApplication.translate(
        "SettingsFields", "Set in the environment, these override the saved settings: {names}."
    ).format(names=", ".join(names))
