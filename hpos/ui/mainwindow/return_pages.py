"""The status bar's amber warning while PROD payments return to HPAY's example pages.

:class:`ReturnPagesWarning` is a small flat button kept at the right of the main
window's status bar (a permanent widget: temporary messages never hide it). It
shows while the profile is in PROD and a notify, success or cancel URL is still
one of HPAY's documentation examples (:func:`~hpos.profile.return_pages.example_return_pages`
decides); a click asks the window to open Settings at those fields
(``open_requested``). In TEST (the demo) it stays hidden, and is not even built until
a profile needs it.
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
        self._window = window
        self._button: QPushButton | None = None  # built the first time it shows
        self.fields: tuple[str, ...] = ()

    @property
    def button(self) -> QPushButton:
        """The status bar's button, built the first time it is needed: a till in TEST or on
        its own pages never builds it (start-up speed)."""
        if self._button is None:
            button = self._button = QPushButton()
            button.setObjectName("returnPagesWarning")
            button.setStyleSheet(_STYLE)
            button.setFlat(True)
            button.setAutoDefault(False)
            button.clicked.connect(self.open_requested)
            button.hide()
            self._window.statusBar().addPermanentWidget(button)
            button.installEventFilter(self)
            self.retranslate()
        return self._button

    def show_for(self, settings: Settings | None) -> None:
        """Show the warning for these (effective) settings; hide it for None or when fine."""
        self.fields = example_return_pages(settings) if settings is not None else ()
        if self.fields or self._button is not None:
            self.button.setVisible(bool(self.fields))

    def text(self) -> str:
        """What the status bar shows ("" while hidden)."""
        return self.button.text() if self.fields else ""

    def retranslate(self) -> None:
        """The texts, in the current language."""
        if self._button is None:
            return  # its texts are set when it is built
        text = self.tr("Payment return pages are HPAY's examples: set your own in Settings")
        self._button.setText(text)
        self._button.setAccessibleName(text)
        self._button.setToolTip(
            self.tr(
                "In PROD, after paying, your customers' phones open the success URL. "
                "Click to set your shop's own pages."
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-read the texts when the language changes."""
        if watched is self._button and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
