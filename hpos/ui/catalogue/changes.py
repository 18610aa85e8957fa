"""What importing a catalogue file would change, item by item, in the UI language.

The import report lists, besides the rejected lines, each line that would write: a new
item with its price and details, an item's fields that change (old → new), an item
archived or restored. :func:`change_steps` finds them (line in the file, item, what it
does), in the file's order, from an :class:`~hpos.sales.catalogue_import.ImportPlan` and
the items it was made against; :func:`step_text` words one (the report words only the
rows it shows).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from hpos.sales.catalogue import Item, ItemDraft
from hpos.sales.catalogue_import import ImportPlan
from hpos.ui.catalogue.words import colour_names
from hpos.ui.money import format_money

__all__ = ["ChangesModel", "Step", "change_steps", "step_text"]

_NONE = "—"  # an empty field, in "old → new"
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole


@dataclass(frozen=True, slots=True)
class Step:
    """What one line of the file does: its number, the item's name (as it is now, or the
    new item's), and its parts: ("write", the item now or None for a new one, the line's
    draft), ("archive", item, None) or ("restore", item, None)."""

    line: int
    name: str
    parts: tuple[tuple[str, Item | None, ItemDraft | None], ...]


def change_steps(plan: ImportPlan, items: Mapping[int, Item]) -> list[Step]:
    """The lines of ``plan`` that write something, in the file's order (nothing worded
    yet: cheap for a file of thousands of lines)."""
    found: dict[int, tuple[str, list[tuple[str, Item | None, ItemDraft | None]]]] = {}
    for line, (item_id, draft) in zip(plan.change_lines, plan.changes, strict=False):
        old = items.get(item_id) if item_id is not None else None
        found.setdefault(line, (old.name if old else draft.name, []))[1].append(
            ("write", old, draft)
        )
    for kind, lines, ids in (
        ("archive", plan.archive_lines, plan.archive),
        ("restore", plan.restore_lines, plan.restore),
    ):
        for line, item_id in zip(lines, ids, strict=False):
            item = items.get(item_id)
            name = item.name if item is not None else f"#{item_id}"
            found.setdefault(line, (name, []))[1].append((kind, item, None))
    return [Step(line, name, tuple(parts)) for line, (name, parts) in sorted(found.items())]


def step_text(step: Step, currency: str) -> str:
    """What ``step`` changes, in the UI language."""
    texts = []
    for kind, item, draft in step.parts:
        if kind == "archive":
            texts.append(QCoreApplication.translate("ImportChanges", "Archived"))
        elif kind == "restore":
            texts.append(QCoreApplication.translate("ImportChanges", "Restored"))
        elif draft is not None and item is None:
            texts.append(_new_text(draft, currency))
        elif draft is not None and item is not None:
            texts.append(_diff_text(item, draft, currency))
    return "; ".join(texts)


def _money(value: Decimal | str, currency: str) -> str:
    return format_money(Decimal(value), currency)


def _colour(value: str) -> str:
    return colour_names().get(value, value) if value else _NONE


def _new_text(draft: ItemDraft, currency: str) -> str:
    details = [_money(draft.price, currency)]
    if draft.category:
        details.append(draft.category)
    if draft.barcode:
        details.append(
            QCoreApplication.translate("ImportChanges", "barcode {code}").format(code=draft.barcode)
        )
    if draft.sku:
        details.append(
            QCoreApplication.translate("ImportChanges", "SKU {code}").format(code=draft.sku)
        )
    if draft.colour:
        details.append(_colour(draft.colour))
    return QCoreApplication.translate("ImportChanges", "New item: {details}").format(
        details=" · ".join(details)
    )


def _diff_text(old: Item, draft: ItemDraft, currency: str) -> str:
    parts: list[str] = []

    def changed(label: str, before: str, after: str) -> None:
        if before != after:
            parts.append(f"{label}: {before or _NONE} → {after or _NONE}")

    changed(QCoreApplication.translate("ImportChanges", "name"), old.name, draft.name)
    if Decimal(draft.price) != old.price:
        before, after = _money(old.price, currency), _money(draft.price, currency)
        changed(QCoreApplication.translate("ImportChanges", "price"), before, after)
    changed(QCoreApplication.translate("ImportChanges", "category"), old.category, draft.category)
    changed(
        QCoreApplication.translate("ImportChanges", "barcode"),
        old.barcode or "",
        draft.barcode or "",
    )
    changed(QCoreApplication.translate("ImportChanges", "SKU"), old.sku or "", draft.sku or "")
    if old.colour != draft.colour:
        changed(
            QCoreApplication.translate("ImportChanges", "colour"),
            _colour(old.colour),
            _colour(draft.colour),
        )
    return "; ".join(parts)


class ChangesModel(QAbstractTableModel):
    """The report's "What changes" table: line, item, change; each row worded when first
    shown (a file of 4,000 new items opens its report at once)."""

    def __init__(self, steps: list[Step], currency: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = steps
        self._currency = currency
        self._texts: dict[int, str] = {}
        self._headers: list[str] = ["", "", ""]

    def set_headers(self, headers: list[str]) -> None:
        """The column titles (the UI language); the rows are worded again."""
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self._texts:
            self._texts.clear()
            last = self.index(len(self._steps) - 1, 2)
            self.dataChanged.emit(self.index(0, 2), last)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def text(self, row: int, column: int) -> str:
        """A cell as shown."""
        step = self._steps[row]
        if column == 0:
            return str(step.line)
        if column == 1:
            return step.name
        if row not in self._texts:
            self._texts[row] = step_text(step, self._currency)
        return self._texts[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
