"""The cashier's keystrokes → an exact amount in the account currency (no Qt here).

:class:`AmountEntry` is the small state machine behind the amount display and
the keypad: digits, "00", one decimal separator ("," or "."; refused when the
currency has no minor unit), at most the currency's decimals after it,
backspace and clear, and never more than :data:`~hpos.hpay.money.MAX_AMOUNT`.
A keystroke that would break a rule is refused (``press`` returns False) and
leaves the entry unchanged, so what the cashier sees is always chargeable or
empty. The key names (:data:`DIGIT_KEYS`, :data:`KEY_CLEAR`...) are what the
keypad and the keyboard send; the display text is :func:`hpos.ui.money.format_typed`'s.
"""

from __future__ import annotations

from decimal import Context, Decimal

from hpos.hpay.money import MAX_AMOUNT, currency_decimals
from hpos.ui.money import format_typed

__all__ = [
    "DECIMAL_KEYS",
    "DIGIT_KEYS",
    "KEY_BACKSPACE",
    "KEY_CLEAR",
    "KEY_DECIMAL",
    "KEY_DOUBLE_ZERO",
    "AmountEntry",
]

#: Keys the keypad and the keyboard send.
DIGIT_KEYS = tuple("0123456789")
KEY_DOUBLE_ZERO = "00"
KEY_DECIMAL = "."
KEY_BACKSPACE = "backspace"
KEY_CLEAR = "clear"
#: Both separators are accepted from the keyboard (French and English habits).
DECIMAL_KEYS = frozenset({".", ","})

#: Private context: nothing here depends on the caller's decimal context.
_CTX = Context(prec=60)
#: Digits the integer part may hold (MAX_AMOUNT has 10); the value bound is checked too.
_MAX_INT_DIGITS = len(f"{MAX_AMOUNT:f}")


class AmountEntry:
    """What the cashier has typed so far, kept valid for ``currency`` at every step."""

    def __init__(self, currency: str = "", *, max_digits: int = _MAX_INT_DIGITS) -> None:
        if max_digits < 1:
            raise ValueError("max_digits must be at least 1")
        self._max_digits = min(max_digits, _MAX_INT_DIGITS)
        self._currency = ""
        self._decimals = 2
        self._whole = ""  # integer digits, no leading zeros except a lone "0"
        self._fraction: str | None = None  # None: no separator typed yet
        self.set_currency(currency)

    # -- currency ------------------------------------------------------------------

    @property
    def currency(self) -> str:
        """The ISO code the amount is in ("" until the token told us)."""
        return self._currency

    @property
    def decimals(self) -> int:
        """How many digits may follow the separator (ISO 4217; 2 while unknown)."""
        return self._decimals

    def set_currency(self, currency: str) -> None:
        """Switch currency; what was typed is kept only if it is still valid, else cleared."""
        code = currency.strip().upper()
        self._currency = code
        self._decimals = currency_decimals(code) if code else 2
        if self._fraction is not None and (
            self._decimals == 0 or len(self._fraction) > self._decimals
        ):
            self.clear()

    # -- keystrokes ----------------------------------------------------------------

    def press(self, key: str) -> bool:
        """Apply one key ("0"-"9", "00", "." or ",", "backspace", "clear"); False if refused."""
        if key in DIGIT_KEYS or key == KEY_DOUBLE_ZERO:
            return self._digits(key)
        if key in DECIMAL_KEYS:
            return self._separator()
        if key == KEY_BACKSPACE:
            return self.backspace()
        if key == KEY_CLEAR:
            had = not self.is_empty
            self.clear()
            return had
        return False

    def type_text(self, text: str) -> int:
        """Press each character of ``text`` in turn; returns how many were accepted."""
        return sum(1 for ch in text if self.press(ch))

    def backspace(self) -> bool:
        """Remove the last character typed (the separator counts as one)."""
        if self._fraction is not None:
            if self._fraction:
                self._fraction = self._fraction[:-1]
            else:
                self._fraction = None
            return True
        if self._whole:
            self._whole = self._whole[:-1]
            return True
        return False

    def clear(self) -> None:
        """Forget everything typed."""
        self._whole = ""
        self._fraction = None

    def set_value(self, amount: Decimal | None) -> bool:
        """Put a known amount back (e.g. "try again"); False (and cleared) if it does not fit."""
        self.clear()
        if amount is None:
            return True
        if not amount.is_finite() or amount < 0:
            return False
        text = f"{amount.normalize():f}" if amount != 0 else "0"
        whole, _, fraction = text.partition(".")
        accepted = self.type_text(whole.lstrip("0") or "0")
        ok = accepted == len(whole.lstrip("0") or "0")
        if fraction:
            ok = ok and self._separator() and self.type_text(fraction) == len(fraction)
        if not ok:
            self.clear()
        return ok

    # -- what was typed -------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        """Nothing typed."""
        return not self._whole and self._fraction is None

    @property
    def text(self) -> str:
        """What was typed, with "." as separator: "", "0.", "12.5", "14900"."""
        if self._fraction is None:
            return self._whole
        return f"{self._whole or '0'}.{self._fraction}"

    @property
    def value(self) -> Decimal | None:
        """The amount typed, with the currency's decimals; None when nothing was typed."""
        if self.is_empty:
            return None
        raw = Decimal(f"{self._whole or '0'}.{self._fraction or ''}".rstrip("."))
        return raw.quantize(Decimal(1).scaleb(-self._decimals, _CTX), context=_CTX)

    @property
    def chargeable(self) -> bool:
        """A positive amount is typed (0 and nothing are not chargeable)."""
        value = self.value
        return value is not None and value > 0

    def display(self, language: str | None = None) -> str:
        """The typed amount as the big display shows it: ``14,900 FCFA``, ``$12.5``, ``0 FCFA``.

        Unlike :func:`~hpos.ui.money.format_money` it keeps what is being typed: a trailing
        separator or a partial fraction stays visible. ``language`` defaults to
        the UI language in use.
        """
        return format_typed(self._whole, self._fraction, self._currency, language)

    # -- internals --------------------------------------------------------------------

    def _fits(self, whole: str, fraction: str | None) -> bool:
        if len(whole) > self._max_digits:
            return False
        if fraction is not None and len(fraction) > self._decimals:
            return False
        value = Decimal(f"{whole or '0'}.{fraction or ''}".rstrip("."))
        return value <= MAX_AMOUNT

    def _digits(self, key: str) -> bool:
        if self._fraction is not None:
            fraction = self._fraction + key
            if not self._fits(self._whole, fraction):
                return False
            self._fraction = fraction
            return True
        whole = (self._whole + key).lstrip("0")
        if not whole:  # only zeros: a single "0" ("00" on nothing or on "0" is refused)
            if self._whole == "0" or key == KEY_DOUBLE_ZERO:
                return False
            whole = "0"
        if whole == self._whole or not self._fits(whole, None):
            return False
        self._whole = whole
        return True

    def _separator(self) -> bool:
        if self._decimals == 0 or self._fraction is not None:
            return False
        if not self._whole:
            self._whole = "0"
        self._fraction = ""
        return True
