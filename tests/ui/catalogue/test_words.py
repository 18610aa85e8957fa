"""The catalogue's refusals in the UI language: a bad colour names the palette as a file
may write it, in French too, and each name said is one the CSV reader takes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from hpos.sales.catalogue import Problem
from hpos.sales.catalogue_import import read_catalogue_csv
from hpos.ui.catalogue.words import line_text
from hpos.ui.i18n import install_language


@pytest.fixture
def language(qapp: QApplication) -> Iterator[str]:
    saved = QLocale()
    yield "fr"
    install_language(qapp, "en")
    QLocale.setDefault(saved)


@pytest.mark.parametrize(("lang", "first"), [("en", "red"), ("fr", "rouge")])
def test_a_bad_colour_names_the_palette_in_the_ui_language_as_the_csv_reads_it(
    qapp: QApplication, language: str, lang: str, first: str
) -> None:
    install_language(qapp, lang)
    text = line_text(Problem.BAD_COLOUR.value, "XOF", "", "mauve")
    assert text.endswith("."), text
    palette = text[text.index(f" {first},") + 1 : -1].split(", ")
    assert len(palette) == 10, text
    csv_text = "name,price,colour\n" + "".join(f"Item {n},100,{w}\n" for n, w in enumerate(palette))
    plan = read_catalogue_csv(csv_text.encode(), "XOF", [])
    assert plan.rejected == (), [r.message for r in plan.rejected]
    assert plan.added == len(palette)
