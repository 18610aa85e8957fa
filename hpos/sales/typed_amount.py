"""The one rule for an amount a cashier types: accepted for a currency, or refused and why.

The window's amount entry (keypad, keyboard, paste) and ``hpos charge AMOUNT`` both
ask this module, so they accept and refuse exactly the same texts. The text is read
left to right, the way it is typed, and the first character that breaks a rule is
the one refused:

- digits ``0``-``9`` (ASCII only); spaces anywhere are ignored (``14 900`` is 14900,
  also with the no-break spaces French uses to group digits);
- one decimal separator, ``.`` or ``,`` — refused in a currency without decimals
  (XOF, XAF, JPY...) rather than dropped, and only the currency's ISO 4217 decimals
  may follow it; a separator first (``,5``) or last (``12,``) is fine;
- never above :data:`~hpos.hpay.money.MAX_AMOUNT`;
- and once complete: something typed, and more than zero.

:func:`check_typed` gives the exact Decimal or raises :class:`AmountRefused` (an
:class:`~hpos.hpay.errors.InvalidAmount`) whose ``refusal`` says which rule and whose
text is the sentence the CLI prints; the window says the same refusal in its own
language (``hpos.ui.cashier.refusals``). :func:`prefix_refusal` checks one more
keystroke on a text already accepted. No Qt here.
"""

from __future__ import annotations

import enum
from decimal import Context, Decimal

from hpos.hpay.errors import InvalidAmount
from hpos.hpay.money import MAX_AMOUNT, currency_decimals

__all__ = [
    "SEPARATORS",
    "AmountRefused",
    "Refusal",
    "check_typed",
    "check_typed_any_currency",
    "complete_refusal",
    "first_refusal",
    "max_amount_text",
    "prefix_refusal",
    "refusal_message",
]

#: The decimal separators a cashier may type (French and English habits).
SEPARATORS = frozenset({".", ","})
_DIGITS = frozenset("0123456789")
#: Integer digits of MAX_AMOUNT: more significant digits than this is always too large.
_MAX_WHOLE_DIGITS = len(f"{MAX_AMOUNT:f}")
#: The longest text read at all (the window never gets near it: it drops leading zeros).
_MAX_TEXT = 64
#: Currencies whose unit is a franc: "type whole francs" reads better than "a whole amount".
_FRANCS = frozenset({"XOF", "XAF", "XPF", "BIF", "DJF", "GNF", "KMF", "RWF"})
#: Private context: nothing here depends on the caller's decimal context.
_CTX = Context(prec=60)


class Refusal(enum.Enum):
    """Which rule a typed amount breaks."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    SEPARATORS = "separators"
    NO_DECIMALS = "no_decimals"
    TOO_MANY_DECIMALS = "too_many_decimals"
    TOO_LARGE = "too_large"
    ZERO = "zero"


def _significant(text: str) -> str:
    """The text without spaces (spaces group digits and mean nothing)."""
    return "".join(ch for ch in text if not ch.isspace())


def prefix_refusal(text: str, decimals: int) -> Refusal | None:
    """The rule ``text`` breaks as typed so far (it may still grow), or None.

    Checks the whole text at once; :func:`first_refusal` finds the first keystroke
    that broke a rule. ``decimals`` is the currency's ISO 4217 exponent.
    """
    typed = _significant(text)
    if len(text) > _MAX_TEXT or any(ch not in _DIGITS and ch not in SEPARATORS for ch in typed):
        return Refusal.NOT_A_NUMBER
    marks = [i for i, ch in enumerate(typed) if ch in SEPARATORS]
    if len(marks) > 1:
        return Refusal.SEPARATORS
    whole, fraction = (typed[: marks[0]], typed[marks[0] + 1 :]) if marks else (typed, None)
    if fraction is not None and decimals == 0:
        return Refusal.NO_DECIMALS
    if fraction is not None and len(fraction) > decimals:
        return Refusal.TOO_MANY_DECIMALS
    whole = whole.lstrip("0")
    if len(whole) > _MAX_WHOLE_DIGITS:
        return Refusal.TOO_LARGE
    if _value(whole, fraction) > MAX_AMOUNT:
        return Refusal.TOO_LARGE
    return None


def _value(whole: str, fraction: str | None) -> Decimal:
    return Decimal(f"{whole or '0'}.{fraction or ''}".rstrip("."))


def first_refusal(text: str, decimals: int) -> Refusal | None:
    """The first rule ``text`` breaks, reading it one character at a time as it is typed."""
    text = text.strip()
    if len(text) > _MAX_TEXT:
        return Refusal.NOT_A_NUMBER
    for end in range(1, len(text) + 1):
        refusal = prefix_refusal(text[:end], decimals)
        if refusal is not None:
            return refusal
    return complete_refusal(text)


def complete_refusal(text: str) -> Refusal | None:
    """What a text that passed every keystroke still lacks to be charged: EMPTY, ZERO or None."""
    typed = _significant(text)
    if not typed:
        return Refusal.EMPTY
    whole, _sep, fraction = typed.replace(",", ".").partition(".")
    if _value(whole, fraction) == 0:
        return Refusal.ZERO
    return None


def max_amount_text(currency: str) -> str:
    """The maximum in plain English form with the currency's decimals: "1,000,000,000 XOF"."""
    code = currency.strip().upper()
    places = currency_decimals(code) if code else 0
    return (
        f"{MAX_AMOUNT.quantize(Decimal(1).scaleb(-places, _CTX), context=_CTX):,f} {code}".strip()
    )


