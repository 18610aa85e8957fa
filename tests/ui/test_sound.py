"""Counter sounds: the WAV files, which sale change sounds, and a player that never crashes."""

from __future__ import annotations

import itertools
import logging
import subprocess
import sys
import wave
from array import array
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hpos.resources.paths import resource_path
from hpos.sales.model import Sale
from hpos.sales.states import SaleState
from hpos.ui import sound
from hpos.ui.sound import FAILURE, PAID, SoundPlayer, sound_for

S = SaleState
ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
WAIT = 15_000


def samples(name: str) -> tuple[wave._wave_params, array[int]]:
    with wave.open(str(resource_path("sounds", name)), "rb") as wav:
        params = wav.getparams()
        data = array("h", wav.readframes(params.nframes))
    if sys.byteorder == "big":
        data.byteswap()
    return params, data


def crossings_per_second(data: array[int], start: int, stop: int) -> float:
    part = [v for v in data[start:stop] if abs(v) > 200]
    changes = sum(1 for a, b in itertools.pairwise(part) if (a < 0) != (b < 0))
    return changes / 2 / ((stop - start) / 44_100)


# -- the files ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["paid.wav", "failure.wav"])
def test_wav_format_length_and_no_clicks(name: str) -> None:
    params, data = samples(name)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 44_100)
    assert 0.3 <= params.nframes / 44_100 <= 0.6
    peak = max(abs(v) for v in data)
    assert 0.3 * 32767 < peak < 0.9 * 32767, "loud enough, never clipping"
    assert abs(data[0]) < 100, "fades in from silence"
    assert abs(data[-1]) < 100, "fades out to silence"
    jumps = max(abs(a - b) for a, b in itertools.pairwise(data))
    assert jumps < 0.25 * 32767, "no sample-to-sample jump (a click)"


def test_paid_rises_and_failure_is_low() -> None:
    _params, paid = samples("paid.wav")
    _params, failure = samples("failure.wav")
    first = crossings_per_second(paid, 0, 4410)
    last = crossings_per_second(paid, len(paid) - 13_000, len(paid) - 2000)
    assert 550 < first < 750, "starts on E5"
    assert 800 < last < 960, "ends on A5: a rising chime"
    assert crossings_per_second(failure, 0, 6000) < 400, "a low buzz"


