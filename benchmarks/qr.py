"""The QR benchmark: build and paint the QR of a typical checkout URL.

A :class:`~hpos.ui.widgets.qr.QrWidget` of 480×480 (about the size it has on
the 1024×600 cashier screen) rendered offscreen with ``QWidget.grab()``. A new
transaction id every run, so no matrix is reused.

- baseline: the ``qrcode`` library alone making the code of the URL (``make(fit=True)``,
  error correction M): the floor for any QR shown from that library;
- build: ``build_matrix`` of the URL (the ``qrcode`` library);
- paint: ``grab()`` of the widget with its matrix already built;
- build + paint: ``set_data`` of a new URL, then ``grab()`` — what the cashier pays for.
"""

from __future__ import annotations

import string
from pathlib import Path

import qrcode

from benchmarks import Benchmark, timed
from benchmarks._qt import app

NAME = "qr"
SIDE = 480
GOAL_MS = 50.0  # comfortably inside one frame budget at a counter


def checkout_url(n: int) -> str:
    """A checkout URL shaped like HPAY's, with a 14-character transaction id."""
    alphabet = string.ascii_letters + string.digits
    ref = "".join(alphabet[(n * 7 + i * 13) % len(alphabet)] for i in range(14))
    return f"https://checkout.hpay.cash/?ref={ref}"


def _library(data: str) -> None:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)


def run(workdir: Path, repeat: int, quick: bool = False) -> Benchmark:
    """Time building and painting the QR ``repeat`` times (more runs: it is quick)."""
    from hpos.ui.widgets.qr import QrWidget, build_matrix

    app()
    runs = repeat * 4
    widget = QrWidget()
    widget.resize(SIDE, SIDE)
    try:
        baseline = timed(
            "baseline: qrcode make(fit=True)",
            lambda i: _library(checkout_url(9000 + i)),
            repeat=runs,
        )
        build = timed(
            "build matrix",
            lambda i: build_matrix(checkout_url(1000 + i)),
            repeat=runs,
            goal=GOAL_MS,
        )
        widget.set_data(checkout_url(1))
        paint = timed("paint (grab)", lambda _i: widget.grab(), repeat=runs, goal=GOAL_MS)

        def build_and_paint(i: int) -> None:
            widget.set_data(checkout_url(5000 + i))
            widget.grab()

        both = timed("build + paint", build_and_paint, repeat=runs, goal=GOAL_MS)
        setup = {
            "url": checkout_url(1),
            "modules": len(widget.matrix()),
            "module_px": widget.module_pixels(),
            "widget_px": SIDE,
            "runs": runs,
        }
        return Benchmark(NAME, baseline, [build, paint, both], setup)
    finally:
        widget.deleteLater()
