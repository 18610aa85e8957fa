"""AmountEntry and format_money: keystrokes to an exact Decimal, display text per language."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hpos.hpay.money import MAX_AMOUNT, validate_amount
from hpos.ui.cashier.amount import KEY_BACKSPACE, KEY_CLEAR, KEY_DOUBLE_ZERO, AmountEntry
from hpos.ui.money import GROUP_SEPARATOR, format_decimal, format_money, group_digits

SP = GROUP_SEPARATOR


def typed(currency: str, keys: list[str] | str) -> AmountEntry:
    entry = AmountEntry(currency)
    for key in keys:
        entry.press(key)
    return entry


def test_amount_module_does_not_import_qt() -> None:
    code = (
        "import sys, hpos.ui.money\n"
        "qt = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "sys.exit(1 if qt else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, timeout=60)
    assert result.returncode == 0


def test_digits_make_a_whole_amount_in_xof() -> None:
    entry = typed("XOF", "14900")
    assert entry.text == "14900"
    assert entry.value == Decimal("14900")
    assert entry.chargeable
    assert entry.display("en") == "14,900\u00a0FCFA"
    assert entry.display("fr") == "14\u202f900\u00a0FCFA"


def test_xof_refuses_a_decimal_separator() -> None:
    entry = typed("XOF", "12")
    assert not entry.press(".")
    assert not entry.press(",")
    assert entry.text == "12"


def test_cad_takes_two_decimals_and_no_more() -> None:
    entry = typed("CAD", "12,5")
    assert entry.text == "12.5"
    assert entry.display("en") == "$12.5"
    assert entry.display("fr") == "12,5\u00a0$"
    assert entry.value == Decimal("12.50")
    assert entry.press("0")
    assert not entry.press("1"), "a third decimal is refused"
    assert not entry.press("."), "a second separator is refused"
    assert entry.value == Decimal("12.50")
    assert str(entry.value) == "12.50"


def test_double_zero() -> None:
    assert typed("XOF", ["1", KEY_DOUBLE_ZERO, KEY_DOUBLE_ZERO]).value == Decimal(10000)
    empty = AmountEntry("XOF")
    assert not empty.press(KEY_DOUBLE_ZERO), "00 on nothing means nothing"
    assert empty.is_empty
    cad = typed("CAD", ["5", ".", "1"])
    assert not cad.press(KEY_DOUBLE_ZERO), "00 would make three decimals"
    cad2 = typed("CAD", ["5", "."])
    assert cad2.press(KEY_DOUBLE_ZERO)
    assert cad2.text == "5.00"


def test_leading_zeros_collapse() -> None:
    entry = typed("XOF", "0")
    assert entry.text == "0"
    assert not entry.press("0")
    assert entry.press("7")
    assert entry.text == "7"


def test_separator_first_gives_zero_point() -> None:
    entry = typed("EUR", ".5")
    assert entry.text == "0.5"
    assert entry.value == Decimal("0.50")


def test_backspace_and_clear() -> None:
    entry = typed("CAD", "12.34")
    assert entry.press(KEY_BACKSPACE)
    assert entry.text == "12.3"
    entry.press(KEY_BACKSPACE)
    entry.press(KEY_BACKSPACE)
    assert entry.text == "12"
    entry.press(KEY_BACKSPACE)
    entry.press(KEY_BACKSPACE)
    assert entry.is_empty
    assert not entry.press(KEY_BACKSPACE)
    entry.type_text("99")
    assert entry.press(KEY_CLEAR)
    assert entry.is_empty
    assert entry.value is None


def test_zero_and_nothing_are_not_chargeable() -> None:
    assert AmountEntry("XOF").value is None
    assert not AmountEntry("XOF").chargeable
    zero = typed("CAD", "0.00")
    assert zero.value == Decimal("0.00")
    assert not zero.chargeable
    assert AmountEntry("XOF").display("en") == f"0{SP}FCFA"
    assert typed("EUR", ".").display("fr") == f"0,{SP}€", "a trailing separator stays visible"


def test_bounded_by_max_amount() -> None:
    entry = AmountEntry("XOF")
    entry.type_text(f"{MAX_AMOUNT:f}")
    assert entry.value == MAX_AMOUNT
    assert not entry.press("0")
    assert not entry.press(KEY_DOUBLE_ZERO)
    big = AmountEntry("XOF")
    assert big.type_text("99999999999") == 9
    assert big.value is not None
    assert big.value <= MAX_AMOUNT
    cad = AmountEntry("CAD")
    cad.type_text(f"{MAX_AMOUNT:f}")
    assert cad.press(".")
    assert not cad.press("1"), "above the maximum even by a cent"


def test_unknown_keys_are_refused() -> None:
    entry = AmountEntry("XOF")
    assert not entry.press("a")
    assert not entry.press("-")
    assert not entry.press("")
    assert entry.is_empty


def test_currency_change_keeps_what_still_fits() -> None:
    entry = typed("CAD", "12.5")
    entry.set_currency("EUR")
    assert entry.text == "12.5"
    entry.set_currency("XOF")
    assert entry.is_empty, "a fraction cannot stay in a currency without decimals"
    assert entry.decimals == 0
    whole = typed("CAD", "300")
    whole.set_currency("xof")
    assert whole.text == "300"
    assert whole.currency == "XOF"


def test_set_value_puts_an_amount_back() -> None:
    entry = AmountEntry("CAD")
    assert entry.set_value(Decimal("12.50"))
    assert entry.text == "12.5"
    assert entry.value == Decimal("12.50")
    xof = AmountEntry("XOF")
    assert xof.set_value(Decimal(14900))
    assert xof.text == "14900"
    assert not xof.set_value(Decimal("1.5"))
    assert xof.is_empty


NNBSP = "\u202f"  # French thousands separator


@pytest.mark.parametrize(
    ("amount", "currency", "language", "text"),
    [
        (Decimal(14900), "XOF", "en", f"14,900{SP}FCFA"),
        (Decimal(14900), "XOF", "fr", f"14{NNBSP}900{SP}FCFA"),
        (Decimal("14900.00"), "XOF", "fr", f"14{NNBSP}900{SP}FCFA"),
        (Decimal(1500), "XAF", "en", f"1,500{SP}FCFA"),
        (Decimal(0), "XAF", "fr", f"0{SP}FCFA"),
        (Decimal(100), "xof", "en", f"100{SP}FCFA"),
        (Decimal("12.5"), "CAD", "en", "$12.50"),
        (Decimal("12.5"), "CAD", "fr", f"12,50{SP}$"),
        (Decimal("1234.5"), "CAD", "fr", f"1{NNBSP}234,50{SP}$"),
        (Decimal(1234567), "EUR", "en", "€1,234,567.00"),
        (Decimal(1234567), "EUR", "fr", f"1{NNBSP}234{NNBSP}567,00{SP}€"),
        (Decimal("9.99"), "USD", "en", "US$9.99"),
        (Decimal("9.99"), "USD", "fr", f"9,99{SP}${SP}US"),
        (Decimal("-12.5"), "CAD", "en", "-$12.50"),
        (Decimal("-12.5"), "CAD", "fr", f"-12,50{SP}$"),
        (Decimal("0.125"), "CAD", "en", "$0.125"),  # never rounded silently
        (Decimal("0.125"), "CAD", "fr", f"0,125{SP}$"),
        (Decimal("1.234"), "KWD", "en", f"1.234{SP}KWD"),  # no sign known: the ISO code
        (Decimal("1.234"), "KWD", "fr", f"1,234{SP}KWD"),
        (Decimal(5), "EUR", "de", "€5.00"),  # unsupported language: English
    ],
)
def test_format_money(amount: Decimal, currency: str, language: str, text: str) -> None:
    assert format_money(amount, currency, language) == text
    assert isinstance(amount, Decimal)


def test_format_decimal_is_exact() -> None:
    value = Decimal("12345678901234567890.123456789")
    assert format_decimal(value, "en") == "12,345,678,901,234,567,890.123456789"
    assert format_decimal(value, "fr").replace(NNBSP, "") == "12345678901234567890,123456789"
    assert format_decimal(Decimal("-0.5"), "fr") == "-0,5"


def test_group_digits() -> None:
    assert group_digits("1", ",") == "1"
    assert group_digits("123", ",") == "123"
    assert group_digits("1234", ",") == "1,234"
    assert group_digits("1000000000", ",") == "1,000,000,000"


@given(
    st.lists(
        st.sampled_from([*"0123456789", "00", ".", ",", KEY_BACKSPACE, KEY_CLEAR, "x"]),
        max_size=40,
    ),
    st.sampled_from(["XOF", "CAD", "KWD", "EUR"]),
)
def test_any_keystrokes_give_a_valid_or_empty_amount(keys: list[str], currency: str) -> None:
    entry = typed(currency, keys)
    value = entry.value
    if value is None:
        assert entry.is_empty
        return
    assert value <= MAX_AMOUNT
    if entry.chargeable:
        assert validate_amount(value, currency) == value
