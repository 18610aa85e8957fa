"""The status bar's mode button: "Cashier mode" or "Manager mode", and a click to change it.

Hidden while no manager PIN is set (there are no modes then). In cashier mode a click
asks for the PIN; in manager mode (amber, so it is seen from across the counter) a
click locks, as Ctrl+L does. It follows :attr:`ManagerGate.mode_changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QToolButton, QWidget

from hpos.ui.manager.gate import ManagerGate
from hpos.ui.widgets.style import AMBER

_CASHIER = "QToolButton#managerMode { border: none; padding: 0 8px; }"
_MANAGER = (
    f"QToolButton#managerMode {{ border: none; padding: 0 8px; background: {AMBER};"
    " color: white; font-weight: bold; }"
)


class ModeButton(QToolButton):
    """Which mode the window is in; a click enters manager mode (PIN) or locks it."""

    def __init__(self, gate: ManagerGate, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerMode")
        self.setAutoRaise(True)
        self._gate = gate
        self._window = window
        self.clicked.connect(self._clicked)
        gate.mode_changed.connect(self.update_mode)
        self.update_mode()

    @Slot()
    def _clicked(self) -> None:
        if self._gate.is_unlocked():
            self._gate.lock()
        else:
            self._gate.enter(self._window)

    @Slot()
    @Slot(bool)
    def update_mode(self, _manager: bool = False) -> None:
        """Show the gate's mode now (hidden when no PIN is set)."""
        gate = self._gate
        self.setVisible(gate.pin_set())
        unlocked = gate.is_unlocked()
        self.setStyleSheet(_MANAGER if unlocked else _CASHIER)
        if unlocked:
            self.setText(self.tr("Manager mode · Ctrl+L locks"))
            self.setToolTip(self.tr("Click or press Ctrl+L to go back to cashier mode."))
        else:
            self.setText(self.tr("Cashier mode"))
            self.setToolTip(self.tr("Click to type the manager PIN."))
        self.setAccessibleName(self.text())

    def changeEvent(self, event: QEvent) -> None:
        """Re-read the texts when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.update_mode()
        super().changeEvent(event)
