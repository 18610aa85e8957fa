"""The manager's catalogue page: the items in a table, and everything done to them.

:class:`CataloguePage` is a self-contained widget (the window puts it behind the manager
PIN, in its own window). A filter box (name, code or category; accents and case ignored),
"Show archived", and a sortable table (:mod:`hpos.ui.catalogue.model`); Add…, Edit… (or a
double-click, or Enter on a row: :class:`~hpos.ui.catalogue.editor.ItemEditor`),
Archive / Restore, Remove… (deletes only an item no sale names; a sold one is archived,
and the page says why), Import CSV… and Export CSV… (:mod:`hpos.ui.catalogue.importing`).

Prices are in the account currency: ``currency`` (a callable read when needed: the sale
controller's token) says it once HPOS reached HPAY; before that the catalogue's own
currency is used; with neither, the page says to connect to HPAY first rather than guess.

Everything reaching the journal runs on the runner: ``journal`` is a callable run on a
worker that returns the open journal. Each write reads the catalogue again in the same job;
:attr:`CataloguePage.changed` then tells the window (the quick keys read it again).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hpos.sales.catalogue import Item, ItemRefused
from hpos.ui.catalogue import jobs
from hpos.ui.catalogue.editing import ItemEditing, ask_remove
from hpos.ui.catalogue.editor import ItemEditor
from hpos.ui.catalogue.importing import CatalogueFiles
from hpos.ui.catalogue.model import ITEM_ROLE, NAME, CatalogueFilter, CatalogueModel
from hpos.ui.catalogue.words import (
    currency_note,
    done_text,
    problem_text,
    reason_text,
)
from hpos.ui.folders import FolderMemory
from hpos.ui.i18n import Retranslatable
from hpos.ui.runner import Runner
from hpos.ui.widgets.style import AMBER, RED, page_title

if TYPE_CHECKING:
    from hpos.sales.journal import Journal

log = logging.getLogger(__name__)

#: The rows the columns' widths are fitted to (the first ones, in the order shown).
SIZED_ROWS = 100


class CataloguePage(Retranslatable, QWidget):
    """The catalogue (see the module): table, filter, add, edit, archive, remove, CSV."""

    #: The catalogue was written (add, edit, archive, restore, remove, import).
    changed = Signal()
    #: The items are on screen (after each reading).
    loaded = Signal()
    #: A sentence for the status bar (something done, or why not).
    said = Signal(str)

    def __init__(
        self,
        runner: Runner,
        journal: Callable[[], Journal],
        *,
        currency: Callable[[], str | None],
        folders: FolderMemory | None = None,
        config_dir: Path | None = None,
        native_dialogs: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._journal = journal
        self._account_currency = currency
        self._loaded: jobs.Loaded | None = None
        self._busy = False
        self._shown_once = False
        self.question: QMessageBox | None = None
        self.editing = ItemEditing(runner, journal, self)
        self.editing.written.connect(self._on_done)
        self.model = CatalogueModel(self)
        self.proxy = CatalogueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.files = CatalogueFiles(
            runner,
            journal,
            currency=self.currency,
            shown=self.proxy.shown_items,
            folders=folders,
            config_dir=config_dir,
            native_dialogs=native_dialogs,
            parent=self,
        )
        self.files.imported.connect(self._on_done)
        self.files.done.connect(self._say)
        self.files.failed.connect(self._say_failure)
        self.title = page_title()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("catalogueFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.installEventFilter(self)
        self.archived_box = QCheckBox()
        self.archived_box.toggled.connect(self._show_archived)
        self.view = QTableView()
        self.view.setObjectName("catalogueTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the store's order at first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        # widths fitted to the first rows after each reading, not on every sort or filter
        # (ResizeToContents measured 5,000 rows each time: 400 ms)
        header.setResizeContentsPrecision(SIZED_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.installEventFilter(self)
        selection = self.view.selectionModel()
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button = QPushButton()
        self.archive_button.clicked.connect(self.archive_selected)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.files.ask_import)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.files.ask_export)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(f"color: {AMBER};")
        self.status_label = QLabel()
        self.status_label.setObjectName("catalogueStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.archived_box)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note_label)
        layout.addWidget(self.status_label)
        self.retranslate()
        self._update_buttons()

    # -- what the window and the tests use -------------------------------------------

    @property
    def editor(self) -> ItemEditor | None:
        """The add / edit dialog open now, if any."""
        return self.editing.editor

    def currency(self) -> str | None:
        """The currency of prices: the account's once HPAY answered, else the catalogue's."""
        account = self._account_currency()
        if account:
            return account
        return self._loaded.currency if self._loaded is not None else None

    def selected_item(self) -> Item | None:
        """The item of the selected row, if any."""
        rows = self.view.selectionModel().selectedRows(NAME)
        return rows[0].data(ITEM_ROLE) if rows else None

    def status_text(self) -> str:
        """The page's status line as shown."""
        return self.status_label.text()

    def select(self, item_id: int) -> bool:
        """Select the row of the item with this id (False when it is not shown)."""
        row = self.model.row_of(item_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    @Slot()
    def refresh(self) -> None:
        """Read the catalogue again (on the runner)."""
        journal = self._journal
        self._set_busy(True)
        self._runner.submit(
            lambda: jobs.load(journal().catalogue),
            on_done=self._on_loaded,
            on_error=self._on_read_failed,
            name="read catalogue",
        )

    @Slot()
    def open_editor(self, item: Item | None) -> None:
        """Add (``item`` None) or edit an item in the dialog."""
        currency = self.currency()
        if currency is None:
            self._say_failure(
                self.tr(
                    "Connect to HPAY first: prices are in the account’s currency, known once"
                    " HPOS has reached HPAY."
                )
            )
            return
        categories = sorted({i.category for i in self.model.items}, key=str.casefold)
        self.editing.open(item, currency, categories)

    @Slot()
    def edit_selected(self) -> None:
        """Edit the selected item."""
        item = self.selected_item()
        if item is not None:
            self.open_editor(item)

    @Slot()
    def archive_selected(self) -> None:
        """Archive the selected item, or restore it when it is archived."""
        item = self.selected_item()
        if item is None:
            return
        journal = self._journal
        if item.archived:
            self._write(lambda: jobs.restore(journal().catalogue, item.id), "restore item")
        else:
            self._write(lambda: jobs.archive(journal().catalogue, item.id), "archive item")

    @Slot()
    def remove_selected(self) -> None:
        """Ask, then delete the selected item (archived instead when a sale names it)."""
        item = self.selected_item()
        if item is None:
            return
        journal = self._journal

        def remove() -> None:
            self._write(lambda: jobs.remove(journal().catalogue, item), "remove item")

        self.question = ask_remove(self, item, remove)
        self.question.finished.connect(lambda _result: setattr(self, "question", None))

    def retranslate(self) -> None:
        """Every text in the UI language."""
        self.title.setText(self.tr("Catalogue"))
        self.filter_edit.setPlaceholderText(self.tr("Filter: name, code or category"))
        self.archived_box.setText(self.tr("Show archi&ved"))
        self.add_button.setText(self.tr("A&dd…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("Re&move…"))
        self.remove_button.setToolTip(
            self.tr("Delete an item never sold; an item already sold is archived instead")
        )
        self.import_button.setText(self.tr("&Import CSV…"))
        self.import_button.setToolTip(
            self.tr("Add and change items from a CSV file: a report first, then Import")
        )
        self.export_button.setText(self.tr("E&xport CSV…"))
        self.export_button.setToolTip(self.tr("Save the items shown as a CSV file"))
        self._update_buttons()
        self.model.retranslate()
        self._show_note()

    # -- internals ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """The first show reads the catalogue."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if self._loaded is None and not self._busy:
                self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        """Its window closed (manager mode ended, the workspace rebuilt): the dialogs it
        opened close too, unsaved; they are windows of their own, which Qt leaves open."""
        if not event.spontaneous():  # not a minimised window: a closed one
            for dialog in (self.editor, self.question, self.files.report, self.files.file_dialog):
                if dialog is not None and isValid(dialog):
                    dialog.reject()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a row edits it; Down in the filter box goes to the table."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if watched is self.filter_edit and key == Qt.Key.Key_Down and self.proxy.rowCount():
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
                if self.selected_item() is None:
                    self.view.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_buttons()

    @Slot(bool)
    def _show_archived(self, shown: bool) -> None:
        self.proxy.set_show_archived(shown)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.selected_item()
        for button in (self.edit_button, self.archive_button, self.remove_button):
            button.setEnabled(item is not None and not self._busy)
        self.add_button.setEnabled(not self._busy)
        self.import_button.setEnabled(not self._busy)
        self.export_button.setEnabled(not self._busy and self.proxy.rowCount() > 0)
        if item is not None and item.archived:
            self.archive_button.setText(self.tr("Res&tore"))
            self.archive_button.setToolTip(self.tr("Back on the quick keys and the scanner"))
        else:
            self.archive_button.setText(self.tr("&Archive"))
            self.archive_button.setToolTip(
                self.tr("Off the quick keys and the scanner; past sales keep it")
            )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _apply(self, loaded: jobs.Loaded, select: int | None) -> None:
        keep = self.selected_item()
        self._loaded = loaded
        self.model.set_items(loaded.items, loaded.currency or self.currency(), loaded.folds)
        for column in range(1, self.model.columnCount()):
            self.view.resizeColumnToContents(column)
        wanted = select if select is not None else keep.id if keep is not None else None
        if wanted is not None:
            self.select(wanted)
        self._update_buttons()  # Export follows the rows now shown
        self._show_note()
        self.loaded.emit()

    def _on_loaded(self, loaded: jobs.Loaded) -> None:
        self._set_busy(False)
        self._apply(loaded, None)

    def _on_read_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        log.warning("catalogue not read: %s", exc)
        self._say_failure(
            self.tr("The catalogue could not be read: {reason}").format(reason=reason_text(exc))
        )

    def _write(self, job: Callable[[], jobs.Done], name: str) -> None:
        self._set_busy(True)
        self._runner.submit(job, on_done=self._on_done, on_error=self._on_write_failed, name=name)

    @Slot(object)
    def _on_done(self, done: jobs.Done) -> None:
        self._set_busy(False)
        self._apply(done.loaded, done.item.id if done.item is not None else None)
        name = done.item.name if done.item is not None else ""
        self._say(done_text(done.what, name, done.count))
        self.changed.emit()

    def _on_write_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ItemRefused):
            reason = self.tr("Not restored: {reason}").format(
                reason=problem_text(exc.problem, exc.detail, self.currency() or "", str(exc))
            )
        else:
            reason = self.tr("Nothing was changed: {reason}").format(reason=reason_text(exc))
        self._say_failure(reason)

    @Slot(str)
    def _say(self, text: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)
        self.said.emit(text)

    @Slot(str)
    def _say_failure(self, text: str) -> None:
        self._say(text)
        self.status_label.setStyleSheet(f"color: {RED};")

    def _show_note(self) -> None:
        account = self._account_currency()
        stored = self._loaded.currency if self._loaded is not None else None
        note = currency_note(stored, account)
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
