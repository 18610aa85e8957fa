"""The catalogue's CSV: import plans with good and bad lines, refused files, export, round trip."""

from __future__ import annotations

import csv
import io
import random
from decimal import Decimal
from pathlib import Path

import pytest

from hpos.sales.catalogue import ItemDraft, ItemRefused
from hpos.sales.catalogue_csv import (
    ARCHIVED,
    CELLS,
    MAX_BYTES,
    MAX_LINES,
    CatalogueFileRefused,
    write_catalogue_csv,
)
from hpos.sales.catalogue_import import REPEATED, apply_plan, read_catalogue_csv
from hpos.sales.catalogue_store import CatalogueStore
from hpos.sales.journal import Journal


@pytest.fixture
def store(journal: Journal) -> CatalogueStore:
    return journal.catalogue


def plan_for(store: CatalogueStore, text: str, currency: str = "XOF", encoding: str = "utf-8"):
    return read_catalogue_csv(text.encode(encoding), currency, store.items(archived=True))


def import_text(store: CatalogueStore, text: str, currency: str = "XOF"):
    plan = plan_for(store, text, currency)
    apply_plan(store, plan, currency)
    return plan


def names_prices(store: CatalogueStore, archived: bool = False) -> dict[str, Decimal]:
    return {i.name: i.price for i in store.items(archived=archived)}


# -- good files --------------------------------------------------------------------------


def test_a_file_of_new_items_adds_them_all(store: CatalogueStore) -> None:
    plan = import_text(
        store,
        "name,price,category,barcode,sku,colour\n"
        "Coffee,1500,Drinks,3012345678901,COF,blue\n"
        "Croissant,800,Bakery,,CRO,#ef6c00\n"
        "Water,500,,,,\n",
    )
    assert (plan.added, plan.updated, plan.unchanged, plan.rejected) == (3, 0, 0, ())
    items = {i.name: i for i in store.items()}
    assert items["Coffee"].price == Decimal(1500)
    assert items["Coffee"].barcode == "3012345678901"
    assert items["Coffee"].colour == "#1565C0"
    assert items["Croissant"].colour == "#EF6C00"
    assert items["Water"].barcode is None
    assert items["Water"].category == ""
    assert store.currency == "XOF"


def test_a_french_spreadsheet_file_semicolons_decimal_commas_windows_1252(
    store: CatalogueStore,
) -> None:
    text = (
        "Catégorie;Nom;PRIX;Code-barres;Référence;Couleur;Archivé\n"
        "Boissons;Café crème;2,50;3012345678901;CAF;vert;non\n"
        "Boissons;Thé glacé;3;;;;\n"
        "Pâtisserie;Éclair;1 250,00;;ECL;;\n"
    )
    plan = plan_for(store, text, "EUR", encoding="cp1252")
    assert plan.rejected == ()
    apply_plan(store, plan, "EUR")
    items = {i.name: i for i in store.items()}
    assert set(items) == {"Café crème", "Thé glacé", "Éclair"}
    assert items["Café crème"].price == Decimal("2.50")
    assert items["Café crème"].sku == "CAF"
    assert items["Éclair"].price == Decimal("1250.00")
    assert items["Éclair"].category == "Pâtisserie"


def test_a_whole_xof_price_a_spreadsheet_wrote_with_two_decimals_is_that_price(
    store: CatalogueStore,
) -> None:
    text = (
        "nom;prix\n"
        "Café;550,00\n"  # a spreadsheet column formatted with two decimals
        "Riz 5 kg;1\u00a0500.00\n"
        "Thé;12,50\n"  # a price XOF cannot charge: still refused
        "Sucre;1.000\n"  # a thousand written the German way, or one franc: still refused
        "Lait;650,0\n"
    )
    plan = plan_for(store, text, "XOF")
    assert [(d.name, d.price) for _, d in plan.changes] == [
        ("Café", Decimal(550)),
        ("Riz 5 kg", Decimal(1500)),
    ]
    assert [(r.line, r.problem) for r in plan.rejected] == [
        (4, "bad price"),
        (5, "bad price"),
        (6, "bad price"),
    ]
    in_cad = plan_for(store, "name,price\nCoffee,550.00\n", "CAD")
    assert [d.price for _, d in in_cad.changes] == [Decimal("550.00")]


def test_a_byte_order_mark_and_crlf_lines_are_fine(store: CatalogueStore) -> None:
    data = "\ufeffName,Price\r\nCoffee,1500\r\n".encode()
    plan = read_catalogue_csv(data, "XOF", [])
    assert [d.name for _, d in plan.changes] == ["Coffee"]


