"""Counter sounds: a chime when a sale is paid, a low double buzz when one fails.

:func:`sound_for` (pure) decides: any sale that becomes PAID (late or not) →
"paid"; the cashier's current sale becoming FAILED, EXPIRED or REVIEW, or a
charge refused → "failure". A cancel is the cashier's own doing: no sound.

:class:`SoundPlayer` plays them with ``QSoundEffect`` from the WAV files in
``hpos/resources/sounds`` (made by ``scripts/make_sounds.py``). QtMultimedia is
imported and the effects created once, lazily: :meth:`SoundPlayer.prepare_soon`
schedules it a moment after the window is up (start-up stays fast), and the
first :meth:`~SoundPlayer.play` prepares at once if it has not happened yet
(``QSoundEffect`` loads asynchronously and plays as soon as it is loaded).
Nothing here blocks. Without an audio output (a server, a CI runner, a broken
driver) the player logs one line and stays silent; nothing crashes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from hpos.profile.profile import Settings
from hpos.resources.paths import resource_path
from hpos.sales.states import SaleState

if TYPE_CHECKING:  # the sale model is loaded with the sales service, after the first paint
    from hpos.sales.model import Sale

log = logging.getLogger(__name__)

PAID, FAILURE = "paid", "failure"
#: Sound name -> file in hpos/resources/sounds.
FILES = {PAID: "paid.wav", FAILURE: "failure.wav"}
#: Delay after the window is up before QtMultimedia is loaded.
PREPARE_DELAY_MS = 1500

_FAILED_STATES = frozenset({SaleState.FAILED, SaleState.EXPIRED, SaleState.REVIEW})


def sound_for(sale: Sale, current_id: int | None) -> str | None:
    """The sound a change of ``sale`` deserves (``current_id``: the cashier's sale)."""
    if sale.state is SaleState.PAID:
        return PAID
    if sale.state in _FAILED_STATES and sale.id == current_id:
        return FAILURE
    return None


def _has_audio_output() -> bool:
    # imported on first use: QtMultimedia loads only with the sounds (start-up speed)
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.audioOutputs())


class SoundPlayer(QObject):
    """Plays the counter sounds, following the settings' ``sound_enabled`` and ``sound_volume``."""

    #: A sound is due ("paid" or "failure"), whether or not it can be heard.
    cue = Signal(str)
    #: A sound was asked to play.
    played = Signal(str)

    def __init__(
        self,
        *,
        enabled: bool = True,
        volume: int = 80,
        has_output: Callable[[], bool] = _has_audio_output,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._enabled = enabled
        self._volume = volume
        self._has_output = has_output
        self._effects: dict[str, Any] = {}
        self._prepared = False
        self._available = True
        self._sounded: dict[int, SaleState] = {}  # sale id -> state already sounded
        self._cashier: Any = None
        self._controller: Any = None

    # -- settings and wiring ------------------------------------------------------------

    def configure(self, enabled: bool, volume: int) -> None:
        """On/off and volume (0-100, perceived loudness)."""
        self._enabled = enabled
        self._volume = max(0, min(100, volume))
        for effect in self._effects.values():
            effect.setVolume(self._linear_volume())

    def follow(self, controller: Any, cashier: Any, settings: Settings) -> None:
        """Sound the sales of this (new) controller and cashier screen, with these settings."""
        if self._controller is not None:
            self._controller.sale_changed.disconnect(self.sale_changed)
            self._controller.charge_failed.disconnect(self.charge_failed)
        self._controller, self._cashier = controller, cashier
        controller.sale_changed.connect(self.sale_changed)
        controller.charge_failed.connect(self.charge_failed)
        self.configure(settings.sound_enabled, settings.sound_volume)
        if settings.sound_enabled:
            self.prepare_soon()

    @property
    def enabled(self) -> bool:
        """Sounds are on in the settings."""
        return self._enabled

    @property
    def available(self) -> bool:
        """False once we know there is no way to play sound here."""
        return self._available

    def effect(self, name: str) -> Any:
        """The ``QSoundEffect`` of a sound (None before :meth:`prepare` or without audio)."""
        return self._effects.get(name)

    # -- reacting -------------------------------------------------------------------------

    @Slot(object)
    def sale_changed(self, sale: Sale) -> None:
        """A sale changed: play its sound once per state reached."""
        if self._sounded.get(sale.id) is sale.state:
            return
        current = self._cashier.current_sale() if self._cashier is not None else None
        name = sound_for(sale, current.id if current is not None else None)
        if name is None:
            return
        self._sounded[sale.id] = sale.state
        if len(self._sounded) > 200:
            self._sounded.pop(next(iter(self._sounded)))
        self.cue.emit(name)
        self.play(name)

    @Slot(str)
    def charge_failed(self, _message: str) -> None:
        """A charge was refused or failed before any payment existed."""
        self.cue.emit(FAILURE)
        self.play(FAILURE)

    # -- playing --------------------------------------------------------------------------

    def prepare_soon(self) -> None:
        """Create the effects a moment from now, on the GUI thread's idle time."""
        if not self._prepared:
            QTimer.singleShot(PREPARE_DELAY_MS, self, self.prepare)

    @Slot()
    def prepare(self) -> None:
        """Load QtMultimedia and create the effects (once); log one line without audio."""
        if self._prepared:
            return
        self._prepared = True
        try:
            if not self._has_output():
                self._unavailable("no audio output device")
                return
            # imported on first use: QtMultimedia loads only with the sounds (start-up speed)
            from PySide6.QtMultimedia import QSoundEffect
        except Exception as exc:  # noqa: BLE001 - a missing library must not stop the till
            self._unavailable(f"audio unavailable ({exc!r})")
            return
        from PySide6.QtCore import QUrl  # here, not at the top: its type costs ~0.6 ms of start-up

        for name, file in FILES.items():
            effect = QSoundEffect(self)
            effect.setVolume(self._linear_volume())
            effect.statusChanged.connect(lambda e=effect: self._status_changed(e))
            effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds", file))))
            self._effects[name] = effect

    def play(self, name: str) -> bool:
        """Play ``name`` ("paid" or "failure"); False when off or impossible."""
        if not self._enabled or name not in FILES:
            return False
        self.prepare()
        effect = self._effects.get(name)
        if not self._available or effect is None:
            return False
        effect.stop()
        effect.play()
        self.played.emit(name)
        return True

    def _status_changed(self, effect: Any) -> None:
        # imported on first use: QtMultimedia loads only with the sounds (start-up speed)
        from PySide6.QtMultimedia import QSoundEffect

        if effect.status() is QSoundEffect.Status.Error:
            self._unavailable(f"cannot play {effect.source().fileName()}")

    def _unavailable(self, why: str) -> None:
        if self._available:
            log.warning("Sounds are off: %s.", why)
        self._available = False

    def _linear_volume(self) -> float:
        # imported on first use: QtMultimedia loads only with the sounds (start-up speed)
        from PySide6.QtMultimedia import QAudio

        return QAudio.convertVolume(
            self._volume / 100,
            QAudio.VolumeScale.LogarithmicVolumeScale,
            QAudio.VolumeScale.LinearVolumeScale,
        )
