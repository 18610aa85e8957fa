"""The PIN pad: the manager PIN typed by finger on a touch till without a keyboard.

Layout (a phone's, digits only)::

    1   2   3
    4   5   6
    7   8   9
    ⌫   0   OK

Each key emits :attr:`PinPad.key_pressed` with "0"-"9", ``KEY_BACKSPACE`` or ``KEY_OK``.
The keys are :class:`~hpos.ui.widgets.touch_keys.TouchKeys`: no focus, never the dialog's
default button, so the PIN field keeps the focus and Enter, Esc and typing work as
without the pad. The prompt decides what a key does and which keys are enabled
(:meth:`PinPad.set_state`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from hpos.ui.widgets.touch_keys import TouchKeys

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


class PinPad(TouchKeys):
    """Digits 0-9, delete and OK as large buttons that never take the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        keys = [key for row in _ROWS for key in row]
        super().__init__(
            parent,
            keys,
            name_prefix="pinKey_",
            min_size=MIN_KEY_SIZE,
            font_pixels=24,
            grow_rows=False,
        )
        self.setObjectName("pinPad")
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        for r, row in enumerate(_ROWS):
            for c, key in enumerate(row):
                grid.addWidget(self.button(key), r, c)
        for c in range(3):
            grid.setColumnStretch(c, 1)
        self.button(KEY_BACKSPACE).setAutoRepeat(True)
        self.button(KEY_OK).setObjectName("pinKeyOk")
        self.retranslate()

    def retranslate(self) -> None:
        """Key texts and names in the UI language (again on LanguageChange)."""
        self.setAccessibleName(self.tr("PIN keypad"))
        self.word_keys(_label)

    def set_state(self, *, digits: bool, backspace: bool, ok: bool) -> None:
        """Enable the digit keys, the delete key and OK as the prompt allows."""
        for key, button in self._buttons.items():
            if key == KEY_BACKSPACE:
                button.setEnabled(backspace)
            elif key == KEY_OK:
                button.setEnabled(ok)
            else:
                button.setEnabled(digits)
