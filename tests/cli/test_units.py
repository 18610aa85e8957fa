"""CLI units: amounts, exit codes, output formats, the terminal QR, commands on a fake client.

Nothing here talks to a server: commands run against a small fake client (the
end-to-end CLI test against the sandbox lives elsewhere).
"""

from __future__ import annotations

import csv
import io
import json
import signal
import sys
import types
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hpos.cli import output
from hpos.cli.args import build_parser, parse_amount
from hpos.cli.exits import CliError, error_message, exit_code_for
from hpos.cli.main import main
from hpos.hpay.errors import (
    ApiRefused,
    BadCredentials,
    ConfigError,
    HpayError,
    HpayTimeout,
    InvalidAmount,
    InvalidRequest,
    NetworkError,
    OutcomeUnknown,
    ProtocolError,
    ServerError,
    TokenInvalid,
    UnsafeCheckoutUrl,
)
from hpos.hpay.models import Balance, HistoryEntry, Payment, Token
from hpos.hpay.money import amount_text
from hpos.profile.keystore import KeyStore
from tests.helpers.keyring import MemoryKeyring

SECRET = "sk.cli-unit-secret-31337"
ENV = {
    "HPOS_API_URL": "http://127.0.0.1:9",
    "HPOS_API_KEY": "ak.unit",
    "HPOS_PUBLIC_KEY": "pk.unit",
    "HPOS_SECRET_KEY": SECRET,
}
WHEN = datetime(2025, 11, 8, 14, 42, 34, tzinfo=UTC)


def entry(txid: str = "tx1", status: str = "UNPAID", **kw: Any) -> HistoryEntry:
    values: dict[str, Any] = {
        "transaction_id": txid,
        "amount": Decimal("7000.00"),
        "fees": Decimal("700.00"),
        "profit": Decimal(6300),
        "currency": "XOF",
        "mode": "TEST",
        "status": status,
        "product": "Sac",
        "description": "Sac d'école",
        "payment_link": f"https://checkout.hpay.cash/?ref={txid}",
        "date_generated": WHEN,
    }
    values.update(kw)
    return HistoryEntry(**values)


class FakeClient:
    """Stands in for HpayClient: canned answers, or ``error`` raised by every call."""

    def __init__(self, config: Any, error: BaseException | None = None) -> None:
        self.config = config
        self.error = error
        self.closed = False
        self.entries = [entry("tx1", "PAID"), entry("tx2"), entry("tx3")]
        self.polls_until_paid = 2
        self.calls: list[tuple[str, Any]] = []

    def _call(self, name: str, arg: Any = None) -> None:
        self.calls.append((name, arg))
        if self.error is not None:
            raise self.error

    def token(self) -> Token:
        self._call("token")
        return Token("tok", 900, WHEN, "WestSofts", "TEST", "XOF", Decimal(50), Decimal("100.5"))

    def create_payment(self, amount: Decimal, product: str, description: str = "") -> Payment:
        self._call("create_payment", (amount, product, description))
        return Payment(
            "txNEW", amount, Decimal("0.5"), "XOF", "TEST", "WestSofts",
            "https://checkout.hpay.cash?ref=txNEW", "Payment URL generated",
        )  # fmt: skip

    def find_payment(self, txid: str) -> HistoryEntry | None:
        self._call("find_payment", txid)
        if txid == "txNEW":
            self.polls_until_paid -= 1
            return entry(txid, "PAID" if self.polls_until_paid <= 0 else "UNPAID")
        return next((e for e in self.entries if e.transaction_id == txid), None)

    def iter_history(self, *, page_size: int = 100, **filters: Any) -> Iterator[HistoryEntry]:
        self._call("iter_history", (page_size, filters))
        yield from self.entries

    def balance(self) -> Balance:
        self._call("balance")
        return Balance("WestSofts", "0000", "XOF", Decimal(0), Decimal("12.5"))

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def clients() -> list[FakeClient]:
    return []


def run(
    argv: list[str],
    clients: list[FakeClient] | None = None,
    *,
    env: dict[str, str] | None = None,
    error: BaseException | None = None,
    store: KeyStore | None = None,
) -> int:
    made = clients if clients is not None else []

    def factory(config: Any) -> FakeClient:
        client = FakeClient(config, error)
        made.append(client)
        return client

    return main(
        argv,
        env=ENV if env is None else env,
        keystore=store or KeyStore(backend=MemoryKeyring()),
        client_factory=factory,
    )


