"""The details of one history row: every field, Copy link, and the QR of an unpaid sale.

The QR is shown again only for a payment the customer can still pay (HPAY says
UNPAID, or the sale is AWAITING) and only once the link has passed the
client's checkout-URL policy (``check_url``, which raises
:class:`~hpos.hpay.errors.UnsafeCheckoutUrl`): a link from the history is
data from the wire, and a QR sends a customer's phone to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
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
from hpos.ui.history_rows import SOURCE_HPAY, HistoryRow, local_time_text, money_text

log = logging.getLogger(__name__)

NOT_ALLOWED_TEXT = "This link is not on an allowed host; not shown as a QR."
NO_POLICY_TEXT = "This link cannot be checked; not shown as a QR."
NO_QR_MODULE_TEXT = "The QR code cannot be drawn here; use Copy link."
QR_SIZE = 260
FIELDS_WIDTH = 460

CheckUrl = Callable[[str], str]


class DetailsDialog(QDialog):
    """Every field of one :class:`HistoryRow`, with Copy link and, when payable, the QR."""

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
        self._fields: dict[str, QLabel | QLineEdit] = {}
        name = row.transaction_id or row.sale_number or ""
        self.setWindowTitle(f"Payment {name}".strip())

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, value in self._field_values(row):
            self._add_field(form, label, value)
        link = QLineEdit(row.link)
        link.setReadOnly(True)
        link.setCursorPosition(0)
        link.setPlaceholderText("no link")
        form.addRow("Link:", link)
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

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy link")
        self.copy_button.setEnabled(bool(row.link))
        self.copy_button.clicked.connect(self.copy_link)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

    # -- public -------------------------------------------------------------------------------

    def value(self, label: str) -> str:
        """The text shown for a field ("Amount", "Status", "Link"...)."""
        return self._fields[label].text()

    def labels(self) -> list[str]:
        """The fields shown, in order."""
        return list(self._fields)

    @Slot()
    def copy_link(self) -> None:
        """Put the payment link on the clipboard."""
        if not self.row.link:
            return
        QGuiApplication.clipboard().setText(self.row.link)
        self.copy_button.setText("Copied")
        QTimer.singleShot(1500, self._copy_text_back)

    # -- building ---------------------------------------------------------------------------------

    @staticmethod
    def _field_values(row: HistoryRow) -> list[tuple[str, str]]:
        status = row.status
        if row.paid_late:
            status += " — paid after the sale was cancelled or expired"
        mode = "TEST — test payment, no real money" if row.is_test else row.mode
        source = "HPAY history" if row.source == SOURCE_HPAY else "This till's journal"
        offset = row.date.astimezone().strftime("%z")
        return [
            ("Date", f"{local_time_text(row.date, seconds=True)} (UTC{offset[:3]}:{offset[3:]})"),
            ("Transaction", row.transaction_id or "—"),
            ("Sale number", row.sale_number or "—"),
            ("Product", row.product),
            ("Description", row.description),
            ("Amount", money_text(row.amount, row.currency)),
            ("Fees", money_text(row.fees, row.currency) or "unknown"),
            ("Status", status),
            ("Mode", mode),
            ("Source", source),
        ]

    def _add_field(self, form: QFormLayout, label: str, value: str) -> None:
        widget = QLabel(value)
        widget.setTextFormat(Qt.TextFormat.PlainText)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # only free text wraps: a wrapped short label can be laid out one line too short
        widget.setWordWrap(label in ("Product", "Description"))
        if label == "Mode" and self.row.is_test:
            widget.setStyleSheet("color: #b71c1c; font-weight: bold;")
        form.addRow(f"{label}:", widget)
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
                from hpos.ui.qr_widget import QrWidget
            except ImportError:
                message = NO_QR_MODULE_TEXT
            else:
                qr = QrWidget()
                qr.set_data(url)
                qr.setMinimumSize(QR_SIZE, QR_SIZE)
                qr.setToolTip("Scan to pay")
                layout.addWidget(qr)
                self.qr_widget = qr
        if message:
            label = QLabel(message)
            label.setWordWrap(True)
            label.setMaximumWidth(QR_SIZE)
            layout.addWidget(label)
            self.qr_message = label
        return box

    @Slot()
    def _copy_text_back(self) -> None:
        self.copy_button.setText("&Copy link")
