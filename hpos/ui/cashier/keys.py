"""The cashier screen's keyboard: which page names exist and what each key does there.

Pure mapping, no widgets: :class:`~hpos.ui.cashier.screen.CashierScreen` asks
:func:`key_action` and carries the answer out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from hpos.ui.cashier.amount import KEY_BACKSPACE, KEY_CLEAR

#: Page names, as :meth:`CashierScreen.current_page` reports them.
PAGES = ("entry", "charging", "payment", "paid", "problem")

_KEY_TEXT = {Qt.Key.Key_Comma: ",", Qt.Key.Key_Period: "."}


def key_action(page: str, key: Qt.Key, text: str) -> str | None:
    """What a key does on a page: an amount key, "charge", "new_sale", "cancel",
    "primary", "ignore" (swallowed) or None (not ours: the focused widget's)."""
    enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    escape = key == Qt.Key.Key_Escape
    if page == "entry":
        if enter:
            return "charge"
        if escape:
            return KEY_CLEAR
        if key == Qt.Key.Key_Backspace:
            return KEY_BACKSPACE
        if key in _KEY_TEXT:
            return _KEY_TEXT[key]
        # any other character goes to the amount, whose rule refuses it and says why;
        # spaces are not ours (the rule ignores them)
        return text if len(text) == 1 and text.isprintable() and not text.isspace() else None
    if page == "charging":
        return "ignore" if enter or escape else None  # nothing to do while HPAY answers
    if page == "paid":
        return "new_sale" if enter or escape else None
    if page == "payment":
        return "cancel" if escape else None
    if page == "problem":
        return "primary" if enter else "new_sale" if escape else None
    return None
