"""``hpos configure --pin`` and ``hpos configure --reset-pin``: the manager PIN from the terminal.

The terminal is the owner's way in: whoever can run ``hpos`` in the shop's OS account
can set a new PIN or remove a forgotten one, and the window has no other way out (no
back door there). ``--pin`` asks for the PIN twice without echo (it never goes on the
command line, in a file or in the log: only its salted hash is saved, in
``settings.json``); ``--reset-pin`` removes it. Either one also forgets the wrong PINs
and any lockout. Neither takes other options: the rest of ``configure`` is unchanged.
"""

from __future__ import annotations

import argparse
import getpass
from typing import TYPE_CHECKING

from hpos.cli.exits import EXIT_OK, EXIT_USAGE, CliError
from hpos.profile.pin import PinRefused, attempts_path, clear_attempts, hash_pin, validate_pin

if TYPE_CHECKING:
    from hpos.cli.commands import Context

__all__ = ["cmd_configure_pin", "wants_pin_command"]

#: ``configure`` options that go with neither --pin nor --reset-pin.
_OTHER_OPTIONS = ("api_url", "api_key", "public_key", "mode", "till_name", "product")


def wants_pin_command(args: argparse.Namespace) -> bool:
    """True when ``hpos configure`` was given --pin or --reset-pin."""
    return bool(getattr(args, "pin", False) or getattr(args, "reset_pin", False))


def _ask_new_pin(ctx: Context) -> str:
    """The new PIN, typed twice on the terminal without echo; PinRefused when unusable."""
    if not getattr(ctx.stdin, "isatty", lambda: False)():
        raise CliError(
            "--pin asks for the PIN on a terminal (typed twice, not shown); "
            "run it in a terminal window.",
            EXIT_USAGE,
        )
    pin = validate_pin(getpass.getpass("New manager PIN (4 to 8 digits, not shown): ").strip())
    again = getpass.getpass("Type the same PIN again: ").strip()
    if again != pin:
        raise PinRefused("The two PINs differ; nothing was saved.")
    return pin


def cmd_configure_pin(args: argparse.Namespace, ctx: Context) -> int:
    """Set (--pin) or remove (--reset-pin) the manager PIN of the profile."""
    given = [name for name in _OTHER_OPTIONS if getattr(args, name, None) is not None]
    if given or args.secret_stdin:
        which = "--pin" if args.pin else "--reset-pin"
        raise CliError(
            f"{which} goes alone: run `hpos configure` again for the other settings.", EXIT_USAGE
        )
    profile, say = ctx.profile, ctx.say
    had_pin = bool(profile.settings.manager_pin_hash)
    if args.pin:
        pin_hash = hash_pin(_ask_new_pin(ctx))
        profile.update(manager_pin_hash=pin_hash)
        clear_attempts(attempts_path(profile.config_dir))
        say(f"Manager PIN {'changed' if had_pin else 'set'} (saved as a salted hash only).")
        say("The window asks for it before Settings, the TEST/PROD switch and the Owner menu.")
        return EXIT_OK
    if had_pin:
        profile.update(manager_pin_hash="")
    clear_attempts(attempts_path(profile.config_dir))
    if had_pin:
        say("Manager PIN removed: Settings open without a PIN until a new one is set.")
    else:
        say("No manager PIN was set; nothing to remove.")
    say("Set a new PIN in the window's Settings or with `hpos configure --pin`.")
    return EXIT_OK
