"""HPAY's token ``livetime`` ("15mn") read as a whole number of seconds."""

from __future__ import annotations

import re
from decimal import Decimal

from hpos.hpay.errors import ProtocolError

__all__ = ["MAX_LIVETIME_SECONDS", "parse_livetime"]

#: A token claiming to live longer than a day is not believed.
MAX_LIVETIME_SECONDS = 86_400

_UNITS = {
    "": 1,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "seconde": 1,
    "secondes": 1,
    "m": 60,
    "mn": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "heure": 3600,
    "heures": 3600,
}
_PATTERN = re.compile(r"([0-9]{1,6})\s*([a-z]*)\.?")


def parse_livetime(text: object) -> int:
    """Seconds a token lives: "15mn", "15 min", "900s", "1h", "900" or 900 -> int.

    Raises :class:`ProtocolError` for anything else, for zero, and for more
    than a day.
    """
    if isinstance(text, bool):
        raise ProtocolError("HPAY sent an invalid 'livetime': expected a duration.")
    if isinstance(text, Decimal):
        if not text.is_finite() or text.copy_abs() > MAX_LIVETIME_SECONDS or text % 1 != 0:
            raise ProtocolError("HPAY sent an invalid 'livetime': not a whole number of seconds.")
        text = int(text)
    if isinstance(text, int):
        seconds = text
    elif isinstance(text, str):
        match = _PATTERN.fullmatch(text.strip().lower())
        if match is None or match.group(2) not in _UNITS:
            raise ProtocolError("HPAY sent an invalid 'livetime': not a duration such as 15mn.")
        seconds = int(match.group(1)) * _UNITS[match.group(2)]
    else:
        raise ProtocolError("HPAY sent an invalid 'livetime': expected a duration.")
    if seconds <= 0:
        raise ProtocolError("HPAY sent an invalid 'livetime': it must be positive.")
    if seconds > MAX_LIVETIME_SECONDS:
        raise ProtocolError("HPAY sent an invalid 'livetime': longer than a day.")
    return seconds
