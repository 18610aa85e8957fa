"""Look of the cashier screen: colours, its style sheet and font-fitting helpers.

Shared by the page modules (:mod:`hpos.ui.cashier.entry`,
:mod:`hpos.ui.cashier.payment`, :mod:`hpos.ui.cashier.result`); nothing here
knows about sales. Fonts are set in pixels and scale with the window
(1.0 at 1024×600).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QLayout, QPushButton, QSizePolicy, QWidget

GREEN = "#1e7e34"
RED = "#b3261e"
AMBER = "#9a5b00"
BLUE = "#1a5fb4"
GREY = "#4d5156"

#: The screen's style sheet; colours are set explicitly where meaning depends on them.
STYLE = f"""
#amountDisplay {{
    background: #ffffff; color: #111111;
    border: 2px solid #9aa0a6; border-radius: 10px; padding: 4px 16px;
}}
#amountDisplay:focus {{ border: 3px solid {BLUE}; }}
#amountDisplay[empty="true"] {{ color: #80868b; }}
#hintLabel {{ color: {RED}; }}
#hintLabel[done="true"] {{ color: {GREEN}; }}
#chargeButton {{
    background: {GREEN}; color: #ffffff; border: none; border-radius: 10px; font-weight: bold;
}}
#chargeButton:disabled {{ background: #9aa0a6; color: #eeeeee; }}
#keypad QPushButton {{
    background: #f1f3f4; color: #111111; border: 1px solid #c4c7c5; border-radius: 10px;
}}
#keypad QPushButton:pressed {{ background: #d2e3fc; }}
#keypad #keyBackspace, #keypad #keyClear {{ background: #e8eaed; }}
#qrFrame {{ background: #ffffff; border: 1px solid #c4c7c5; border-radius: 6px; }}
#connectionBanner {{
    background: #fde293; color: #3c2a00; border-radius: 6px; padding: 8px; font-weight: bold;
}}
#paidPage {{ background: {GREEN}; }}
#paidPage QLabel {{ color: #ffffff; }}
#paidPage QPushButton {{
    background: #ffffff; color: {GREEN}; border: none; border-radius: 10px; font-weight: bold;
}}
#problemBand {{ border-radius: 10px; }}
#problemBand QLabel {{ color: #ffffff; }}
#noticeBar {{ background: #fff4d6; border: 1px solid #e3b341; border-radius: 6px; }}
#noticeBar QLabel {{ color: #3c2a00; }}
#cancelButton {{ color: {RED}; }}
"""


def set_pixels(widget: QWidget, pixels: float, *, bold: bool | None = None) -> None:
    """Give ``widget`` a font of ``pixels`` pixels (at least 11)."""
    font = QFont(widget.font())
    font.setPixelSize(max(11, round(pixels)))
    if bold is not None:
        font.setBold(bold)
    widget.setFont(font)


def page_title() -> QLabel:
    """A page's title (the owner's pages): bold, 1.3 times the font's size."""
    title = QLabel()
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    title.setFont(font)
    return title


def big_button(text: str, name: str, parent: QWidget) -> QPushButton:
    """A large push button with an accessible name."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", ""))
    button.setMinimumHeight(56)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


class FitLabel(QLabel):
    """A one-line label whose font shrinks (never grows past ``max_pixels``) to fit its width."""

    def __init__(
        self, text: str = "", parent: QWidget | None = None, *, bold: bool = False
    ) -> None:
        super().__init__(text, parent)
        self._max_pixels = 48
        self._min_pixels = 14
        self._bold = bold
        self._fit_height = False  # also fit the height it is given (set_fit_height)
        self._fitted: tuple[object, ...] = ()  # what the font was last fitted for
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._fit()

    def set_pixel_range(self, min_pixels: int, max_pixels: int) -> None:
        """Font size bounds, in pixels."""
        self._min_pixels, self._max_pixels = min_pixels, max(min_pixels, max_pixels)
        self._fit()
        self.updateGeometry()

    def set_fit_height(self, on: bool) -> None:
        """Also shrink the font to the height a layout gives (a label kept short)."""
        self._fit_height = on
        self._fitted = ()
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self._fit()  # a style sheet changes the margins without a resize

    def sizeHint(self) -> QSize:
        font = QFont(self.font())
        font.setPixelSize(self._max_pixels)
        margins = self.contentsMargins()
        height = QFontMetrics(font).height() + margins.top() + margins.bottom()
        return QSize(120, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def _fit(self) -> None:
        if not self.isVisible():
            return  # fitted when shown (the Show event): a hidden label's width means nothing yet
        margins = self.contentsMargins()
        # a little slack: a focus border may be a pixel wider than the normal one
        room = self.width() - margins.left() - margins.right() - 2 * self.margin() - 8
        tall = 1 << 24  # no bound unless asked (set_fit_height); the same slack as above
        if self._fit_height:
            tall = self.height() - margins.top() - margins.bottom() - 2 * self.margin() - 2
        font = QFont(self.font())
        font.setBold(self._bold)
        lo, hi = self._min_pixels, self._max_pixels
        # the same text, room, bounds and face as last time: the same size (no new search)
        fitted = (
            self.text(), room, tall, lo, hi, font.family(), self._bold, self.font().pixelSize()
        )  # fmt: skip
        if fitted == self._fitted:
            return
        while lo < hi:  # largest size that fits
            mid = (lo + hi + 1) // 2
            font.setPixelSize(mid)
            metrics = QFontMetrics(font)
            if metrics.horizontalAdvance(self.text()) <= room and metrics.height() <= tall:
                lo = mid
            else:
                hi = mid - 1
        font.setPixelSize(lo)
        if font != self.font():
            self.setFont(font)
        self._fitted = (*fitted[:-1], lo)


def wrapping_label(text: str, parent: QWidget, name: str = "") -> QLabel:
    """A word-wrapping label, with an object name for the style sheet when given."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def clear_layout(layout: QLayout) -> None:
    """Take every widget and spacer out of ``layout``; the widgets are hidden, then deleted."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()
