"""Screenshots of the real HPOS window at 1024×600, in English and French, for docs/.

Run under a virtual X server (the window is a real X11 window, the pictures are
grabs of the X screen):

    xvfb-run -a -s "-screen 0 1024x600x24" .venv/bin/python scripts/screenshots.py

For each language (``--lang en``, ``--lang fr``, or both by default, each in its
own process) it starts the demo (built-in sandbox, a throw-away profile in that
language), takes a sale from the keypad to the QR to PAID, and writes
``docs/screenshots/<lang>/*.png``: the cashier (keypad, QR, PAID), the customer
display showing the QR, the receipts (80 mm, as printed: a typed amount, a cart's
lines), the history, the
settings (both tabs), the F1 shortcut list, the quit question, the owner's Close the day
page (and its 80 mm printout) and All tills view, the quick keys with a cart, the
catalogue page and its item editor, the manager PIN prompt and the dialog about an
unusable settings.json.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
LANGUAGES = ("en", "fr")
OUT = SHOTS
#: A 99-character product name without a space (issue 14: the QR keeps its size).
LONG_NAME = (
    "RizParfuméJasminThaïlandeSac25kgQualitéSupérieureLivraisonGratuite"
    "QuartierPlateauDakarRéférence2026XL"
)[:99]


def wait_for(
    app: QApplication, condition: Callable[[], bool], what: str, timeout: float = 20
) -> None:
    """Spin the event loop until ``condition()`` holds."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"screenshots: timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.02)


def shot(app: QApplication, name: str, settle: float = 0.4) -> None:
    """Grab the whole X screen into docs/screenshots/<name>.png."""
    end = time.monotonic() + settle
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    screen = QGuiApplication.primaryScreen()
    path = OUT / f"{name}.png"
    if not screen.grabWindow(0).save(str(path)):
        raise SystemExit(f"screenshots: could not write {path}")
    print(f"wrote {path.relative_to(ROOT)}")


def save(image: object, name: str) -> None:
    """Write a QImage/QPixmap into docs/screenshots/<lang>/<name>.png."""
    path = OUT / f"{name}.png"
    if not image.save(str(path)):  # type: ignore[attr-defined]
        raise SystemExit(f"screenshots: could not write {path}")
    print(f"wrote {path.relative_to(ROOT)}")


def take(language: str) -> int:
    """Drive the demo in ``language`` and take the pictures."""
    global OUT
    OUT = SHOTS / language
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ["HPOS_CONFIG_DIR"] = tempfile.mkdtemp(prefix="hpos-shots-")
    from hpos.demo import start_demo
    from hpos.profile.profile import replace_settings
    from hpos.sales.receipt import receipt_from_sale
    from hpos.ui.customer.view import CustomerDisplay
    from hpos.ui.i18n import install_language
    from hpos.ui.mainwindow.window import MainWindow
    from hpos.ui.receipts.render import render_image

    app = QApplication(sys.argv[:1])
    demo = start_demo(os.environ)
    settings = replace_settings(
        demo.profile.settings,
        language=language,
        customer_display="off",
        shop_name="Chez Awa — Épicerie" if language == "fr" else "Awa's Corner Shop",
    )
    demo.profile.save(settings)
    install_language(app, language)
    window = MainWindow(demo.profile, demo=demo)
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    window.show()
    cashier = window.cashier
    wait_for(app, lambda: window.controller.current_token() is not None, "the HPAY token")
    cashier.activateWindow()
    cashier.setFocus()
    type_amount(app, cashier, "14900")
    shot(app, "cashier-keypad")
    QTest.keyClick(cashier, Qt.Key.Key_Return)
    wait_for(app, lambda: cashier.current_page() == "payment", "the QR page")
    shot(app, "cashier-qr")
    display = CustomerDisplay(shop_name=settings.shop_name, expiry_seconds=900)
    display.set_test_mode(True)
    display.setGeometry(0, 0, 1024, 600)
    display.show()
    display.follow("payment", cashier.current_sale())
    wait_for(app, lambda: display.isVisible(), "the customer display")
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        app.processEvents()
    save(display.grab(), "customer-display-qr")
    display.close()
    window.activateWindow()
    window.simulate_payment()
    wait_for(app, lambda: cashier.current_page() == "paid", "the PAID page")
    shot(app, "cashier-paid", settle=0.2)
    sale = cashier.current_sale()
    receipt = receipt_from_sale(sale, shop_name=settings.shop_name)
    save(render_image(receipt, "80mm", language=language), "receipt-80mm")
    receipt_lines(sale, settings.shop_name, language)
    cancelled_sale(app, cashier)
    from hpos.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(window.profile, window.runner, parent=window)
    dialog.show()
    wait_for(app, dialog.is_loaded, "the settings to load")
    shot(app, "settings")
    dialog.tabs.setCurrentIndex(1)
    shot(app, "settings-counter")
    dialog.reject()
    window.keys.overlay.toggle()
    shot(app, "shortcuts")
    window.keys.overlay.toggle()
    cashier_cart(app, window)
    cashier.new_sale()  # a 99-character product name with no space: the QR keeps its size
    cashier.entry_page.product_edit.setText(LONG_NAME)
    cashier.setFocus()
    type_amount(app, cashier, "2500")
    QTest.keyClick(cashier, Qt.Key.Key_Return)
    wait_for(app, lambda: cashier.current_page() == "payment", "the QR page (long name)")
    shot(app, "cashier-long-name")
    window.toggle_history()  # paid, cancelled and waiting: the footer adds up only what was paid
    window.history.source_combo.setCurrentIndex(1)  # this till's journal: its own states
    wait_for(app, lambda: len(window.history.shown_rows()) >= 3, "history rows")
    shot(app, "history")
    window.toggle_history()
    window.quit_question.ask()  # a QR is up: Ctrl+Q asks first
    wait_for(app, lambda: window.quit_question.box is not None, "the quit question")
    shot(app, "quit-question")
    window.quit_question.box.reject()
    owner_pages(app, window, language)
    catalogue_page(app, window, language)
    pin_prompt(app, window)
    broken_settings(app, window)
    window.close()
    return 0


