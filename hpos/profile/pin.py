"""The manager PIN: a salted scrypt hash, its check, and the lockout after wrong PINs (no Qt).

The PIN (4 to 8 digits) is never stored: :func:`hash_pin` makes the text kept in
``settings.json`` (``manager_pin_hash``), ``scrypt$N$r$p$<salt>$<hash>`` with a
16-byte random salt; :func:`verify_pin` compares in constant time. Neither the
PIN nor the hash ever goes into a log line or an exception's message.

Wrong PINs slow down: after the 1st, 2nd, 3rd and 4th wrong PIN in a row the next
try waits 1, 2, 4, then 8 seconds (:data:`DELAYS`); the 5th locks the PIN for
5 minutes (:data:`LOCKOUT_SECONDS`). After a lockout the count stays at 4, so one
more wrong PIN locks again at once; a right PIN starts the count afresh.
:func:`check_attempt` is that rule on a wall-clock time (pure);
:func:`attempt_pin` applies it with the state kept in ``manager-pin-attempts.json``
beside ``settings.json`` (owner-only, written atomically), so quitting and
starting again does not reset a lockout. A state file that cannot be read counts
as no wrong PIN (it lives in the OS account, which is the way out of a forgotten
PIN anyway: ``hpos configure --reset-pin``). A hash found damaged in settings.json
(:data:`DAMAGED_PIN_HASH`) fails closed: no PIN opens it until that reset. A clock
set back cannot make a wait longer than its rule: every wait is capped at its own length.

scrypt takes tens of milliseconds by design: the window runs :func:`attempt_pin`
and :func:`hash_pin` on its background runner, never on the GUI thread.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path

from hpos.hpay.errors import ConfigError
from hpos.util.atomic import OWNER_ONLY, write_atomic

__all__ = [
    "DAMAGED_PIN_HASH",
    "DELAYS",
    "LOCKOUT_SECONDS",
    "MAX_WRONG",
    "PIN_LENGTHS",
    "Attempts",
    "PinAnswer",
    "PinRefused",
    "PinVerdict",
    "attempt_pin",
    "attempts_path",
    "check_attempt",
    "clear_attempts",
    "hash_pin",
    "is_pin_hash",
    "pin_problem",
    "read_attempts",
    "validate_pin",
    "verify_pin",
    "write_attempts",
]

log = logging.getLogger(__name__)

#: Shortest and longest PIN, in digits.
PIN_LENGTHS = (4, 8)
#: Wait (seconds) before the next try after the 1st, 2nd, 3rd and 4th wrong PIN in a row.
DELAYS = (1.0, 2.0, 4.0, 8.0)
#: Wrong PINs in a row that lock the PIN, and for how long (seconds).
MAX_WRONG = 5
LOCKOUT_SECONDS = 300.0
#: What settings.json keeps in place of a hash HPOS did not write: no PIN opens it.
DAMAGED_PIN_HASH = "damaged"
#: The file beside settings.json holding the wrong-PIN count and the lockout.
ATTEMPTS_FILE = "manager-pin-attempts.json"

_SCHEME = "scrypt"
_N, _R, _P = 2**14, 8, 1  # ~16 MB and some 50 ms per check: slow for a guesser, fine for a person
_SALT_BYTES, _KEY_BYTES = 16, 32
_MAX_MEM = 64 * 1024 * 1024


class PinRefused(ConfigError):
    """A PIN that cannot be used (not 4 to 8 digits, or the two typings differ).

    The message says the rule; it never repeats what was typed.
    """


def pin_problem(pin: str) -> str:
    """Why ``pin`` cannot be a manager PIN ("" when it can); never repeats the PIN."""
    low, high = PIN_LENGTHS
    if not pin:
        return "Type a PIN."
    if not (pin.isascii() and pin.isdigit()):
        return "The PIN is digits only (0-9)."
    if not low <= len(pin) <= high:
        return f"The PIN is {low} to {high} digits long."
    return ""


def validate_pin(pin: str) -> str:
    """``pin`` when it is 4 to 8 digits; :class:`PinRefused` otherwise."""
    problem = pin_problem(pin)
    if problem:
        raise PinRefused(problem)
    return pin


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(pin: str, salt: bytes, n: int, r: int, p: int, size: int) -> bytes:
    # imported here, not at the top: settings.py imports this module before the window's
    # first paint, and OpenSSL's hashlib costs ~3 ms of start-up
    import hashlib

    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=_MAX_MEM, dklen=size
    )


def hash_pin(pin: str) -> str:
    """The text kept in the profile for ``pin`` (validated first): scrypt with a fresh salt."""
    # imported here, not at the top: secrets loads hashlib (start-up speed, see _derive)
    import secrets

    validate_pin(pin)
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _derive(pin, salt, _N, _R, _P, _KEY_BYTES)
    return f"{_SCHEME}${_N}${_R}${_P}${_b64(salt)}${_b64(key)}"


@dataclass(frozen=True)
class _Parsed:
    n: int
    r: int
    p: int
    salt: bytes
    key: bytes


def _parse(text: str) -> _Parsed | None:
    """The parts of a stored hash; None for anything HPOS did not write (or unsafe costs)."""
    parts = text.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME:
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    power_of_two = n > 1 and n & (n - 1) == 0
    if not (power_of_two and n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
        return None
    if 128 * n * r > _MAX_MEM or len(salt) < 8 or not 16 <= len(key) <= 64:
        return None
    return _Parsed(n, r, p, salt, key)


def is_pin_hash(text: str) -> bool:
    """True for a hash :func:`hash_pin` could have written (the settings file's check)."""
    return _parse(text) is not None


def verify_pin(pin: str, pin_hash: str) -> bool:
    """True when ``pin`` is the PIN of ``pin_hash`` (constant-time compare); False otherwise."""
    parsed = _parse(pin_hash)
    if parsed is None or pin_problem(pin):
        return False
    # imported here, not at the top: hmac loads hashlib (start-up speed, see _derive)
    import hmac

    key = _derive(pin, parsed.salt, parsed.n, parsed.r, parsed.p, len(parsed.key))
    return hmac.compare_digest(key, parsed.key)


# -- wrong PINs and the lockout ------------------------------------------------------------


@dataclass(frozen=True)
class Attempts:
    """Wrong PINs in a row and the wall-clock times (epoch seconds) before which none is tried."""

    wrong: int = 0
    next_try_at: float = 0.0  # the growing delay after a wrong PIN
    locked_until: float = 0.0  # the lockout after MAX_WRONG wrong PINs


class PinVerdict(StrEnum):
    """What one try came to."""

    RIGHT = "right"
    WRONG = "wrong"  # wrong: ``wait`` seconds before the next try, ``tries_left`` before a lock
    WAIT = "wait"  # not checked: the delay after the last wrong PIN is still running
    LOCKED = "locked"  # not checked (or the wrong PIN that locked): ``wait`` seconds left


@dataclass(frozen=True)
class PinAnswer:
    """One try's verdict, the seconds to wait before the next, and tries left before a lock."""

    verdict: PinVerdict
    wait: float = 0.0
    tries_left: int = MAX_WRONG


def _left(until: float, now: float, longest: float) -> float:
    """Seconds from ``now`` to ``until``, never more than ``longest`` (a clock set back)."""
    return max(0.0, min(until - now, longest))


def waiting(attempts: Attempts, now: float) -> PinAnswer | None:
    """The lockout or the delay still running at ``now`` (None: a PIN may be tried)."""
    locked = _left(attempts.locked_until, now, LOCKOUT_SECONDS)
    if locked > 0:
        return PinAnswer(PinVerdict.LOCKED, locked, 0)
    delay = _left(attempts.next_try_at, now, DELAYS[-1])
    if delay > 0:
        return PinAnswer(PinVerdict.WAIT, delay, MAX_WRONG - attempts.wrong)
    return None


def check_attempt(
    pin: str, pin_hash: str, attempts: Attempts, now: float
) -> tuple[PinAnswer, Attempts]:
    """One try of ``pin`` at wall-clock ``now``: the answer and the attempts to keep.

    While locked or waiting, the PIN is not even checked (and the state is unchanged).
    """
    held = waiting(attempts, now)
    if held is not None:
        return held, attempts
    if verify_pin(pin, pin_hash):
        return PinAnswer(PinVerdict.RIGHT), Attempts()
    wrong = min(attempts.wrong + 1, MAX_WRONG)
    if wrong >= MAX_WRONG:
        # stays one short of the lock afterwards: the next wrong PIN locks again at once
        kept = Attempts(MAX_WRONG - 1, 0.0, now + LOCKOUT_SECONDS)
        return PinAnswer(PinVerdict.LOCKED, LOCKOUT_SECONDS, 0), kept
    delay = DELAYS[wrong - 1]
    return PinAnswer(PinVerdict.WRONG, delay, MAX_WRONG - wrong), Attempts(wrong, now + delay)


def attempts_path(config_dir: Path) -> Path:
    """Where a profile keeps its wrong-PIN count and lockout."""
    return Path(config_dir) / ATTEMPTS_FILE


def read_attempts(path: Path) -> Attempts:
    """The attempts kept in ``path``; none when there is no file (or it cannot be used)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Attempts(
            wrong=max(0, min(int(data["wrong"]), MAX_WRONG)),
            next_try_at=float(data["next_try_at"]),
            locked_until=float(data["locked_until"]),
        )
    except FileNotFoundError:
        return Attempts()
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("The manager PIN's attempts file %s is unusable (%s)", path, type(exc).__name__)
        return Attempts()


def write_attempts(path: Path, attempts: Attempts) -> None:
    """Keep ``attempts`` in ``path`` (owner-only, atomically); no file when there is nothing."""
    if attempts == Attempts():
        clear_attempts(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomic(path, json.dumps(asdict(attempts)) + "\n", fsync=True, mode=OWNER_ONLY)


def clear_attempts(path: Path) -> None:
    """Forget the wrong PINs and any lockout (a new PIN, a reset PIN, a right PIN)."""
    path.unlink(missing_ok=True)


def attempt_pin(pin: str, pin_hash: str, path: Path, now: float) -> PinAnswer:
    """One try of ``pin``, with the attempts kept in ``path`` (read, checked, written back).

    Blocking (scrypt, the disk): the window calls it on its runner. A state that cannot
    be written is logged and the answer still given (the prompt still makes one wait).
    """
    before = read_attempts(path)
    answer, after = check_attempt(pin, pin_hash, before, now)
    if after != before:
        try:
            write_attempts(path, after)
        except OSError as exc:
            log.warning("Cannot keep the manager PIN's attempts in %s: %s", path, exc.strerror)
    if answer.verdict is PinVerdict.LOCKED and before.locked_until <= now:
        log.warning("Manager PIN locked for %d minutes after wrong PINs", LOCKOUT_SECONDS // 60)
    return answer
