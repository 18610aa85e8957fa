"""A barcode scanner's burst of keys, told apart from a person typing (no Qt here).

A USB scanner is a keyboard that types a code's characters a few milliseconds apart and
ends with Enter. :class:`ScanBurst` watches the printable keys on a monotonic clock
(injected, so the rule is tested without waiting):

- every printable key is *held* (kept from its widget) while a burst is possible: it is
  the first one, or came less than :data:`GAP` after the one before;
- a key after a longer gap ends the burst: the keys held so far are *released* (given
  back to their widgets, in order), and the new key starts a new one;
- Enter less than :data:`GAP` after at least :data:`MIN_LENGTH` held keys is a scan: the
  held keys make the code and nobody else sees them (nor the Enter);
- anything else (Enter after a short burst or a long gap, a key that is not printable)
  releases the held keys first, then goes on as usual.

The caller also releases the held keys once :data:`GAP` has passed without a key (its
timer), so a person's key waits at most that long. What a held key is (a Qt event, a
character in a test) is the caller's business: :class:`ScanBurst` keeps it as given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

#: Most time between two keys of a scan, in seconds (scanners type every 2–20 ms; a
#: person's fastest keys are ~60 ms apart).
GAP = 0.030
#: Fewest characters a scanned code has (shorter bursts are a person's keys).
MIN_LENGTH = 4

T = TypeVar("T")


@dataclass
class Outcome(Generic[T]):
    """What to do after one key: give back ``release`` (in order), then ``code`` is a scan
    (or None), and ``hold`` says whether the key itself is kept back."""

    release: list[T] = field(default_factory=list)
    code: str | None = None
    hold: bool = False


class ScanBurst(Generic[T]):
    """The keys held while they may be a scan, on the ``clock`` given (seconds)."""

    def __init__(
        self, clock: Callable[[], float], *, gap: float = GAP, min_length: int = MIN_LENGTH
    ) -> None:
        self._clock = clock
        self._gap = gap
        self._min = min_length
        self._held: list[tuple[str, T]] = []
        self._last = 0.0

    @property
    def holding(self) -> bool:
        """Some keys are held (the caller's timer should release them after :data:`GAP`)."""
        return bool(self._held)

    def printable(self, char: str, key: T) -> Outcome[T]:
        """A printable key (``char``): held; what was held before is released first when
        the gap since it was too long."""
        now = self._clock()
        outcome: Outcome[T] = Outcome(hold=True)
        if self._held and now - self._last >= self._gap:
            outcome.release = self.release()
        self._held.append((char, key))
        self._last = now
        return outcome

    def enter(self) -> Outcome[T]:
        """Enter: a scan (``code`` set, nothing released) or the held keys released."""
        now = self._clock()
        if len(self._held) >= self._min and now - self._last < self._gap:
            code = "".join(char for char, _ in self._held)
            self._held.clear()
            return Outcome(code=code)
        return Outcome(release=self.release())

    def other(self) -> Outcome[T]:
        """Any other key: the held keys released first."""
        return Outcome(release=self.release())

    def release(self) -> list[T]:
        """The held keys, in order, given back (none held afterwards)."""
        keys = [key for _, key in self._held]
        self._held.clear()
        return keys
