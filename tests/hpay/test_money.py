"""Money rules: ISO 4217 exponents, caller-amount validation, JSON text, API amounts."""

from __future__ import annotations

import logging
from decimal import Decimal, localcontext

import pytest

from hpos.hpay import money
from hpos.hpay.errors import InvalidAmount, InvalidRequest, ProtocolError
from hpos.hpay.money import (
    MAX_AMOUNT,
    amount_json,
    currency_decimals,
    decimal_places,
    format_amount,
    is_known_currency,
    parse_api_amount,
    validate_amount,
)

# -- ISO 4217 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "places"),
    [
        ("XOF", 0),
        ("XAF", 0),
        ("GNF", 0),
        ("JPY", 0),
        ("KRW", 0),
        ("VND", 0),
        ("CLP", 0),
        ("ISK", 0),
        ("BHD", 3),
        ("KWD", 3),
        ("JOD", 3),
        ("OMR", 3),
        ("TND", 3),
        ("IQD", 3),
        ("LYD", 3),
        ("CLF", 4),
        ("UYW", 4),
        ("CAD", 2),
        ("EUR", 2),
        ("USD", 2),
        ("GBP", 2),
        ("CHF", 2),
        ("NGN", 2),
        ("MAD", 2),
        ("CDF", 2),
        ("GHS", 2),
    ],
)
def test_currency_decimals_follow_iso_4217(code: str, places: int) -> None:
    assert currency_decimals(code) == places
    assert is_known_currency(code)


def test_currency_code_is_case_and_space_insensitive() -> None:
    assert currency_decimals(" xof ") == 0
    assert is_known_currency("cad")


def test_table_is_a_full_active_list() -> None:
    table = money._DECIMALS
    assert len(table) >= 150
    assert all(len(code) == 3 and code.isalpha() and code.isupper() for code in table)
    for withdrawn_or_not_money in ("HRK", "XAU", "XDR", "XXX", "XTS"):
        assert not is_known_currency(withdrawn_or_not_money)


def test_unknown_currency_is_two_decimals_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    code = "QZJ"
    money._warned.discard(code)
    with caplog.at_level(logging.WARNING, logger="hpos.hpay.money"):
        assert currency_decimals(code) == 2
        assert currency_decimals(code.lower()) == 2
        assert currency_decimals(code) == 2
    warnings = [r for r in caplog.records if "QZJ" in r.getMessage()]
    assert len(warnings) == 1
    assert not is_known_currency(code)


def test_decimal_places_is_exact_and_context_free() -> None:
    assert decimal_places(Decimal("12.50")) == 1
    assert decimal_places(Decimal("100.0")) == 0
    assert decimal_places(Decimal("1E+3")) == 0
    assert decimal_places(Decimal("0.001")) == 3
    long = Decimal("1." + "0" * 40 + "1")
    with localcontext() as ctx:
        ctx.prec = 5
        assert decimal_places(long) == 41


# -- validate_amount ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        (Decimal("14900"), "XOF", Decimal("14900")),
        (14900, "XOF", Decimal("14900")),
        ("14900", "XOF", Decimal("14900")),
        ("100.0", "XOF", Decimal("100")),
        ("12.50", "CAD", Decimal("12.50")),
        ("12.5", "CAD", Decimal("12.50")),
        (" 12.5 ", "CAD", Decimal("12.50")),
        (Decimal("0.01"), "CAD", Decimal("0.01")),
        (Decimal("1.234"), "KWD", Decimal("1.234")),
        (Decimal("1E+3"), "XOF", Decimal("1000")),
        (MAX_AMOUNT, "XOF", MAX_AMOUNT),
        ("1000000000.00", "CAD", Decimal("1000000000.00")),
        (Decimal("0.0001"), "CLF", Decimal("0.0001")),
    ],
)
def test_validate_amount_accepts(value: object, currency: str, expected: Decimal) -> None:
    result = validate_amount(value, currency)  # type: ignore[arg-type]
    assert isinstance(result, Decimal)
    assert result == expected
    assert str(result) == str(expected)


@pytest.mark.parametrize(
    ("value", "currency", "words"),
    [
        (12.5, "CAD", "float"),
        (100.0, "XOF", "float"),
        (True, "XOF", "true/false"),
        (False, "XOF", "true/false"),
        (0, "XOF", "greater than zero"),
        (-5, "XOF", "greater than zero"),
        (Decimal("0.00"), "CAD", "greater than zero"),
        (Decimal("-0"), "CAD", "greater than zero"),
        ("-12", "CAD", "plain number"),
        ("100.5", "XOF", "more decimals than XOF allows (0)"),
        (Decimal("12.345"), "CAD", "more decimals than CAD allows (2)"),
        ("1.2345", "KWD", "more decimals than KWD allows (3)"),
        (Decimal("1." + "0" * 40 + "1"), "XOF", "more decimals"),
        (1_000_000_001, "XOF", "too large"),
        ("1000000000.01", "CAD", "too large"),
        (Decimal("NaN"), "CAD", "real number"),
        (Decimal("sNaN"), "CAD", "real number"),
        (Decimal("Infinity"), "CAD", "real number"),
        ("NaN", "CAD", "plain number"),
        ("Infinity", "CAD", "plain number"),
        ("inf", "CAD", "plain number"),
        ("1e3", "XOF", "plain number"),
        ("1E3", "XOF", "plain number"),
        ("12,50", "CAD", "dot as the decimal separator"),
        ("1,000", "XOF", "dot as the decimal separator"),
        ("12.", "CAD", "plain number"),
        (".5", "CAD", "plain number"),
        ("+5", "CAD", "plain number"),
        ("0x10", "XOF", "plain number"),
        ("1_000", "XOF", "plain number"),
        ("١٢", "XOF", "plain number"),  # Arabic-Indic digits: Decimal() would accept them
        ("", "XOF", "Enter an amount"),
        ("   ", "XOF", "Enter an amount"),
        (None, "XOF", "must be a number"),
        ([1], "XOF", "must be a number"),
    ],
)
def test_validate_amount_refuses(value: object, currency: str, words: str) -> None:
    with pytest.raises(InvalidAmount) as info:
        validate_amount(value, currency)  # type: ignore[arg-type]
    assert words in str(info.value)
    assert isinstance(info.value, InvalidRequest)
    assert isinstance(info.value, ValueError)


