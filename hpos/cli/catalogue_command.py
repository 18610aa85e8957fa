"""``hpos catalogue list|import|export``: the shop's items from the command line.

- ``list [--archived] [--json]``: the items as a table (name, price, category, barcode,
  SKU; archived ones marked) or JSON (prices as exact strings).
- ``import FILE [--dry-run]``: reads a CSV (:mod:`hpos.sales.catalogue_import`), prints
  what was added, updated, left unchanged, archived and restored, and each rejected
  line with why. Exit 0 when every line went in, :data:`~hpos.cli.exits.EXIT_REJECTED_LINES`
  when some lines were rejected and the others imported, 2 when the file is refused
  as a whole (nothing imported). ``--dry-run`` says the same and writes nothing.
- ``export [FILE|-]``: the whole catalogue (archived items too) as CSV, UTF-8 with a
  byte-order mark so that a spreadsheet reads accents right; ``-`` (the default) is stdout.

Prices are in the catalogue's currency, recorded with its first item; an import into
an empty catalogue takes the account's (a token from HPAY, as ``hpos check`` gets it).
The catalogue lives in the journal file; these commands open it without the profile
lock (SQLite keeps each write whole), so a window open on the same profile shows an
import once its catalogue is loaded again.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from hpos.cli import output
from hpos.cli.catalogue_changes import changes_lines
from hpos.cli.commands import Context
from hpos.cli.exits import EXIT_OK, EXIT_REJECTED_LINES, EXIT_USAGE, CliError
from hpos.cli.sales_common import open_journal, reason
from hpos.hpay.errors import ConfigError, HpayError
from hpos.hpay.money import amount_text
from hpos.sales.catalogue import Item, ItemRefused, tile_order
from hpos.sales.catalogue_csv import CatalogueFileRefused, write_catalogue_csv
from hpos.sales.catalogue_import import ImportPlan, apply_plan, read_catalogue_csv
from hpos.sales.catalogue_store import CatalogueStore
from hpos.util.atomic import write_atomic


def cmd_catalogue(args: argparse.Namespace, ctx: Context) -> int:
    """``hpos catalogue ACTION``."""
    action = {"list": _list, "import": _import, "export": _export}[args.catalogue_command]
    return action(args, ctx)


# -- list -------------------------------------------------------------------------------


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with open_journal(ctx) as journal:
        store = journal.catalogue
        items = sorted(store.items(archived=args.archived), key=tile_order)
        currency = store.currency or ""
    if args.json:
        ctx.say(json.dumps([_record(i, currency) for i in items], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not items:
        ctx.say(
            "The catalogue is empty: add items in the window (Catalogue) or with"
            " `hpos catalogue import FILE`."
        )
        return EXIT_OK
    headers = ["NAME", "PRICE", "CATEGORY", "BARCODE", "SKU"]
    rows = [
        [
            i.name,
            output.money_text(i.price, currency, grouped=True),
            i.category or "-",
            i.barcode or "-",
            i.sku or "-",
        ]
        + (["archived" if i.archived else ""] if args.archived else [])
        for i in items
    ]
    if args.archived:
        headers.append("")
    ctx.say(output.table(headers, rows, right=(1,)))
    active = sum(not i.archived for i in items)
    count = f"{active} item{'s' if active != 1 else ''}"
    if args.archived:
        count += f", {len(items) - active} archived"
    ctx.say(count + ".")
    return EXIT_OK


def _record(item: Item, currency: str) -> dict[str, object]:
    return {
        "id": item.id,
        "name": item.name,
        "price": amount_text(item.price, currency) if currency else format(item.price, "f"),
        "currency": currency or None,
        "category": item.category,
        "barcode": item.barcode,
        "sku": item.sku,
        "colour": item.colour or None,
        "archived": item.archived,
    }


# -- import -----------------------------------------------------------------------------


def _import(args: argparse.Namespace, ctx: Context) -> int:
    path: Path = args.file
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(
            f"Cannot read {path}: {exc.strerror or exc}. Nothing imported.", EXIT_USAGE
        ) from None
    with open_journal(ctx) as journal:
        store = journal.catalogue
        currency = store.currency or _account_currency(ctx)
        existing = store.items(archived=True)
        try:
            plan = read_catalogue_csv(data, currency, existing)
        except CatalogueFileRefused as exc:
            raise CliError(f"{path}: {exc} Nothing imported.", EXIT_USAGE) from None
        if not args.dry_run:
            _apply(store, plan, currency)
    # a dry run is the preview: it says what each line would write
    changes = changes_lines(plan, {i.id: i for i in existing}, currency) if args.dry_run else []
    ctx.say(_report(path, plan, dry_run=args.dry_run, changes=changes))
    return EXIT_REJECTED_LINES if plan.rejected else EXIT_OK


def _account_currency(ctx: Context) -> str:
    """The account's currency, for a catalogue that has none yet (asks HPAY for a token)."""
    try:
        with ctx.client() as client:
            return str(client.token().currency)
    except ConfigError as exc:
        raise CliError(
            "The catalogue has no items yet, so its prices take the account's currency,"
            f" and HPAY cannot be asked for it: {reason(exc)}. Nothing imported.",
            EXIT_USAGE,
        ) from None
    except HpayError as exc:
        raise CliError(
            "The catalogue has no items yet, so its prices take the account's currency,"
            f" and HPAY could not tell it: {reason(exc)}. Nothing imported; try again.",
            EXIT_USAGE,
        ) from None