def receipt_lines(sale: object, shop_name: str, language: str) -> None:
    """An 80 mm receipt of a four-line cart sale (two items, one of them ×3, a long name, a
    free amount): one row a line, then the total."""
    from decimal import Decimal

    from hpos.sales.cart import cart_description, items_text, product_name
    from hpos.sales.model import SaleLine
    from hpos.sales.receipt import make_receipt
    from hpos.ui.receipts.render import render_image

    misc = "Divers" if language == "fr" else "Misc."
    rows = (("Café au lait", "700", 2), ("Croissant", "400", 1), ("Pastels (x5)", "1000", 3))
    lines = [
        SaleLine(n, name, Decimal(price), qty, Decimal(price) * qty, n)
        for n, (name, price, qty) in enumerate(rows, start=1)
    ]
    lines.append(SaleLine(4, misc, Decimal("1500"), 1, Decimal("1500")))
    receipt = make_receipt(
        shop_name=shop_name,
        till=sale.till,  # type: ignore[attr-defined]
        date=sale.paid_seen_at or sale.created_at,  # type: ignore[attr-defined]
        product=product_name(lines),
        description=cart_description(items_text(lines), "Table 4"),
        amount=sum((line.total for line in lines), Decimal(0)),
        currency="XOF",
        transaction_id=sale.transaction_id,  # type: ignore[attr-defined]
        status="PAID",
        mode="TEST",
        sale_number=sale.sale_number,  # type: ignore[attr-defined]
        lines=tuple(lines),
    )
    save(render_image(receipt, "80mm", language=language), "receipt-lines-80mm")


def type_amount(app: QApplication, cashier: QWidget, digits: str) -> None:
    """Type an amount as fast as a test can: four keys this fast could be a barcode
    scanner's, which holds them until its gap has passed, then lets them go."""
    QTest.keyClicks(cashier, digits)
    wait_for(app, lambda: not (cashier.scanner and cashier.scanner.holding), "the typed keys")


def cancelled_sale(app: QApplication, cashier: QWidget) -> None:
    """A second sale, cancelled at the counter (History's footer counts it, adds nothing)."""
    cashier.new_sale()
    cashier.setFocus()
    type_amount(app, cashier, "3500")
    QTest.keyClick(cashier, Qt.Key.Key_Return)
    wait_for(app, lambda: cashier.current_page() == "payment", "the QR page (to cancel)")
    cashier._confirm = lambda *_args: True  # the cancel question, answered Yes
    cashier.request_cancel()
    wait_for(app, lambda: cashier.current_page() != "payment", "the cancelled sale")


def owner_pages(app: QApplication, window: QWidget, language: str) -> None:
    """Owner → Close the day… (the day's paid, cancelled and waiting sales), its 80 mm
    printout, and Owner → All tills… (no PIN set yet: they open at once)."""
    from hpos.ui.widgets.paint import blocks_image

    window.owner.open_closing()
    page = window.owner.closing_page
    wait_for(app, lambda: page.close_data is not None, "the day's closing")
    shot(app, "close-the-day")
    save(blocks_image(page.blocks(language), "80mm"), "close-the-day-80mm")
    window.owner.closing_dialog.close()
    window.owner.open_tills()
    view = window.owner.tills_view
    wait_for(app, lambda: view.report is not None, "all tills")
    shot(app, "all-tills")
    window.owner.tills_dialog.close()


