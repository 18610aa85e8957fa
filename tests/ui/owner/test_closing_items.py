"""The day's closing breaks the paid sales down by item when cart sales were paid: on the
page (a grid under the cashiers) and on its printout, adding up to the paid amount; a
day without cart sales shows no such section."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.profile.profile import Profile
from hpos.sales.cart import Cart, product_name
from hpos.sales.catalogue import ItemDraft
from hpos.sales.journal import Journal
from hpos.sales.model import Sale
from hpos.sales.states import SaleState
from hpos.sales.till import Till
from hpos.sandbox.server import SandboxServer
from hpos.ui.runner import Runner
from tests.ui.owner.shown import grid_rows, plain
from tests.ui.owner.test_closing import make_page, profile  # noqa: F401 - fixture

S = SaleState


def pay(sandbox: SandboxServer, journal: Journal, sale: Sale) -> None:
    """``sale`` paid at HPAY and PAID in the journal."""
    assert sale.transaction_id
    sandbox.mark_paid(sale.transaction_id)
    journal.transition(sale.id, S.PAID)


def test_the_closing_lists_the_items_sold(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,  # noqa: F811
    journal: Journal,
    sandbox: SandboxServer,
    client: HpayClient,
) -> None:
    till = Till(client, journal, till_name="T1")
    coffee = journal.catalogue.add(ItemDraft("Café", Decimal("1500")), "XOF")
    cart = Cart().add_item(coffee, 2).add_amount(Decimal("1000"))
    for sale in (
        till.start_sale(cart.total, product_name(cart.lines), lines=cart.sale_lines()),
        till.start_sale("2500", "Sac"),
    ):
        pay(sandbox, journal, sale)
    journal.catalogue.update(coffee.id, ItemDraft("Café", Decimal("9999")), "XOF")

    page = make_page(qtbot, runner, profile, journal, sandbox.url)
    body = page.body
    assert grid_rows(body.items_grid) == [
        ["Café", "2", "3,000 FCFA"],
        ["Free amounts", "1", "1,000 FCFA"],
        ["Sales without lines", "1", "2,500 FCFA"],
    ]
    assert grid_rows(body.figures_grid)[0][:3] == ["Paid", "2", "6,500 FCFA"]
    lines = [(label, plain(value)) for kind, label, value in page.blocks() if kind == "line"]
    assert lines == [
        ("Café ×2", "3,000 FCFA"),
        ("Free amounts ×1", "1,000 FCFA"),
        ("Sales without lines ×1", "2,500 FCFA"),
    ]


def test_a_day_without_cart_sales_has_no_items_section(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,  # noqa: F811
    journal: Journal,
    sandbox: SandboxServer,
    client: HpayClient,
) -> None:
    pay(sandbox, journal, Till(client, journal, till_name="T1").start_sale("2500", "Sac"))
    page = make_page(qtbot, runner, profile, journal, sandbox.url)
    assert page.body.items_grid is None
    assert all(kind != "line" for kind, _label, _value in page.blocks())


def test_a_day_of_cart_sales_only_lists_no_empty_rows(
    qtbot: QtBot,
    runner: Runner,
    profile: Profile,  # noqa: F811
    journal: Journal,
    sandbox: SandboxServer,
    client: HpayClient,
) -> None:
    """On the demo a day of one cart sale listed 'Sales without lines 0 · 0 FCFA'."""
    till = Till(client, journal, till_name="T1")
    coffee = journal.catalogue.add(ItemDraft("Café", Decimal("500")), "XOF")
    cart = Cart().add_item(coffee, 2)
    pay(
        sandbox,
        journal,
        till.start_sale(cart.total, product_name(cart.lines), lines=cart.sale_lines()),
    )
    page = make_page(qtbot, runner, profile, journal, sandbox.url)
    assert grid_rows(page.body.items_grid) == [["Café", "2", "1,000 FCFA"]]
    lines = [(label, plain(value)) for kind, label, value in page.blocks() if kind == "line"]
    assert lines == [("Café ×2", "1,000 FCFA")]
