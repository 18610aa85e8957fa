"""``hpos configure --pin`` / ``--reset-pin``: the manager PIN from the terminal (the OS account).

The PIN is typed twice without echo (getpass, faked here as a terminal); only its hash
reaches settings.json; nothing printed or logged holds it; --reset-pin is the way out of
a forgotten PIN, a damaged hash or a lockout.
"""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hpos.cli.main import main
from hpos.profile.keystore import KeyStore
from hpos.profile.pin import Attempts, attempts_path, verify_pin, write_attempts
from tests.helpers.keyring import MemoryKeyring

PIN = "60418"


class Terminal(io.StringIO):
    """Standard input that is a terminal (getpass reads the PIN; faked below)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What the person types at each getpass prompt; the prompts are kept in ``asked``."""
    answers: list[str] = []
    asked: list[str] = []

    def getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr("getpass.getpass", getpass)
    monkeypatch.setattr(sys, "stdin", Terminal())
    yield answers
    assert not answers, "every typed answer was asked for"


def run(folder: Path, *args: str) -> int:
    argv = ["configure", "--config-dir", str(folder), *args]
    return main(argv, env={}, keystore=KeyStore(backend=MemoryKeyring()))


def saved(folder: Path) -> dict[str, object]:
    return json.loads((folder / "settings.json").read_text())


def test_pin_is_asked_twice_and_only_its_hash_is_saved(
    tmp_path: Path,
    typed: list[str],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    typed += [PIN, PIN]
    assert run(tmp_path, "--pin", "-v") == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "Manager PIN set (saved as a salted hash only).",
        "The window asks for it before Settings, the TEST/PROD switch and the Owner menu.",
    ]
    text = (tmp_path / "settings.json").read_text()
    pin_hash = str(saved(tmp_path)["manager_pin_hash"])
    assert verify_pin(PIN, pin_hash)
    assert PIN not in text
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for where in (out, err, logged):
        assert PIN not in where
        assert pin_hash.split("$")[-1] not in where
    for log_file in (tmp_path / "logs").glob("*.log*"):
        assert PIN not in log_file.read_text()
        assert pin_hash.split("$")[-1] not in log_file.read_text()


def test_two_different_pins_save_nothing(
    tmp_path: Path, typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed += [PIN, "60419"]
    assert run(tmp_path, "--pin") == 2
    err = capsys.readouterr().err
    assert err == "hpos: error: The two PINs differ; nothing was saved.\n"
    assert not (tmp_path / "settings.json").exists()


def test_a_pin_that_is_not_4_to_8_digits_is_refused_without_repeating_it(
    tmp_path: Path, typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed.append("12ab")
    assert run(tmp_path, "--pin") == 2
    err = capsys.readouterr().err
    assert err == "hpos: error: The PIN is digits only (0-9).\n"
    assert "12ab" not in err


def test_pin_needs_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Piped in, the PIN would sit in a shell's history or a script: refused."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(PIN + "\n"))
    assert run(tmp_path, "--pin") == 2
    assert "--pin asks for the PIN on a terminal" in capsys.readouterr().err
    assert not (tmp_path / "settings.json").exists()


def test_reset_pin_removes_it_and_forgets_the_lockout(
    tmp_path: Path, typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed += [PIN, PIN]
    assert run(tmp_path, "--pin") == 0
    write_attempts(attempts_path(tmp_path), Attempts(4, 0.0, 4_000_000_000.0))  # locked
    capsys.readouterr()
    assert run(tmp_path, "--reset-pin") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Manager PIN removed: Settings open without a PIN until a new one is set.",
        "Set a new PIN in the window's Settings or with `hpos configure --pin`.",
    ]
    assert saved(tmp_path)["manager_pin_hash"] == ""
    assert not attempts_path(tmp_path).exists()
    assert run(tmp_path, "--reset-pin") == 0
    assert "No manager PIN was set; nothing to remove." in capsys.readouterr().out


def test_reset_pin_clears_a_damaged_hash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps({"till_name": "T2", "manager_pin_hash": "x"})
    )
    assert run(tmp_path, "--reset-pin") == 0
    assert "Manager PIN removed" in capsys.readouterr().out
    assert saved(tmp_path)["manager_pin_hash"] == ""
    assert saved(tmp_path)["till_name"] == "T2"  # the other settings are kept


def test_pin_options_go_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "--reset-pin", "--till-name", "T3") == 2
    assert "--reset-pin goes alone" in capsys.readouterr().err
    assert run(tmp_path, "--pin", "--reset-pin") == 2  # argparse: not both
    assert not (tmp_path / "settings.json").exists()
