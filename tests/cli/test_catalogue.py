"""``hpos catalogue list|import|export`` as a shop runs it: processes on a ``hpos sandbox``
process, what they print and how they exit."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from hpos.cli import catalogue_command
from hpos.cli.args import build_parser
from hpos.cli.exits import CliError
from hpos.sales.catalogue import ItemDraft
from hpos.sales.catalogue_import import read_catalogue_csv
from hpos.sales.journal import Journal
from tests.helpers.cli import PY, TIMEOUT, Sandbox

GOOD = (
    "nom;prix;catégorie;code-barres;référence;couleur\n"
    "Café;1 500;Boissons;3012345678901;CAF;bleu\n"
    "Croissant;800;Boulangerie;;CRO;\n"
    "Eau;500;;;;\n"
)


def write(tmp_path: Path, text: str, name: str = "items.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_an_empty_catalogue_says_how_to_fill_it(cli_sandbox: Sandbox) -> None:
    result = cli_sandbox.hpos("catalogue", "list")
    assert result.returncode == 0
    assert "The catalogue is empty" in result.stdout
    assert "hpos catalogue import FILE" in result.stdout
    assert json.loads(cli_sandbox.hpos("catalogue", "list", "--json").stdout) == []


def test_import_a_good_file_then_list_it(cli_sandbox: Sandbox, tmp_path: Path) -> None:
    result = cli_sandbox.hpos("catalogue", "import", write(tmp_path, GOOD, encoding="cp1252"))
    assert (result.returncode, result.stderr) == (0, "")
    assert "Imported" in result.stdout
    assert "Added:      3" in result.stdout
    assert "Rejected:   0" in result.stdout
    listed = cli_sandbox.hpos("catalogue", "list")
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["NAME", "PRICE", "CATEGORY", "BARCODE", "SKU"]
    assert lines[1].split() == ["Café", "1,500", "XOF", "Boissons", "3012345678901", "CAF"]
    assert lines[2].split() == ["Croissant", "800", "XOF", "Boulangerie", "-", "CRO"]
    assert lines[3].split() == ["Eau", "500", "XOF", "-", "-", "-"]  # no category: last
    assert lines[4] == "3 items."


def test_import_with_bad_lines_reports_each_and_exits_8(
    cli_sandbox: Sandbox, tmp_path: Path
) -> None:
    text = "name,price,barcode\nCoffee,1500,111\nJuice,12.5,\nTea,1000,111\n,300,\nWater,500,\n"
    result = cli_sandbox.hpos("catalogue", "import", write(tmp_path, text))
    assert result.returncode == 8, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "Added:      2" in out
    assert "Rejected:   3" in out
    assert (
        "line 3: the price '12.5': XOF has no decimals: type whole francs.\n    Juice,12.5,\n"
        in out
    )
    assert "line 4: the barcode 111 is already on line 2.\n" in out
    assert "line 5: the item has no name.\n" in out
    assert "3 lines were rejected; the others were imported." in out
    listed = json.loads(cli_sandbox.hpos("catalogue", "list", "--json").stdout)
    assert [(i["name"], i["price"], i["currency"]) for i in listed] == [
        ("Coffee", "1500", "XOF"),
        ("Water", "500", "XOF"),
    ]


def test_a_dry_run_writes_nothing(cli_sandbox: Sandbox, tmp_path: Path) -> None:
    result = cli_sandbox.hpos("catalogue", "import", write(tmp_path, GOOD), "--dry-run")
    assert result.returncode == 0
    assert "nothing written" in result.stdout
    assert "Added:      3" in result.stdout
    assert "The catalogue is empty" in cli_sandbox.hpos("catalogue", "list").stdout


def test_a_dry_run_says_what_each_line_would_write(cli_sandbox: Sandbox, tmp_path: Path) -> None:
    """Tried on the demo: a line with an item's barcode and another name would rename that
    item, and the dry run only said 'Updated: 1'."""
    cli_sandbox.hpos("catalogue", "import", write(tmp_path, GOOD))
    change = (
        "nom;prix;code-barres;référence;archivé\n"
        "Eau minérale;1 400;3012345678901;CAF;non\n"
        "Croissant;800;;CRO;oui\n"
        "Tarte;1500;;TAR;non\n"
        "Thé;12,5;;;non\n"
    )
    result = cli_sandbox.hpos("catalogue", "import", write(tmp_path, change, "c.csv"), "--dry-run")
    assert result.returncode == 8
    lines = result.stdout.splitlines()
    start = lines.index("Would write:")
    assert lines[start + 1 : start + 5] == [
        "line 2: Café: name Café -> Eau minérale, price 1,500 -> 1,400 XOF",
        "line 3: Croissant: archived",
        "line 4: new item Tarte: 1,500 XOF, SKU TAR",
        "Rejected lines:",
    ]
    assert lines[start + 5] == "line 5: the price '12,5': XOF has no decimals: type whole francs."
    assert "Café" in cli_sandbox.hpos("catalogue", "list").stdout, "nothing written"
    real = cli_sandbox.hpos("catalogue", "import", str(tmp_path / "c.csv"))
    assert "Would write:" not in real.stdout


def test_a_file_that_is_no_catalogue_is_refused_with_exit_2(
    cli_sandbox: Sandbox, tmp_path: Path
) -> None:
    result = cli_sandbox.hpos("catalogue", "import", write(tmp_path, "name,price,size\nA,1,L\n"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("hpos: error: ")
    assert "Unknown column 'size' in the header row" in result.stderr
    assert result.stderr.rstrip().endswith("Nothing imported.")
    missing = cli_sandbox.hpos("catalogue", "import", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2
    assert "Cannot read" in missing.stderr
    assert "The catalogue is empty" in cli_sandbox.hpos("catalogue", "list").stdout


def test_import_again_updates_archives_and_is_then_unchanged(
    cli_sandbox: Sandbox, tmp_path: Path
) -> None:
    cli_sandbox.hpos("catalogue", "import", write(tmp_path, GOOD))
    change = "name,price,sku,archived\nCafé,1700,CAF,non\nCroissant,800,CRO,oui\n"
    result = cli_sandbox.hpos("catalogue", "import", write(tmp_path, change, "change.csv"))
    assert result.returncode == 0, result.stdout
    assert "Updated:    1" in result.stdout
    assert "Archived:   1" in result.stdout
    listed = cli_sandbox.hpos("catalogue", "list").stdout
    assert "Croissant" not in listed
    assert "1,700 XOF" in listed
    everything = cli_sandbox.hpos("catalogue", "list", "--archived").stdout
    croissant = next(line for line in everything.splitlines() if "Croissant" in line)
    assert croissant.rstrip().endswith("archived")
    assert everything.splitlines()[-1] == "2 items, 1 archived."
    again = cli_sandbox.hpos("catalogue", "import", str(tmp_path / "change.csv"))
    assert "Unchanged:  2" in again.stdout


def test_export_then_import_elsewhere_gives_the_same_catalogue(
    cli_sandbox: Sandbox, tmp_path: Path
) -> None:
    text = GOOD + "=1+1;100;Formules;;;\n"
    cli_sandbox.hpos("catalogue", "import", write(tmp_path, text))
    exported = tmp_path / "export.csv"
    result = cli_sandbox.hpos("catalogue", "export", str(exported))
    assert result.returncode == 0
    assert result.stdout == f"Exported 4 items to {exported}.\n"
    data = exported.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfname,price,category,barcode,sku,colour,archived\r\n")
    assert "'=1+1,100,Formules,,,,no" in data.decode("utf-8-sig")
    to_stdout = cli_sandbox.hpos("catalogue", "export")
    assert to_stdout.stdout.encode() == data.decode("utf-8").replace("\r\n", "\n").encode()
    other = {**cli_sandbox.env, "HPOS_CONFIG_DIR": str(tmp_path / "other-till")}
    imported = cli_sandbox.hpos("catalogue", "import", str(exported), **other)
    assert imported.returncode == 0
    assert "Added:      4" in imported.stdout
    mine = json.loads(cli_sandbox.hpos("catalogue", "list", "--json").stdout)
    theirs = json.loads(cli_sandbox.hpos("catalogue", "list", "--json", **other).stdout)
    assert [{**i, "id": 0} for i in theirs] == [{**i, "id": 0} for i in mine]
    assert any(i["name"] == "=1+1" for i in theirs)


def test_export_lists_the_items_as_the_list_does(cli_sandbox: Sandbox, tmp_path: Path) -> None:
    """Tried on the demo: the export began with the one item without a category, which
    the list, the quick keys and the window's export show last."""
    cli_sandbox.hpos("catalogue", "import", write(tmp_path, GOOD + "Baguette;200;Boulangerie;;;\n"))
    listed = [i["name"] for i in json.loads(cli_sandbox.hpos("catalogue", "list", "--json").stdout)]
    assert listed == ["Café", "Baguette", "Croissant", "Eau"]
    exported = cli_sandbox.hpos("catalogue", "export").stdout.lstrip("\ufeff").splitlines()
    assert [line.split(",")[0] for line in exported[1:]] == listed


