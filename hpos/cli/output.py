"""What the CLI prints: aligned tables, CSV, JSON and a QR code drawn in the terminal.

Text that came from HPAY is cleaned of control characters before it reaches a
terminal (no escape sequences from the wire). Amounts are printed with their
currency's ISO 4217 decimals, never through float: :func:`money_text` for people
("14900 XOF", "12.50 CAD"), :func:`hpos.hpay.money.amount_text` in CSV and JSON
("14900", "12.50"). Fees and profit are only given where money moved (a PAID
payment); elsewhere the cell is empty (``null`` in JSON).
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from hpos.hpay.money import amount_text, format_amount
from hpos.util.csvcell import guard_formula

if TYPE_CHECKING:
    from hpos.hpay.models import HistoryEntry
    from hpos.sales.model import SaleLine

#: Columns of ``hpos history --format csv`` (and keys of the JSON objects).
HISTORY_COLUMNS = (
    "date",
    "transaction_id",
    "product",
    "amount",
    "fees",
    "profit",
    "currency",
    "status",
    "mode",
    "description",
    "payment_link",
)
_TABLE_PRODUCT_WIDTH = 32


def clean(text: object) -> str:
    """Printable text: control characters (escape sequences, newlines...) become spaces."""
    value = "" if text is None else str(text)
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in value)


def money_text(value: Decimal | None, currency: str, *, grouped: bool = False) -> str:
    """ "7000 XOF", "12.50 CAD" (``grouped``: "1,234,500 XOF"); "" when the amount is unknown."""
    return "" if value is None else format_amount(value, clean(currency), grouped=grouped)


def paid_fees(entry: HistoryEntry) -> Decimal | None:
    """The fees of a payment where money moved (PAID); None for any other status."""
    return entry.fees if entry.is_paid else None


def date_text(value: datetime | None) -> str:
    """A timestamp for people: "2025-11-08 14:42:34"."""
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


def history_record(entry: HistoryEntry) -> dict[str, str | None]:
    """One history entry as strings: amounts with the currency's decimals ("14900", "12.50"),
    ISO 8601 date (for CSV and JSON); fees and profit only for a PAID payment."""
    cur = entry.currency
    fees = paid_fees(entry)
    profit = entry.profit if entry.is_paid else None
    return {
        "date": entry.date_generated.isoformat() if entry.date_generated else None,
        "transaction_id": entry.transaction_id,
        "product": entry.product,
        "amount": amount_text(entry.amount, cur) if entry.amount is not None else None,
        "fees": amount_text(fees, cur) if fees is not None else None,
        "profit": amount_text(profit, cur) if profit is not None else None,
        "currency": entry.currency,
        "status": entry.status,
        "mode": entry.mode,
        "description": entry.description,
        "payment_link": entry.payment_link,
    }


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Iterable[int] = ()) -> str:
    """Rows aligned in columns under ``headers``; column indexes in ``right`` align right."""
    body = [[clean(cell) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    right_set = set(right)

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if i in right_set else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), *(line(row) for row in body)])


def history_table(entries: Sequence[HistoryEntry]) -> str:
    """The history as an aligned table for the terminal."""
    if not entries:
        return "No payments found."
    headers = ("DATE", "TRANSACTION", "STATUS", "AMOUNT", "FEES", "MODE", "PRODUCT")
    rows = [
        (
            date_text(e.date_generated),
            e.transaction_id,
            e.status,
            money_text(e.amount, e.currency),
            money_text(paid_fees(e), e.currency),
            e.mode,
            _shorten(clean(e.product), _TABLE_PRODUCT_WIDTH),
        )
        for e in entries
    ]
    return table(headers, rows, right=(3, 4))


def history_csv(entries: Iterable[HistoryEntry]) -> str:
    """The history as CSV with a header row; text cells are guarded against formulas."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HISTORY_COLUMNS)
    numeric = {"date", "amount", "fees", "profit"}
    for entry in entries:
        record = history_record(entry)
        writer.writerow(
            [
                (record[c] or "") if c in numeric else guard_formula(record[c] or "")
                for c in HISTORY_COLUMNS
            ]
        )
    return buf.getvalue()


