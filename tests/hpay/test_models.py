"""Typed results: the documented examples, refusals, field-level errors, livetime."""

from __future__ import annotations

import copy
import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from hpos.hpay.errors import (
    ApiRefused,
    BadCredentials,
    HpayError,
    ProtocolError,
    TokenInvalid,
)
from hpos.hpay.livetime import parse_livetime
from hpos.hpay.models import (
    Balance,
    HistoryEntry,
    HistoryPage,
    Payment,
    Token,
    check_success,
    parse_balance,
    parse_history,
    parse_payment,
    parse_token,
    sanitize_text,
)
from hpos.hpay.wire import decode_body

DOC = Path(__file__).parents[1] / "fixtures" / "hpay_doc"


def doc(name: str) -> dict[str, Any]:
    return decode_body((DOC / f"{name}.json").read_bytes())


# -- the four documented examples ---------------------------------------------------


def test_documented_get_token() -> None:
    token = parse_token(doc("get_token"))
    assert token == Token(
        value="RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO",
        livetime_seconds=900,
        time_generated=datetime(2025, 9, 20, 15, 42, 35, tzinfo=UTC),
        company="WestSofts INC",
        mode="TEST",
        currency="CAD",
        main_balance=Decimal(50),
        profit_balance=Decimal(100),
    )
    assert token.time_generated is not None
    assert token.time_generated.timestamp() == 1758382955


def test_documented_payment() -> None:
    payment = parse_payment(doc("payment"))
    assert payment == Payment(
        transaction_id="AabBzZ190002AZ",
        amount=Decimal("100"),
        fees=Decimal("0.5"),
        currency="CAD",
        mode="TEST",
        company="WestSofts INC SARL",
        checkout_url="https://checkout.hpay.cash?ref=AabBzZ190002AZ",
        message="Payment URL generated",
    )
    assert isinstance(payment.fees, Decimal)
    assert str(payment.fees) == "0.50"  # CAD has two decimals: normalised at the parse


def test_documented_history() -> None:
    page = parse_history(doc("payment_history"), offset=0, count=50)
    assert page.offset == 0
    assert page.count == 50
    assert not page.has_more
    assert page.entries == (
        HistoryEntry(
            transaction_id="ceXefesOpl",
            amount=Decimal("7000.00"),
            fees=Decimal("700.00"),
            profit=Decimal(6300),
            currency="XOF",
            mode="TEST",
            status="UNPAID",
            product="Amazon Achat de carte cadeau",
            description=(
                "Achat en ligne de Chèques-cadeaux et cartes cadeaux dans un vaste choix "
                "sur la boutique Boutique chèques-cadeaux."
            ),
            payment_link="https://checkout.hpay.cash/?ref=ceXefesOpl",
            date_generated=datetime(2025, 11, 8, 14, 42, 34, tzinfo=UTC),
        ),
    )
    entry = page.entries[0]
    assert str(entry.amount) == "7000"  # HPAY's "7000.00": XOF has no decimals
    assert not entry.is_paid
    assert entry.date_generated.tzinfo is not None


def test_documented_history_in_server_zone() -> None:
    zone = timezone(timedelta(hours=-5))
    page = parse_history(doc("payment_history"), offset=0, count=1, server_tz=zone)
    when = page.entries[0].date_generated
    assert when.utcoffset() == timedelta(hours=-5)
    assert when.astimezone(UTC) == datetime(2025, 11, 8, 19, 42, 34, tzinfo=UTC)
    assert page.has_more  # a full page: there may be another one


def test_history_in_a_zoneinfo_zone() -> None:
    page = parse_history(doc("payment_history"), server_tz=ZoneInfo("Europe/Paris"))
    assert page.entries[0].date_generated.astimezone(UTC).hour == 13


def test_documented_balance() -> None:
    assert parse_balance(doc("collect_balance")) == Balance(
        company="WestSofts INC SARL",
        contact="00000000",
        currency="XOF",
        main_balance=Decimal("0"),
        profit_balance=Decimal("0"),
    )


