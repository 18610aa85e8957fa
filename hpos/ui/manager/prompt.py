"""The PIN prompt: "Manager PIN", a digits-only field, and what a wrong PIN costs, said plainly.

:class:`PinPrompt` is a small modal dialog. OK hands the typed PIN to a background
job (:func:`hpos.ui.manager.jobs.try_pin`: scrypt and the attempts file never run on
the GUI thread); a right PIN accepts the dialog. A wrong one empties the field and
says how long to wait before the next try, counting down each second (the field and
OK stay disabled meanwhile); the 5th wrong PIN in a row says the PIN is locked for
5 minutes and how much time is left. A lockout from before (another prompt, another
run of HPOS) is read when the prompt opens and said at once. The time comes from
``clock`` (wall clock; tests give a fake one and call :meth:`PinPrompt.tick`).

Under the field a :class:`~hpos.ui.manager.pinpad.PinPad` lets a touch till without a
keyboard type the PIN: its keys follow the field (off while it is, no digit past the
longest PIN) and its OK is the dialog's Unlock. The keyboard works as without it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hpos.profile.pin import PIN_LENGTHS, PinAnswer, PinVerdict
from hpos.ui.i18n import Retranslatable
from hpos.ui.manager.jobs import answer_text, is_damaged, pin_waiting, try_pin, wait_text
from hpos.ui.manager.pinpad import KEY_BACKSPACE, KEY_OK, MIN_KEY_SIZE, PinPad
from hpos.ui.runner import Runner
from hpos.ui.widgets.style import AMBER, GREY, RED

_STYLE = f"""
QLabel#pinMessage[role="error"] {{ color: {RED}; }}
QLabel#pinMessage[role="warning"] {{ color: {AMBER}; font-weight: bold; }}
QLabel#pinMessage[role="note"] {{ color: {GREY}; }}
QLineEdit#pinEdit {{ font-size: 20px; padding: 4px; }}
"""

#: The pad's widest (three keys of about 100 px): a wider dialog leaves it centred.
PAD_MAX_WIDTH = 320


class PinPrompt(Retranslatable, QDialog):
    """Asks for the manager PIN; accepted once a right PIN was checked in the background."""

    #: Each answer of a try (a :class:`~hpos.profile.pin.PinAnswer`), on the GUI thread.
    answered = Signal(object)

    def __init__(
        self,
        runner: Runner,
        config_dir: Path,
        pin_hash: str,
        *,
        clock: Callable[[], float] = time.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinPrompt")
        self.setStyleSheet(_STYLE)
        self._runner = runner
        self._config_dir = config_dir
        self._pin_hash = pin_hash
        self._clock = clock
        self._busy = False
        self._held: PinAnswer | None = None  # the wait running now
        self._until = 0.0  # wall-clock end of that wait
        self._after: PinAnswer | None = None  # the last answer, said once its wait is over
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(PIN_LENGTHS[1])
        self.pin_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_LENGTHS[1]}}}"), self)
        )
        self.pin_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        self.message = QLabel()
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "note")
        self.pad = PinPad(self)
        self.pad.setMaximumWidth(PAD_MAX_WIDTH)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        for button in self.buttons.buttons():  # Cancel is the way out on a touch screen
            button.setMinimumHeight(MIN_KEY_SIZE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.pin_edit)
        layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.pin_edit.textChanged.connect(self._update_ok)
        self.pad.key_pressed.connect(self.press_key)
        self.retranslate()
        self._say("", "note")
        if is_damaged(pin_hash):
            self._say(self._damaged_text(), "warning")
            self.pin_edit.setEnabled(False)
        else:
            runner.submit(
                lambda: pin_waiting(config_dir, clock()),
                on_done=self._guard(self._waiting_read),
                name="manager PIN lockout",
            )
        self._update_ok()

    # -- public -----------------------------------------------------------------------

    def is_waiting(self) -> bool:
        """True while a delay or the lockout runs (the field and OK are disabled)."""
        return self._held is not None

    @Slot()
    def submit(self) -> None:
        """OK: check the typed PIN in the background (nothing while a wait runs)."""
        if self._busy or self._held is not None or is_damaged(self._pin_hash):
            return
        pin = self.pin_edit.text()
        low, high = PIN_LENGTHS
        if not low <= len(pin) <= high:
            self._say(
                self.tr("The PIN is {low} to {high} digits.").format(low=low, high=high), "error"
            )
            return
        self._busy = True
        self.pin_edit.setEnabled(False)
        self._update_ok()
        self._say(self.tr("Checking…"), "note")
        config_dir, known, now = self._config_dir, self._pin_hash, self._clock()
        self._runner.submit(
            lambda: try_pin(config_dir, pin, known, now),
            on_done=self._guard(self._answered),
            on_error=self._guard(self._failed),
            name="manager PIN",
        )

    @Slot(str)
    def press_key(self, key: str) -> None:
        """A key of the pad: a digit typed at the cursor, the last digit deleted, or OK."""
        if key == KEY_OK:
            self.submit()
            return
        edit = self.pin_edit
        if not edit.isEnabled():
            return
        if key == KEY_BACKSPACE:
            edit.backspace()
        elif key.isdigit() and len(key) == 1 and len(edit.text()) < edit.maxLength():
            edit.insert(key)

    @Slot()
    def tick(self) -> None:
        """Each second of a wait: the time left, then the field again once it is over."""
        held = self._held
        if held is None:
            self._timer.stop()
            return
        left = self._until - self._clock()
        if left > 0:
            self._say(
                wait_text(held, left), "warning" if held.verdict is PinVerdict.LOCKED else "error"
            )
            return
        self._held = None
        self._timer.stop()
        self.pin_edit.setEnabled(True)
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        after, self._after = self._after or held, None
        self._say(answer_text(after), "note")
        self._update_ok()

    # -- answers ----------------------------------------------------------------------

    def _guard(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(payload: Any) -> None:
            if isValid(self):
                callback(payload)

        return call

    def _waiting_read(self, answer: PinAnswer | None) -> None:
        if answer is not None and not self._busy:
            self._hold(answer)

    def _answered(self, answer: PinAnswer) -> None:
        self._busy = False
        self.pin_edit.clear()
        self.answered.emit(answer)
        if answer.verdict is PinVerdict.RIGHT:
            self._say("", "note")
            self.accept()
            return
        self._after = answer
        self._hold(answer)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.pin_edit.setEnabled(True)
        self._say(
            self.tr("The PIN could not be checked ({name}).").format(name=type(exc).__name__),
            "error",
        )
        self._update_ok()

    def _hold(self, answer: PinAnswer) -> None:
        """Wait ``answer.wait`` seconds before the next try, counting down."""
        if answer.wait <= 0:
            self.pin_edit.setEnabled(True)
            self._say(answer_text(answer), "note")
            self._update_ok()
            return
        self._held = answer
        self._after = self._after or answer
        self._until = self._clock() + answer.wait
        self.pin_edit.setEnabled(False)
        self._update_ok()
        self._timer.start()
        self.tick()

    # -- texts ------------------------------------------------------------------------

    def _damaged_text(self) -> str:
        return self.tr(
            "The saved manager PIN is damaged: no PIN opens it. The owner can remove it "
            "from a terminal (see the README's set-up section)."
        )

    def _say(self, text: str, role: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))
        self.message.setProperty("role", role)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to the wrapped texts' height at this width (a line never hides behind another)."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    @Slot()
    def _update_ok(self) -> None:
        ready = not self._busy and self._held is None and not is_damaged(self._pin_hash)
        typed = len(self.pin_edit.text())
        self.ok_button.setEnabled(ready and typed >= PIN_LENGTHS[0])
        typing = ready and self.pin_edit.isEnabled()
        self.pad.set_state(
            digits=typing and typed < self.pin_edit.maxLength(),
            backspace=typing and typed > 0,
            ok=self.ok_button.isEnabled(),
        )

    def retranslate(self) -> None:
        """Every text in the UI language."""
        self.setWindowTitle(self.tr("Manager PIN"))
        self.title.setText(self.tr("This needs the manager PIN. Type it to enter manager mode."))
        self.pin_edit.setAccessibleName(self.tr("Manager PIN"))
        self.pin_edit.setPlaceholderText(self.tr("4 to 8 digits"))
        self.ok_button.setText(self.tr("Unlock"))
        self.ok_button.setAccessibleName(self.tr("Unlock manager mode"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self._held is not None:
            self.tick()
        self._fit_height()

    def done(self, result: int) -> None:
        """Closed (either way): the countdown stops."""
        self._timer.stop()
        super().done(result)
