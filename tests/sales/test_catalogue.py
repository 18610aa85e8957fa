"""The catalogue's rules (check_draft, prices, colours, codes) and its index (codes, search)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hpos.sales.catalogue import (
    CATEGORY_CHARS,
    CODE_CHARS,
    COLOURS,
    NAME_CHARS,
    CatalogueIndex,
    Item,
    ItemDraft,
    ItemRefused,
    Problem,
    check_draft,
    check_price,
    colour_hex,
    fold,
)

# -- check_draft -------------------------------------------------------------------------


def test_a_good_draft_comes_back_cleaned() -> None:
    draft = ItemDraft(
        name="  Café   crème \t",
        price="2,5",
        barcode=" 3012345678901 ",
        sku="",
        category=" Boissons ",
        colour="Blue",
    )
    assert check_draft(draft, "CAD") == ItemDraft(
        name="Café crème",
        price=Decimal("2.50"),
        barcode="3012345678901",
        sku=None,
        category="Boissons",
        colour=COLOURS["blue"],
    )


@pytest.mark.parametrize(
    ("draft", "currency", "problem", "field", "message"),
    [
        (ItemDraft("  ", "100"), "XOF", Problem.NO_NAME, "name", "The item has no name."),
        (
            ItemDraft("x" * (NAME_CHARS + 1), "100"),
            "XOF",
            Problem.NAME_TOO_LONG,
            "name",
            f"The name is {NAME_CHARS + 1} characters long; at most {NAME_CHARS}.",
        ),
        (
            ItemDraft("Tea", "12,5"),
            "XOF",
            Problem.BAD_PRICE,
            "price",
            "The price '12,5': XOF has no decimals: type whole francs.",
        ),
        (
            ItemDraft("Tea", "1.234"),
            "CAD",
            Problem.BAD_PRICE,
            "price",
            "The price '1.234': CAD has 2 decimals: type at most 2 digits after the separator.",
        ),
        (
            ItemDraft("Tea", "0"),
            "XOF",
            Problem.BAD_PRICE,
            "price",
            "The price '0': The amount must be greater than zero.",
        ),
        (
            ItemDraft("Tea", Decimal(-5)),
            "XOF",
            Problem.BAD_PRICE,
            "price",
            "The price '-5': '-5' is not an amount: type digits such as 14900.",
        ),
        (
            ItemDraft("Tea", "100", barcode="12 34"),
            "XOF",
            Problem.BAD_BARCODE,
            "barcode",
            "The barcode '12 34' is not a code: 1 to 64 letters without accents, digits or signs,"
            " without spaces.",
        ),
        (
            ItemDraft("Tea", "100", sku="é1"),
            "XOF",
            Problem.BAD_SKU,
            "sku",
            "The SKU 'é1' is not a code: 1 to 64 letters without accents, digits or signs,"
            " without spaces.",
        ),
        (
            ItemDraft("Tea", "100", category="c" * (CATEGORY_CHARS + 1)),
            "XOF",
            Problem.CATEGORY_TOO_LONG,
            "category",
            f"The category is {CATEGORY_CHARS + 1} characters long; at most {CATEGORY_CHARS}.",
        ),
        (
            ItemDraft("Tea", "100", colour="mauve"),
            "XOF",
            Problem.BAD_COLOUR,
            "colour",
            "The colour 'mauve' is not #RRGGBB or one of red, orange, yellow, green, teal,"
            " blue, purple, pink, brown, grey.",
        ),
    ],
)
def test_each_rule_refuses_with_its_problem_field_and_sentence(
    draft: ItemDraft, currency: str, problem: Problem, field: str, message: str
) -> None:
    with pytest.raises(ItemRefused) as caught:
        check_draft(draft, currency)
    assert caught.value.problem is problem
    assert caught.value.field == field
    assert str(caught.value) == message


def test_the_limits_themselves_are_accepted() -> None:
    draft = ItemDraft(
        "n" * NAME_CHARS, "1000000000", "b" * CODE_CHARS, "!~#", "c" * CATEGORY_CHARS, "#abcdef"
    )
    checked = check_draft(draft, "XOF")
    assert checked.price == Decimal(1_000_000_000)
    assert checked.colour == "#ABCDEF"
    with pytest.raises(ItemRefused) as caught:
        check_draft(ItemDraft("Tea", "100", barcode="b" * (CODE_CHARS + 1)), "XOF")
    assert caught.value.problem is Problem.BAD_BARCODE
    with pytest.raises(ItemRefused, match="too large"):
        check_draft(ItemDraft("Tea", "1000000001"), "XOF")


def test_a_name_is_one_line_of_plain_text_and_never_a_reference() -> None:
    draft = ItemDraft("Tea\n\x1b[31mred\u202e HPOS-ABC", "100")
    name = check_draft(draft, "XOF").name
    assert "\n" not in name
    assert "\x1b" not in name
    assert "\u202e" not in name
    assert "HPOS-" not in name


def test_check_price_takes_decimals_and_texts_by_the_typed_amount_rule() -> None:
    assert check_price(Decimal("12.5"), "CAD") == Decimal("12.50")
    assert str(check_price("1 500", "XOF")) == "1500"
    assert check_price(Decimal("1E+3"), "XOF") == Decimal(1000)
    with pytest.raises(ItemRefused) as caught:
        check_price("abc", "XOF")
    assert caught.value.detail == "abc"


def test_colours_by_name_or_hex() -> None:
    assert colour_hex("") == ""
    assert colour_hex(" GREEN ") == COLOURS["green"]
    assert colour_hex("#1565c0") == "#1565C0"
    for bad in ("#12345", "#GGGGGG", "1565C0", "blue-ish"):
        with pytest.raises(ItemRefused):
            colour_hex(bad)


def test_gray_is_grey_as_an_american_spreadsheet_writes_it() -> None:
    assert colour_hex("Gray") == colour_hex("grey") == COLOURS["grey"]
    assert "gray" not in COLOURS, "the palette lists each colour once"


def test_fold_drops_accents_and_case() -> None:
    assert fold("Thé Glacé") == "the glace"
    assert fold("ÉCLAIR") == "eclair"
    assert fold("Straße") == "strasse"


def test_an_item_gives_its_draft_back() -> None:
    item = Item(7, "Tea", Decimal(100), "1", "T", "Drinks", "#FFFFFF", archived=True)
    assert item.draft() == ItemDraft("Tea", Decimal(100), "1", "T", "Drinks", "#FFFFFF")


# -- CatalogueIndex ----------------------------------------------------------------------


def item(n: int, name: str, category: str = "", barcode: str | None = None, **kw: object) -> Item:
    return Item(
        n,
        name,
        Decimal(100 * n),
        barcode,
        kw.get("sku"),
        category,
        archived=bool(kw.get("archived")),
    )  # type: ignore[arg-type]


ITEMS = [
    item(1, "Espresso", "Drinks", "3012345678901", sku="ESP"),
    item(2, "Café crème", "Drinks", sku="CAF"),
    item(3, "Thé glacé", "Drinks"),
    item(4, "Croissant", "Bakery", "3000000000002"),
    item(5, "Pain au chocolat", "Bakery", sku="PAC"),
    item(6, "Carrier bag"),
    item(7, "Old cake", "Bakery", "3000000000003", archived=True),
    item(8, "Eclair", "Bakery"),
]


def test_the_index_holds_items_not_archived_by_category_then_name() -> None:
    index = CatalogueIndex.build(ITEMS)
    assert len(index) == 7
    assert index.categories == ("Bakery", "Drinks", "")
    assert [i.name for i in index.in_category("Bakery")] == [
        "Croissant",
        "Eclair",
        "Pain au chocolat",
    ]
    assert [i.name for i in index.in_category("Drinks")] == ["Café crème", "Espresso", "Thé glacé"]
    assert [i.name for i in index.in_category("")] == ["Carrier bag"]
    assert index.in_category("Nothing") == []


def test_a_code_finds_its_item_exactly_else_ignoring_case() -> None:
    index = CatalogueIndex.build(ITEMS)
    assert index.by_code("3012345678901") == ITEMS[0]
    assert index.by_code(" ESP ") == ITEMS[0]
    assert index.by_code("pac") == ITEMS[4]
    assert index.by_code("3000000000003") is None  # archived: the scanner does not sell it
    assert index.by_code("") is None
    assert index.by_code("999") is None


def test_a_barcode_finds_its_item_though_another_items_sku_is_the_same() -> None:
    by_sku = Item(1, "Alpha", Decimal(100), None, "123", "A")  # sorts first
    by_barcode = Item(2, "Beta", Decimal(200), "123", None, "B")
    index = CatalogueIndex.build([by_sku, by_barcode])
    assert index.by_code("123") == by_barcode, "a scan is a barcode first, as the store's by_code"
    lower = Item(3, "Gamma", Decimal(300), None, "abc", "A")
    upper = Item(4, "Delta", Decimal(400), "ABC", None, "B")
    index = CatalogueIndex.build([lower, upper])
    assert index.by_code("abc") == lower, "an exact SKU before a barcode in another case"
    assert index.by_code("ABC") == upper


def test_an_exact_code_wins_over_another_items_code_in_another_case() -> None:
    upper = item(1, "Alpha", sku="ABC")  # indexed first (by name)
    lower = item(2, "Beta", barcode="abc")
    for order in ([upper, lower], [lower, upper]):
        index = CatalogueIndex.build(order)
        assert index.by_code("ABC") == upper
        assert index.by_code("abc") == lower
        assert index.by_code("Abc") in (upper, lower)


def test_search_by_name_and_code_best_first() -> None:
    index = CatalogueIndex.build(ITEMS)
    assert [i.name for i in index.search("esp")] == ["Espresso"]
    assert [i.name for i in index.search("the")] == ["Thé glacé"]  # accents aside
    assert [i.name for i in index.search("GLACE")] == ["Thé glacé"]  # a word of the name
    # code exactly, then a name starting with it, then a word, then anywhere
    ranked = CatalogueIndex.build(
        [
            item(1, "Xylophone cake"),
            item(2, "Cake"),
            item(3, "Big cake"),
            item(4, "Pancakes"),
            item(5, "Tea", sku="CAKE"),
        ]
    )
    assert [i.name for i in ranked.search("cake")] == [
        "Tea",
        "Cake",
        "Big cake",  # a word starts with it (by name among these)
        "Xylophone cake",
        "Pancakes",
    ]
    assert [i.name for i in ranked.search("cake", limit=2)] == ["Tea", "Cake"]


def test_every_word_of_a_search_must_match() -> None:
    index = CatalogueIndex.build(ITEMS)
    assert [i.name for i in index.search("pain choc")] == ["Pain au chocolat"]
    assert index.search("pain tea") == []
    assert index.search("   ") == []
    assert index.search("old") == []  # archived


def test_search_finds_part_of_a_code() -> None:
    index = CatalogueIndex.build(ITEMS)
    assert [i.name for i in index.search("301234")] == ["Espresso"]


def test_an_empty_index() -> None:
    index = CatalogueIndex.build([])
    assert len(index) == 0
    assert index.categories == ()
    assert index.by_code("1") is None
    assert index.search("a") == []
    assert CatalogueIndex() == CatalogueIndex.build([])
