"""The receipt says who served: "Served by NAME" on every paper, none when not recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hpos.sales.receipt import receipt_from_sale
from hpos.ui.receipts.render import write_pdf
from tests.ui.receipts.test_receipts import paid_sale, pdf_text


@pytest.mark.parametrize("layout", ["58mm", "80mm", "A4"])
def test_the_receipt_says_who_served(qtbot: QtBot, tmp_path: Path, layout: str) -> None:
    receipt = receipt_from_sale(paid_sale(cashier="Jean-Marc"), shop_name="Boutique Awa")
    assert receipt.cashier == "Jean-Marc"
    text = pdf_text(write_pdf(receipt, tmp_path / "r.pdf", layout))
    assert "Served by Jean-Marc" in text
    assert text.index("Till TILL1") < text.index("Served by Jean-Marc") < text.index("Coffee")


def test_a_sale_without_a_cashier_says_nothing_of_it(qtbot: QtBot, tmp_path: Path) -> None:
    receipt = receipt_from_sale(paid_sale(), shop_name="Boutique Awa")
    assert receipt.cashier == ""
    assert "Served" not in pdf_text(write_pdf(receipt, tmp_path / "r.pdf", "80mm"))
