"""The one redaction point: secrets never reach a log line, a message or a report.

Two kinds of masking, both to ``***``:

* by name: the value after ``api_key``, ``api_public_key``, ``public_key``,
  ``api_secret_key``, ``secret_key`` or ``token`` in ``"name": "value"``,
  ``'name': 'value'`` and ``name=value`` forms (also inside longer names such
  as ``HPOS_API_KEY=...``);
* by value: every literal registered with :meth:`Redactor.add` (the keys, each
  token as it is issued), wherever it appears, also URL-encoded or JSON-escaped.

:class:`RedactingFilter` applies this to log records (message, arguments and
traceback text). :func:`default_redactor` is the process-wide instance used by
logging handlers: the one deliberate module-level singleton, because logging
itself is process-wide.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

__all__ = [
    "MASK",
    "SECRET_FIELDS",
    "RedactingFilter",
    "Redactor",
    "default_redactor",
    "install_redaction",
]

MASK = "***"
#: Field names whose values are always masked (compared case-insensitively).
SECRET_FIELDS = frozenset(
    {"api_key", "api_public_key", "public_key", "api_secret_key", "secret_key", "token"}
)
#: Shorter literals are not registered: masking them would shred ordinary text.
MIN_SECRET_LENGTH = 4

_NAMES = "|".join(sorted(SECRET_FIELDS, key=len, reverse=True))
_NAME = rf"(?<![A-Za-z0-9])(?:{_NAMES})"
_BY_NAME = [
    # "api_key": "value"   /   'token': 'value'   (quoted name, quoted value)
    re.compile(rf"""(?i)(["']{_NAME}["']\s*:\s*)"((?:\\.|[^"\\])*)\""""),
    re.compile(rf"""(?i)(["']{_NAME}["']\s*:\s*)'((?:\\.|[^'\\])*)'"""),
    # \"api_key\": \"value\"  (JSON text inside a JSON string or a repr)
    re.compile(rf"""(?i)(\\["']{_NAME}\\["']\s*:\s*\\["'])(.*?)(?=\\["'])"""),
    # "token": 12345  (quoted name, bare value)
    re.compile(rf"""(?i)(["']{_NAME}["']\s*:\s*)([^\s,;}}\]"'][^\s,;}}\]]*)"""),
    # api_secret_key="value" / token='value' / api_key=value
    re.compile(rf"""(?i)({_NAME}\s*=\s*)"((?:\\.|[^"\\])*)\""""),
    re.compile(rf"""(?i)({_NAME}\s*=\s*)'((?:\\.|[^'\\])*)'"""),
    re.compile(rf"""(?i)({_NAME}\s*=\s*)([^\s&,;)'"][^\s&,;)]*)"""),
]


def _mask_group(match: re.Match[str]) -> str:
    whole = match.group(0)
    start, end = match.span(2)
    offset = match.start(0)
    return whole[: start - offset] + MASK + whole[end - offset :]


class Redactor:
    """Thread-safe registry of secret literals, and the function that masks them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def add(self, value: str) -> None:
        """Register a secret (key, token); values shorter than 4 characters are ignored."""
        if not isinstance(value, str) or len(value) < MIN_SECRET_LENGTH:
            return
        # as is, URL-encoded, and with PHP's json_encode escaping of "/" ("\/")
        forms = {value, quote(value, safe=""), quote(value, safe="/"), value.replace("/", "\\/")}
        with self._lock:
            if forms <= self._values:
                return
            self._values |= {form for form in forms if len(form) >= MIN_SECRET_LENGTH}
            self._pattern = None

    def _literal_pattern(self) -> re.Pattern[str] | None:
        with self._lock:
            if self._pattern is None and self._values:
                ordered = sorted(self._values, key=len, reverse=True)
                self._pattern = re.compile("|".join(re.escape(v) for v in ordered))
            return self._pattern

    def redact(self, text: str) -> str:
        """Mask registered literals anywhere and secret fields by name."""
        if not isinstance(text, str):
            text = str(text)
        pattern = self._literal_pattern()
        if pattern is not None:
            text = pattern.sub(MASK, text)
        for by_name in _BY_NAME:
            text = by_name.sub(_mask_group, text)
        return text

    def redact_mapping(self, body: Mapping[Any, Any]) -> dict[Any, Any]:
        """A copy of ``body`` with secret fields masked and all text redacted, recursively."""
        return {
            key: MASK
            if isinstance(key, str) and key.lower() in SECRET_FIELDS
            else self._redact_value(value)
            for key, value in body.items()
        }

    def _redact_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, Mapping):
            return self.redact_mapping(value)
        if isinstance(value, list | tuple):
            return [self._redact_value(item) for item in value]
        return value


class RedactingFilter(logging.Filter):
    """Rewrites each record through a :class:`Redactor`; never drops a record.

    The message is rendered (``msg % args``), redacted and stored back with
    ``args = None``; the traceback is formatted into ``exc_text`` and redacted
    too, so formatters reuse the clean text.
    """

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001  (a bad format string must not lose the record)
            message = f"{record.msg!s} {record.args!r}"
        record.msg = self.redactor.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redactor.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redactor.redact(record.stack_info)
        return True


_default: Redactor | None = None
_default_lock = threading.Lock()


def default_redactor() -> Redactor:
    """The process-wide redactor used by logging handlers (created on first use)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Redactor()
        return _default


def install_redaction(
    handler: logging.Handler, redactor: Redactor | None = None
) -> RedactingFilter:
    """Attach a :class:`RedactingFilter` to ``handler`` (default redactor if none given)."""
    redactor = redactor if redactor is not None else default_redactor()
    for existing in handler.filters:
        if isinstance(existing, RedactingFilter) and existing.redactor is redactor:
            return existing
    redacting = RedactingFilter(redactor)
    handler.addFilter(redacting)
    return redacting
