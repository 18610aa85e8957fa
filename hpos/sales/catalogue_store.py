"""The catalogue as the journal keeps it: read, add, edit, archive, restore, remove.

The items live in the journal file (``items``, schema 4) so that a sale's lines and
the items they came from are in one file, written in one transaction, backed up
together. Each write is one ``BEGIN IMMEDIATE`` transaction of the journal's
:class:`~hpos.sales.journal_db.JournalFile`; every draft is checked with
:func:`~hpos.sales.catalogue.check_draft` against the catalogue's currency first.

- **Currency.** Prices are in the account currency. The catalogue records which
  (``meta`` ``catalogue_currency``) the first time an item is written; a write in
  another currency is refused (:class:`CurrencyMismatch`) rather than turning 1,500
  XOF into 1,500 CAD — while any item (archived ones too) has a price: a catalogue
  emptied of its items takes the currency of its next write.
- **Codes.** A barcode or SKU belongs to one item not archived at a time (unique
  indexes); a clash is an :class:`~hpos.sales.catalogue.ItemRefused` naming the item
  that has it.
- **Never a sold item deleted.** :meth:`CatalogueStore.remove` deletes an item no sale
  line refers to and archives one that is (``"archived"``); archived items leave the
  quick keys and the scanner but stay for the sales that name them.
- **Prices change, sales do not.** A sale's lines are copies (``sale_lines``); editing an
  item never touches them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from decimal import Decimal

from hpos.sales.catalogue import Item, ItemDraft, ItemRefused, Problem, check_draft
from hpos.sales.journal_db import JournalError, JournalFile
from hpos.sales.journal_schema import iso

_CURRENCY_KEY = "catalogue_currency"


class CurrencyMismatch(JournalError):
    """The catalogue's prices are in another currency than the one given."""

    def __init__(self, catalogue: str, given: str) -> None:
        super().__init__(
            f"The catalogue's prices are in {catalogue}; this account charges in {given}."
            " Export the catalogue, change its prices, and import it on a till of that account."
        )
        self.catalogue = catalogue
        self.given = given


def _item(row: sqlite3.Row) -> Item:
    return Item(
        id=int(row["id"]),
        name=row["name"],
        price=Decimal(row["price"]),
        barcode=row["barcode"],
        sku=row["sku"],
        category=row["category"],
        colour=row["colour"],
        archived=bool(row["archived"]),
    )


def _now() -> datetime:
    return datetime.now(UTC)


