"""The manager PIN: scrypt hash and check, the growing delay, the 5-minute lockout kept on disk.

Times are given by the test (a fake wall clock): nothing sleeps, nothing reads the real clock.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from hpos.profile.file import read_settings_file, write_settings_file
from hpos.profile.pin import (
    DAMAGED_PIN_HASH,
    DELAYS,
    LOCKOUT_SECONDS,
    MAX_WRONG,
    Attempts,
    PinRefused,
    PinVerdict,
    attempt_pin,
    attempts_path,
    check_attempt,
    hash_pin,
    is_pin_hash,
    read_attempts,
    validate_pin,
    verify_pin,
    write_attempts,
)
from hpos.profile.settings import Settings, replace_settings

PIN = "482915"
T0 = 1_800_000_000.0  # a wall-clock time (epoch seconds)


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


def test_the_hash_is_salted_scrypt_and_never_the_pin(pin_hash: str) -> None:
    assert pin_hash.startswith("scrypt$16384$8$1$")
    assert PIN not in pin_hash
    assert hash_pin(PIN) != pin_hash  # a fresh salt each time
    assert verify_pin(PIN, pin_hash)
    assert not verify_pin("482916", pin_hash)
    assert not verify_pin("", pin_hash)
    assert not verify_pin(PIN, "scrypt$16384$8$1$bm90$bm90")  # not a hash HPOS wrote
    assert is_pin_hash(pin_hash)
    assert not is_pin_hash(PIN)


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("123", "The PIN is 4 to 8 digits long."),
        ("123456789", "The PIN is 4 to 8 digits long."),
        ("12a4", "The PIN is digits only (0-9)."),
        ("١٢٣٤", "The PIN is digits only (0-9)."),  # Arabic-Indic digits: not 0-9
        ("", "Type a PIN."),
    ],
)
def test_a_pin_is_4_to_8_digits(pin: str, problem: str) -> None:
    with pytest.raises(PinRefused) as caught:
        validate_pin(pin)
    assert caught.value.message == problem
    assert validate_pin("0000") == "0000"
    assert validate_pin("12345678") == "12345678"


def test_an_absurd_cost_in_a_stored_hash_is_refused() -> None:
    """A hand-edited hash asking for gigabytes of memory is not a hash HPOS wrote."""
    assert not is_pin_hash("scrypt$1073741824$8$1$c2FsdHNhbHQ=$" + "a" * 44)
    assert not is_pin_hash("scrypt$16384$8$1$c2FsdHNhbHQ=$not base64!")


def test_the_settings_file_keeps_the_hash_and_nothing_else(tmp_path: Path, pin_hash: str) -> None:
    path = tmp_path / "settings.json"
    settings = replace_settings(Settings(), manager_pin_hash=pin_hash)
    write_settings_file(path, settings)
    assert json.loads(path.read_text())["manager_pin_hash"] == pin_hash
    assert read_settings_file(path).manager_pin_hash == pin_hash
    assert pin_hash not in repr(settings)  # never in a log line that prints the settings


def test_a_damaged_hash_fails_closed_and_a_pin_in_the_clear_is_not_kept(tmp_path: Path) -> None:
    """A hand-edited hash opens with no PIN at all (until hpos configure --reset-pin)."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"manager_pin_hash": PIN}))
    settings = read_settings_file(path)
    assert settings.manager_pin_hash == DAMAGED_PIN_HASH
    assert not verify_pin(PIN, settings.manager_pin_hash)
    write_settings_file(path, settings)
    assert PIN not in path.read_text()
    assert replace_settings(Settings(), manager_pin_hash="x").manager_pin_hash == DAMAGED_PIN_HASH


# -- wrong PINs --------------------------------------------------------------------------------


