"""The log file: where it goes, its format, rotation, idempotence, and no secret in it."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.hpay.client import HpayClient
from hpos.hpay.redact import MASK, Redactor
from hpos.logging_setup import (
    BACKUP_COUNT,
    LOG_FILE,
    MAX_BYTES,
    current_file_logging,
    install_file_logging,
    log_file_path,
)
from hpos.sandbox.accounts import DEMO_ACCOUNT
from hpos.sandbox.server import SandboxServer
from tests.helpers.sandbox import client_config

log = logging.getLogger("hpos.test_logging_setup")
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} ")


@pytest.fixture(autouse=True)
def no_log_file_left() -> Iterator[None]:
    yield
    installed = current_file_logging()
    if installed is not None:
        installed.close()


def read(path: Path) -> str:
    installed = current_file_logging()
    if installed is not None:
        installed.flush()
    return path.read_text(encoding="utf-8")


def test_log_file_in_the_folder_with_timestamps(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "logs"
    installed = install_file_logging(folder)
    assert installed.path == folder / LOG_FILE == log_file_path(folder)
    log.info("HPOS started: %s sales open", 3)
    log.debug("not at INFO")
    line = read(installed.path).splitlines()[-1]
    assert STAMP.match(line), line
    assert "INFO" in line
    assert "hpos.test_logging_setup" in line
    assert line.endswith("HPOS started: 3 sales open")
    assert "not at INFO" not in read(installed.path)
    assert (MAX_BYTES, BACKUP_COUNT) == (1_000_000, 5)


def test_install_is_idempotent_and_moves_with_the_folder(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = len(root.handlers)
    first = install_file_logging(tmp_path / "a")
    assert install_file_logging(tmp_path / "a") is first
    assert len(root.handlers) == before + 1, "one handler however often it is installed"
    log.warning("to a")
    second = install_file_logging(tmp_path / "b")
    assert second is not first
    assert first.closed
    assert len(root.handlers) == before + 1
    log.warning("to b")
    assert "to b" not in read(first.path)
    assert "to a" in first.path.read_text(encoding="utf-8")
    assert "to b" in read(second.path)
    second.close()
    second.close()
    assert len(root.handlers) == before
    assert current_file_logging() is None


def test_the_file_rotates_and_keeps_five_old_files(tmp_path: Path) -> None:
    installed = install_file_logging(tmp_path, max_bytes=2_000)
    for n in range(400):
        log.info("line %04d %s", n, "x" * 60)
    read(installed.path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_FILE] + [f"{LOG_FILE}.{n}" for n in range(1, BACKUP_COUNT + 1)]
    assert all(p.stat().st_size <= 2_000 for p in tmp_path.iterdir())
    assert "line 0399" in installed.path.read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_made_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OSError, match=r"File exists|Not a directory"):
        install_file_logging(blocker / "logs")
    assert current_file_logging() is None


def test_the_logging_thread_does_not_write(tmp_path: Path) -> None:
    installed = install_file_logging(tmp_path)
    writers: list[str] = []
    original = installed.file_handler.emit

    def emit(record: logging.LogRecord) -> None:
        writers.append(threading.current_thread().name)
        original(record)

    installed.file_handler.emit = emit  # type: ignore[method-assign]
    log.warning("from the main thread")
    read(installed.path)
    assert writers
    assert threading.main_thread().name not in writers


def test_secrets_never_reach_the_file(tmp_path: Path) -> None:
    redactor = Redactor()
    secret, token = "s3cr3t-Value-42", "TOKEN-abcdef-123456"
    redactor.add(secret)
    redactor.add(token)
    installed = install_file_logging(tmp_path, redactor=redactor)
    log.info("config %s", {"api_secret_key": "by-name-only-value", "mode": "TEST"})
    log.warning("retrying with token=%s and %s", token, secret)
    try:
        raise RuntimeError(f"HPAY said no to {secret} ({token})")
    except RuntimeError:
        log.exception("unexpected error")
    text = read(installed.path)
    for value in (secret, token, "by-name-only-value"):
        assert value not in text
    assert text.count(MASK) >= 5
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: HPAY said no to" in text


def test_a_real_session_logs_no_key_and_no_token(tmp_path: Path, sandbox: SandboxServer) -> None:
    installed = install_file_logging(tmp_path, level=logging.DEBUG)
    client = HpayClient(client_config(sandbox.url))
    try:
        client.create_payment(Decimal("14900"), "Sac")
        client.history(count=5)
    finally:
        client.close()
    text = read(installed.path)
    assert "/getToken/" in text, "the calls are in the log"
    assert "/payment/" in text
    values = [DEMO_ACCOUNT.secret_key, DEMO_ACCOUNT.api_key, DEMO_ACCOUNT.public_key]
    values += list(sandbox.issued_tokens())
    leaked = [v for v in values if v in text]
    assert not leaked


def test_no_qt_import() -> None:
    code = (
        "import sys, hpos.logging_setup\n"
        "sys.exit(1 if any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules) else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, timeout=60)
    assert result.returncode == 0


def test_cli_commands_log_to_the_profile_and_keep_tracebacks_off_stderr(
    tmp_path: Path, sandbox: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from hpos.cli.main import main

    profile = tmp_path / "profile"
    env = {
        "HPOS_API_URL": sandbox.url,
        "HPOS_API_KEY": DEMO_ACCOUNT.api_key,
        "HPOS_PUBLIC_KEY": DEMO_ACCOUNT.public_key,
        "HPOS_SECRET_KEY": DEMO_ACCOUNT.secret_key,
        "HPOS_MODE": "TEST",
    }

    def broken_factory(_config: object) -> object:
        raise RuntimeError(f"a bug near {DEMO_ACCOUNT.secret_key}")

    code = main(["--config-dir", str(profile), "check"], env=env, client_factory=broken_factory)
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("hpos: error:")
    assert "Traceback" not in err
    assert current_file_logging() is None, "the command closed its log file"
    text = (profile / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "ERROR" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: a bug near ***" in text
    assert DEMO_ACCOUNT.secret_key not in text
