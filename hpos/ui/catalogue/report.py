"""The import report: what a CSV file would do to the catalogue, shown before anything is
written.

:class:`ImportReport` says "12 to add, 3 to change, 5 unchanged, 2 lines rejected" (and the
items to archive or restore), lists each rejected line (its number in the file, its text,
why: in the UI language by the kind of problem; its tool tip has the whole sentence, then
the reader's own, more precise, in English), and offers Import, Cancel and Save report…
(the same as plain text). The page does the writing; the dialog stays open with a message
when it fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hpos.sales.catalogue import Item
from hpos.ui.catalogue.changes import ChangesModel, change_steps
from hpos.ui.catalogue.words import line_text
from hpos.ui.i18n import Retranslatable, format_number
from hpos.ui.widgets.style import RED

#: The rejected lines' columns: line number, the line's text, why.
LINE, TEXT, WHY = range(3)


class ImportReport(Retranslatable, QDialog):
    """The plan of one CSV file, before Import (see the module)."""

    #: Import pressed.
    import_requested = Signal()
    #: Save report… pressed.
    save_requested = Signal()

    def __init__(
        self,
        plan: Any,
        path: Path,
        currency: str,
        parent: QWidget | None = None,
        *,
        items: Mapping[int, Item] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("importReport")
        self.plan = plan
        self.path = path
        self.currency = currency
        self.items: Mapping[int, Item] = items or {}
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.table = _table(len(plan.rejected), "rejectedLines")
        steps = change_steps(plan, self.items) if plan.has_changes else []
        self.changes_model = ChangesModel(steps, currency, self)
        self.changes = QTableView()
        self.changes.setObjectName("importChanges")
        self.changes.setModel(self.changes_model)
        _read_only(self.changes)
        # the line column is fitted to the last line's number and its title (retranslate),
        # not measured row by row (a file of thousands of lines)
        self._widest_line = str(steps[-1].line) if steps else "0"
        self.changes.horizontalHeader().setSectionResizeMode(LINE, QHeaderView.ResizeMode.Fixed)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("importTabs")
        self.tabs.setDocumentMode(True)
        if plan.rejected:
            self.tabs.addTab(self.table, "")
        if plan.has_changes:
            self.tabs.addTab(self.changes, "")
        self.tabs.setVisible(self.tabs.count() > 0)
        self.message = QLabel()
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {RED};")
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setEnabled(plan.has_changes)
        self.import_button.setDefault(plan.has_changes)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.table.setColumnWidth(TEXT, 320)
        self.changes.setColumnWidth(TEXT, 240)  # the item's name
        if plan.has_changes:
            self.import_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def rejected_rows(self) -> list[list[str]]:
        """The rejected lines' table as shown."""
        return [
            [self.table.item(r, c).text() for c in range(3)]  # type: ignore[union-attr]
            for r in range(self.table.rowCount())
        ]

    def change_rows(self) -> list[list[str]]:
        """What the import would change, as shown (line, item, change)."""
        model = self.changes_model
        return [[model.text(r, c) for c in range(3)] for r in range(model.rowCount())]

    def summary_text(self) -> str:
        """What importing would do, in one sentence."""
        plan = self.plan
        text = self.tr(
            "{added} to add, {updated} to change, {unchanged} unchanged, {rejected} line(s)"
            " rejected."
        ).format(
            added=format_number(plan.added),
            updated=format_number(plan.updated),
            unchanged=format_number(plan.unchanged),
            rejected=format_number(len(plan.rejected)),
        )
        if plan.archived or plan.restored:
            text += " " + self.tr("{archived} to archive, {restored} to restore.").format(
                archived=format_number(plan.archived), restored=format_number(plan.restored)
            )
        if not plan.has_changes:
            text += " " + self.tr("Nothing to import.")
        return text

    def report_text(self) -> str:
        """The report as plain text (Save report…)."""
        lines = [self.file_label.text(), self.summary_text(), ""]
        for line, text, why in self.rejected_rows():
            lines.append(self.tr("Line {line}: {why}").format(line=line, why=why))
            lines.append(f"    {text}")
        changes = self.change_rows()
        if changes:
            lines += ["", self.tr("What importing changes:")]
        for line, item, change in changes:
            lines.append(
                self.tr("Line {line}: {item}: {change}").format(line=line, item=item, change=change)
            )
        return "\n".join(lines).rstrip() + "\n"

    def show_message(self, text: str) -> None:
        """Import failed: say why, keep the report open."""
        self.message.setText(text)
        self.message.show()
        self.import_button.setEnabled(self.plan.has_changes)

    def set_busy(self, busy: bool) -> None:
        """While the page writes: Import off (pressed twice it would write twice)."""
        self.import_button.setEnabled(not busy and self.plan.has_changes)

    def retranslate(self) -> None:
        """Every text in the UI language."""
        self.setWindowTitle(self.tr("Import a catalogue — report"))
        self.file_label.setText(self.tr("File: {path}").format(path=str(self.path)))
        self.summary.setText(self.summary_text())
        self.table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Line’s text"), self.tr("Why it is left out")]
        )
        for row, rejected in enumerate(self.plan.rejected):
            cells = (str(rejected.line), rejected.text)
            why = line_text(rejected.problem, self.currency, rejected.message, rejected.detail)
            cells += (why,)
            # the whole sentence (the column may cut it), then the reader's precise one
            tip = why if rejected.message in ("", why) else f"{why}\n{rejected.message}"
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(tip if column == WHY else text)
                if column == LINE:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        self.changes_model.set_headers([self.tr("Line"), self.tr("Item"), self.tr("What changes")])
        metrics = self.changes.fontMetrics()
        widths = (metrics.horizontalAdvance(t) for t in (self._widest_line, self.tr("Line")))
        self.changes.horizontalHeader().resizeSection(LINE, max(widths) + 20)
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if widget is self.table:
                title = self.tr("Rejected lines ({count})")
                count = len(self.plan.rejected)
            else:
                title = self.tr("What changes ({count})")
                count = self.changes_model.rowCount()
            self.tabs.setTabText(index, title.format(count=format_number(count)))
        self.save_button.setText(self.tr("&Save report…"))
        self.import_button.setText(self.tr("&Import"))

    def _import(self) -> None:
        self.message.hide()
        self.set_busy(True)
        self.import_requested.emit()


def _table(rows: int, name: str) -> QTableWidget:
    """The rejected lines' table: the line number, its text, why."""
    table = QTableWidget(rows, 3)
    table.setObjectName(name)
    _read_only(table)
    return table


def _read_only(table: QTableView) -> None:
    """Three columns, whole rows selected, nothing edited: the line number (as wide as its
    numbers), a text (as wide as the user makes it), a sentence (the rest)."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(LINE, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)
