"""The first-start panel: what HPOS does, and two ways to begin.

Shown by the main window when the profile has no HPAY keys yet. "Try the demo"
runs HPOS against the built-in sandbox (no account needed); "Enter my HPAY
keys" opens the settings. The panel only emits signals: it does no work itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hpos.ui.i18n import Retranslatable

#: The two buttons' texts in English (the source language; shown translated).
DEMO_TEXT = "Try the demo"
CONFIGURE_TEXT = "Enter my HPAY keys"

STYLE = """
#welcomePanel { background: #f8f9fa; }
#welcomeTitle { color: #111111; }
#welcomePitch { color: #3c4043; }
#welcomeHint { color: #5f6368; }
QPushButton#demoButton, QPushButton#configureButton {
    border-radius: 12px; padding: 12px 24px; font-weight: bold;
}
QPushButton#demoButton { background: #1a5fb4; color: #ffffff; border: none; }
QPushButton#demoButton:focus { border: 3px solid #0b2e59; }
QPushButton#configureButton { background: #ffffff; color: #1a5fb4; border: 2px solid #1a5fb4; }
QPushButton#configureButton:focus { border: 3px solid #0b2e59; }
"""


class WelcomePanel(Retranslatable, QWidget):
    """First start without credentials: "Try the demo" or "Enter my HPAY keys"."""

    #: The user wants to try HPOS against the built-in sandbox.
    demo_requested = Signal()
    #: The user wants to enter the keys of their HPAY account.
    configure_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)

        self.title = QLabel()
        self.title.setObjectName("welcomeTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pitch = QLabel()
        self.pitch.setObjectName("welcomePitch")
        self.pitch.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pitch.setWordWrap(True)

        self._hints: list[QLabel] = []
        self.demo_button = self._button("demoButton")
        self.configure_button = self._button("configureButton")
        self.demo_button.clicked.connect(self._demo)
        self.configure_button.clicked.connect(self._configure)

        choices = QHBoxLayout()
        choices.setSpacing(32)
        choices.addStretch(1)
        choices.addLayout(self._choice(self.demo_button), 3)
        choices.addLayout(self._choice(self.configure_button), 3)
        choices.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.pitch)
        layout.addSpacing(32)
        layout.addLayout(choices)
        layout.addStretch(3)
        self.setTabOrder(self.demo_button, self.configure_button)
        self.retranslate()
        self._apply_scale(1.0)

    def retranslate(self) -> None:
        """Texts in the UI language (again on LanguageChange)."""
        self.title.setText(self.tr("Welcome to HPOS"))
        self.pitch.setText(
            self.tr(
                "Type an amount, show the customer a QR code, and HPOS tells you when the card "
                "payment has gone through HPAY — card details never touch this till."
            )
        )
        demo_hint = self.tr(
            "A built-in test server plays the bank and the customer. No account needed."
        )
        configure_hint = self.tr(
            "Use your HPAY account: API URL, API key, public key and secret key."
        )
        texts = (
            (self.demo_button, self.tr("Try the demo"), demo_hint),
            (self.configure_button, self.tr("Enter my HPAY keys"), configure_hint),
        )
        for (button, text, hint), label in zip(texts, self._hints, strict=True):
            button.setText(text)
            button.setAccessibleName(text)
            button.setAccessibleDescription(hint)
            button.setToolTip(hint)
            label.setText(hint)

    def _button(self, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    def _choice(self, button: QPushButton) -> QVBoxLayout:
        label = QLabel()
        self._hints.append(label)
        label.setObjectName("welcomeHint")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(button)
        column.addWidget(label)
        return column

    def _apply_scale(self, scale: float) -> None:
        """Fonts and button heights grow with the panel (1.0 at 1024×600)."""
        base = QFont(self.font())
        title = QFont(base)
        title.setPointSizeF(26 * scale)
        title.setBold(True)
        self.title.setFont(title)
        pitch = QFont(base)
        pitch.setPointSizeF(14 * scale)
        self.pitch.setFont(pitch)
        hint = QFont(base)
        hint.setPointSizeF(11 * scale)
        for label in self._hints:
            label.setFont(hint)
        for button in (self.demo_button, self.configure_button):
            font = QFont(base)
            font.setPointSizeF(16 * scale)
            font.setBold(True)
            button.setFont(font)
            button.setMinimumHeight(round(72 * scale))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale with the window, between 1024×600 and full HD."""
        size = event.size()
        scale = max(0.8, min(size.width() / 1024, size.height() / 600, 1.8))
        self._apply_scale(scale)
        super().resizeEvent(event)

    @Slot()
    def _demo(self) -> None:
        self.demo_requested.emit()

    @Slot()
    def _configure(self) -> None:
        self.configure_requested.emit()
