"""The settings dialog's Manager tab: set, change or remove the manager PIN.

:class:`PinPage` shows whether a PIN is set, two digits-only fields for a new PIN (4 to
8 digits, typed twice, never shown) and, when one is set, "Remove the manager PIN".
It only says what the person asked: :meth:`PinPage.change` is ``None`` (unchanged),
``""`` (remove) or the new PIN, which the dialog's save job hashes on the runner
(scrypt is slow by design) and which is never kept anywhere else. The forgotten-PIN
way out (``hpos configure --reset-pin`` in a terminal) is said here, to the manager.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hpos.profile.pin import DAMAGED_PIN_HASH, PIN_LENGTHS
from hpos.ui.settings.widgets import group_box, role_label


def _pin_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_LENGTHS[1])
    edit.setValidator(
        QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_LENGTHS[1]}}}"), edit)
    )
    edit.setMaximumWidth(240)  # 8 digits, not the dialog's width
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
    return edit


class PinPage(QWidget):
    """The manager PIN's tab: its state, a new PIN typed twice, or its removal."""

    #: The fields changed (the dialog validates again).
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPage")
        self._pin_hash = ""
        self.state = role_label("", "note")
        self.new_edit = _pin_edit()
        self.repeat_edit = _pin_edit()
        self.error = role_label("", "error")
        self.remove_box = QCheckBox()
        self.about = role_label("", "note")
        self._new_title, self._repeat_title = QLabel(), QLabel()
        self._new_title.setBuddy(self.new_edit)
        self._repeat_title.setBuddy(self.repeat_edit)
        form = QFormLayout()
        form.addRow("", self.state)
        form.addRow(self._new_title, self.new_edit)
        form.addRow(self._repeat_title, self.repeat_edit)
        form.addRow("", self.error)
        form.addRow("", self.remove_box)
        form.addRow("", self.about)
        self._group = group_box("", form)
        layout = QVBoxLayout(self)
        layout.addWidget(self._group)
        layout.addStretch(1)
        for edit in (self.new_edit, self.repeat_edit):
            edit.textChanged.connect(self._edited)
        self.remove_box.toggled.connect(self._edited)
        self.retranslate()
        self._edited()

    def fill(self, pin_hash: str) -> None:
        """Show the PIN's state for the saved ``pin_hash`` ("" = none); the fields empty."""
        self._pin_hash = pin_hash
        self.new_edit.clear()
        self.repeat_edit.clear()
        self.remove_box.setChecked(False)
        self.retranslate()
        self._edited()

    def change(self) -> str | None:
        """None: leave the PIN as it is; "": remove it; else the new PIN (see ``problem``)."""
        if self.remove_box.isChecked():
            return ""
        pin = self.new_edit.text()
        return pin or None

    def problem(self) -> str:
        """Why the typed PIN cannot be saved ("" when it can, or when nothing is typed)."""
        if self.remove_box.isChecked():
            return ""
        pin, again = self.new_edit.text(), self.repeat_edit.text()
        if not pin and not again:
            return ""
        low, high = PIN_LENGTHS
        if not low <= len(pin) <= high:
            return self.tr("The PIN is {low} to {high} digits.").format(low=low, high=high)
        if again != pin:
            return self.tr("Type the same PIN twice.") if again else self.tr("Type the PIN again.")
        return ""

    def _edited(self) -> None:
        removing = self.remove_box.isChecked()
        for edit in (self.new_edit, self.repeat_edit):
            edit.setEnabled(not removing)
        problem = self.problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem) and bool(self.repeat_edit.text() or removing))
        self.changed.emit()

    def retranslate(self) -> None:
        """Every text in the current language."""
        self._group.setTitle(self.tr("Manager PIN"))
        pin_hash = self._pin_hash
        if pin_hash == DAMAGED_PIN_HASH:
            self.state.setText(
                self.tr("The saved PIN is damaged: no PIN opens it. Set a new one or remove it.")
            )
        elif pin_hash:
            self.state.setText(
                self.tr(
                    "A manager PIN is set: Settings, the TEST/PROD switch and the Owner menu "
                    "(closing the day, all tills, the catalogue) ask for it. "
                    "Selling, the history, reprints and the customer display never do."
                )
            )
        else:
            self.state.setText(
                self.tr(
                    "No manager PIN: anyone at the till can open Settings, switch to PROD and "
                    "use the Owner menu (closing the day, the catalogue). "
                    "Set a PIN of 4 to 8 digits to keep them for the manager."
                )
            )
        has_pin = bool(pin_hash)
        self._new_title.setText(self.tr("New PIN") if has_pin else self.tr("PIN"))
        self._repeat_title.setText(self.tr("Repeat it"))
        self.new_edit.setAccessibleName(self.tr("New manager PIN"))
        self.repeat_edit.setAccessibleName(self.tr("Repeat the new manager PIN"))
        self.new_edit.setPlaceholderText(self.tr("4 to 8 digits"))
        self.remove_box.setText(self.tr("Remove the manager PIN"))
        self.remove_box.setVisible(has_pin)
        self.about.setText(
            self.tr(
                "Manager mode ends after 5 minutes without a key press or a click, or on "
                "Ctrl+L. A forgotten PIN is removed from a terminal on this computer: "
                "hpos configure --reset-pin"
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        """Re-read every text when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._edited()
        super().changeEvent(event)
