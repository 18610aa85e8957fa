"""Two tills of one shop on one sandbox account, and a payment taken without HPOS: the day
the all-tills tests read (``tests/sales/test_all_tills.py``, ``tests/ui/owner/test_tills.py``).

Figures by hand (XOF, the demo account's fees are 1.5 %, rounded half up):

========  ====  ======  ====  ======  ======
line      paid  amount  fees  net     unpaid
========  ====  ======  ====  ======  ======
FRONT     2     15600   235   15365   1       (14900 fees 224, 700 fees 11; 2500 left unpaid)
BAR       1     5000    75    4925    1       (5000 fees 75; 1200 left unpaid)
not HPOS  1     3000    45    2955    0       ("Walk-in", made on HPAY directly)
total     4     23600   355   23245   2
========  ====  ======  ====  ======  ======
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from hpos.hpay.client import HpayClient
from hpos.sales.journal import Journal
from hpos.sales.till import Till
from hpos.sandbox.server import SandboxServer
from tests.helpers.sandbox import client_config

#: (till, paid count, amount, fees, net, unpaid count) as the tests expect them.
FRONT = ("FRONT", 2, Decimal(15600), Decimal(235), Decimal(15365), 1)
BAR = ("BAR", 1, Decimal(5000), Decimal(75), Decimal(4925), 1)
NOT_HPOS = (1, Decimal(3000), Decimal(45), Decimal(2955), 0)
TOTAL = (4, Decimal(23600), Decimal(355), Decimal(23245), 2)


@dataclass(frozen=True)
class ShopDay:
    """What was made: each till's journal id, and the payment taken elsewhere."""

    front_journal: str
    bar_journal: str
    walk_in: str


def seed_shop_day(server: SandboxServer, folder: Path) -> ShopDay:
    """Two tills (FRONT, BAR: two journals) sell on the sandbox's demo account, and one
    payment is made on HPAY without HPOS; the customers pay as in the table above."""
    client = HpayClient(client_config(server.url), sleep=lambda _s: None)
    ids: list[str] = []
    try:
        for name, paid, unpaid in (("FRONT", (14900, 700), (2500,)), ("BAR", (5000,), (1200,))):
            journal = Journal(folder / f"{name.lower()}.sqlite3")
            try:
                till = Till(client, journal, till_name=name)
                for amount in (*paid, *unpaid):
                    sale = till.start_sale(Decimal(amount), "Article", "counter sale")
                    assert sale.transaction_id, sale
                    if amount in paid:
                        server.mark_paid(sale.transaction_id)
                ids.append(journal.journal_id)
            finally:
                journal.close()
        walk_in = client.create_payment(Decimal(3000), "Walk-in", "paid at the counter")
        server.mark_paid(walk_in.transaction_id)
    finally:
        client.close()
    return ShopDay(ids[0], ids[1], walk_in.transaction_id)
