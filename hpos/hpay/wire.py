"""JSON bodies on the wire: exact numbers out, Decimals in, clear errors for junk.

``encode_body`` writes a flat JSON object; a :class:`~decimal.Decimal` becomes a
raw JSON number with its exact digits (callers pre-format amounts with
``money.amount_json`` semantics), never through ``float``. ``decode_body``
reads HPAY's answer with JSON fractions as Decimal and turns every kind of
garbage a real network produces into a :class:`ProtocolError` with its own
message.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from hpos.hpay.errors import InvalidRequest, ProtocolError

__all__ = ["decode_body", "encode_body"]

_WEB_PAGE = "HPAY answered with a web page instead of data."
_WHITESPACE = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"


def _encode_value(key: str, value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidRequest(f"The value of '{key}' is not a finite number.")
        return format(value, "f")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidRequest(f"The text of '{key}' contains invalid characters.") from None
        return json.dumps(value, ensure_ascii=False)
    raise TypeError(f"cannot encode {type(value).__name__} for '{key}' (float is never allowed)")


def encode_body(body: Mapping[str, str | int | Decimal | None]) -> bytes:
    """Encode a flat request body as compact UTF-8 JSON; Decimals as exact numbers."""
    parts = []
    for key, value in body.items():
        if not isinstance(key, str):
            raise TypeError("JSON object keys must be str")
        parts.append(f"{json.dumps(key, ensure_ascii=False)}:{_encode_value(key, value)}")
    return ("{" + ",".join(parts) + "}").encode("utf-8")


def _refuse_constant(name: str) -> Any:
    raise ProtocolError(f"HPAY's answer contains {name}, which is not a number.")


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media in ("text/html", "application/xhtml+xml")


def _cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """Does the JSON error look like the end of a body that was cut off?"""
    rest = text[exc.pos :]
    if exc.msg.startswith("Unterminated string") or not rest.strip():
        return True
    return rest in ("-", ".") or any(w.startswith(rest) for w in ("true", "false", "null"))


def decode_body(raw: bytes, *, content_type: str | None = None) -> dict[str, Any]:
    """Decode HPAY's answer into a dict; JSON fractions come back as Decimal, ints as int.

    A ``text/html`` content type alone is not fatal (PHP servers often label
    JSON that way); it only chooses the message when the body is not JSON.
    """
    data = bytes(raw).strip(_WHITESPACE)
    if data.startswith(_BOM):
        data = data[len(_BOM) :].strip(_WHITESPACE)
    if not data:
        raise ProtocolError("HPAY sent an empty answer.")
    if data.startswith(b"<"):
        raise ProtocolError(_WEB_PAGE)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if _is_html(content_type):
            raise ProtocolError(_WEB_PAGE) from None
        raise ProtocolError("HPAY's answer is not valid UTF-8 text.") from None
    try:
        obj = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        if _is_html(content_type):
            raise ProtocolError(_WEB_PAGE) from None
        if _cut_short(text, exc):
            raise ProtocolError("HPAY's answer was cut short (incomplete JSON).") from None
        raise ProtocolError("HPAY's answer is not valid JSON.") from None
    except RecursionError:
        raise ProtocolError("HPAY's answer is nested too deeply to read.") from None
    except ValueError:  # e.g. an integer longer than Python's digit limit
        raise ProtocolError("HPAY's answer contains a number that cannot be read.") from None
    if not isinstance(obj, dict):
        raise ProtocolError("HPAY's answer is not a JSON object.")
    return obj
