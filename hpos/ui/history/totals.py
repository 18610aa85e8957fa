"""The sums under the history table: what was paid, and how many rows are in each state.

Only money that moved is added up: the amount, the fees and the net (amount less
fees) of the PAID and PAID LATE rows. Every other row (waiting, cancelled,
expired, failed...) is only counted, by state: a cancelled sale of 999,999,999
FCFA adds nothing to a total. :func:`summarize_by_mode` makes the sums (plain
data, any thread; per mode, so a TEST amount is never added to a PROD total),
:func:`summary_text_of` the footer's text on the GUI thread, in the current
language (context "HistoryRows"):

``Paid 2,500 FCFA · fees 38 FCFA · net 2,462 FCFA — 1 paid · 2 waiting · 1 cancelled``
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hpos.ui.history.rows import HistoryRow, money_text

#: The groups of states the footer counts, in the order it says them.
STATE_GROUPS = ("paid", "waiting", "cancelled", "expired", "failed", "check", "other")
#: Which group each status (HPAY's, the journal's) is counted in; any other is "other".
GROUP_OF = {
    "PAID": "paid",
    "PAID LATE": "paid",
    "UNPAID": "waiting",
    "CREATED": "waiting",
    "REQUESTING": "waiting",
    "AWAITING": "waiting",
    "CANCELLED": "cancelled",
    "EXPIRED": "expired",
    "FAILED": "failed",
    "UNKNOWN": "check",
    "REVIEW": "check",
}
#: (one row, several rows) of each group: the French words agree in number.
_COUNT_TEXTS = {
    "paid": (
        QT_TRANSLATE_NOOP("HistoryRows", "1 paid"),
        QT_TRANSLATE_NOOP("HistoryRows", "{count} paid"),
    ),
    "waiting": (
        QT_TRANSLATE_NOOP("HistoryRows", "1 waiting"),
        QT_TRANSLATE_NOOP("HistoryRows", "{count} waiting"),
    ),
    "cancelled": (
        QT_TRANSLATE_NOOP("HistoryRows", "1 cancelled"),
        QT_TRANSLATE_NOOP("HistoryRows", "{count} cancelled"),
    ),
    "expired": (
        QT_TRANSLATE_NOOP("HistoryRows", "1 expired"),
        QT_TRANSLATE_NOOP("HistoryRows", "{count} expired"),
    ),
    "failed": (
        QT_TRANSLATE_NOOP("HistoryRows", "1 failed"),
        QT_TRANSLATE_NOOP("HistoryRows", "{count} failed"),
    ),
    "check": (
        QT_TRANSLATE_NOOP("HistoryRows", "1 to check"),
        QT_TRANSLATE_NOOP("HistoryRows", "{count} to check"),
    ),
    "other": (
        QT_TRANSLATE_NOOP("HistoryRows", "1 other"),
        QT_TRANSLATE_NOOP("HistoryRows", "{count} other"),
    ),
}


def state_group(status: str) -> str:
    """The footer's group of a status: "paid", "waiting", "cancelled"... ("other" if unknown)."""
    return GROUP_OF.get(status, "other")


@dataclass
class Totals:
    """What was paid in one currency: the PAID and PAID LATE rows only."""

    paid_count: int = 0
    paid: Decimal = Decimal(0)
    fees: Decimal = Decimal(0)
    #: Paid rows whose fees are not known (their fees are not in ``fees``).
    fees_unknown: int = 0

    @property
    def net(self) -> Decimal:
        """What the shop keeps: paid less fees."""
        return self.paid - self.fees


@dataclass
class Summary:
    """How many rows, how many in each state group, and the paid totals per currency."""

    count: int = 0
    states: dict[str, int] = field(default_factory=dict)
    by_currency: dict[str, Totals] = field(default_factory=dict)

    def add(self, status: str, currency: str, amount: Decimal, fees: Decimal | None) -> None:
        """Count one row of ``status``; a paid one adds ``amount`` and ``fees``."""
        unknown = fees is None
        self.add_rows(status, currency, 1, amount, Decimal(0) if unknown else fees, int(unknown))

    def add_rows(
        self,
        status: str,
        currency: str,
        rows: int,
        amount: Decimal,
        fees: Decimal,
        fees_unknown: int = 0,
    ) -> None:
        """Count ``rows`` rows of ``status`` in ``currency``: paid ones add their ``amount``
        and their known ``fees`` (``fees_unknown`` of them had none)."""
        self.count += rows
        group = state_group(status)
        self.states[group] = self.states.get(group, 0) + rows
        if group != "paid":
            return
        totals = self.by_currency.get(currency)
        if totals is None:
            totals = self.by_currency[currency] = Totals()
        totals.paid_count += rows
        totals.paid += amount
        totals.fees += fees
        totals.fees_unknown += fees_unknown

    def merge(self, other: Summary) -> None:
        """Add ``other``'s counts and totals to these."""
        self.count += other.count
        for group, count in other.states.items():
            self.states[group] = self.states.get(group, 0) + count
        for currency, theirs in other.by_currency.items():
            mine = self.by_currency.setdefault(currency, Totals())
            mine.paid_count += theirs.paid_count
            mine.paid += theirs.paid
            mine.fees += theirs.fees
            mine.fees_unknown += theirs.fees_unknown


