"""Wire format: exact JSON numbers out, Decimals in, one clear error per kind of junk."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.hpay.errors import InvalidRequest, ProtocolError
from hpos.hpay.wire import decode_body, encode_body

DOC = Path(__file__).parents[1] / "fixtures" / "hpay_doc"

# -- encode_body ----------------------------------------------------------------------


def test_encode_writes_decimals_as_raw_numbers() -> None:
    raw = encode_body({"amount": Decimal("14900"), "other": Decimal("12.50")})
    assert raw == b'{"amount":14900,"other":12.50}'


def test_encode_never_goes_through_float() -> None:
    # 0.1 + 0.2 as floats would print 0.30000000000000004; 20 significant digits survive.
    raw = encode_body({"amount": Decimal("12345678901234567.89")})
    assert raw == b'{"amount":12345678901234567.89}'
    assert encode_body({"amount": Decimal("1E+3")}) == b'{"amount":1000}'


def test_encode_types() -> None:
    raw = encode_body({"s": "x", "n": None, "i": 14900, "t": True, "f": False})
    assert raw == b'{"s":"x","n":null,"i":14900,"t":true,"f":false}'


def test_encode_escapes_text_and_keeps_utf8() -> None:
    text = 'Sac d\'école "4-10 ans"\\ \n\t\x00 </script> 💳'
    raw = encode_body({"description": text})
    assert json.loads(raw.decode("utf-8")) == {"description": text}
    assert "école".encode() in raw
    assert b"\n" not in raw


def test_encode_matches_the_documented_request_shape() -> None:
    body = {
        "api_key": "91265Y.190DE10.967ZAA",
        "mode": "TEST",
        "amount": Decimal("14900"),
        "product_name": "Achat de sac pour enfant",
    }
    decoded = json.loads(encode_body(body), parse_float=Decimal)
    assert decoded == {**body, "amount": 14900}
    assert isinstance(decoded["amount"], int)


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity")])
def test_encode_refuses_non_finite_decimals(bad: Decimal) -> None:
    with pytest.raises(InvalidRequest):
        encode_body({"amount": bad})


def test_encode_refuses_float_and_other_types() -> None:
    with pytest.raises(TypeError, match="float"):
        encode_body({"amount": 12.5})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        encode_body({"x": [1]})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        encode_body({1: "x"})  # type: ignore[dict-item]


def test_encode_refuses_lone_surrogates() -> None:
    with pytest.raises(InvalidRequest):
        encode_body({"description": "bad \ud800 text"})


# -- decode_body ----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in DOC.glob("*.json")))
def test_decode_documented_examples(name: str) -> None:
    obj = decode_body((DOC / name).read_bytes(), content_type="application/json")
    assert obj["success"] is True


def test_decode_numbers_are_decimal_or_int_never_float() -> None:
    obj = decode_body(b'{"fees": 0.5, "amount": 14900, "s": "7000.00", "e": 1e3}')
    assert obj == {"fees": Decimal("0.5"), "amount": 14900, "s": "7000.00", "e": Decimal("1E+3")}
    assert isinstance(obj["fees"], Decimal)
    assert type(obj["amount"]) is int


def test_decode_tolerates_whitespace_bom_and_charset() -> None:
    raw = b'\xef\xbb\xbf \r\n{"success": true}\n'
    assert decode_body(raw, content_type="application/json; charset=utf-8") == {"success": True}


def test_decode_accepts_json_labelled_as_html() -> None:
    # PHP's default Content-Type is text/html; a valid JSON object is still data.
    assert decode_body(b'{"success": true}', content_type="text/html") == {"success": True}


def test_decode_accepts_bytearray_and_memoryview() -> None:
    assert decode_body(bytearray(b'{"a": 1}')) == {"a": 1}
    assert decode_body(memoryview(b'{"a": 1}')) == {"a": 1}


def test_duplicated_keys_last_wins() -> None:
    assert decode_body(b'{"success": false, "success": true}') == {"success": True}


@pytest.mark.parametrize(
    ("raw", "content_type", "words"),
    [
        (b"", None, "empty answer"),
        (b"  \r\n ", None, "empty answer"),
        (b"\xef\xbb\xbf", None, "empty answer"),
        (b"<html><body>502 Bad Gateway</body></html>", None, "web page instead of data"),
        (b"<!DOCTYPE html><html>", "application/json", "web page instead of data"),
        (b"  <?xml version='1.0'?>", None, "web page instead of data"),
        (b"Bad Gateway", "text/html; charset=utf-8", "web page instead of data"),
        (b"\xff\xfe{\x00}\x00", None, "not valid UTF-8"),
        (b'{"message": "caf\xe9"}', None, "not valid UTF-8"),
        (b'{"success": true, "token": "abc', None, "cut short"),
        (b'{"success": true,', None, "cut short"),
        (b'{"success": tr', None, "cut short"),
        (b'{"a": [1, 2', None, "cut short"),
        (b"Bad Gateway", None, "not valid JSON"),
        (b'{"a": 1}}', None, "not valid JSON"),
        (b"{'a': 1}", None, "not valid JSON"),
        (b'{"a": 01}', None, "not valid JSON"),
        (b'{"a": NaN}', None, "NaN"),
        (b'{"a": Infinity}', None, "Infinity"),
        (b'{"a": -Infinity}', None, "-Infinity"),
        (b"[1, 2]", None, "not a JSON object"),
        (b'"success"', None, "not a JSON object"),
        (b"null", None, "not a JSON object"),
        (b"true", None, "not a JSON object"),
        (b"14900", None, "not a JSON object"),
        (b'{"a": ' + b"1" * 5000 + b"}", None, "number that cannot be read"),
    ],
)
def test_decode_refuses_with_a_distinct_message(
    raw: bytes, content_type: str | None, words: str
) -> None:
    with pytest.raises(ProtocolError) as info:
        decode_body(raw, content_type=content_type)
    assert words in str(info.value)


def test_messages_are_distinct() -> None:
    samples = [b"", b"<html>", b"\xff", b'{"a": 1', b"nope", b'{"a": NaN}', b"[]"]
    messages = set()
    for raw in samples:
        with pytest.raises(ProtocolError) as info:
            decode_body(raw)
        messages.add(str(info.value))
    assert len(messages) == len(samples)


def test_message_never_echoes_the_body() -> None:
    secret = b"RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO"
    for raw in (b'{"token": "' + secret, b"garbage " + secret, b"<p>" + secret):
        with pytest.raises(ProtocolError) as info:
            decode_body(raw)
        assert secret.decode() not in str(info.value)


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_nesting_is_a_protocol_error_not_a_crash(depth: int) -> None:
    with pytest.raises(ProtocolError):
        decode_body(b"[" * depth + b"]" * depth)
    with pytest.raises(ProtocolError):
        decode_body(b'{"a":' * depth + b"1" + b"}" * depth)


def test_errors_do_not_chain_internal_exceptions() -> None:
    with pytest.raises(ProtocolError) as info:
        decode_body(b'{"a": 1')
    assert info.value.__cause__ is None
    assert info.value.__suppress_context__
