"""Money on screen in the UI language: ``14,900 FCFA``, ``$12.50``, ``12,50 $`` (no Qt here).

:func:`format_money` is the display form of a settled amount: ``14,900 FCFA`` /
``14 900 FCFA`` (XOF and XAF), ``$12.50`` / ``12,50 $`` (CAD), ``€3.00`` /
``3,00 €``; other currencies keep their ISO code after the number.
:func:`format_decimal` writes a plain number, :func:`format_typed` digits as the
cashier typed them (:class:`~hpos.ui.cashier.amount.AmountEntry`), and
:func:`currency_sign` the sign alone. Digits are formatted from the Decimal's own
text, never through a float. The language defaults to
:func:`hpos.ui.language.current_language` (the only Qt this module touches, and
only when no language is passed).
"""

from __future__ import annotations

from decimal import Context, Decimal

from hpos.hpay.money import currency_decimals

__all__ = [
    "CURRENCY_SIGNS",
    "GROUP_SEPARATOR",
    "NUMBER_STYLES",
    "currency_sign",
    "format_decimal",
    "format_money",
    "format_typed",
    "group_digits",
]

#: No-break space between a number and a sign written after it (never wraps).
GROUP_SEPARATOR = "\u00a0"

#: Private context: nothing here depends on the caller's decimal context.
_CTX = Context(prec=60)


def group_digits(digits: str, sep: str = GROUP_SEPARATOR) -> str:
    """``"1234567"`` → ``"1 234 567"`` (groups of three from the right)."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(p for p in parts if p)


#: How each language writes a number: (thousands separator, decimal mark). French groups
#: with a narrow no-break space (U+202F), English with a comma.
NUMBER_STYLES = {"en": (",", "."), "fr": ("\u202f", ",")}
#: Currency signs per language: (sign, written before the number). Others: the ISO code after.
#: XOF/XAF are "FCFA" everywhere; "$" is the Canadian dollar (HPAY's Canadian merchants).
CURRENCY_SIGNS: dict[str, dict[str, tuple[str, bool]]] = {
    "XOF": {"en": ("FCFA", False), "fr": ("FCFA", False)},
    "XAF": {"en": ("FCFA", False), "fr": ("FCFA", False)},
    "CAD": {"en": ("$", True), "fr": ("$", False)},
    "USD": {"en": ("US$", True), "fr": ("$\u00a0US", False)},
    "EUR": {"en": ("€", True), "fr": ("€", False)},
    "GBP": {"en": ("£", True), "fr": ("£", False)},
}


def _language(language: str | None) -> str:
    if language is None:
        from hpos.ui.language import current_language  # Qt only when no language is given

        language = current_language()
    code = language.lower()[:2]
    return code if code in NUMBER_STYLES else "en"


def currency_sign(currency: str, language: str | None = None) -> str:
    """How the currency is written next to an amount: "FCFA", "$", "€", else its ISO code."""
    code = currency.strip().upper()
    return CURRENCY_SIGNS.get(code, {}).get(_language(language), (code, False))[0]


def _with_sign(number: str, currency: str, language: str, negative: bool = False) -> str:
    """Put the currency sign where the language writes it: ``$12.50``, ``12,50 $``."""
    code = currency.strip().upper()
    minus = "-" if negative else ""
    if not code:
        return f"{minus}{number}"
    sign, before = CURRENCY_SIGNS.get(code, {}).get(language, (code, False))
    if before:
        return f"{minus}{sign}{number}"
    return f"{minus}{number}{GROUP_SEPARATOR}{sign}"


def _number(whole: str, fraction: str | None, language: str) -> str:
    group, mark = NUMBER_STYLES[language]
    number = group_digits(whole or "0", group)
    return number if fraction is None else number + mark + fraction


def format_decimal(value: Decimal, language: str | None = None) -> str:
    """A plain number, exact, with the language's grouping and mark: ``1,234.5`` / ``1 234,5``."""
    lang = _language(language)
    if not value.is_finite():
        return str(value)
    sign = "-" if value.is_signed() and value != 0 else ""
    whole, dot, fraction = f"{value.copy_abs():f}".partition(".")
    return sign + _number(whole, fraction if dot else None, lang)


def format_money(amount: Decimal, currency: str, language: str | None = None) -> str:
    """Display text of an amount in the UI language (default: the one in use).

    ``14,900 FCFA`` / ``14 900 FCFA``, ``$12.50`` / ``12,50 $``, ``€3.00`` /
    ``3,00 €``, other currencies with their ISO code after the number. The
    amount is shown with exactly the currency's decimals (ISO 4217) when it has
    no more than that; an amount with more decimals is shown as it is rather
    than rounded (money is never silently changed on screen).
    """
    code = currency.strip().upper()
    lang = _language(language)
    if not isinstance(amount, Decimal) or not amount.is_finite():
        return f"{amount}{GROUP_SEPARATOR}{code}".strip()
    places = currency_decimals(code) if code else 2
    value = amount
    if abs(value) < Decimal(10) ** 30:
        exact = value.quantize(Decimal(1).scaleb(-places, _CTX), context=_CTX)
        if exact == value:
            value = exact
    negative = value.is_signed() and value != 0
    whole, dot, fraction = f"{value.copy_abs():f}".partition(".")
    return _with_sign(_number(whole, fraction if dot else None, lang), code, lang, negative)


def format_typed(
    whole: str, fraction: str | None, currency: str, language: str | None = None
) -> str:
    """Digits as typed, with the language's grouping and mark and the currency sign.

    ``fraction`` is None before a separator is typed; ``""`` keeps a trailing separator
    and a partial fraction stays as it is: ``("12", "", "CAD")`` → ``$12.`` / ``12, $``.
    No digits at all show as ``0``.
    """
    lang = _language(language)
    return _with_sign(_number(whole, fraction, lang), currency, lang)
