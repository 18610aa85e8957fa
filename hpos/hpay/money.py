"""Money for the HPAY layer: ISO 4217 minor units, validation, JSON text, API parsing.

Amounts are :class:`~decimal.Decimal` from end to end; a ``float`` is refused
wherever one could sneak in. Amounts are in the currency's major unit (14900
XOF, 12.50 CAD), as HPAY expects. Nothing here depends on the caller's decimal
context: digit counts are read from ``as_tuple()`` and every rounding-capable
operation uses a private context.
"""

from __future__ import annotations

import logging
import re
import threading
from decimal import Context, Decimal

from hpos.hpay.errors import InvalidAmount, ProtocolError

__all__ = [
    "MAX_AMOUNT",
    "MAX_API_AMOUNT",
    "amount_json",
    "amount_text",
    "currency_decimals",
    "decimal_places",
    "format_amount",
    "is_known_currency",
    "normalize_amount",
    "parse_api_amount",
    "validate_amount",
]

log = logging.getLogger(__name__)

#: Upper bound for any amount we send, in major units.
MAX_AMOUNT = Decimal(1_000_000_000)
#: Upper bound for any amount we accept from HPAY (anything above is nonsense).
MAX_API_AMOUNT = Decimal(10**12)
#: At most this many significant fraction digits in an amount HPAY sends.
_MAX_API_DECIMALS = 20
#: Longest amount string we bother parsing.
_MAX_TEXT = 64
#: Fallback exponent for a currency ISO 4217 does not list.
_DEFAULT_DECIMALS = 2

# Active ISO 4217 codes by exponent (list of 2024-2025, incl. fund codes; the
# "N.A." codes such as XAU or XDR are left out: they are never a shop's currency).
_ZERO = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_THREE = "BHD IQD JOD KWD LYD OMR TND"
_FOUR = "CLF UYW"
_TWO = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD "
    "BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP "
    "ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR "
    "JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU "
    "MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR "
    "RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS "
    "TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG"
)
_DECIMALS: dict[str, int] = {
    code: places
    for places, codes in ((0, _ZERO), (2, _TWO), (3, _THREE), (4, _FOUR))
    for code in codes.split()
}

_warned: set[str] = set()
_warned_lock = threading.Lock()
# Wide enough for any amount that passed the bounds checks; never the caller's context.
_CTX = Context(prec=60)

_PLAIN_CALLER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_PLAIN_API = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def _norm_code(code: str) -> str:
    return code.strip().upper() if isinstance(code, str) else ""


def is_known_currency(code: str) -> bool:
    """True when ``code`` (any case) is an active ISO 4217 currency code."""
    return _norm_code(code) in _DECIMALS


def currency_decimals(code: str) -> int:
    """ISO 4217 exponent of ``code``; an unknown code counts as 2 (logged once)."""
    norm = _norm_code(code)
    places = _DECIMALS.get(norm)
    if places is not None:
        return places
    with _warned_lock:
        first = norm not in _warned
        _warned.add(norm)
    if first:
        log.warning("Unknown currency code %r: assuming %d decimals", norm[:16], _DEFAULT_DECIMALS)
    return _DEFAULT_DECIMALS


def decimal_places(value: Decimal) -> int:
    """Significant fraction digits of a finite Decimal, exactly ("12.50" -> 1, "1E+3" -> 0)."""
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    places = -exponent
    for digit in reversed(digits):
        if places == 0 or digit != 0:
            break
        places -= 1
    return places


def _quantize(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places, _CTX), context=_CTX)


def _caller_decimal(value: object) -> Decimal:
    if isinstance(value, bool):
        raise InvalidAmount("The amount must be a number, not true/false.")
    if isinstance(value, float):
        raise InvalidAmount("The amount must be an exact decimal number, not a float.")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidAmount("The amount must be a real number.")
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise InvalidAmount("Enter an amount.")
        if len(text) > _MAX_TEXT or not _PLAIN_CALLER.fullmatch(text):
            if "," in text and _PLAIN_CALLER.fullmatch(text.replace(",", ".", 1)):
                raise InvalidAmount("Use a dot as the decimal separator.")
            raise InvalidAmount("The amount must be a plain number such as 12.50.")
        return Decimal(text)
    raise InvalidAmount("The amount must be a number.")


