"""The catalogue page's dialogs about one item: the editor and its saving, the remove question.

:class:`ItemEditing` opens the :class:`~hpos.ui.catalogue.editor.ItemEditor` (one at a
time) and writes what it submits on the runner: written, the editor closes and
:attr:`ItemEditing.written` carries the catalogue after it; refused, the editor stays
open and says why (beside the field at fault, or under the form for the currency or the
journal). :func:`ask_remove` is the window-modal, never-blocking "Remove …?" question
(Cancel is the default button: Enter never removes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from hpos.sales.catalogue import Item, ItemDraft, ItemRefused
from hpos.sales.catalogue_store import CurrencyMismatch
from hpos.ui.catalogue import jobs
from hpos.ui.catalogue.editor import ItemEditor
from hpos.ui.catalogue.words import currency_text, reason_text
from hpos.ui.runner import Runner

if TYPE_CHECKING:
    from hpos.sales.journal import Journal


class ItemEditing(QObject):
    """Add or edit one item at a time in the dialog; the writing on the runner."""

    #: The item was written: a :class:`~hpos.ui.catalogue.jobs.Done`.
    written = Signal(object)

    def __init__(self, runner: Runner, journal: Callable[[], Journal], parent: QWidget) -> None:
        super().__init__(parent)
        self._runner = runner
        self._journal = journal
        self._page = parent
        self.editor: ItemEditor | None = None

    def open(self, item: Item | None, currency: str, categories: list[str]) -> ItemEditor:
        """The editor for ``item`` (None: a new one), prices in ``currency``."""
        if self.editor is not None and isValid(self.editor):
            self.editor.close()
        editor = self.editor = ItemEditor(item, currency, categories, self._page)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.submitted.connect(lambda item_id, draft: self._save(editor, item_id, draft))
        editor.finished.connect(lambda _result: self._closed(editor))
        editor.open()
        return editor

    def _save(self, editor: ItemEditor, item_id: int | None, draft: ItemDraft) -> None:
        currency, journal = editor.currency, self._journal

        def done(result: jobs.Done) -> None:
            if isValid(editor):
                editor.accept()
            self.written.emit(result)

        def failed(exc: BaseException) -> None:
            if not isValid(editor):
                return  # closed meanwhile: nothing was written, nobody to tell
            if isinstance(exc, ItemRefused):
                editor.show_refusal(exc)
            elif isinstance(exc, CurrencyMismatch):
                editor.show_message(currency_text(exc.catalogue, exc.given))
            else:
                editor.show_message(reason_text(exc))

        self._runner.submit(
            lambda: jobs.save(journal().catalogue, item_id, draft, currency),
            on_done=done,
            on_error=failed,
            name="save item",
        )

    def _closed(self, editor: ItemEditor) -> None:
        if self.editor is editor:
            self.editor = None


def ask_remove(parent: QWidget, item: Item, then: Callable[[], None]) -> QMessageBox:
    """Ask "Remove …?" (window-modal, not blocking); ``then()`` when Remove is pressed."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("CataloguePage", "Remove an item"),
        QCoreApplication.translate(
            "CataloguePage",
            "Remove “{name}”? An item no sale names is deleted; an item already sold is"
            " archived instead, so that its sales keep it.",
        ).format(name=item.name),
        parent=parent,
    )
    box.setObjectName("removeQuestion")
    remove = box.addButton(
        QCoreApplication.translate("CataloguePage", "Remove"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _result: then() if box.clickedButton() is remove else None)
    box.open()
    return box
