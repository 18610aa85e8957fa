"""Request field checks: each returns the clean value or raises the sandbox's :class:`Refusal`.

The body is the decoded JSON object (numbers as ``Decimal``/``int``). Which
refusal code a bad field earns is documented in :mod:`hpos.sandbox.codes`;
the limits below are the sandbox's own (HPAY documents none).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from hpos.sandbox import codes
from hpos.sandbox.accounts import currency_decimals, currency_quantum
from hpos.sandbox.codes import Refusal

#: The largest amount /payment/ accepts, in major units.
MAX_AMOUNT = Decimal(1_000_000_000)
MODES = ("TEST", "PROD")
STATUSES = ("UNPAID", "PAID")
MAX_FETCH_COUNT = 500
DEFAULT_FETCH_LIMIT = "0,50"
MAX_PRODUCT_CHARS = 255
MAX_DESCRIPTION_CHARS = 2000
MAX_URL_CHARS = 2048
_NUMERIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FETCH_LIMIT = re.compile(r"\s*([0-9]{1,9})\s*,\s*([0-9]{1,9})\s*")


def require(body: Mapping[str, Any], *names: str) -> None:
    """Refuse when one of ``names`` is absent or null."""
    for name in names:
        if body.get(name) is None:
            raise Refusal(codes.MISSING_FIELD, f"Missing field: {name}")


def optional_text(body: Mapping[str, Any], name: str, code: int) -> str:
    """A string field, "" when absent; refused with ``code`` when not a string."""
    value = body.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Refusal(code, f"Invalid {name}: expected a string")
    return value


def mode(body: Mapping[str, Any]) -> str:
    """``mode``: "TEST" or "PROD"."""
    value = body.get("mode")
    if value not in MODES:
        raise Refusal(codes.BAD_MODE, "Invalid mode: expected TEST or PROD")
    return str(value)


def amount(value: object, currency: str) -> Decimal:
    """A positive amount with at most the currency's decimals, up to ``MAX_AMOUNT``."""
    bad = "Invalid amount: expected a positive number"
    if isinstance(value, bool):
        raise Refusal(codes.BAD_AMOUNT, bad)
    if isinstance(value, int) or (isinstance(value, str) and _NUMERIC.fullmatch(value)):
        result = Decimal(value)
    elif isinstance(value, Decimal) and value.is_finite():
        result = value
    else:
        raise Refusal(codes.BAD_AMOUNT, bad)
    if result <= 0:
        raise Refusal(codes.BAD_AMOUNT, bad)
    if result > MAX_AMOUNT:
        raise Refusal(codes.BAD_AMOUNT, f"Invalid amount: the maximum is {MAX_AMOUNT}")
    quantum = currency_quantum(currency)
    if result != result.quantize(quantum):
        places = currency_decimals(currency)
        raise Refusal(codes.BAD_AMOUNT, f"Invalid amount: {currency} allows {places} decimals")
    return result.quantize(quantum)


def text_field(body: Mapping[str, Any], name: str, limit: int, *, required: bool) -> str:
    """A free-text field (product_name, description) of at most ``limit`` characters."""
    value = optional_text(body, name, codes.BAD_FIELD)
    if required and not value.strip():
        raise Refusal(codes.BAD_FIELD, f"Invalid {name}: must not be empty")
    if len(value) > limit:
        raise Refusal(codes.BAD_FIELD, f"Invalid {name}: longer than {limit} characters")
    return value


def url(body: Mapping[str, Any], name: str) -> str:
    """An absolute http(s) URL with a host, no whitespace or control characters."""
    value = body.get(name)
    bad = Refusal(codes.BAD_URL, f"Invalid {name}: expected an http(s) URL")
    if not isinstance(value, str) or len(value) > MAX_URL_CHARS:
        raise bad
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise bad
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        raise bad from None
    if parts.scheme not in ("http", "https") or not host:
        raise bad
    return value


def statut(body: Mapping[str, Any]) -> str:
    """The history's ``statut`` filter: "UNPAID", "PAID" or "" (any)."""
    value = optional_text(body, "statut", codes.BAD_STATUT)
    if value and value not in STATUSES:
        raise Refusal(codes.BAD_STATUT, "Invalid statut: expected UNPAID, PAID or empty")
    return value


def day(body: Mapping[str, Any], name: str) -> date | None:
    """A yyyy-mm-dd date field, None when absent or empty."""
    value = optional_text(body, name, codes.BAD_DATE)
    if not value:
        return None
    bad = Refusal(codes.BAD_DATE, f"Invalid {name}: expected yyyy-mm-dd")
    if not _DATE.fullmatch(value):
        raise bad
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad from None


def date_range(body: Mapping[str, Any]) -> tuple[date | None, date | None]:
    """``date_from`` and ``date_to`` (each optional), refused when in the wrong order."""
    date_from, date_to = day(body, "date_from"), day(body, "date_to")
    if date_from and date_to and date_from > date_to:
        raise Refusal(codes.BAD_DATE, "Invalid dates: date_from is after date_to")
    return date_from, date_to


def fetch_limit(body: Mapping[str, Any]) -> tuple[int, int]:
    """``fetch_limit`` "offset,count" (default "0,50") as (offset, count)."""
    value = optional_text(body, "fetch_limit", codes.BAD_FETCH_LIMIT) or DEFAULT_FETCH_LIMIT
    match = _FETCH_LIMIT.fullmatch(value)
    if match is None or not 1 <= int(match.group(2)) <= MAX_FETCH_COUNT:
        raise Refusal(
            codes.BAD_FETCH_LIMIT,
            f'Invalid fetch_limit: expected "offset,count" with count from 1 to {MAX_FETCH_COUNT}',
        )
    return int(match.group(1)), int(match.group(2))


def same_secret(given: object, expected: str) -> bool:
    """Whether a credential field equals ``expected`` (constant time; False if not a string)."""
    if not isinstance(given, str):
        return False
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
