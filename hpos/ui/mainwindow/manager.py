"""The window's manager mode: the gate in front of Settings, Ctrl+L, the status bar's mode.

:class:`ManagerControls` gives the window one :class:`~hpos.ui.manager.gate.ManagerGate`
(whose :meth:`~hpos.ui.manager.gate.ManagerGate.run_as_manager` the lead wires to the
owner's pages too), puts the mode button at the right of the status bar ("Cashier
mode" / "Manager mode · Ctrl+L locks", hidden while no PIN is set) and File → Lock
manager mode (Ctrl+L, enabled while unlocked). Settings, and with it the TEST/PROD
switch, opens through :meth:`ManagerControls.run`; a dialog handed to
:meth:`ManagerControls.close_on_lock` is closed, unsaved, the moment manager mode
ends (Ctrl+L or 5 idle minutes), so a till left open in Settings is not left open to
the next person. Selling, the history, reprints and the customer display never ask.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow
from shiboken6 import isValid

from hpos.ui.manager.gate import ManagerGate
from hpos.ui.manager.indicator import ModeButton

if TYPE_CHECKING:
    from hpos.profile.profile import Profile
    from hpos.ui.mainwindow.chrome import WindowMenus
    from hpos.ui.runner import Runner


class ManagerControls(QObject):
    """The gate, the status bar's mode button and Ctrl+L, for one window."""

    def __init__(
        self,
        window: QMainWindow,
        runner: Runner,
        profile: Callable[[], Profile],
        menus: WindowMenus,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.gate = ManagerGate(runner, profile, parent=window)
        self.button = ModeButton(self.gate, window)
        window.statusBar().addPermanentWidget(self.button)
        self.lock_action = QAction(window)
        self.lock_action.setObjectName("lockManagerAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.gate.lock)
        menus.file_menu.insertAction(menus.quit, self.lock_action)
        self._dialogs: list[QDialog] = []
        self.gate.mode_changed.connect(self._mode_changed)
        self._mode_changed(self.gate.is_manager())
        self.retranslate()

    def run(self, action: Callable[[], None]) -> None:
        """Run ``action`` as the manager (after the PIN when one is set and locked)."""
        self.gate.run_as_manager(self._window, action)

    def close_on_lock(self, dialog: QDialog) -> None:
        """Close ``dialog`` (rejected: nothing saved) when manager mode ends; Ctrl+L works
        in it too (the window's own shortcuts do not reach a window-modal dialog)."""
        dialog.addAction(self.lock_action)
        self._dialogs = [d for d in self._dialogs if isValid(d)] + [dialog]

    @Slot(bool)
    def _mode_changed(self, _manager: bool) -> None:
        self.lock_action.setEnabled(self.gate.is_unlocked())
        if self.gate.is_manager():
            return
        dialogs, self._dialogs = self._dialogs, []
        for dialog in dialogs:
            if isValid(dialog) and dialog.isVisible():
                dialog.reject()

    def retranslate(self) -> None:
        """The menu text in the UI language (the button follows LanguageChange itself)."""
        self.lock_action.setText(QCoreApplication.translate("MainWindow", "&Lock manager mode"))
