"""How an item is found besides a tap: a barcode scan, or the F4 search by name or code.

:class:`ItemFinding` is a mixin of :class:`~hpos.ui.cashier.screen.CashierScreen` (it uses
the screen's catalogue, pages and cart: :mod:`hpos.ui.cashier.selling`). A scan (the
:class:`~hpos.ui.cashier.scanner.ScannerFilter`'s ``scanned``) adds the item with that
code, or says on the hint line that no item has it; it never charges. On the PAID page a
scan starts the next sale with that item. F4 shows the search in place of the quick keys;
Enter on a match adds it and brings the quick keys back, Esc closes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot

if TYPE_CHECKING:  # loaded with the first catalogue, after the first paint
    from hpos.sales.catalogue import Item


class ItemFinding:
    """Scans and the F4 search (a CashierScreen mixin)."""

    @Slot(str)
    def scanned(self, code: str) -> bool:
        """A scanned code: its item added (True), or the hint says no item has it."""
        index = self._index
        if index is None or self._waiting_charge:
            return False
        if self.current_page() == "paid":
            self.new_sale()  # the next customer's first item
        if self.current_page() != "entry":
            return False
        item = index.by_code(code)
        if item is None:
            self._hint(
                QCoreApplication.translate("CashierScreen", "No item has the code {code}.").format(
                    code=code
                )
            )
            return False
        return self.add_item(item)

    def open_search(self) -> bool:
        """F4: the search in place of the quick keys, its field focused."""
        parts = self.entry_page.parts
        if parts is None or not self.entry_page.catalogue_mode or not self._can_change():
            return False
        parts.side.setCurrentWidget(parts.search)
        parts.search.start()
        return True

    @Slot()
    def close_search(self) -> None:
        """Esc in the search: the quick keys again, the focus back on the amount."""
        parts = self.entry_page.parts
        if parts is None or not parts.searching():
            return
        parts.side.setCurrentWidget(parts.quick_keys)
        if self.current_page() == "entry":
            self.entry_page.amount_display.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(object)
    def _add_found(self, item: Item) -> None:
        if self.add_item(item):
            self.close_search()