def refusal_message(refusal: Refusal, currency: str, text: str = "") -> str:
    """The sentence for the cashier (English, as the CLI prints it)."""
    code = currency.strip().upper()
    places = currency_decimals(code) if code else 0
    example = "14900" if places == 0 else "12.50"
    if refusal is Refusal.EMPTY:
        return "Enter an amount."
    if refusal is Refusal.NOT_A_NUMBER:
        shown = " ".join(text.split())[:24]
        return f"{shown!r} is not an amount: type digits such as {example}."
    if refusal is Refusal.SEPARATORS:
        return "An amount has one decimal separator at most (and no thousands separators)."
    if refusal is Refusal.NO_DECIMALS:
        unit = "whole francs" if code in _FRANCS else "a whole amount"
        return f"{code} has no decimals: type {unit}."
    if refusal is Refusal.TOO_MANY_DECIMALS:
        return f"{code} has {places} decimals: type at most {places} digits after the separator."
    if refusal is Refusal.TOO_LARGE:
        return f"This amount is too large: the maximum is {max_amount_text(code)}."
    return "The amount must be greater than zero."


class AmountRefused(InvalidAmount):
    """A typed amount refused by the rule: ``refusal`` says which, the text says why."""

    def __init__(self, refusal: Refusal, currency: str, text: str = "") -> None:
        super().__init__(refusal_message(refusal, currency, text))
        self.refusal = refusal
        self.currency = currency.strip().upper()


def check_typed(text: str, currency: str) -> Decimal:
    """The amount ``text`` means in ``currency``, with its decimals ("12,5" CAD -> 12.50).

    Raises :class:`AmountRefused` with the first rule the text breaks.
    """
    places = currency_decimals(currency)
    refusal = first_refusal(text, places)
    if refusal is not None:
        raise AmountRefused(refusal, currency, text)
    whole, _sep, fraction = _significant(text).replace(",", ".").partition(".")
    value = _value(whole, fraction)
    return value.quantize(Decimal(1).scaleb(-places, _CTX), context=_CTX)


def check_typed_any_currency(text: str) -> None:
    """Raise :class:`AmountRefused` now when every currency refuses ``text`` for the same reason.

    For a caller that does not know the currency yet (``hpos charge`` before asking
    HPAY): a text refused for a reason that does not depend on the currency fails
    fast. A separator is the only thing whose fate depends on the currency (read
    with no decimals, it is the first thing refused), so the text is read as for a
    currency without decimals and only that refusal waits for the currency; so does
    "too large", whose sentence states the maximum in the currency.
    """
    refusal = first_refusal(text, 0)
    if refusal is not None and refusal not in (Refusal.NO_DECIMALS, Refusal.TOO_LARGE):
        raise AmountRefused(refusal, "", text)
