"""The cashier screen's cart: quick keys, scans and the F4 search fill it; Enter charges it.

:class:`CartSelling` is a mixin of :class:`~hpos.ui.cashier.screen.CashierScreen` (it uses
the screen's entry page, amount entry and controller). The catalogue comes from the
controller as a :class:`~hpos.sales.catalogue.CatalogueIndex` (read on a worker); the first
non-empty one builds the quick keys and the cart (:meth:`EntryPage.catalogue_parts`), an
empty one changes nothing on screen. The cart is an immutable
:class:`~hpos.sales.cart.Cart`: every change makes a new one, shown again.

The rules a cashier relies on:

- Enter (or Charge) with lines in the cart charges the cart's total as one payment, its
  product name made from the lines ("Coffee ×2 + 1 more") and its description from the
  lines and the note; with an amount typed too, Enter adds that amount as a "Misc." line
  and charges nothing (the next Enter charges); with an empty cart it charges the typed
  amount as always.
- The cart changes only on the entry page with no charge in flight; it is emptied by a new
  sale (after PAID, or "New sale"); "Try again" after a refusal brings its lines back.
- A scan (:mod:`hpos.ui.cashier.scanner`) adds the item with that code, or says no item has
  it; it never charges. On the PAID page a scan starts the next sale with that item
  (scans and the F4 search are :mod:`hpos.ui.cashier.finding`'s).
- Keyboard: F4 finds an item, ↑ ↓ choose a cart line, + and − change it, Delete removes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, Slot

if TYPE_CHECKING:  # loaded with the first catalogue, after the first paint
    from hpos.sales.cart import Cart, CartFull
    from hpos.sales.catalogue import CatalogueIndex, Item
    from hpos.sales.model import Sale
    from hpos.ui.cashier.entry import CatalogueParts
    from hpos.ui.cashier.scanner import ScannerFilter


class Carried(NamedTuple):
    """A cart carried from a screen to the one that replaces it (see :meth:`carry_cart`)."""

    cart: Cart
    currency: str  # the account's, when it was rung up
    misc: str  # what its free amounts were named (the language then)


class CartSelling:
    """The cart side of the cashier screen (a CashierScreen mixin)."""

    _index: CatalogueIndex | None
    _cart: Cart | None
    _selected: int
    _scanner: ScannerFilter | None
    _scanner_clock: Any

    def _init_selling(self) -> None:
        self._index = None  # the catalogue (None: none read yet)
        self._cart = None  # the cart (None: no catalogue ever shown, so no cart)
        self._selected = -1  # the cart line + and − change
        self._scanner = None
        self._misc = ""  # the name the cart's free amounts were given (the UI language's)
        self._carried: Carried | None = None  # a replaced screen's cart, until the catalogue

    # -- the catalogue ------------------------------------------------------------------

    @Slot(object)
    def _on_catalogue(self, index: CatalogueIndex) -> None:
        """A catalogue was read: the quick keys show its items (nothing changes when it is
        empty and none was shown)."""
        self._index = index
        carried, self._carried = self._carried, None
        if not len(index) and self.entry_page.parts is None and carried is None:
            return
        parts = self._parts()
        currency = self._token.currency if self._token is not None else ""
        parts.quick_keys.set_index(index, currency)
        parts.search.set_index(index, currency)
        fresh = self._can_change() and not self._cart_has_lines()
        if carried is not None and carried.currency == currency and fresh:
            self._misc = carried.misc
            self._set_cart(carried.cart, len(carried.cart) - 1)
            self._retranslate_cart()  # its free amounts in this screen's language
        self._refresh_mode()

    @Slot(str)
    def _on_catalogue_failed(self, message: str) -> None:
        self._carried = None
        self.show_notice(message)

    def cart_to_carry(self) -> Carried | None:
        """The cart being rung up, for the screen that replaces this one (the settings were
        saved: the window builds a new one); None when empty or already being charged."""
        if not self._cart_has_lines() or not self._can_change() or self._token is None:
            return None
        assert self._cart is not None
        return Carried(self._cart, self._token.currency, self._misc)

    def carry_cart(self, carried: Carried | None) -> None:
        """The cart of the screen this one replaces: on screen again once the catalogue is
        read, when the account still charges in its currency (else it is dropped). Until
        then the screen is not idle: a sale found waiting is offered on F3, not shown."""
        self._carried = carried

    def _parts(self) -> CatalogueParts:
        page = self.entry_page
        if page.parts is not None:
            return page.parts
        from hpos.sales.cart import Cart  # with the first catalogue (start-up speed)
        from hpos.ui.cashier.scanner import ScannerFilter

        parts = page.catalogue_parts()
        if self._cart is None:
            self._cart = Cart()
        parts.quick_keys.item_chosen.connect(self.add_item)
        parts.search.item_chosen.connect(self._add_found)
        parts.search.closed.connect(self.close_search)
        parts.cart_view.step_requested.connect(self.step_line)
        parts.cart_view.remove_requested.connect(self.remove_line)
        parts.cart_view.empty_requested.connect(self.ask_empty_cart)
        parts.cart_view.select_requested.connect(self._select)
        parts.add_button.clicked.connect(self.add_typed)
        clock = self._scanner_clock
        self._scanner = ScannerFilter(self, **({"clock": clock} if clock is not None else {}))
        self._scanner.scanned.connect(self.scanned)
        return parts

    def _refresh_mode(self) -> None:
        """The quick keys and the cart show when there are items or a cart."""
        page = self.entry_page
        if page.parts is None:
            return
        on = bool(self._index and len(self._index)) or bool(self._cart and len(self._cart))
        if on != page.catalogue_mode:
            page.set_catalogue_mode(on)
            if not on:
                self.close_search()
        self._refresh_cart()
        self._update_scanner()

    def _update_scanner(self) -> None:
        """Scans are watched only on the entry and PAID pages, the screen shown, with items."""
        scanner = self._scanner
        if scanner is None:
            return
        scanner.set_active(
            self.isVisible()
            and bool(self._index and len(self._index))
            and self.current_page() in ("entry", "paid")
        )

    @property
    def cart(self) -> Cart | None:
        """The cart being made (None when the shop has no catalogue)."""
        return self._cart

    @property
    def scanner(self) -> ScannerFilter | None:
        """The barcode scanner's key filter (None until the first catalogue)."""
        return self._scanner

    @property
    def catalogue(self) -> CatalogueIndex | None:
        """The catalogue the quick keys show (None until read)."""
        return self._index

    def _cart_has_lines(self) -> bool:
        return bool(self._cart is not None and len(self._cart))

    # -- changing the cart ----------------------------------------------------------------

    def _can_change(self) -> bool:
        return (
            self._cart is not None and self.current_page() == "entry" and not self._waiting_charge
        )

    def _set_cart(self, cart: Cart, selected: int) -> None:
        self._cart = cart
        self._selected = selected if 0 <= selected < len(cart) else len(cart) - 1
        self._refresh_mode()

    def _change(self, change: Callable[[Cart], Cart], selected: int | None) -> bool:
        """Apply ``change`` (cart -> cart), line ``selected`` then the selected one (None:
        the first line it changed, else the last); the cart full is said, nothing changed."""
        from hpos.sales.cart import CartFull  # loaded with the cart

        old = self._cart
        assert old is not None
        try:
            cart = change(old)
        except CartFull as exc:
            self._hint(self._cart_full_text(exc))
            return False
        if selected is None:
            pairs = enumerate(zip(old.lines, cart.lines, strict=False))
            selected = next((n for n, (was, now) in pairs if was != now), len(cart) - 1)
        self._set_cart(cart, selected)
        return True

    def _cart_full_text(self, exc: CartFull) -> str:
        from hpos.sales.cart import MAX_LINES, MAX_QUANTITY, CartFull  # loaded with the cart

        if exc.limit == CartFull.LINES:
            return QCoreApplication.translate(
                "CashierScreen", "The cart is full: at most {count} lines."
            ).format(count=MAX_LINES)
        if exc.limit == CartFull.QUANTITY:
            return QCoreApplication.translate(
                "CashierScreen", "At most {count} of one item on a line."
            ).format(count=MAX_QUANTITY)
        return QCoreApplication.translate(
            "CashierScreen", "The cart's total would be above the most HPAY takes."
        )

    @Slot(object)
    def add_item(self, item: Item, quantity: int = 1) -> bool:
        """``quantity`` more of ``item`` (a tile, a scan, the search); False if not now."""
        if not self._can_change():
            return False
        # selected: the line Cart.add_item grew, else the new one at the end
        if not self._change(lambda cart: cart.add_item(item, quantity), None):
            return False
        self.entry_page.show_added(item.name)
        return True

    @Slot()
    def add_typed(self) -> bool:
        """The typed amount as a "Misc." line (Add, or Enter with a cart); False if not."""
        if not self._can_change():
            return False
        amount = self._typed_amount()
        if amount is None:
            return False
        name = self._misc = QCoreApplication.translate("CashierScreen", "Misc.")
        at = len(self._cart or ())  # the new line, at the end
        if not self._change(lambda cart: cart.add_amount(amount, name), at):
            return False
        self._entry.clear()
        self.entry_page.show_added(f"{name} {self._money(amount)}")
        self._refresh_amount()
        return True

    @Slot(int, int)
    def step_line(self, index: int, delta: int) -> bool:
        """One more (+1) or one less (-1) of line ``index`` (the last one removes it)."""
        if not self._can_change() or not 0 <= index < len(self._cart or ()):
            return False
        return self._change(lambda cart: cart.step(index, delta), index)

    @Slot(int)
    def remove_line(self, index: int) -> bool:
        """Line ``index`` out of the cart."""
        if not self._can_change() or not 0 <= index < len(self._cart or ()):
            return False
        return self._change(lambda cart: cart.remove(index), index)

    def select_line(self, delta: int) -> bool:
        """↑ / ↓: the line above or below becomes the one + and − change."""
        if not self._cart_has_lines() or not self._can_change():
            return False
        assert self._cart is not None
        self._set_cart(self._cart, max(0, min(len(self._cart) - 1, self._selected + delta)))
        return True

    @Slot(int)
    def _select(self, index: int) -> None:
        if self._cart_has_lines() and self._can_change():
            assert self._cart is not None
            self._set_cart(self._cart, index)

    @Slot()
    def ask_empty_cart(self) -> bool:
        """ "Empty the cart" (asks first); True if it was emptied."""
        if not self._cart_has_lines() or not self._can_change():
            return False
        question = QCoreApplication.translate("CashierScreen", "Take every line out of the cart?")
        if not self._confirm(
            self, QCoreApplication.translate("CashierScreen", "Empty the cart?"), question
        ):
            return False
        self._empty_cart()
        return True

    def _empty_cart(self) -> None:
        if self._cart is not None and len(self._cart):
            from hpos.sales.cart import Cart  # loaded with the cart

            self._set_cart(Cart(), -1)

    def _retranslate_cart(self) -> None:
        """A language switch: the cart's free amounts named in the new language ("Divers")."""
        name, old = QCoreApplication.translate("CashierScreen", "Misc."), self._misc
        if not old or name == old or not self._cart_has_lines() or not self._can_change():
            return
        from dataclasses import replace  # with the cart (a language switch is rare)

        from hpos.sales.cart import Cart  # loaded with the cart

        assert self._cart is not None
        self._misc = name
        lines = tuple(
            replace(line, name=name) if line.item_id is None and line.name == old else line
            for line in self._cart.lines
        )
        self._cart = Cart(lines)

    def _restore_cart(self, sale: Sale) -> bool:
        """Try again: the refused sale's lines back in the cart; False if it had none."""
        if not sale.lines or self._cart is None:
            return False
        from hpos.sales.cart import Cart, CartLine  # loaded with the cart

        lines = tuple(
            CartLine(
                line.name, line.unit_price, line.quantity, line.item_id, line.barcode, line.sku
            )
            for line in sale.lines
        )
        self._set_cart(Cart(lines), len(lines) - 1)
        return True

    # -- charging and showing -----------------------------------------------------------------

    def _charge_cart(self) -> bool:
        """Enter with lines in the cart: its total as one payment (see the module doc)."""
        from hpos.sales.cart import cart_description, items_text  # loaded with the cart

        cart = self._cart
        assert cart is not None
        product = self._product_name(cart)
        items = items_text(cart.lines, more=_more_words, amount=self._money)
        description = cart_description(items, self.entry_page.description_edit.text())
        if not self._controller.charge(cart.total, product, description, lines=cart.sale_lines()):
            return False
        self._started_charge(cart.total, product)
        return True

    def _refresh_cart(self) -> None:
        """The cart, its total on the big display, the product name, the typed amount."""
        parts = self.entry_page.parts
        if parts is None or self._cart is None:
            return
        cart = self._cart
        parts.cart_view.set_cart(cart, self._selected, self._money)
        product = self.entry_page.product_edit
        if len(cart):
            product.setReadOnly(True)
            product.setText(self._product_name(cart))
        elif product.isReadOnly():
            product.setReadOnly(False)
            product.setText(self._default_product)
        self.entry_page.show_product(not len(cart))  # a cart names the product itself
        self._refresh_amount()  # the total, and the typed amount beside Add

    def _product_name(self, cart: Cart) -> str:
        """HPAY's product name for ``cart``: "Coffee ×2 + 3 more" in the UI language."""
        from hpos.sales.cart import product_name  # loaded with the cart

        return product_name(cart.lines, more=_more_words)

    def _cart_total_text(self) -> str | None:
        """The big display's text in cart mode (the cart's total), else None."""
        if not self._cart_has_lines():
            return None
        assert self._cart is not None
        return self._money(self._cart.total)

    def _refresh_typed(self) -> None:
        """The typed amount beside the Add key, and the key enabled when it can be added."""
        parts = self.entry_page.parts
        if parts is None:
            return
        entry = self._entry
        parts.typed_label.setText(entry.display(self._locale) if not entry.is_empty else "")
        parts.add_button.setEnabled(entry.chargeable)

    def _cart_key(self, key: Qt.Key, text: str) -> bool:
        """The cart's keys on the entry page (F4, ↑ ↓, + −, Delete); True if used."""
        if key == Qt.Key.Key_F4:
            return self.open_search()
        if not self._cart_has_lines() or not self.entry_page.catalogue_mode:
            return False
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            return self.select_line(-1 if key == Qt.Key.Key_Up else 1)
        # used even when the cart refuses (at 999 the hint says why; "+" is no amount key)
        if key == Qt.Key.Key_Plus or text == "+":
            self.step_line(self._selected, +1)
        elif key == Qt.Key.Key_Minus or text == "-":
            self.step_line(self._selected, -1)
        elif key == Qt.Key.Key_Delete:
            self.remove_line(self._selected)
        else:
            return False
        return True


def _more_words(count: int) -> str:
    """ "+ N more" in the UI language, one more in a language's singular ("+ 1 autre")."""
    if count == 1:
        return QCoreApplication.translate("CashierScreen", "+ 1 more")
    return QCoreApplication.translate("CashierScreen", "+ {count} more").format(count=count)
