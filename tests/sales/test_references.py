"""Sale numbers and sale references: one format, parsed back, never imitated by typed text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hpos.sales.reference import (
    clean_typed,
    compose_description,
    format_sale_number,
    legacy_number_in,
    new_journal_id,
    new_reference,
    parse_reference,
    parse_sale_number,
    reference_in,
    sale_number_in,
    typed_part,
)


def test_reference_format_is_marker_journal_counter_random() -> None:
    journal = new_journal_id()
    ref = new_reference(journal, 42)
    parsed = parse_reference(ref)
    assert parsed is not None
    assert (parsed.journal_id, parsed.counter) == (journal, 42)
    assert ref == f"HPOS-{journal}-000042-{parsed.nonce}"
    assert len(parsed.nonce) == 6


def test_two_references_for_the_same_journal_and_counter_differ() -> None:
    journal = new_journal_id()
    refs = {new_reference(journal, 1) for _ in range(200)}
    assert len(refs) == 200, "the random part alone tells them apart"
    assert len({new_journal_id() for _ in range(200)}) == 200


def test_sale_numbers_work_past_999999() -> None:
    assert format_sale_number("TILL1", 42) == "TILL1-000042"
    assert format_sale_number("TILL1", 1_000_000) == "TILL1-1000000"
    assert parse_sale_number("TILL1-1000000") == ("TILL1", 1_000_000)
    ref = new_reference(new_journal_id(), 1_234_567)
    assert parse_reference(ref).counter == 1_234_567  # type: ignore[union-attr]
    assert format_sale_number("Counter 2", 7) == "Counter_2-000007", "one word"


@pytest.mark.parametrize(
    "text",
    [
        "HPOS-7KQ3M9XW-000042-R8TNZ4",
        "exchange for HPOS-7KQ3M9XW-000042-R8TNZ4",
        "hpos-7kq3m9xw-000042-r8tnz4",
        "HPOS – 7KQ3M9XW-000042-R8TNZ4",
        "HPOS\u20117KQ3M9XW-000042-R8TNZ4",
        "HPOS_7KQ3M9XW-000042-R8TNZ4",
        "HPOS--7KQ3M9XW-000042-R8TNZ4",
        "HPHPOS-OS-7KQ3M9XW-000042-R8TNZ4",
    ],
)
def test_typed_text_never_holds_a_reference(text: str) -> None:
    cleaned = clean_typed(text)
    assert "HPOS-" not in cleaned.upper()
    assert all(parse_reference(word) is None for word in cleaned.split())


@given(st.text(max_size=80))
def test_no_typed_text_can_become_a_reference(text: str) -> None:
    cleaned = clean_typed(text)
    assert "HPOS-" not in cleaned.upper()
    description = compose_description(new_reference("7KQ3M9XW", 3), "TILL1-000003", text)
    assert reference_in(description) is not None
    assert description.count("HPOS-") == 1


def test_description_layout_is_reference_number_typed() -> None:
    ref = new_reference("7KQ3M9XW", 2)
    text = compose_description(ref, "TILL1-000002", "  exchange   for TILL1-000003 ")
    assert text == f"{ref} TILL1-000002 exchange for TILL1-000003"
    assert reference_in(text) == ref
    assert sale_number_in(text) == "TILL1-000002"
    assert typed_part(text) == "exchange for TILL1-000003"
    assert legacy_number_in(text) is None, "a new description is never read as a legacy one"


def test_a_reference_counts_only_in_its_place() -> None:
    ref = new_reference("7KQ3M9XW", 2)
    assert reference_in(f"TILL1-000001 {ref}") is None
    assert reference_in(f"{ref}x TILL1-000001") is None
    assert reference_in("") is None


def test_legacy_descriptions_still_read() -> None:
    assert legacy_number_in("TILL1-000042 Tea") == "TILL1-000042"
    assert sale_number_in("TILL1-000042 Tea") == "TILL1-000042"
    assert typed_part("TILL1-000042 Tea") == "Tea"
    assert legacy_number_in("Order TILL1-000042") is None
    assert sale_number_in("Gift card") is None


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="not a journal id"):
        new_reference("short", 1)
    with pytest.raises(ValueError, match="start at 1"):
        new_reference("7KQ3M9XW", 0)
    with pytest.raises(ValueError, match="not a sale reference"):
        compose_description("TILL1-000001", "TILL1-000001", "")
    assert parse_reference("HPOS-7KQ3M9XI-000042-R8TNZ4") is None, "I is not in the alphabet"