def _apply(store: CatalogueStore, plan: ImportPlan, currency: str) -> None:
    try:
        apply_plan(store, plan, currency)
    except ItemRefused as exc:  # the catalogue changed while the file was read
        raise CliError(
            f"{exc} The catalogue changed while the file was read; nothing imported: run the"
            " import again.",
            EXIT_USAGE,
        ) from None
    except KeyError:  # an item the file updates was removed meanwhile (another window)
        raise CliError(
            "An item the file changes was removed while the file was read; nothing imported:"
            " run the import again.",
            EXIT_USAGE,
        ) from None


def _report(path: Path, plan: ImportPlan, *, dry_run: bool, changes: list[str]) -> str:
    lines = [
        f"Dry run of {path}: nothing written. Importing it would give:"
        if dry_run
        else f"Imported {path}:"
    ]
    counts = [
        ("Added", plan.added),
        ("Updated", plan.updated),
        ("Unchanged", plan.unchanged),
        ("Archived", plan.archived),
        ("Restored", plan.restored),
        ("Rejected", len(plan.rejected)),
    ]
    lines.append(output.key_values((f"  {label}", count) for label, count in counts))
    if changes:
        lines += ["Would write:", *changes]
    if plan.rejected:
        lines.append("Rejected lines:")
    for rejected in plan.rejected:
        message = rejected.message[:1].lower() + rejected.message[1:]
        lines.append(f"line {rejected.line}: {output.clean(message)}")
        lines.append(f"    {output.clean(rejected.text)}")
    if plan.rejected:
        lines.append(
            f"{len(plan.rejected)} line{'s were' if len(plan.rejected) > 1 else ' was'}"
            f" rejected{'' if dry_run else '; the others were imported'}. Fix"
            f" {'them' if len(plan.rejected) > 1 else 'it'} and import the file again: lines"
            " already in are matched, not added twice."
        )
    return "\n".join(lines)


# -- export -----------------------------------------------------------------------------


def _export(args: argparse.Namespace, ctx: Context) -> int:
    with open_journal(ctx) as journal:
        store = journal.catalogue
        items = sorted(store.items(archived=True), key=tile_order)  # as listed
        data = write_catalogue_csv(items, store.currency)
    if args.file == "-":
        stream = getattr(ctx.out, "buffer", None)
        ctx.out.flush()
        if stream is None:
            ctx.out.write(data.decode("utf-8"))
        else:  # the very bytes a file would get (a redirect makes the same file)
            stream.write(data)
            stream.flush()
        ctx.out.flush()
        return EXIT_OK
    path = Path(args.file)
    try:
        write_atomic(path, data, mode=None)
    except OSError as exc:
        raise CliError(f"Cannot write {path}: {exc.strerror or exc}.", EXIT_USAGE) from None
    ctx.say(f"Exported {len(items)} item{'s' if len(items) != 1 else ''} to {path}.")
    return EXIT_OK
