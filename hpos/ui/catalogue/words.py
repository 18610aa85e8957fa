"""The catalogue page's sentences: why an item or a CSV line was refused, in the UI language.

The rules (:mod:`hpos.sales.catalogue`) say what is wrong as a :class:`Problem` and a
detail (the text at fault, or the item that already has a code); their English message
is for the command line. Here each problem is said in the UI language with the detail
kept, for the editor (beside the field at fault) and the import report (per line).
A CSV-level kind the rules do not know (a line the CSV reader could not use) keeps
the reader's own words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hpos.hpay.money import currency_decimals
from hpos.sales.catalogue import CATEGORY_CHARS, CODE_CHARS, COLOURS, NAME_CHARS, Problem
from hpos.sales.typed_amount import AmountRefused, Refusal, check_typed
from hpos.ui.controller.text import error_text
from hpos.ui.i18n import format_number

__all__ = [
    "colour_names",
    "currency_note",
    "currency_text",
    "done_text",
    "line_text",
    "price_text",
    "problem_text",
    "reason_text",
]


def price_text(typed: str, currency: str) -> str:
    """Why ``typed`` is not a price in ``currency`` (the rule for typed amounts)."""
    code = currency.strip().upper()
    places = currency_decimals(code) if code else 2
    try:
        check_typed(typed, code)
    except AmountRefused as exc:
        refusal = exc.refusal
    else:  # accepted now: say the rule
        refusal = Refusal.NOT_A_NUMBER
    if refusal is Refusal.EMPTY:
        return QCoreApplication.translate("CatalogueWords", "Type a price.")
    if refusal is Refusal.ZERO:
        return QCoreApplication.translate("CatalogueWords", "The price must be more than zero.")
    if refusal is Refusal.TOO_LARGE:
        return QCoreApplication.translate(
            "CatalogueWords", "The price “{price}” is too large for a payment."
        ).format(price=typed.strip())
    if refusal in (Refusal.NO_DECIMALS, Refusal.TOO_MANY_DECIMALS) and places == 0:
        return QCoreApplication.translate(
            "CatalogueWords", "“{price}”: {currency} prices have no decimals."
        ).format(price=typed.strip(), currency=code)
    if refusal is Refusal.TOO_MANY_DECIMALS:
        return QCoreApplication.translate(
            "CatalogueWords", "“{price}”: {currency} prices have at most {places} decimals."
        ).format(price=typed.strip(), currency=code, places=places)
    example = "1500" if places == 0 else "2.50"
    return QCoreApplication.translate(
        "CatalogueWords",
        "“{price}” is not a price: type digits with one decimal separator at most, such as"
        " {example}.",
    ).format(price=typed.strip(), example=example)


def problem_text(problem: Problem | str, detail: str, currency: str, fallback: str = "") -> str:
    """A refused item or CSV line in the UI language. ``problem``: a :class:`Problem` or its
    value (a CSV line's kind); ``detail``: the text at fault or the item with the code;
    ``fallback``: the English message, said when the kind is not an item rule."""
    try:
        kind = problem if isinstance(problem, Problem) else Problem(problem)
    except ValueError:
        return fallback or str(problem)
    if kind is Problem.NO_NAME:
        return QCoreApplication.translate("CatalogueWords", "The item needs a name.")
    if kind is Problem.NAME_TOO_LONG:
        return QCoreApplication.translate(
            "CatalogueWords", "The name is too long: at most {count} characters."
        ).format(count=NAME_CHARS)
    if kind is Problem.BAD_PRICE:
        return price_text(detail, currency)
    if kind is Problem.BAD_BARCODE:
        return QCoreApplication.translate(
            "CatalogueWords",
            "“{code}” is not a barcode: 1 to {count} letters without accents, digits or signs,"
            " no spaces.",
        ).format(code=detail[:CODE_CHARS], count=CODE_CHARS)
    if kind is Problem.BAD_SKU:
        return QCoreApplication.translate(
            "CatalogueWords",
            "“{code}” is not a SKU: 1 to {count} letters without accents, digits or signs,"
            " no spaces.",
        ).format(code=detail[:CODE_CHARS], count=CODE_CHARS)
    if kind is Problem.CATEGORY_TOO_LONG:
        return QCoreApplication.translate(
            "CatalogueWords", "The category is too long: at most {count} characters."
        ).format(count=CATEGORY_CHARS)
    if kind is Problem.BAD_COLOUR:
        return QCoreApplication.translate(
            "CatalogueWords", "“{colour}” is not a colour: #RRGGBB or one of {names}."
        ).format(colour=detail, names=_palette_words())
    if kind is Problem.DUPLICATE_BARCODE:
        return QCoreApplication.translate(
            "CatalogueWords", "“{item}” already has this barcode."
        ).format(item=detail)
    return QCoreApplication.translate("CatalogueWords", "“{item}” already has this SKU.").format(
        item=detail
    )


def currency_text(catalogue: str, account: str) -> str:
    """The catalogue's prices are in another currency than the account charges in."""
    return QCoreApplication.translate(
        "CatalogueWords",
        "The catalogue’s prices are in {catalogue}; this account charges in {account}."
        " Nothing was written. Export the catalogue, change its prices, and import it on a"
        " till of that account.",
    ).format(catalogue=catalogue, account=account)


def colour_names() -> dict[str, str]:
    """The palette's colours by their hex value, named in the UI language."""
    names = {
        "red": QCoreApplication.translate("CatalogueWords", "Red"),
        "orange": QCoreApplication.translate("CatalogueWords", "Orange"),
        "yellow": QCoreApplication.translate("CatalogueWords", "Yellow"),
        "green": QCoreApplication.translate("CatalogueWords", "Green"),
        "teal": QCoreApplication.translate("CatalogueWords", "Teal"),
        "blue": QCoreApplication.translate("CatalogueWords", "Blue"),
        "purple": QCoreApplication.translate("CatalogueWords", "Purple"),
        "pink": QCoreApplication.translate("CatalogueWords", "Pink"),
        "brown": QCoreApplication.translate("CatalogueWords", "Brown"),
        "grey": QCoreApplication.translate("CatalogueWords", "Grey"),
    }
    return {hex_value: names.get(name, name) for name, hex_value in COLOURS.items()}


def _palette_words() -> str:
    """The palette's names as a file may write them, in the UI language ("rouge, orange…"
    in French: the CSV reads French names too)."""
    return ", ".join(name.lower() for name in colour_names().values())


def line_text(problem: str, currency: str, message: str, detail: str = "") -> str:
    """Why a CSV line was left out, by its kind (the import report). The English sentence
    (``message``, more precise: the line or item it clashes with) is the fallback for a
    kind this front end does not know; ``detail`` the text at fault (a price as typed, a
    code), quoted when known."""
    if problem == "cells":
        return QCoreApplication.translate(
            "CatalogueWords", "Not as many cells as the header has columns."
        )
    if problem == "archived":
        return QCoreApplication.translate("CatalogueWords", "The “archived” cell is not yes or no.")
    if problem == "repeated":
        return QCoreApplication.translate(
            "CatalogueWords", "This item is already on an earlier line."
        )
    if problem == "rewritten number":
        return QCoreApplication.translate(
            "CatalogueWords",
            "The barcode “{code}” is a number the spreadsheet rewrote (its digits are lost):"
            " format the barcode column as text, type the codes again and save.",
        ).format(code=detail)
    if problem == Problem.BAD_PRICE.value and detail:
        return price_text(detail, currency)
    if problem == Problem.BAD_PRICE.value:
        return QCoreApplication.translate(
            "CatalogueWords", "The price is not a price in {currency}."
        ).format(currency=currency)
    if problem == Problem.DUPLICATE_BARCODE.value:
        return QCoreApplication.translate(
            "CatalogueWords", "The barcode is on an earlier line or is another item’s."
        )
    if problem == Problem.DUPLICATE_SKU.value:
        return QCoreApplication.translate(
            "CatalogueWords", "The SKU is on an earlier line or is another item’s."
        )
    if problem == Problem.BAD_BARCODE.value:
        return QCoreApplication.translate(
            "CatalogueWords",
            "The barcode is not a code: 1 to {count} letters without accents, digits or signs,"
            " no spaces.",
        ).format(count=CODE_CHARS)
    if problem == Problem.BAD_SKU.value:
        return QCoreApplication.translate(
            "CatalogueWords",
            "The SKU is not a code: 1 to {count} letters without accents, digits or signs,"
            " no spaces.",
        ).format(count=CODE_CHARS)
    if problem == Problem.BAD_COLOUR.value:
        return QCoreApplication.translate(
            "CatalogueWords", "The colour is not #RRGGBB or one of {names}."
        ).format(names=_palette_words())
    return problem_text(problem, "", currency, message)


def done_text(what: str, name: str, count: int = 0) -> str:
    """What a write did (a :class:`~hpos.ui.catalogue.jobs.Done`'s ``what``), for the page."""
    texts = {
        "added": QCoreApplication.translate("CataloguePage", "“{name}” added."),
        "updated": QCoreApplication.translate("CataloguePage", "“{name}” saved."),
        "archived": QCoreApplication.translate(
            "CataloguePage", "“{name}” archived: off the quick keys and the scanner."
        ),
        "restored": QCoreApplication.translate(
            "CataloguePage", "“{name}” restored: back on the quick keys and the scanner."
        ),
        "deleted": QCoreApplication.translate("CataloguePage", "“{name}” deleted."),
        "sold": QCoreApplication.translate(
            "CataloguePage",
            "“{name}” archived, because sales name it: it stays in their receipts and reports.",
        ),
        "imported": QCoreApplication.translate(
            "CataloguePage", "Import done: {count} items written."
        ),
    }
    return texts[what].format(name=name, count=format_number(count))


def reason_text(exc: BaseException) -> str:
    """Why a job failed: an item gone meanwhile, else the shared error sentence."""
    if isinstance(exc, KeyError):
        return QCoreApplication.translate(
            "CataloguePage", "this item is no longer in the catalogue (read it again)."
        )
    return error_text(exc)


def currency_note(stored: str | None, account: str | None) -> str:
    """The page's note on the prices' currency ("" when there is nothing to say)."""
    if account and stored and account != stored:
        return QCoreApplication.translate(
            "CataloguePage",
            "The catalogue’s prices are in {catalogue}; this account charges in {account}."
            " The cashier cannot sell them until the catalogue is in {account}.",
        ).format(catalogue=stored, account=account)
    if not account and stored:
        return QCoreApplication.translate(
            "CataloguePage", "Not connected to HPAY: prices are shown in {currency}."
        ).format(currency=stored)
    return ""
