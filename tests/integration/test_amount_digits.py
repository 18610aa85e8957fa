"""Every output writes an amount with its currency's ISO 4217 decimals: XOF none, CAD two.

One paid sale per currency goes through the real sandbox (whose history sends amounts as
"14900.00" strings and whose /payment/ answer sends fees as a JSON number, like HPAY), then
every place it is shown is read back as the user sees it: ``hpos charge``, ``hpos status``,
``hpos history`` (table, CSV, JSON), ``hpos report`` (text grouped, CSV and JSON not), the
window's history cells, its details dialog and its CSV export (HPAY's history and this till's
journal), and the receipt's text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hpos.cli.main import main
from hpos.hpay.client import HpayClient
from hpos.profile.keystore import KeyStore
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.receipt import receipt_from_sale
from hpos.sales.states import SaleState
from hpos.sandbox.accounts import DEMO_ACCOUNT, DEMO_CAD_ACCOUNT, SandboxAccount
from hpos.sandbox.server import SandboxServer
from hpos.ui.history.pane import HistoryPane
from hpos.ui.history.rows import COL_AMOUNT, COL_FEES, COL_SALE, SOURCE_JOURNAL
from hpos.ui.receipts.layout import receipt_blocks
from hpos.ui.runner import Runner
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.sandbox import client_config, start_sandbox

WAIT = 10_000


@dataclass(frozen=True)
class Case:
    account: SandboxAccount
    typed: str  # what the cashier types
    plain: str  # the CLI's text
    fees_plain: str
    data: str  # CSV and JSON
    fees_data: str
    net_data: str
    screen: str  # the window, in English
    fees_screen: str
    net_screen: str


CASES = [
    # 1.5 % of 14,900 is 223.5: 224 XOF; HPAY's history says "14900.00" and "224.00"
    Case(DEMO_ACCOUNT, "14900", "14900 XOF", "224 XOF", "14900", "224", "14676",
         "14,900\xa0FCFA", "224\xa0FCFA", "14,676\xa0FCFA"),
    # 1.5 % of 20 is 0.30 CAD: the trailing zero stays everywhere
    Case(DEMO_CAD_ACCOUNT, "20", "20.00 CAD", "0.30 CAD", "20.00", "0.30", "19.70",
         "$20.00", "$0.30", "$19.70"),
]  # fmt: skip


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    server = start_sandbox()
    yield server
    server.stop()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[Runner]:
    r = Runner(workers=2)
    yield r
    r.shutdown()


class Cli:
    """``hpos`` run in this process against the sandbox, on one profile."""

    def __init__(self, sandbox: SandboxServer, account: SandboxAccount, profile: Path) -> None:
        self.profile = profile
        self.env = {
            "HPOS_API_URL": sandbox.url,
            "HPOS_API_KEY": account.api_key,
            "HPOS_PUBLIC_KEY": account.public_key,
            "HPOS_SECRET_KEY": account.secret_key,
            "HPOS_MODE": "TEST",
        }
        self.store = KeyStore(backend=MemoryKeyring())

    def __call__(self, capsys: pytest.CaptureFixture[str], *args: str) -> str:
        code = main(["--config-dir", str(self.profile), *args], env=self.env, keystore=self.store)
        out = capsys.readouterr()
        assert code == 0, out.err
        return out.out


def lines_of(text: str, label: str) -> list[str]:
    """The values of the "Label:  value" lines of ``label``."""
    return [
        line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith(f"{label}:")
    ]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.account.currency)
def test_every_output_has_the_currencys_decimals(
    case: Case,
    sandbox: SandboxServer,
    runner: Runner,
    qtbot: QtBot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    currency = case.account.currency
    hpos = Cli(sandbox, case.account, tmp_path / "profile")

    # -- the CLI: the charge, then the sale once paid ------------------------------------------
    charged = hpos(capsys, "charge", case.typed, "--product", "Sac")
    assert lines_of(charged, "Amount") == [case.plain]
    assert lines_of(charged, "Fees") == ["-"], "nothing was charged yet"
    number = lines_of(charged, "Sale")[0]
    journal = Journal(tmp_path / "profile" / "data" / JOURNAL_FILE)
    try:
        txid = journal.find(number).transaction_id  # type: ignore[union-attr]
    finally:
        journal.close()
    assert txid
    sandbox.mark_paid(txid)
    status = hpos(capsys, "status", number)
    assert lines_of(status, "State") == ["PAID"]
    assert (lines_of(status, "Amount"), lines_of(status, "Fees")) == (
        [case.plain],
        [case.fees_plain],
    )
    at_hpay = hpos(capsys, "status", txid)
    assert (lines_of(at_hpay, "Amount"), lines_of(at_hpay, "Fees")) == (
        [case.plain],
        [case.fees_plain],
    )

    # -- hpos history: the table, CSV and JSON -------------------------------------------------
    table = hpos(capsys, "history")
    row = next(line for line in table.splitlines() if txid in line)
    assert f"{case.plain}  {case.fees_plain}" in row
    (record,) = json.loads(hpos(capsys, "history", "--format", "json"))
    assert (record["amount"], record["fees"]) == (case.data, case.fees_data)
    (record,) = csv.DictReader(io.StringIO(hpos(capsys, "history", "--format", "csv")))
    assert (record["amount"], record["fees"]) == (case.data, case.fees_data)

    # -- hpos report: text grouped, CSV and JSON not -------------------------------------------
    report = hpos(capsys, "report")
    grouped = case.plain.replace("14900", "14,900")
    assert lines_of(report, "Paid") == [f"1 · {grouped}"]
    assert lines_of(report, "Fees") == [case.fees_plain]
    assert lines_of(report, "HPAY paid") == [f"1 · {grouped}"]
    rows = json.loads(hpos(capsys, "report", "--format", "json"))
    by_item = {(r["section"], r["item"]): r for r in rows}
    assert by_item[("local", "paid")]["amount"] == case.data
    assert by_item[("local", "fees")]["amount"] == case.fees_data
    assert by_item[("hpay", "fees")]["amount"] == case.fees_data
    csv_rows = list(csv.DictReader(io.StringIO(hpos(capsys, "report", "--format", "csv"))))
    assert {(r["section"], r["item"]): r["amount"] for r in csv_rows}[("local", "paid")] == (
        case.data
    )

    # -- the window: HPAY's history, then the journal --------------------------------------------
    client = HpayClient(client_config(sandbox.url, case.account))
    journal = Journal(tmp_path / "profile" / "data" / JOURNAL_FILE)
    try:
        target = tmp_path / "export.csv"
        pane = HistoryPane(runner, client=client, journal=journal, choose_path=lambda: target)
        qtbot.addWidget(pane)
        for source in ("hpay", SOURCE_JOURNAL):
            pane.source_combo.setCurrentIndex(pane.source_combo.findData(source))
            pane.refresh()
            qtbot.waitUntil(lambda: len(pane.shown_rows()) == 1, timeout=WAIT)
            cells = [str(pane.proxy.index(0, c).data()) for c in (COL_SALE, COL_AMOUNT, COL_FEES)]
            assert cells == [number, case.screen, case.fees_screen], source
            expected = f"Paid {case.screen} · fees {case.fees_screen} · net {case.net_screen}"
            qtbot.waitUntil(
                lambda e=expected: pane.summary_label.text().startswith(e), timeout=WAIT
            )
            dialog = pane.open_details(0)
            qtbot.addWidget(dialog)
            values = [dialog.value(field) for field in ("Amount", "Fees", "Net")]
            assert values == [case.screen, case.fees_screen, case.net_screen], source
            dialog.close()
            with qtbot.waitSignal(pane.exported, timeout=WAIT):
                pane.export_csv()
            with open(target, encoding="utf-8-sig", newline="") as handle:
                (exported,) = csv.DictReader(handle)
            assert (exported["amount"], exported["fees"], exported["net"]) == (
                case.data,
                case.fees_data,
                case.net_data,
            )
            assert (exported["sale_number"], exported["currency"]) == (number, currency)

        # -- the receipt ---------------------------------------------------------------------------
        sale = journal.find(number)
        assert sale is not None
        assert sale.state is SaleState.PAID
        assert str(sale.fees) == case.fees_data, "the journal keeps HPAY's fees normalised"
        blocks = receipt_blocks(receipt_from_sale(sale, shop_name="Shop"), "en")
        assert [text for kind, _label, text in blocks if kind == "amount"] == [case.screen]
    finally:
        journal.close()
        client.close()
