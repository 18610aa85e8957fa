"""The figures of the "Close the day" page: groups, cashiers, HPAY's check, open sales.

:class:`ClosingBody` writes a :class:`~hpos.sales.closing.DayClose` as labels (the page
scrolls them): paid, cancelled, failed and open with count, amount, fees and net; the
paid sales by cashier; by item (when cart sales were paid: quantity and amount, free
amounts and sales without lines, adding up to the paid amount); HPAY's view with each
difference in red (an error: money the till counts that HPAY does not confirm) or amber
(a warning); each open sale with its next step. Texts in the UI language;
:meth:`ClosingBody.show_closing` writes them again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from hpos.ui.i18n import current_language
from hpos.ui.money import format_money
from hpos.ui.owner import closing_words as words
from hpos.ui.widgets.style import clear_layout

if TYPE_CHECKING:  # the sales layer's types, for the hints only
    from hpos.sales.closing import DayClose

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ClosingBody(QWidget):
    """The day's figures as labels; empty until :meth:`show_closing`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body_layout = QVBoxLayout(self)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.hpay_label: QLabel | None = None
        self.difference_labels: list[QLabel] = []
        self.open_labels: list[QLabel] = []
        self.figures_grid: QGridLayout | None = None
        self.cashier_grid: QGridLayout | None = None
        self.items_grid: QGridLayout | None = None

    def show_closing(self, data: DayClose | None) -> None:
        """Write ``data``'s figures (None: nothing)."""
        clear_layout(self.body_layout)
        self.hpay_label, self.difference_labels, self.open_labels = None, [], []
        self.figures_grid = self.cashier_grid = self.items_grid = None
        if data is None:
            return
        self._figures(data)
        self._cashiers(data)
        self._items(data)
        self._hpay(data)
        self._open_sales(data)
        self.body_layout.addStretch(1)

    def _section(self, title: str) -> None:
        label = QLabel(title)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        self.body_layout.addWidget(label)

    def _grid(self, header: list[str], rows: list[list[str]]) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for col, text in enumerate(header):
            label = QLabel(text)
            label.setAlignment(_RIGHT if col else Qt.AlignmentFlag.AlignLeft)
            label.setStyleSheet("color: palette(mid); font-weight: bold;")
            grid.addWidget(label, 0, col)
        for row, cells in enumerate(rows, start=1):
            for col, text in enumerate(cells):
                label = QLabel(text)
                label.setAlignment(_RIGHT if col else Qt.AlignmentFlag.AlignLeft)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(label, row, col)
        grid.setColumnStretch(len(header), 1)
        holder = QWidget()
        holder.setLayout(grid)
        self.body_layout.addWidget(holder)
        return grid

    def _figures(self, data: DayClose) -> None:
        cur, lang = data.currency, current_language()
        rows = []
        for name, fig in data.groups.items():
            paid = name == "paid"
            rows.append(
                [
                    words.group_title(name),
                    str(fig.count),
                    format_money(fig.amount, cur, lang) if cur else "—",
                    format_money(fig.fees, cur, lang) if paid and cur else "",
                    format_money(fig.net, cur, lang) if paid and cur else "",
                ]
            )
        mode = data.report.mode
        self._section(self.tr("This till's sales ({mode})").format(mode=mode))
        header = ["", self.tr("Sales"), self.tr("Amount"), self.tr("Fees"), self.tr("Net")]
        self.figures_grid = self._grid(header, rows)
        for other in data.report.other_modes:
            note = self.tr("Not counted: {n} {mode} sale(s) of this day, kept apart.")
            self.body_layout.addWidget(QLabel(note.format(n=other.sales_count, mode=other.mode)))

    def _cashiers(self, data: DayClose) -> None:
        if not data.cashiers:
            return
        cur, lang = data.currency, current_language()
        rows = [
            [
                words.cashier_name(line.cashier),
                str(line.paid_count),
                format_money(line.paid_total, cur, lang),
                format_money(line.fees_total, cur, lang),
                format_money(line.net, cur, lang),
            ]
            for line in data.cashiers
        ]
        self._section(self.tr("By cashier (paid sales)"))
        header = ["", self.tr("Paid"), self.tr("Amount"), self.tr("Fees"), self.tr("Net")]
        self.cashier_grid = self._grid(header, rows)

    def _items(self, data: DayClose) -> None:
        """The paid sales by item, when any paid sale of the day has lines (a cart sale)."""
        sold = data.report.items
        if not sold.shown:
            return
        cur, lang = data.currency, current_language()
        rows = [
            [name, str(quantity), format_money(amount, cur, lang)]
            for name, quantity, amount in words.items_rows(sold)
        ]
        self._section(self.tr("Items sold (paid sales)"))
        self.items_grid = self._grid(["", self.tr("Quantity"), self.tr("Amount")], rows)

    def _hpay(self, data: DayClose) -> None:
        report, cur, lang = data.report, data.currency, current_language()
        self._section(self.tr("HPAY's view of the day"))
        if not report.checked:
            text = self.tr("Not checked against HPAY.")
            self.hpay_label = self._note(text, words.ERROR_COLOUR, words.ERROR_BACKGROUND)
            return
        total = format_money(report.hpay_paid_total or 0, cur, lang) if cur else "—"
        if report.ok:
            text = self.tr("HPAY: {count} paid · {total}. Matches this till.")
        else:
            text = self.tr("HPAY: {count} paid · {total}. {n} difference(s), below.")
        text = text.format(count=report.hpay_paid_count, total=total, n=len(report.discrepancies))
        self.hpay_label = QLabel(text)
        self.hpay_label.setWordWrap(True)
        self.body_layout.addWidget(self.hpay_label)
        self.difference_labels = []
        for d in report.discrepancies:
            colour, back = (
                (words.ERROR_COLOUR, words.ERROR_BACKGROUND)
                if d.is_error
                else (words.WARNING_COLOUR, words.WARNING_BACKGROUND)
            )
            self.difference_labels.append(self._note(words.difference_text(d), colour, back))

    def _open_sales(self, data: DayClose) -> None:
        self._section(self.tr("Open sales"))
        self.open_labels = []
        if not data.open_sales:
            self.body_layout.addWidget(QLabel(self.tr("None: every sale of the day is settled.")))
            return
        lang = current_language()
        for item in data.open_sales:
            sale = item.sale
            text = self.tr("{sale} · {state} · {amount} — {step}: {why}").format(
                sale=sale.sale_number,
                state=words.state_text(sale.state.value),
                amount=format_money(sale.amount, sale.currency, lang),
                step=words.step_text(item.step),
                why=words.reason_text(item.reason),
            )
            label = QLabel(text)
            label.setWordWrap(True)
            self.body_layout.addWidget(label)
            self.open_labels.append(label)

    def _note(self, text: str, colour: str, background: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {colour}; background: {background}; padding: 4px;")
        self.body_layout.addWidget(label)
        return label
