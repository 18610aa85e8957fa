"""Typed HPAY results (frozen dataclasses) and their parsers from decoded JSON.

Every parser first runs :func:`check_success`, so ``success: false`` becomes a
typed :class:`ApiRefused`. Then it reads the fields HPAY-API.md documents:
fields the till relies on (ids, amounts, currencies, the token, the checkout
URL, dates) are required; descriptive text (company, mode, product...) and
fees/profit default to ``""`` / ``None`` when absent, so a cosmetic omission
never turns a created payment into an error. A field of the wrong type is a
:class:`ProtocolError` naming it; unknown fields are ignored; strings are
stripped. Amounts are parsed by :func:`hpos.hpay.money.parse_api_amount` and then
written with their currency's decimals (:func:`hpos.hpay.money.normalize_amount`): the one
place where HPAY's "700.00" XOF (history) and ``0.5`` CAD (a /payment/ answer) become
``700`` and ``0.50``, so every output after it shows the same digits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from typing import Any

from hpos.hpay.errors import ApiRefused, BadCredentials, ProtocolError, TokenInvalid
from hpos.hpay.livetime import parse_livetime
from hpos.hpay.money import normalize_amount, parse_api_amount

__all__ = [
    "Balance",
    "HistoryEntry",
    "HistoryPage",
    "Payment",
    "Token",
    "check_success",
    "parse_balance",
    "parse_history",
    "parse_payment",
    "parse_token",
    "sanitize_text",
]

#: Longest piece of HPAY's own text we keep (refusal messages).
API_MESSAGE_LIMIT = 200
_MAX_EPOCH = 32_503_680_000  # 3000-01-01 UTC
_MIN_YEAR, _MAX_YEAR = 1970, 2999  # keeps time-zone conversions far from datetime's limits
_CREDENTIAL_WORDS = ("credential", "key", "secret", "identifiant", "clé", "clef")
_TOKEN_WORDS = ("token", "jeton")
_CURRENCY = re.compile(r"[A-Za-z]{3}")
_SERVER_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_INT_TEXT = re.compile(r"[+-]?[0-9]{1,12}")


@dataclass(frozen=True, slots=True)
class Token:
    """A token from /getToken/, with the account's currency and balances."""

    value: str = field(repr=False)
    livetime_seconds: int
    time_generated: datetime | None
    company: str
    mode: str
    currency: str
    main_balance: Decimal | None
    profit_balance: Decimal | None


@dataclass(frozen=True, slots=True)
class Payment:
    """A payment created by /payment/; ``checkout_url`` is unchecked here."""

    transaction_id: str
    amount: Decimal
    fees: Decimal | None
    currency: str
    mode: str
    company: str
    checkout_url: str
    message: str


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of /getPaymentHistory/; ``date_generated`` is timezone-aware."""

    transaction_id: str
    amount: Decimal
    fees: Decimal | None
    profit: Decimal | None
    currency: str
    mode: str
    status: str
    product: str
    description: str
    payment_link: str
    date_generated: datetime

    @property
    def is_paid(self) -> bool:
        """True when HPAY reports the payment as PAID."""
        return self.status == "PAID"


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """The entries of one history request (``fetch_limit`` = "offset,count")."""

    entries: tuple[HistoryEntry, ...]
    offset: int
    count: int

    @property
    def has_more(self) -> bool:
        """True when the page is full, so a next page may exist."""
        return self.count > 0 and len(self.entries) >= self.count


@dataclass(frozen=True, slots=True)
class Balance:
    """The account as /getCollectBalance/ describes it."""

    company: str
    contact: str
    currency: str
    main_balance: Decimal
    profit_balance: Decimal


def sanitize_text(text: str, limit: int = API_MESSAGE_LIMIT) -> str:
    """HPAY's text made safe to show: no control/format characters, one line, capped."""
    cleaned = "".join(" " if unicodedata.category(ch).startswith(("C", "Z")) else ch for ch in text)
    cleaned = " ".join(cleaned.split())
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned


