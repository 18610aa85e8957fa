"""The status bar's amber warning while PROD payments return to HPAY's example pages.

:class:`ReturnPagesWarning` is a small flat button kept at the right of the main
window's status bar (a permanent widget: temporary messages never hide it). It
shows while the profile is in PROD and a notify, success or cancel URL is still
one of HPAY's documentation examples (:func:`~hpos.profile.return_pages.example_return_pages`
decides); a click asks the window to open Settings at those fields
(``open_requested``). In TEST (the demo) it stays hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QMainWindow, QPushButton

from hpos.profile.return_pages import example_return_pages
from hpos.profile.settings import Settings

_STYLE = (
    "QPushButton { background:#ffb300; color:#1b1b1b; font-weight:bold; border:none;"
    " border-radius:3px; padding:2px 10px; }"
    "QPushButton:hover { background:#ffca28; }"
)


class ReturnPagesWarning(QObject):
    """The amber "set your own return pages" button of one window's status bar."""

    #: The warning was clicked: open Settings at the return pages.
    open_requested = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.button = QPushButton()
        self.button.setObjectName("returnPagesWarning")
        self.button.setStyleSheet(_STYLE)
        self.button.setFlat(True)
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.open_requested)
        self.button.hide()
        self.fields: tuple[str, ...] = ()
        window.statusBar().addPermanentWidget(self.button)
        self.button.installEventFilter(self)
        self.retranslate()

    def show_for(self, settings: Settings | None) -> None:
        """Show the warning for these (effective) settings; hide it for None or when fine."""
        self.fields = example_return_pages(settings) if settings is not None else ()
        self.button.setVisible(bool(self.fields))

    def text(self) -> str:
        """What the status bar shows ("" while hidden)."""
        return self.button.text() if self.fields else ""

    def retranslate(self) -> None:
        """The texts, in the current language."""
        text = self.tr("Payment return pages are HPAY's examples: set your own in Settings")
        self.button.setText(text)
        self.button.setAccessibleName(text)
        self.button.setToolTip(
            self.tr(
                "In PROD, after paying, your customers' phones open the success URL. "
                "Click to set your shop's own pages."
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-read the texts when the language changes."""
        if watched is self.button and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
