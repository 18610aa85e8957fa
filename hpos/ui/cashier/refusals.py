"""Why the amount entry refused a key, in the UI language, for the entry page's hint line.

The rule itself is :mod:`hpos.sales.typed_amount` (``hpos charge`` prints its English
sentence); this says the same refusal on screen, with the maximum written as the
screen writes money (``1,000,000,000 FCFA`` / ``1 000 000 000 FCFA``).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from hpos.hpay.money import MAX_AMOUNT, currency_decimals
from hpos.sales.typed_amount import AmountRefused, Refusal
from hpos.ui.i18n import current_language
from hpos.ui.money import NUMBER_STYLES, format_money

__all__ = ["refusal_hint", "refusal_text"]

#: Currencies whose unit is a franc ("type whole francs").
_FRANCS = frozenset({"XOF", "XAF", "XPF", "BIF", "DJF", "GNF", "KMF", "RWF"})


def refusal_text(refused: AmountRefused, language: str | None = None) -> str:
    """The hint for a refused amount: what was wrong and what to type instead."""
    lang = language or current_language()
    code = refused.currency
    places = currency_decimals(code) if code else 2
    refusal = refused.refusal
    if refusal is Refusal.EMPTY:
        return QCoreApplication.translate("CashierScreen", "Type an amount first.")
    if refusal is Refusal.ZERO:
        return QCoreApplication.translate("AmountRefusal", "The amount must be greater than zero.")
    if refusal is Refusal.NOT_A_NUMBER:
        mark = NUMBER_STYLES.get(lang[:2], NUMBER_STYLES["en"])[1]
        example = "14900" if places == 0 else f"12{mark}50"
        return QCoreApplication.translate(
            "AmountRefusal", "That is not an amount: type digits such as {example}."
        ).format(example=example)
    if refusal is Refusal.SEPARATORS:
        return QCoreApplication.translate(
            "AmountRefusal",
            "An amount has one decimal separator at most (and no thousands separators).",
        )
    if refusal is Refusal.NO_DECIMALS:
        if code in _FRANCS:
            return QCoreApplication.translate(
                "AmountRefusal", "{currency} has no decimals: type whole francs."
            ).format(currency=code)
        return QCoreApplication.translate(
            "AmountRefusal", "{currency} has no decimals: type a whole amount."
        ).format(currency=code)
    if refusal is Refusal.TOO_MANY_DECIMALS:
        text = QCoreApplication.translate(
            "AmountRefusal",
            "{currency} has {places} decimals: type at most {places} digits after the separator.",
        )
        return text.format(currency=code, places=places)
    maximum = format_money(Decimal(MAX_AMOUNT), code, lang)
    return QCoreApplication.translate(
        "AmountRefusal", "This amount is too large: the maximum is {maximum}."
    ).format(maximum=maximum)


def refusal_hint(refused: AmountRefused, language: str | None = None) -> str:
    """:func:`refusal_text`, and for a refused key what to press to type on."""
    text = refusal_text(refused, language)
    if refused.refusal in (Refusal.EMPTY, Refusal.ZERO):
        return text  # nothing was refused: the entry just is not chargeable yet
    return text + " " + QCoreApplication.translate("AmountRefusal", "Press ⌫ to type on.")
