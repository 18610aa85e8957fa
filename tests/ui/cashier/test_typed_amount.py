"""One rule for a typed amount: ``hpos charge AMOUNT`` and the window's entry agree.

The same table of texts goes through ``hpos charge`` (in process, on the real sandbox)
and through the cashier screen (keyboard, keypad buttons, paste), in XOF and in CAD.
Each row says what must happen: the exact amount HPAY is asked for, or the refusal,
with the sentence the CLI prints (exit 2) and the hint the cashier reads under the
amount, which keeps what was typed before the refused key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from hpos.cli.main import main
from hpos.hpay.client import HpayClient
from hpos.profile.keystore import KeyStore
from hpos.sales.typed_amount import AmountRefused, Refusal, check_typed
from hpos.sandbox.accounts import DEMO_ACCOUNT, DEMO_CAD_ACCOUNT, SandboxAccount
from hpos.sandbox.server import SandboxServer
from hpos.ui.cashier.amount import AmountEntry
from hpos.ui.money import GROUP_SEPARATOR
from tests.helpers.cashier import Counter
from tests.helpers.keyring import MemoryKeyring

R = Refusal
SP = GROUP_SEPARATOR
ACCOUNTS = {"XOF": DEMO_ACCOUNT, "CAD": DEMO_CAD_ACCOUNT}
AGAIN = " Press ⌫ to type on."

#: What the CLI prints after "hpos: error: " for each refusal (English).
CLI_SAYS = {
    ("XOF", R.NO_DECIMALS): "XOF has no decimals: type whole francs.",
    ("XOF", R.TOO_LARGE): "This amount is too large: the maximum is 1,000,000,000 XOF.",
    ("CAD", R.TOO_LARGE): "This amount is too large: the maximum is 1,000,000,000.00 CAD.",
    ("CAD", R.TOO_MANY_DECIMALS): "CAD has 2 decimals: type at most 2 digits after the separator.",
    ("*", R.SEPARATORS): (
        "An amount has one decimal separator at most (and no thousands separators)."
    ),
    ("*", R.ZERO): "The amount must be greater than zero.",
    ("*", R.EMPTY): "Enter an amount.",
}
#: What the entry page's hint line says (English).
SCREEN_SAYS = {
    ("XOF", R.NO_DECIMALS): "XOF has no decimals: type whole francs." + AGAIN,
    ("XOF", R.TOO_LARGE): f"This amount is too large: the maximum is 1,000,000,000{SP}FCFA."
    + AGAIN,
    ("CAD", R.TOO_LARGE): "This amount is too large: the maximum is $1,000,000,000.00." + AGAIN,
    ("CAD", R.TOO_MANY_DECIMALS): (
        "CAD has 2 decimals: type at most 2 digits after the separator." + AGAIN
    ),
    ("*", R.SEPARATORS): (
        "An amount has one decimal separator at most (and no thousands separators)." + AGAIN
    ),
    ("XOF", R.NOT_A_NUMBER): "That is not an amount: type digits such as 14900." + AGAIN,
    ("CAD", R.NOT_A_NUMBER): "That is not an amount: type digits such as 12.50." + AGAIN,
    ("*", R.ZERO): "The amount must be greater than zero.",
    ("*", R.EMPTY): "Type an amount first.",
}


@dataclass(frozen=True)
class Row:
    """A typed text, and what it must give: ``amount`` charged, or ``refusal`` with the
    display still showing ``kept`` (what was typed before the refused key)."""

    currency: str
    text: str
    amount: str | None = None
    refusal: Refusal | None = None
    kept: str = ""


def ok(currency: str, text: str, amount: str) -> Row:
    return Row(currency, text, amount=amount)


def no(currency: str, text: str, refusal: Refusal, kept: str) -> Row:
    return Row(currency, text, refusal=refusal, kept=kept)


NINES = "9" * 14
TABLE = [
    ok("XOF", "14900", "14900"),
    ok("XOF", "007", "7"),
    ok("XOF", " 14 900 ", "14900"),
    ok("XOF", "1000000000", "1000000000"),  # the maximum exactly
    no("XOF", "1000000001", R.TOO_LARGE, f"100,000,000{SP}FCFA"),  # max + 1
    no("XOF", "1500000000", R.TOO_LARGE, f"150,000,000{SP}FCFA"),
    no("XOF", NINES, R.TOO_LARGE, f"999,999,999{SP}FCFA"),
    no("XOF", "12,50", R.NO_DECIMALS, f"12{SP}FCFA"),
    no("XOF", "12.50", R.NO_DECIMALS, f"12{SP}FCFA"),
    no("XOF", ",5", R.NO_DECIMALS, f"0{SP}FCFA"),  # a separator first
    no("XOF", "12,", R.NO_DECIMALS, f"12{SP}FCFA"),  # a separator last
    no("XOF", "0", R.ZERO, f"0{SP}FCFA"),
    no("XOF", "000", R.ZERO, f"0{SP}FCFA"),
    no("XOF", "", R.EMPTY, f"0{SP}FCFA"),
    no("XOF", "12a", R.NOT_A_NUMBER, f"12{SP}FCFA"),
    no("XOF", "-5", R.NOT_A_NUMBER, f"0{SP}FCFA"),
    ok("CAD", "12,50", "12.50"),
    ok("CAD", "12.5", "12.50"),
    ok("CAD", "0,5", "0.50"),
    ok("CAD", ",5", "0.50"),  # a separator first: 0,5
    ok("CAD", "12,", "12.00"),  # a separator last: 12
    ok("CAD", "007.25", "7.25"),
    ok("CAD", " 1 250,75 ", "1250.75"),
    ok("CAD", "1000000000", "1000000000.00"),
    ok("CAD", "1000000000.00", "1000000000.00"),  # the maximum exactly
    no("CAD", "1000000000.01", R.TOO_LARGE, "$1,000,000,000.0"),  # max + 1 cent
    no("CAD", "1000000001", R.TOO_LARGE, "$100,000,000"),
    no("CAD", NINES, R.TOO_LARGE, "$999,999,999"),
    no("CAD", "12.505", R.TOO_MANY_DECIMALS, "$12.50"),
    no("CAD", "1,234.50", R.TOO_MANY_DECIMALS, "$1.23"),
    no("CAD", "12.5.0", R.SEPARATORS, "$12.5"),
    no("CAD", "0,00", R.ZERO, "$0.00"),
    no("CAD", ".", R.ZERO, "$0."),
    no("CAD", "-5", R.NOT_A_NUMBER, "$0"),
]


def cli_says(row: Row) -> str:
    assert row.refusal is not None
    if row.refusal is R.NOT_A_NUMBER:
        return f"{row.text!r} is not an amount: type digits such as 14900."
    return CLI_SAYS.get((row.currency, row.refusal)) or CLI_SAYS[("*", row.refusal)]


def screen_says(row: Row) -> str:
    assert row.refusal is not None
    return SCREEN_SAYS.get((row.currency, row.refusal)) or SCREEN_SAYS[("*", row.refusal)]


# -- the CLI ------------------------------------------------------------------------------


def run_cli(
    sandbox: SandboxServer, account: SandboxAccount, config: Path, text: str, capsys: Any
) -> tuple[int, str, Decimal | None]:
    """``hpos charge TEXT`` in process: exit code, stderr, and the amount HPAY was asked for."""
    before = len(sandbox.payments())
    env = {
        "HPOS_CONFIG_DIR": str(config),
        "HPOS_API_URL": sandbox.url,
        "HPOS_API_KEY": account.api_key,
        "HPOS_PUBLIC_KEY": account.public_key,
        "HPOS_SECRET_KEY": account.secret_key,
        "HPOS_MODE": "TEST",
    }
    code = main(["charge", text], env=env, keystore=KeyStore(backend=MemoryKeyring()))
    err = capsys.readouterr().err
    payments = sandbox.payments()
    assert len(payments) - before <= 1
    return code, err, payments[-1].amount if len(payments) > before else None


# -- the window ------------------------------------------------------------------------------


@pytest.fixture
def counters(
    qtbot: QtBot, sandbox: SandboxServer, make_client: Callable[..., HpayClient], tmp_path: Path
) -> Iterator[Callable[..., Counter]]:
    made: list[Counter] = []

    def make(currency: str, **kw: Any) -> Counter:
        folder = tmp_path / f"window-{currency}-{len(made)}"
        folder.mkdir()
        counter = Counter(qtbot, sandbox, make_client(ACCOUNTS[currency]), folder, **kw)
        made.append(counter)
        return counter

    yield make
    for counter in made:
        counter.close()


def keypad_keys(text: str, decimals: int) -> list[str] | None:
    """The keypad buttons that type ``text`` (spaces mean nothing); None if it has no such key."""
    keys = []
    for ch in text:
        if ch.isspace():
            continue
        if ch in ".,":
            if decimals == 0:
                return None  # the decimal key is hidden in a currency without decimals
            keys.append(".")
        elif ch in "0123456789":
            keys.append(ch)
        else:
            return None
    return keys


def ui_outcome(counter: Counter, how: str, text: str) -> tuple[str, str, Decimal | None]:
    """Type ``text`` (by ``how``), press Enter: (display, hint, amount HPAY was asked for)."""
    screen = counter.screen
    qtbot = counter.qtbot
    qtbot.keyClick(screen.amount_display, Qt.Key.Key_Escape)
    assert screen.amount_entry.is_empty
    if how == "keyboard":
        counter.type(text)
    elif how == "keypad":
        keys = keypad_keys(text, screen.amount_entry.decimals)
        assert keys is not None
        for key in keys:
            screen.entry_page.keypad.button(key).click()
    else:
        QGuiApplication.clipboard().setText(text)
        qtbot.keyClick(screen.amount_display, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    display = screen.entry_page.amount_display.text()
    before = len(counter.sandbox.payments())
    qtbot.keyClick(screen.amount_display, Qt.Key.Key_Return)
    if screen.current_page() == "entry":
        assert len(counter.sandbox.payments()) == before, "refused: nothing asked of HPAY"
        return display, screen.entry_page.hint_label.text(), None
    counter.wait_page("payment")
    amount = counter.sandbox.payments()[-1].amount
    screen.new_sale()
    return display, "", amount


@pytest.mark.parametrize("currency", ["XOF", "CAD"])
def test_cli_and_entry_accept_and_refuse_the_same_amounts(
    currency: str,
    sandbox: SandboxServer,
    counters: Callable[..., Counter],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    counter = counters(currency, locale="en")
    rows = [row for row in TABLE if row.currency == currency]
    wrong: list[str] = []
    for row in rows:
        code, err, asked = run_cli(sandbox, ACCOUNTS[currency], tmp_path / "cli", row.text, capsys)
        if row.amount is not None:
            cli = (code, asked)
            if cli != (0, Decimal(row.amount)) or err:
                wrong.append(f"CLI {row.text!r}: exit {code}, asked {asked}, stderr {err!r}")
        elif (code, err, asked) != (2, f"hpos: error: {cli_says(row)}\n", None):
            wrong.append(f"CLI {row.text!r}: exit {code}, asked {asked}, stderr {err!r}")
        ways = ["keyboard", "paste"]
        if keypad_keys(row.text, counter.screen.amount_entry.decimals) is not None:
            ways.append("keypad")
        for how in ways:
            display, hint, charged = ui_outcome(counter, how, row.text)
            if row.amount is not None:
                if charged != Decimal(row.amount):
                    wrong.append(f"{how} {row.text!r}: charged {charged}, hint {hint!r}")
                continue
            # refused: the reason under the amount, nothing charged; typed keys kept what
            # they had before the refused one (a refused paste adds nothing)
            kept = row.kept if how != "paste" else counter.screen.amount_entry.display("en")
            if (hint, charged) != (screen_says(row), None) or display != kept:
                wrong.append(f"{how} {row.text!r}: shows {display!r}, hint {hint!r}")
    assert not wrong, "\n".join(wrong)


def test_the_refusal_stays_until_backspace_and_nothing_is_charged(
    counters: Callable[..., Counter],
) -> None:
    counter = counters("XOF", locale="en")
    screen = counter.screen
    hint = screen.entry_page.hint_label
    counter.type(NINES)
    assert screen.entry_page.amount_display.text() == f"999,999,999{SP}FCFA"
    assert hint.isVisible()
    assert hint.text() == screen_says(no("XOF", NINES, R.TOO_LARGE, ""))
    counter.enter(screen.amount_display)
    assert screen.current_page() == "entry", "14 nines typed: 999,999,999 is not charged"
    assert not counter.sandbox.payments()
    counter.qtbot.keyClick(screen.amount_display, Qt.Key.Key_Backspace)  # takes the refusal back
    assert hint.text() == ""
    assert screen.entry_page.amount_display.text() == f"999,999,999{SP}FCFA", "nothing lost"
    counter.type("12,50")
    assert screen.entry_page.amount_display.text() == f"999,999,999{SP}FCFA"
    counter.qtbot.keyClick(screen.amount_display, Qt.Key.Key_Escape)
    counter.type("12,50")
    assert screen.entry_page.amount_display.text() == f"12{SP}FCFA", "not 1,250"
    assert hint.text().startswith("XOF has no decimals: type whole francs.")
    counter.qtbot.keyClick(screen.amount_display, Qt.Key.Key_Backspace)
    counter.type("50")
    assert screen.entry_page.amount_display.text() == f"1,250{SP}FCFA", "typed on after ⌫"
    assert hint.text() == ""


def test_the_maximum_is_written_as_the_screen_writes_money_in_french(
    counters: Callable[..., Counter],
) -> None:
    counter = counters("XOF", locale="fr")
    counter.type("1500000000")
    nnbsp = "\u202f"
    assert f"1{nnbsp}000{nnbsp}000{nnbsp}000{SP}FCFA" in counter.screen.entry_page.hint_label.text()
    assert counter.screen.entry_page.amount_display.text() == (f"150{nnbsp}000{nnbsp}000{SP}FCFA")


# -- the rule itself, on any text ------------------------------------------------------------

_TEXTS = st.text(alphabet="0123456789.,  a-", max_size=16)


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS, currency=st.sampled_from(["XOF", "CAD", "BHD"]))
def test_keystrokes_and_the_whole_text_agree(text: str, currency: str) -> None:
    """Typing ``text`` key by key charges exactly what ``check_typed`` accepts, else refuses
    with the same reason (the first one the text breaks)."""
    entry = AmountEntry(currency)
    for ch in text:
        if not ch.isspace():  # the keyboard does not send spaces to the amount
            entry.press(ch)
    try:
        expected: Decimal | Refusal = check_typed(text, currency)
    except AmountRefused as refused:
        expected = refused.refusal
    refused_now = entry.charge_refusal()
    got = refused_now.refusal if refused_now is not None else entry.value
    assert got == expected
    if isinstance(expected, Decimal):
        assert str(got) == str(expected), "the same decimals"
