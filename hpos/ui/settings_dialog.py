"""The settings dialog: HPAY keys (secret in the keyring), mode, shop, payments, Test connection.

Everything that touches the disk, the keyring or the network runs on the
:class:`~hpos.ui.runner.Runner`:

- opening the dialog reads ``settings.json`` and the secret of the saved API
  host in the background (the fields stay disabled until then, ``loaded`` is
  emitted);
- OK validates the fields, then writes ``settings.json`` (through
  :meth:`Profile.save`, never the secret) and the secret (keyring, bound to the
  API host) in the background, and emits ``saved(settings)`` once both are done;
- "Test connection" builds a :class:`ClientConfig` from the *fields* (not the
  saved settings) and calls ``/getToken/`` in the background; it shows the
  company, mode, currency and balances, or HPAY's exact error message.

The secret is bound to the API host: when the API URL's host changes, the
secret field empties and the user is asked for the secret of the new host. When
no system keyring exists, the secret is kept in memory for this session only
(:meth:`Profile.set_session_secret`) and the dialog says so. Switching the mode
to PROD asks for confirmation; refused, the mode stays TEST. Fields are
validated as they are typed; OK is disabled while one is invalid.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hpos.hpay.client import ClientConfig, HpayClient
from hpos.hpay.errors import ConfigError, HpayError
from hpos.hpay.models import Token
from hpos.hpay.redact import default_redactor
from hpos.hpay.urls import CheckoutUrlPolicy, validate_base_url
from hpos.keystore import EMPTY, KeyStoreError
from hpos.settings import (
    AUTO_RETURN_SECONDS_RANGE,
    ENV_OVERRIDES,
    ENV_SECRET_KEY,
    EXPIRY_MINUTES_RANGE,
    SOURCE_ENV,
    SOURCE_KEYRING,
    SOURCE_NONE,
    SOURCE_SESSION,
    Profile,
    Settings,
    api_host,
    replace_settings,
)
from hpos.ui.runner import Runner

log = logging.getLogger(__name__)

ClientFactory = Callable[[ClientConfig], HpayClient]
Confirm = Callable[[str], bool]
Inform = Callable[[str], None]

NO_KEYRING_TEXT = "No system keyring: the secret is kept for this session only."
SESSION_TEXT = "Kept for this session only (not stored anywhere)."
ENV_SECRET_TEXT = f"{ENV_SECRET_KEY} is set in the environment and takes precedence."
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

RED = "#b3261e"
GREEN = "#1e7e34"
AMBER = "#9a5b00"
GREY = "#4d5156"

STYLE = f"""
QLabel[role="error"] {{ color: {RED}; }}
QLabel[role="note"] {{ color: {GREY}; }}
QLabel[role="warning"] {{ color: {AMBER}; font-weight: bold; }}
QLabel[role="ok"] {{ color: {GREEN}; }}
"""


@dataclass(frozen=True)
class _Loaded:
    """What the background load found (data only, no widgets)."""

    settings: Settings
    settings_problem: str = ""
    secret: str = field(default="", repr=False)
    source: str = SOURCE_NONE
    keyring_problem: str = ""
    no_keyring: bool = False


@dataclass(frozen=True)
class _SaveResult:
    settings: Settings
    stored_in: str = ""  # "keyring", "session", "deleted" or "" (unchanged)
    keyring_problem: str = ""
    no_keyring: bool = False


def _load(profile: Profile) -> _Loaded:
    """Runs on a worker: settings.json, then the secret of the saved API host."""
    problem = ""
    try:
        settings = profile.reload()
    except ConfigError as exc:
        settings = Settings()
        problem = f"{exc.message} Saving replaces it."
    try:
        lookup = profile.secret_lookup(settings.api_url)
    except KeyStoreError as exc:
        return _Loaded(settings, problem, keyring_problem=exc.message, no_keyring=exc.no_keyring)
    loaded = _Loaded(settings, problem, lookup.value or "", lookup.source)
    if lookup.source in (SOURCE_NONE, SOURCE_SESSION):
        # the keyring was not read (no host yet, or a session secret): say now if there is none
        try:
            profile.keystore.check()
        except KeyStoreError as exc:
            return replace(loaded, keyring_problem=exc.message, no_keyring=exc.no_keyring)
    return loaded


def _save(profile: Profile, settings: Settings, action: str, secret: str) -> _SaveResult:
    """Runs on a worker: settings.json first, then the secret (keyring, else this session)."""
    profile.save(settings)
    url = settings.api_url
    if action == "store":
        try:
            profile.set_secret_key(secret, api_url=url)
        except KeyStoreError as exc:
            if exc.reason == EMPTY:
                raise
            profile.set_session_secret(secret, api_url=url)
            return _SaveResult(settings, "session", exc.message, exc.no_keyring)
        return _SaveResult(settings, "keyring")
    if action == "delete":
        try:
            profile.delete_secret_key(api_url=url)
        except KeyStoreError as exc:
            profile.set_session_secret(None, api_url=url)
            return _SaveResult(settings, "deleted", exc.message, exc.no_keyring)
        return _SaveResult(settings, "deleted")
    return _SaveResult(settings)


def _check_http_url(text: str, what: str) -> str:
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


def _error_text(exc: BaseException) -> str:
    """The exact message of an HPAY error (redacted anyway); a neutral text otherwise."""
    if isinstance(exc, HpayError):
        return default_redactor().redact(exc.message)
    return f"Unexpected error ({type(exc).__name__})."


def _token_text(token: Token, asked_mode: str) -> str:
    from hpos.ui.amount import format_money

    lines = [f"Connected to {token.company or 'HPAY'}."]
    lines.append(f"Mode: {token.mode or asked_mode} · Currency: {token.currency}")
    balances = []
    if token.main_balance is not None:
        balances.append(f"main {format_money(token.main_balance, token.currency)}")
    if token.profit_balance is not None:
        balances.append(f"profit {format_money(token.profit_balance, token.currency)}")
    if balances:
        lines.append("Balance: " + " · ".join(balances))
    if token.mode and token.mode != asked_mode:
        lines.append(f"HPAY answered in {token.mode} mode, not {asked_mode}.")
    return "\n".join(lines)


class SettingsDialog(QDialog):
    """Edit one profile's settings; the secret goes to the keyring, bound to the API host."""

    #: The settings just saved (a :class:`~hpos.settings.Settings`).
    saved = Signal(object)
    #: The fields were filled from the profile (the dialog is ready for input).
    loaded = Signal()
    #: Test connection finished: (success, the text shown).
    tested = Signal(bool, str)

    def __init__(
        self,
        profile: Profile,
        runner: Runner,
        *,
        client_factory: ClientFactory = HpayClient,
        confirm: Confirm | None = None,
        inform: Inform | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.runner = runner
        self._client_factory = client_factory
        self._confirm = confirm or self._ask
        self._inform = inform or self._tell
        self._base = Settings()
        self._loaded_secret = ""
        self._loaded_source = SOURCE_NONE
        self._loaded_host = ""
        self._no_keyring = False
        self._keyring_problem = ""
        self._secret_cleared = False
        self._is_loaded = False
        self._saving = False
        self._test_seq = 0
        self._errors: dict[str, str] = {}
        self._error_labels: dict[str, tuple[QFormLayout, QLabel]] = {}
        self.setWindowTitle("HPOS settings")
        self.setObjectName("settingsDialog")
        self.setStyleSheet(STYLE)
        self._build()
        self._connect()
        self._set_inputs_enabled(False)
        self._set_status("Loading settings…", "note")
        self._update_ok()
        runner.submit(
            lambda: _load(profile),
            on_done=self._guard(self._on_loaded),
            on_error=self._guard(self._on_load_failed),
            name="load settings",
        )

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.api_url_edit = self._line("API base URL", "https://api.hpay.example")
        self.api_key_edit = self._line("API key")
        self.public_key_edit = self._line("Public key")
        self.secret_edit = self._line("Secret key")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reveal_button = QToolButton()
        self.reveal_button.setText("Show")
        self.reveal_button.setCheckable(True)
        self.reveal_button.setAccessibleName("Show the secret key")
        self.reveal_button.setToolTip("Show or hide the secret key")
        self.secret_note = self._label("", "note")
        self.mode_combo = QComboBox()
        self.mode_combo.addItem("TEST — test payments, no real money", "TEST")
        self.mode_combo.addItem("PROD — real payments", "PROD")
        self.mode_combo.setAccessibleName("Mode")
        self.test_button = QPushButton("Test connection")
        self.test_button.setAccessibleName("Test connection")
        self.test_button.setAutoDefault(False)
        self.test_result = self._label("", "note")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.shop_name_edit = self._line("Shop name", "e.g. Chez Awa")
        self.till_name_edit = self._line("Till name", "TILL1")
        self.product_edit = self._line("Default product name", "Sale")

        self.expiry_spin = QSpinBox()
        self.expiry_spin.setRange(*EXPIRY_MINUTES_RANGE)
        self.expiry_spin.setSuffix(" min")
        self.expiry_spin.setAccessibleName("Payment expiry in minutes")
        self.auto_return_spin = QSpinBox()
        self.auto_return_spin.setRange(*AUTO_RETURN_SECONDS_RANGE)
        self.auto_return_spin.setSuffix(" s")
        self.auto_return_spin.setSpecialValueText("Never")
        self.auto_return_spin.setAccessibleName("Auto-return delay in seconds, 0 for never")
        self.notify_edit = self._line("Notify URL")
        self.success_edit = self._line("Success URL")
        self.cancel_edit = self._line("Cancel URL")
        self.hosts_edit = self._line("Allowed checkout hosts", "checkout.hpay.cash, …")

        secret_row = QHBoxLayout()
        secret_row.setContentsMargins(0, 0, 0, 0)
        secret_row.addWidget(self.secret_edit, 1)
        secret_row.addWidget(self.reveal_button)
        test_row = QHBoxLayout()
        test_row.setContentsMargins(0, 0, 0, 0)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)

        connection = QFormLayout()
        self._row(connection, "API base URL", self.api_url_edit, "api_url")
        self._row(connection, "API key", self.api_key_edit, "api_key")
        self._row(connection, "Public key", self.public_key_edit, "public_key")
        self._row(connection, "Secret key", secret_row, "secret_key")
        connection.addRow("", self.secret_note)
        self._row(connection, "Mode", self.mode_combo, "mode")
        connection.addRow("", test_row)
        connection.addRow("", self.test_result)

        shop = QFormLayout()
        self._row(shop, "Shop name", self.shop_name_edit, "shop_name")
        self._row(shop, "Till name", self.till_name_edit, "till_name")
        self._row(shop, "Default product", self.product_edit, "default_product")

        payments = QFormLayout()
        self._row(payments, "Payment expiry", self.expiry_spin, "expiry_minutes")
        self._row(payments, "Auto-return after", self.auto_return_spin, "auto_return_seconds")
        self._row(payments, "Notify URL", self.notify_edit, "notify_url")
        self._row(payments, "Success URL", self.success_edit, "success_url")
        self._row(payments, "Cancel URL", self.cancel_edit, "cancel_url")

        advanced = QFormLayout()
        self._row(advanced, "Checkout hosts", self.hosts_edit, "checkout_hosts")
        advanced.addRow(
            "",
            self._label(
                "Comma-separated. A QR code is shown only for checkout links on these hosts "
                "(or on the API host).",
                "note",
            ),
        )

        left = QVBoxLayout()
        left.addWidget(_group("Connection", connection))
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(_group("Shop", shop))
        right.addWidget(_group("Payments", payments))
        right.addWidget(_group("Advanced", advanced))
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self._form = QWidget()
        form_layout = QVBoxLayout(self._form)
        self.env_note = self._label(self._env_text(), "warning")
        self.env_note.setVisible(bool(self.env_note.text()))
        form_layout.addWidget(self.env_note)
        form_layout.addLayout(columns)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self._form)

        self.status_label = self._label("", "note")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName("Save the settings")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.buttons)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll, 1)
        outer.addLayout(bottom)
        self.resize(1000, 560)

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _label(self, text: str, role: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setProperty("role", role)
        return label

    def _row(self, form: QFormLayout, text: str, item: QWidget | QHBoxLayout, key: str) -> None:
        form.addRow(text, item)
        error = self._label("", "error")
        error.setAccessibleName(f"{text}: error")
        form.addRow("", error)
        form.setRowVisible(error, False)
        self._error_labels[key] = (form, error)

    def _connect(self) -> None:
        self.reveal_button.toggled.connect(self._reveal)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.api_url_edit.textChanged.connect(self._host_changed)
        self.secret_edit.textChanged.connect(self._secret_changed)
        for edit in (
            self.api_url_edit,
            self.api_key_edit,
            self.public_key_edit,
            self.secret_edit,
            self.shop_name_edit,
            self.till_name_edit,
            self.product_edit,
            self.notify_edit,
            self.success_edit,
            self.cancel_edit,
            self.hosts_edit,
        ):
            edit.textChanged.connect(self._revalidate)

    def _env_text(self) -> str:
        env: Mapping[str, str] = self.profile.env
        names = [v for v in (*ENV_OVERRIDES, ENV_SECRET_KEY) if env.get(v, "").strip()]
        if not names:
            return ""
        return (
            "Set in the environment, these override the saved settings: " + ", ".join(names) + "."
        )

    def _guard(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """A runner callback that does nothing once the dialog is gone."""

        def call(payload: Any) -> None:
            if isValid(self):
                callback(payload)

        return call

    # -- public -----------------------------------------------------------------------

    def is_loaded(self) -> bool:
        """True once the fields hold the profile's settings."""
        return self._is_loaded

    def mode(self) -> str:
        """The mode chosen in the dialog: "TEST" or "PROD"."""
        return str(self.mode_combo.currentData())

    def field_error(self, key: str) -> str:
        """The validation message shown for a field ("" when it is fine)."""
        return self._errors.get(key, "")

    def settings_from_fields(self) -> Settings:
        """The settings the fields describe (fields not shown keep their saved value).

        Raises ConfigError when a field is invalid.
        """
        url = self.api_url_edit.text().strip()
        return replace_settings(
            self._base,
            api_url=validate_base_url(url) if url else "",
            api_key=self.api_key_edit.text(),
            public_key=self.public_key_edit.text(),
            mode=self.mode(),
            shop_name=self.shop_name_edit.text(),
            till_name=self.till_name_edit.text(),
            default_product=self.product_edit.text(),
            expiry_minutes=self.expiry_spin.value(),
            auto_return_seconds=self.auto_return_spin.value(),
            notify_url=self.notify_edit.text(),
            success_url=self.success_edit.text(),
            cancel_url=self.cancel_edit.text(),
            checkout_hosts=parse_hosts(self.hosts_edit.text()),
        )

    def client_config_from_fields(self) -> ClientConfig:
        """A client configuration from the fields (not the saved settings); ConfigError if not."""
        self._revalidate()
        for key in ("api_url", "api_key", "public_key", "secret_key", "checkout_hosts"):
            if self._errors.get(key):
                raise ConfigError(self._errors[key])
        settings = self.settings_from_fields()
        secret = self.secret_edit.text().strip()
        if not secret and self._loaded_source == SOURCE_ENV:
            secret = self.profile.env.get(ENV_SECRET_KEY, "").strip()
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
            names = (
                ", ".join(missing[:-1]) + " and " + missing[-1] if len(missing) > 1 else missing[0]
            )
            raise ConfigError(f"Enter {names} to test the connection.")
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
            read_retries=TEST_READ_RETRIES,
        )

    @Slot()
    def test_connection(self) -> None:
        """Ask /getToken/ in the background with the keys in the fields."""
        try:
            config = self.client_config_from_fields()
        except ConfigError as exc:
            self._show_test(False, exc.message)
            return
        self._test_seq += 1
        seq = self._test_seq
        factory = self._client_factory

        def job() -> Token:
            client = factory(config)
            try:
                return client.token()
            finally:
                client.close()

        self.test_button.setEnabled(False)
        self.test_result.setProperty("role", "note")
        self._restyle(self.test_result)
        self.test_result.setText(f"Contacting {api_host(config.base_url)}…")
        self.runner.submit(
            job,
            on_done=self._guard(lambda token: self._tested(seq, token, config.mode)),
            on_error=self._guard(lambda exc: self._test_failed(seq, exc)),
            name="test connection",
        )

    @Slot()
    def accept(self) -> None:
        """OK: validate, then save settings.json and the secret in the background."""
        if not self._is_loaded or self._saving:
            return
        self._revalidate()
        if self._errors:
            return
        try:
            settings = self.settings_from_fields()
        except ConfigError as exc:
            self._set_status(exc.message, "error")
            return
        secret = self.secret_edit.text().strip()
        host = api_host(settings.api_url)
        action = ""
        if secret and (
            host != self._loaded_host
            or secret != self._loaded_secret
            or self._loaded_source not in (SOURCE_KEYRING, SOURCE_SESSION)
        ):
            action = "store"
        elif (
            not secret
            and host == self._loaded_host
            and self._loaded_secret
            and self._loaded_source in (SOURCE_KEYRING, SOURCE_SESSION)
        ):
            action = "delete"
        self._saving = True
        self._set_inputs_enabled(False)
        self._update_ok()
        self._set_status("Saving…", "note")
        profile = self.profile
        self.runner.submit(
            lambda: _save(profile, settings, action, secret),
            on_done=self._guard(self._on_saved),
            on_error=self._guard(self._on_save_failed),
            name="save settings",
        )

    # -- loading and saving -----------------------------------------------------------

    def _on_loaded(self, loaded: _Loaded) -> None:
        s = loaded.settings
        self._base = s
        self._loaded_secret = loaded.secret
        self._loaded_source = loaded.source
        self._loaded_host = api_host(s.api_url)
        self._no_keyring = loaded.no_keyring
        self._keyring_problem = loaded.keyring_problem
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(s.mode)))
        self.mode_combo.blockSignals(False)
        self.api_url_edit.setText(s.api_url)
        self.api_key_edit.setText(s.api_key)
        self.public_key_edit.setText(s.public_key)
        self.secret_edit.setText(loaded.secret if loaded.source != SOURCE_ENV else "")
        self.shop_name_edit.setText(s.shop_name)
        self.till_name_edit.setText(s.till_name)
        self.product_edit.setText(s.default_product)
        self.expiry_spin.setValue(s.expiry_minutes)
        self.auto_return_spin.setValue(s.auto_return_seconds)
        self.notify_edit.setText(s.notify_url)
        self.success_edit.setText(s.success_url)
        self.cancel_edit.setText(s.cancel_url)
        self.hosts_edit.setText(", ".join(s.checkout_hosts))
        self._secret_cleared = False
        self._is_loaded = True
        self._set_inputs_enabled(True)
        if loaded.settings_problem:
            self._set_status(loaded.settings_problem, "error")
        else:
            self._set_status("", "note")
        self._update_secret_note()
        self._revalidate()
        self.loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._set_status(f"The settings could not be read: {_error_text(exc)}", "error")

    def _on_saved(self, result: _SaveResult) -> None:
        self._saving = False
        if result.stored_in == "session":
            message = NO_KEYRING_TEXT
            if not result.no_keyring:
                message = f"{result.keyring_problem} The secret is kept for this session only."
            self.secret_note.setText(message)
            self._inform(message)
        elif result.keyring_problem:
            self._inform(result.keyring_problem)
        self.saved.emit(result.settings)
        super().accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._set_inputs_enabled(True)
        self._set_status(f"Not saved: {_error_text(exc)}", "error")
        self._update_ok()

    # -- reacting to the user ---------------------------------------------------------

    @Slot(bool)
    def _reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.secret_edit.setEchoMode(mode)
        self.reveal_button.setText("Hide" if shown else "Show")
        self.reveal_button.setAccessibleName(
            "Hide the secret key" if shown else "Show the secret key"
        )

    @Slot(int)
    def _mode_changed(self, _index: int) -> None:
        if self.mode() != "PROD":
            return
        if not self._confirm(PROD_QUESTION):
            self.mode_combo.blockSignals(True)
            self.mode_combo.setCurrentIndex(self.mode_combo.findData("TEST"))
            self.mode_combo.blockSignals(False)

    @Slot(str)
    def _host_changed(self, text: str) -> None:
        """The secret is bound to the host: a new host needs its own secret."""
        if not self._is_loaded or self._loaded_source == SOURCE_ENV:
            return
        host = api_host(text.strip())
        if host != self._loaded_host:
            if self._loaded_secret and self.secret_edit.text().strip() == self._loaded_secret:
                self.secret_edit.clear()
                self._secret_cleared = True
        elif self._secret_cleared and not self.secret_edit.text():
            self.secret_edit.setText(self._loaded_secret)
            self._secret_cleared = False
        self._update_secret_note()

    @Slot(str)
    def _secret_changed(self, _text: str) -> None:
        if self._is_loaded:
            self._update_secret_note()

    def _update_secret_note(self) -> None:
        host = api_host(self.api_url_edit.text().strip())
        role = "note"
        if self._loaded_source == SOURCE_ENV:
            text = ENV_SECRET_TEXT
        elif self._no_keyring:
            text, role = NO_KEYRING_TEXT, "warning"
        elif self._keyring_problem:
            text, role = self._keyring_problem, "warning"
        elif (
            host
            and self.secret_edit.text().strip()
            and (
                host != self._loaded_host
                or self.secret_edit.text().strip() != self._loaded_secret
                or self._loaded_source not in (SOURCE_KEYRING, SOURCE_SESSION)
            )
        ):
            text = f"Saved in the system keyring for {host} when you press OK."
        elif host and host != self._loaded_host:
            text = f"The secret key is stored for one API host: enter the secret key for {host}."
            role = "warning"
        elif self._loaded_secret and self._loaded_source == SOURCE_KEYRING:
            text = f"Stored in the system keyring for {host}."
        elif self._loaded_secret and self._loaded_source == SOURCE_SESSION:
            text = SESSION_TEXT
        elif host:
            text, role = f"No secret key stored for {host}: enter it.", "warning"
        else:
            text = "Enter the API base URL, then the secret key."
        self.secret_note.setText(text)
        self.secret_note.setProperty("role", role)
        self._restyle(self.secret_note)

    @Slot()
    def _revalidate(self) -> None:
        if not self._is_loaded:
            return
        errors: dict[str, str] = {}
        url = self.api_url_edit.text().strip()
        if url:
            try:
                validate_base_url(url)
            except ConfigError as exc:
                errors["api_url"] = exc.message
        for key, edit, name in (
            ("api_key", self.api_key_edit, "The API key"),
            ("public_key", self.public_key_edit, "The public key"),
            ("secret_key", self.secret_edit, "The secret key"),
        ):
            if any(ch.isspace() for ch in edit.text().strip()):
                errors[key] = f"{name} must not contain spaces."
        if self.secret_edit.text().strip() and not url and "secret_key" not in errors:
            errors["secret_key"] = URL_FIRST_TEXT
        if len(self.shop_name_edit.text().strip()) > MAX_NAME_CHARS:
            errors["shop_name"] = f"At most {MAX_NAME_CHARS} characters."
        if not _TILL_NAME.fullmatch(self.till_name_edit.text().strip()):
            errors["till_name"] = "1 to 32 letters, digits, - or _ (e.g. TILL1)."
        product = self.product_edit.text().strip()
        if not product:
            errors["default_product"] = "Enter a product name (e.g. Sale)."
        elif len(product) > MAX_PRODUCT_CHARS:
            errors["default_product"] = f"At most {MAX_PRODUCT_CHARS} characters."
        for key, edit, what in (
            ("notify_url", self.notify_edit, "notify"),
            ("success_url", self.success_edit, "success"),
            ("cancel_url", self.cancel_edit, "cancel"),
        ):
            problem = _check_http_url(edit.text().strip(), what)
            if problem:
                errors[key] = problem
        try:
            CheckoutUrlPolicy(parse_hosts(self.hosts_edit.text()))
        except ConfigError as exc:
            errors["checkout_hosts"] = exc.message
        self._errors = errors
        for key, (form, label) in self._error_labels.items():
            label.setText(errors.get(key, ""))
            form.setRowVisible(label, key in errors)
        self._relayout()
        self._update_ok()

    # -- helpers ----------------------------------------------------------------------

    def _tested(self, seq: int, token: Token, mode: str) -> None:
        if seq == self._test_seq:
            self._show_test(True, _token_text(token, mode))

    def _test_failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._test_seq:
            self._show_test(False, _error_text(exc))

    def _show_test(self, ok: bool, text: str) -> None:
        self.test_button.setEnabled(self._is_loaded and not self._saving)
        self.test_result.setText(text)
        self.test_result.setProperty("role", "ok" if ok else "error")
        self._restyle(self.test_result)
        self.tested.emit(ok, text)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        self._form.setEnabled(enabled)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self._is_loaded and not self._saving and not self._errors)

    def _set_status(self, text: str, role: str) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("role", role)
        self._restyle(self.status_label)

    def _restyle(self, label: QLabel) -> None:
        """Apply a new ``role`` colour, and re-lay out the wrapped text."""
        label.style().unpolish(label)
        label.style().polish(label)
        self._relayout()

    def _relayout(self) -> None:
        # A wrapped label whose text changes keeps its old height unless the whole
        # form is laid out again (Qt caches heights-for-width per layout).
        layout = self._form.layout()
        if layout is not None:
            layout.invalidate()

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Switch to PROD?",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _tell(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Secret key", message, parent=self.parentWidget()
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def showEvent(self, event: QShowEvent) -> None:
        """Never larger than the screen (1024×600 included); the fields scroll."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(self.width(), room.width() - 24)
            height = min(self.height(), room.height() - 48)
            if (width, height) != (self.width(), self.height()):
                self.resize(width, height)
        super().showEvent(event)


def _group(title: str, form: QFormLayout) -> QGroupBox:
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    box = QGroupBox(title)
    box.setLayout(form)
    return box
