"""Generate HPOS's two counter sounds as WAV files, with the standard library only.

    .venv/bin/python scripts/make_sounds.py            # writes hpos/resources/sounds/*.wav
    .venv/bin/python scripts/make_sounds.py --out DIR  # writes them elsewhere

- ``paid.wav``: a rising two-tone chime (E5 then A5, bell-like partials that
  ring out), about half a second: pleasant, unmistakably "good".
- ``failure.wav``: a low double buzz (two short 160 Hz pulses), about 0.4 s:
  clearly "something is wrong" without being shrill.

16-bit PCM, mono, 44.1 kHz. Every note has a short fade-in and the end fades
out, so nothing clicks. The output is deterministic (no randomness, no time
stamps in the files): running the script twice gives identical bytes, and a
test checks the committed files match it.
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import wave
from collections.abc import Callable
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "hpos" / "resources" / "sounds"

Samples = list[float]


def silence(seconds: float) -> Samples:
    """``seconds`` of silence."""
    return [0.0] * round(seconds * RATE)


def envelope(n: int, attack: float, release: float, decay: float = 0.0) -> Samples:
    """Gain per sample: linear fade-in, optional exponential decay, cosine fade-out."""
    a = max(1, round(attack * RATE))
    r = max(1, round(release * RATE))
    gains = []
    for i in range(n):
        g = min(1.0, i / a)
        if decay > 0:
            g *= math.exp(-i / (decay * RATE))
        from_end = n - 1 - i
        if from_end < r:
            g *= 0.5 - 0.5 * math.cos(math.pi * from_end / r)
        gains.append(g)
    return gains


def tone(
    freq: float,
    seconds: float,
    partials: tuple[tuple[float, float], ...],
    *,
    attack: float,
    release: float,
    decay: float = 0.0,
) -> Samples:
    """A note: ``partials`` are (multiple of ``freq``, relative amplitude)."""
    n = round(seconds * RATE)
    total = sum(amp for _mult, amp in partials)
    gains = envelope(n, attack, release, decay)
    out = []
    for i in range(n):
        t = i / RATE
        value = sum(amp * math.sin(2 * math.pi * freq * mult * t) for mult, amp in partials)
        out.append(gains[i] * value / total)
    return out


def mix(length: int, *parts: tuple[int, Samples]) -> Samples:
    """Sum ``parts`` (start sample, samples) into ``length`` samples."""
    out = [0.0] * length
    for start, samples in parts:
        for i, value in enumerate(samples):
            if start + i < length:
                out[start + i] += value
    return out


def chime() -> Samples:
    """PAID: E5 then A5, bell-like partials decaying, the second note ringing out."""
    bell = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12), (4.2, 0.05))
    first = tone(659.25, 0.30, bell, attack=0.004, release=0.08, decay=0.14)
    second = tone(880.0, 0.42, bell, attack=0.004, release=0.12, decay=0.18)
    start = round(0.13 * RATE)
    n = start + len(second)
    return normalise(mix(n, (0, first), (start, second)), peak=0.55)


def buzz() -> Samples:
    """FAILURE: two short low pulses (160 Hz, odd harmonics: a soft square wave)."""
    square = ((1.0, 1.0), (3.0, 0.33), (5.0, 0.2), (7.0, 0.14))
    pulse = tone(160.0, 0.15, square, attack=0.01, release=0.03)
    gap = silence(0.08)
    return normalise([*pulse, *gap, *pulse, *silence(0.02)], peak=0.5)


def normalise(samples: Samples, *, peak: float) -> Samples:
    """Scale so the loudest sample is ``peak`` of full scale."""
    top = max(abs(s) for s in samples) or 1.0
    return [s * peak / top for s in samples]


def write_wav(path: Path, samples: Samples) -> None:
    """16-bit PCM mono at :data:`RATE`."""
    frames = b"".join(struct.pack("<h", max(-32767, min(32767, round(s * 32767)))) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


SOUNDS: dict[str, Callable[[], Samples]] = {"paid.wav": chime, "failure.wav": buzz}


def main(argv: list[str] | None = None) -> int:
    """Write every sound into ``--out`` (default: the package's sounds folder)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write the WAVs to")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        samples = make()
        write_wav(args.out / name, samples)
        print(f"{args.out / name}: {len(samples) / RATE:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