def test_wrong_pins_wait_longer_each_time_then_lock_for_5_minutes(pin_hash: str) -> None:
    state, now = Attempts(), T0
    for number, delay in enumerate(DELAYS, start=1):
        answer, state = check_attempt("000000", pin_hash, state, now)
        assert answer.verdict is PinVerdict.WRONG
        assert answer.wait == delay
        assert answer.tries_left == MAX_WRONG - number
        # too soon: not even checked, the right PIN included
        early, same = check_attempt(PIN, pin_hash, state, now + delay - 0.5)
        assert early.verdict is PinVerdict.WAIT
        assert early.wait == pytest.approx(0.5)
        assert same == state
        now += delay
    answer, state = check_attempt("000000", pin_hash, state, now)  # the 5th in a row
    assert answer.verdict is PinVerdict.LOCKED
    assert answer.wait == LOCKOUT_SECONDS == 300
    locked, _ = check_attempt(PIN, pin_hash, state, now + 299)
    assert locked.verdict is PinVerdict.LOCKED
    assert locked.wait == pytest.approx(1)
    # after the lockout, one more wrong PIN locks again at once; the right one opens
    again, _ = check_attempt("000000", pin_hash, state, now + 300)
    assert again.verdict is PinVerdict.LOCKED
    right, state = check_attempt(PIN, pin_hash, state, now + 300)
    assert right.verdict is PinVerdict.RIGHT
    assert state == Attempts()


def test_a_right_pin_starts_the_count_afresh(pin_hash: str) -> None:
    answer, state = check_attempt("1111", pin_hash, Attempts(), T0)
    assert answer.tries_left == 4
    answer, state = check_attempt(PIN, pin_hash, state, T0 + 1)
    assert answer.verdict is PinVerdict.RIGHT
    assert state == Attempts()
    answer, _ = check_attempt("1111", pin_hash, state, T0 + 2)
    assert answer.wait == DELAYS[0]
    assert answer.tries_left == 4


def test_a_clock_set_back_cannot_lengthen_the_lockout(pin_hash: str) -> None:
    state = Attempts(MAX_WRONG - 1, 0.0, T0 + LOCKOUT_SECONDS)
    answer, _ = check_attempt(PIN, pin_hash, state, T0 - 86_400)  # the clock went back a day
    assert answer.verdict is PinVerdict.LOCKED
    assert answer.wait == LOCKOUT_SECONDS


def test_the_lockout_survives_a_restart(tmp_path: Path, pin_hash: str) -> None:
    """The attempts are kept beside settings.json: a new process finds the lockout."""
    path = attempts_path(tmp_path)
    now = T0
    for delay in DELAYS:
        attempt_pin("9999", pin_hash, path, now)
        now += delay
    answer = attempt_pin("9999", pin_hash, path, now)
    assert answer.verdict is PinVerdict.LOCKED
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    # "restart": nothing in memory, only the file
    assert read_attempts(path).locked_until == now + LOCKOUT_SECONDS
    later = attempt_pin(PIN, pin_hash, path, now + 120)
    assert later.verdict is PinVerdict.LOCKED
    assert later.wait == 180
    assert attempt_pin(PIN, pin_hash, path, now + 300).verdict is PinVerdict.RIGHT
    assert not path.exists()  # nothing to keep once the right PIN was given


def test_an_unusable_attempts_file_counts_as_no_wrong_pin(tmp_path: Path) -> None:
    path = attempts_path(tmp_path)
    path.write_text("{not json")
    assert read_attempts(path) == Attempts()
    write_attempts(path, Attempts(2, T0 + 2, 0.0))
    assert read_attempts(path) == Attempts(2, T0 + 2, 0.0)


def test_no_pin_and_no_hash_in_any_log_or_exception(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Every path (set, right, wrong, lockout, a bad PIN, an unusable file) logs at DEBUG;
    neither the PIN, nor a wrong one tried, nor the hash appears in a record or a message."""
    caplog.set_level(logging.DEBUG, logger="hpos")
    wrong = "73510000"
    pin_hash = hash_pin(PIN)
    path = attempts_path(tmp_path)
    messages: list[str] = []
    now = T0
    for _ in range(MAX_WRONG + 1):
        answer = attempt_pin(wrong, pin_hash, path, now)
        now += answer.wait
    attempt_pin(PIN, pin_hash, path, now + LOCKOUT_SECONDS)
    for bad in (wrong + "9", "12x4"):
        with pytest.raises(PinRefused) as caught:
            hash_pin(bad)
        messages += [str(caught.value), repr(caught.value)]
    path.write_text(f'{{"wrong": "{wrong}"}}')  # unusable: logged
    read_attempts(path)
    assert any("locked" in r.getMessage() for r in caplog.records)
    text = "\n".join([*messages, *(r.getMessage() for r in caplog.records)])
    for value in (PIN, wrong, pin_hash, pin_hash.split("$")[-1], pin_hash.split("$")[-2]):
        assert value not in text
