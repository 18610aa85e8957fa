"""The journal's rows as Python values, and the one WHERE clause the history reads share.

A ``sales`` row becomes a :class:`~hpos.sales.model.Sale` (:func:`sale_from_row`:
amounts from their exact decimal text, times from ISO 8601 UTC text), an ``events``
row an :class:`EventRow`; :func:`created_in` is "created in [start, end)", optionally
only the PAID sales or only the others. No connection here: :class:`~hpos.sales.journal.Journal`
runs the queries.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from hpos.sales.journal_schema import iso
from hpos.sales.model import Sale, SaleLine
from hpos.sales.states import SaleState


@dataclass(frozen=True, slots=True)
class EventRow:
    """One line of a sale's history of state changes."""

    at: datetime
    from_state: SaleState | None
    to_state: SaleState
    note: str


#: Every read of sales: the row and its lines (one JSON array, in cart order; NULL for a
#: sale without lines), so a sale is never read without what it sold. The lines' lookup
#: is one probe of the ``sale_lines_sale`` index a sale.
SALES = (
    "SELECT sales.*, (SELECT json_group_array(json_array(position, item_id, name, barcode,"
    " sku, unit_price, quantity, total)) FROM (SELECT * FROM sale_lines"
    " WHERE sale_lines.sale_id = sales.id ORDER BY position)"
    " HAVING COUNT(*) > 0) AS lines_json FROM sales"
)


def _lines(text: str | None) -> tuple[SaleLine, ...]:
    if not text:
        return ()
    return tuple(
        SaleLine(
            position=int(position),
            item_id=item_id,
            name=name,
            barcode=barcode,
            sku=sku,
            unit_price=Decimal(unit),
            quantity=int(quantity),
            total=Decimal(total),
        )
        for position, item_id, name, barcode, sku, unit, quantity, total in json.loads(text)
    )


def sale_from_row(row: sqlite3.Row) -> Sale:
    """The sale of one row read with :data:`SALES` (every read of sales is)."""
    created = datetime.fromisoformat(row["created_at"])
    updated = datetime.fromisoformat(row["updated_at"])
    return Sale(
        id=row["id"],
        sale_number=row["sale_number"],
        till=row["till"],
        created_at=created,
        updated_at=updated,
        paid_seen_at=_dt(row["paid_seen_at"]),
        amount=Decimal(row["amount"]),
        currency=row["currency"],
        product=row["product"],
        description=row["description"],
        mode=row["mode"],
        state=SaleState(row["state"]),
        paid_late=bool(row["paid_late"]),
        transaction_id=row["transaction_id"],
        checkout_url=row["checkout_url"],
        fees=Decimal(row["fees"]) if row["fees"] is not None else None,
        last_error=row["last_error"],
        reference=row["reference"],
        answered=int(row["answered"]),
        cashier=row["cashier"],
        lines=_lines(row["lines_json"]),
    )


def insert_lines(tx: sqlite3.Connection, sale_id: int, lines: Iterable[SaleLine]) -> None:
    """Write a new sale's lines (inside the transaction that writes the sale).

    A line of an item deleted since it went into the cart (the manager removed an item no
    sale had sold yet) is written with no ``item_id``: it keeps its name, codes and price
    as sold, and the sale is still made."""
    tx.executemany(
        "INSERT INTO sale_lines (sale_id, position, item_id, name, barcode, sku, unit_price,"
        " quantity, total) VALUES (?,?,(SELECT id FROM items WHERE id = ?),?,?,?,?,?,?)",
        [
            (
                sale_id,
                line.position,
                line.item_id,
                line.name,
                line.barcode,
                line.sku,
                str(line.unit_price),
                line.quantity,
                str(line.total),
            )
            for line in lines
        ],
    )


def event_from_row(row: sqlite3.Row) -> EventRow:
    """The state change of one ``events`` row (at, from_state, to_state, note)."""
    return EventRow(
        at=datetime.fromisoformat(row["at"]),
        from_state=SaleState(row["from_state"]) if row["from_state"] else None,
        to_state=SaleState(row["to_state"]),
        note=row["note"],
    )


def created_in(start: datetime, end: datetime, paid: bool | None) -> tuple[str, list[str]]:
    """``SALES WHERE`` created in [start, end) (PAID only, or all but PAID)."""
    sql = f"{SALES} WHERE created_at >= ? AND created_at < ?"
    args = [iso(start), iso(end)]
    if paid is not None:
        sql += " AND state = ?" if paid else " AND state != ?"
        args.append(SaleState.PAID.value)
    return sql, args


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
