"""Touch keys: a pad of large buttons that never take the keyboard focus.

Each button carries its key name and emits :attr:`TouchKeys.key_pressed` with it. The
buttons take no focus (``Qt.NoFocus``) and are never a dialog's default button, so the
field beside the pad keeps the focus and Enter, Esc and typing work as without it. A
subclass lays the buttons out and words them (``retranslate`` with :meth:`word_keys`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from hpos.ui.i18n import Retranslatable


class TouchKeys(Retranslatable, QWidget):
    """One large, focus-less button per key name (laid out by the subclass)."""

    #: The key tapped (its name).
    key_pressed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        keys: Iterable[str],
        *,
        name_prefix: str,
        min_size: int,
        font_pixels: int,
        grow_rows: bool,
    ) -> None:
        super().__init__(parent)
        vertical = QSizePolicy.Policy.Expanding if grow_rows else QSizePolicy.Policy.Fixed
        self._buttons: dict[str, QPushButton] = {}
        for key in keys:
            button = QPushButton(self)
            button.setObjectName(f"{name_prefix}{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)  # Enter stays the dialog's default button
            button.setDefault(False)
            button.setMinimumSize(min_size, min_size)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, vertical)
            font = QFont(button.font())
            font.setPixelSize(font_pixels)
            font.setBold(True)
            button.setFont(font)
            button.setProperty("key", key)
            button.clicked.connect(self._on_clicked)
            self._buttons[key] = button

    @Slot()
    def _on_clicked(self) -> None:
        # One slot for every button: the key travels as the button's "key" property.
        button = self.sender()
        if isinstance(button, QPushButton):
            self.key_pressed.emit(str(button.property("key")))

    def word_keys(self, label: Callable[[str], tuple[str, str]]) -> None:
        """Each key's text, accessible name and tool tip from ``label(key)`` (text, name)."""
        for key, button in self._buttons.items():
            text, name = label(key)
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(name)

    def button(self, key: str) -> QPushButton:
        """The button of ``key``."""
        return self._buttons[key]

    def buttons(self) -> list[QPushButton]:
        """Every key's button."""
        return list(self._buttons.values())