def test_blank_lines_are_skipped_and_line_numbers_count_them(store: CatalogueStore) -> None:
    plan = plan_for(store, "name,price\n\nCoffee,1500\n,,\nTea,abc\n")
    assert plan.added == 1
    assert [(r.line, r.problem) for r in plan.rejected] == [(5, "bad price")]


def test_a_quoted_cell_over_two_lines_keeps_the_next_line_numbers_right(
    store: CatalogueStore,
) -> None:
    plan = plan_for(store, 'name,price\n"Big\ncake",5000\nTea,12.5\n')
    assert [d.name for _, d in plan.changes] == ["Big cake"]
    assert [r.line for r in plan.rejected] == [4]


# -- matching existing items -------------------------------------------------------------


def test_lines_match_by_barcode_then_sku_then_name_and_category(store: CatalogueStore) -> None:
    by_barcode = store.add(ItemDraft("Coffee", "1500", "111", None, "Drinks"), "XOF")
    by_sku = store.add(ItemDraft("Tea", "1000", None, "TEA", "Drinks"), "XOF")
    by_name = store.add(ItemDraft("Croissant", "800", None, None, "Bakery"), "XOF")
    same = store.add(ItemDraft("Water", "500", "222", None, ""), "XOF")
    plan = import_text(
        store,
        "name,price,category,barcode,sku\n"
        "Espresso,1600,Drinks,111,\n"  # renamed, found by its barcode
        "Green tea,1200,Drinks,,TEA\n"  # found by its SKU
        "CROISSANT,900,bakery,,\n"  # found by name and category, any case
        "Water,500,,222,\n"  # nothing differs
        "Croissant,900,Lunch,,\n",  # another category: a new item
    )
    assert (plan.added, plan.updated, plan.unchanged) == (1, 3, 1)
    assert store.get(by_barcode.id).name == "Espresso"  # type: ignore[union-attr]
    assert store.get(by_sku.id).price == Decimal(1200)  # type: ignore[union-attr]
    croissant = store.get(by_name.id)
    assert croissant is not None
    assert croissant.price == Decimal(900)
    assert croissant.name == "CROISSANT"  # the file's spelling is the new name
    assert store.get(same.id) == same
    assert len(store.items()) == 5


def test_a_line_with_codes_gives_them_to_an_item_without_codes_of_that_name(
    store: CatalogueStore,
) -> None:
    plain = store.add(ItemDraft("Coffee", "1500", None, None, "Drinks"), "XOF")
    coded = store.add(ItemDraft("Tea", "1000", "999", None, "Drinks"), "XOF")
    plan = import_text(
        store, "name,price,category,barcode\nCoffee,1500,Drinks,123\nTea,1000,Drinks,555\n"
    )
    assert (plan.added, plan.updated) == (1, 1)
    assert store.get(plain.id).barcode == "123"  # type: ignore[union-attr]
    assert store.get(coded.id).barcode == "999"  # type: ignore[union-attr]


def test_columns_left_out_keep_the_items_values(store: CatalogueStore) -> None:
    item = store.add(ItemDraft("Coffee", "1500", "111", "COF", "Drinks", "red"), "XOF")
    plan = import_text(store, "name,price\nCoffee,1700\n")
    assert plan.updated == 1
    after = store.get(item.id)
    assert after is not None
    assert after.price == Decimal(1700)
    assert (after.barcode, after.sku, after.category, after.colour) == (
        "111",
        "COF",
        "Drinks",
        "#C62828",
    )


def test_an_empty_cell_clears_an_optional_field(store: CatalogueStore) -> None:
    item = store.add(ItemDraft("Coffee", "1500", "111", "COF", "Drinks", "red"), "XOF")
    import_text(store, "name,price,barcode,sku,colour\nCoffee,1500,111,,\n")
    after = store.get(item.id)
    assert after is not None
    assert (after.sku, after.colour) == (None, "")


def test_archived_yes_archives_and_no_restores(store: CatalogueStore) -> None:
    coffee = store.add(ItemDraft("Coffee", "1500", "111"), "XOF")
    tea = store.add(ItemDraft("Tea", "1000", "222"), "XOF")
    store.archive(tea.id)
    plan = import_text(
        store,
        "name,price,barcode,archived\nCoffee,1500,111,yes\nTea,1000,222,non\nSoup,900,,oui\n",
    )
    assert (plan.archived, plan.restored, plan.added) == (1, 1, 0)
    assert plan.unchanged == 1  # the archived line for an item that does not exist: nothing to do
    assert store.get(coffee.id).archived is True  # type: ignore[union-attr]
    assert store.get(tea.id).archived is False  # type: ignore[union-attr]
    assert [i.name for i in store.items()] == ["Tea"]


