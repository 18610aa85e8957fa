"""The details of one history row: every field, Copy link, and the QR of an unpaid sale.

A cart sale's lines follow the fields, as a small table
(:class:`~hpos.ui.history.lines.SaleLinesTable`).

The QR is shown again only for a payment the customer can still pay (HPAY says
UNPAID, or the sale is AWAITING) and only once the link has passed the
client's checkout-URL policy (``check_url``, which raises
:class:`~hpos.hpay.errors.UnsafeCheckoutUrl`): a link from the history is
data from the wire, and a QR sends a customer's phone to it.

Fees and the net amount (amount less fees) are only given for a paid row: no fee
was charged on a payment still waiting or a cancelled sale.

A row on screen may be old: :mod:`hpos.ui.history.refresh` reads it again when
the dialog opens, and the dialog says how fresh it is (:meth:`DetailsDialog.set_checking`,
:meth:`~DetailsDialog.set_refreshed`, :meth:`~DetailsDialog.set_not_refreshed`): a row
HPAY could not confirm is marked "last known, not refreshed: <reason>", never shown
as current.

Texts are translated (context "DetailsDialog") in :meth:`DetailsDialog.retranslate`,
called again on ``LanguageChange``; fields are still looked up by their English
names (:meth:`DetailsDialog.value`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hpos.hpay.errors import UnsafeCheckoutUrl
from hpos.ui.controller.text import last_known_text
from hpos.ui.history.lines import SaleLinesTable
from hpos.ui.history.rows import (
    SOURCE_HPAY,
    HistoryRow,
    local_time_text,
    money_text,
    net_amount,
    shown_fees,
    status_text,
)
from hpos.ui.i18n import Retranslatable, format_time
from hpos.ui.keynames import key_name

log = logging.getLogger(__name__)

# English source texts; the dialog shows them translated.
NOT_ALLOWED_TEXT = QT_TRANSLATE_NOOP(
    "DetailsDialog", "This link is not on an allowed host; not shown as a QR."
)
NO_POLICY_TEXT = QT_TRANSLATE_NOOP(
    "DetailsDialog", "This link cannot be checked; not shown as a QR."
)
NO_QR_MODULE_TEXT = QT_TRANSLATE_NOOP(
    "DetailsDialog", "The QR code cannot be drawn here; use Copy link."
)
#: The field names (English keys of :meth:`DetailsDialog.value`), translated when shown.
FIELD_TITLES = {
    "Date": QT_TRANSLATE_NOOP("DetailsDialog", "Date"),
    "Transaction": QT_TRANSLATE_NOOP("DetailsDialog", "Transaction"),
    "Sale number": QT_TRANSLATE_NOOP("DetailsDialog", "Sale number"),
    "Product": QT_TRANSLATE_NOOP("DetailsDialog", "Product"),
    "Description": QT_TRANSLATE_NOOP("DetailsDialog", "Description"),
    "Amount": QT_TRANSLATE_NOOP("DetailsDialog", "Amount"),
    "Fees": QT_TRANSLATE_NOOP("DetailsDialog", "Fees"),
    "Net": QT_TRANSLATE_NOOP("DetailsDialog", "Net"),
    "Status": QT_TRANSLATE_NOOP("DetailsDialog", "Status"),
    "Mode": QT_TRANSLATE_NOOP("DetailsDialog", "Mode"),
    "Source": QT_TRANSLATE_NOOP("DetailsDialog", "Source"),
    "Served by": QT_TRANSLATE_NOOP("DetailsDialog", "Served by"),
    "Items": QT_TRANSLATE_NOOP("DetailsDialog", "Items"),
    "Link": QT_TRANSLATE_NOOP("DetailsDialog", "Link"),
}
QR_SIZE = 260
FIELDS_WIDTH = 460

CheckUrl = Callable[[str], str]


class DetailsDialog(Retranslatable, QDialog):
    """Every field of one :class:`HistoryRow`, with Copy link and, when payable, the QR."""

    #: A paid row's receipt was asked for: (row, "print" | "pdf"); see hpos.ui.receipts.actions.
    receipt_requested = Signal(object, str)

    def __init__(
        self,
        row: HistoryRow,
        *,
        check_url: CheckUrl | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.row = row
        self.qr_widget: QWidget | None = None
        self.qr_message: QLabel | None = None
        self._qr_message_source = ""
        self._fields: dict[str, QLabel | QLineEdit] = {}
        self._titles: dict[str, QLabel] = {}
        #: How fresh the row is: "" (as listed), "checking", "checked" or "stale".
        self.freshness = ""
        self._stale_reason: BaseException | None = None  # None with "stale": not listed
        self._checked_at: datetime | None = None

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, value in self._field_values(row):
            self._add_field(form, label, value)
        #: A cart sale's lines (None: a sale without lines).
        self.lines_table: SaleLinesTable | None = None
        self.link_edit = link = QLineEdit(row.link)
        link.setReadOnly(True)
        link.setCursorPosition(0)
        self._titles["Link"] = QLabel()
        form.addRow(self._titles["Link"], link)
        self._fields["Link"] = link

        fields = QWidget()
        fields.setMinimumWidth(FIELDS_WIDTH)
        fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        body = QHBoxLayout()
        body.addWidget(fields, 1)
        qr_box = self._qr_box(row, check_url)
        if qr_box is not None:
            body.addWidget(qr_box, 0, Qt.AlignmentFlag.AlignTop)

        self.freshness_label = QLabel()
        self.freshness_label.setWordWrap(True)
        self.freshness_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.freshness_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.copy_button.setEnabled(bool(row.link))
        self.copy_button.clicked.connect(self.copy_link)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button: QPushButton | None = None
        self.pdf_button: QPushButton | None = None
        if row.is_paid:  # receipts: only for a paid sale
            self.print_button, self.pdf_button = QPushButton(), QPushButton()
            self.print_button.clicked.connect(self._ask_print)
            self.pdf_button.clicked.connect(self._ask_pdf)
            QShortcut(QKeySequence.StandardKey.Print, self, self.print_button.click)
            for button in (self.print_button, self.pdf_button):
                buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

        self._qr_box_widget = qr_box
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        if row.lines:  # below the fields: a form's wrapped rows would squeeze it
            self._titles["Items"] = QLabel()
            self.lines_table = SaleLinesTable(row.lines, row.currency)
            layout.addWidget(self._titles["Items"])
            layout.addWidget(self.lines_table)
        layout.addWidget(self.freshness_label)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language (again after a language change)."""
        row = self.row
        name = row.transaction_id or row.sale_number or ""
        self.setWindowTitle(self.tr("Payment {name}").format(name=name).strip())
        for key, title in self._titles.items():
            title.setText(self.tr("{field}:").format(field=self.tr(FIELD_TITLES[key])))
        for key, value in self._field_values(row):
            self._fields[key].setText(value)
        self.link_edit.setPlaceholderText(self.tr("no link"))
        self.link_edit.setAccessibleName(self.tr("Payment link"))
        if self.print_button is not None and self.pdf_button is not None:
            self.print_button.setText(self.tr("Print receipt…"))
            self.print_button.setToolTip(
                self.tr("Print receipt ({key})").format(key=key_name("Ctrl+P"))
            )
            self.pdf_button.setText(self.tr("Save as &PDF…"))
        self.link_edit.setCursorPosition(0)
        self._copy_text_back()
        if self.qr_widget is not None:
            self.qr_widget.setToolTip(self.tr("Scan to pay"))
        if self.qr_message is not None:
            self.qr_message.setText(self.tr(self._qr_message_source))
        self._show_freshness()

    def showEvent(self, event: QShowEvent) -> None:
        """Tall enough for the wrapped texts at the width shown (a layout's minimum height
        ignores how a wrapped label grows when it is narrower than its hint)."""
        layout = self.layout()
        needed = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if needed > self.height():
            self.resize(self.width(), needed)
        super().showEvent(event)

    # -- public -------------------------------------------------------------------------------

    def value(self, label: str) -> str:
        """The text shown for a field ("Amount", "Status", "Link"...)."""
        return self._fields[label].text()

    def labels(self) -> list[str]:
        """The fields shown, in order."""
        return list(self._fields)

    def set_checking(self) -> None:
        """The row is being read again (HPAY is asked)."""
        self.freshness = "checking"
        self._show_freshness()

    def set_refreshed(self, row: HistoryRow) -> None:
        """HPAY answered: ``row`` is the current state."""
        self.freshness, self._checked_at = "checked", datetime.now(UTC)
        self._set_row(row)

    def set_not_refreshed(self, row: HistoryRow, reason: BaseException) -> None:
        """HPAY could not be read: ``row`` is only the last known state, and why."""
        self.freshness, self._stale_reason = "stale", reason
        self._set_row(row)

    def set_not_listed(self) -> None:
        """HPAY's history no longer lists this payment: the row is only the last known."""
        self.freshness, self._stale_reason = "stale", None
        self._set_row(self.row)

    def freshness_text(self) -> str:
        """What the dialog says about how fresh the row is ("" when it says nothing)."""
        return self.freshness_label.text() if not self.freshness_label.isHidden() else ""

    @Slot()
    def copy_link(self) -> None:
        """Put the payment link on the clipboard."""
        if not self.row.link:
            return
        QGuiApplication.clipboard().setText(self.row.link)
        self.copy_button.setText(self.tr("Copied"))
        QTimer.singleShot(1500, self._copy_text_back)

    # -- building ---------------------------------------------------------------------------------

    def _set_row(self, row: HistoryRow) -> None:
        """Show ``row`` (a fresher read of the same payment); the QR goes once it is not payable."""
        self.row = row
        if self._qr_box_widget is not None and not row.awaiting_payment:
            self._qr_box_widget.hide()
        self.retranslate()

    def _show_freshness(self) -> None:
        label = self.freshness_label
        if self.freshness == "checking":
            text, style = self.tr("Checking with HPAY…"), "color: #444444;"
        elif self.freshness == "checked" and self._checked_at is not None:
            text = self.tr("Checked with HPAY at {time}.").format(
                time=format_time(self._checked_at, seconds=True)
            )
            style = "color: #1e7e34;"
        elif self.freshness == "stale":
            if self._stale_reason is None:
                text = self.tr("Last known, not refreshed: HPAY's history does not list it.")
            else:
                text = last_known_text(self._stale_reason)
            style = "background: #fdecea; color: #b71c1c; padding: 6px; font-weight: bold;"
        else:
            label.hide()
            return
        label.setText(text)
        label.setStyleSheet(f"QLabel {{ {style} }}")
        label.setAccessibleName(text)
        label.show()

    def _field_values(self, row: HistoryRow) -> list[tuple[str, str]]:
        status = status_text(row.status)
        if row.paid_late:
            status = self.tr("{status} — paid after the sale was cancelled or expired").format(
                status=status
            )
        if self.freshness == "stale":
            status = self.tr("{status} (last known)").format(status=status)
        mode = self.tr("TEST — test payment, no real money") if row.is_test else row.mode
        if row.source == SOURCE_HPAY:
            source = self.tr("HPAY history")
        else:
            source = self.tr("This till's journal")
        offset = row.date.astimezone().strftime("%z")
        return [
            ("Date", f"{local_time_text(row.date, seconds=True)} (UTC{offset[:3]}:{offset[3:]})"),
            ("Transaction", row.transaction_id or "—"),
            ("Sale number", row.sale_number or "—"),
            ("Product", row.product),
            ("Description", row.description),
            ("Amount", money_text(row.amount, row.currency)),
            ("Fees", self._paid_only(row, shown_fees(row))),
            ("Net", self._paid_only(row, net_amount(row))),
            ("Status", status),
            ("Mode", mode),
            ("Source", source),
        ] + ([("Served by", row.cashier)] if row.cashier else [])

    def _paid_only(self, row: HistoryRow, amount: Decimal | None) -> str:
        """Fees and net: only where money moved (PAID, PAID LATE)."""
        if not row.is_paid:
            return self.tr("none (not paid)")
        return money_text(amount, row.currency) or self.tr("unknown")

    def _add_field(self, form: QFormLayout, label: str, value: str) -> None:
        widget = QLabel(value)
        widget.setTextFormat(Qt.TextFormat.PlainText)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # only free text wraps: a wrapped short label can be laid out one line too short
        widget.setWordWrap(label in ("Product", "Description"))
        if label == "Mode" and self.row.is_test:
            widget.setStyleSheet("color: #b71c1c; font-weight: bold;")
        title = QLabel()
        form.addRow(title, widget)
        self._titles[label] = title
        self._fields[label] = widget

    def _qr_box(self, row: HistoryRow, check_url: CheckUrl | None) -> QWidget | None:
        if not (row.awaiting_payment and row.link):
            return None
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        url: str | None = None
        message = ""
        if check_url is None:
            message = NO_POLICY_TEXT
        else:
            try:
                url = check_url(row.link)
            except UnsafeCheckoutUrl as exc:
                log.warning("history link not shown as a QR: %s", exc.message)
                message = NOT_ALLOWED_TEXT
        if url is not None:
            try:
                # here: qrcode may be missing; the link then shows as text (and on first
                # use: the QR widget loads with the first details shown)
                from hpos.ui.widgets.qr import QrWidget
            except ImportError:
                message = NO_QR_MODULE_TEXT
            else:
                qr = QrWidget()
                qr.set_data(url)
                qr.setMinimumSize(QR_SIZE, QR_SIZE)
                layout.addWidget(qr)
                self.qr_widget = qr
        if message:
            self._qr_message_source = message
            label = QLabel(message)
            label.setWordWrap(True)
            label.setMaximumWidth(QR_SIZE)
            layout.addWidget(label)
            self.qr_message = label
        return box

    @Slot()
    def _ask_print(self) -> None:
        self.receipt_requested.emit(self.row, "print")

    @Slot()
    def _ask_pdf(self) -> None:
        self.receipt_requested.emit(self.row, "pdf")

    @Slot()
    def _copy_text_back(self) -> None:
        self.copy_button.setText(self.tr("&Copy link"))
