"""Text from outside (typed product names, HPAY's answers) made safe to send, show and save.

:func:`printable` removes terminal escape sequences whole (``ESC [ 31 m``, OSC titles...),
removes invisible format characters (bidi overrides and isolates U+202A–U+202E,
U+2066–U+2069, zero-width spaces and joiners, the byte-order mark...) and turns every
other control character (tab, newline, NUL, DEL, C1 controls, line and paragraph
separators) into a space. Used where a sale's text is made
(:func:`hpos.sales.reference.clean_typed`, the CLI and the window alike) and for every
CSV text cell (:mod:`hpos.util.csvcell`).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["printable"]

#: ESC/CSI sequences: CSI (ESC [ or U+009B) ... final byte; OSC/DCS/APC/PM/SOS ... ST or BEL;
#: any other ESC + one character.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)


def printable(text: str) -> str:
    """``text`` without escape sequences or invisible format characters; controls as spaces."""
    out = []
    for ch in _ESCAPES.sub("", text):
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        out.append(" " if category in ("Cc", "Zl", "Zp") else ch)
    return "".join(out)
