"""The manager gate: what only the manager may do asks for the PIN first.

:class:`ManagerGate` is the one place the window asks "may this be done?":
:meth:`ManagerGate.run_as_manager` runs an action at once when no PIN is set or manager
mode is unlocked, else opens the :class:`~hpos.ui.manager.prompt.PinPrompt` and runs
it once the right PIN was typed. Manager mode then stays unlocked until
:meth:`ManagerGate.lock` (Ctrl+L, the status bar's button) or 5 minutes without a key
press or a click anywhere in HPOS (:class:`~hpos.ui.manager.idle.IdleWatch`).
``mode_changed(bool)`` says :meth:`ManagerGate.is_manager` after every change (a PIN
set or removed included). Selling, the history, reprints and the customer display
never go through the gate.

The PIN's hash is read from the profile (a function: the demo swaps profiles); a
try is checked against the hash saved on disk at that moment (see
:mod:`hpos.ui.manager.jobs`). Clocks are parameters: the wall clock for the lockout
(kept across restarts), a monotonic one for the idle time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from hpos.ui.manager.idle import IDLE_SECONDS, IdleWatch

if TYPE_CHECKING:
    from hpos.profile.profile import Profile
    from hpos.ui.manager.prompt import PinPrompt
    from hpos.ui.runner import Runner

log = logging.getLogger(__name__)

Action = Callable[[], None]


class ManagerGate(QObject):
    """Manager mode for one window: the PIN prompt, unlocked until Ctrl+L or 5 idle minutes."""

    #: :meth:`is_manager` after a change: unlocked, locked, a PIN set or removed.
    mode_changed = Signal(bool)
    #: The PIN prompt just opened (tests and the screenshots find it here).
    prompt_opened = Signal(object)

    def __init__(
        self,
        runner: Runner,
        profile: Callable[[], Profile],
        *,
        wall_clock: Callable[[], float] = time.time,
        idle_clock: Callable[[], float] = time.monotonic,
        idle_seconds: float = IDLE_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._profile = profile
        self._wall_clock = wall_clock
        self._unlocked = False
        self.prompt: PinPrompt | None = None
        self._pending: list[Action] = []
        self.idle = IdleWatch(clock=idle_clock, idle_seconds=idle_seconds, parent=self)
        self.idle.idle.connect(self._idle)

    # -- the state ----------------------------------------------------------------------

    def pin_hash(self) -> str:
        """The PIN's hash in the profile's settings ("" = no PIN)."""
        return self._profile().settings.manager_pin_hash

    def pin_set(self) -> bool:
        """True when a manager PIN is set (the gate asks for it)."""
        return bool(self.pin_hash())

    def is_unlocked(self) -> bool:
        """True while manager mode is unlocked by the PIN (False when no PIN is set)."""
        return self._unlocked and self.pin_set()

    def is_manager(self) -> bool:
        """True when manager actions run without asking: no PIN set, or manager mode unlocked."""
        return not self.pin_set() or self._unlocked

    # -- asking ---------------------------------------------------------------------------

    def run_as_manager(self, parent: QWidget | None, action: Action) -> None:
        """Run ``action`` now if allowed, else after the right PIN (not at all on Cancel)."""
        if self.is_manager():
            self.idle.touch()
            action()
            return
        # imported on first use: the window builds the gate before its first paint
        from hpos.ui.manager.prompt import PinPrompt

        self._pending.append(action)
        if self.prompt is not None and isValid(self.prompt):
            self.prompt.raise_()
            self.prompt.activateWindow()
            return
        prompt = self.prompt = PinPrompt(
            self._runner,
            self._profile().config_dir,
            self.pin_hash(),
            clock=self._wall_clock,
            parent=parent,
        )
        prompt.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        prompt.accepted.connect(self._right_pin)
        prompt.rejected.connect(self._cancelled)
        prompt.open()
        self.prompt_opened.emit(prompt)

    def enter(self, parent: QWidget | None) -> None:
        """The status bar's button in cashier mode: ask for the PIN, then just unlock."""
        self.run_as_manager(parent, lambda: None)

    @Slot()
    def lock(self) -> None:
        """End manager mode now (Ctrl+L, the status bar's button)."""
        if not self._unlocked:
            return
        self._unlocked = False
        self.idle.stop()
        log.info("Manager mode locked")
        self.mode_changed.emit(self.is_manager())

    def settings_saved(self) -> None:
        """Settings were saved (a PIN may be new or gone): whoever set it stays manager."""
        if self.pin_set() and not self._unlocked:
            self._unlock()  # the manager who just set the PIN goes on in manager mode
            return
        if not self.pin_set() and self._unlocked:
            self._unlocked = False
            self.idle.stop()
        self.mode_changed.emit(self.is_manager())

    # -- answers ------------------------------------------------------------------------

    def _unlock(self) -> None:
        self._unlocked = True
        self.idle.start()
        log.info("Manager mode unlocked")
        self.mode_changed.emit(True)

    @Slot()
    def _right_pin(self) -> None:
        self.prompt = None
        actions, self._pending = self._pending, []
        self._unlock()
        for action in actions:
            action()

    @Slot()
    def _cancelled(self) -> None:
        self.prompt = None
        self._pending = []

    @Slot()
    def _idle(self) -> None:
        if self._unlocked:
            log.info("Manager mode locked after %d idle minutes", self.idle.idle_seconds // 60)
            self.lock()
