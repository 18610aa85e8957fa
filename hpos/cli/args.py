"""Argument parsing of ``hpos``: ``build_parser`` and the typed converters it uses
(``parse_amount``, ``iso_date``, ``positive_number``, ``positive_int``, ``port_number``).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hpos import __version__
from hpos.cli.exits import EXIT_CODES
from hpos.sales.typed_amount import check_typed

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_amount(text: str, currency: str) -> Decimal:
    """The amount typed by the cashier, exact in ``currency``'s decimals: "14900", "12,50".

    The same rule as the window's keypad (:mod:`hpos.sales.typed_amount`): raises
    :class:`~hpos.sales.typed_amount.AmountRefused` (an InvalidAmount, exit 2) with the
    sentence saying why, e.g. "XOF has no decimals: type whole francs.".
    """
    return check_typed(text, currency)


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD dates."""
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-11-08") from None


def _number(cast: Callable[[str], Any], low: float, high: float, what: str) -> Callable[[str], Any]:
    """An argparse type: ``cast(text)`` within [low, high], else a usage error naming ``what``."""

    def convert(text: str) -> Any:
        try:
            value = cast(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}")
        return value

    convert.__name__ = what  # argparse names the type in its messages
    return convert


positive_number = _number(float, 0.001, 10**7, "a positive number of seconds")
positive_int = _number(int, 1, 10**9, "a whole number of 1 or more")
port_number = _number(int, 0, 65535, "a port number (0-65535)")


# -- the parser ---------------------------------------------------------------------


def _epilog() -> str:
    codes = "\n".join(f"  {code:>3}  {text}" for code, text in EXIT_CODES.items())
    return (
        "environment: HPOS_API_URL, HPOS_API_KEY, HPOS_PUBLIC_KEY, HPOS_SECRET_KEY and\n"
        "HPOS_MODE override the saved settings; HPOS_CONFIG_DIR selects the profile.\n\n"
        f"exit codes:\n{codes}"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``hpos`` and its commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config-dir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="profile directory (default: HPOS_CONFIG_DIR or the user config dir)",
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="debug log on stderr",
    )
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="hpos",
        description="HPOS point of sale: card payments through HPAY, from the command line.",
        epilog=_epilog(),
        formatter_class=fmt,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"hpos {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on the built-in HPAY sandbox (separate demo profile)",
    )
    parser.add_argument(
        "--no-window",
        action="store_true",
        help="with --demo: take one demo sale in the terminal instead of the window",
    )
    parser.add_argument(
        "--lan",
        action="store_true",
        help="with --demo: a phone on this computer's network can open the checkout page"
        " (without it the checkout link works on this computer only)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "fr"),
        help="the window's language for this run (default: the setting, else the system's)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen (modules, Qt, sandbox payment, keyring) and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str, epilog: str | None = None) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=epilog,
            parents=[common],
            formatter_class=fmt,
        )

    p = add("sandbox", "run the local HPAY emulator with demo credentials")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=port_number, default=0, help="port (default 0: a free port)")
    p.add_argument("--state", type=Path, metavar="FILE", help="keep payments in FILE across runs")
    p.add_argument("--token-ttl", type=positive_number, metavar="SECONDS", help="token lifetime")

    p = add(
        "configure",
        "save the HPAY settings of this profile",
        "The secret key is asked on the terminal (or read from stdin with --secret-stdin)\n"
        "and kept in the system keyring; it never goes on the command line or in a file.",
    )
    p.add_argument("--api-url", help="HPAY base URL, e.g. https://api.example.com")
    p.add_argument("--api-key", help="HPAY API key")
    p.add_argument("--public-key", help="HPAY public key")
    p.add_argument("--mode", type=str.upper, choices=("TEST", "PROD"), help="TEST or PROD")
    p.add_argument("--till-name", help="name of this till")
    p.add_argument("--product", help="default product name of a charge")
    p.add_argument("--secret-stdin", action="store_true", help="read the secret key from stdin")
    pin = p.add_mutually_exclusive_group()
    pin.add_argument(
        "--pin",
        action="store_true",
        help="set the manager PIN the window asks before Settings (typed twice, not shown)",
    )
    pin.add_argument(
        "--reset-pin",
        action="store_true",
        help="remove the manager PIN (a forgotten one): Settings open without it",
    )

    add("check", "get a token: shows company, mode, currency and balances")

    p = add(
        "charge",
        "start a sale: write it to the journal, ask HPAY for a checkout link",
        "With --wait, the payment watcher follows the sale until it is paid, failed, or\n"
        "the timeout runs out (exit code 6: still unpaid; it may be paid later and\n"
        "`hpos resume` or `hpos status SALE` will see it).",
    )
    p.add_argument(
        "amount",
        metavar="AMOUNT",
        nargs="?",
        help='amount in the account currency: "14900", "12.50" (with --item: a "Misc." line)',
    )
    p.add_argument(
        "--item",
        action="append",
        metavar="CODE[xN]",
        help="a catalogue item by barcode or SKU, N of them (COF, COFx2); repeat for a cart"
        " charged as one payment (product name and description made from its lines)",
    )
    p.add_argument(
        "--product", help="product name (default: the configured one; with --item: the cart's)"
    )
    p.add_argument(
        "--description", help="description shown to the customer (with --item: after the items)"
    )
    p.add_argument(
        "--cashier",
        metavar="NAME",
        help="who serves: one of the profile's cashiers (default: the cashier on duty)",
    )
    p.add_argument("--qr", action="store_true", help="draw the checkout QR code in the terminal")
    p.add_argument("--wait", action="store_true", help="wait until the payment is PAID")
    p.add_argument(
        "--timeout", type=positive_number, default=900.0, metavar="SECONDS", help="for --wait (900)"
    )

    p = add(
        "status",
        "one sale of this till, or any HPAY payment (exit code 3: unknown)",
        "An open sale is checked with HPAY first. When HPAY cannot be asked, the sale is\n"
        'printed with its state marked "last known, not refreshed: <reason>" and the\n'
        "exit code is 4.",
    )
    p.add_argument(
        "key",
        metavar="SALE|TXID",
        help="sale number (TILL1-000042), sale reference (HPOS-...) or transaction id",
    )

    p = add("resume", "follow the sales an earlier run left open until HPAY settles them")
    p.add_argument(
        "--timeout", type=positive_number, default=900.0, metavar="SECONDS", help="(900)"
    )

    p = add("report", "the day report of this till, checked against HPAY's history")
    p.add_argument(
        "--date", "--day", type=iso_date, metavar="YYYY-MM-DD", help="day (default: today)"
    )
    p.add_argument("--to", type=iso_date, metavar="YYYY-MM-DD", help="last day of a range")
    p.add_argument("--mode", type=str.upper, choices=("TEST", "PROD"), help="default: profile's")
    p.add_argument("--format", choices=("table", "text", "csv", "json"), default="table")
    p.add_argument(
        "--all-tills",
        action="store_true",
        help="every till of the account on that day, from HPAY's history (by sale reference)",
    )
    p.add_argument(
        "--close",
        action="store_true",
        help="close this till's business day: print it, then record the closing in the journal"
        " (not recorded when HPAY cannot be reached: exit 4)",
    )
    p.add_argument("--by", metavar="NAME", help="with --close: who closes (default: manager)")

    p = add("sales", "this till's sales of one day, from the local journal")
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="day (default: today)")

    p = add(
        "journal",
        "where this till's journal is, its id, its sales and any notice about it",
        "A journal found missing, emptied, replaced by another or restored from an older\n"
        'copy is said on every command that opens it (one "hpos: warning:" line on\n'
        "stderr) until a person has read it: `hpos journal --acknowledge`.",
    )
    p.add_argument(
        "--acknowledge", action="store_true", help="I have read the notice: stop repeating it"
    )

    add("balance", "show the account balances")

    p = add("history", "list payments, newest first")
    p.add_argument("--status", type=str.upper, choices=("PAID", "UNPAID"), help="PAID or UNPAID")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD")
    p.add_argument(
        "--limit", type=positive_int, default=50, metavar="N", help="at most N rows (50)"
    )
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (default), csv (text cells starting with = + - @ get a ' prefix) or json",
    )
    _add_catalogue(add, common)
    return parser