def test_results_are_frozen() -> None:
    payment = parse_payment(doc("payment"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        payment.amount = Decimal(1)  # type: ignore[misc]


def test_token_value_never_in_repr() -> None:
    token = parse_token(doc("get_token"))
    assert "RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO" not in repr(token)
    assert "RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO" not in str(token)
    assert "RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO" not in repr([token])


# -- check_success ------------------------------------------------------------------


def refusal(message: Any = "Something failed", code: Any = 12) -> dict[str, Any]:
    return {"success": False, "message": message, "error_code": code}


def test_success_true_passes() -> None:
    check_success({"success": True}, "/payment/")


@pytest.mark.parametrize("bad", [{}, {"success": None}, {"success": 1}, {"success": "true"}])
def test_success_missing_or_not_bool(bad: dict[str, Any]) -> None:
    with pytest.raises(ProtocolError, match="'success'"):
        check_success(bad, "/payment/")


@pytest.mark.parametrize("bad", [[], None, "success", [{"success": True}]])
def test_check_success_needs_an_object(bad: Any) -> None:
    with pytest.raises(ProtocolError):
        check_success(bad, "/payment/")


@pytest.mark.parametrize(
    ("endpoint", "message", "cls"),
    [
        ("/getToken/", "Something failed", ApiRefused),
        ("/getToken/", "Token quota reached", ApiRefused),
        ("/getToken/", "Invalid API credentials", BadCredentials),
        ("/getToken/", "Service temporarily unavailable", ApiRefused),
        ("/payment/", "Invalid API key", BadCredentials),
        ("/payment/", "Bad credentials", BadCredentials),
        ("/getCollectBalance/", "Wrong secret", BadCredentials),
        ("/payment/", "Clé publique invalide", BadCredentials),
        ("/payment/", "Invalid token", TokenInvalid),
        ("/getPaymentHistory/", "TOKEN EXPIRED", TokenInvalid),
        ("/getCollectBalance/", "Jeton expiré", TokenInvalid),
        ("/payment/", "Amount too small", ApiRefused),
        ("/getPaymentHistory/", "", ApiRefused),
    ],
)
def test_refusals_are_typed(endpoint: str, message: str, cls: type[ApiRefused]) -> None:
    with pytest.raises(ApiRefused) as info:
        check_success(refusal(message), endpoint)
    assert type(info.value) is cls
    assert info.value.endpoint == endpoint
    assert info.value.api_message == message
    assert info.value.error_code == 12


def test_refusal_message_reads_well() -> None:
    with pytest.raises(ApiRefused) as info:
        check_success(refusal("Amount too small"), "/payment/")
    assert str(info.value) == "HPAY refused the request: Amount too small"
    with pytest.raises(ApiRefused) as info:
        check_success({"success": False}, "/payment/")
    assert str(info.value) == "HPAY refused the request."
    assert info.value.error_code is None
    assert info.value.api_message == ""


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (12, 12),
        (0, 0),
        ("12", 12),
        (" 7 ", 7),
        (Decimal("3"), 3),
        (Decimal("3.0"), 3),
        (Decimal("3.5"), None),
        ("E12", None),
        (True, None),
        (None, None),
        ([], None),
        ("9" * 40, None),
    ],
)
def test_error_code_int_like(code: Any, expected: int | None) -> None:
    with pytest.raises(ApiRefused) as info:
        check_success(refusal("nope", code), "/payment/")
    assert info.value.error_code == expected


def test_refusal_text_is_sanitised_and_capped() -> None:
    nasty = "Refused\x1b[31m\r\nnow\u202e\x00 " + "x" * 500
    with pytest.raises(ApiRefused) as info:
        check_success(refusal(nasty), "/payment/")
    api_message = info.value.api_message
    assert len(api_message) <= 200
    assert api_message.startswith("Refused [31m now ")
    assert all(ch.isprintable() for ch in str(info.value))


@pytest.mark.parametrize("message", [None, 12, ["a"], {"a": 1}])
def test_refusal_with_non_text_message(message: Any) -> None:
    with pytest.raises(ApiRefused) as info:
        check_success(refusal(message), "/payment/")
    assert info.value.api_message == ""


def test_sanitize_text() -> None:
    assert sanitize_text("  a\tb\n\nc  ") == "a b c"
    assert sanitize_text("x" * 300) == "x" * 199 + "…"
    assert sanitize_text("abc", limit=2) == "a…"


@pytest.mark.parametrize(
    ("parser", "endpoint"),
    [
        (lambda o: parse_token(o), "/getToken/"),
        (lambda o: parse_payment(o), "/payment/"),
        (lambda o: parse_history(o, offset=0, count=10), "/getPaymentHistory/"),
        (lambda o: parse_balance(o), "/getCollectBalance/"),
    ],
)
def test_parsers_check_success_first(parser: Any, endpoint: str) -> None:
    with pytest.raises(ApiRefused) as info:
        parser(refusal("Amount too small"))
    assert info.value.endpoint == endpoint


# -- field-level errors -----------------------------------------------------------------


