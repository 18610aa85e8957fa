"""The sale lifecycle: every allowed transition passes, every other one is refused."""

from __future__ import annotations

import itertools

import pytest

from hpos.sales.states import (
    FINAL,
    OPEN,
    TRANSITIONS,
    IllegalTransition,
    SaleState,
    check_transition,
    is_paid_late,
)

S = SaleState
ALLOWED = {
    (S.CREATED, S.REQUESTING),
    (S.CREATED, S.FAILED),
    (S.REQUESTING, S.AWAITING),
    (S.REQUESTING, S.FAILED),
    (S.REQUESTING, S.UNKNOWN),
    (S.AWAITING, S.PAID),
    (S.AWAITING, S.CANCELLED),
    (S.AWAITING, S.EXPIRED),
    (S.CANCELLED, S.PAID),
    (S.EXPIRED, S.PAID),
    (S.UNKNOWN, S.AWAITING),
    (S.UNKNOWN, S.PAID),
    (S.UNKNOWN, S.FAILED),
    (S.UNKNOWN, S.REVIEW),
    (S.REVIEW, S.AWAITING),
    (S.REVIEW, S.PAID),
    (S.REVIEW, S.FAILED),
    # a payment that is not the sale's own (another sale holds it, or HPAY lists it with
    # another amount or reference) goes to a person, never to PAID:
    (S.REQUESTING, S.REVIEW),
    (S.AWAITING, S.REVIEW),
    (S.CANCELLED, S.REVIEW),
    (S.EXPIRED, S.REVIEW),
}


def test_table_is_exactly_the_documented_lifecycle() -> None:
    table = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
    assert table == ALLOWED
    assert set(TRANSITIONS) == set(SaleState)


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED))
def test_allowed_transition_passes(current: SaleState, target: SaleState) -> None:
    check_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    sorted(set(itertools.product(SaleState, SaleState)) - ALLOWED),
)
def test_other_transitions_are_refused(current: SaleState, target: SaleState) -> None:
    with pytest.raises(IllegalTransition) as caught:
        check_transition(current, target)
    assert current.value in str(caught.value)
    assert target.value in str(caught.value)


def test_final_states_go_nowhere() -> None:
    assert {s for s in SaleState if s.is_final} == FINAL == {S.PAID, S.FAILED}
    for state in FINAL:
        assert TRANSITIONS[state] == frozenset()


def test_open_states_are_the_ones_resumed_at_start_up() -> None:
    assert {s for s in SaleState if s.is_open} == OPEN
    assert S.REVIEW not in OPEN, "a review waits for a human, not for the watcher"
    assert not OPEN & FINAL


def test_paid_late_only_from_cancelled_or_expired() -> None:
    assert is_paid_late(S.CANCELLED, S.PAID)
    assert is_paid_late(S.EXPIRED, S.PAID)
    assert not is_paid_late(S.AWAITING, S.PAID)
    assert not is_paid_late(S.UNKNOWN, S.PAID)
