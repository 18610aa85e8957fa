"""The manager PIN's background jobs (run on the Runner: scrypt and the disk) and their texts.

:func:`try_pin` checks one PIN against the hash saved in ``settings.json`` *now* (read
again, so a ``hpos configure --reset-pin`` run while the window is open counts at
once), with the wrong-PIN count and lockout of :mod:`hpos.profile.pin`;
:func:`pin_waiting` says whether a lockout or a delay is running before anything is
typed. :func:`wait_text` and :func:`answer_text` say it to the person at the till.
The texts are translated (context "ManagerPin") with
:meth:`QCoreApplication.translate`, which is thread-safe. No PIN ever appears in them.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from hpos.hpay.errors import ConfigError
from hpos.profile.file import read_settings_file
from hpos.profile.pin import (
    DAMAGED_PIN_HASH,
    LOCKOUT_SECONDS,
    PinAnswer,
    PinVerdict,
    attempt_pin,
    attempts_path,
    read_attempts,
    waiting,
)
from hpos.profile.profile import SETTINGS_FILE


def _saved_hash(config_dir: Path, fallback: str) -> str:
    """The hash in settings.json now; ``fallback`` (the window's) when it cannot be read."""
    try:
        return read_settings_file(config_dir / SETTINGS_FILE).manager_pin_hash
    except ConfigError:
        return fallback


def try_pin(config_dir: Path, pin: str, known_hash: str, now: float) -> PinAnswer:
    """Runs on a worker: one try of ``pin``; RIGHT too when the PIN was removed meanwhile."""
    pin_hash = _saved_hash(config_dir, known_hash)
    if not pin_hash:
        return PinAnswer(PinVerdict.RIGHT)
    return attempt_pin(pin, pin_hash, attempts_path(config_dir), now)


def pin_waiting(config_dir: Path, now: float) -> PinAnswer | None:
    """Runs on a worker: the lockout or delay running at ``now`` (None: a PIN may be typed)."""
    return waiting(read_attempts(attempts_path(config_dir)), now)


def is_damaged(pin_hash: str) -> bool:
    """True when settings.json held a hash HPOS did not write (no PIN opens it)."""
    return pin_hash == DAMAGED_PIN_HASH


def duration_text(seconds: float) -> str:
    """``4 min 05 s`` or ``8 s``: a wait, rounded up to the second."""
    whole = max(0, math.ceil(seconds))
    if whole >= 60:
        return QCoreApplication.translate("ManagerPin", "{minutes} min {seconds} s").format(
            minutes=whole // 60, seconds=f"{whole % 60:02d}"
        )
    return QCoreApplication.translate("ManagerPin", "{seconds} s").format(seconds=whole)


def wait_text(answer: PinAnswer, left: float) -> str:
    """What the prompt says while ``answer``'s wait runs, ``left`` seconds still to go."""
    if answer.verdict is PinVerdict.LOCKED:
        return QCoreApplication.translate(
            "ManagerPin",
            "Too many wrong PINs: the PIN is locked for {minutes} minutes. Time left: {left}.",
        ).format(minutes=int(LOCKOUT_SECONDS // 60), left=duration_text(left))
    text = QCoreApplication.translate("ManagerPin", "Wrong PIN. Try again in {left}.").format(
        left=duration_text(left)
    )
    if answer.tries_left <= 1:
        text += " " + _last_try_text()
    return text


def answer_text(answer: PinAnswer) -> str:
    """What the prompt says once a wait is over (or when there was none)."""
    if answer.verdict is PinVerdict.LOCKED:
        return QCoreApplication.translate("ManagerPin", "The lock is over: type the PIN.")
    text = QCoreApplication.translate("ManagerPin", "Wrong PIN. Type it again.")
    if answer.tries_left <= 1:
        text += " " + _last_try_text()
    return text


def _last_try_text() -> str:
    return QCoreApplication.translate(
        "ManagerPin", "One more wrong PIN locks it for {minutes} minutes."
    ).format(minutes=int(LOCKOUT_SECONDS // 60))