#: The scene's shop when the demo's own catalogue is not there:
#: (name, price XOF, category, colour).
CATALOGUE = (
    ("Café noir", "500", "Boissons", "#5D4037"),
    ("Café au lait", "700", "Boissons", "#5D4037"),
    ("Thé à la menthe", "500", "Boissons", "#2E7D32"),
    ("Bissap", "600", "Boissons", "#AD1457"),
    ("Jus de gingembre", "600", "Boissons", "#F9A825"),
    ("Eau minérale 1,5 L", "400", "Boissons", "#1565C0"),
    ("Croissant", "400", "Viennoiseries", "#EF6C00"),
    ("Pain au chocolat", "500", "Viennoiseries", "#EF6C00"),
    ("Beignet", "200", "Viennoiseries", "#EF6C00"),
    ("Baguette", "250", "Boulangerie", "#F9A825"),
    ("Pain de mie", "1200", "Boulangerie", "#F9A825"),
    ("Sandwich thon", "1500", "Snacks", "#00796B"),
    ("Fataya", "300", "Snacks", "#C62828"),
    ("Pastels (x5)", "1000", "Snacks", "#C62828"),
    ("Yaourt local", "350", "", ""),
)


def cashier_cart(app: QApplication, window: QWidget) -> None:
    """The quick keys with a cart of four lines (one of them ×2), an amount typed beside Add
    (for a Misc. line); nothing charged, the cart emptied after."""
    from hpos.sales.catalogue import ItemDraft

    cashier = window.cashier
    cashier.new_sale()
    store = window.controller.service.journal.catalogue
    if not store.items():  # the demo's catalogue, else the one the catalogue scene uses
        for name, price, category, colour in CATALOGUE:
            store.add(ItemDraft(name, price, None, None, category, colour), "XOF")
        window.controller.reload_catalogue()
    wait_for(app, lambda: bool(cashier.catalogue and len(cashier.catalogue)), "the quick keys")
    index = cashier.catalogue
    first, *others = [index.in_category(c) for c in index.categories]
    for item in (first[0], first[0], first[min(2, len(first) - 1)], *(c[0] for c in others[:2])):
        cashier.add_item(item)
    cashier.setFocus()
    QTest.keyClicks(cashier, "500")
    shot(app, "cashier-cart")
    cashier.new_sale()


def catalogue_page(app: QApplication, window: QWidget, language: str) -> None:
    """Owner → Catalogue… on the catalogue of the quick keys' scene (:func:`cashier_cart`),
    then the item editor saying why a price is refused."""
    window.owner.open_catalogue()
    page = window.owner.catalogue_page
    wait_for(app, lambda: page.model.rowCount() > 0, "the catalogue")
    page.select(page.model.item(1).id)
    shot(app, "catalogue-page")
    page.edit_selected()
    editor = page.editor
    wait_for(app, lambda: editor is not None and editor.isVisible(), "the item editor")
    editor.price_edit.setText("12,5" if language == "fr" else "12.5")
    editor.save_button.click()
    shot(app, "catalogue-editor")
    editor.reject()
    window.owner.catalogue_dialog.close()


def broken_settings(app: QApplication, window: QWidget) -> None:
    """The dialog shown before the window when settings.json cannot be used."""
    from hpos.profile.file import SettingsFileError, read_settings_file
    from hpos.ui.startup import BrokenSettingsDialog

    path = Path(os.environ["HPOS_CONFIG_DIR"]) / "settings.json"
    path.write_text('{\n  "shop_name": "Awa",\n  "till_name": TILL1\n}\n', encoding="utf-8")
    try:
        read_settings_file(path)
    except SettingsFileError as error:
        backup = path.with_name("settings.json.broken-20261205-101500")
        box = BrokenSettingsDialog(error, backup)
        box.show()
        wait_for(app, box.isVisible, "the broken-settings dialog")
        shot(app, "broken-settings")
        box.close()
    else:
        raise SystemExit("screenshots: the broken settings file was read")


def main() -> int:
    """Take the pictures in each language, one process per language."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=LANGUAGES, help="one language (default: all)")
    lang = parser.parse_args().lang
    if lang:
        return take(lang)
    for language in LANGUAGES:
        done = subprocess.run(  # noqa: S603 - this interpreter, this script
            [sys.executable, __file__, "--lang", language], check=False
        )
        if done.returncode:
            return done.returncode
    return 0


def pin_prompt(app: QApplication, window: QWidget) -> None:
    """With a manager PIN set, Settings asks for it; a wrong PIN says how long to wait."""
    from hpos.profile.pin import attempts_path, clear_attempts, hash_pin
    from hpos.profile.profile import replace_settings

    profile = window.profile
    profile.save(replace_settings(profile.settings, manager_pin_hash=hash_pin("2468")))
    window.manager.gate.settings_saved()
    window.manager.gate.lock()  # the manager left: cashier mode
    window.open_settings()
    wait_for(app, lambda: window.manager.gate.prompt is not None, "the PIN prompt")
    prompt = window.manager.gate.prompt
    wait_for(app, prompt.pin_edit.isEnabled, "the PIN field")
    answers: list[object] = []
    prompt.answered.connect(answers.append)
    QTest.keyClicks(prompt.pin_edit, "1357")
    prompt.submit()
    wait_for(app, lambda: bool(answers), "the wrong PIN's answer")
    shot(app, "pin-prompt", settle=0.2)
    prompt.reject()
    profile.save(replace_settings(profile.settings, manager_pin_hash=""))
    clear_attempts(attempts_path(profile.config_dir))
    window.manager.gate.settings_saved()


if __name__ == "__main__":
    raise SystemExit(main())
