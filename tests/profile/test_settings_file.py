"""An unusable settings.json: the CLI names the file and the problem in one sentence, exit 2.

Garbage text, binary bytes, truncated JSON, a JSON list, a wrong type for a known field
and an empty file each get their own sentence; no traceback reaches the terminal, the
file and the keyring entry are left as they were. (The window's dialog is tested in
``tests/ui/mainwindow/test_startup.py``.)
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hpos.cli.main import main
from hpos.profile.file import SettingsFileError, broken_backup_path, read_settings_file
from hpos.profile.keystore import KeyStore
from tests.helpers.cli import PY
from tests.helpers.keyring import MemoryKeyring

BROKEN = {
    "garbage text": (b"this is not a settings file\n", "is not valid JSON at line 1, column 1"),
    "binary bytes": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "is not text (binary data)"),
    "truncated JSON": (
        b'{\n  "mode": "TEST",\n  "till_name": "TIL',
        "is not valid JSON at line 3, column 16",
    ),
    "a JSON list": (
        b'["api_url", "https://api.example.com"]',
        "is not a settings object (it holds a list)",
    ),
    "a wrong field type": (
        b'{"mode": "TEST", "expiry_minutes": "fifteen"}',
        "has a bad value for 'expiry_minutes': it must be a whole number of minutes",
    ),
    "an empty file": (b"", "is empty"),
}


def _profile(tmp_path: Path, content: bytes) -> Path:
    folder = tmp_path / "profile"
    folder.mkdir()
    (folder / "settings.json").write_bytes(content)
    return folder


@pytest.mark.parametrize("case", list(BROKEN))
def test_cli_names_the_file_and_the_problem(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, problem = BROKEN[case]
    folder = _profile(tmp_path, content)
    backend = MemoryKeyring()
    backend.set_password("hpos", "profile-x@api.example.com", "the-secret")
    code = main(["--config-dir", str(folder), "check"], env={}, keystore=KeyStore(backend=backend))
    err = capsys.readouterr().err
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0] == (
        f"hpos: error: The settings file {folder / 'settings.json'} {problem}."
        " Fix it, or move it away to start with the default settings."
    )
    assert "Traceback" not in err
    assert "UnicodeDecodeError" not in err
    assert (folder / "settings.json").read_bytes() == content  # left as it was
    assert backend.entries == {("hpos", "profile-x@api.example.com"): "the-secret"}


def test_cli_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    folder = _profile(tmp_path, bytes(range(256)))
    done = subprocess.run(
        [PY, "-m", "hpos", "--config-dir", str(folder), "history"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "PATH": "/usr/bin"},
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"hpos: error: The settings file {folder / 'settings.json'} is not text (binary data)."
        " Fix it, or move it away to start with the default settings."
    )


def test_error_kinds_for_the_window(tmp_path: Path) -> None:
    """The window says the problem in the user's language from ``kind``, ``line``, ``key``."""
    found = {}
    for case, (content, _problem) in BROKEN.items():
        path = tmp_path / f"{len(found)}.json"
        path.write_bytes(content)
        with pytest.raises(SettingsFileError) as caught:
            read_settings_file(path)
        found[case] = (caught.value.kind, caught.value.line, caught.value.key, caught.value.path)
        assert caught.value.path == path
    assert found["garbage text"][:3] == ("json", 1, None)
    assert found["binary bytes"][0] == "binary"
    assert found["truncated JSON"][:2] == ("json", 3)
    assert found["a JSON list"][0] == "not_object"
    assert found["a wrong field type"][:3] == ("bad_value", None, "expiry_minutes")
    assert found["an empty file"][0] == "empty"


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'\xef\xbb\xbf{"till_name": "TILL2"}')
    assert read_settings_file(path).till_name == "TILL2"


def test_backup_name_never_overwrites_an_older_one(tmp_path: Path) -> None:
    from datetime import datetime

    path = tmp_path / "settings.json"
    when = datetime(2026, 12, 5, 10, 15, 0).astimezone()  # the shop's local time
    first = broken_backup_path(path, when)
    assert first.name == "settings.json.broken-20261205-101500"
    first.write_text("older")
    assert broken_backup_path(path, when).name == "settings.json.broken-20261205-101500-2"
