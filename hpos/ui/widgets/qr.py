"""The QR code of a checkout link, painted module by module: crisp at any size.

:class:`QrWidget` builds the QR matrix with the ``qrcode`` library (error
correction M, no border in the matrix) and paints it with QPainter as filled
rectangles at an *integer* number of device pixels per module, centred, with a
quiet zone of at least :data:`QUIET_ZONE` modules, black on white whatever the
palette or theme, with no antialiasing and no bitmap scaling. A phone reads it
from across the counter.

The caller validates the URL (the HPAY client already checked the checkout
host); this widget only refuses, by showing nothing, text longer than
:data:`MAX_DATA_LENGTH` characters.
"""

from __future__ import annotations

import functools
import logging
import math

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from hpos.ui.i18n import Retranslatable

log = logging.getLogger(__name__)

#: White modules around the code (the standard asks for 4).
QUIET_ZONE = 4
#: Longest text we render (a checkout URL is far shorter).
MAX_DATA_LENGTH = 2048
#: Modules of a version 4 code, the usual size of a checkout URL.
TYPICAL_MODULES = 33
#: Device pixels per module below which a phone struggles.
MIN_MODULE_PIXELS = 4

Matrix = tuple[tuple[bool, ...], ...]

_BLACK = QColor(0, 0, 0)
_WHITE = QColor(255, 255, 255)


@functools.lru_cache(maxsize=16)
def build_matrix(data: str) -> Matrix:
    """The QR modules of ``data`` (True = dark), error correction M, no border.

    Remembered for the last few URLs (thread-safe; a matrix is immutable): the
    charge job builds it on its worker (~10 ms of choosing a mask), so the cashier
    screen, the customer display and F3 only paint it.
    """
    import qrcode  # here, not at start-up: the first QR is drawn well after the window is up

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, box_size=1)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


class QrWidget(Retranslatable, QWidget):
    """Shows one QR code (or a plain white area when there is none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrWidget")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._data = ""
        self._matrix: Matrix = ()
        self.retranslate()

    def retranslate(self) -> None:
        """Accessible texts in the UI language (again on LanguageChange)."""
        self.setAccessibleName(self.tr("Payment QR code"))
        self.setAccessibleDescription(
            self.tr("QR code of the payment link") if self._data else self.tr("No QR code")
        )

    # -- API --------------------------------------------------------------------------

    def set_data(self, data: str | None) -> bool:
        """Show the QR of ``data``; empty, None or over-long text shows nothing (False)."""
        text = data or ""
        if len(text) > MAX_DATA_LENGTH:
            log.warning("refusing to show a QR of %d characters", len(text))
            text = ""
        if text == self._data:
            return bool(text)
        self._data = text
        self._matrix = build_matrix(text) if text else ()
        self.retranslate()
        self.updateGeometry()
        self.update()
        return bool(text)

    def data(self) -> str:
        """The text shown ("" when none)."""
        return self._data

    def matrix(self) -> Matrix:
        """The modules painted (True = dark), without the quiet zone; () when none."""
        return self._matrix

    def module_pixels(self) -> int:
        """Device pixels per module at the current size (0 when nothing is shown)."""
        return self._layout()[0]

    def code_rect(self) -> QRect:
        """Where the modules are painted, in device pixels (quiet zone excluded)."""
        size, x, y = self._layout()
        n = len(self._matrix)
        return QRect(x, y, n * size, n * size)

    # -- sizing -----------------------------------------------------------------------

    def _modules_with_quiet_zone(self) -> int:
        return max(len(self._matrix), TYPICAL_MODULES) + 2 * QUIET_ZONE

    def minimumSizeHint(self) -> QSize:
        side = self._modules_with_quiet_zone() * MIN_MODULE_PIXELS
        return QSize(side, side)

    def sizeHint(self) -> QSize:
        side = self._modules_with_quiet_zone() * 8
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return False

    # -- painting ---------------------------------------------------------------------

    def _layout(self) -> tuple[int, int, int]:
        """(module size, left, top) in device pixels; size 0 when nothing fits."""
        n = len(self._matrix)
        if n == 0:
            return 0, 0, 0
        ratio = self.devicePixelRatioF()
        width = math.floor(self.width() * ratio)
        height = math.floor(self.height() * ratio)
        size = min(width, height) // (n + 2 * QUIET_ZONE)
        if size < 1:
            return 0, 0, 0
        return size, (width - n * size) // 2, (height - n * size) // 2

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtGui import QPainter  # here: its type costs ~1 ms of the app's start-up

        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            ratio = self.devicePixelRatioF()
            painter.scale(1 / ratio, 1 / ratio)  # draw in device pixels: exact module edges
            full = QRect(
                0, 0, math.ceil(self.width() * ratio) + 1, math.ceil(self.height() * ratio) + 1
            )
            painter.fillRect(full, _WHITE)
            size, left, top = self._layout()
            if size == 0:
                return
            painter.setPen(Qt.PenStyle.NoPen)
            for r, row in enumerate(self._matrix):
                c = 0
                n = len(row)
                while c < n:  # one rectangle per horizontal run of dark modules
                    if not row[c]:
                        c += 1
                        continue
                    start = c
                    while c < n and row[c]:
                        c += 1
                    painter.fillRect(
                        QRect(left + start * size, top + r * size, (c - start) * size, size),
                        _BLACK,
                    )
        finally:
            painter.end()