def test_the_committed_files_are_what_the_script_makes(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_sounds.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    for name in ("paid.wav", "failure.wav"):
        made = (tmp_path / name).read_bytes()
        assert made == resource_path("sounds", name).read_bytes(), f"{name}: run make_sounds.py"


# -- which change sounds --------------------------------------------------------------------


def make_sale(state: SaleState, sale_id: int = 1, **changes: Any) -> Sale:
    sale = Sale(
        id=sale_id,
        sale_number=f"T1-{sale_id:06d}",
        till="T1",
        created_at=NOW,
        updated_at=NOW,
        paid_seen_at=None,
        amount=Decimal(500),
        currency="XOF",
        product="Sale",
        description="",
        mode="TEST",
        state=state,
    )
    return replace(sale, **changes)


@pytest.mark.parametrize(
    ("sale", "current", "expected"),
    [
        (make_sale(S.PAID), 1, PAID),
        (make_sale(S.PAID, paid_late=True), None, PAID),  # good news about any sale
        (make_sale(S.FAILED), 1, FAILURE),
        (make_sale(S.EXPIRED), 1, FAILURE),
        (make_sale(S.REVIEW), 1, FAILURE),
        (make_sale(S.EXPIRED), 2, None),  # an older sale expiring: no noise
        (make_sale(S.CANCELLED), 1, None),  # the cashier cancelled it
        (make_sale(S.AWAITING), 1, None),
        (make_sale(S.UNKNOWN), 1, None),
    ],
)
def test_sound_for(sale: Sale, current: int | None, expected: str | None) -> None:
    assert sound_for(sale, current) == expected


# -- the player -----------------------------------------------------------------------------


def test_without_audio_output_one_log_line_and_silence(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    player = SoundPlayer(has_output=lambda: False)
    with caplog.at_level(logging.INFO, logger="hpos.ui.sound"):
        assert player.play(PAID) is False
        assert player.play(FAILURE) is False
        player.prepare()
        assert player.play(PAID) is False
    assert [r.getMessage() for r in caplog.records] == ["Sounds are off: no audio output device."]
    assert player.available is False
    assert player.effect(PAID) is None


def test_off_in_settings_plays_nothing_and_loads_nothing(qtbot: QtBot) -> None:
    calls: list[bool] = []
    player = SoundPlayer(enabled=False, has_output=lambda: calls.append(True) or True)
    assert player.play(PAID) is False
    assert calls == [], "QtMultimedia is not even asked about audio outputs"
    assert player.effect(PAID) is None


def test_effects_load_the_shipped_files_at_the_set_volume(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtMultimedia import QAudio, QSoundEffect

    player = SoundPlayer(enabled=True, volume=50, has_output=lambda: True)
    with caplog.at_level(logging.INFO, logger="hpos.ui.sound"):
        player.prepare()
        paid, failure = player.effect(PAID), player.effect(FAILURE)
        assert paid.source().toLocalFile() == str(resource_path("sounds", "paid.wav"))
        assert failure.source().toLocalFile() == str(resource_path("sounds", "failure.wav"))
        want = QAudio.convertVolume(
            0.5, QAudio.VolumeScale.LogarithmicVolumeScale, QAudio.VolumeScale.LinearVolumeScale
        )
        assert paid.volume() == pytest.approx(want, abs=0.01)
        player.configure(True, 100)
        assert paid.volume() == pytest.approx(1.0, abs=0.01)
        player.configure(True, 0)
        assert failure.volume() == pytest.approx(0.0, abs=0.01)
        qtbot.waitUntil(
            lambda: paid.status() in (QSoundEffect.Status.Ready, QSoundEffect.Status.Error),
            timeout=5000,
        )
        played = player.play(PAID)
    warnings = [r.getMessage() for r in caplog.records]
    if paid.status() is QSoundEffect.Status.Error:  # no audio device here (CI): one line
        assert played is False
        assert len(warnings) == 1
        assert warnings[0].startswith("Sounds are off")
    else:
        assert played is True
        assert warnings == []


def test_prepare_is_deferred_after_the_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sound, "PREPARE_DELAY_MS", 50)
    asked: list[bool] = []
    player = SoundPlayer(has_output=lambda: asked.append(True) or False)
    player.prepare_soon()
    assert asked == [], "nothing loads while the window starts"
    qtbot.waitUntil(lambda: asked == [True], timeout=3000)
    player.prepare_soon()
    player.prepare()
    assert asked == [True], "effects are created once"


# -- in the real window -----------------------------------------------------------------------


def test_window_cues_paid_once_and_failure_on_a_refused_charge(
    qtbot: QtBot, tmp_path: Path, sandbox: Any
) -> None:
    from hpos.ui.mainwindow.window import MainWindow
    from tests.helpers.profiles import make_profile
    from tests.helpers.window import charge, ready

    win = MainWindow(make_profile(tmp_path / "profile", sandbox.url))
    qtbot.addWidget(win)
    win.show()
    ready(qtbot, win)
    assert win.sound.enabled, "on by default"
    cues: list[str] = []
    win.sound.cue.connect(cues.append)
    charge(qtbot, win, "1500")
    qtbot.waitUntil(lambda: win.cashier.current_page() == "payment", timeout=WAIT)
    [payment] = sandbox.payments()
    with qtbot.waitSignal(win.sound.cue, timeout=WAIT) as paid:
        sandbox.mark_paid(payment.transaction_id)
    assert paid.args == [PAID]
    win.controller.check_now(win.cashier.current_sale().id)  # PAID seen again: no second chime
    qtbot.wait(300)
    assert cues == [PAID]

    win.cashier.new_sale()
    sandbox.add_fault("/payment/", "refuse", times=1)
    with qtbot.waitSignal(win.sound.cue, timeout=WAIT) as failed:
        charge(qtbot, win, "700")
    assert failed.args == [FAILURE]
    assert win.cashier.problem_state() is S.FAILED
    win.close()
