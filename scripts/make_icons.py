"""Draw the HPOS icon and generate every size the installers and the window use.

    .venv/bin/python scripts/make_icons.py

Writes, from one drawn 1024 px source image (``resources/icons/hpos-source.png``):

- ``resources/icons/hpos.ico``   Windows (16-256 px), used by the spec and Inno Setup;
- ``resources/icons/hpos.icns``  macOS (16-1024 px), used by the spec's BUNDLE;
- ``resources/icons/hpos-<n>.png`` for n in 16, 32, 48, 64, 128, 256, 512 (Linux, docs);
- ``hpos/resources/icons/hpos.png`` (256 px): the window icon the app loads at run time.

The mark is a blue rounded square with a real QR code (of "HPOS") on a white card
and the name below. Only Pillow and qrcode (both app dependencies) are needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "icons"
RUNTIME = ROOT / "hpos" / "resources" / "icons"
SIDE = 1024
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
TOP, BOTTOM = (33, 110, 214), (13, 62, 140)  # the square's vertical gradient (RGB)
INK = (16, 24, 40)


def _gradient_square() -> Image.Image:
    """The background: a rounded square with a top-to-bottom blue gradient, on transparency."""
    fill = Image.new("RGBA", (SIDE, SIDE))
    draw = ImageDraw.Draw(fill)
    for y in range(SIDE):
        t = y / (SIDE - 1)
        draw.line(
            [(0, y), (SIDE, y)],
            fill=(*(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM, strict=True)), 255),
        )
    mask = Image.new("L", (SIDE, SIDE), 0)
    ImageDraw.Draw(mask).rounded_rectangle((64, 64, SIDE - 64, SIDE - 64), radius=190, fill=255)
    square = Image.new("RGBA", (SIDE, SIDE), (0, 0, 0, 0))
    square.paste(fill, mask=mask)
    return square


def _qr_matrix() -> list[list[bool]]:
    code = qrcode.QRCode(version=1, error_correction=qrcode.constants.ERROR_CORRECT_L, border=0)
    code.add_data("HPOS")
    code.make(fit=False)
    return code.get_matrix()


def draw_source() -> Image.Image:
    """The 1024 px source image."""
    image = _gradient_square()
    draw = ImageDraw.Draw(image)
    matrix = _qr_matrix()
    module = 22
    code = module * len(matrix)  # 21 modules -> 462 px
    left, top = (SIDE - code) // 2, 150
    pad = module
    draw.rounded_rectangle(
        (left - pad, top - pad, left + code + pad, top + code + pad), radius=48, fill="white"
    )
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            if dark:
                x, y = left + col * module, top + row * module
                draw.rectangle((x, y, x + module - 1, y + module - 1), fill=INK)
    font = ImageFont.load_default(size=190)
    draw.text(
        (SIDE // 2, 800),
        "HPOS",
        font=font,
        anchor="mm",
        fill="white",
        stroke_width=7,
        stroke_fill="white",
    )
    return image


def main() -> int:
    """Draw the source and write every generated size."""
    SOURCES.mkdir(parents=True, exist_ok=True)
    RUNTIME.mkdir(parents=True, exist_ok=True)
    source = draw_source()
    source.save(SOURCES / "hpos-source.png", optimize=True)
    for size in PNG_SIZES:
        source.resize((size, size), Image.Resampling.LANCZOS).save(
            SOURCES / f"hpos-{size}.png", optimize=True
        )
    source.save(SOURCES / "hpos.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    source.save(SOURCES / "hpos.icns", format="ICNS")
    source.resize((256, 256), Image.Resampling.LANCZOS).save(RUNTIME / "hpos.png", optimize=True)
    print(f"icons written to {SOURCES.relative_to(ROOT)} and {RUNTIME.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
