"""Paint a printout's lines (:data:`~hpos.ui.widgets.paper.Blocks`) with QPainter: PDF,
printer or image.

Shared by the receipts (:mod:`hpos.ui.receipts.render`) and the owner's day closing
(:mod:`hpos.ui.owner.closing_files`), so both print alike. The paper comes from
:data:`~hpos.ui.widgets.paper.LAYOUTS`: a roll's page is fitted to the content's
height. The amount is the biggest line. A "line" (an item's name and its amount) and a
"qty" line (``2 × 1,500`` and the line total, indented) put the amount flush right. A
"stamp" line (TEST) is a large boxed red word, and on A4 a diagonal one across the
page too, so a test printout can never pass for a real payment. On A4 what does not fit
one page (a long cart) goes on the next pages; a roll is as long as its content.

Only QPainter on paint devices here (no widgets), so everything may run on a worker
thread: :func:`write_blocks_pdf` writes to disk and belongs on the Runner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from hpos.ui.widgets.paper import LAYOUTS, Blocks, Layout
from hpos.util.atomic import replacing

__all__ = [
    "PrintoutError",
    "blocks_image",
    "content_height_mm",
    "page_layout",
    "render_blocks",
    "write_blocks_pdf",
]

STAMP_COLOUR = QColor("#b71c1c")
_FAMILIES = ["DejaVu Sans", "Arial", "Helvetica", "Liberation Sans"]
_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
_WRAP_ANY = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWrapAnywhere
_CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap


class PrintoutError(OSError):
    """The printout could not be painted or written (the message says where)."""


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(_FAMILIES)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setFeature(QFont.Tag("liga"), 0)  # "ff" stays two letters in the PDF's text
    return font


class _Painter:
    """Lays the blocks out top to bottom; measures only, or draws too."""

    def __init__(self, painter: QPainter, layout: Layout, dpi: float, width: float) -> None:
        self.p = painter
        self.layout = layout
        self.mm = dpi / 25.4  # device units per millimetre
        self.x = layout.margin_mm * self.mm
        self.w = width - 2 * self.x

    def run(
        self,
        blocks: list[tuple[str, str, str]],
        *,
        draw: bool,
        bottom: float | None = None,
        new_page: Callable[[], None] | None = None,
    ) -> float:
        """Lay ``blocks`` out from the top margin; the height used. With ``bottom`` and
        ``new_page`` (a page of paper), a block that would pass ``bottom`` starts a new page."""
        top = self.layout.margin_mm * self.mm
        y = top
        turn = new_page if draw and bottom is not None else None
        end = bottom or 0.0
        for kind, label, text in blocks:
            if turn is not None and y > top and self._block(y, kind, label, text, draw=False) > end:
                turn()
                y = top
            y = self._block(y, kind, label, text, draw=draw) + 0.8 * self.mm
        return y + self.layout.margin_mm * self.mm

    def _block(self, y: float, kind: str, label: str, text: str, *, draw: bool) -> float:
        lay = self.layout
        if kind == "rule":
            y += 1.5 * self.mm
            if draw:
                self.p.setPen(QPen(QColor("black"), 0.3 * self.mm, Qt.PenStyle.DashLine))
                self.p.drawLine(QPointF(self.x, y), QPointF(self.x + self.w, y))
            return y + 1.5 * self.mm
        if kind in ("field", "id"):
            return self._field(y, label, text, _WRAP_ANY if kind == "id" else _WRAP, draw)
        if kind in ("line", "qty"):
            return self._line(y, label, text, 3 * self.mm if kind == "qty" else 0.0, draw)
        if kind == "stamp":
            return self._stamp(y, text, draw)
        size, bold = {
            "shop": (lay.shop_pt, True),
            "amount": (lay.amount_pt, True),
            "status": (lay.shop_pt, True),
        }.get(kind, (lay.body_pt, False))
        return self._text(y, self.x, self.w, text, _font(size, bold=bold), _CENTRE, draw)

    def _text(
        self, y: float, x: float, w: float, text: str, font: QFont, flags: object, draw: bool
    ) -> float:
        self.p.setFont(font)
        rect = self.p.boundingRect(QRectF(x, y, w, 1e7), flags, text)  # type: ignore[call-overload]
        if draw:
            self.p.setPen(QColor("black"))
            self.p.drawText(QRectF(x, y, w, rect.height()), flags, text)  # type: ignore[call-overload]
        return y + rect.height()

    def _field(self, y: float, label: str, value: str, flags: object, draw: bool) -> float:
        body = self.layout.body_pt
        if self.layout.two_columns:
            label_w = self.w * 0.3
            end_label = self._text(y, self.x, label_w, label, _font(body, bold=True), _WRAP, draw)
            end_value = self._text(
                y, self.x + label_w, self.w - label_w, value, _font(body), flags, draw
            )
            return max(end_label, end_value)
        y = self._text(y, self.x, self.w, label, _font(body * 0.9, bold=True), _WRAP, draw)
        return self._text(y, self.x, self.w, value, _font(body), flags, draw)

    def _line(self, y: float, left: str, right: str, indent: float, draw: bool) -> float:
        """``left`` wrapped (a word too long for the room breaks anywhere), ``right`` beside
        its first row, flush right: an item's name or quantity, and its amount."""
        font = _font(self.layout.body_pt)
        self.p.setFont(font)
        right_w = self.p.boundingRect(QRectF(0, 0, 1e7, 1e7), 0, right).width() if right else 0
        gap = 2 * self.mm if right else 0.0
        room = max(self.w - indent - right_w - gap, self.w * 0.3)
        widest = max(
            (self.p.boundingRect(QRectF(0, 0, 1e7, 1e7), 0, word).width() for word in left.split()),
            default=0.0,
        )
        flags = _WRAP_ANY if widest > room else _WRAP
        end = self._text(y, self.x + indent, room, left, font, flags, draw)
        if right:
            self.p.setFont(font)
            rect = self.p.boundingRect(
                QRectF(self.x, y, self.w, 1e7), Qt.AlignmentFlag.AlignRight, right
            )
            if draw:
                self.p.setPen(QColor("black"))
                self.p.drawText(rect, Qt.AlignmentFlag.AlignRight, right)
            end = max(end, y + rect.height())
        return end

    def _stamp(self, y: float, text: str, draw: bool) -> float:
        font = _font(self.layout.stamp_pt, bold=True)
        self.p.setFont(font)
        rect = self.p.boundingRect(QRectF(self.x, y, self.w, 1e7), _CENTRE, text)
        pad = 1.5 * self.mm
        box = rect.adjusted(-3 * pad, -pad, 3 * pad, pad).translated(0, pad)
        if draw:
            self.p.setPen(QPen(STAMP_COLOUR, 0.8 * self.mm))
            self.p.drawRect(box)
            self.p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box.bottom() + pad

    def diagonal_stamp(self, text: str, width: float, height: float) -> None:
        """A large faint "TEST" across the whole page (A4)."""
        self.p.save()
        self.p.translate(width / 2, height / 2)
        self.p.rotate(-45)
        self.p.setFont(_font(self.layout.stamp_pt * 2.6, bold=True))
        colour = QColor(STAMP_COLOUR)
        colour.setAlpha(60)
        self.p.setPen(colour)
        self.p.drawText(
            QRectF(-width, -height / 4, 2 * width, height / 2), Qt.AlignmentFlag.AlignCenter, text
        )
        self.p.restore()


