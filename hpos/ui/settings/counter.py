"""The settings dialog's "Counter" page: language, customer display, sound, receipts, cashiers.

:class:`CounterPage` edits the counter fields of :class:`~hpos.profile.profile.Settings`
(``language``, ``customer_display``, ``sound_enabled``, ``sound_volume``,
``receipt_layout``, ``print_without_dialog``, ``auto_print``, and through
:class:`~hpos.ui.settings.cashiers.CashiersBox` ``cashiers``). The printer name
is remembered by the receipt code: the page only shows it, read-only, with a
"Forget" button that clears it when the dialog is saved. Like
:class:`~hpos.ui.settings.form.SettingsForm`, it fills itself from settings
(:meth:`CounterPage.fill`) and reads them back (:meth:`CounterPage.settings`);
the dialog does the saving, on a worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hpos.profile.settings import (
    DISPLAY_AUTO,
    DISPLAY_OFF,
    DISPLAY_WINDOW,
    RECEIPT_LAYOUTS,
    Settings,
    replace_settings,
)
from hpos.ui.i18n import Retranslatable
from hpos.ui.settings.cashiers import CashiersBox

__all__ = ["DISPLAY_AUTO", "DISPLAY_OFF", "DISPLAY_WINDOW", "CounterPage", "SettingsTabs"]


def screen_names() -> list[str]:
    """The names of the screens Qt knows now (the customer display can open on any)."""
    return [screen.name() for screen in QGuiApplication.screens() if screen.name()]


class CounterPage(Retranslatable, QWidget):
    """Language, customer display, sound and receipt options of one profile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterPage")
        self._printer_name = ""
        self._known_screens = 2
        self.language_combo = QComboBox()
        for code in ("", "en", "fr"):
            self.language_combo.addItem("", code)
        self.display_combo = QComboBox()
        self.sound_check = QCheckBox()
        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setSingleStep(5)
        self.volume_slider.setPageStep(10)
        self.volume_label = QLabel()
        self.volume_label.setMinimumWidth(48)
        self.layout_combo = QComboBox()
        for code in RECEIPT_LAYOUTS:
            self.layout_combo.addItem("", code)
        self.without_dialog_check = QCheckBox()
        self.auto_print_check = QCheckBox()
        self.printer_label = QLabel()
        self.printer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.forget_button = QPushButton()
        self.forget_button.setAutoDefault(False)
        self.cashiers_box = CashiersBox()  # the cashiers on a shift (issue 15)
        self._lay_out()
        self.sound_check.toggled.connect(self._sound_toggled)
        self.volume_slider.valueChanged.connect(self._show_volume)
        self.forget_button.clicked.connect(self.forget_printer)
        self.display_combo.currentIndexChanged.connect(self._show_display_help)
        self.set_screens(screen_names(), DISPLAY_AUTO)
        self.retranslate()
        self._sound_toggled(self.sound_check.isChecked())

    def _lay_out(self) -> None:
        self._labels: dict[str, QLabel] = {
            key: QLabel() for key in ("language", "display", "volume", "paper", "printer")
        }
        self._language_form = QFormLayout()
        self._language_form.addRow(self._labels["language"], self.language_combo)
        self._display_form = QFormLayout()
        self._display_form.addRow(self._labels["display"], self.display_combo)
        self._display_note = QLabel()  # what the choice does, one line
        self._display_note.setObjectName("displayHelp")
        self._display_note.setWordWrap(True)
        self._display_form.addRow(self._display_note)
        volume_row = QHBoxLayout()
        volume_row.setContentsMargins(0, 0, 0, 0)
        volume_row.addWidget(self.volume_slider, 1)
        volume_row.addWidget(self.volume_label)
        self._sound_form = QFormLayout()
        self._sound_form.addRow(self.sound_check)
        self._sound_form.addRow(self._labels["volume"], volume_row)
        printer_row = QHBoxLayout()
        printer_row.setContentsMargins(0, 0, 0, 0)
        printer_row.addWidget(self.printer_label, 1)
        printer_row.addWidget(self.forget_button)
        self._receipt_form = QFormLayout()
        self._receipt_form.addRow(self._labels["paper"], self.layout_combo)
        self._receipt_form.addRow(self._labels["printer"], printer_row)
        self._receipt_form.addRow(self.without_dialog_check)
        self._receipt_form.addRow(self.auto_print_check)
        for key, buddy in (
            ("language", self.language_combo),
            ("display", self.display_combo),
            ("volume", self.volume_slider),
            ("paper", self.layout_combo),
            ("printer", self.forget_button),
        ):
            self._labels[key].setBuddy(buddy)
        self._boxes = []
        for form in (
            self._language_form,
            self._display_form,
            self._sound_form,
            self._receipt_form,
        ):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            box = QGroupBox()
            box.setLayout(form)
            self._boxes.append(box)
        left = QVBoxLayout()
        left.addWidget(self._boxes[0])
        left.addWidget(self._boxes[1])
        left.addWidget(self._boxes[2])
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._boxes[3])
        right.addWidget(self.cashiers_box)
        right.addStretch(1)
        columns = QHBoxLayout(self)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        for first, second in (
            (self.language_combo, self.display_combo),
            (self.display_combo, self.sound_check),
            (self.sound_check, self.volume_slider),
            (self.volume_slider, self.layout_combo),
            (self.layout_combo, self.forget_button),
            (self.forget_button, self.without_dialog_check),
            (self.without_dialog_check, self.auto_print_check),
            (self.auto_print_check, self.cashiers_box.list),
        ):
            QWidget.setTabOrder(first, second)

    # -- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every static text, in the current language."""
        titles = (self.tr("Language"), self.tr("Customer display"), self.tr("Sound"))
        for box, title in zip(self._boxes, (*titles, self.tr("Receipts")), strict=True):
            box.setTitle(title)
        names = {"": self.tr("System language"), "en": "English", "fr": "Français"}
        for index in range(self.language_combo.count()):
            self.language_combo.setItemText(index, names[self.language_combo.itemData(index)])
        self._labels["language"].setText(self.tr("&Language"))
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.setAccessibleDescription(
            self.tr("The language of HPOS; System follows the computer's language.")
        )
        self._labels["display"].setText(self.tr("Show &on"))
        self.display_combo.setAccessibleName(self.tr("Customer display screen"))
        self._retranslate_displays()
        self._show_display_help()
        self.sound_check.setText(self.tr("Play a sound when paid or failed"))
        self.sound_check.setAccessibleName(self.tr("Sound on"))
        self._labels["volume"].setText(self.tr("&Volume"))
        self.volume_slider.setAccessibleName(self.tr("Sound volume"))
        self.volume_slider.setAccessibleDescription(self.tr("From 0 to 100 percent"))
        layouts = {"58mm": self.tr("58 mm roll"), "80mm": self.tr("80 mm roll"), "A4": "A4"}
        for index in range(self.layout_combo.count()):
            self.layout_combo.setItemText(index, layouts[self.layout_combo.itemData(index)])
        self._labels["paper"].setText(self.tr("&Paper"))
        self.layout_combo.setAccessibleName(self.tr("Receipt paper"))
        self._labels["printer"].setText(self.tr("Printer"))
        self.forget_button.setText(self.tr("Forget"))
        self.forget_button.setAccessibleName(self.tr("Forget the printer"))
        self.forget_button.setToolTip(self.tr("Ask for the printer again next time"))
        self.without_dialog_check.setText(self.tr("Print without asking (no print dialog)"))
        self.without_dialog_check.setAccessibleName(self.tr("Print without dialog"))
        self.auto_print_check.setText(self.tr("Print a receipt automatically when paid"))
        self.auto_print_check.setAccessibleName(self.tr("Print automatically when paid"))
        self._show_printer()
        self._show_volume(self.volume_slider.value())

    def _retranslate_displays(self) -> None:
        for index in range(self.display_combo.count()):
            code = self.display_combo.itemData(index)
            if code == DISPLAY_AUTO:
                self.display_combo.setItemText(index, self.tr("Automatic (second screen)"))
            elif code == DISPLAY_OFF:
                self.display_combo.setItemText(index, self.tr("Off"))
            elif code == DISPLAY_WINDOW:
                self.display_combo.setItemText(index, self.tr("A window on this screen"))
            elif index >= self._known_screens:
                text = self.tr("{screen} (not connected)").format(screen=code)
                self.display_combo.setItemText(index, text)

    def display_help(self) -> str:
        """The line under the customer display choice: what the chosen one does."""
        code = self.display_combo.currentData()
        index = self.display_combo.currentIndex()
        if code == DISPLAY_AUTO:
            return self.tr(
                "Full screen on a second screen when one is connected; none with one screen."
            )
        if code == DISPLAY_OFF:
            return self.tr("No customer display: turn the cashier's screen to show the QR code.")
        if code == DISPLAY_WINDOW:
            return self.tr(
                "A window you move and size where the customer sees it; HPOS remembers where. "
                "View → Customer display (Ctrl+Shift+D) closes or reopens it."
            )
        if index >= self._known_screens:
            return self.tr("{screen} is not connected: no customer display until it is.").format(
                screen=code
            )
        return self.tr(
            "Full screen on {screen}; a window you move instead if the cashier's window is there."
        ).format(screen=code)

    def _show_display_help(self) -> None:
        text = self.display_help()
        self._display_note.setText(text)
        self.display_combo.setAccessibleDescription(text)

    # -- values -------------------------------------------------------------------------

    def set_screens(self, names: list[str], selected: str) -> None:
        """Offer Automatic, Off and these screens; ``selected`` (kept even if not connected)."""
        self.display_combo.clear()
        self.display_combo.addItem("", DISPLAY_AUTO)
        self.display_combo.addItem("", DISPLAY_OFF)
        self.display_combo.addItem("", DISPLAY_WINDOW)
        for name in names:
            self.display_combo.addItem(name, name)
        self._known_screens = self.display_combo.count()
        if self.display_combo.findData(selected) < 0:
            self.display_combo.addItem(selected, selected)
        self._retranslate_displays()
        self.display_combo.setCurrentIndex(self.display_combo.findData(selected))

    def fill(self, s: Settings) -> None:
        """Show these settings."""
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(s.language)))
        self.set_screens(screen_names(), s.customer_display)
        self.sound_check.setChecked(s.sound_enabled)
        self.volume_slider.setValue(s.sound_volume)
        self._sound_toggled(s.sound_enabled)
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(s.receipt_layout)))
        self.without_dialog_check.setChecked(s.print_without_dialog)
        self.auto_print_check.setChecked(s.auto_print)
        self._printer_name = s.printer_name
        self._show_printer()
        self.cashiers_box.fill(s)

    def settings(self, base: Settings) -> Settings:
        """``base`` with this page's values."""
        return replace_settings(
            base,
            language=str(self.language_combo.currentData()),
            customer_display=str(self.display_combo.currentData()),
            sound_enabled=self.sound_check.isChecked(),
            sound_volume=self.volume_slider.value(),
            receipt_layout=str(self.layout_combo.currentData()),
            printer_name=self._printer_name,
            print_without_dialog=self.without_dialog_check.isChecked(),
            auto_print=self.auto_print_check.isChecked(),
            **self.cashiers_box.settings(base),
        )

    def printer_name(self) -> str:
        """The remembered printer as it will be saved ("" once forgotten)."""
        return self._printer_name

    def forget_printer(self) -> None:
        """Forget the remembered printer (saved with the dialog's OK)."""
        self._printer_name = ""
        self._show_printer()

    # -- reacting -----------------------------------------------------------------------

    def _show_printer(self) -> None:
        if self._printer_name:
            self.printer_label.setText(self._printer_name)
        else:
            self.printer_label.setText(self.tr("None remembered (asks, or the system default)"))
        self.printer_label.setAccessibleName(self.tr("Remembered printer"))
        self.forget_button.setEnabled(bool(self._printer_name))

    def _sound_toggled(self, on: bool) -> None:
        self.volume_slider.setEnabled(on)

    def _show_volume(self, value: int) -> None:
        self.volume_label.setText(self.tr("{percent}%").format(percent=value))


class SettingsTabs(Retranslatable, QTabWidget):
    """The dialog's two tabs: the HPAY/shop form (scrolled) and the Counter page."""

    def __init__(
        self, general: QWidget, counter: CounterPage, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsTabs")
        self.addTab(general, "")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(counter)
        self.addTab(scroll, "")
        for page in (general, scroll):  # Tab goes from the tab bar to the first field
            page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retranslate()

    def retranslate(self) -> None:
        """The tab titles, in the current language."""
        self.setTabText(0, self.tr("HPAY and shop"))
        self.setTabText(1, self.tr("Counter"))
        self.setAccessibleName(self.tr("Settings pages"))
        self.widget(0).setAccessibleName(self.tr("HPAY and shop settings"))
        self.widget(1).setAccessibleName(self.tr("Counter settings"))
