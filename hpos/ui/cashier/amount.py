"""The cashier's keystrokes → an exact amount in the account currency (no Qt here).

:class:`AmountEntry` is the small state machine behind the amount display and
the keypad: digits, "00", one decimal separator ("," or "."), backspace, clear,
and a pasted text. Whether a keystroke is taken is decided by the one rule that
``hpos charge`` uses too (:mod:`hpos.sales.typed_amount`): a key that would break
it is refused, the entry keeps what it had, and :attr:`AmountEntry.refusal` says
why (the screen shows it). After a refusal nothing more is taken, and nothing can
be charged, until Backspace takes the refused keys back or Clear empties the
entry: "12,50" typed in XOF stays 12 (not 1,250) and 14 nines stay 999,999,999
without being charged. The key names (:data:`DIGIT_KEYS`, :data:`KEY_CLEAR`...) are
what the keypad and the keyboard send; the display text is
:func:`hpos.ui.money.format_typed`'s.
"""

from __future__ import annotations

from decimal import Context, Decimal

from hpos.hpay.money import currency_decimals
from hpos.sales.typed_amount import (
    AmountRefused,
    Refusal,
    complete_refusal,
    first_refusal,
    prefix_refusal,
)
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


class AmountEntry:
    """What the cashier has typed so far, kept valid for ``currency`` at every step."""

    def __init__(self, currency: str = "") -> None:
        self._currency = ""
        self._decimals = 2
        self._whole = ""  # integer digits, no leading zeros except a lone "0"
        self._fraction: str | None = None  # None: no separator typed yet
        self._refusal: AmountRefused | None = None  # why the last keys were refused
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
        if code == self._currency and self._currency:
            return
        self._currency = code
        self._decimals = currency_decimals(code) if code else 2
        self._refusal = None
        if prefix_refusal(self.text, self._decimals) is not None:
            self.clear()

    # -- keystrokes ----------------------------------------------------------------

    def press(self, key: str) -> bool:
        """Apply one key ("0"-"9", "00", "." or ",", "backspace", "clear"); False if refused.

        A key refused by the rule (a third decimal, a letter...) sets :attr:`refusal`;
        a key that changes nothing (a second "0" on "0", a space) is refused without one.
        """
        if key == KEY_BACKSPACE:
            return self.backspace()
        if key == KEY_CLEAR:
            had = not self.is_empty or self._refusal is not None
            self.clear()
            return had
        if key in DIGIT_KEYS or key == KEY_DOUBLE_ZERO:
            return self._take(*self._with_digits(key))
        if key in DECIMAL_KEYS:
            if self._fraction is not None:  # a second separator: the rule says why not
                return self._take(self._whole, self._fraction + key)
            return self._take(self._whole or "0", "")
        other = len(key) == 1 and key.isprintable() and not key.isspace()
        if other and self._refusal is None:  # a letter, a sign...: the rule says why not
            refusal = prefix_refusal(self.text + key, self._decimals) or Refusal.NOT_A_NUMBER
            self._refusal = AmountRefused(refusal, self._currency, key)
        return False

    def type_text(self, text: str) -> int:
        """Press each character of ``text`` in turn; returns how many were accepted."""
        return sum(1 for ch in text if self.press(ch))

    def paste(self, text: str) -> bool:
        """Add a pasted text after what was typed, all of it or nothing (then :attr:`refusal`).

        Spaces around and inside are ignored ("14 900" is 14900), as ``hpos charge`` does.
        """
        if self._refusal is not None:
            return False
        pasted = "".join(text.split())
        if not pasted:
            return False
        refusal = first_refusal(self.text + pasted, self._decimals)
        if refusal not in (None, Refusal.EMPTY, Refusal.ZERO):
            self._refusal = AmountRefused(refusal, self._currency, text)
            return False
        return self.type_text(pasted) > 0

    def backspace(self) -> bool:
        """Take back the refused keys if any, else remove the last character typed."""
        if self._refusal is not None:
            self._refusal = None
            return True
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
        """Forget everything typed (and any refusal)."""
        self._whole = ""
        self._fraction = None
        self._refusal = None

    def set_value(self, amount: Decimal | None) -> bool:
        """Put a known amount back (e.g. "try again"); False (and cleared) if it does not fit."""
        self.clear()
        if amount is None:
            return True
        if not amount.is_finite() or amount < 0:
            return False
        text = f"{amount.normalize():f}" if amount != 0 else "0"
        if first_refusal(text, self._decimals) not in (None, Refusal.ZERO):
            return False
        self.type_text(text)
        return True

    # -- what was typed -------------------------------------------------------------

    @property
    def refusal(self) -> AmountRefused | None:
        """Why the last keys were refused (until Backspace or Clear); None when all went in."""
        return self._refusal

    def charge_refusal(self) -> AmountRefused | None:
        """Why what is on screen cannot be charged now (a refusal pending, nothing, zero)."""
        if self._refusal is not None:
            return self._refusal
        refusal = complete_refusal(self.text)
        return None if refusal is None else AmountRefused(refusal, self._currency)

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
        """A positive amount is typed and nothing refused is pending."""
        return self.charge_refusal() is None

    def display(self, language: str | None = None) -> str:
        """The typed amount as the big display shows it: ``14,900 FCFA``, ``$12.5``, ``0 FCFA``.

        Unlike :func:`~hpos.ui.money.format_money` it keeps what is being typed: a trailing
        separator or a partial fraction stays visible. ``language`` defaults to
        the UI language in use.
        """
        return format_typed(self._whole, self._fraction, self._currency, language)

    # -- internals --------------------------------------------------------------------

    def _with_digits(self, key: str) -> tuple[str, str | None]:
        """(whole, fraction) once ``key``'s digits are added (leading zeros dropped)."""
        if self._fraction is not None:
            return self._whole, self._fraction + key
        whole = (self._whole + key).lstrip("0")
        if not whole and (self._whole == "0" or key == KEY_DOUBLE_ZERO):
            return self._whole, None  # "0" on "0" and "00" on nothing change nothing
        return whole or "0", None

    def _take(self, whole: str, fraction: str | None) -> bool:
        """Become (whole, fraction) if the rule takes it; else keep what was, and say why."""
        if self._refusal is not None:
            return False  # keys after a refusal wait for Backspace or Clear
        if whole == self._whole and fraction == self._fraction:
            return False  # changes nothing ("0" on "0", "00" on nothing)
        candidate = whole if fraction is None else f"{whole}.{fraction}"
        refusal = prefix_refusal(candidate, self._decimals)
        if refusal is not None:
            self._refusal = AmountRefused(refusal, self._currency)
            return False
        self._whole, self._fraction = whole, fraction
        return True
