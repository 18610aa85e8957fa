"""The sums under the history table, kept up to date without holding up the GUI thread.

:class:`HistorySummary` watches a :class:`~hpos.ui.history.table.HistoryTable`
and keeps :func:`~hpos.ui.history.totals.summarize_by_mode` of the rows it shows
(search applied; every row, not only those on screen). Rows added at the top or
the bottom (a page of HPAY's history, a new sale) are summed and added to the
sums at once, a few rows on the GUI thread. Anything else (a new search, a
reload, rows changed or removed, a large insertion such as the rest of a
journal) sums the rows shown again: on the GUI thread up to
:data:`SUMMARY_ON_GUI_ROWS` rows, else on the :class:`Runner` (the rows are made
there one at a time from the model's plain values; an answer overtaken by a
newer change is dropped). Changes in one pass of the event loop are summed once.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from shiboken6 import isValid

from hpos.ui.history.store import RowStore, summarize_positions
from hpos.ui.history.table import HistoryTable
from hpos.ui.history.totals import Summary, merged, summary_text_of
from hpos.ui.runner import Runner

#: Above this many rows shown, the sums are made on the Runner.
SUMMARY_ON_GUI_ROWS = 2000


class HistorySummary(QObject):
    """Per-mode sums of the rows a history model shows."""

    #: The sums changed: read :meth:`text`.
    changed = Signal()

    def __init__(self, model: HistoryTable, runner: Runner, parent: QObject | None = None):
        super().__init__(parent)
        self._model = model
        self._runner = runner
        self._sums: dict[str, Summary] = {}
        self._added: list[int] = []  # store positions shown since the last pass
        self._added_to: RowStore | None = None  # the store they are positions in
        self._again = False  # sum every row shown at the next pass
        self._gen = 0
        self._busy = False  # a sum of every row is being made on the Runner
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._pass)
        model.shown_set_changed.connect(self._shown_set_changed)

    @property
    def sums(self) -> dict[str, Summary]:
        """The sums per mode ("PROD", "TEST", ""), as last made."""
        return self._sums

    @property
    def pending(self) -> bool:
        """New sums are being made."""
        return self._busy or self._timer.isActive()

    def text(self) -> str:
        """The summary in the current language."""
        return summary_text_of(self._sums)

    @Slot()
    def recount(self) -> None:
        """Sum every row shown again (at the next pass of the event loop)."""
        self._again = True
        self._added.clear()
        self._timer.start()

    @Slot(object)
    def _shown_set_changed(self, added: list[int] | None) -> None:
        store = self._model.shown_snapshot()[0]
        if added is None or self._again or self._busy or store is not self._added_to:
            self._added_to = store
            self.recount()
            return
        self._added.extend(added)
        if len(self._added) > SUMMARY_ON_GUI_ROWS:
            self.recount()
        else:
            self._timer.start()

    @Slot()
    def _pass(self) -> None:
        store, shown = self._model.shown_snapshot()
        if not self._again:
            if self._added:
                added = summarize_positions(store, self._added)
                self._added.clear()
                self._sums = merged(self._sums, added)
                self.changed.emit()
            return
        self._again = False
        self._gen += 1
        if store.sums is not None and len(shown) == len(store):
            self._busy = False  # made with the rows, on the worker that read them
            self._sums = store.sums
            self.changed.emit()
            return
        if len(shown) <= SUMMARY_ON_GUI_ROWS:
            self._busy = False
            self._sums = summarize_positions(store, shown)
            self.changed.emit()
            return
        gen, self._busy = self._gen, True

        def done(sums: dict[str, Summary]) -> None:
            if gen == self._gen and isValid(self):  # else a newer count is on its way
                self._busy = False
                self._sums = sums
                self.changed.emit()

        def failed(_exc: BaseException) -> None:
            if gen == self._gen and isValid(self):
                self._busy = False

        self._runner.submit(
            partial(summarize_positions, store, shown, worker=True),
            on_done=done,
            on_error=failed,
            name="history summary",
        )
