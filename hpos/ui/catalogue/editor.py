"""The add / edit dialog of one catalogue item.

:class:`ItemEditor` has the item's fields: name, price (in the account currency, typed as
at the keypad: "1500", "2.50" or "2,50"), category (one of those in use, or a new one),
barcode, SKU and a tile colour picked from the named palette (or none). Save checks the
draft at once (:func:`~hpos.sales.catalogue.check_draft`, pure) and then asks the page to
write it (:attr:`ItemEditor.submitted`); the page writes it on the runner. A refusal,
local or the store's (a code another item has), is said beside the field at fault in the
UI language, and the dialog stays open with everything typed. Enter in the barcode or SKU
field goes to the next field (a scanner ends its code with Enter): it never saves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hpos.hpay.money import amount_text
from hpos.sales.catalogue import (
    CATEGORY_CHARS,
    CODE_CHARS,
    COLOURS,
    NAME_CHARS,
    Item,
    ItemDraft,
    ItemRefused,
    check_draft,
)
from hpos.ui.catalogue.words import colour_names, problem_text
from hpos.ui.i18n import Retranslatable
from hpos.ui.widgets.style import RED

#: The fields that can be at fault, in the form's order.
FIELDS = ("name", "price", "category", "barcode", "sku", "colour")
_SWATCH = 28  # px: a colour button's side


class ItemEditor(Retranslatable, QDialog):
    """Add or edit one item; stays open until the page says the item was written."""

    #: Save pressed with a clean draft: (item id or None for a new item, ItemDraft).
    submitted = Signal(object, object)

    def __init__(
        self,
        item: Item | None,
        currency: str,
        categories: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("itemEditor")
        self.item = item
        self.currency = currency
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(NAME_CHARS)
        self.price_edit = QLineEdit()
        self.price_edit.setMaxLength(24)
        self.category_box = QComboBox()
        self.category_box.setEditable(True)
        self.category_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_box.addItems([c for c in categories if c])
        line = self.category_box.lineEdit()
        assert line is not None
        line.setMaxLength(CATEGORY_CHARS)
        self.barcode_edit = QLineEdit()
        self.barcode_edit.setMaxLength(CODE_CHARS)
        self.sku_edit = QLineEdit()
        self.sku_edit.setMaxLength(CODE_CHARS)
        for edit in (self.barcode_edit, self.sku_edit):
            edit.installEventFilter(self)
        self.colour_group = QButtonGroup(self)
        self.colour_group.setExclusive(True)
        self.colour_buttons: dict[str, QToolButton] = {}
        colour_row = QHBoxLayout()
        colour_row.setSpacing(4)
        wanted = item.colour if item is not None else ""
        palette = ["", *COLOURS.values()]
        if wanted and wanted not in palette:
            palette.append(wanted)  # a colour a CSV gave: kept, and chosen
        for hex_value in palette:
            button = self._swatch(hex_value)
            colour_row.addWidget(button)
        colour_row.addStretch(1)
        self.colour_buttons[wanted if wanted in self.colour_buttons else ""].setChecked(True)
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        widgets: dict[str, QWidget | QHBoxLayout] = {
            "name": self.name_edit,
            "price": self.price_edit,
            "category": self.category_box,
            "barcode": self.barcode_edit,
            "sku": self.sku_edit,
            "colour": colour_row,
        }
        for name in FIELDS:
            box = QVBoxLayout()
            box.setSpacing(2)
            field = widgets[name]
            if isinstance(field, QHBoxLayout):
                box.addLayout(field)
            else:
                box.addWidget(field)
            error = QLabel()
            error.setObjectName(f"{name}Error")
            error.setWordWrap(True)
            error.setStyleSheet(f"color: {RED};")
            error.hide()
            box.addWidget(error)
            self.errors[name] = error
            label = self.labels[name] = QLabel()
            if not isinstance(field, QHBoxLayout):
                label.setBuddy(field)
            form.addRow(label, box)
        self.message = QLabel()
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {RED};")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save is not None
        self.save_button = save
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        if item is not None:
            self.name_edit.setText(item.name)
            self.price_edit.setText(amount_text(item.price, currency))
            self.category_box.setCurrentText(item.category)
            self.barcode_edit.setText(item.barcode or "")
            self.sku_edit.setText(item.sku or "")
        else:
            self.category_box.setCurrentText("")
        self.setMinimumWidth(460)
        # a refusal goes once its field is typed in again: it quoted what is no longer there
        edits = {"name": self.name_edit, "price": self.price_edit}
        edits |= {"category": line, "barcode": self.barcode_edit, "sku": self.sku_edit}
        for name, edit in edits.items():
            edit.textEdited.connect(self.errors[name].hide)
        self.colour_group.buttonClicked.connect(self.errors["colour"].hide)
        self.retranslate()

    # -- what the page calls --------------------------------------------------------

    def draft(self) -> ItemDraft:
        """The item as typed (not checked)."""
        checked = self.colour_group.checkedButton()
        return ItemDraft(
            name=self.name_edit.text(),
            price=self.price_edit.text(),
            barcode=self.barcode_edit.text(),
            sku=self.sku_edit.text(),
            category=self.category_box.currentText(),
            colour=str(checked.property("colour")) if checked is not None else "",
        )

    def show_refusal(self, refused: ItemRefused) -> None:
        """Say why beside the field at fault (the UI language), focus it; keep what was typed."""
        self.set_busy(False)
        self._clear()
        error = self.errors[refused.field]
        error.setText(problem_text(refused.problem, refused.detail, self.currency, str(refused)))
        error.show()
        focus = {
            "name": self.name_edit,
            "price": self.price_edit,
            "category": self.category_box,
            "barcode": self.barcode_edit,
            "sku": self.sku_edit,
        }.get(refused.field)
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str) -> None:
        """A refusal that is no field's (the currency, the journal) under the form."""
        self.set_busy(False)
        self._clear()
        self.message.setText(text)
        self.message.show()

    def set_busy(self, busy: bool) -> None:
        """While the page writes: Save off (a second press would write twice)."""
        self.save_button.setEnabled(not busy)

    def error_text(self, field: str) -> str:
        """The sentence shown beside ``field`` ("" when none)."""
        label = self.errors[field]
        return label.text() if not label.isHidden() else ""

    def retranslate(self) -> None:
        """Every text in the UI language."""
        if self.item is None:
            self.setWindowTitle(self.tr("Add an item"))
        else:
            self.setWindowTitle(self.tr("Edit “{name}”").format(name=self.item.name))
        self.labels["name"].setText(self.tr("&Name:"))
        self.labels["price"].setText(self.tr("&Price ({currency}):").format(currency=self.currency))
        self.labels["category"].setText(self.tr("Ca&tegory:"))
        self.labels["barcode"].setText(self.tr("&Barcode:"))
        self.labels["sku"].setText(self.tr("S&KU:"))
        self.labels["colour"].setText(self.tr("Tile colour:"))
        self.barcode_edit.setPlaceholderText(self.tr("Optional: scan or type it"))
        self.sku_edit.setPlaceholderText(self.tr("Optional"))
        line = self.category_box.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Optional: shown as “Other”"))
        names = colour_names()
        for hex_value, button in self.colour_buttons.items():
            if not hex_value:
                button.setText(self.tr("None"))
                button.setToolTip(self.tr("No colour: the tile has the usual look"))
            else:
                button.setToolTip(names.get(hex_value, hex_value))
                button.setAccessibleName(names.get(hex_value, hex_value))

    # -- internals ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the barcode or SKU field (a scanner's last key) goes to the next field."""
        is_key = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if is_key and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    def _swatch(self, hex_value: str) -> QToolButton:
        button = QToolButton()
        button.setCheckable(True)
        button.setProperty("colour", hex_value)
        button.setObjectName(f"colour{hex_value.lstrip('#') or 'None'}")
        button.setMinimumSize(_SWATCH, _SWATCH)
        if hex_value:
            border = QColor(hex_value).darker(160).name()
            button.setStyleSheet(
                f"QToolButton {{ background: {hex_value}; border: 2px solid {hex_value};"
                " border-radius: 4px; }"
                f"QToolButton:checked {{ border: 3px solid black; }}"
                f"QToolButton:focus {{ border-color: {border}; }}"
            )
        self.colour_group.addButton(button)
        self.colour_buttons[hex_value] = button
        return button

    def _clear(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.message.clear()
        self.message.hide()

    @Slot()
    def _save(self) -> None:
        draft = self.draft()
        try:
            check_draft(draft, self.currency)
        except ItemRefused as refused:
            self.show_refusal(refused)
            return
        self._clear()
        self.set_busy(True)
        self.submitted.emit(self.item.id if self.item is not None else None, draft)
