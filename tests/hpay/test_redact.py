"""Redaction: key fields by name, registered literals anywhere, log records and tracebacks."""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Iterator

import pytest

from hpos.hpay.redact import (
    MASK,
    RedactingFilter,
    Redactor,
    default_redactor,
    install_redaction,
)

SECRET = "sk_live_9f8e7d6c5b4a"
TOKEN = "RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO+/=="


@pytest.fixture
def redactor() -> Redactor:
    r = Redactor()
    r.add(SECRET)
    r.add(TOKEN)
    return r


# -- literals -------------------------------------------------------------------------------


def test_literals_masked_anywhere(redactor: Redactor) -> None:
    text = f"x{SECRET}y and {TOKEN}. again {SECRET}"
    out = redactor.redact(text)
    assert SECRET not in out
    assert TOKEN not in out
    assert out == f"x{MASK}y and {MASK}. again {MASK}"


def test_url_encoded_literal_masked(redactor: Redactor) -> None:
    out = redactor.redact("GET /x?t=RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO%2B%2F%3D%3D")
    assert "RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO" not in out


def test_json_escaped_literal_masked(redactor: Redactor) -> None:
    out = redactor.redact('{"token":"RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO+\\/=="}')
    assert "RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO" not in out
    out = redactor.redact("echo: RmtVMVV6clh5NURDWnRJUjdHQ2hIZHRO+\\/==")
    assert out == f"echo: {MASK}"


def test_short_values_are_ignored() -> None:
    r = Redactor()
    for value in ("", "a", "abc", None, 1234):
        r.add(value)  # type: ignore[arg-type]
    assert r.redact("abc a 1234") == "abc a 1234"


def test_overlapping_literals_longest_first() -> None:
    r = Redactor()
    r.add("abcd")
    r.add("abcdefgh")
    assert r.redact("abcdefgh abcd") == f"{MASK} {MASK}"


def test_regex_characters_in_literals() -> None:
    r = Redactor()
    r.add("a.b*c(d)")
    assert r.redact("a.b*c(d) aXbbc(d)") == f"{MASK} aXbbc(d)"


def test_non_text_input_is_rendered(redactor: Redactor) -> None:
    assert redactor.redact(ValueError(SECRET)) == MASK  # type: ignore[arg-type]


# -- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('{"api_key": "K-123456", "mode": "TEST"}', '"mode": "TEST"'),
        ('{"api_key":"K-123456"}', '"api_key":'),
        ("{'token': 'T-987654', 'n': 1}", "'n': 1"),
        ("{'api_secret_key': 'S-1 2 3'}", "'api_secret_key'"),
        ('"public_key": "pkey.006Jhg"', '"public_key"'),
        ('"api_public_key" : "pkey.006Jhg"', '"api_public_key"'),
        ('"token": "with \\" escaped quote"', '"token"'),
        ("api_secret_key=S-123456 next", " next"),
        ("token='T-987654', mode='TEST'", "mode='TEST'"),
        ('api_key="K-123456"', "api_key="),
        ("api_key=K-123456&public_key=P-123456&mode=TEST", "&mode=TEST"),
        ("HPOS_API_KEY=K-123456", "HPOS_API_KEY="),
        ("HPOS_SECRET_KEY=S-123456", "HPOS_SECRET_KEY="),
        ('"Token": "T-987654"', '"Token"'),
        ('"token": 987654321', '"token"'),
        ('b\'{"token":"T-987654"}\'', "b'"),
        ('"{\\"api_key\\":\\"K-123456\\",\\"mode\\":\\"TEST\\"}"', "mode"),
    ],
)
def test_fields_masked_by_name(text: str, kept: str) -> None:
    out = Redactor().redact(text)
    for value in ("K-123456", "T-987654", "S-1 2 3", "S-123456", "pkey.006Jhg", "987654321"):
        assert value not in out
    assert "escaped quote" not in out
    assert kept in out
    assert MASK in out


