"""A tile's colours: the item's own, else its category's (the same every time), with the
text in black or white, whichever reads better; as painted on screen."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from hpos.sales.catalogue import COLOURS, Item
from hpos.ui.cashier.tiles import OTHER_COLOUR, Tile, category_colour, text_colour, tile_colour


def test_the_colour_of_a_tile() -> None:
    own = Item(1, "Bissap", Decimal(600), category="Drinks", colour="#C62828")
    plain = Item(2, "Café", Decimal(500), category="Drinks")
    assert tile_colour(own) == "#C62828"
    assert tile_colour(plain) == category_colour("Drinks") == category_colour("drinks")
    assert category_colour("Drinks") in COLOURS.values()
    assert category_colour("") == OTHER_COLOUR
    assert text_colour(COLOURS["yellow"]) == "#000000", "dark text on yellow"
    assert text_colour(COLOURS["blue"]) == "#FFFFFF"
    assert text_colour("#FFFFFF") == "#000000"


def test_a_tile_is_painted_in_its_colour(qtbot: QtBot) -> None:
    tile = Tile()
    qtbot.addWidget(tile)
    tile.resize(120, 90)
    tile.show_item(Item(3, "Jus de gingembre", Decimal(600), colour=COLOURS["yellow"]), "600 F")
    image = tile.grab().toImage()
    assert image.pixelColor(10, 45) == QColor(COLOURS["yellow"])
    assert tile.accessibleName() == "Jus de gingembre, 600 F"
    tile.show_item(None)
    assert tile.isHidden(), "an empty place in the grid"
