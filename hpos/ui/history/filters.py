"""The history pane's filter row: source, status, from/to dates, search, Refresh, Export.

:func:`build_filters` makes the widgets as attributes of the pane (as a Qt
Designer ``setupUi`` would: ``pane.source_combo``, ``pane.search_edit``...) and
wires them to the pane's slots; the pane sets their texts in its ``retranslate``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPushButton

from hpos.ui.history.rows import SOURCE_HPAY, SOURCE_JOURNAL
from hpos.ui.history.widgets import buddy, date_edit

if TYPE_CHECKING:
    from hpos.ui.history.pane import HistoryPane


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
    pane.search_edit.setMinimumWidth(160)
    pane.search_edit.textChanged.connect(pane.proxy.set_search)
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
