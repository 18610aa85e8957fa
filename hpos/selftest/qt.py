"""Self-test checks of the Qt side, offscreen: QR painting, sound, printing, translations, icon.

The first check starts a QApplication on the ``offscreen`` platform (no window
ever shows, no display needed) unless one already runs. Qt's own warnings are
kept out of the report (they are collected in :data:`QT_MESSAGES`).
"""

from __future__ import annotations

import atexit
import os
import time
import wave
from pathlib import Path

from PySide6.QtCore import (
    QEventLoop,
    QLibraryInfo,
    QMarginsF,
    QtMsgType,
    QTranslator,
    QUrl,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QGuiApplication, QIcon, QPageSize, QPainter, QPdfWriter
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from hpos.resources.paths import resource_path

#: Qt's warnings during the self-test (kept out of the report).
QT_MESSAGES: list[str] = []
#: The checkout link painted by the QR check (never fetched).
QR_TEXT = "https://checkout.hpay.cash/pay/SELFTEST-0123456789abcdef"
#: Qt's own catalogues the app needs for its languages.
QT_CATALOGUES = ("qtbase_fr.qm",)
_app: QApplication | None = None


def _collect(_kind: QtMsgType, _context: object, message: str) -> None:
    QT_MESSAGES.append(message)


def application() -> QApplication:
    """The running QApplication, or a new one on the offscreen platform."""
    global _app
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qInstallMessageHandler(_collect)
    # Qt may still log while it tears down after Python is gone: no Python handler then.
    atexit.register(qInstallMessageHandler, None)
    _app = QApplication(["hpos-selftest"])
    return _app


def check_qt(_workdir: Path) -> str:
    """A QApplication starts (offscreen)."""
    app = application()
    return f"Qt {qVersion()} on platform {QGuiApplication.platformName() or app.platformName()}"


def check_qr(_workdir: Path) -> str:
    """The cashier's QR widget paints; every module's pixel matches the QR matrix."""
    # here: the UI's widget, inside its check only (qrcode missing fails this check)
    from hpos.ui.widgets.qr import QUIET_ZONE, QrWidget

    application()
    widget = QrWidget()
    widget.resize(360, 360)
    if not widget.set_data(QR_TEXT):
        raise RuntimeError("the QR widget refused a checkout link")
    image = widget.grab().toImage()  # device pixels, like code_rect() and module_pixels()
    matrix, size, rect = widget.matrix(), widget.module_pixels(), widget.code_rect()
    if size < 1:
        raise RuntimeError("the QR does not fit in 360 px")
    wrong = 0
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            x, y = rect.x() + col * size + size // 2, rect.y() + row * size + size // 2
            wrong += (image.pixelColor(x, y).lightness() < 128) != dark
    margin = QUIET_ZONE * size // 2  # the middle of the quiet zone, above and left of the code
    if image.pixelColor(rect.x() - margin, rect.y() - margin).lightness() < 128:
        raise RuntimeError("the quiet zone is not white")
    widget.deleteLater()
    if wrong:
        raise RuntimeError(f"{wrong} of {len(matrix) ** 2} QR modules painted wrong")
    return f"{len(matrix)}x{len(matrix)} modules painted at {size} px, all match"


def _wav_files(workdir: Path) -> list[Path]:
    """The shipped sounds; a generated one when none ships yet."""
    folder = resource_path("sounds")
    shipped = sorted(folder.glob("*.wav")) if folder.is_dir() else []
    if shipped:
        return shipped
    path = workdir / "beep.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"\x00\x10" * 2205)
    return [path]


def check_sound(workdir: Path) -> str:
    """Qt Multimedia loads, the sounds are valid WAV, QSoundEffect takes them.

    QSoundEffect decodes WAV itself (no media backend plugin: the Linux build leaves
    FFmpeg's out), so its own status is the check, not QMediaFormat's decoders.
    """
    application()
    outputs = QMediaDevices.audioOutputs()
    files = _wav_files(workdir)
    for path in files:
        with wave.open(str(path), "rb") as sound:
            if sound.getnframes() == 0:
                raise RuntimeError(f"{path.name} holds no sound")
        effect = QSoundEffect()
        effect.setSource(QUrl.fromLocalFile(str(path)))
        status = _settle(effect)
        if outputs and status != QSoundEffect.Status.Ready:
            raise RuntimeError(f"QSoundEffect cannot load {path.name} ({status.name})")
        effect.deleteLater()
    names = ", ".join(p.name for p in files)
    if not outputs:
        return f"{names} valid; no audio output on this machine, playback not tried"
    return f"{names} ready on {outputs[0].description()}"


def _settle(effect: QSoundEffect, seconds: float = 3.0) -> QSoundEffect.Status:
    """Wait (processing events) until the effect has loaded or failed."""
    waiting = (QSoundEffect.Status.Null, QSoundEffect.Status.Loading)
    deadline = time.monotonic() + seconds
    while effect.status() in waiting and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return effect.status()


def check_printing(workdir: Path) -> str:
    """A QPrinter in PDF format and a QPdfWriter both write a PDF."""
    application()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = workdir / "printer.pdf"
    printer.setOutputFileName(str(printed))
    _paint_receipt(printer)
    writer_path = workdir / "writer.pdf"
    writer = QPdfWriter(str(writer_path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setPageMargins(QMarginsF(5, 5, 5, 5))
    _paint_receipt(writer)
    del writer  # the file is complete once the writer is gone
    for path in (printed, writer_path):
        data = path.read_bytes() if path.exists() else b""
        if not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
            raise RuntimeError(f"{path.name} is not a complete PDF ({len(data)} bytes)")
    return f"QPrinter(PdfFormat) {printed.stat().st_size} bytes, QPdfWriter ok"


def _paint_receipt(device: QPrinter | QPdfWriter) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError(f"cannot paint on {type(device).__name__}")
    try:
        painter.drawText(100, 100, "HPOS self-test 1 500 XOF")
    finally:
        painter.end()


def check_translations(_workdir: Path) -> str:
    """Qt's own French catalogue and every app catalogue load in a QTranslator."""
    application()
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    loaded = []
    for name in QT_CATALOGUES:
        if not QTranslator().load(str(qt_dir / name)):
            raise RuntimeError(f"Qt's {name} is missing from {qt_dir}")
        loaded.append(name)
    folder = resource_path("translations")
    for path in sorted(folder.glob("*.qm")) if folder.is_dir() else []:
        if not QTranslator().load(str(path)):
            raise RuntimeError(f"{path.name} does not load")
        loaded.append(path.name)
    return ", ".join(loaded)


def check_icon(_workdir: Path) -> str:
    """The window icon ships and loads."""
    application()
    path = resource_path("icons", "hpos.png")
    icon = QIcon(str(path))
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        raise RuntimeError(f"the window icon does not load: {path}")
    size = icon.availableSizes()[0] if icon.availableSizes() else None
    return f"{path.name} {size.width() if size else '?'} px"
