"""Sale numbers and sale references: the one place that formats and parses them.

A **sale number** is what people read: ``<till>-<n>``, at least six digits
(``TILL1-000042``, ``TILL1-1000000`` past 999,999 sales). It is unique in one
journal only: two tills left on the same name, or a journal deleted and started
again, make the same numbers.

A **sale reference** is what HPOS matches HPAY's history against. It is made
before the payment request leaves and written to the journal first::

    HPOS-7KQ3M9XW-000042-R8TNZ4
    │    │        │      └─ 6 random characters drawn for this sale (``secrets``)
    │    │        └─ the sale's counter in its journal (as in the sale number)
    │    └─ the journal id: 8 random characters drawn when the journal was created
    └─ the marker

Both random parts use Crockford's base32 alphabet (digits and capitals without
I, L, O, U): 40 + 30 random bits, so no other journal, till or reinstall can
make the same reference.

The description sent to HPAY has a fixed layout: the reference first, then the
sale number, then what the cashier typed::

    HPOS-7KQ3M9XW-000042-R8TNZ4 TILL1-000042 exchange for a blue one

Only the first word counts as a reference (:func:`reference_in`), and typed text
is cleaned (:func:`clean_typed`) so that it never contains the marker: text a
person typed cannot imitate a reference, wherever it lands. The same cleaning
removes terminal escape sequences, bidi overrides and zero-width characters and turns
control characters into spaces (:func:`hpos.util.text.printable`): the product name
and description reach HPAY, the checkout page, receipts and reports as plain text.

Sales written before references existed (journal schema 1) sent
``<sale number> <typed>``; :func:`legacy_number_in` reads that first word.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from hpos.util.text import printable

MARKER = "HPOS"
#: Crockford's base32: no I, L, O, U (never misread, never a word).
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
JOURNAL_ID_CHARS = 8
NONCE_CHARS = 6
#: Digits of the counter, at least (more past 999,999).
COUNTER_DIGITS = 6

_B32 = f"[{ALPHABET}]"
_REFERENCE = re.compile(
    rf"{MARKER}-(?P<journal>{_B32}{{{JOURNAL_ID_CHARS}}})-(?P<counter>\d{{{COUNTER_DIGITS},}})"
    rf"-(?P<nonce>{_B32}{{{NONCE_CHARS}}})"
)
_SALE_NUMBER = re.compile(rf"(?P<till>\S+)-(?P<counter>\d{{{COUNTER_DIGITS},}})")
#: The marker followed by a dash in any case, with look-alike dashes: what typed text must not hold.
_TYPED_MARKER = re.compile(rf"({MARKER})\s*[-\u2010-\u2015\u2212_]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Reference:
    """A parsed sale reference."""

    journal_id: str
    counter: int
    nonce: str

    def __str__(self) -> str:
        return f"{MARKER}-{self.journal_id}-{self.counter:0{COUNTER_DIGITS}d}-{self.nonce}"


def _random(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_journal_id() -> str:
    """A fresh journal id (8 random base32 characters)."""
    return _random(JOURNAL_ID_CHARS)


def is_journal_id(text: str) -> bool:
    """Is ``text`` shaped like a journal id?"""
    return re.fullmatch(f"{_B32}{{{JOURNAL_ID_CHARS}}}", text) is not None


def new_reference(journal_id: str, counter: int) -> str:
    """The reference of a new sale: this journal, this counter, a fresh random part."""
    if not is_journal_id(journal_id):
        raise ValueError(f"not a journal id: {journal_id!r}")
    if counter < 1:
        raise ValueError("sale counters start at 1")
    return str(Reference(journal_id, counter, _random(NONCE_CHARS)))


def parse_reference(text: str) -> Reference | None:
    """``text`` as a reference, when it is exactly one (else None)."""
    match = _REFERENCE.fullmatch(text.strip())
    if match is None:
        return None
    return Reference(match["journal"], int(match["counter"]), match["nonce"])


def till_token(till: str) -> str:
    """The till name as it appears in sale numbers: one word (spaces become ``_``)."""
    return "_".join(till.split()) or "TILL"


def format_sale_number(till: str, counter: int) -> str:
    """``TILL1``, 42 -> ``TILL1-000042`` (seven digits and more past 999,999)."""
    if counter < 1:
        raise ValueError("sale counters start at 1")
    return f"{till_token(till)}-{counter:0{COUNTER_DIGITS}d}"


def parse_sale_number(text: str) -> tuple[str, int] | None:
    """``TILL1-000042`` -> ("TILL1", 42); None for anything else."""
    match = _SALE_NUMBER.fullmatch(text.strip())
    return (match["till"], int(match["counter"])) if match else None


def clean_typed(text: str) -> str:
    """Text a person typed, made safe to send: one line of plain text, never the reference marker.

    Escape sequences and invisible format characters (bidi, zero-width) are removed,
    control characters become spaces (:func:`~hpos.util.text.printable`); ``HPOS-``
    (any case, any dash, spaces between) becomes ``HPOS `` so no typed word can take
    the shape of a reference.
    """
    flat = " ".join(printable(text or "").split())
    while (cleaned := _TYPED_MARKER.sub(r"\1 ", flat)) != flat:
        flat = cleaned
    return " ".join(flat.split())


def compose_description(reference: str, sale_number: str, typed: str) -> str:
    """The description sent to HPAY: reference, sale number, then the cleaned typed text."""
    if parse_reference(reference) is None:
        raise ValueError(f"not a sale reference: {reference!r}")
    return " ".join(part for part in (reference, sale_number, clean_typed(typed)) if part)


def _first_word(description: str) -> str:
    words = description.split(maxsplit=1)
    return words[0] if words else ""


def reference_in(description: str) -> str | None:
    """The reference a payment's description carries in its fixed place (the first word)."""
    first = _first_word(description)
    return first if parse_reference(first) is not None else None


def legacy_number_in(description: str) -> str | None:
    """The sale number a description from before references carries as its first word."""
    first = _first_word(description)
    return first if parse_sale_number(first) is not None else None


def sale_number_in(description: str) -> str | None:
    """The sale number HPOS wrote into a payment's description (either layout), if any."""
    words = description.split(maxsplit=2)
    if words and parse_reference(words[0]) is not None:
        words = words[1:]
    if words and parse_sale_number(words[0]) is not None:
        return words[0]
    return None


def typed_part(description: str) -> str:
    """What the cashier typed: the description without HPOS's reference and sale number."""
    words = description.split(maxsplit=1)
    if words and parse_reference(words[0]) is not None:
        description = words[1] if len(words) > 1 else ""
    number = sale_number_in(description)
    text = " ".join(description.split())
    if number and (text == number or text.startswith(number + " ")):
        text = text[len(number) :].strip()
    return text
