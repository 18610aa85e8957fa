"""The settings dialog's background jobs (run on the Runner, no widgets) and their texts.

- :func:`load_settings` reads ``settings.json`` and the secret of the saved API host;
- :func:`save_settings` writes ``settings.json`` (never the secret; the manager PIN
  only as its salted hash, made here: scrypt is slow by design), then the secret
  (keyring, else this session only);
- :func:`fetch_token` calls ``/getToken/`` for "Test connection";
- :func:`token_text` and :func:`error_text` describe their outcome.

The texts are translated (context "SettingsIo") with
:meth:`QCoreApplication.translate`, which is thread-safe; HPAY's own error
messages are shown as HPAY wrote them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QCoreApplication

from hpos.hpay.client import ClientConfig, HpayClient
from hpos.hpay.errors import ConfigError, HpayError
from hpos.hpay.models import Token
from hpos.hpay.redact import default_redactor
from hpos.profile.keystore import EMPTY, KeyStoreError
from hpos.profile.pin import attempts_path, clear_attempts, hash_pin
from hpos.profile.profile import Profile
from hpos.profile.secret import SOURCE_NONE, SOURCE_SESSION
from hpos.profile.settings import Settings, replace_settings
from hpos.ui.money import format_money

ClientFactory = Callable[[ClientConfig], HpayClient]


@dataclass(frozen=True)
class Loaded:
    """What the background load found (data only, no widgets)."""

    settings: Settings
    settings_problem: str = ""
    secret: str = field(default="", repr=False)
    source: str = SOURCE_NONE
    keyring_problem: str = ""
    no_keyring: bool = False


@dataclass(frozen=True)
class SaveResult:
    """What the background save did with the secret."""

    settings: Settings
    stored_in: str = ""  # "keyring", "session", "deleted" or "" (unchanged)
    keyring_problem: str = ""
    no_keyring: bool = False


def load_settings(profile: Profile) -> Loaded:
    """Runs on a worker: settings.json, then the secret of the saved API host."""
    problem = ""
    try:
        settings = profile.reload()
    except ConfigError as exc:
        settings = Settings()
        problem = QCoreApplication.translate("SettingsIo", "{problem} Saving replaces it.").format(
            problem=exc.message
        )
    try:
        lookup = profile.secret_lookup(settings.api_url)
    except KeyStoreError as exc:
        return Loaded(settings, problem, keyring_problem=exc.message, no_keyring=exc.no_keyring)
    loaded = Loaded(settings, problem, lookup.value or "", lookup.source)
    if lookup.source in (SOURCE_NONE, SOURCE_SESSION):
        # the keyring was not read (no host yet, or a session secret): say now if there is none
        try:
            profile.keystore.check()
        except KeyStoreError as exc:
            return replace(loaded, keyring_problem=exc.message, no_keyring=exc.no_keyring)
    return loaded


def save_settings(
    profile: Profile, settings: Settings, action: str, secret: str, *, pin: str | None = None
) -> SaveResult:
    """Runs on a worker: settings.json first, then the secret (keyring, else this session).

    ``pin``: None leaves the manager PIN as it is, "" removes it, digits set it (hashed
    here; the wrong-PIN count and any lockout are forgotten with the old PIN).
    """
    if pin is not None:
        settings = replace_settings(settings, manager_pin_hash=hash_pin(pin) if pin else "")
    profile.save(settings)
    if pin is not None:
        clear_attempts(attempts_path(profile.config_dir))
    url = settings.api_url
    if action == "store":
        try:
            profile.set_secret_key(secret, api_url=url)
        except KeyStoreError as exc:
            if exc.reason == EMPTY:
                raise
            profile.set_session_secret(secret, api_url=url)
            return SaveResult(settings, "session", exc.message, exc.no_keyring)
        return SaveResult(settings, "keyring")
    if action == "delete":
        try:
            profile.delete_secret_key(api_url=url)
        except KeyStoreError as exc:
            profile.set_session_secret(None, api_url=url)
            return SaveResult(settings, "deleted", exc.message, exc.no_keyring)
        return SaveResult(settings, "deleted")
    return SaveResult(settings)


def fetch_token(factory: ClientFactory, config: ClientConfig) -> Token:
    """Runs on a worker: one ``/getToken/`` call with a client made for the test."""
    client = factory(config)
    try:
        return client.token()
    finally:
        client.close()


def error_text(exc: BaseException) -> str:
    """The exact message of an HPAY error (redacted anyway); a neutral text otherwise."""
    if isinstance(exc, HpayError):
        return default_redactor().redact(exc.message)
    return QCoreApplication.translate("SettingsIo", "Unexpected error ({name}).").format(
        name=type(exc).__name__
    )


def token_text(token: Token, asked_mode: str) -> str:
    """The Test connection success text: company, mode, currency and balances."""
    lines = [
        QCoreApplication.translate("SettingsIo", "Connected to {company}.").format(
            company=token.company or "HPAY"
        ),
        QCoreApplication.translate("SettingsIo", "Mode: {mode} · Currency: {currency}").format(
            mode=token.mode or asked_mode, currency=token.currency
        ),
    ]
    balances = []
    if token.main_balance is not None:
        balances.append(
            QCoreApplication.translate("SettingsIo", "main {amount}").format(
                amount=format_money(token.main_balance, token.currency)
            )
        )
    if token.profit_balance is not None:
        balances.append(
            QCoreApplication.translate("SettingsIo", "profit {amount}").format(
                amount=format_money(token.profit_balance, token.currency)
            )
        )
    if balances:
        lines.append(
            QCoreApplication.translate("SettingsIo", "Balance: {balances}").format(
                balances=" · ".join(balances)
            )
        )
    if token.mode and token.mode != asked_mode:
        lines.append(
            QCoreApplication.translate(
                "SettingsIo", "HPAY answered in {answered} mode, not {asked}."
            ).format(answered=token.mode, asked=asked_mode)
        )
    return "\n".join(lines)
