"""One HPOS process per profile: a second one is refused with a clear message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hpos.sales.lock import ProfileLock, ProfileLocked


def test_second_lock_in_another_process_is_refused(tmp_path: Path) -> None:
    with ProfileLock(tmp_path) as lock:
        assert lock.held
        code = (
            "import sys\n"
            "from hpos.sales.lock import ProfileLock, ProfileLocked\n"
            "try:\n"
            f"    ProfileLock({str(tmp_path)!r}).acquire()\n"
            "except ProfileLocked as exc:\n"
            "    print(exc)\n"
            "    sys.exit(3)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
        )
        assert result.returncode == 3
        assert "already running" in result.stdout
        assert str(__import__("os").getpid()) in result.stdout, "names the process holding it"
    assert not lock.held
    ProfileLock(tmp_path).acquire().release()


def test_second_lock_in_the_same_process_is_refused(tmp_path: Path) -> None:
    first = ProfileLock(tmp_path).acquire()
    with pytest.raises(ProfileLocked, match="--config-dir"):
        ProfileLock(tmp_path).acquire()
    first.release()


def test_lock_is_released_when_the_holder_is_killed(tmp_path: Path) -> None:
    code = (
        "import sys, time\n"
        "from hpos.sales.lock import ProfileLock\n"
        f"lock = ProfileLock({str(tmp_path)!r}).acquire()\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    with pytest.raises(ProfileLocked):
        ProfileLock(tmp_path).acquire()
    proc.kill()
    proc.wait(10)
    proc.stdout.close()
    ProfileLock(tmp_path).acquire().release()
