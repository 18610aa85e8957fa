"""The Counter page's "Cashiers" box: the names a cashier picks from at the start of a shift.

No passwords: a name only says who served (on each sale, its receipt and the day
report). Names are cleaned like typed text (:func:`hpos.sales.reference.clean_typed`,
then :func:`hpos.profile.settings.cashier_name`); an empty name or one already in
the list (case-blind) is refused with a line saying why. Renaming the cashier on
duty keeps them on duty under the new name; removing them leaves nobody on duty.
Sales already made keep the name they were made with. Saved with the dialog's OK.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hpos.profile.settings import CASHIER_NAME_MAX, CASHIERS_MAX, Settings, cashier_name
from hpos.sales.reference import clean_typed
from hpos.ui.i18n import Retranslatable

__all__ = ["CashiersBox"]

_ORIGINAL = Qt.ItemDataRole.UserRole  # the name an item had when the dialog opened


class CashiersBox(Retranslatable, QGroupBox):
    """Add, rename and remove cashier names (the list of ``Settings.cashiers``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashiersBox")
        self.list = QListWidget()
        self.list.setObjectName("cashierList")
        self.list.setMinimumHeight(90)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("cashierName")
        self.name_edit.setMaxLength(CASHIER_NAME_MAX)
        self.add_button = QPushButton()
        self.rename_button = QPushButton()
        self.remove_button = QPushButton()
        for button in (self.add_button, self.rename_button, self.remove_button):
            button.setAutoDefault(False)
        self.note = QLabel()
        self.note.setObjectName("cashierNote")
        self.note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("cashierProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        edit_row = QHBoxLayout()
        edit_row.setContentsMargins(0, 0, 0, 0)
        edit_row.addWidget(self.name_edit, 1)
        edit_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.note)
        box.addWidget(self.list, 1)
        box.addLayout(buttons)
        box.addLayout(edit_row)
        box.addWidget(self.problem)
        self.problem.hide()
        self.add_button.clicked.connect(self.add_name)
        self.rename_button.clicked.connect(self.rename_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.name_edit.installEventFilter(self)  # Enter adds the name (never the dialog's OK)
        self.list.currentRowChanged.connect(self._selected)
        self._selected(-1)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the name field adds the name (rename: the button) and stops there."""
        if (
            watched is self.name_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_name()
            return True
        return super().eventFilter(watched, event)

    # -- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every static text, in the current language."""
        self.setTitle(self.tr("Cashiers"))
        self.note.setText(
            self.tr(
                "Optional. The cashier on duty is picked at the top right of the window; "
                "each sale, its receipt and the day report say who served. No passwords."
            )
        )
        self.list.setAccessibleName(self.tr("Cashier names"))
        self.name_edit.setPlaceholderText(self.tr("Name"))
        self.name_edit.setAccessibleName(self.tr("Cashier name"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add this cashier"))
        self.rename_button.setText(self.tr("Rename"))
        self.rename_button.setAccessibleName(self.tr("Rename the selected cashier"))
        self.rename_button.setToolTip(self.tr("Give the selected cashier the name typed below"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected cashier"))

    # -- values -------------------------------------------------------------------------

    def fill(self, s: Settings) -> None:
        """Show the saved names."""
        self.list.clear()
        for name in s.cashiers:
            item = QListWidgetItem(name)
            item.setData(_ORIGINAL, name)
            self.list.addItem(item)
        self.name_edit.clear()
        self._say("")

    def names(self) -> list[str]:
        """The names as listed now."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def settings(self, base: Settings) -> dict[str, object]:
        """The ``cashiers`` and ``cashier_on_duty`` values for ``base`` (renames followed)."""
        on_duty = base.cashier_on_duty
        for i in range(self.list.count()):
            item = self.list.item(i)
            if on_duty and item.data(_ORIGINAL) == on_duty:
                on_duty = item.text()
                break
        else:
            on_duty = ""
        return {"cashiers": tuple(self.names()), "cashier_on_duty": on_duty}

    # -- editing ------------------------------------------------------------------------

    def _cleaned(self) -> str:
        return cashier_name(clean_typed(self.name_edit.text()))

    def _refusal(self, name: str, keep: int = -1) -> str:
        """Why ``name`` cannot be in the list ("" when it can); ``keep``: the row renamed."""
        if not name:
            return self.tr("Type a name first.")
        for i, other in enumerate(self.names()):
            if i != keep and other.casefold() == name.casefold():
                return self.tr("{name} is already in the list.").format(name=other)
        return ""

    def add_name(self) -> bool:
        """Add the typed name (Enter in the name field, or Add)."""
        name = self._cleaned()
        refusal = self._refusal(name)
        if not refusal and self.list.count() >= CASHIERS_MAX:
            refusal = self.tr("The list holds at most {count} names.").format(count=CASHIERS_MAX)
        if refusal:
            self._say(refusal)
            return False
        item = QListWidgetItem(name)
        item.setData(_ORIGINAL, "")
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        self.name_edit.clear()
        self._say("")
        return True

    def rename_selected(self) -> bool:
        """Give the selected name the one typed."""
        row = self.list.currentRow()
        if row < 0:
            return False
        name = self._cleaned()
        refusal = self._refusal(name, keep=row)
        if refusal:
            self._say(refusal)
            return False
        self.list.item(row).setText(name)
        self.name_edit.clear()
        self._say("")
        return True

    def remove_selected(self) -> bool:
        """Take the selected name off the list (their past sales keep it)."""
        row = self.list.currentRow()
        if row < 0:
            return False
        self.list.takeItem(row)
        self._say("")
        return True

    def _selected(self, row: int) -> None:
        self.rename_button.setEnabled(row >= 0)
        self.remove_button.setEnabled(row >= 0)
        if row >= 0:
            self.name_edit.setText(self.list.item(row).text())

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
