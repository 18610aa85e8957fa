"""The window's sales service: opened on a worker, closed on a worker, one at a time.

:class:`ServiceSlot` opens the profile's :class:`~hpos.sales.service.SalesService`
(keyring, HPAY client, journal, profile lock: all I/O, so on the Runner) with the
journal's seal in the profile's config folder
(``profile.config_dir / SEAL_FILE``), so that a lost, emptied or replaced journal is
noticed (``journal.notice``, shown by :mod:`hpos.ui.mainwindow.journal_banner`). A workspace
rebuilt right after a settings change closes the old service on another worker;
the new one waits for it to let the profile lock go rather than report "already open".
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from typing import TYPE_CHECKING

from hpos.resources.paths import resource_path
from hpos.ui.runner import Runner

log = logging.getLogger("hpos.ui.service")
#: The demo shop's items, filled into the demo's empty catalogue.
DEMO_CATALOGUE = resource_path("demo", "catalogue.csv")

if TYPE_CHECKING:
    from hpos.profile.profile import Profile
    from hpos.sales.service import SalesService
    from hpos.sales.watcher import WatchPolicy

#: How long a new sales service waits for the previous one to release the profile lock.
SERVICE_CLOSE_WAIT_S = 5.0


class ServiceSlot:
    """Opens and closes the sales service of the window's profile (never on the GUI thread).

    ``policy`` replaces the watcher's default timings (tests shorten them); the
    link expiry always comes from the profile's settings.
    """

    def __init__(self, runner: Runner, policy: WatchPolicy | None = None) -> None:
        self._runner = runner
        self._policy = policy
        self._closed = threading.Event()
        self._closed.set()

    def open(self, profile: Profile, *, demo: bool = False) -> SalesService:
        """Runs on a worker: wait for the previous service to close, then open this one.

        ``demo``: the demo's profile, whose empty catalogue is filled with the shipped demo
        items (:func:`hpos.demo.seed_demo_catalogue`) before anyone reads it.
        """
        # here: on the worker, after the first paint: the client (requests) and the sales
        # service load off the GUI thread (start-up speed)
        from hpos.hpay.client import HpayClient
        from hpos.sales.journal_seal import SEAL_FILE
        from hpos.sales.service import SalesService
        from hpos.sales.watcher import WatchPolicy

        self._closed.wait(SERVICE_CLOSE_WAIT_S)
        eff = profile.effective()
        client = HpayClient(profile.client_config())
        self._runner.add_abort_hook(client.transport.abort)
        expire_after = float(eff.expiry_minutes * 60)
        policy = replace(self._policy or WatchPolicy(), expire_after=expire_after)
        service = SalesService.open(
            profile.data_dir,
            client,
            till_name=eff.till_name,
            policy=policy,
            seal_path=profile.config_dir / SEAL_FILE,
        )
        if demo:
            _seed_demo(service)
        return service

    def close_later(self, service: SalesService) -> None:
        """Close ``service`` on a worker; the next :meth:`open` waits until it is closed."""
        closed = self._closed
        closed.clear()

        def close() -> None:
            try:
                service.close()
            finally:
                closed.set()

        if not self._runner.submit(close, name="close sales service"):
            close()


def _seed_demo(service: SalesService) -> None:
    """The demo's shop gets its items (on the worker opening the service); a failure is
    logged and the demo goes on with an empty catalogue."""
    from hpos.demo import seed_demo_catalogue  # the demo's module: loaded for the demo only
    from hpos.sales.journal_db import JournalError

    try:
        seeded = seed_demo_catalogue(service.journal, DEMO_CATALOGUE.read_bytes())
    except (OSError, ValueError, JournalError) as exc:
        log.warning("the demo's catalogue could not be filled: %s", exc)
        return
    if seeded:
        log.info("demo catalogue: %d items", seeded)
