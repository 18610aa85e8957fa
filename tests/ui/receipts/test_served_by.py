"""The receipt says who served: "Served by NAME" on every paper, none when not recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hpos.sales.receipt import make_receipt, receipt_from_sale
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


def test_the_history_details_and_its_reprint_say_who_served(qtbot: QtBot) -> None:
    from hpos.ui.history.details import DetailsDialog
    from hpos.ui.history.rows import row_from_sale

    row = row_from_sale(paid_sale(cashier="Fatou"))
    dialog = DetailsDialog(row)
    qtbot.addWidget(dialog)
    assert dialog.value("Served by") == "Fatou"
    reprint = make_receipt(
        shop_name="Boutique Awa", till=row.sale_number or "", date=row.date,
        product=row.product, description=row.description, amount=row.amount,
        currency=row.currency, transaction_id=row.transaction_id, status=row.status,
        mode=row.mode, sale_number=row.sale_number, cashier=row.cashier,
    )  # fmt: skip
    assert reprint.cashier == "Fatou"
    unnamed = DetailsDialog(row_from_sale(paid_sale()))
    qtbot.addWidget(unnamed)
    assert "Served by" not in unnamed.labels()
