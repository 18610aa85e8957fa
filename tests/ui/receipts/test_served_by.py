"""The receipt says who served: "Served by NAME" on every paper, none when not recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from hpos.profile.profile import Profile
from hpos.sales.receipt import receipt_from_sale
from hpos.ui.receipts.render import write_pdf
from hpos.ui.runner import Runner
from tests.ui.receipts.test_receipts import (  # noqa: F401 - fixtures
    make_actions,
    paid_sale,
    pdf_text,
    profile,
    runner,
    window,
)


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


def test_the_history_details_and_its_reprint_say_who_served(
    qtbot: QtBot,
    tmp_path: Path,
    profile: Profile,  # noqa: F811
    runner: Runner,  # noqa: F811
    window: QMainWindow,  # noqa: F811
) -> None:
    from hpos.ui.history.details import DetailsDialog
    from hpos.ui.history.rows import row_from_sale

    row = row_from_sale(paid_sale(cashier="Fatou"))
    dialog = DetailsDialog(row)
    qtbot.addWidget(dialog)
    assert dialog.value("Served by") == "Fatou"
    actions, _done, _failed = make_actions(profile, runner, window, None)
    reprint = actions.receipt_for(row)  # the history's Print receipt
    assert reprint is not None
    assert "Served by Fatou" in pdf_text(write_pdf(reprint, tmp_path / "r.pdf", "80mm"))
    unnamed = DetailsDialog(row_from_sale(paid_sale()))
    qtbot.addWidget(unnamed)
    assert "Served by" not in unnamed.labels()
