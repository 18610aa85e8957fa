"""QrWidget: the painted QR decodes to the URL, with a white quiet zone, pure black and white."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from hpos.ui.widgets.qr import MAX_DATA_LENGTH, QUIET_ZONE, QrWidget, build_matrix

URL = "https://checkout.hpay.cash/pay/VFKaLJWu6YXt5E?lang=fr"


def to_pil(image: QImage) -> Image.Image:
    """A QImage as a PIL RGB image, through its raw bytes."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    return Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1
    )


def shown(qtbot: QtBot, url: str, width: int, height: int) -> tuple[QrWidget, Image.Image]:
    widget = QrWidget()
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.set_data(url)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, to_pil(widget.grab().toImage())


def decoded(image: Image.Image) -> list[str]:
    return [
        r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode
    ]


@pytest.mark.parametrize(("width", "height"), [(200, 200), (333, 517), (1000, 640), (171, 171)])
def test_the_painted_code_decodes_to_the_url(qtbot: QtBot, width: int, height: int) -> None:
    widget, image = shown(qtbot, URL, width, height)
    assert widget.module_pixels() >= 1
    assert decoded(image) == [URL]


def test_only_pure_black_and_white_pixels(qtbot: QtBot) -> None:
    _widget, image = shown(qtbot, URL, 437, 389)
    colours = {c for _n, c in image.getcolors(maxcolors=1 << 20)}
    assert colours <= {(0, 0, 0), (255, 255, 255)}
    assert colours == {(0, 0, 0), (255, 255, 255)}


def test_quiet_zone_and_integer_modules_match_the_matrix(qtbot: QtBot) -> None:
    widget, image = shown(qtbot, URL, 517, 401)
    size = widget.module_pixels()
    rect = widget.code_rect()
    matrix = widget.matrix()
    n = len(matrix)
    assert rect.width() == rect.height() == n * size
    # at least four white modules on every side
    assert rect.left() >= QUIET_ZONE * size
    assert rect.top() >= QUIET_ZONE * size
    assert image.width - (rect.left() + rect.width()) >= QUIET_ZONE * size
    assert image.height - (rect.top() + rect.height()) >= QUIET_ZONE * size
    px = image.load()
    for y in range(image.height):
        for x in range(image.width):
            inside = rect.left() <= x < rect.left() + rect.width() and (
                rect.top() <= y < rect.top() + rect.height()
            )
            if not inside:
                assert px[x, y] == (255, 255, 255), (x, y)
    # every module is a solid square of the matrix's colour
    for r in range(n):
        for c in range(n):
            want = (0, 0, 0) if matrix[r][c] else (255, 255, 255)
            x0, y0 = rect.left() + c * size, rect.top() + r * size
            for dx, dy in ((0, 0), (size - 1, 0), (0, size - 1), (size - 1, size - 1)):
                assert px[x0 + dx, y0 + dy] == want, (r, c)


def test_code_is_centered(qtbot: QtBot) -> None:
    widget, _image = shown(qtbot, URL, 600, 400)
    rect = widget.code_rect()
    assert abs(rect.left() - (600 - rect.right() - 1)) <= 1
    assert abs(rect.top() - (400 - rect.bottom() - 1)) <= 1


def test_black_on_white_whatever_the_theme(qtbot: QtBot) -> None:
    widget = QrWidget()
    qtbot.addWidget(widget)
    palette = widget.palette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor(20, 20, 20))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(240, 240, 240))
    widget.setPalette(palette)
    widget.setStyleSheet("background: #202020; color: #f0f0f0;")
    widget.resize(300, 300)
    widget.set_data(URL)
    widget.show()
    qtbot.waitExposed(widget)
    image = to_pil(widget.grab().toImage())
    assert image.getpixel((0, 0)) == (255, 255, 255)
    assert image.getpixel((299, 299)) == (255, 255, 255)
    assert decoded(image) == [URL]


def test_matrix_uses_error_correction_m_without_border() -> None:
    matrix = build_matrix(URL)
    n = len(matrix)
    assert (n - 17) % 4 == 0, "a QR version size: no border inside the matrix"
    assert all(matrix[0][:7]), "the finder pattern starts at the very first module"


def test_too_long_or_empty_data_shows_nothing(qtbot: QtBot) -> None:
    widget, _image = shown(qtbot, URL, 300, 300)
    assert widget.set_data("https://x.test/" + "a" * MAX_DATA_LENGTH) is False
    assert widget.matrix() == ()
    assert widget.data() == ""
    image = to_pil(widget.grab().toImage())
    assert image.getcolors() == [(300 * 300, (255, 255, 255))]
    assert widget.set_data(URL) is True
    assert widget.set_data(None) is False
    assert widget.module_pixels() == 0


def test_too_small_to_fit_paints_only_white(qtbot: QtBot) -> None:
    widget, image = shown(qtbot, URL, 30, 30)
    assert widget.module_pixels() == 0
    assert {c for _n, c in image.getcolors()} == {(255, 255, 255)}


def test_size_hints(qtbot: QtBot) -> None:
    widget = QrWidget()
    qtbot.addWidget(widget)
    assert widget.minimumSizeHint().width() >= (33 + 2 * QUIET_ZONE) * 4
    assert widget.sizeHint().width() >= widget.minimumSizeHint().width()
    widget.set_data(URL)
    side = (len(widget.matrix()) + 2 * QUIET_ZONE) * 4
    assert widget.minimumSizeHint().width() >= side
    assert widget.minimumSizeHint().height() >= side