def mutated(name: str, path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    obj = copy.deepcopy(doc(name))
    target = obj
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return obj


DELETE = object()
PARSERS = {
    "get_token": parse_token,
    "payment": parse_payment,
    "payment_history": lambda o: parse_history(o, offset=0, count=50),
    "collect_balance": parse_balance,
}


@pytest.mark.parametrize(
    ("name", "path", "value", "field"),
    [
        ("get_token", ("token",), DELETE, "'token'"),
        ("get_token", ("token",), "  ", "'token'"),
        ("get_token", ("token",), 123, "'token'"),
        ("get_token", ("livetime",), DELETE, "'livetime'"),
        ("get_token", ("livetime",), "forever", "'livetime'"),
        ("get_token", ("livetime",), "0mn", "'livetime'"),
        ("get_token", ("time_generated",), "yesterday", "'time_generated'"),
        ("get_token", ("time_generated",), -1, "'time_generated'"),
        ("get_token", ("time_generated",), 10**15, "'time_generated'"),
        ("get_token", ("company",), ["WestSofts"], "'company'"),
        ("get_token", ("balance",), DELETE, "'balance'"),
        ("get_token", ("balance",), [], "'balance'"),
        ("get_token", ("balance", "currency"), DELETE, "'balance.currency'"),
        ("get_token", ("balance", "currency"), "dollars", "'balance.currency'"),
        ("get_token", ("balance", "main_balance"), "lots", "'balance.main_balance'"),
        ("payment", ("transaction_id",), DELETE, "'transaction_id'"),
        ("payment", ("transaction_id",), "", "'transaction_id'"),
        ("payment", ("amount",), DELETE, "'amount'"),
        ("payment", ("amount",), "1e3", "'amount'"),
        ("payment", ("amount",), True, "'amount'"),
        ("payment", ("fees",), "-1", "'fees'"),
        ("payment", ("currency",), 124, "'currency'"),
        ("payment", ("checkout_url",), DELETE, "'checkout_url'"),
        ("payment", ("checkout_url",), "", "'checkout_url'"),
        ("payment", ("checkout_url",), {"url": "x"}, "'checkout_url'"),
        ("payment", ("mode",), 1, "'mode'"),
        ("payment_history", ("history",), DELETE, "'history'"),
        ("payment_history", ("history",), {"0": {}}, "'history'"),
        ("payment_history", ("history",), "none", "'history'"),
        ("payment_history", ("history", 0), [], "'history[0]'"),
        ("payment_history", ("history", 0), "entry", "'history[0]'"),
        ("payment_history", ("history", 0, "status"), "", "'history[0].status'"),
        ("payment_history", ("history", 0, "status"), DELETE, "'history[0].status'"),
        ("payment_history", ("history", 0, "status"), 1, "'history[0].status'"),
        ("payment_history", ("history", 0, "amount"), None, "'history[0].amount'"),
        ("payment_history", ("history", 0, "profit"), [6300], "'history[0].profit'"),
        ("payment_history", ("history", 0, "date_generated"), DELETE, "date_generated"),
        ("payment_history", ("history", 0, "date_generated"), "08/11/2025", "date_generated"),
        ("payment_history", ("history", 0, "date_generated"), "0000-00-00 00:00:00", "date_"),
        ("payment_history", ("history", 0, "date_generated"), 1758382955, "date_generated"),
        ("collect_balance", ("main_balance",), DELETE, "'main_balance'"),
        ("collect_balance", ("profit_balance",), "NaN", "'profit_balance'"),
        ("collect_balance", ("entreprise_currency",), DELETE, "'entreprise_currency'"),
        ("collect_balance", ("entreprise_name",), 5.5, "'entreprise_name'"),
    ],
)
def test_bad_fields_name_the_field(
    name: str, path: tuple[Any, ...], value: Any, field: str
) -> None:
    with pytest.raises(ProtocolError) as info:
        PARSERS[name](mutated(name, path, value))
    assert field in str(info.value)


def test_second_history_entry_is_named() -> None:
    obj = doc("payment_history")
    second = dict(obj["history"][0], amount="lots")
    obj["history"].append(second)
    with pytest.raises(ProtocolError, match=r"'history\[1\]\.amount'"):
        parse_history(obj, offset=0, count=50)


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_a_list_where_the_answer_belongs(name: str) -> None:
    with pytest.raises(ProtocolError):
        PARSERS[name]([doc(name)])


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_unknown_fields_are_ignored(name: str) -> None:
    obj = doc(name)
    obj["new_field"] = {"anything": [1, 2]}
    assert PARSERS[name](obj) == PARSERS[name](doc(name))


def test_strings_are_stripped_and_codes_upper_cased() -> None:
    obj = doc("payment")
    obj.update(
        transaction_id="  AabBzZ190002AZ\n",
        currency=" cad ",
        mode="test",
        checkout_url=" https://checkout.hpay.cash?ref=AabBzZ190002AZ ",
    )
    payment = parse_payment(obj)
    assert payment.transaction_id == "AabBzZ190002AZ"
    assert payment.currency == "CAD"
    assert payment.mode == "TEST"
    assert payment.checkout_url == "https://checkout.hpay.cash?ref=AabBzZ190002AZ"


def test_optional_fields_may_be_missing() -> None:
    obj = {
        "success": True,
        "token": "abcdefgh",
        "livetime": 900,
        "balance": {"currency": "XOF"},
    }
    token = parse_token(obj)
    assert token.time_generated is None
    assert token.company == ""
    assert token.mode == ""
    assert token.main_balance is None
    assert token.profit_balance is None
    payment = parse_payment(
        {
            "success": True,
            "transaction_id": 12345,
            "amount": 100,
            "currency": "XOF",
            "checkout_url": "https://checkout.hpay.cash?ref=1",
            "fees": None,
        }
    )
    assert payment.transaction_id == "12345"
    assert payment.fees is None
    assert payment.message == ""


def test_time_generated_as_numeric_string() -> None:
    obj = doc("get_token")
    obj["time_generated"] = "1758382955"
    token = parse_token(obj)
    assert token.time_generated == datetime(2025, 9, 20, 15, 42, 35, tzinfo=UTC)


def test_history_status_upper_cased_and_is_paid() -> None:
    obj = doc("payment_history")
    obj["history"][0]["status"] = " paid "
    entry = parse_history(obj, offset=0, count=50).entries[0]
    assert entry.status == "PAID"
    assert entry.is_paid


def test_history_date_variants() -> None:
    obj = doc("payment_history")
    obj["history"][0]["date_generated"] = "2025-11-08T14:42:34+01:00"
    entry = parse_history(obj, offset=0, count=50).entries[0]
    assert entry.date_generated.astimezone(UTC) == datetime(2025, 11, 8, 13, 42, 34, tzinfo=UTC)


def test_empty_history_is_fine() -> None:
    page = parse_history({"success": True, "history": []}, offset=100, count=50)
    assert page == HistoryPage(entries=(), offset=100, count=50)
    assert not page.has_more


@pytest.mark.parametrize(
    ("entries", "count", "more"), [(0, 50, False), (49, 50, False), (50, 50, True), (1, 0, False)]
)
def test_has_more(entries: int, count: int, more: bool) -> None:
    entry = parse_history(doc("payment_history"), offset=0, count=50).entries[0]
    assert HistoryPage(entries=(entry,) * entries, offset=0, count=count).has_more is more


def test_contact_may_be_a_number() -> None:
    obj = doc("collect_balance")
    obj["entreprise_contact"] = 22507000000
    assert parse_balance(obj).contact == "22507000000"


def test_all_errors_are_hpay_errors() -> None:
    assert issubclass(ProtocolError, HpayError)
    assert issubclass(ApiRefused, HpayError)


# -- livetime ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("15mn", 900),
        ("15 mn", 900),
        ("15MN", 900),
        ("15 min", 900),
        ("15 minutes", 900),
        ("15m", 900),
        ("900s", 900),
        ("900 sec", 900),
        ("900 seconds", 900),
        ("1h", 3600),
        ("1 h", 3600),
        ("24h", 86400),
        ("900", 900),
        (" 900 ", 900),
        (900, 900),
        (Decimal("900"), 900),
        ("1 mn.", 60),
    ],
)
def test_livetime_accepted(text: object, seconds: int) -> None:
    assert parse_livetime(text) == seconds


@pytest.mark.parametrize(
    "text",
    [
        "",
        "mn",
        "forever",
        "15 parsecs",
        "15mn30",
        "1.5h",
        "-15mn",
        "0mn",
        "0",
        0,
        -900,
        "25h",
        86401,
        "9999999999",
        True,
        None,
        15.0,
        Decimal("900.5"),
        Decimal("NaN"),
        Decimal("1E+99"),
        ["15mn"],
    ],
)
def test_livetime_refused(text: object) -> None:
    with pytest.raises(ProtocolError, match="'livetime'"):
        parse_livetime(text)
