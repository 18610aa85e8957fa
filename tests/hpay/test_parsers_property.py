"""Property: whatever HPAY (or the network) sends, parsing ends in a typed result or an HpayError.

Arbitrary JSON values, documented answers with arbitrary values swapped in, and
arbitrary bytes are fed to ``decode_body``, ``check_success`` and every parser;
anything other than a result or an :class:`HpayError` subclass (a KeyError, a
TypeError, a decimal.InvalidOperation, an OverflowError...) fails the test.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable
from datetime import UTC, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hpos.hpay.errors import HpayError
from hpos.hpay.livetime import parse_livetime
from hpos.hpay.models import (
    Balance,
    HistoryPage,
    Payment,
    Token,
    check_success,
    parse_balance,
    parse_history,
    parse_payment,
    parse_token,
)
from hpos.hpay.money import format_amount, parse_api_amount
from hpos.hpay.wire import decode_body, encode_body

DOC = Path(__file__).parents[1] / "fixtures" / "hpay_doc"
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FAR_WEST = timezone(-timedelta(hours=12))
ENDPOINTS = ["/getToken/", "/payment/", "/getPaymentHistory/", "/getCollectBalance/"]
PARSERS: list[tuple[Callable[[Any], Any], type]] = [
    (parse_token, Token),
    (parse_payment, Payment),
    (lambda o: parse_history(o, offset=0, count=50), HistoryPage),
    (lambda o: parse_history(o, offset=0, count=50, server_tz=FAR_WEST), HistoryPage),
    (parse_balance, Balance),
]

decimals = st.decimals(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [Decimal("1E+999999"), Decimal("1E-999999"), Decimal("-0"), Decimal("0.5"), Decimal("sNaN")]
)
texts = st.text(max_size=30) | st.sampled_from(
    ["", " ", "7000.00", "100", "1e3", "NaN", "-5", "15mn", "0mn", "PAID", "CAD", "cad", "XOF",
     "2025-11-08 14:42:34", "0000-00-00 00:00:00", "9999-12-31 23:59:59", "1758382955",
     "https://checkout.hpay.cash?ref=x", "Invalid token", "bad key"]
)  # fmt: skip
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | decimals
    | texts
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=10) | texts, children, max_size=4)
    ),
    max_leaves=20,
)


def _documented(name: str) -> dict[str, Any]:
    return decode_body((DOC / f"{name}.json").read_bytes())


DOCS = [_documented(n) for n in ("get_token", "payment", "payment_history", "collect_balance")]
KEYS = sorted(
    {key for d in DOCS for key in d} | set(DOCS[0]["balance"]) | set(DOCS[2]["history"][0])
)


def _first_entry(base: dict[str, Any]) -> Any:
    history = base.get("history")
    if isinstance(history, list) and history and isinstance(history[0], dict):
        return history[0]
    return None


@st.composite
def documented_shapes(draw: st.DrawFn) -> Any:
    """A documented answer with some of its values (top level or nested) replaced."""
    base = copy.deepcopy(draw(st.sampled_from(DOCS)))
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=4)):
        value = draw(json_values)
        target = draw(st.sampled_from(["top", "balance", "entry"]))
        if target == "balance" and isinstance(base.get("balance"), dict):
            base["balance"][key] = value
        elif target == "entry" and _first_entry(base) is not None:
            _first_entry(base)[key] = value
        else:
            base[key] = value
    if draw(st.booleans()):
        base.pop(draw(st.sampled_from(KEYS)), None)
    if draw(st.booleans()):
        base["success"] = draw(st.booleans() | json_values)
    return base


def _run_all(obj: Any) -> None:
    for endpoint in ENDPOINTS:
        with contextlib.suppress(HpayError):
            check_success(obj, endpoint)
    for parser, result_type in PARSERS:
        try:
            result = parser(obj)
        except HpayError:
            continue
        assert isinstance(result, result_type)
        _check_result(result)


def _check_result(result: Any) -> None:
    """Typed results hold only Decimals for money and aware datetimes; never floats."""
    entries = result.entries if isinstance(result, HistoryPage) else (result,)
    for entry in entries:
        for name in ("amount", "fees", "profit", "main_balance", "profit_balance"):
            value = getattr(entry, name, None)
            assert value is None or (isinstance(value, Decimal) and value.is_finite())
            if value is not None:
                assert value >= 0
                format_amount(value, getattr(entry, "currency", "XOF"))
        when = getattr(entry, "date_generated", None) or getattr(entry, "time_generated", None)
        if when is not None:
            assert when.tzinfo is not None
            when.astimezone(UTC)
    if isinstance(result, Token):
        assert result.value not in repr(result)


@SETTINGS
@given(json_values)
def test_arbitrary_json_values(obj: Any) -> None:
    _run_all(obj)


@SETTINGS
@given(documented_shapes())
def test_documented_shapes_with_arbitrary_values(obj: Any) -> None:
    _run_all(obj)


@SETTINGS
@given(st.binary(max_size=200))
def test_arbitrary_bytes(raw: bytes) -> None:
    try:
        result = decode_body(raw)
    except HpayError:
        return
    assert isinstance(result, dict)
    _run_all(result)


@SETTINGS
@given(
    st.one_of(
        st.binary(max_size=100),
        documented_shapes().map(lambda o: json.dumps(o, default=str).encode("utf-8")),
        st.sampled_from([b'{"a":', b'{"success":tr', b"<html>", b"[" * 5000, b"\xef\xbb\xbf"]),
    ).flatmap(lambda raw: st.integers(0, len(raw)).map(lambda cut: raw[:cut])),
    st.sampled_from([None, "application/json", "text/html; charset=utf-8", ""]),
)
def test_truncated_bodies(raw: bytes, content_type: str | None) -> None:
    try:
        result = decode_body(raw, content_type=content_type)
    except HpayError:
        return
    _run_all(result)


@SETTINGS
@given(json_values)
def test_amounts_and_livetime(value: Any) -> None:
    for function in (lambda v: parse_api_amount(v, "amount"), parse_livetime):
        with contextlib.suppress(HpayError):
            function(value)


@SETTINGS
@given(st.dictionaries(st.text(max_size=10), scalars.filter(lambda v: not isinstance(v, Decimal))))
def test_encode_decode_round_trip(body: dict[str, Any]) -> None:
    try:
        raw = encode_body(body)
    except HpayError:
        return
    assert decode_body(raw) == body