def test_decimal_message_reads_well() -> None:
    with pytest.raises(
        InvalidAmount, match=r"^This amount has more decimals than XOF allows \(0\)\.$"
    ):
        validate_amount("100.5", "XOF")


def test_validate_amount_ignores_callers_decimal_context() -> None:
    with localcontext() as ctx:
        ctx.prec = 3
        assert validate_amount("123456.78", "CAD") == Decimal("123456.78")
        with pytest.raises(InvalidAmount):
            validate_amount("123456.789", "CAD")


# -- amount_json ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (Decimal("14900"), "XOF", "14900"),
        (Decimal("100.00"), "CAD", "100"),
        (Decimal("100"), "CAD", "100"),
        (Decimal("12.5"), "CAD", "12.50"),
        (Decimal("12.50"), "CAD", "12.50"),
        (Decimal("0.01"), "CAD", "0.01"),
        (Decimal("1.5"), "KWD", "1.500"),
        (Decimal("1E+3"), "XOF", "1000"),
        (Decimal("1000000000"), "XOF", "1000000000"),
        (Decimal("0.1"), "CLF", "0.1000"),
    ],
)
def test_amount_json_is_exact(amount: Decimal, currency: str, text: str) -> None:
    assert amount_json(amount, currency) == text


@pytest.mark.parametrize(
    "bad", [12.5, Decimal("NaN"), Decimal("0"), Decimal("-1"), Decimal("100.5"), MAX_AMOUNT + 1]
)
def test_amount_json_refuses_what_validate_refuses(bad: object) -> None:
    with pytest.raises(InvalidAmount):
        amount_json(bad, "XOF")  # type: ignore[arg-type]


# -- format_amount ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        (Decimal("14900"), "XOF", "14900 XOF"),
        (Decimal("7000.00"), "XOF", "7000 XOF"),
        (Decimal("12.5"), "CAD", "12.50 CAD"),
        (Decimal("0.5"), "cad", "0.50 CAD"),
        (Decimal("0"), "XOF", "0 XOF"),
        (Decimal("1.005"), "CAD", "1.005 CAD"),  # never silently rounded
        (Decimal("1E+3"), "XOF", "1000 XOF"),
    ],
)
def test_format_amount(amount: Decimal, currency: str, text: str) -> None:
    assert format_amount(amount, currency) == text


# -- parse_api_amount --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7000.00", Decimal("7000.00")),
        (14900, Decimal("14900")),
        ("100", Decimal("100")),
        (Decimal("0.5"), Decimal("0.5")),
        ("0", Decimal("0")),
        (0, Decimal("0")),
        (" 12.50\n", Decimal("12.50")),
        ("12.", Decimal("12")),
        (".5", Decimal("0.5")),
        ("-0", Decimal("0")),
        (Decimal("-0.0"), Decimal("0")),
        (Decimal("1E+3"), Decimal("1000")),
        (10**12, Decimal(10**12)),
        ("0.30000000000000004", Decimal("0.30000000000000004")),
    ],
)
def test_parse_api_amount_accepts(value: object, expected: Decimal) -> None:
    result = parse_api_amount(value, "amount")
    assert isinstance(result, Decimal)
    assert result == expected
    assert not result.is_signed()


def test_parse_api_amount_keeps_the_digits_hpay_sent() -> None:
    assert str(parse_api_amount("7000.00", "amount")) == "7000.00"


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        False,
        0.5,
        float("nan"),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("-Infinity"),
        "NaN",
        "Infinity",
        "1e3",
        "1E3",
        "-5",
        -5,
        Decimal("-0.01"),
        "",
        "   ",
        ".",
        "1.2.3",
        "12,50",
        "0x10",
        "١٢",
        "1" * 100,
        [],
        [1],
        {},
        {"value": 1},
        10**12 + 1,
        "1000000000001",
        Decimal("1E+13"),
        Decimal("1E+999999999"),
        Decimal("1E-30"),
        b"100",
    ],
)
def test_parse_api_amount_refuses(value: object) -> None:
    with pytest.raises(ProtocolError) as info:
        parse_api_amount(value, "history[0].fees")
    message = str(info.value)
    assert "'history[0].fees'" in message
    if isinstance(value, str) and len(value) > 3:
        assert value.strip() not in message


def test_money_has_no_float_anywhere() -> None:
    source = money.__file__
    with open(source, encoding="utf-8") as handle:
        text = handle.read()
    assert "float(" not in text
