"""The history pane's filter row: source, status, from/to dates, search, Refresh, Export.

:func:`build_filters` makes the widgets as attributes of the pane (as a Qt
Designer ``setupUi`` would: ``pane.source_combo``, ``pane.search_edit``...) and
wires them to the pane's slots; the pane sets their texts in its ``retranslate``.
The search field's placeholder is never cut: :class:`FittingPlaceholder` shows the
full sentence when it fits the field and a short one when it does not (French at
1024×600), the full sentence always in the tool tip; the field narrows down to
:data:`SEARCH_MIN_WIDTH` so the whole row fits a 1024-pixel screen in French too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
)

from hpos.ui.history.rows import SOURCE_HPAY, SOURCE_JOURNAL
from hpos.ui.history.widgets import buddy, date_edit

if TYPE_CHECKING:
    from hpos.ui.history.pane import HistoryPane

#: The search field's narrowest (pixels): the short placeholder ("Chercher…") and about 14
#: typed characters, a transaction id's length; wider whenever the window has room. Small
#: enough for the filter row to fit a 1024-pixel screen in French.
SEARCH_MIN_WIDTH = 120


def build_filters(pane: HistoryPane) -> QHBoxLayout:
    """The filter widgets, set on ``pane`` and wired to its slots; the row that holds them."""
    pane.source_combo = QComboBox()
    pane.source_combo.addItem("HPAY", SOURCE_HPAY)
    pane.source_combo.addItem("", SOURCE_JOURNAL)
    pane.status_combo = QComboBox()
    pane.status_combo.addItem("", None)
    pane.status_combo.addItem("", "PAID")
    pane.status_combo.addItem("", "UNPAID")
    today = QDate.currentDate()
    pane.from_check = QCheckBox()
    pane.from_edit = date_edit(today.addDays(-30))
    pane.to_check = QCheckBox()
    pane.to_edit = date_edit(today)
    for check, edit in ((pane.from_check, pane.from_edit), (pane.to_check, pane.to_edit)):
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(pane._apply_query)
        edit.dateChanged.connect(pane._date_edited)
    pane.search_edit = QLineEdit()
    pane.search_edit.setClearButtonEnabled(True)
    pane.search_edit.setMinimumWidth(SEARCH_MIN_WIDTH)
    pane.search_edit.textChanged.connect(pane.proxy.set_search)
    pane.search_placeholder = FittingPlaceholder(pane.search_edit)
    pane.refresh_button = QPushButton()
    pane.refresh_button.clicked.connect(pane.refresh)
    pane.export_button = QPushButton()
    pane.export_button.clicked.connect(pane.export_csv)
    pane.source_combo.currentIndexChanged.connect(pane._apply_query)
    pane.status_combo.currentIndexChanged.connect(pane._apply_query)
    QShortcut(QKeySequence.StandardKey.Find, pane, pane.search_edit.setFocus)

    pane.source_label = buddy("", pane.source_combo)
    pane.status_filter_label = buddy("", pane.status_combo)
    row = QHBoxLayout()
    row.addWidget(pane.source_label)
    row.addWidget(pane.source_combo)
    row.addSpacing(6)
    row.addWidget(pane.status_filter_label)
    row.addWidget(pane.status_combo)
    row.addSpacing(6)
    row.addWidget(pane.from_check)
    row.addWidget(pane.from_edit)
    row.addWidget(pane.to_check)
    row.addWidget(pane.to_edit)
    row.addSpacing(6)
    row.addWidget(pane.search_edit, 1)
    row.addWidget(pane.refresh_button)
    row.addWidget(pane.export_button)
    return row


def placeholder_room(edit: QLineEdit) -> int:
    """The width (pixels) a placeholder may take in ``edit`` without being cut."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    # QLineEdit keeps 2 px each side (the clear button takes room only once there is text)
    return contents.width() - margins.left() - margins.right() - 4


class FittingPlaceholder(QObject):
    """The placeholder of a line edit: the full text when it fits, else the short one.

    The full text is the edit's tool tip too, so it can always be read whole.
    """

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._full = self._short = ""
        edit.installEventFilter(self)

    def set_texts(self, full: str, short: str) -> None:
        """The full placeholder and the one shown when the full one does not fit."""
        self._full, self._short = full, short
        self._edit.setToolTip(full)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._fit()
        return False

    def _fit(self) -> None:
        edit = self._edit
        fits = edit.fontMetrics().horizontalAdvance(self._full) <= placeholder_room(edit)
        text = self._full if fits or not self._short else self._short
        if edit.placeholderText() != text:
            edit.setPlaceholderText(text)