# -- amounts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("12.50", "CAD", "12.50"),
        ("14900", "XOF", "14900"),
        ("12,50", "CAD", "12.50"),
        ("12,5", "CAD", "12.50"),
        (" 7 ", "XOF", "7"),
        ("0.5", "CAD", "0.50"),
        ("007", "XOF", "7"),
        ("12.", "CAD", "12.00"),
        (".5", "EUR", "0.50"),
        ("14 900", "XOF", "14900"),
    ],
)
def test_amounts_are_exact_decimals(text: str, currency: str, expected: str) -> None:
    value = parse_amount(text, currency)
    assert type(value) is Decimal
    assert str(value) == expected, "exactly the currency's decimals"


@pytest.mark.parametrize(
    "text",
    ["", "-5", "+5", "1e3", "1,234.50", "1.234,50", "12.5.0", "abc", "NaN", "Infinity", "0",
     "0.00", "١٢", "1_000", "0x10", "12.505", "1000000000.01"],
)  # fmt: skip
def test_bad_amounts(text: str) -> None:
    with pytest.raises(InvalidAmount):
        parse_amount(text, "CAD")


# -- exit codes and messages ---------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ConfigError("x"), 2),
        (InvalidAmount("x"), 2),
        (InvalidRequest("x"), 2),
        (ApiRefused("x"), 3),
        (BadCredentials("x"), 3),
        (TokenInvalid("x"), 3),
        (UnsafeCheckoutUrl("x"), 3),
        (NetworkError("x"), 4),
        (HpayTimeout("x"), 4),
        (ProtocolError("x"), 4),
        (ServerError("x", status=502), 4),
        (OutcomeUnknown("x", cause=HpayTimeout("t")), 5),
        (KeyboardInterrupt(), 130),
        (HpayError("x"), 1),
        (RuntimeError("x"), 1),
        (CliError("x", 6), 6),
    ],
)
def test_exit_codes(error: BaseException, code: int) -> None:
    assert exit_code_for(error) == code


def test_exit_codes_are_documented() -> None:
    help_text = build_parser().format_help()
    for code in (0, 2, 3, 4, 5, 6, 130):
        assert f"\n  {code:>3}  " in help_text


def test_messages_are_one_line_and_say_what_to_do() -> None:
    unknown = error_message(OutcomeUnknown("No answer\nfrom HPAY."))
    assert "\n" not in unknown
    assert "hpos history" in unknown
    unsafe = error_message(UnsafeCheckoutUrl("Bad URL.", transaction_id="tx9"))
    assert "hpos status tx9" in unsafe
    assert "\x1b" not in error_message(ApiRefused("evil \x1b[2J text"))


def test_unexpected_errors_do_not_leak_their_text() -> None:
    message = error_message(RuntimeError(f"boom {SECRET}"))
    assert SECRET not in message
    assert "RuntimeError" in message


# -- argument parsing through main() ------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--no-window"],
        ["frobnicate"],
        ["history", "--limit", "0"],
        ["history", "--from", "2025-13-01"],
        ["history", "--from", "20250101"],
        ["history", "--status", "maybe"],
        ["history", "--format", "xml"],
        ["charge"],
        ["charge", "10", "--timeout", "-1"],
        ["sandbox", "--port", "70000"],
        ["configure", "--mode", "live"],
        ["--demo", "check"],
        ["--no-window", "check"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], clients: list[FakeClient]) -> None:
    assert run(argv, clients) == 2
    assert not clients


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--help"]) == 0
    assert "exit codes" in capsys.readouterr().out
    assert run(["charge", "--help"]) == 0
    assert "exit code 6" in capsys.readouterr().out
    assert run(["--version"]) == 0