def test_the_first_import_needs_the_accounts_currency(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HPOS_", "PYTHON_KEYRING"))}
    env["HPOS_CONFIG_DIR"] = str(tmp_path / "profile")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    result = subprocess.run(
        [PY, "-m", "hpos", "catalogue", "import", write(tmp_path, GOOD)],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert "its prices take the account's currency" in result.stderr
    assert "HPOS is not set up for HPAY" in result.stderr
    assert "Nothing imported." in result.stderr


def test_exit_8_is_documented() -> None:
    assert "\n    8  catalogue import: some lines were rejected" in build_parser().format_help()


def test_an_item_removed_while_the_file_was_read_imports_nothing_and_says_so(
    journal: Journal,
) -> None:
    store = journal.catalogue
    coffee = store.add(ItemDraft("Coffee", "500", barcode="111"), "XOF")
    plan = read_catalogue_csv(
        b"name,price,barcode\nCoffee,600,111\nTea,300,222\n", "XOF", store.items(archived=True)
    )
    assert (plan.added, plan.updated) == (1, 1)
    store.remove(coffee.id)  # another window, between the plan and its writing
    with pytest.raises(CliError) as caught:
        catalogue_command._apply(store, plan, "XOF")
    assert caught.value.code == 2
    assert str(caught.value) == (
        "An item the file changes was removed while the file was read; nothing imported:"
        " run the import again."
    )
    assert store.items() == [], "Tea was not written either"