def validate_amount(value: Decimal | str | int, currency: str) -> Decimal:
    """Check an amount a caller wants to send; return it with the currency's decimals.

    Accepts a finite Decimal, an int (not a bool) or a string of plain digits with
    an optional '.' fraction. Raises :class:`InvalidAmount` with a sentence for
    the cashier otherwise.
    """
    amount = _caller_decimal(value)
    code = _norm_code(currency)
    if amount <= 0:
        raise InvalidAmount("The amount must be greater than zero.")
    if amount > MAX_AMOUNT:
        raise InvalidAmount(f"This amount is too large (the maximum is {MAX_AMOUNT:f} {code}).")
    places = currency_decimals(code)
    if decimal_places(amount) > places:
        raise InvalidAmount(f"This amount has more decimals than {code} allows ({places}).")
    return _quantize(amount, places)


def amount_json(amount: Decimal, currency: str) -> str:
    """Exact JSON number text for an amount: "14900" when whole, else "12.50".

    The amount goes through :func:`validate_amount` first, so a float, NaN or an
    amount with too many decimals can never reach the wire.
    """
    checked = validate_amount(amount, currency)
    if decimal_places(checked) == 0:
        return format(_quantize(checked, 0), "f")
    return format(checked, "f")


def normalize_amount(amount: Decimal, currency: str) -> Decimal:
    """``amount`` with exactly the currency's decimals when that loses nothing.

    HPAY writes one amount several ways ("700.00" in its history for XOF, ``0.5`` as a
    number in a /payment/ answer for CAD): read through this, 700 XOF is ``Decimal("700")``
    and 0.5 CAD ``Decimal("0.50")`` wherever it came from. An amount with more decimals
    than the currency has is kept as it is (money is never silently rounded), and so is
    an amount of no named currency.
    """
    if not isinstance(amount, Decimal) or not amount.is_finite() or abs(amount) > MAX_API_AMOUNT:
        return amount
    if not _norm_code(currency):
        return amount
    places = currency_decimals(currency)
    if decimal_places(amount) > places:
        return amount
    return _quantize(amount, places)


def amount_text(amount: Decimal, currency: str) -> str:
    """Machine-readable text of an amount (CSV, JSON): "14900" XOF, "12.50" CAD, "-3.00" EUR.

    The currency's ISO 4217 decimals (see :func:`normalize_amount`), a '.' mark, no
    grouping, never exponent notation.
    """
    if not isinstance(amount, Decimal) or not amount.is_finite():
        return str(amount)
    return format(normalize_amount(amount, currency), "f")


def format_amount(amount: Decimal, currency: str, *, grouped: bool = False) -> str:
    """Plain display text: "14900 XOF", "12.50 CAD"; ``grouped``: "1,234,500 XOF".

    The one formatter of amounts for plain text (the CLI, the demo); the UI formats
    per language (:func:`hpos.ui.money.format_money`).
    """
    code = _norm_code(currency)
    if not isinstance(amount, Decimal) or not amount.is_finite():
        return f"{amount} {code}".strip()
    text = amount_text(amount, code)
    if grouped:
        sign = "-" if text.startswith("-") else ""
        whole, dot, fraction = text.lstrip("-").partition(".")
        text = f"{sign}{int(whole):,}{dot}{fraction}"
    return f"{text} {code}".strip()


def _refuse(field: str, why: str) -> ProtocolError:
    return ProtocolError(f"HPAY sent an invalid amount in '{field}': {why}.")


def parse_api_amount(value: object, field: str) -> Decimal:
    """Read an amount HPAY sent ("7000.00", 14900, "100", Decimal("0.5")) as a Decimal.

    Lenient about shape, strict about meaning: :class:`ProtocolError` (naming
    ``field``, never echoing the body) for None, bool, float, NaN/Infinity,
    exponent strings, negatives, empty strings, containers or absurd values.
    """
    if value is None:
        raise _refuse(field, "it is missing")
    if isinstance(value, bool):
        raise _refuse(field, "expected a number, got true/false")
    if isinstance(value, float):
        raise _refuse(field, "a binary float reached the parser")
    if isinstance(value, int):
        if value > MAX_API_AMOUNT:
            raise _refuse(field, "the value is absurdly large")
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise _refuse(field, "not a finite number")
        amount = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise _refuse(field, "the text is empty")
        if len(text) > _MAX_TEXT or not _PLAIN_API.fullmatch(text):
            raise _refuse(field, "not a plain decimal number")
        amount = Decimal(text)
    else:
        raise _refuse(field, f"expected a number, got {type(value).__name__}")
    if amount.is_signed() and amount != 0:
        raise _refuse(field, "the value is negative")
    if amount > MAX_API_AMOUNT:
        raise _refuse(field, "the value is absurdly large")
    if decimal_places(amount) > _MAX_API_DECIMALS:
        raise _refuse(field, "the value has absurdly many decimals")
    return amount.copy_abs()
