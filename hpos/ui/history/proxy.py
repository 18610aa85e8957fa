"""The history as the view shows it: a thin proxy over a model that sorts and searches itself.

:class:`HistoryProxy` is a :class:`QIdentityProxyModel`: every call goes
straight to :class:`~hpos.ui.history.table.HistoryTable` in C++, whose rows are
already in the order shown (sorted by each column's value: Decimal amounts
numerically, dates by instant) and searched (transaction id, product, sale
number). A :class:`QSortFilterProxyModel` would call a Python ``lessThan`` and
``filterAcceptsRow`` from C++ for every comparison and every row — about 1.7
million calls to sort 100,000 rows — where the model sorts precomputed keys
with one ``sorted()``. The view's sort requests reach the model through
:meth:`QAbstractProxyModel.sort`; a delegate's ``multiData`` (every role of a
cell in one call) is passed on whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
)

from hpos.ui.history.rows import HistoryRow

if TYPE_CHECKING:
    from hpos.ui.history.table import HistoryTable


class HistoryProxy(QIdentityProxyModel):
    """The model's rows, as they are shown (sorted and searched by the model)."""

    def __init__(self, model: HistoryTable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setSourceModel(model)

    @property
    def search(self) -> str:
        """The current search text (case-folded, spaces collapsed)."""
        return self._model.search

    def set_search(self, text: str) -> None:
        """Show only rows whose transaction id, product or sale number contain ``text``."""
        self._model.set_search(text)

    def rows(self) -> list[HistoryRow]:
        """The rows shown, in the order shown."""
        return self._model.shown_rows()

    def row_at(self, proxy_row: int) -> HistoryRow:
        """The row shown at ``proxy_row``."""
        return self._model.row_at(proxy_row)

    def multiData(
        self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: QModelRoleDataSpan
    ) -> None:
        """Pass the delegate's one call per cell on (Qt's proxies split it into one call per
        role, each a Python call)."""
        self._model.multiData(self.mapToSource(index), roleDataSpan)
