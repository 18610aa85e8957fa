"""One name per key: how every screen, tool tip and the F1 list write a key.

Qt's own key names differ from what a cashier reads on the keyboard and from one
another ("Return" for the key labelled Enter, "Effacement" for Backspace in French):
:func:`key_name` gives the one name HPOS uses, in the UI language, for a key or a
key combination written in Qt's portable form ("Return", "Esc", "Ctrl+P",
"Shift+Tab"). The F1 list (:mod:`hpos.ui.mainwindow.shortcuts`) and the screens'
hints ("New sale (Enter)", "press Enter to start now") both ask it, so they
always agree. On macOS the modifiers are the platform's symbols (⌘ ⇧ ⌥ ⌃).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["key_name", "key_names"]

#: Qt's portable names of the keys HPOS names itself -> the name shown (translated).
_KEYS = {
    "Return": QT_TRANSLATE_NOOP("Keys", "Enter"),
    "Enter": QT_TRANSLATE_NOOP("Keys", "Enter"),
    "Esc": QT_TRANSLATE_NOOP("Keys", "Esc"),
    "Escape": QT_TRANSLATE_NOOP("Keys", "Esc"),
    "Backspace": QT_TRANSLATE_NOOP("Keys", "Backspace"),
    "Tab": QT_TRANSLATE_NOOP("Keys", "Tab"),
    "Backtab": QT_TRANSLATE_NOOP("Keys", "Tab"),
    "Del": QT_TRANSLATE_NOOP("Keys", "Delete"),
    "Delete": QT_TRANSLATE_NOOP("Keys", "Delete"),
    "Space": QT_TRANSLATE_NOOP("Keys", "Space"),
}
_MODIFIERS = {
    "Ctrl": QT_TRANSLATE_NOOP("Keys", "Ctrl"),
    "Shift": QT_TRANSLATE_NOOP("Keys", "Shift"),
    "Alt": QT_TRANSLATE_NOOP("Keys", "Alt"),
    "Meta": QT_TRANSLATE_NOOP("Keys", "Meta"),
}
_MAC_MODIFIERS = {"Ctrl": "⌘", "Shift": "⇧", "Alt": "⌥", "Meta": "⌃"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Keys", text)


def _parts(keys: str) -> list[str]:
    """ "Ctrl+P" -> ["Ctrl", "P"]; "Ctrl+," -> ["Ctrl", ","]; "Ctrl++" -> ["Ctrl", "+"]."""
    parts: list[str] = []
    rest = keys.strip()
    while "+" in rest[:-1]:
        head, _plus, rest = rest.partition("+")
        parts.append(head.strip())
    parts.append(rest.strip())
    return [part for part in parts if part]


def key_name(keys: str, *, platform: str = sys.platform) -> str:
    """How HPOS writes the key or combination ``keys`` (Qt's portable text), in the UI language.

    >>> key_name("Return")     # "Entrée" in French
    'Enter'
    >>> key_name("Ctrl+P")
    'Ctrl+P'
    """
    parts = _parts(keys)
    if not parts:
        return ""
    *modifiers, key = parts
    name = _tr(_KEYS[key]) if key in _KEYS else key
    if platform == "darwin":
        return "".join(_MAC_MODIFIERS.get(m, m) for m in modifiers) + name
    return "+".join([*(_tr(_MODIFIERS[m]) if m in _MODIFIERS else m for m in modifiers), name])


def key_names(*keys: str) -> str:
    """Several keys or combinations that do the same thing, joined by " / "."""
    return " / ".join(name for name in (key_name(k) for k in keys) if name)
