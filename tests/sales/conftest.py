"""The watch rig of the sales tests: journal, till and watcher on one fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hpos.hpay.client import HpayClient
from tests.helpers.watch import Rig


@pytest.fixture
def rig(client: HpayClient, tmp_path: Path) -> Iterator[Rig]:
    r = Rig(client, tmp_path / "j.sqlite3")
    yield r
    r.journal.close()
