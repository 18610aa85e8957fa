"""The settings dialog's secret key: a write-only field bound to the API host.

The saved secret is never shown, not even masked: the field stays empty and says "A
key is saved — type a new one to replace it"; whatever is typed replaces the saved
key when OK is pressed, and an empty field leaves it as it is. The eye button shows
only what is being typed. The secret is bound to the API host: a new path, or a new
port on the same host (a typo fixed), keeps the saved secret (it moves with the URL);
another host needs its own, and the note under the field says so. A URL that is not
valid yet (half typed) changes nothing. With ``HPOS_SECRET_KEY`` set the field is left
alone: the environment's secret takes precedence. Nothing here touches the keyring:
the dialog's background jobs (:mod:`hpos.ui.settings.jobs`) do.

The logic is pure (Qt only to translate): :class:`StoredSecret` is what the
dialog found when it opened (kept in memory for "Test connection" and moving it to a
new port, never put in a widget); :func:`secret_note` is the text (and colour role)
shown under the field, and :func:`secret_action` tells the save job whether to
store a secret or leave the stored one alone. The notes are translated when they are
made (context "SettingsSecret"); the module constants are their English texts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hpos.profile.secret import (
    ENV_SECRET_KEY,
    SOURCE_ENV,
    SOURCE_KEYRING,
    SOURCE_NONE,
    SOURCE_SESSION,
    api_host,
)
from hpos.ui.settings.form import SettingsForm
from hpos.ui.settings.jobs import Loaded

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


def hostname(host: str) -> str:
    """The machine of an :func:`~hpos.profile.secret.api_host` value: its port left out."""
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0]


def same_machine(host: str, other: str) -> bool:
    """True when two API hosts name one machine (ports aside): its secret is kept."""
    return bool(host) and hostname(host) == hostname(other)


def _changed(stored: StoredSecret, host: str, secret: str) -> bool:
    return host != stored.host or secret != stored.value or stored.source not in _KEPT


def _moves(stored: StoredSecret, host: str, secret: str) -> bool:
    """Nothing typed, and the saved secret's host got a new port: it goes with the URL."""
    return (
        not secret
        and bool(stored.value)
        and stored.source in _KEPT
        and host != stored.host
        and same_machine(host, stored.host)
    )


def secret_action(stored: StoredSecret, host: str, secret: str) -> str:
    """``"store"`` (the typed secret, or the saved one moving to a new port) or ``""``
    (leave the stored secret as it is: an empty field never deletes it)."""
    if (secret and _changed(stored, host, secret)) or _moves(stored, host, secret):
        return "store"
    return ""


def is_saved_for(stored: StoredSecret, host: str) -> bool:
    """True when a secret is saved for ``host``'s machine (the field offers to replace it)."""
    return bool(stored.value) and stored.source in _KEPT and same_machine(host, stored.host)


def secret_note(stored: StoredSecret, host: str, secret: str) -> tuple[str, str]:
    """The note under the secret field and its role ("note" or "warning")."""
    if stored.source == SOURCE_ENV:
        return _tr(_ENV_SECRET_SOURCE).format(name=ENV_SECRET_KEY), "note"
    if stored.no_keyring:
        return no_keyring_text(), "warning"
    if stored.keyring_problem:
        return stored.keyring_problem, "warning"
    if host and ((secret and _changed(stored, host, secret)) or _moves(stored, host, secret)):
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
        return text.format(host=stored.host), "note"  # host is "" while the URL is half typed
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


class SecretField:
    """The secret edit of ``form``, its note and its eye button; quiet until ``is_loaded()``."""

    def __init__(
        self, form: SettingsForm, env: Mapping[str, str], *, is_loaded: Callable[[], bool]
    ) -> None:
        self._form = form
        self._env = env
        self._is_loaded = is_loaded
        #: The secret found when the dialog opened (never shown).
        self.stored = StoredSecret()
        form.reveal_button.toggled.connect(form.show_reveal)
        form.api_url_edit.textChanged.connect(self._host_changed)
        form.secret_edit.textChanged.connect(self._secret_changed)

    def load(self, loaded: Loaded) -> None:
        """Remember the secret the background load found (the field stays empty)."""
        self.stored = StoredSecret(
            value=loaded.secret,
            source=loaded.source,
            host=api_host(loaded.settings.api_url),
            no_keyring=loaded.no_keyring,
            keyring_problem=loaded.keyring_problem,
        )

    def typed(self) -> str:
        """The secret in the field, stripped."""
        return self._form.secret_edit.text().strip()

    def _host(self) -> str:
        return api_host(self._form.api_url_edit.text().strip())

    def for_test(self) -> str:
        """The typed secret, else the saved one of this host, else ``HPOS_SECRET_KEY``'s."""
        secret = self.typed()
        if not secret and is_saved_for(self.stored, self._host()):
            secret = self.stored.value
        if not secret and self.stored.source == SOURCE_ENV:
            secret = self._env.get(ENV_SECRET_KEY, "").strip()
        return secret

    def action(self, api_url: str) -> str:
        """What saving does with the secret: ``"store"`` or ``""``."""
        return secret_action(self.stored, api_host(api_url), self.typed())

    def to_store(self) -> str:
        """The secret a ``"store"`` saves: the typed one, else the saved one (a new port)."""
        return self.typed() or self.stored.value

    def update_note(self) -> None:
        """Say under the field where the secret of the typed host is or will be kept."""
        host = self._host()
        text, role = secret_note(self.stored, host, self.typed())
        self._form.set_role_text(self._form.secret_note, text, role)
        saved = is_saved_for(self.stored, host)
        self._form.secret_edit.setPlaceholderText(
            QCoreApplication.translate(
                "SettingsSecret", "A key is saved — type a new one to replace it"
            )
            if saved
            else ""
        )

    def _host_changed(self, _text: str) -> None:
        if self._is_loaded() and self.stored.source != SOURCE_ENV:
            self.update_note()

    def _secret_changed(self, _text: str) -> None:
        if self._is_loaded():
            self.update_note()