@pytest.mark.parametrize(
    "text",
    [
        "Token expired: refreshing",
        "tokens=3",
        "the api key was refused",
        "token_type=bearer",
        "livetime=15mn",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert Redactor().redact(text) == text


def test_redact_mapping(redactor: Redactor) -> None:
    body = {
        "api_key": "K-123456",
        "public_key": "P-123456",
        "api_secret_key": SECRET,
        "TOKEN": "whatever",
        "mode": "TEST",
        "amount": 14900,
        "description": f"note {TOKEN}",
        "nested": {"token": "x", "items": [f"a {SECRET}", {"api_public_key": "y"}, 3]},
        "none": None,
    }
    out = redactor.redact_mapping(body)
    assert out == {
        "api_key": MASK,
        "public_key": MASK,
        "api_secret_key": MASK,
        "TOKEN": MASK,
        "mode": "TEST",
        "amount": 14900,
        "description": f"note {MASK}",
        "nested": {"token": MASK, "items": [f"a {MASK}", {"api_public_key": MASK}, 3]},
        "none": None,
    }
    assert body["api_key"] == "K-123456"  # a copy; the original is untouched
    assert SECRET not in json.dumps(out)


# -- logging ---------------------------------------------------------------------------------


@pytest.fixture
def capture(redactor: Redactor) -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(RedactingFilter(redactor))
    logger = logging.getLogger("hpos.test_redact")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)
    logger.propagate = True


def test_log_message_and_args_redacted(capture: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = capture
    logger.info("secret %s token %r body %s", SECRET, TOKEN, {"api_key": "K-123456"})
    out = stream.getvalue()
    assert SECRET not in out
    assert TOKEN not in out
    assert "K-123456" not in out
    assert "body {'api_key': '***'}" in out


def test_traceback_redacted(capture: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = capture

    def fail(token: str) -> None:
        raise RuntimeError(f"HPAY refused token {token} (api_secret_key=oops-1234)")

    try:
        fail(TOKEN)
    except RuntimeError:
        logger.exception("call failed with %s", SECRET)
    out = stream.getvalue()
    assert "Traceback (most recent call last)" in out
    assert "RuntimeError: HPAY refused token ***" in out
    assert TOKEN not in out
    assert SECRET not in out
    assert "oops-1234" not in out


def test_chained_exception_redacted(capture: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = capture
    try:
        try:
            raise KeyError(SECRET)
        except KeyError as inner:
            raise ValueError("outer") from inner
    except ValueError:
        logger.error("boom", exc_info=True)
    out = stream.getvalue()
    assert "KeyError" in out
    assert SECRET not in out


def test_stack_info_redacted(capture: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = capture
    token = TOKEN  # a local in the frame source line below
    logger.warning("where %s", token, stack_info=True)
    assert TOKEN not in stream.getvalue()
    assert "Stack (most recent call last)" in stream.getvalue()


def test_filter_never_drops_and_survives_bad_format(redactor: Redactor) -> None:
    filt = RedactingFilter(redactor)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%d %s", ("nope", SECRET), None)
    assert filt.filter(record) is True
    assert SECRET not in record.getMessage()
    assert record.args is None
    # idempotent: a second filter (another handler) changes nothing
    before = record.getMessage()
    assert filt.filter(record) is True
    assert record.getMessage() == before


def test_percent_in_redacted_message_is_safe(redactor: Redactor) -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%s", ("100% " + SECRET,), None)
    RedactingFilter(redactor).filter(record)
    assert record.getMessage() == "100% ***"


def test_install_redaction_once(redactor: Redactor) -> None:
    handler = logging.StreamHandler(io.StringIO())
    first = install_redaction(handler, redactor)
    again = install_redaction(handler, redactor)
    assert first is again
    assert handler.filters == [first]
    other = install_redaction(handler)
    assert other.redactor is default_redactor()
    assert len(handler.filters) == 2


def test_default_redactor_is_process_wide() -> None:
    results: list[Redactor] = []
    threads = [
        threading.Thread(target=lambda: results.append(default_redactor())) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r is default_redactor() for r in results)


def test_redactor_is_thread_safe() -> None:
    r = Redactor()
    values = [f"secret-value-{i:04d}" for i in range(200)]
    text = " ".join(values)
    errors: list[BaseException] = []

    def add(chunk: list[str]) -> None:
        try:
            for value in chunk:
                r.add(value)
                r.redact(text)
        except Exception as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(values[i::8],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert r.redact(text) == " ".join([MASK] * len(values))
