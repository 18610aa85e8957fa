"""The owner's "All tills" view (issue 15, point 4): the same grouping as ``hpos report
--all-tills`` on screen, read on the runner, and "last known" when HPAY fails.

Real sandbox over loopback HTTP: two tills with different names (two journals) and one
payment made without HPOS (:mod:`tests.helpers.tills`, figures by hand).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hpos.hpay.client import HpayClient
from hpos.sandbox.server import SandboxServer
from hpos.ui.owner.tills import KIND_ROLE, AllTillsView, local_zone
from hpos.ui.runner import Runner
from tests.helpers.sandbox import client_config
from tests.helpers.tills import seed_shop_day

HEADERS = ["Till", "Sales paid", "Amount", "Fees", "Net", "Unpaid"]


@pytest.fixture
def view(qtbot: QtBot, runner: Runner, sandbox: SandboxServer) -> AllTillsView:
    def make_client() -> HpayClient:
        return HpayClient(client_config(sandbox.url), sleep=lambda _s: None)

    widget = AllTillsView(runner, make_client)
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    return widget


def plain(text: object) -> str:
    """Text as read aloud: no-break spaces (between an amount and its sign) as spaces."""
    return str(text).replace("\u00a0", " ")


def table(view: AllTillsView) -> list[list[str]]:
    model = view.view.model()
    return [
        [plain(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def today() -> date:
    return datetime.now(local_zone()).date()


def test_the_view_groups_two_tills_and_a_payment_taken_elsewhere(
    qtbot: QtBot, view: AllTillsView, sandbox: SandboxServer, tmp_path: Path
) -> None:
    shop = seed_shop_day(sandbox, tmp_path)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()  # the first show reads today
    model = view.view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == HEADERS
    assert table(view) == [
        ["BAR", "1", "5,000 FCFA", "75 FCFA", "4,925 FCFA", "1"],
        ["FRONT", "2", "15,600 FCFA", "235 FCFA", "15,365 FCFA", "1"],
        ["Not from HPOS", "1", "3,000 FCFA", "45 FCFA", "2,955 FCFA", "0"],
        ["Total", "4", "23,600 FCFA", "355 FCFA", "23,245 FCFA", "2"],
    ]
    kinds = [model.index(r, 0).data(KIND_ROLE) for r in range(model.rowCount())]
    assert kinds == ["till", "till", "not_hpos", "total"]
    assert model.index(3, 0).data(Qt.ItemDataRole.FontRole).bold(), "the total stands out"
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Till journal {shop.front_journal}"
    )
    others = plain(model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert shop.walk_in in others
    assert "Walk-in" in others
    assert "3,000 FCFA" in others
    assert "TEST · 6 payments read from HPAY's history at" in view.status_label.text()
    assert "Not from HPOS: 1 payment(s) with no HPOS sale reference" in view.note_label.text()
    assert view.refresh_button.isEnabled()
    report = view.report
    assert report is not None
    assert report.tz == str(local_zone())


def test_hpay_failing_keeps_the_figures_as_last_known(
    qtbot: QtBot, view: AllTillsView, sandbox: SandboxServer, tmp_path: Path
) -> None:
    seed_shop_day(sandbox, tmp_path)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    shown = table(view)
    sandbox.add_fault("/getPaymentHistory/", "http_500")
    with qtbot.waitSignal(view.failed, timeout=10_000) as failed:
        view.refresh_button.click()
        assert not view.refresh_button.isEnabled(), "one reading at a time"
        assert view.status_label.text().startswith("Reading HPAY's history of")
    status = view.status_label.text()
    assert failed.args == [status]
    assert status.startswith("Last known, not refreshed: ")
    assert "HPAY" in status
    assert table(view) == shown, "the day's figures stay, marked last known"
    assert view.refresh_button.isEnabled()

    with qtbot.waitSignal(view.failed, timeout=10_000):
        view.set_day(today() - timedelta(days=1))  # another day: nothing to show but why
    assert table(view) == []
    assert view.status_label.text().startswith("HPAY's history of ")
    assert "could not be read: " in view.status_label.text()

    sandbox.clear_faults()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    assert table(view) == []
    assert view.note_label.text() == "No payments in HPAY's history on this day."
    assert "TEST · 0 payments read" in view.status_label.text()


def test_an_answer_for_a_day_no_longer_chosen_is_dropped(
    qtbot: QtBot, view: AllTillsView, runner: Runner, sandbox: SandboxServer, tmp_path: Path
) -> None:
    seed_shop_day(sandbox, tmp_path)
    sandbox.add_fault("/getPaymentHistory/", "latency", times=1, seconds=0.5)
    view.show()  # today: its answer comes late
    with qtbot.waitSignal(view.loaded, timeout=10_000) as loaded:
        view.set_day(today() - timedelta(days=1))
    assert loaded.args[0].day == today() - timedelta(days=1)
    qtbot.waitUntil(lambda: runner.pending == 0)  # today's slow answer: it changes nothing
    assert table(view) == []
    assert view.report is not None
    assert view.report.day == today() - timedelta(days=1)
