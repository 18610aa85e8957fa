"""The main window's keyboard: F1 (shortcuts list), F3 (last QR again), Esc (back).

The cashier screen handles its own keys (digits, Enter, Esc: see
:mod:`hpos.ui.cashier.keys`), and the File/View menus hold Ctrl+, F2 and F5.
:class:`WindowKeys` adds what belongs to the whole window:

- F1 opens or closes :class:`~hpos.ui.mainwindow.shortcuts.ShortcutsOverlay`;
- F3 shows the QR code of the sale awaiting payment again (after F2, or when the
  cashier screen has moved on), through the window's ``show_last_qr``;
- Esc that no widget used (e.g. in the history) goes back to the cashier;
- the keyboard focus follows the tab shown (the amount on the cashier, the table
  in the history), so typing works at once, at start-up too.

Esc is not a window shortcut (a shortcut would take it from the cashier screen
and the dialogs): the window's event filter sees it only once every focused
widget has ignored it.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QTabWidget, QWidget
from shiboken6 import isValid

if TYPE_CHECKING:  # built on the first F1: not imported at start-up
    from hpos.ui.mainwindow.shortcuts import ShortcutsOverlay


class KeyedWindow(Protocol):
    """What :class:`WindowKeys` needs from the main window."""

    def show_last_qr(self) -> None:
        """F3."""

    def escape_back(self) -> bool:
        """Esc nobody used: go back (e.g. history -> cashier); True if it did."""


class WindowKeys(QObject):
    """F1, F3 and the unused Esc of one main window."""

    def __init__(self, window: QWidget, target: KeyedWindow) -> None:
        super().__init__(window)
        # weak: the window owns this object; a strong reference back would be a cycle,
        # and a cycle holding widgets may be collected on a worker thread
        self._target = weakref.ref(target)
        self._window = window
        self._overlay: ShortcutsOverlay | None = None  # built on the first F1
        self.overlay_action = QAction(self)
        self.overlay_action.setObjectName("shortcutsAction")  # F1's own row
        self.overlay_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.overlay_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.overlay_action.triggered.connect(self._toggle_overlay)
        self.last_qr_action = QAction(self)
        self.last_qr_action.setObjectName("lastQrAction")
        self.last_qr_action.setShortcut(QKeySequence(Qt.Key.Key_F3))
        self.last_qr_action.triggered.connect(target.show_last_qr)
        window.addAction(self.overlay_action)
        window.addAction(self.last_qr_action)
        window.installEventFilter(self)
        self._tabs: QTabWidget | None = None
        self.retranslate()

    @property
    def overlay(self) -> ShortcutsOverlay:
        """The F1 list of shortcuts over the window (built on first use, not at start-up)."""
        if self._overlay is None:
            from hpos.ui.mainwindow.shortcuts import ShortcutsOverlay  # first F1, not start-up

            self._overlay = ShortcutsOverlay(self._window)
        return self._overlay

    @Slot()
    def _toggle_overlay(self) -> None:
        self.overlay.toggle()

    def watch_tabs(self, tabs: QTabWidget) -> None:
        """Give the keyboard focus to the tab shown, now and whenever it changes."""
        self._tabs = tabs
        tabs.setAccessibleName(self.tr("Cashier and history"))
        tabs.currentChanged.connect(self._focus_tab)
        self._focus_tab()

    @Slot()
    def _focus_tab(self) -> None:
        tabs = self._tabs
        if tabs is None or not isValid(tabs) or tabs.currentWidget() is None:
            return
        focus_first(tabs.currentWidget())

    def retranslate(self) -> None:
        """The actions' texts, in the current language."""
        self.overlay_action.setText(self.tr("&Keyboard shortcuts"))
        self.last_qr_action.setText(self.tr("Show the last &QR code"))
        if self._tabs is not None and isValid(self._tabs):
            self._tabs.setAccessibleName(self.tr("Cashier and history"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent():
            kind = event.type()
            if kind == QEvent.Type.LanguageChange:
                self.retranslate()
            elif (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
            ):
                if self._overlay is not None and self._overlay.isVisible():
                    self._overlay.close_overlay()
                    return True
                target = self._target()
                return target is not None and target.escape_back()
        return False


def focus_first(widget: QWidget) -> None:
    """The keyboard focus to where work starts in ``widget``.

    A widget with a ``focus_page()`` method (the cashier screen) chooses; one
    with a ``view`` (the history's table) gets it there; else the widget itself.
    """
    chooser = getattr(widget, "focus_page", None)
    if callable(chooser):
        chooser()
        return
    target = getattr(widget, "view", None)
    (target if isinstance(target, QWidget) else widget).setFocus(Qt.FocusReason.TabFocusReason)
