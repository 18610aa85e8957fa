"""The cashier on duty: a compact picker that stays on screen, and the question at a shift's start.

Shown only when the profile lists cashiers (Settings → Counter → Cashiers).
:class:`ShiftPicker` is a button that always says who is serving ("Cashier: Awa")
and opens the list: one click on a name puts that cashier on duty; "End shift"
leaves nobody on duty. When nobody is on duty as the window opens, a small
:class:`ShiftDialog` asks "Who is at the till?" with one button per name (one
click). The choice is remembered in the profile (``cashier_on_duty``, written on
the runner: disk I/O never on the GUI thread) until it is changed, across restarts.

The picker only says who serves: :attr:`ShiftPicker.changed` carries the name (or
None) and the main window hands it to the sale controller, which writes it on
every sale it creates from then on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hpos.ui.i18n import Retranslatable

if TYPE_CHECKING:
    from hpos.profile.profile import Profile

__all__ = ["ShiftDialog", "ShiftPicker", "remember_on_duty"]

log = logging.getLogger(__name__)

#: The window's ``Runner.submit`` (remembering the cashier writes the profile's file).
Submit = Callable[..., object]


def remember_on_duty(profile: Profile, name: str) -> None:
    """Write ``name`` ("" = nobody) as the profile's cashier on duty (disk: on a worker)."""
    profile.update(cashier_on_duty=name)


class ShiftDialog(Retranslatable, QDialog):
    """ "Who is at the till?": one big button per cashier, and "Not now"."""

    #: A cashier was picked (their name).
    picked = Signal(str)

    def __init__(self, names: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftDialog")
        self.question = QLabel()
        self.question.setObjectName("shiftQuestion")
        self.question.setWordWrap(True)
        font = self.question.font()
        font.setPixelSize(20)
        font.setBold(True)
        self.question.setFont(font)
        self.buttons: list[QPushButton] = []
        grid = QGridLayout()
        columns = 3 if len(names) > 4 else 2
        for index, name in enumerate(names):
            button = QPushButton(name)
            button.setObjectName("shiftName")
            button.setMinimumHeight(48)
            button.setAutoDefault(False)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, who=name: self._pick(who))
            grid.addWidget(button, index // columns, index % columns)
            self.buttons.append(button)
        self.later_button = QPushButton()
        self.later_button.setAutoDefault(False)
        self.later_button.clicked.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.question)
        box.addLayout(grid)
        box.addWidget(self.later_button, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def retranslate(self) -> None:
        """Every static text, in the current language."""
        self.setWindowTitle(self.tr("Start of shift"))
        self.question.setText(self.tr("Who is at the till?"))
        self.later_button.setText(self.tr("Not now"))
        self.later_button.setToolTip(self.tr("Sales made meanwhile record no cashier"))

    def _pick(self, name: str) -> None:
        self.picked.emit(name)
        self.accept()


class ShiftPicker(Retranslatable, QToolButton):
    """Who serves now, always on screen; one click on a name changes it."""

    #: The cashier on duty changed: their name, or None for nobody.
    changed = Signal(object)

    def __init__(
        self,
        names: tuple[str, ...],
        on_duty: str = "",
        *,
        profile: Profile | None = None,
        submit: Submit | None = None,
        ask_at_start: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shiftPicker")
        self._names = tuple(names)
        self._on_duty = on_duty if on_duty in self._names else ""
        self._profile = profile  # where the choice is remembered (None: not remembered)
        self._submit = submit
        self._ask_at_start = ask_at_start and bool(self._names) and not self._on_duty
        self.dialog: ShiftDialog | None = None
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the amount keeps the keyboard
        self.menu_ = QMenu(self)
        self.menu_.setObjectName("shiftMenu")
        group = QActionGroup(self)
        self._actions: dict[str, QAction] = {}
        for name in self._names:
            action = QAction(name, self, checkable=True)
            action.setActionGroup(group)
            action.triggered.connect(lambda _=False, who=name: self.pick(who))
            self.menu_.addAction(action)
            self._actions[name] = action
        self.menu_.addSeparator()
        self.end_action = QAction(self)
        self.end_action.triggered.connect(lambda: self.pick(""))
        self.menu_.addAction(self.end_action)
        self.setMenu(self.menu_)
        self.setVisible(bool(self._names))
        self.retranslate()

    # -- state --------------------------------------------------------------------------

    def cashier(self) -> str | None:
        """The cashier on duty (None: nobody)."""
        return self._on_duty or None

    @Slot(str)
    def pick(self, name: str) -> None:
        """Put ``name`` on duty ("" = end the shift: nobody); remembered in the profile."""
        name = name if name in self._names else ""
        if name == self._on_duty:
            self._refresh()
            return
        self._on_duty = name
        self._refresh()
        self.changed.emit(self.cashier())
        profile = self._profile
        if profile is not None and self._submit is not None:

            def failed(exc: BaseException) -> None:
                log.warning("cashier on duty not remembered: %s", exc)

            self._submit(
                lambda: remember_on_duty(profile, name), on_error=failed, name="remember cashier"
            )

    # -- the question at the start of a shift -------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the picker shows with nobody on duty: ask who is at the till."""
        super().showEvent(event)
        if self._ask_at_start:
            self._ask_at_start = False
            QTimer.singleShot(0, self, self.ask)

    @Slot()
    def ask(self) -> ShiftDialog | None:
        """ "Who is at the till?" (non-blocking); None when there are no cashiers."""
        if not self._names:
            return None
        dialog = self.dialog = ShiftDialog(self._names, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.picked.connect(self.pick)
        dialog.destroyed.connect(self._dialog_gone)
        dialog.open()
        return dialog

    @Slot()
    def _dialog_gone(self) -> None:
        self.dialog = None

    # -- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text, in the current language."""
        self.end_action.setText(self.tr("End shift (nobody)"))
        self.setToolTip(
            self.tr("Who is serving: each sale and its receipt say it. Click to change.")
        )
        self._refresh()

    def _refresh(self) -> None:
        for name, action in self._actions.items():
            action.setChecked(name == self._on_duty)
        self.end_action.setEnabled(bool(self._on_duty))
        if self._on_duty:
            text = self.tr("Cashier: {name}").format(name=self._on_duty)
        else:
            text = self.tr("Cashier: nobody — pick")
        self.setText(text + " ▾")
        self.setAccessibleName(text)
        self.setStyleSheet(
            "QToolButton#shiftPicker { padding: 0px 10px; font-weight: bold; }"
            " QToolButton#shiftPicker::menu-indicator { image: none; width: 0px; }"
            + (
                " QToolButton#shiftPicker { background: #fff3cd; border: 1px solid #c77c02; }"
                if not self._on_duty
                else ""
            )
        )