def test_an_archived_items_barcode_may_go_to_a_new_item(store: CatalogueStore) -> None:
    old = store.add(ItemDraft("Old coffee", "1500", "111"), "XOF")
    store.archive(old.id)
    # The line matches the archived item by its barcode: an update of it, still archived.
    plan = import_text(store, "name,price,barcode\nNew coffee,1600,111\n")
    assert plan.updated == 1
    assert store.get(old.id).name == "New coffee"  # type: ignore[union-attr]


def test_an_archived_item_whose_barcode_went_to_another_is_updated_but_not_restored(
    store: CatalogueStore,
) -> None:
    old = store.add(ItemDraft("Old coffee", "1500", "111", "OLD"), "XOF")
    store.archive(old.id)
    new = store.add(ItemDraft("New coffee", "1600", "111"), "XOF")
    plan = import_text(store, "name,price,sku\nOld coffee,1400,OLD\n")  # found by its SKU
    assert (plan.updated, plan.rejected) == (1, ())
    after = store.get(old.id)
    assert after is not None
    assert (after.price, after.barcode, after.archived) == (Decimal(1400), "111", True)
    assert store.get(new.id) == new
    back = plan_for(store, "name,price,sku,archived\nOld coffee,1400,OLD,no\n")
    assert [(r.problem, r.message) for r in back.rejected] == [
        ("duplicate barcode", "The barcode 111 is already New coffee's.")
    ]


# -- rejected lines ----------------------------------------------------------------------


def test_bad_lines_are_rejected_with_line_number_kind_and_sentence_and_the_rest_go_in(
    store: CatalogueStore,
) -> None:
    store.add(ItemDraft("Coffee", "1500", "111", "COF"), "XOF")
    store.add(ItemDraft("Butter", "600", "777"), "XOF")
    text = (
        "name,price,barcode,sku,colour,archived\n"  # line 1
        "Tea,1000,,,,\n"  # 2: good
        "Cake,12,5,,,,\n"  # 3: one cell too many
        "Juice,12.5,,,,\n"  # 4: XOF has no decimals
        ",100,,,,\n"  # 5: no name
        f"{'x' * 81},100,,,,\n"  # 6: name too long
        "Soup,900,12 34,,,\n"  # 7: a barcode with a space
        "Bread,300,,,mauve,\n"  # 8: not a colour
        "Milk,400,555,,,\n"  # 9: good
        "Cream,450,555,,,\n"  # 10: barcode already on line 9
        "Butter,650,777,COF,,\n"  # 11: Butter by its barcode, with Coffee's SKU
        "Honey,700,,,,maybe\n"  # 12: archived?
        "Tea,1100,,,,\n"  # 13: Tea again
        "Salt,50\n"  # 14: too few cells
        "Pepper,0,,,,\n"  # 15: zero
    )
    plan = import_text(store, text)
    assert [(r.line, r.problem) for r in plan.rejected] == [
        (3, CELLS),
        (4, "bad price"),
        (5, "no name"),
        (6, "name too long"),
        (7, "bad barcode"),
        (8, "bad colour"),
        (10, "duplicate barcode"),
        (11, "duplicate sku"),
        (12, ARCHIVED),
        (13, REPEATED),
        (14, CELLS),
        (15, "bad price"),
    ]
    messages = {r.line: r.message for r in plan.rejected}
    assert messages[4] == "The price '12.5': XOF has no decimals: type whole francs."
    assert messages[10] == "The barcode 555 is already on line 9."
    assert messages[11] == "The SKU COF is already Coffee's."
    assert messages[13] == "Tea is already on line 2."
    assert "yes or no" in messages[12]
    assert {r.line: r.text for r in plan.rejected}[3] == "Cake,12,5,,,,"
    assert plan.added == 2
    assert sorted(names_prices(store)) == ["Butter", "Coffee", "Milk", "Tea"]
    assert names_prices(store)["Butter"] == Decimal(600)