def test_bad_amount_is_one_line_without_client(
    capsys: pytest.CaptureFixture[str], clients: list[FakeClient]
) -> None:
    assert run(["charge", "12x"], clients) == 2
    err = capsys.readouterr().err
    assert err.startswith("hpos: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert not clients


def test_missing_configuration_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--config-dir", str(tmp_path), "check"], env={}) == 2
    assert capsys.readouterr().err == (
        f"hpos: error: HPOS is not set up for HPAY in {tmp_path.absolute()}: "
        "no HPAY API URL configured. Set HPOS_API_URL or run `hpos configure`.\n"
    )


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (BadCredentials("HPAY refused the keys."), 3),
        (HpayTimeout("HPAY did not answer in time."), 4),
        (ProtocolError("HPAY answered an HTML page."), 4),
        (OutcomeUnknown("The payment may exist."), 5),
        (KeyboardInterrupt(), 130),
    ],
)
def test_client_errors_map_to_exit_codes(
    error: BaseException, code: int, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    clients: list[FakeClient] = []
    assert run(["--config-dir", str(tmp_path), "balance"], clients, error=error) == code
    err = capsys.readouterr().err
    assert err.startswith("hpos: ")
    assert err.count("\n") == 1
    assert clients[0].closed


# -- commands on the fake client ----------------------------------------------------


def test_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(["check", "--config-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for text in ("WestSofts", "TEST", "XOF", "50 XOF", "100.5 XOF"):
        assert text in out
    assert SECRET not in out


def test_balance(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(["--config-dir", str(tmp_path), "balance"]) == 0
    assert "12.5 XOF" in capsys.readouterr().out


def test_history_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    clients: list[FakeClient] = []
    base = ["--config-dir", str(tmp_path), "history", "--status", "paid", "--from", "2025-11-01"]
    assert run([*base, "--limit", "2", "--format", "json"], clients) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["transaction_id"] for r in rows] == ["tx1", "tx2"]
    page_size, filters = clients[0].calls[0][1]
    assert page_size == 2
    assert filters["status"] == "PAID"
    assert str(filters["date_from"]) == "2025-11-01"
    assert filters["date_to"] is None
    assert run([*base, "--format", "csv"]) == 0
    assert len(list(csv.reader(io.StringIO(capsys.readouterr().out)))) == 4
    assert run(base) == 0
    assert "TRANSACTION" in capsys.readouterr().out


def test_history_from_after_to(tmp_path: Path) -> None:
    argv = ["--config-dir", str(tmp_path), "history", "--from", "2025-02-01", "--to", "2025-01-01"]
    assert run(argv) == 2


def test_configure_with_secret_on_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("hpos.hpay.urls")
    store = KeyStore(backend=MemoryKeyring())
    monkeypatch.setattr(sys, "stdin", io.StringIO(SECRET + "\n"))
    argv = ["configure", "--config-dir", str(tmp_path), "--api-url", "https://api.example.com"]
    argv += ["--api-key", "ak.1", "--public-key", "pk.1", "--mode", "prod", "--secret-stdin"]
    assert run(argv, env={}, store=store) == 0
    text = (tmp_path / "settings.json").read_text()
    saved = json.loads(text)
    assert saved["api_url"] == "https://api.example.com"
    assert saved["mode"] == "PROD"
    assert SECRET not in text
    assert SECRET not in capsys.readouterr().out
    assert list(store.backend.entries.values()) == [SECRET]  # type: ignore[attr-defined]


def test_configure_refuses_empty_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert run(["configure", "--config-dir", str(tmp_path), "--secret-stdin"], env={}) == 2
    assert not (tmp_path / "settings.json").exists()


def test_sandbox_stops_cleanly_on_sigterm(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    events: list[str] = []

    class FakeServer:
        url = "http://127.0.0.1:12345"

        def __init__(self, host: str, port: int, **kwargs: Any) -> None:
            events.append(f"init {host} {port} {sorted(kwargs)}")

        def start(self) -> FakeServer:
            events.append("start")
            signal.raise_signal(signal.SIGTERM)
            return self

        def stop(self) -> None:
            events.append("stop")

    demo = types.SimpleNamespace(
        api_key="ak.demo",
        public_key="pk.demo",
        secret_key="sk.demo",
        currency="XOF",
        company="Demo",
    )
    monkeypatch.setitem(
        sys.modules, "hpos.sandbox.server", types.SimpleNamespace(SandboxServer=FakeServer)
    )
    monkeypatch.setitem(
        sys.modules, "hpos.sandbox.accounts", types.SimpleNamespace(DEMO_ACCOUNT=demo)
    )
    before = signal.getsignal(signal.SIGTERM)
    argv = ["--config-dir", str(tmp_path), "sandbox", "--token-ttl", "5", "--state", "s.json"]
    assert run(argv) == 0
    assert events == ["init 127.0.0.1 0 ['state_file', 'token_ttl']", "start", "stop"]
    assert signal.getsignal(signal.SIGTERM) == before
    out = capsys.readouterr().out
    assert "Sandbox ready at http://127.0.0.1:12345\n" in out
    assert "HPOS_SECRET_KEY=sk.demo" in out or "HPOS_SECRET_KEY = 'sk.demo'" in out


# -- output formats -----------------------------------------------------------------


def test_amount_text_has_the_currencys_decimals() -> None:
    assert amount_text(Decimal("1E+3"), "XOF") == "1000"
    assert amount_text(Decimal("7000.00"), "XOF") == "7000"
    assert amount_text(Decimal("0.5"), "CAD") == "0.50"
    assert amount_text(Decimal("0.5"), "XOF") == "0.5", "never rounded away"
    assert output.money_text(Decimal("14900.00"), "XOF") == "14900 XOF"
    assert output.money_text(Decimal("1234500"), "XOF", grouped=True) == "1,234,500 XOF"
    assert output.money_text(None, "XOF") == ""


def test_csv_header_values_and_formula_guard() -> None:
    rows = [
        entry("tx1", product='=HYPERLINK("http://x")', fees=None),
        entry("tx2", status="PAID"),
    ]
    parsed = list(csv.reader(io.StringIO(output.history_csv(rows))))
    header = "date,transaction_id,product,amount,fees,profit,currency,status,mode,description"
    assert parsed[0] == [*header.split(","), "payment_link"]
    first = dict(zip(parsed[0], parsed[1], strict=True))
    assert first["product"].startswith("'=")
    assert first["amount"] == "7000"
    assert (first["fees"], first["profit"]) == ("", ""), "unpaid: no money moved"
    assert first["date"] == "2025-11-08T14:42:34+00:00"
    paid = dict(zip(parsed[0], parsed[2], strict=True))
    assert (paid["amount"], paid["fees"], paid["profit"]) == ("7000", "700", "6300")


def test_json_amounts_are_strings() -> None:
    unpaid, paid = json.loads(
        output.history_json([entry("tx1"), entry("tx2", status="PAID", currency="CAD")])
    )
    assert unpaid["amount"] == "7000"
    assert (unpaid["fees"], unpaid["profit"]) == (None, None), "fees only where money moved"
    assert (paid["amount"], paid["fees"], paid["profit"]) == ("7000.00", "700.00", "6300.00")
    assert unpaid["date"] == "2025-11-08T14:42:34+00:00"
    assert unpaid["description"] == "Sac d'école"
    assert list(unpaid) == list(output.HISTORY_COLUMNS)


def test_table_is_aligned_and_clean() -> None:
    rows = [
        entry("tx1", product="evil\x1b[31m"),
        entry("a-much-longer-id", amount=Decimal(5), status="PAID"),
    ]
    lines = output.history_table(rows).splitlines()
    assert lines[0].startswith("DATE")
    assert "\x1b" not in "".join(lines)
    amount_col = lines[0].index("AMOUNT") + len("AMOUNT")
    fees_col = lines[0].index("FEES") + len("FEES")
    assert lines[1][:amount_col].endswith("7000 XOF")
    assert lines[1][amount_col:fees_col].strip() == "", "unpaid: no fees"
    assert lines[2][:amount_col].endswith("5 XOF")
    assert lines[2][:fees_col].endswith("700 XOF")
    assert output.history_table([]) == "No payments found."


# -- the terminal QR ----------------------------------------------------------------

URL = "https://checkout.hpay.cash?ref=AabBzZ190002AZ"


def decode_half_blocks(text: str) -> list[list[bool]]:
    top = {" ": False, "▀": True, "▄": False, "█": True}
    bottom = {" ": False, "▀": False, "▄": True, "█": True}
    rows: list[list[bool]] = []
    for line in text.splitlines():
        rows.append([top[c] for c in line])
        rows.append([bottom[c] for c in line])
    return rows


def test_qr_half_blocks_match_the_matrix() -> None:
    matrix = output.qr_matrix(URL)
    text = output.render_qr(URL, ansi=False)
    decoded = decode_half_blocks(text)
    assert decoded[: len(matrix)] == matrix
    assert not any(decoded[len(matrix) :][0]) if len(decoded) > len(matrix) else True
    assert len(text.splitlines()) == (len(matrix) + 1) // 2


def test_qr_has_a_quiet_zone_of_four() -> None:
    matrix = output.qr_matrix(URL)
    for row in (*matrix[:4], *matrix[-4:]):
        assert not any(row)
    for row in matrix:
        assert not any(row[:4])
        assert not any(row[-4:])
    assert any(matrix[4])


def test_qr_is_dark_on_light_with_ansi() -> None:
    lines = output.render_qr(URL, ansi=True).splitlines()
    for line in lines:
        assert line.startswith("\x1b[38;5;16;48;5;231m")
        assert line.endswith("\x1b[0m")


def test_qr_ascii_fallback() -> None:
    matrix = output.qr_matrix(URL)
    lines = output.render_qr(URL, ansi=False, unicode=False).splitlines()
    assert len(lines) == len(matrix)
    assert [[line[i * 2] == "#" for i in range(len(matrix))] for line in lines] == matrix


def test_qr_style_follows_the_stream() -> None:
    assert output.qr_style(io.StringIO(), {}) == {"ansi": False, "unicode": True}

    class AsciiTty(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    tty = AsciiTty(io.BytesIO(), encoding="ascii")
    assert output.qr_style(tty, {}) == {"ansi": sys.platform != "win32", "unicode": False}
    assert output.qr_style(tty, {"TERM": "dumb"})["ansi"] is False