def _int_like(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value.is_finite() and value.copy_abs() < 10**12:
        return int(value) if value % 1 == 0 else None
    if isinstance(value, str) and _INT_TEXT.fullmatch(value.strip()):
        return int(value.strip())
    return None


def _refusal_class(endpoint: str, message: str) -> type[ApiRefused]:
    """Classify a refusal by its words (HPAY documents no error codes).

    A message about the token means the token (except on /getToken/, where
    there is none yet); one about keys or credentials means the keys. Anything
    else (a service outage, a bad amount, a quota) stays a plain refusal, so the
    cashier is not told to re-enter keys that are fine.
    """
    lowered = message.lower()
    about_keys = any(w in lowered for w in _CREDENTIAL_WORDS)
    about_token = any(w in lowered for w in _TOKEN_WORDS)
    if about_token and endpoint.strip("/").lower() != "gettoken":
        return TokenInvalid
    if about_keys:
        return BadCredentials
    return ApiRefused


def _require_object(obj: object, name: str = "answer") -> dict[str, Any]:
    if not isinstance(obj, dict):
        what = "answer" if name == "answer" else f"'{name}'"
        raise ProtocolError(f"HPAY's {what} is not a JSON object.")
    return obj


def check_success(obj: object, endpoint: str) -> None:
    """Return if HPAY said ``success: true``; raise a typed error otherwise.

    ``success: false`` raises :class:`BadCredentials` (a message about keys or
    credentials), :class:`TokenInvalid` (a message about the token, except on
    /getToken/) or :class:`ApiRefused`; a missing or
    non-boolean ``success`` is a :class:`ProtocolError`.
    """
    answer = _require_object(obj)
    success = answer.get("success")
    if not isinstance(success, bool):
        raise ProtocolError("HPAY's answer has no valid 'success' field.")
    if success:
        return
    raw_message = answer.get("message")
    api_message = sanitize_text(raw_message) if isinstance(raw_message, str) else ""
    text = (
        f"HPAY refused the request: {api_message}" if api_message else "HPAY refused the request."
    )
    cls = _refusal_class(endpoint, api_message)
    raise cls(
        text,
        error_code=_int_like(answer.get("error_code")),
        api_message=api_message,
        endpoint=endpoint,
    )


def _get(obj: dict[str, Any], key: str, name: str, required: bool) -> Any:
    value = obj.get(key)
    if value is None and required:
        raise ProtocolError(f"HPAY's answer has no '{name}'.")
    return value


def _text(
    obj: dict[str, Any],
    key: str,
    *,
    prefix: str = "",
    required: bool = False,
    allow_int: bool = False,
) -> str:
    name = prefix + key
    value = _get(obj, key, name, required)
    if value is None:
        return ""
    if allow_int and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ProtocolError(f"HPAY sent an invalid '{name}': expected text.")
    value = value.strip()
    if required and not value:
        raise ProtocolError(f"HPAY sent an empty '{name}'.")
    return value


def _currency(obj: dict[str, Any], key: str, prefix: str = "") -> str:
    code = _text(obj, key, prefix=prefix, required=True)
    if not _CURRENCY.fullmatch(code):
        raise ProtocolError(f"HPAY sent an invalid '{prefix}{key}': not a currency code.")
    return code.upper()


def _amount(obj: dict[str, Any], key: str, currency: str, prefix: str = "") -> Decimal:
    name = prefix + key
    return normalize_amount(parse_api_amount(_get(obj, key, name, True), name), currency)


def _optional_amount(
    obj: dict[str, Any], key: str, currency: str, prefix: str = ""
) -> Decimal | None:
    value = obj.get(key)
    if value is None:
        return None
    return normalize_amount(parse_api_amount(value, prefix + key), currency)


def _epoch(value: object, name: str) -> datetime | None:
    if value is None:
        return None
    seconds = _int_like(value)
    if seconds is None or not 0 <= seconds <= _MAX_EPOCH:
        raise ProtocolError(f"HPAY sent an invalid '{name}': expected a Unix time.")
    return datetime.fromtimestamp(seconds, UTC)


def _server_time(obj: dict[str, Any], key: str, prefix: str, server_tz: tzinfo) -> datetime:
    name = prefix + key
    text = _text(obj, key, prefix=prefix, required=True)
    try:
        match = _SERVER_TIME.fullmatch(text)
        if match:
            # naive on purpose: HPAY's zone is attached below (server_tz)
            parsed = datetime(*(int(part) for part in match.groups()))  # noqa: DTZ001
        else:
            parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is None or not _MIN_YEAR <= parsed.year <= _MAX_YEAR:
        raise ProtocolError(f"HPAY sent an invalid '{name}': not a date and time.")
    return parsed.replace(tzinfo=server_tz) if parsed.tzinfo is None else parsed


def parse_token(obj: object, *, endpoint: str = "/getToken/") -> Token:
    """Read a /getToken/ answer (the ``balance`` block carries the account currency)."""
    check_success(obj, endpoint)
    answer = _require_object(obj)
    balance = _require_object(_get(answer, "balance", "balance", True), "balance")
    currency = _currency(balance, "currency", "balance.")
    return Token(
        value=_text(answer, "token", required=True),
        livetime_seconds=parse_livetime(_get(answer, "livetime", "livetime", True)),
        time_generated=_epoch(answer.get("time_generated"), "time_generated"),
        company=_text(answer, "company"),
        mode=_text(answer, "mode").upper(),
        currency=currency,
        main_balance=_optional_amount(balance, "main_balance", currency, "balance."),
        profit_balance=_optional_amount(balance, "profit_balance", currency, "balance."),
    )


def parse_payment(obj: object) -> Payment:
    """Read a /payment/ answer; the caller applies the checkout-URL policy."""
    check_success(obj, "/payment/")
    answer = _require_object(obj)
    currency = _currency(answer, "currency")
    return Payment(
        transaction_id=_text(answer, "transaction_id", required=True, allow_int=True),
        amount=_amount(answer, "amount", currency),
        fees=_optional_amount(answer, "fees", currency),
        currency=currency,
        mode=_text(answer, "mode").upper(),
        company=_text(answer, "company"),
        checkout_url=_text(answer, "checkout_url", required=True),
        message=_text(answer, "message"),
    )


def _history_entry(item: object, index: int, server_tz: tzinfo) -> HistoryEntry:
    prefix = f"history[{index}]."
    entry = _require_object(item, f"history[{index}]")
    status = _text(entry, "status", prefix=prefix, required=True).upper()
    currency = _currency(entry, "currency", prefix)
    return HistoryEntry(
        transaction_id=_text(entry, "transaction_id", prefix=prefix, required=True, allow_int=True),
        amount=_amount(entry, "amount", currency, prefix),
        fees=_optional_amount(entry, "fees", currency, prefix),
        profit=_optional_amount(entry, "profit", currency, prefix),
        currency=currency,
        mode=_text(entry, "mode", prefix=prefix).upper(),
        status=status,
        product=_text(entry, "product", prefix=prefix),
        description=_text(entry, "description", prefix=prefix),
        payment_link=_text(entry, "payment_link", prefix=prefix),
        date_generated=_server_time(entry, "date_generated", prefix, server_tz),
    )


def parse_history(
    obj: object, *, offset: int = 0, count: int = 50, server_tz: tzinfo = UTC
) -> HistoryPage:
    """Read a /getPaymentHistory/ answer; ``date_generated`` is read in ``server_tz``."""
    check_success(obj, "/getPaymentHistory/")
    answer = _require_object(obj)
    items = _get(answer, "history", "history", True)
    if not isinstance(items, list):
        raise ProtocolError("HPAY sent an invalid 'history': expected a list.")
    entries = tuple(_history_entry(item, i, server_tz) for i, item in enumerate(items))
    return HistoryPage(entries=entries, offset=offset, count=count)


def parse_balance(obj: object) -> Balance:
    """Read a /getCollectBalance/ answer (HPAY spells it "entreprise_*")."""
    check_success(obj, "/getCollectBalance/")
    answer = _require_object(obj)
    currency = _currency(answer, "entreprise_currency")
    return Balance(
        company=_text(answer, "entreprise_name"),
        contact=_text(answer, "entreprise_contact", allow_int=True),
        currency=currency,
        main_balance=_amount(answer, "main_balance", currency),
        profit_balance=_amount(answer, "profit_balance", currency),
    )
