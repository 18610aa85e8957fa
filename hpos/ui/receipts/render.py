"""Paint a :class:`~hpos.sales.receipt.Receipt`: PDF, printer or image.

The lines come from :func:`hpos.ui.receipts.layout.receipt_blocks`; the paper and the
painting are the shared printouts' (:mod:`hpos.ui.widgets.paper`,
:mod:`hpos.ui.widgets.paint`), which the day's closing prints with too. A TEST receipt
carries a large boxed "TEST" stamp (and, on A4, a diagonal one across the page) so it
can never pass for a real payment.

Only QPainter on paint devices (no widgets), so everything may run on a worker
thread: :func:`write_pdf` writes to disk and belongs on the Runner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QPagedPaintDevice

from hpos.sales.receipt import Receipt
from hpos.ui.receipts.layout import receipt_blocks
from hpos.ui.widgets.paint import blocks_image, render_blocks, write_blocks_pdf

__all__ = ["render_image", "render_receipt", "write_pdf"]


def render_receipt(
    device: QPagedPaintDevice, receipt: Receipt, layout_name: str, language: str | None = None
) -> None:
    """Set the page of ``device`` (QPdfWriter or QPrinter) for the layout and paint the receipt.

    PrintoutError (:mod:`hpos.ui.widgets.paint`) when the device cannot be painted on
    (a file that cannot be created, a printer that is not available).
    """
    render_blocks(device, receipt_blocks(receipt, language), layout_name)


def render_image(
    receipt: Receipt, layout_name: str, dpi: float = 203.0, language: str | None = None
) -> QImage:
    """The receipt as a white image (for a preview; 203 dpi is a thermal printer's)."""
    return blocks_image(receipt_blocks(receipt, language), layout_name, dpi)


def write_pdf(
    receipt: Receipt, path: Path | str, layout_name: str, language: str | None = None
) -> Path:
    """Write the receipt as a one-page PDF at ``path`` (blocking disk I/O: use the Runner).

    Written to a temporary file beside ``path`` first, then moved into place, so
    a failure never leaves a half-written file (nor destroys an older one).
    PrintoutError names the path when it cannot be written.
    """
    blocks = receipt_blocks(receipt, language)
    return write_blocks_pdf(blocks, path, layout_name, f"Receipt {receipt.name}")