def test_a_line_whose_barcode_and_sku_are_two_items_codes_is_rejected(
    store: CatalogueStore,
) -> None:
    store.add(ItemDraft("Coffee", "1500", "111", "COF"), "XOF")
    store.add(ItemDraft("Tea", "1000", "222", "TEA"), "XOF")
    plan = plan_for(store, "name,price,barcode,sku\nTea,1000,111,TEA\n")
    # Matched to Coffee by its barcode, the line would take Tea's SKU.
    assert [(r.problem, r.message) for r in plan.rejected] == [
        ("duplicate sku", "The SKU TEA is already Tea's.")
    ]
    assert plan.changes == ()


def test_the_same_existing_item_twice_is_rejected_the_second_time(store: CatalogueStore) -> None:
    store.add(ItemDraft("Coffee", "1500", "111", "COF"), "XOF")
    plan = plan_for(store, "name,price,barcode,sku\nCoffee,1500,111,\nCafé,1600,,COF\n")
    assert [(r.line, r.problem) for r in plan.rejected] == [(3, REPEATED)]


def test_a_dry_plan_writes_nothing(store: CatalogueStore) -> None:
    plan = plan_for(store, "name,price\nCoffee,1500\n")
    assert plan.added == 1
    assert plan.has_changes
    assert store.items() == []


