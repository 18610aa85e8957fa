"""The barcode scanner on the cashier screen: an application event filter over its keys.

:class:`ScannerFilter` sees the key presses sent to any widget of its ``scope`` (the
cashier screen), whichever has the focus (the amount, the note, the search field), while
it is active: the screen turns it on only while it shows the entry page (or the PAID
page) and the shop has a catalogue. The rule telling a scan from a person is
:class:`~hpos.ui.cashier.burst.ScanBurst`'s; this module holds the Qt side: it keeps the
held key events back, gives them to their widget again when the burst was a person's
(at most :data:`~hpos.ui.cashier.burst.GAP` later), and emits :attr:`ScannerFilter.scanned`
with the code otherwise (the keys and the Enter reach nobody, so a scan never charges).

A text field (the search field, the note, the product name) is not kept waiting: its keys
go through at once, so search as you type answers every key without the scanner's gap.
The field's text and cursor are noted when a burst starts; when the burst turns out to
be a scan, the field gets them back (the code never stays in it) and the Enter is kept
from it. Only the amount (not a text field) waits the gap.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from shiboken6 import isValid

from hpos.ui.cashier.burst import GAP, ScanBurst

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MODIFIER_KEYS = frozenset(
    {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}
)
_COMMANDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)

#: A key of a burst: (the widget it was sent to, a copy of the event to give back later,
#: or None when the key already went to its text field).
Held = tuple[QWidget, QKeyEvent | None]


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(
        QEvent.Type.KeyPress,
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


class ScannerFilter(QObject):
    """Scans typed into ``scope``'s widgets become :attr:`scanned`; a person's keys pass."""

    #: A code was scanned (the characters before Enter).
    scanned = Signal(str)

    def __init__(
        self,
        scope: QWidget,
        *,
        clock: Callable[[], float] = time.monotonic,
        gap: float = GAP,
    ) -> None:
        super().__init__(scope)
        self._scope = scope
        self._burst: ScanBurst[Held] = ScanBurst(clock, gap=gap)
        #: The text fields a burst typed into, with their text and cursor before it.
        self._before: dict[QLineEdit, tuple[str, int]] = {}
        self._active = False
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, math.ceil(gap * 1000)))
        self._timer.timeout.connect(self.release)

    @property
    def active(self) -> bool:
        """Installed: the scope's keys are watched."""
        return self._active

    @property
    def holding(self) -> bool:
        """Keys are held back (a burst may be on); they go to their widgets in at most
        the gap."""
        return self._burst.holding

    def set_active(self, active: bool) -> None:
        """Watch the scope's keys (or stop, giving back any key held)."""
        if active == self._active:
            return
        app = QCoreApplication.instance()
        self._active = active
        if active:
            if app is not None:
                app.installEventFilter(self)
            return
        if app is not None:
            app.removeEventFilter(self)
        self.release()

    @Slot()
    def release(self) -> None:
        """Give the held keys back to their widgets, in order (a person typed them)."""
        self._timer.stop()
        self._replay(self._burst.release())

    def _replay(self, held: list[Held]) -> None:
        if not held:
            return
        self._before.clear()  # that burst is over: its fields keep what was typed
        self._replaying = True
        try:
            for widget, event in held:
                if event is None:
                    continue  # it went to its text field at once
                target = widget if isValid(widget) else QApplication.focusWidget()
                if target is not None:
                    QCoreApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    def _take_back(self) -> None:
        """A scan: the text fields it typed into get their text and cursor back."""
        for field, (text, cursor) in self._before.items():
            if isValid(field):
                field.setText(text)
                field.setCursorPosition(cursor)
        self._before.clear()

    def _ours(self, watched: QObject) -> bool:
        scope = self._scope
        return isinstance(watched, QWidget) and (watched is scope or scope.isAncestorOf(watched))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self._replaying or not self._ours(watched):
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False  # Shift before a capital letter: part of the burst
        text = event.text()
        printable = len(text) == 1 and text.isprintable() and not text.isspace()
        if key in _ENTER and not event.isAutoRepeat():
            outcome = self._burst.enter()
        elif printable and not event.isAutoRepeat() and not event.modifiers() & _COMMANDS:
            field = watched if isinstance(watched, QLineEdit) and not watched.isReadOnly() else None
            copy = None if field is not None else _copy(event)
            outcome = self._burst.printable(text, (watched, copy))  # type: ignore[arg-type]
            self._replay(outcome.release)
            if field is not None and field not in self._before:
                self._before[field] = (field.text(), field.cursorPosition())
            self._timer.start()
            return field is None  # a text field takes its key now; the amount waits
        else:
            outcome = self._burst.other()
        if outcome.code is not None:
            self._timer.stop()
            self._take_back()
            self.scanned.emit(outcome.code)
            return True
        self._replay(outcome.release)
        self._timer.stop()
        self._before.clear()
        return False
