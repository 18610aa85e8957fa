"""The small non-blocking notice above the cashier screen's pages ("Sale X was paid late").

It says two things, one above the other: a passing *notice* (the screen hides it after a
while) and a lasting *status* of the sales watched off screen ("Watching 1 cancelled sale
for a late payment"), which stays until it is empty or dismissed (✕); a dismissed status
comes back only when what it says changes.

:class:`~hpos.ui.cashier.screen.CashierScreen` stacks its pages below it and decides
which one shows. The pages live in :mod:`hpos.ui.cashier.entry` (entry),
:mod:`hpos.ui.cashier.charging`,
:mod:`hpos.ui.cashier.payment` (QR) and :mod:`hpos.ui.cashier.result` (PAID, problem);
each lays out its widgets and scales its fonts with the window (``apply_scale``, 1.0 at
1024×600). Colours and font helpers are in :mod:`hpos.ui.widgets.style`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from hpos.ui.i18n import Retranslatable
from hpos.ui.widgets.style import set_pixels


class NoticeBar(Retranslatable, QFrame):
    """A small non-blocking notice above the pages (e.g. "Sale X was paid late"), and the
    status of the sales watched off screen below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.label = QLabel("", self)
        self.label.setWordWrap(True)
        self.close_button = QPushButton("✕", self)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.dismiss)
        self._notice = ""
        self._status = ""
        self._dismissed = ""  # the status the cashier dismissed
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button)
        self.hide()
        self.retranslate()

    def show_notice(self, text: str) -> None:
        """A passing notice (the screen clears it after a while)."""
        self._notice = text
        self._update()

    def clear_notice(self) -> None:
        """The passing notice goes; the status, if any, stays."""
        self._notice = ""
        self._update()

    def set_status(self, text: str) -> None:
        """The lasting status ("" when nothing is watched off screen)."""
        self._status = text
        if not text:
            self._dismissed = ""
        self._update()

    @property
    def status(self) -> str:
        """The status shown ("" when none, or dismissed)."""
        return self._status if self._status != self._dismissed else ""

    def dismiss(self) -> None:
        """✕: the notice and the status go (the status comes back when it changes)."""
        self._notice = ""
        self._dismissed = self._status
        self._update()

    def _update(self) -> None:
        text = "\n".join(part for part in (self._notice, self.status) if part)
        self.label.setText(text)
        self.setVisible(bool(text))

    def retranslate(self) -> None:
        """Static texts in the UI language (again on LanguageChange)."""
        self.close_button.setAccessibleName(self.tr("Dismiss the notice"))
        self.close_button.setToolTip(self.tr("Dismiss the notice"))

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        set_pixels(self.label, 16 * scale, bold=True)
        set_pixels(self.close_button, 16 * scale)
        self.close_button.setMinimumSize(round(40 * scale), round(40 * scale))