def _dpi(device: QPaintDevice) -> float:
    return float(device.logicalDpiY())


def content_height_mm(blocks: Blocks, layout: Layout, dpi: float = 600.0) -> float:
    """How tall ``blocks`` are in ``layout`` (the page height of a roll), in mm."""
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(dpi / 0.0254)
    probe.setDotsPerMeterX(dots_per_metre)
    probe.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(probe)
    try:
        real_dpi = _dpi(probe)
        height = _Painter(painter, layout, real_dpi, layout.width_mm * real_dpi / 25.4).run(
            blocks, draw=False
        )
    finally:
        painter.end()
    return height / (real_dpi / 25.4)


def page_layout(blocks: Blocks, layout: Layout, dpi: float) -> QPageLayout:
    """The page in ``layout``: A4, or the roll's width × the height of ``blocks``."""
    height = layout.height_mm or max(40.0, content_height_mm(blocks, layout, dpi) + 2)
    size = QPageSize(
        QSizeF(layout.width_mm, height), QPageSize.Unit.Millimeter, f"Receipt {layout.name}"
    )
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def _paint(
    painter: QPainter,
    blocks: Blocks,
    layout: Layout,
    dpi: float,
    size: QSizeF,
    device: QPagedPaintDevice | None = None,
) -> None:
    """Paint ``blocks``; on a page of paper (A4) given its ``device``, what does not fit
    goes on more pages (an image: the first page only), each with its TEST stamp."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    engine = _Painter(painter, layout, dpi, size.width())
    stamp = next((text for kind, _label, text in blocks if kind == "stamp"), None)
    paged = layout.height_mm is not None

    def diagonal() -> None:
        if stamp is not None and paged:  # a page: TEST across it too
            engine.diagonal_stamp(stamp, size.width(), size.height())

    def new_page() -> None:
        if device is None or not device.newPage():
            raise PrintoutError("The printout's next page could not be started.")
        diagonal()

    diagonal()
    bottom = size.height() - layout.margin_mm * engine.mm if paged else None
    engine.run(blocks, draw=True, bottom=bottom, new_page=new_page if device else None)


def render_blocks(device: QPagedPaintDevice, blocks: Blocks, layout_name: str) -> None:
    """Set the page of ``device`` (QPdfWriter or QPrinter) for the layout and paint ``blocks``.

    An unknown layout name paints on 80 mm. PrintoutError when the device cannot be
    painted on (a file that cannot be created, a printer that is not available).
    """
    layout = LAYOUTS.get(layout_name) or LAYOUTS["80mm"]
    dpi = _dpi(device)
    device.setPageLayout(page_layout(blocks, layout, dpi))
    painter = QPainter()
    if not painter.begin(device):
        raise PrintoutError("The printout could not be started on this device.")
    try:
        full = device.pageLayout().fullRectPixels(round(dpi))
        _paint(painter, blocks, layout, dpi, QSizeF(full.width(), full.height()), device)
    finally:
        if not painter.end():
            raise PrintoutError("The printout could not be finished on this device.")


def blocks_image(blocks: Blocks, layout_name: str, dpi: float = 203.0) -> QImage:
    """``blocks`` as a white image (a preview; 203 dpi is a thermal printer's; A4: one page)."""
    layout = LAYOUTS.get(layout_name) or LAYOUTS["80mm"]
    height_mm = layout.height_mm or content_height_mm(blocks, layout, dpi)
    width = round(layout.width_mm * dpi / 25.4)
    image = QImage(width, round(height_mm * dpi / 25.4), QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        _paint(painter, blocks, layout, _dpi(image), QSizeF(image.width(), image.height()))
    finally:
        painter.end()
    return image


def write_blocks_pdf(blocks: Blocks, path: Path | str, layout_name: str, title: str) -> Path:
    """Write ``blocks`` as a one-page PDF at ``path`` (blocking disk I/O: use the Runner).

    Written to a temporary file beside ``path`` first, then moved into place, so a
    failure never leaves a half-written file (nor destroys an older one).
    PrintoutError names the path when it cannot be written.
    """
    target = Path(path)
    try:
        with replacing(target) as tmp:
            writer = QPdfWriter(str(tmp))
            writer.setResolution(600)
            writer.setCreator("HPOS")
            writer.setTitle(title)
            render_blocks(writer, blocks, layout_name)
            del writer
    except PrintoutError:
        raise PrintoutError(f"Cannot write {target}.") from None
    except OSError as exc:
        raise PrintoutError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    return target
