"""The settings dialog's form: the field widgets, their error rows and colours (Qt).

:class:`SettingsForm` is the scrolled content of the dialog: the Connection,
Shop, Payments and Advanced groups, an error label under each field, and the
environment warning on top. It fills itself from :class:`~hpos.profile.profile.Settings`,
reads its fields back (:meth:`SettingsForm.texts`, :meth:`SettingsForm.settings`)
and shows validation errors; deciding what they are is
:mod:`hpos.ui.settings.fields`' job. Its texts (titles, names, placeholders,
hints) are set in :meth:`SettingsForm.retranslate`, which the dialog calls again
on ``LanguageChange``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hpos.hpay.urls import validate_base_url
from hpos.profile.settings import (
    AUTO_RETURN_SECONDS_RANGE,
    EXPIRY_MINUTES_RANGE,
    Settings,
    replace_settings,
)
from hpos.ui.settings.fields import parse_hosts
from hpos.ui.settings.widgets import group_box, line_edit, role_label, row_layout


class SettingsForm(QWidget):
    """The settings fields in four groups, each with an error row (hidden while fine)."""

    def __init__(self, env_warning: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._error_labels: dict[str, tuple[QFormLayout, QLabel]] = {}
        self._titles: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        self.api_url_edit = line_edit("", "https://api.hpay.example")
        self.api_key_edit = line_edit("")
        self.public_key_edit = line_edit("")
        self.secret_edit = line_edit("")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reveal_button = QToolButton()
        self.reveal_button.setCheckable(True)
        self.keys_button = QToolButton()  # shows the masked API and public keys
        self.keys_button.setCheckable(True)
        self.keys_button.setVisible(False)
        self._keys_masked = False
        self.keys_button.toggled.connect(self._keys_toggled)
        self.secret_note = role_label("", "note")
        self.mode_combo = QComboBox()
        self.mode_combo.addItem("", "TEST")
        self.mode_combo.addItem("", "PROD")
        self.test_button = QPushButton()
        self.test_button.setAutoDefault(False)
        self.test_result = role_label("", "note")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.shop_name_edit = line_edit("")
        self.till_name_edit = line_edit("", "TILL1")
        self.product_edit = line_edit("")

        self.expiry_spin = QSpinBox()
        self.expiry_spin.setRange(*EXPIRY_MINUTES_RANGE)
        self.auto_return_spin = QSpinBox()
        self.auto_return_spin.setRange(*AUTO_RETURN_SECONDS_RANGE)
        self.notify_edit = line_edit("")
        self.success_edit = line_edit("")
        self.cancel_edit = line_edit("")
        self.return_pages_note = role_label("", "warning")  # PROD on HPAY's example pages
        self.hosts_edit = line_edit("", "checkout.hpay.cash, …")
        self.hosts_hint = role_label("", "note")
        self.env_note = role_label(env_warning, "warning")
        self.env_note.setVisible(bool(self.env_note.text()))
        self._lay_out()
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language (again after a language change)."""
        titles = {
            "api_url": self.tr("API base URL"),
            "api_key": self.tr("API key"),
            "public_key": self.tr("Public key"),
            "secret_key": self.tr("Secret key"),
            "mode": self.tr("Mode"),
            "shop_name": self.tr("Shop name"),
            "till_name": self.tr("Till name"),
            "default_product": self.tr("Default product"),
            "expiry_minutes": self.tr("Payment expiry"),
            "auto_return_seconds": self.tr("Auto-return after"),
            "notify_url": self.tr("Notify URL"),
            "success_url": self.tr("Success URL"),
            "cancel_url": self.tr("Cancel URL"),
            "checkout_hosts": self.tr("Checkout hosts"),
        }
        for key, text in titles.items():
            self._titles[key].setText(text)
            error_name = self.tr("{field}: error").format(field=text)
            self._error_labels[key][1].setAccessibleName(error_name)
        for edit, key in (
            (self.api_url_edit, "api_url"),
            (self.api_key_edit, "api_key"),
            (self.public_key_edit, "public_key"),
            (self.secret_edit, "secret_key"),
            (self.shop_name_edit, "shop_name"),
            (self.till_name_edit, "till_name"),
            (self.notify_edit, "notify_url"),
            (self.success_edit, "success_url"),
            (self.cancel_edit, "cancel_url"),
        ):
            edit.setAccessibleName(titles[key])
        self.product_edit.setAccessibleName(self.tr("Default product name"))
        self.hosts_edit.setAccessibleName(self.tr("Allowed checkout hosts"))
        self.shop_name_edit.setPlaceholderText(self.tr("e.g. Chez Awa"))
        self.product_edit.setPlaceholderText(self.tr("Sale"))
        self.show_reveal(self.reveal_button.isChecked())
        self._keys_toggled(self.keys_button.isChecked())
        self.reveal_button.setToolTip(self.tr("Show or hide the secret key"))
        self.mode_combo.setItemText(0, self.tr("TEST — test payments, no real money"))
        self.mode_combo.setItemText(1, self.tr("PROD — real payments"))
        self.mode_combo.setAccessibleName(self.tr("Mode"))
        self.test_button.setText(self.tr("Test connection"))
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.expiry_spin.setSuffix(self.tr(" min"))
        self.expiry_spin.setAccessibleName(self.tr("Payment expiry in minutes"))
        self.auto_return_spin.setSuffix(self.tr(" s"))
        self.auto_return_spin.setSpecialValueText(self.tr("Never"))
        self.auto_return_spin.setAccessibleName(
            self.tr("Auto-return delay in seconds, 0 for never")
        )
        self.hosts_hint.setText(
            self.tr(
                "Comma-separated. A QR code is shown only for checkout links on these hosts "
                "(or on the API host)."
            )
        )
        for key, text in (
            ("connection", self.tr("Connection")),
            ("shop", self.tr("Shop")),
            ("payments", self.tr("Payments")),
            ("advanced", self.tr("Advanced")),
        ):
            self._groups[key].setTitle(text)
        self.relayout()

    def changeEvent(self, event: QEvent) -> None:
        """Re-read every text when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # the dialog re-says its messages too: lay out once every text is in
            QTimer.singleShot(0, self, self._settle)
        super().changeEvent(event)

    @Slot()
    def _settle(self) -> None:
        """Lay out now with every wrapped text's new height (else some keep the old one)."""
        self.relayout()
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def _lay_out(self) -> None:
        secret_row = row_layout(self.secret_edit, self.reveal_button)
        test_row = row_layout(self.test_button)
        test_row.addStretch(1)

        connection = QFormLayout()
        self._row(connection, self.api_url_edit, "api_url")
        self._row(connection, row_layout(self.api_key_edit, self.keys_button), "api_key")
        self._row(connection, self.public_key_edit, "public_key")
        self._row(connection, secret_row, "secret_key")
        connection.addRow("", self.secret_note)
        self._row(connection, self.mode_combo, "mode")
        connection.addRow("", test_row)
        connection.addRow("", self.test_result)

        shop = QFormLayout()
        self._row(shop, self.shop_name_edit, "shop_name")
        self._row(shop, self.till_name_edit, "till_name")
        self._row(shop, self.product_edit, "default_product")

        payments = QFormLayout()
        self._row(payments, self.expiry_spin, "expiry_minutes")
        self._row(payments, self.auto_return_spin, "auto_return_seconds")
        self._row(payments, self.notify_edit, "notify_url")
        self._row(payments, self.success_edit, "success_url")
        self._row(payments, self.cancel_edit, "cancel_url")
        payments.addRow("", self.return_pages_note)
        payments.setRowVisible(self.return_pages_note, False)
        self._payments_form = payments

        advanced = QFormLayout()
        self._row(advanced, self.hosts_edit, "checkout_hosts")
        advanced.addRow("", self.hosts_hint)

        groups = self._groups
        groups["connection"] = group_box("", connection)
        groups["shop"] = group_box("", shop)
        groups["payments"] = group_box("", payments)
        groups["advanced"] = group_box("", advanced)
        left = QVBoxLayout()
        left.addWidget(groups["connection"])
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(groups["shop"])
        right.addWidget(groups["payments"])
        right.addWidget(groups["advanced"])
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        form_layout = QVBoxLayout(self)
        form_layout.addWidget(self.env_note)
        form_layout.addLayout(columns)

    def _row(self, form: QFormLayout, item: QWidget | QHBoxLayout, key: str) -> None:
        """A titled field and its error row (texts set by :meth:`retranslate`)."""
        title = QLabel()
        if isinstance(item, QWidget):
            title.setBuddy(item)
        form.addRow(title, item)
        self._titles[key] = title
        error = role_label("", "error")
        form.addRow("", error)
        form.setRowVisible(error, False)
        self._error_labels[key] = (form, error)

    def text_edits(self) -> tuple[QLineEdit, ...]:
        """Every line edit (the ones validated as they are typed)."""
        return (
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
        )

    def mode(self) -> str:
        """The chosen mode: "TEST" or "PROD"."""
        return str(self.mode_combo.currentData())

    def set_mode(self, mode: str) -> None:
        """Choose a mode without emitting the change (no PROD confirmation)."""
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(mode)))
        self.mode_combo.blockSignals(False)

    def fill(self, s: Settings) -> None:
        """Show these settings (the mode without asking); the secret field empty (write-only:
        the saved secret is never shown)."""
        self.set_mode(s.mode)
        self.api_url_edit.setText(s.api_url)
        self.api_key_edit.setText(s.api_key)
        self.public_key_edit.setText(s.public_key)
        self.secret_edit.setText("")
        self.shop_name_edit.setText(s.shop_name)
        self.till_name_edit.setText(s.till_name)
        self.product_edit.setText(s.default_product)
        self.expiry_spin.setValue(s.expiry_minutes)
        self.auto_return_spin.setValue(s.auto_return_seconds)
        self.notify_edit.setText(s.notify_url)
        self.success_edit.setText(s.success_url)
        self.cancel_edit.setText(s.cancel_url)
        self.hosts_edit.setText(", ".join(s.checkout_hosts))

    def texts(self) -> dict[str, str]:
        """The raw texts of the line edits, by settings key (for validation)."""
        return {
            "api_url": self.api_url_edit.text(),
            "api_key": self.api_key_edit.text(),
            "public_key": self.public_key_edit.text(),
            "secret_key": self.secret_edit.text(),
            "shop_name": self.shop_name_edit.text(),
            "till_name": self.till_name_edit.text(),
            "default_product": self.product_edit.text(),
            "notify_url": self.notify_edit.text(),
            "success_url": self.success_edit.text(),
            "cancel_url": self.cancel_edit.text(),
            "checkout_hosts": self.hosts_edit.text(),
        }

    def settings(self, base: Settings) -> Settings:
        """``base`` with the fields' values (fields not shown keep theirs); ConfigError if not."""
        url = self.api_url_edit.text().strip()
        return replace_settings(
            base,
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

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each field's error under it; hide the error rows of the fields that are fine."""
        for key, (form, label) in self._error_labels.items():
            label.setText(errors.get(key, ""))
            form.setRowVisible(label, key in errors)
        self.relayout()

    def show_example_pages(self, text: str) -> None:
        """The warning under the return pages still on HPAY's examples (hidden when "")."""
        self.return_pages_note.setText(text)
        self.return_pages_note.setAccessibleName(text)
        self._payments_form.setRowVisible(self.return_pages_note, bool(text))
        self.relayout()

    def show_reveal(self, shown: bool) -> None:
        """Show the secret in clear (or hide it) and say so on the button."""
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.secret_edit.setEchoMode(mode)
        self.reveal_button.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.reveal_button.setAccessibleName(
            self.tr("Hide the secret key") if shown else self.tr("Show the secret key")
        )

    def mask_keys(self, masked: bool) -> None:
        """Mask the API and public keys (outside manager mode), with a Show button; or not."""
        self._keys_masked = masked
        self.keys_button.setVisible(masked)
        self.keys_button.setChecked(False)
        self._keys_toggled(False)

    def _keys_toggled(self, shown: bool) -> None:
        masked = self._keys_masked and not shown
        mode = QLineEdit.EchoMode.Password if masked else QLineEdit.EchoMode.Normal
        for edit in (self.api_key_edit, self.public_key_edit):
            edit.setEchoMode(mode)
        self.keys_button.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.keys_button.setAccessibleName(
            self.tr("Hide the API and public keys")
            if shown
            else self.tr("Show the API and public keys")
        )

    def set_role_text(self, label: QLabel, text: str, role: str) -> None:
        """Set a label's text and colour role, and lay the form out again."""
        label.setText(text)
        label.setProperty("role", role)
        self.restyle(label)

    def restyle(self, label: QLabel) -> None:
        """Apply a new ``role`` colour, and re-lay out the wrapped text."""
        label.style().unpolish(label)
        label.style().polish(label)
        self.relayout()

    def relayout(self) -> None:
        """Lay the whole form out again after a wrapped label's text changed."""
        # A wrapped label whose text changes keeps its old height unless the whole
        # form is laid out again (Qt caches heights-for-width per layout).
        for form in self.findChildren(QFormLayout):  # the groups' forms cache heights too
            form.invalidate()
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