# -- refused files -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\n\n", "empty"),
        (b";;;\n;;\n", "empty"),
        (b"name,price,size\nCoffee,1500,L\n", "Unknown column 'size'"),
        (b"name,colour\nCoffee,red\n", "no price column"),
        (b"prix\n1500\n", "no name and no price column"[:0] + "no name column"),
        (b"Coffee,1500\nTea,1000\n", "Unknown column 'Coffee'"),
        (b"name,price,name\nA,1,B\n", "twice"),
        (b"name,,price\nA,,1\n", "Column 2 of the header row has no name"),
        (b"PK\x03\x04\x14\x00\x06\x00", "save it as CSV"),
        (b"name,price\x00\n", "not a text file"),
        (b"name,price\n\x81\x8d,1\n", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_a_file_that_is_no_catalogue_is_refused_whole(
    store: CatalogueStore, data: bytes, words: str
) -> None:
    with pytest.raises(CatalogueFileRefused) as caught:
        read_catalogue_csv(data, "XOF", [])
    assert words in str(caught.value)


def test_a_trailing_empty_header_column_is_ignored(store: CatalogueStore) -> None:
    plan = plan_for(store, "name;price;\nCoffee;1500;\nTea;1000\nCake;12;5\n")
    assert [(r.line, r.problem) for r in plan.rejected] == [(4, CELLS)]
    plan = plan_for(store, "name;price;\nCoffee;1500;\n")
    assert plan.added == 1
    assert plan.rejected == ()


def test_files_too_large_or_too_long_are_refused(store: CatalogueStore) -> None:
    big = b"name,price\n" + b"x" * MAX_BYTES
    with pytest.raises(CatalogueFileRefused, match="at most 5 MB"):
        read_catalogue_csv(big, "XOF", [])
    lines = "name,price\n" + "".join(f"Item {n},100\n" for n in range(MAX_LINES + 1))
    with pytest.raises(CatalogueFileRefused, match="more than 20,000 lines"):
        read_catalogue_csv(lines.encode(), "XOF", [])
    at_limit = "name,price\n" + "".join(f"Item {n},100\n" for n in range(MAX_LINES))
    assert read_catalogue_csv(at_limit.encode(), "XOF", []).added == MAX_LINES


# -- applying ----------------------------------------------------------------------------


def test_apply_is_all_or_nothing_when_the_catalogue_changed_since_the_plan(
    store: CatalogueStore,
) -> None:
    plan = plan_for(store, "name,price,barcode\nCoffee,1500,111\nTea,1000,222\n")
    store.add(ItemDraft("Other", "100", "222"), "XOF")  # someone took 222 meanwhile
    with pytest.raises(ItemRefused):
        apply_plan(store, plan, "XOF")
    assert [i.name for i in store.items()] == ["Other"]


def test_apply_writes_nothing_when_an_item_to_restore_changed_since_the_plan(
    store: CatalogueStore,
) -> None:
    gone = store.add(ItemDraft("Gone", "100", "1"), "XOF")
    taken = store.add(ItemDraft("Taken", "100", "2"), "XOF")
    store.archive(gone.id)
    store.archive(taken.id)
    text = "name,price,barcode,archived\nNew,200,3,no\nGone,100,1,no\nTaken,100,2,no\n"
    plan = plan_for(store, text)
    assert (plan.added, plan.restored) == (1, 2)
    store.remove(gone.id)  # meanwhile, on another till: deleted (never sold)
    with pytest.raises(KeyError):
        apply_plan(store, plan, "XOF")
    assert names_prices(store, archived=True) == {"Taken": Decimal(100)}, "New not written"
    plan = plan_for(store, "name,price,barcode,archived\nNew,200,3,no\nTaken,100,2,no\n")
    store.add(ItemDraft("Other", "100", "2"), "XOF")  # meanwhile: Taken's barcode is Other's
    with pytest.raises(ItemRefused):
        apply_plan(store, plan, "XOF")
    assert names_prices(store, archived=True) == {"Other": Decimal(100), "Taken": Decimal(100)}
    assert store.get(taken.id).archived  # type: ignore[union-attr]


def test_apply_returns_the_items_as_written(store: CatalogueStore) -> None:
    old = store.add(ItemDraft("Old", "100", "1"), "XOF")
    plan = plan_for(store, "name,price,barcode,archived\nNew,200,2,no\nOld,100,1,yes\n")
    written = apply_plan(store, plan, "XOF")
    assert {(i.name, i.archived) for i in written} == {("New", False), ("Old", True)}
    assert store.get(old.id).archived  # type: ignore[union-attr]


# -- export and round trip ---------------------------------------------------------------


def test_export_is_utf8_with_bom_english_header_and_guarded_cells(store: CatalogueStore) -> None:
    store.add(ItemDraft("=1+1", "1500", "-12", "@SKU", "+Drinks", "blue"), "XOF")
    store.add(ItemDraft("Café crème", "800", None, None, ""), "XOF")
    data = write_catalogue_csv(store.items(), "XOF")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["name", "price", "category", "barcode", "sku", "colour", "archived"]
    assert ["Café crème", "800", "", "", "", "", "no"] in rows
    assert ["'=1+1", "1500", "'+Drinks", "'-12", "'@SKU", "#1565C0", "no"] in rows
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_an_exported_file_imports_back_unchanged(store: CatalogueStore, tmp_path: Path) -> None:
    drafts = [
        ItemDraft("=1+1", "1500", "-12", "@SKU", "+Drinks", "blue"),
        ItemDraft("'=quoted", "200", None, None, "Food"),
        ItemDraft("''=twice", "300"),
        ItemDraft("'plain apostrophe", "400"),
        ItemDraft('Say "hi", friend; ok', "500", None, "S;1", "Ça, là"),
        ItemDraft("Thé glacé", "600", "3012345678901", None, "Boissons", "#00796b"),
    ]
    for draft in drafts:
        store.add(draft, "XOF")
    gone = store.add(ItemDraft("Gone", "700", "77"), "XOF")
    store.archive(gone.id)
    before = store.items(archived=True)
    data = write_catalogue_csv(before, "XOF")
    plan = read_catalogue_csv(data, "XOF", before)
    assert plan.rejected == ()
    assert not plan.has_changes
    assert plan.unchanged == len(before)
    # Into another till's empty catalogue: the same items (the archived one left out).
    other = Journal(tmp_path / "other.sqlite3")
    try:
        plan = read_catalogue_csv(data, "XOF", [])
        apply_plan(other.catalogue, plan, "XOF")
        copied = {i.name: i.draft() for i in other.catalogue.items()}
    finally:
        other.close()
    assert copied == {i.name: i.draft() for i in before if not i.archived}


def test_export_in_a_currency_with_decimals_writes_them_all(store: CatalogueStore) -> None:
    store.add(ItemDraft("Coffee", "2.5"), "CAD")
    rows = write_catalogue_csv(store.items(), "CAD").decode("utf-8-sig").splitlines()
    assert rows[1] == "Coffee,2.50,,,,,no"


def test_any_bytes_give_a_plan_or_a_refusal_never_another_error() -> None:
    rnd = random.Random(16)
    alphabet = b"name,price;\"\n\r 0123456789.,abc\xc3\xa9=\t'x"
    refusals: list[str] = []
    for _ in range(3000):
        data = bytes(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))
        if rnd.random() < 0.5:
            data = b"name,price,barcode\n" + data
        try:
            plan = read_catalogue_csv(data, "XOF", [])
        except CatalogueFileRefused as exc:
            refusals.append(str(exc))
        else:
            assert plan.updated == plan.archived == plan.restored == 0
            assert len(plan.changes) == plan.added
    assert refusals
    assert all(refusals)
