"""SalesService: what a front end (CLI or GUI) needs to sell on one profile.

It ties the pieces together — the profile lock, the journal in the profile's
data dir, the till, the reconciler and the payment watcher — and offers the few
verbs a counter uses: recover, charge, cancel, check, wait. It owns no thread:
the CLI calls :meth:`wait`, the GUI calls ``watcher.run_due`` on its runner.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from hpos.hpay.client import HpayClient
from hpos.sales.journal import JOURNAL_FILE, Journal
from hpos.sales.lock import ProfileLock
from hpos.sales.model import Sale, SaleEvent, SaleLine
from hpos.sales.reconcile import Reconciler
from hpos.sales.recovery import recover
from hpos.sales.states import SaleState
from hpos.sales.till import AnswerNotRecorded, Till
from hpos.sales.watcher import PaymentWatcher, WatchPolicy
from hpos.util.private import private_folder, tighten, tighten_folder

Listener = Callable[[SaleEvent], None]
#: States in which waiting for a sale can stop: nothing more will happen by itself.
SETTLED = frozenset({SaleState.PAID, SaleState.FAILED, SaleState.REVIEW})


class SalesService:
    """Journal + till + reconciler + watcher for one profile and one HPAY client."""

    def __init__(
        self,
        client: HpayClient,
        journal: Journal,
        *,
        till_name: str,
        policy: WatchPolicy | None = None,
        listener: Listener | None = None,
        lock: ProfileLock | None = None,
    ) -> None:
        self.client = client
        self.journal = journal
        self._lock = lock
        self._listeners: list[Listener] = [listener] if listener else []
        self.till = Till(client, journal, till_name=till_name, listener=self._dispatch)
        self.reconciler = Reconciler(client)
        self.watcher = PaymentWatcher(
            self.till, self.reconciler, policy=policy or WatchPolicy(), listener=self._dispatch
        )

    def add_listener(self, listener: Listener) -> None:
        """Also report every sale event to ``listener`` (once, however often added)."""
        if listener not in self._listeners:
            self._listeners.append(listener)

    def _dispatch(self, event: SaleEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    @classmethod
    def open(
        cls,
        data_dir: Path,
        client: HpayClient,
        *,
        till_name: str,
        policy: WatchPolicy | None = None,
        listener: Listener | None = None,
        seal_path: Path | None = None,
    ) -> SalesService:
        """Lock the profile (ProfileLocked if another HPOS holds it) and open its journal.

        ``seal_path`` (in the profile's config folder) lets a lost or replaced journal
        be noticed (``journal.notice``).
        """
        with contextlib.suppress(OSError):  # the lock below says why it cannot be written
            private_folder(data_dir)  # it holds sales: the owner's only (0700, files 0600)
        lock = ProfileLock(data_dir).acquire()
        try:
            journal = Journal(data_dir / JOURNAL_FILE, seal_path=seal_path)
            tighten_folder(data_dir)  # files an older HPOS left readable by others
            if seal_path is not None:
                tighten(seal_path)
        except BaseException:
            lock.release()
            raise
        return cls(
            client, journal, till_name=till_name, policy=policy, listener=listener, lock=lock
        )

    def recover(self) -> list[Sale]:
        """Resume every sale a previous run left open (see ``recovery.recover``)."""
        return recover(self.journal, self.till, self.watcher)

    def charge(
        self,
        amount: Decimal | str | int,
        product: str,
        description: str = "",
        *,
        cashier: str | None = None,
        lines: Sequence[SaleLine] = (),
    ) -> Sale:
        """Start a sale (served by ``cashier``, None: not recorded; a cart's ``lines``
        kept with it, see ``cart.py``); an awaiting or unknown one is watched from now on.

        A new AWAITING payment is first checked one fast interval later (nobody
        pays within the first second), so a charge costs one request; an UNKNOWN
        one (the answer was lost) is looked for at once. Raises
        :class:`~hpos.sales.till.AnswerNotRecorded` when the journal failed while the
        request was out (the sale is watched if the journal took it as UNKNOWN).
        """
        try:
            sale = self.till.start_sale(amount, product, description, cashier=cashier, lines=lines)
        except AnswerNotRecorded as exc:  # the journal failed mid-request
            if exc.sale.state is SaleState.UNKNOWN:
                self.watcher.watch(exc.sale)
            raise
        if sale.state is SaleState.AWAITING:
            self.watcher.watch(sale, first_check_in=self.watcher.policy.fast_interval)
        elif sale.state is SaleState.UNKNOWN:
            self.watcher.watch(sale)
        return sale

    def cancel(self, sale_id: int) -> Sale:
        """Cancel an awaiting sale; it stays watched for a late payment."""
        sale = self.till.cancel(sale_id)
        self.watcher.watch(sale)
        return sale

    def wait(
        self,
        sale_id: int,
        *,
        timeout: float,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Sale:
        """Run the watcher until the sale is settled (PAID, FAILED, REVIEW) or ``timeout``."""

        def settled() -> bool:
            sale = self.journal.get(sale_id)
            return sale is None or sale.state in SETTLED

        self.watcher.run_until(settled, timeout=timeout, sleep=sleep)
        sale = self.journal.get(sale_id)
        if sale is None:
            raise KeyError(sale_id)
        return sale

    def close(self) -> None:
        """Close the journal and the client, and let the profile go."""
        self.journal.close()
        self.client.close()
        if self._lock is not None:
            self._lock.release()
