"""The settings dialog: HPAY keys (secret in the keyring), mode, shop, payments, Test connection.

Everything that touches the disk, the keyring or the network runs on the
:class:`~hpos.ui.runner.Runner` (the jobs live in :mod:`hpos.ui.settings.jobs`):

- opening the dialog reads ``settings.json`` and the secret of the saved API
  host in the background (the fields stay disabled until then, ``loaded`` is
  emitted);
- OK validates the fields, then writes ``settings.json`` (through
  :meth:`Profile.save`, never the secret) and the secret (keyring, bound to the
  API host) in the background, and emits ``saved(settings)`` once both are done;
- "Test connection" builds a :class:`ClientConfig` from the *fields* (not the
  saved settings) and calls ``/getToken/`` in the background; it shows the
  company, mode, currency and balances, or HPAY's exact error message.

The secret field is write-only: it never shows the saved secret, only offers to
replace it; the secret is bound to the API host, and another host asks for its own
(:mod:`hpos.ui.settings.secret`). The API and public keys are masked (with a Show
button) unless ``keys_shown`` (the window passes "manager mode unlocked"). The
Manager tab sets, changes or removes the manager PIN (:mod:`hpos.ui.settings.pin`;
hashed by the save job, on the runner). When no system keyring exists, the
secret is kept in memory for this session only
(:meth:`Profile.set_session_secret`) and the dialog says so. Switching the mode
to PROD asks for confirmation; refused, the mode stays TEST. Fields are
validated as they are typed (:mod:`hpos.ui.settings.fields`); OK is disabled
while one is invalid. The widgets are built by :mod:`hpos.ui.settings.form`
(connection, shop, payments) and :mod:`hpos.ui.settings.counter` (the Counter tab).
On ``LanguageChange`` the form re-reads its texts and the dialog re-says its
own: title, the environment warning, the secret note, the field errors and a
"Loading…"/"Saving…" status.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hpos.hpay.client import ClientConfig, HpayClient
from hpos.hpay.errors import ConfigError
from hpos.profile.profile import Profile
from hpos.profile.settings import Settings
from hpos.ui.i18n import Retranslatable
from hpos.ui.runner import Runner
from hpos.ui.settings.connection import ConnectionTest
from hpos.ui.settings.counter import CounterPage, SettingsTabs
from hpos.ui.settings.fields import (
    client_config,
    env_text,
    example_pages,
    example_pages_text,
    prod_question,
    validate_fields,
)
from hpos.ui.settings.form import SettingsForm
from hpos.ui.settings.jobs import (
    ClientFactory,
    Loaded,
    SaveResult,
    error_text,
    load_settings,
    save_settings,
)
from hpos.ui.settings.pin import PinPage
from hpos.ui.settings.secret import SecretField, no_keyring_text
from hpos.ui.settings.widgets import STYLE, fit_to_screen, role_label
from hpos.ui.widgets.dialogs import ask_yes_no, open_warning

Confirm = Callable[[str], bool]
Inform = Callable[[str], None]


class SettingsDialog(Retranslatable, QDialog):
    """Edit one profile's settings; the secret goes to the keyring, bound to the API host."""

    #: The settings just saved (a :class:`~hpos.profile.profile.Settings`).
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
        keys_shown: bool = True,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.runner = runner
        self._confirm = confirm or self._ask
        self._inform = inform or self._tell
        self._base = Settings()
        self._is_loaded = False
        self._saving = False
        self._errors: dict[str, str] = {}
        self._status_kind = ""  # "loading", "saving" or "" (any other status)
        self.setObjectName("settingsDialog")
        self.setStyleSheet(STYLE)
        self._build()
        self._form.mask_keys(not keys_shown)
        self._secret = SecretField(self._form, profile.env, is_loaded=lambda: self._is_loaded)
        self._tester = ConnectionTest(
            self._form,
            runner,
            client_factory,
            can_test=lambda: self._is_loaded and not self._saving,
            guard=self._guard,
            report=self.tested.emit,
            inputs=self._tested_inputs,
        )
        self._connect()
        self._set_inputs_enabled(False)
        self._status_kind = "loading"
        self.retranslate()
        self._update_ok()
        runner.submit(
            lambda: load_settings(profile),
            on_done=self._guard(self._on_loaded),
            on_error=self._guard(self._on_load_failed),
            name="load settings",
        )

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self._form = form = SettingsForm(env_text(self.profile.env))
        # the fields, as public attributes of the dialog
        self.api_url_edit, self.api_key_edit = form.api_url_edit, form.api_key_edit
        self.public_key_edit, self.secret_edit = form.public_key_edit, form.secret_edit
        self.reveal_button, self.secret_note = form.reveal_button, form.secret_note
        self.mode_combo, self.test_button = form.mode_combo, form.test_button
        self.test_result, self.env_note = form.test_result, form.env_note
        self.shop_name_edit, self.till_name_edit = form.shop_name_edit, form.till_name_edit
        self.product_edit, self.expiry_spin = form.product_edit, form.expiry_spin
        self.auto_return_spin, self.notify_edit = form.auto_return_spin, form.notify_edit
        self.success_edit, self.cancel_edit = form.success_edit, form.cancel_edit
        self.hosts_edit = form.hosts_edit

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(form)
        self.counter_page = CounterPage()
        self.tabs = SettingsTabs(self.scroll, self.counter_page)
        self.pin_page = PinPage()  # the Manager tab
        self.tabs.addTab(self.pin_page, "")

        self.status_label = role_label("", "note")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.buttons)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addLayout(bottom)
        self.resize(1000, 560)

    def _connect(self) -> None:
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.pin_page.changed.connect(self._update_ok)
        for edit in self._form.text_edits():
            edit.textChanged.connect(self._revalidate)
        for edit in (self.api_url_edit, self.api_key_edit, self.public_key_edit, self.secret_edit):
            edit.textChanged.connect(self._test_inputs_changed)

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
        return self._form.mode()

    def field_error(self, key: str) -> str:
        """The validation message shown for a field ("" when it is fine)."""
        return self._errors.get(key, "")

    def settings_from_fields(self) -> Settings:
        """The settings the fields describe (fields not shown keep their saved value).

        Raises ConfigError when a field is invalid.
        """
        return self.counter_page.settings(self._form.settings(self._base))

    def client_config_from_fields(self) -> ClientConfig:
        """A client configuration from the fields (not the saved settings); ConfigError if not."""
        self._revalidate()
        for key in ("api_url", "api_key", "public_key", "secret_key", "checkout_hosts"):
            if self._errors.get(key):
                raise ConfigError(self._errors[key])
        settings = self.settings_from_fields()
        return client_config(settings, self._secret.for_test())

    @Slot()
    def test_connection(self) -> None:
        """Ask /getToken/ in the background with the keys in the fields."""
        try:
            config = self.client_config_from_fields()
        except ConfigError as exc:
            self._tester.show(False, exc.message)
            return
        self._tester.start(config)

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
        if self.pin_page.problem():
            self.tabs.setCurrentWidget(self.pin_page)
            return
        pin = self.pin_page.change()
        secret = self._secret.to_store()
        action = self._secret.action(settings.api_url)
        self._saving = True
        self._set_inputs_enabled(False)
        self._update_ok()
        self._set_status(self.tr("Saving…"), "note", "saving")
        profile = self.profile
        self.runner.submit(
            lambda: save_settings(profile, settings, action, secret, pin=pin),
            on_done=self._guard(self._on_saved),
            on_error=self._guard(self._on_save_failed),
            name="save settings",
        )

    # -- loading and saving -----------------------------------------------------------

    def _on_loaded(self, loaded: Loaded) -> None:
        s = loaded.settings
        self._base = s
        self._secret.load(loaded)
        self._form.fill(s)
        self.counter_page.fill(s)
        self.pin_page.fill(s.manager_pin_hash)
        self._is_loaded = True
        self._set_inputs_enabled(True)
        if loaded.settings_problem:
            self._set_status(loaded.settings_problem, "error")
        else:
            self._set_status("", "note")
        self._secret.update_note()
        self._revalidate()
        self.loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        text = self.tr("The settings could not be read: {reason}")
        self._set_status(text.format(reason=error_text(exc)), "error")

    def _on_saved(self, result: SaveResult) -> None:
        self._saving = False
        if result.stored_in == "session":
            message = no_keyring_text()
            if not result.no_keyring:
                message = self.tr("{problem} The secret is kept for this session only.").format(
                    problem=result.keyring_problem
                )
            self.secret_note.setText(message)
            self._inform(message)
        elif result.keyring_problem:
            self._inform(result.keyring_problem)
        self.saved.emit(result.settings)
        super().accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._set_inputs_enabled(True)
        self._set_status(self.tr("Not saved: {reason}").format(reason=error_text(exc)), "error")
        self._update_ok()

    # -- reacting to the user ---------------------------------------------------------

    @Slot(int)
    def _mode_changed(self, _index: int) -> None:
        if self.mode() == "PROD" and not self._confirm(prod_question()):
            self._form.set_mode("TEST")
        self._revalidate()  # the return pages' warning is for PROD only
        self._test_inputs_changed()

    def _tested_inputs(self) -> tuple[str, ...]:
        """What a connection test's answer depends on: the URL, the keys and the mode."""
        form = self._form
        return (
            form.api_url_edit.text().strip(),
            form.api_key_edit.text().strip(),
            form.public_key_edit.text().strip(),
            self._secret.for_test(),
            form.mode(),
        )

    @Slot()
    def _test_inputs_changed(self) -> None:
        if self._is_loaded:
            self._tester.inputs_changed()

    @Slot()
    def _revalidate(self) -> None:
        if not self._is_loaded:
            return
        texts = self._form.texts()
        self._errors = validate_fields(texts)
        self._form.show_errors(self._errors)
        self._form.show_example_pages(example_pages_text(example_pages(self.mode(), texts)))
        self._update_ok()

    def example_pages(self) -> tuple[str, ...]:
        """The return-page keys the fields still leave on HPAY's examples (PROD only)."""
        return example_pages(self.mode(), self._form.texts())

    def show_return_pages(self) -> None:
        """Open on the payment return pages: the first one still on an example gets the focus.

        Before the fields are loaded, this happens once they are.
        """
        if not self._is_loaded:
            self.loaded.connect(self.show_return_pages, Qt.ConnectionType.SingleShotConnection)
            return
        form = self._form
        edits = {
            "notify_url": form.notify_edit,
            "success_url": form.success_edit,
            "cancel_url": form.cancel_edit,
        }
        keys = self.example_pages() or ("notify_url",)
        edit = edits[keys[0]]
        self.tabs.setCurrentIndex(0)
        self.scroll.ensureWidgetVisible(form.return_pages_note)
        self.scroll.ensureWidgetVisible(edits["notify_url"])
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()

    # -- helpers ----------------------------------------------------------------------

    def _set_inputs_enabled(self, enabled: bool) -> None:
        self._form.setEnabled(enabled)
        self.counter_page.setEnabled(enabled)
        self.pin_page.setEnabled(enabled)

    def _update_ok(self) -> None:
        ready = self._is_loaded and not self._saving and not self._errors
        self.ok_button.setEnabled(ready and not self.pin_page.problem())

    def _set_status(self, text: str, role: str, kind: str = "") -> None:
        self._status_kind = kind
        self._form.set_role_text(self.status_label, text, role)

    def _ask(self, question: str) -> bool:
        return ask_yes_no(self, self.tr("Switch to PROD?"), question)

    def _tell(self, message: str) -> None:
        open_warning(self.parentWidget(), self.tr("Secret key"), message)

    def retranslate(self) -> None:
        """Set the dialog's own texts in the current language (the form sets its own)."""
        self.setWindowTitle(self.tr("HPOS settings"))
        self.ok_button.setAccessibleName(self.tr("Save the settings"))
        self.tabs.setTabText(self.tabs.indexOf(self.pin_page), self.tr("Manager"))
        env_warning = env_text(self.profile.env)
        self._form.env_note.setText(env_warning)
        if self._status_kind == "loading":
            self._set_status(self.tr("Loading settings…"), "note", "loading")
        elif self._status_kind == "saving":
            self._set_status(self.tr("Saving…"), "note", "saving")
        if self._is_loaded:
            self._secret.update_note()
            self._revalidate()

    def showEvent(self, event: QShowEvent) -> None:
        """Never larger than the screen (1024×600 included); the fields scroll."""
        fit_to_screen(self)
        super().showEvent(event)
