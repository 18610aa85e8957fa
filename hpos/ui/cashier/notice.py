"""The small non-blocking notice above the cashier screen's pages ("Sale X was paid late").

:class:`~hpos.ui.cashier.screen.CashierScreen` stacks its pages below it and decides
which one shows. The pages live in :mod:`hpos.ui.cashier.entry` (entry, charging),
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
    """A small non-blocking notice above the pages (e.g. "Sale X was paid late")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.label = QLabel("", self)
        self.label.setWordWrap(True)
        self.close_button = QPushButton("✕", self)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """Static texts in the UI language (again on LanguageChange)."""
        self.close_button.setAccessibleName(self.tr("Dismiss the notice"))
        self.close_button.setToolTip(self.tr("Dismiss the notice"))

    def apply_scale(self, scale: float) -> None:
        """Fonts for a window ``scale`` times 1024×600."""
        set_pixels(self.label, 16 * scale, bold=True)
        set_pixels(self.close_button, 16 * scale)
        self.close_button.setMinimumSize(round(40 * scale), round(40 * scale))
