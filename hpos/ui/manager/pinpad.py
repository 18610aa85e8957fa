"""The PIN pad: the manager PIN typed by finger on a touch till without a keyboard.

Layout (a phone's, digits only)::

    1   2   3
    4   5   6
    7   8   9
    ⌫   0   OK

Each key emits :attr:`PinPad.key_pressed` with "0"-"9", ``KEY_BACKSPACE`` or ``KEY_OK``.
The keys take no focus (``Qt.NoFocus``) and are never the dialog's default button, so
the PIN field keeps the focus and Enter, Esc and typing work as without the pad. The
prompt decides what a key does and which keys are enabled (:meth:`PinPad.set_state`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from hpos.ui.i18n import Retranslatable

KEY_BACKSPACE = "backspace"
KEY_OK = "ok"

#: Smallest side of a key in pixels: a fingertip, not a mouse pointer.
MIN_KEY_SIZE = 56

_ROWS = ("123", "456", "789", (KEY_BACKSPACE, "0", KEY_OK))


def _label(key: str) -> tuple[str, str]:
    """(text, accessible name) of a key, in the UI language."""
    if key.isdigit():
        return key, QCoreApplication.translate("PinPad", "Digit {digit}").format(digit=key)
    if key == KEY_BACKSPACE:
        return "⌫", QCoreApplication.translate("PinPad", "Delete the last digit")
    return (
        QCoreApplication.translate("PinPad", "OK", "the PIN pad's key that checks the PIN"),
        QCoreApplication.translate("PinPad", "Check the PIN"),
    )


class PinPad(Retranslatable, QWidget):
    """Digits 0-9, delete and OK as large buttons that never take the focus."""

    #: The key tapped: "0"-"9", "backspace" or "ok".
    key_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        self._buttons: dict[str, QPushButton] = {}
        for r, row in enumerate(_ROWS):
            for c, key in enumerate(row):
                button = self._make_button(key)
                self._buttons[key] = button
                grid.addWidget(button, r, c)
        for c in range(3):
            grid.setColumnStretch(c, 1)
        self._buttons[KEY_BACKSPACE].setAutoRepeat(True)
        self._buttons[KEY_OK].setObjectName("pinKeyOk")
        self.retranslate()

    def retranslate(self) -> None:
        """Key texts and names in the UI language (again on LanguageChange)."""
        self.setAccessibleName(self.tr("PIN keypad"))
        for key, button in self._buttons.items():
            text, name = _label(key)
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(name)

    def _make_button(self, key: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(f"pinKey_{key}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)  # Enter stays the dialog's Unlock
        button.setDefault(False)
        button.setMinimumSize(MIN_KEY_SIZE, MIN_KEY_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = QFont(button.font())
        font.setPixelSize(24)
        font.setBold(True)
        button.setFont(font)
        button.setProperty("key", key)
        button.clicked.connect(self._on_clicked)
        return button

    @Slot()
    def _on_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.key_pressed.emit(str(button.property("key")))

    def button(self, key: str) -> QPushButton:
        """The button of ``key`` ("0"-"9", ``KEY_BACKSPACE``, ``KEY_OK``)."""
        return self._buttons[key]

    def buttons(self) -> list[QPushButton]:
        """Every key."""
        return list(self._buttons.values())

    def set_state(self, *, digits: bool, backspace: bool, ok: bool) -> None:
        """Enable the digit keys, the delete key and OK as the prompt allows."""
        for key, button in self._buttons.items():
            if key == KEY_BACKSPACE:
                button.setEnabled(backspace)
            elif key == KEY_OK:
                button.setEnabled(ok)
            else:
                button.setEnabled(digits)