def summarize_by_mode(rows: Iterable[HistoryRow]) -> dict[str, Summary]:
    """Counts per state and paid totals of ``rows``, per currency (exact Decimals), per mode
    ("PROD", "TEST", "" when not given): plain data, any thread.

    One pass, keeping no row: ``rows`` may be made one at a time.
    """
    by_mode: dict[str, Summary] = {}
    for row in rows:
        summary = by_mode.get(row.mode)
        if summary is None:
            summary = by_mode[row.mode] = Summary()
        summary.add(row.status, row.currency, row.amount, row.fees)
    return by_mode


def merged(*sums: dict[str, Summary]) -> dict[str, Summary]:
    """New per-mode sums: every one of ``sums`` added up (none is changed)."""
    out: dict[str, Summary] = {}
    for by_mode in sums:
        for mode, summary in by_mode.items():
            out.setdefault(mode, Summary()).merge(summary)
    return out


def summary_text(rows: Iterable[HistoryRow]) -> str:
    """The footer's text for ``rows`` (see the module's docstring).

    Rows of several modes get one summary per mode, a line each, PROD first: a TEST amount is
    never added into a PROD total (nor is a row whose mode HPAY did not give).
    """
    return summary_text_of(summarize_by_mode(rows))


def summary_text_of(by_mode: dict[str, Summary]) -> str:
    """The text of :func:`summarize_by_mode`'s sums, in the current language."""
    if len(by_mode) <= 1:
        return _summary_of(next(iter(by_mode.values()), Summary()))
    labels = {
        "PROD": QCoreApplication.translate("HistoryRows", "PROD"),
        "TEST": QCoreApplication.translate("HistoryRows", "TEST (not in PROD totals)"),
        "": QCoreApplication.translate("HistoryRows", "Mode not given"),
    }
    order = sorted(by_mode, key=lambda mode: (mode != "PROD", mode != "TEST", mode))
    part = QCoreApplication.translate("HistoryRows", "{mode}: {summary}")
    return "\n".join(
        part.format(mode=labels.get(mode, mode), summary=_summary_of(by_mode[mode]))
        for mode in order
    )


def _counts_text(states: dict[str, int]) -> str:
    parts = []
    for group in STATE_GROUPS:
        count = states.get(group, 0)
        if count:
            one, many = _COUNT_TEXTS[group]
            text = QCoreApplication.translate("HistoryRows", one if count == 1 else many)
            parts.append(text.format(count=count))
    return " · ".join(parts)


def _summary_of(summary: Summary) -> str:
    if summary.count == 0:
        return QCoreApplication.translate("HistoryRows", "No payments shown.")
    counts = _counts_text(summary.states)
    per = sorted((cur, t) for cur, t in summary.by_currency.items() if t.paid_count)
    if not per:
        return QCoreApplication.translate("HistoryRows", "Nothing paid — {counts}").format(
            counts=counts
        )

    def joined(values: Iterable[tuple[str, Decimal]]) -> str:
        return " + ".join(money_text(value, cur) for cur, value in values)

    paid = QCoreApplication.translate(
        "HistoryRows", "Paid {paid} · fees {fees} · net {net}"
    ).format(
        paid=joined((cur, t.paid) for cur, t in per),
        fees=joined((cur, t.fees) for cur, t in per),
        net=joined((cur, t.net) for cur, t in per),
    )
    unknown = sum(t.fees_unknown for _cur, t in per)
    if unknown:
        paid += " " + QCoreApplication.translate(
            "HistoryRows", "(fees unknown for {count})"
        ).format(count=unknown)
    return QCoreApplication.translate("HistoryRows", "{paid} — {counts}").format(
        paid=paid, counts=counts
    )