def _add_catalogue(
    add: Callable[[str, str, str | None], argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """``hpos catalogue list|import|export`` (run by :mod:`hpos.cli.catalogue_command`)."""
    p = add(
        "catalogue",
        "the shop's items: list them, import or export them as CSV",
        "A catalogue file is CSV with a header row: name and price are required;\n"
        "category, barcode, sku, colour and archived are optional (French names work\n"
        "too: nom, prix, catégorie, code-barres, référence, couleur, archivé), cells\n"
        "separated by ',' or ';'. Lines are matched to items by barcode, else SKU, else\n"
        "name and category: a match is updated, anything else added. A column left out\n"
        "keeps the items' values.\n\n"
        "import exits 0 when every line went in, 8 when some lines were rejected (the\n"
        "others were imported), 2 when the file is refused as a whole (nothing imported).",
    )
    sub = p.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=[common])

    listing = action("list", "the items (archived ones with --archived)")
    listing.add_argument("--archived", action="store_true", help="archived items too (marked)")
    listing.add_argument("--json", action="store_true", help="as JSON (prices as exact strings)")
    imp = action("import", "add and update items from a CSV file, print what was done")
    imp.add_argument("file", type=Path, metavar="FILE", help="the CSV file")
    imp.add_argument(
        "--dry-run", action="store_true", help="say what the import would do, write nothing"
    )
    exp = action("export", "every item (archived ones too) as CSV, UTF-8 with a byte-order mark")
    exp.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="the file to write (default -: stdout)"
    )
