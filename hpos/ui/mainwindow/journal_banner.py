"""The journal banner: a lost, emptied, replaced or rolled-back sales journal, said until read.

When the profile's journal opens, the sales layer compares it with the profile's
seal (:mod:`hpos.sales.journal_seal`) and keeps a ``journal.notice`` until a person
acknowledges it. :class:`JournalBanner` shows that notice as one amber line above
the cashier screen (the cashier's amount entry stays in view below it), with the
sales layer's full English sentence, naming the file, as its tooltip, and an
"I understand" button. Acknowledging writes to the journal, so it runs on the
:class:`~hpos.ui.runner.Runner`, never on the GUI thread; the banner hides only once
the journal has recorded it (a failure is said in the banner, which stays).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from hpos.ui.i18n import Retranslatable
from hpos.ui.runner import Runner

if TYPE_CHECKING:
    from hpos.sales.journal import Journal
    from hpos.sales.journal_seal import JournalNotice

log = logging.getLogger(__name__)

#: Warning colours: dark text on amber, a darker edge (the TEST MODE banner is red).
BANNER_STYLE = """
#journalBanner { background: #ffb300; border-bottom: 3px solid #e65100; }
#journalBanner QLabel { color: #1a1200; font-weight: bold; font-size: 15px; }
#journalBanner QPushButton {
    background: #ffffff; color: #1a1200; border: 2px solid #e65100; border-radius: 4px;
    padding: 4px 14px; font-weight: bold;
}
#journalBanner QPushButton:disabled { color: #8a7a50; }
"""


class JournalBanner(Retranslatable, QWidget):
    """One line saying what happened to the sales journal, and "I understand"."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BANNER_STYLE)
        self._runner = runner
        self._journal: Journal | None = None
        self._notice: JournalNotice | None = None
        self._failure = ""  # why the last acknowledgement was not recorded
        self.text = QLabel(self)
        self.text.setWordWrap(True)  # one line at 1024 px; a second rather than a cut
        self.acknowledge_button = QPushButton(self)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.acknowledge_button)
        self.hide()
        self.retranslate()

    @property
    def notice(self) -> JournalNotice | None:
        """The notice shown (None when the banner is hidden)."""
        return self._notice

    def follow(self, journal: Journal) -> None:
        """Show ``journal.notice`` if it has one (an attribute read: no disk work)."""
        self._journal = journal
        self._notice = journal.notice
        self._failure = ""
        self.acknowledge_button.setEnabled(True)
        self.retranslate()
        self.setVisible(self._notice is not None)

    def clear(self) -> None:
        """Forget the journal (its service is closing) and hide."""
        self._journal = self._notice = None
        self.hide()

    @Slot()
    def acknowledge(self) -> None:
        """Record in the journal (on the Runner) that the notice was read; hide once done."""
        journal = self._journal
        if journal is None or self._notice is None:
            return
        self.acknowledge_button.setEnabled(False)

        def done(_result: object) -> None:
            if self._journal is journal:
                self._notice = None
                self.hide()

        def failed(exc: BaseException) -> None:
            log.warning("journal notice not acknowledged: %s", exc)
            if self._journal is journal:
                self._failure = str(exc)
                self.acknowledge_button.setEnabled(True)
                self.retranslate()

        if not self._runner.submit(
            journal.acknowledge_notice, on_done=done, on_error=failed, name="acknowledge notice"
        ):
            self.acknowledge_button.setEnabled(True)

    def retranslate(self) -> None:
        """Texts in the UI language (again on LanguageChange)."""
        notice = self._notice
        line = notice_line(notice.kind, notice.message) if notice is not None else ""
        if self._failure:
            line = self.tr("{line} (Not recorded as read: {reason})").format(
                line=line, reason=self._failure
            )
        self.text.setText(line)
        self.text.setAccessibleName(line)
        self.text.setToolTip(notice.message if notice is not None else "")
        self.acknowledge_button.setText(self.tr("I understand"))
        self.acknowledge_button.setAccessibleName(self.tr("I understand: hide this warning"))


def notice_line(kind: str, message: str) -> str:
    """The banner's one line for a notice ``kind``; the sales layer's words for an unknown one."""
    if kind == "missing":
        return QCoreApplication.translate(
            "JournalBanner",
            "⚠ The sales journal was missing: earlier sales are only in HPAY's history now.",
        )
    if kind == "empty":
        return QCoreApplication.translate(
            "JournalBanner",
            "⚠ The sales journal was emptied: earlier sales are only in HPAY's history now.",
        )
    if kind == "replaced":
        return QCoreApplication.translate(
            "JournalBanner",
            "⚠ The sales journal was replaced: earlier sales are only in HPAY's history now.",
        )
    if kind == "rolled_back":
        return QCoreApplication.translate(
            "JournalBanner",
            "⚠ The sales journal was restored from an older copy: later sales are only in"
            " HPAY's history.",
        )
    return f"⚠ {message}"