def history_json(entries: Iterable[HistoryEntry]) -> str:
    """The history as a JSON list of objects (amounts as exact strings, ISO dates)."""
    return json.dumps([history_record(e) for e in entries], indent=2, ensure_ascii=False)


def lines_table(lines: Sequence[SaleLine], currency: str) -> str:
    """A cart sale's lines as sold: item, quantity, unit price and line total (exact)."""
    rows = [
        (
            line.name,
            str(line.quantity),
            money_text(line.unit_price, currency, grouped=True),
            money_text(line.total, currency, grouped=True),
        )
        for line in lines
    ]
    return table(("ITEM", "QTY", "PRICE", "TOTAL"), rows, right=(1, 2, 3))


def key_values(pairs: Iterable[tuple[str, object]]) -> str:
    """ "Label:  value" lines with the values aligned."""
    items = [(label, clean(value)) for label, value in pairs]
    width = max((len(label) for label, _ in items), default=0) + 1
    return "\n".join(f"{(label + ':').ljust(width)}  {value}".rstrip() for label, value in items)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# -- the terminal QR code ---------------------------------------------------------------

#: 256-colour palette entries 16 (pure black) and 231 (pure white) are not themed.
_ANSI_DARK_ON_LIGHT = "\x1b[38;5;16;48;5;231m"
_ANSI_RESET = "\x1b[0m"
_HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def qr_matrix(data: str, *, border: int = 4) -> list[list[bool]]:
    """The QR modules of ``data`` (True = dark), quiet zone of ``border`` modules included."""
    # imported on first use: qrcode loads only when a QR is printed (keeps start-up fast)
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    qr.add_data(data)
    qr.make(fit=True)
    return [[bool(cell) for cell in row] for row in qr.get_matrix()]


def render_qr(data: str, *, ansi: bool = True, unicode: bool = True, border: int = 4) -> str:
    """A QR code as terminal text.

    ``unicode``: two module rows per text line with half blocks (square modules
    in most fonts); otherwise ASCII, "##" per dark module, one line per row.
    ``ansi``: every line is drawn black on white with fixed palette colours, so the
    code reads dark-on-light whatever the terminal theme; without it, dark modules
    use the terminal's foreground colour.
    """
    matrix = qr_matrix(data, border=border)
    if unicode:
        if len(matrix) % 2:
            matrix.append([False] * len(matrix[0]))
        lines = [
            "".join(_HALF_BLOCKS[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
            for upper, lower in zip(matrix[0::2], matrix[1::2], strict=True)
        ]
    else:
        lines = ["".join("##" if dark else "  " for dark in row) for row in matrix]
    if ansi:
        lines = [f"{_ANSI_DARK_ON_LIGHT}{line}{_ANSI_RESET}" for line in lines]
    return "\n".join(lines)


def qr_style(stream: TextIO, env: Mapping[str, str]) -> dict[str, Any]:
    """``render_qr`` options that suit ``stream``: colours on a terminal, ASCII if needed."""
    encoding = getattr(stream, "encoding", None) or "utf-8"  # StringIO: any text is fine
    try:
        "".join(_HALF_BLOCKS.values()).encode(encoding)
        unicode = True
    except (LookupError, UnicodeEncodeError):
        unicode = False
    isatty = getattr(stream, "isatty", lambda: False)
    ansi = bool(isatty()) and env.get("TERM", "") != "dumb" and _enable_vt(stream)
    return {"ansi": ansi, "unicode": unicode}


def _enable_vt(stream: TextIO) -> bool:
    """Make sure ANSI sequences work (Windows consoles need them switched on)."""
    if sys.platform != "win32":
        return True
    try:  # pragma: no cover - Windows only
        # here: Windows-only modules (msvcrt exists on Windows only)
        import ctypes
        import msvcrt

        handle = msvcrt.get_osfhandle(stream.fileno())
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        mode = ctypes.c_uint32()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        return bool(kernel32.SetConsoleMode(handle, mode.value | 0x0004))
    except (OSError, AttributeError, ValueError):  # pragma: no cover
        return False


def write(stream: TextIO, text: str) -> None:
    """Write ``text`` and a newline, then flush (callers may be waiting on a pipe)."""
    stream.write(text + "\n")
    stream.flush()
