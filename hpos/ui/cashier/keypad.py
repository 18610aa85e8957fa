"""The on-screen keypad: big touch targets that never steal the keyboard focus.

Layout (the decimal key is hidden for currencies without a minor unit, and
"0" then takes its place)::

    7   8   9   ⌫
    4   5   6   ⌫
    1   2   3   C
    00  0   .   C

Each button emits :attr:`Keypad.key_pressed` with the key names of
:mod:`hpos.ui.cashier.amount` ("0"-"9", "00", ".", "backspace", "clear"). Buttons have
accessible names and ``Qt.NoFocus``, so the amount field keeps the focus and
the physical keyboard keeps working after a tap.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QWidget

from hpos.ui.cashier.amount import (
    DIGIT_KEYS,
    KEY_BACKSPACE,
    KEY_CLEAR,
    KEY_DECIMAL,
    KEY_DOUBLE_ZERO,
)
from hpos.ui.i18n import current_language
from hpos.ui.money import NUMBER_STYLES
from hpos.ui.widgets.touch_keys import TouchKeys

#: Smallest side of a key, in pixels (a finger, not a mouse pointer).
MIN_KEY_SIZE = 64

#: Every key, in the order the buttons are made.
_KEYS = (*"0123456789", KEY_DOUBLE_ZERO, KEY_DECIMAL, KEY_BACKSPACE, KEY_CLEAR)


def _label(key: str) -> tuple[str, str]:
    """(text, accessible name) of a key, in the UI language."""
    if key in DIGIT_KEYS:
        return key, QCoreApplication.translate("Keypad", "Digit {digit}").format(digit=key)
    if key == KEY_DOUBLE_ZERO:
        return "00", QCoreApplication.translate("Keypad", "Double zero")
    if key == KEY_DECIMAL:  # the key sends "."; it shows the language's mark
        mark = NUMBER_STYLES.get(current_language(), (",", "."))[1]
        return mark, QCoreApplication.translate("Keypad", "Decimal separator")
    if key == KEY_BACKSPACE:
        return "⌫", QCoreApplication.translate("Keypad", "Delete the last digit")
    return (
        QCoreApplication.translate("Keypad", "C", "clear key"),
        QCoreApplication.translate("Keypad", "Clear the amount"),
    )


class Keypad(TouchKeys):
    """Digits, 00, decimal separator, backspace and clear, as large buttons.

    :attr:`key_pressed` sends "0"-"9", "00", ".", "backspace" or "clear".
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, _KEYS, name_prefix="key_", min_size=MIN_KEY_SIZE, font_pixels=28, grow_rows=True
        )
        self.setObjectName("keypad")
        self._grid = QGridLayout(self)
        self._grid.setSpacing(8)
        self._grid.setContentsMargins(0, 0, 0, 0)
        rows = ("789", "456", "123")
        for r, digits in enumerate(rows):
            for c, digit in enumerate(digits):
                self._grid.addWidget(self._buttons[digit], r, c)
        self._grid.addWidget(self._buttons[KEY_DOUBLE_ZERO], 3, 0)
        self._grid.addWidget(self._buttons[KEY_BACKSPACE], 0, 3, 2, 1)
        self._grid.addWidget(self._buttons[KEY_CLEAR], 2, 3, 2, 1)
        self._buttons[KEY_BACKSPACE].setObjectName("keyBackspace")
        self._buttons[KEY_CLEAR].setObjectName("keyClear")
        self._buttons[KEY_BACKSPACE].setAutoRepeat(True)
        for c in range(4):
            self._grid.setColumnStretch(c, 1)
        for r in range(4):
            self._grid.setRowStretch(r, 1)
        self._decimals = -1
        self.set_decimals(2)
        self.retranslate()

    def retranslate(self) -> None:
        """Key texts and names in the UI language (again on LanguageChange)."""
        self.setAccessibleName(self.tr("Amount keypad"))
        self.word_keys(_label)

    @property
    def decimals(self) -> int:
        """The currency's decimals the keypad is set up for."""
        return self._decimals

    @Slot(int)
    def set_decimals(self, decimals: int) -> None:
        """Show the decimal key only when the currency has a minor unit."""
        if decimals == self._decimals:
            return
        self._decimals = decimals
        dot, zero = self._buttons[KEY_DECIMAL], self._buttons["0"]
        self._grid.removeWidget(dot)
        self._grid.removeWidget(zero)
        if decimals > 0:
            self._grid.addWidget(zero, 3, 1)
            self._grid.addWidget(dot, 3, 2)
            dot.setEnabled(True)
            dot.show()
        else:
            self._grid.addWidget(zero, 3, 1, 1, 2)
            dot.setEnabled(False)
            dot.hide()

    def set_key_font_pixels(self, pixels: int) -> None:
        """Scale the key labels (the cashier screen follows the window size)."""
        for button in self._buttons.values():
            font = QFont(button.font())
            font.setPixelSize(max(16, pixels))
            button.setFont(font)
