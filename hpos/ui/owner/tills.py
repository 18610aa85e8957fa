"""The owner's "All tills" view: HPAY's history of one day, grouped by till.

:class:`AllTillsView` is a self-contained widget (the window puts it behind the
manager PIN, in a dialog or a tab): a day picker and Refresh, a table
(:class:`AllTillsModel`: till, sales paid, amount, fees, net, unpaid), a row for
the payments with no HPOS sale reference ("Not from HPOS", its payments in the
row's tool tip), a total row per currency, and a status line. The figures are
:func:`hpos.sales.all_tills.build_all_tills`'s, read on the runner: the status
line counts the payments read while the pages come in, then says what was read.
When HPAY cannot be read, the figures already shown for that day stay, marked
"Last known, not refreshed: <reason>"; a day never read shows nothing but why.

Everything comes in through the constructor: the runner and ``make_client``, a
callable run on a worker that returns a new HPAY client for the profile (the view
closes it when the day is read). Nothing here touches the network or the disk
on the GUI thread. The first show reads today; :meth:`AllTillsView.refresh`
reads the chosen day again; :attr:`AllTillsView.loaded` and
:attr:`AllTillsView.failed` say how a reading ended.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hpos.ui.controller.text import error_text, last_known_text
from hpos.ui.i18n import Retranslatable, format_date, format_number, format_time
from hpos.ui.money import format_money
from hpos.ui.runner import Runner
from hpos.ui.widgets.style import page_title

if TYPE_CHECKING:  # the sales layer (and the HPAY client) load on the worker that reads
    from hpos.sales.all_tills import AllTillsReport, Totals

#: Columns: till, sales paid, amount, fees, net, unpaid.
TILL, PAID, AMOUNT, FEES, NET, UNPAID = range(6)
COLUMN_COUNT = 6
#: Row kinds (``data(index, KIND_ROLE)``).
KIND_TILL, KIND_NOT_HPOS, KIND_TOTAL = "till", "not_hpos", "total"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_Index = QModelIndex | QPersistentModelIndex


class AllTillsModel(QAbstractTableModel):
    """The rows of one day: each till, the payments not from HPOS, the total per currency."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, Totals]] = []  # (kind, till, journal id, totals)
        self._report: AllTillsReport | None = None

    def set_report(self, report: AllTillsReport | None) -> None:
        """Show ``report`` (None: nothing)."""
        self.beginResetModel()
        self._report = report
        self._rows = []
        if report is not None:
            self._rows += [(KIND_TILL, t.till, t.journal_id, t.totals) for t in report.tills]
            self._rows += [(KIND_NOT_HPOS, "", "", t) for t in report.not_hpos]
            self._rows += [(KIND_TOTAL, "", "", t) for t in report.totals]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _titles()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section != TILL else _LEFT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, till, journal, totals = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._till_text(kind, till, journal) if column == TILL else _cell(totals, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != TILL:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and kind == KIND_TOTAL:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == TILL:
            return self._tool_tip(kind, journal)
        if role == KIND_ROLE:
            return kind
        return None

    def retranslate(self) -> None:
        """Ask the views for every text again (the language changed)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, COLUMN_COUNT - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _till_text(self, kind: str, till: str, journal: str) -> str:
        if kind == KIND_TOTAL:
            return QCoreApplication.translate("AllTillsModel", "Total")
        if kind == KIND_NOT_HPOS:
            return QCoreApplication.translate("AllTillsModel", "Not from HPOS")
        name = till or QCoreApplication.translate("AllTillsModel", "(no sale number)")
        same_name = sum(1 for row in self._rows if row[0] == KIND_TILL and row[1] == till)
        return f"{name} · {journal}" if same_name > 1 else name

    def _tool_tip(self, kind: str, journal: str) -> str:
        if kind == KIND_TILL:
            return QCoreApplication.translate("AllTillsModel", "Till journal {journal}").format(
                journal=journal
            )
        if kind != KIND_NOT_HPOS or self._report is None:
            return ""
        report = self._report
        lines = [
            QCoreApplication.translate(
                "AllTillsModel", "Payments with no HPOS sale reference (taken elsewhere):"
            )
        ]
        lines += [
            f"{format_time(p.date_generated, seconds=False)}  {p.transaction_id}  {p.status}"
            f"  {format_money(p.amount, p.currency)}  {p.product}"
            for p in report.not_hpos_listed
        ]
        more = report.not_hpos_count - len(report.not_hpos_listed)
        if more > 0:
            lines.append(
                QCoreApplication.translate("AllTillsModel", "… and {count} more").format(count=more)
            )
        return "\n".join(lines)


def _titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("AllTillsModel", "Till"),
        QCoreApplication.translate("AllTillsModel", "Sales paid"),
        QCoreApplication.translate("AllTillsModel", "Amount"),
        QCoreApplication.translate("AllTillsModel", "Fees"),
        QCoreApplication.translate("AllTillsModel", "Net"),
        QCoreApplication.translate("AllTillsModel", "Unpaid"),
    )


def _cell(t: Totals, column: int) -> str:
    if column == PAID:
        return str(t.paid_count)
    if column == UNPAID:
        return str(t.unpaid_count)
    amount = {AMOUNT: t.paid_amount, FEES: t.fees, NET: t.net}[column]
    return format_money(amount, t.currency)


class _Progress(QObject):
    """Carries the worker's "payments read so far" to the GUI thread (a queued signal)."""

    read = Signal(int, int)  # (reading number, entries read)


def local_zone() -> tzinfo:
    """This computer's time zone: the shop's day."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


class AllTillsView(Retranslatable, QWidget):
    """The all-tills view (see the module): a day, its tills, the payments not from HPOS."""

    #: A reading ended: the report (an :class:`~hpos.sales.all_tills.AllTillsReport`).
    loaded = Signal(object)
    #: A reading failed: the sentence shown.
    failed = Signal(str)

    def __init__(
        self,
        runner: Runner,
        make_client: Callable[[], Any],
        *,
        zone: Callable[[], tzinfo] = local_zone,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._make_client = make_client
        self._zone = zone
        self._reading = 0  # number of the latest reading: older answers are dropped
        self._busy = False
        self._shown_once = False
        self._report: AllTillsReport | None = None
        self._progress = _Progress(self)
        self._progress.read.connect(self._on_progress)
        self.model = AllTillsModel(self)
        self.title = page_title()
        self.day_label = QLabel()
        self.day_edit = QDateEdit(QDate.currentDate())
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_label.setBuddy(self.day_edit)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.day_edit.dateChanged.connect(self._day_changed)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TILL, QHeaderView.ResizeMode.Stretch)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.day_label)
        row.addWidget(self.day_edit)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.status_label)
        self._status: Callable[[], str] = lambda: ""
        self.retranslate()

    # -- what the window calls -----------------------------------------------------

    @property
    def report(self) -> AllTillsReport | None:
        """The figures shown (None before the first reading of the day succeeded)."""
        return self._report

    def day(self) -> date:
        """The day chosen."""
        qdate = self.day_edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_day(self, day: date) -> None:
        """Choose ``day`` and read it."""
        self.day_edit.setDate(QDate(day.year, day.month, day.day))

    @Slot()
    def refresh(self) -> None:
        """Read the chosen day from HPAY's history, on the runner."""
        self._reading += 1
        reading, day, zone = self._reading, self.day(), self._zone()
        make_client, progress = self._make_client, self._progress

        def read() -> AllTillsReport:
            # imported here, on the worker: the client brings ``requests`` (see ARCHITECTURE)
            from hpos.sales.all_tills import build_all_tills

            client = make_client()
            try:
                return build_all_tills(
                    client, day, tz=zone, progress=lambda n: progress.read.emit(reading, n)
                )
            finally:
                client.close()

        self._busy = True
        self.refresh_button.setEnabled(False)
        self._set_status(
            lambda: self.tr("Reading HPAY's history of {day}…").format(day=format_date(day))
        )
        self._runner.submit(
            read,
            on_done=lambda report: self._on_loaded(reading, report),
            on_error=lambda exc: self._on_failed(reading, day, exc),
            name="all-tills",
        )

    def retranslate(self) -> None:
        """Set every text in the UI language."""
        self.title.setText(self.tr("All tills"))
        self.day_label.setText(self.tr("&Day:"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read this day from HPAY's history again"))
        self.model.retranslate()
        self.status_label.setText(self._status())
        self._show_note()

    # -- internals ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """The first show reads the chosen day (today)."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._busy and self._report is None:
                self.refresh()

    @Slot()
    def _day_changed(self) -> None:
        if self._report is not None and self._report.day != self.day():
            self._report = None
            self.model.set_report(None)
            self._show_note()
        self.refresh()

    @Slot(int, int)
    def _on_progress(self, reading: int, entries: int) -> None:
        if reading != self._reading or not self._busy:
            return
        day = self.day()
        self._set_status(
            lambda: self.tr("Reading HPAY's history of {day}… {count} payments so far").format(
                day=format_date(day), count=format_number(entries)
            )
        )

    def _on_loaded(self, reading: int, report: AllTillsReport) -> None:
        if reading != self._reading:
            return
        self._done()
        self._report = report
        self.model.set_report(report)
        self._show_note()
        self._set_status(lambda: _read_text(report))
        self.loaded.emit(report)

    def _on_failed(self, reading: int, day: date, exc: BaseException) -> None:
        if reading != self._reading:
            return
        self._done()
        if self._report is not None and self._report.day == day:
            self._set_status(lambda: last_known_text(exc))
        else:
            self._set_status(
                lambda: self.tr("HPAY's history of {day} could not be read: {reason}").format(
                    day=format_date(day), reason=error_text(exc)
                )
            )
        self.failed.emit(self.status_label.text())

    def _done(self) -> None:
        self._busy = False
        self.refresh_button.setEnabled(True)

    def _set_status(self, text: Callable[[], str]) -> None:
        """Show ``text()`` now and again after a language change."""
        self._status = text
        self.status_label.setText(text())

    def _show_note(self) -> None:
        report = self._report
        notes = []
        if report is not None and not report.totals:
            notes.append(self.tr("No payments in HPAY's history on this day."))
        if report is not None and report.not_hpos_count:
            notes.append(
                self.tr(
                    "Not from HPOS: {count} payment(s) with no HPOS sale reference,"
                    " taken elsewhere (HPAY's dashboard, another system)."
                ).format(count=report.not_hpos_count)
            )
        if report is not None and report.other_mode_count:
            notes.append(
                self.tr("{count} payment(s) of the other mode left out.").format(
                    count=report.other_mode_count
                )
            )
        self.note_label.setText("\n".join(notes))
        self.note_label.setVisible(bool(notes))


def _read_text(report: AllTillsReport) -> str:
    text = QCoreApplication.translate(
        "AllTillsView", "{mode} · {count} payments read from HPAY's history at {time}"
    )
    return text.format(
        mode=report.mode,
        count=format_number(report.entries_read),
        time=format_time(datetime.now().astimezone(), seconds=False),
    )