class CatalogueStore:
    """The items of one journal. Safe to use from several threads (the journal's file)."""

    def __init__(self, file: JournalFile, *, clock: Callable[[], datetime] = _now) -> None:
        self._file = file
        self._clock = clock

    # -- reading ------------------------------------------------------------------------

    @property
    def currency(self) -> str | None:
        """The currency of the prices (None: no item written yet)."""
        row = self._file.query("SELECT value FROM meta WHERE key = ?", (_CURRENCY_KEY,)).fetchone()
        return row[0] if row else None

    def items(self, *, archived: bool = False) -> list[Item]:
        """Every item (archived ones too when ``archived``), by category then name."""
        rows = self._file.query(
            "SELECT * FROM items WHERE archived = 0 OR ? ORDER BY category, name, id", (archived,)
        )
        return [_item(r) for r in rows]

    def get(self, item_id: int) -> Item | None:
        """The item with this id (archived or not)."""
        row = self._file.query("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        return _item(row) if row else None

    def by_code(self, code: str) -> Item | None:
        """The item not archived whose barcode or SKU is ``code``."""
        row = self._file.query(
            "SELECT * FROM items WHERE archived = 0 AND (barcode = ? OR sku = ?)"
            " ORDER BY barcode = ? DESC LIMIT 1",
            (code, code, code),
        ).fetchone()
        return _item(row) if row else None

    def is_sold(self, item_id: int) -> bool:
        """Does a sale line refer to this item?"""
        row = self._file.query(
            "SELECT 1 FROM sale_lines WHERE item_id = ? LIMIT 1", (item_id,)
        ).fetchone()
        return row is not None

    # -- writing ------------------------------------------------------------------------

    def _currency_for(self, tx: sqlite3.Connection, currency: str) -> None:
        row = tx.execute("SELECT value FROM meta WHERE key = ?", (_CURRENCY_KEY,)).fetchone()
        if row is None:
            tx.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (_CURRENCY_KEY, currency))
        elif row[0] != currency:
            if tx.execute("SELECT 1 FROM items LIMIT 1").fetchone() is not None:
                raise CurrencyMismatch(row[0], currency)
            # No item left, so no price in the old currency: the catalogue takes the new one.
            tx.execute("UPDATE meta SET value = ? WHERE key = ?", (currency, _CURRENCY_KEY))

    def _clash(self, tx: sqlite3.Connection, draft: ItemDraft, own_id: int | None) -> None:
        codes = (("barcode", Problem.DUPLICATE_BARCODE), ("sku", Problem.DUPLICATE_SKU))
        for column, problem in codes:
            code = getattr(draft, column)
            if code is None:
                continue
            row = tx.execute(
                f"SELECT id, name FROM items WHERE archived = 0 AND {column} = ? AND id IS NOT ?",  # noqa: S608
                (code, own_id),
            ).fetchone()
            if row is not None:
                what = "barcode" if column == "barcode" else "SKU"
                raise ItemRefused(
                    problem, f"The {what} {code} is already {row['name']}'s.", detail=row["name"]
                )

    @staticmethod
    def _archived(tx: sqlite3.Connection, item_id: int) -> bool:
        row = tx.execute("SELECT archived FROM items WHERE id = ?", (item_id,)).fetchone()
        return bool(row is not None and row[0])

    def add(self, draft: ItemDraft, currency: str) -> Item:
        """A new item (checked; ItemRefused or CurrencyMismatch with nothing written)."""
        return self.write_many([(None, draft)], currency)[0]

    def update(self, item_id: int, draft: ItemDraft, currency: str) -> Item:
        """Item ``item_id`` as ``draft`` says (past sales keep what they sold)."""
        return self.write_many([(item_id, draft)], currency)[0]

    def write_many(
        self,
        changes: Iterable[tuple[int | None, ItemDraft]],
        currency: str,
        *,
        archive: Iterable[int] = (),
        restore: Iterable[int] = (),
    ) -> list[Item]:
        """Add (id None) or update items, then archive and restore items by id: all or none
        in one transaction (a CSV import). The items written, each once, as they are now.

        ItemRefused (a bad draft, a code another item has, a restore whose code went to
        another item), KeyError (an item no longer there), CurrencyMismatch: nothing written.
        """
        now = iso(self._clock())
        checked = [(item_id, check_draft(draft, currency)) for item_id, draft in changes]
        ids: list[int] = []
        with self._file.write() as tx:
            if checked:
                self._currency_for(tx, currency)
            for item_id, draft in checked:
                if item_id is None or not self._archived(tx, item_id):
                    self._clash(tx, draft, item_id)  # (an archived item's codes may be others')
                values = (
                    draft.name,
                    str(draft.price),
                    draft.barcode,
                    draft.sku,
                    draft.category,
                    draft.colour,
                    now,
                )
                if item_id is None:
                    cur = tx.execute(
                        "INSERT INTO items (name, price, barcode, sku, category, colour,"
                        " updated_at, created_at) VALUES (?,?,?,?,?,?,?,?)",
                        (*values, now),
                    )
                    ids.append(int(cur.lastrowid or 0))
                else:
                    cur = tx.execute(
                        "UPDATE items SET name = ?, price = ?, barcode = ?, sku = ?, category = ?,"
                        " colour = ?, updated_at = ? WHERE id = ?",
                        (*values, item_id),
                    )
                    if cur.rowcount != 1:
                        raise KeyError(item_id)
                    ids.append(item_id)
            for item_id in archive:
                self._set_archived_in(tx, item_id, True, now)
                ids.append(item_id)
            for item_id in restore:
                self._set_archived_in(tx, item_id, False, now)
                ids.append(item_id)
        return [item for item in map(self.get, dict.fromkeys(ids)) if item is not None]

    def archive(self, item_id: int) -> Item:
        """Take the item off the quick keys and the scanner (sales keep naming it)."""
        return self._set_archived(item_id, True)

    def restore(self, item_id: int) -> Item:
        """Bring an archived item back (ItemRefused if its code went to another item)."""
        return self._set_archived(item_id, False)

    def _set_archived(self, item_id: int, archived: bool) -> Item:
        with self._file.write() as tx:
            self._set_archived_in(tx, item_id, archived, iso(self._clock()))
        item = self.get(item_id)
        assert item is not None
        return item

    def _set_archived_in(
        self, tx: sqlite3.Connection, item_id: int, archived: bool, now: str
    ) -> None:
        row = tx.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise KeyError(item_id)
        if not archived:
            self._clash(tx, _item(row).draft(), item_id)
        tx.execute(
            "UPDATE items SET archived = ?, updated_at = ? WHERE id = ?",
            (int(archived), now, item_id),
        )

    def remove(self, item_id: int) -> str:
        """Delete an item no sale refers to ("deleted"); archive one that is ("archived").
        One transaction: what it saw is what it did."""
        with self._file.write() as tx:
            sold = tx.execute(
                "SELECT 1 FROM sale_lines WHERE item_id = ? LIMIT 1", (item_id,)
            ).fetchone()
            if sold is None:
                cur = tx.execute("DELETE FROM items WHERE id = ?", (item_id,))
                if cur.rowcount != 1:
                    raise KeyError(item_id)
                return "deleted"
            self._set_archived_in(tx, item_id, True, iso(self._clock()))
        return "archived"
