"""The non-secret settings of a profile: the :class:`Settings` dataclass and its validation.

Every field is checked (and normalised: strings stripped, the mode upper-cased,
host names lower-cased) when a :class:`Settings` is built, so a bad value never
gets past construction; :func:`settings_from_mapping` reads a decoded
``settings.json`` (unknown keys ignored, a bad value named with its file) and
:func:`replace_settings` changes a copy. Where the settings are stored and how
the environment overrides them is :mod:`hpos.profile.profile`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hpos.hpay.errors import ConfigError
from hpos.util.text import printable

MODES = ("TEST", "PROD")
#: Bounds of the payment expiry (minutes) and of the auto-return delay (seconds, 0 = never).
EXPIRY_MINUTES_RANGE = (1, 1440)
AUTO_RETURN_SECONDS_RANGE = (0, 600)
#: Languages the UI is translated into ("" in settings = follow the system).
LANGUAGES = ("en", "fr")
#: Receipt paper layouts.
RECEIPT_LAYOUTS = ("58mm", "80mm", "A4")
#: ``customer_display`` values that are not a screen name: full screen on a second screen
#: when there is one, none, or a movable window on the cashier's screen.
DISPLAY_AUTO, DISPLAY_OFF, DISPLAY_WINDOW = "auto", "off", "window"
#: Cashiers on a shift: how many names the list holds, how long one name may be.
CASHIERS_MAX, CASHIER_NAME_MAX = 50, 40


@dataclass(frozen=True)
class Settings:
    """Non-secret settings of one profile; validated on construction."""

    api_url: str = ""
    api_key: str = ""
    public_key: str = ""
    mode: str = "TEST"
    shop_name: str = ""
    till_name: str = "TILL1"
    default_product: str = "Sale"
    expiry_minutes: int = 15
    auto_return_seconds: int = 10
    proxy: str | None = None
    checkout_hosts: tuple[str, ...] = ("checkout.hpay.cash",)
    notify_url: str = "https://hpay.cash/third/notify/"
    success_url: str = "https://hpay.cash/third/success/"
    cancel_url: str = "https://hpay.cash/third/cancel/"
    deadline: float = 20.0
    # -- the counter (issue 6) --
    language: str = ""  # "" follows the system locale; else one of LANGUAGES
    customer_display: str = "auto"  # "auto", "off", "window", or a screen name (QScreen.name())
    customer_window: tuple[int, ...] = ()  # the customer window's x, y, width, height; () = unset
    sound_enabled: bool = True
    sound_volume: int = 80  # percent
    receipt_layout: str = "80mm"  # one of RECEIPT_LAYOUTS
    printer_name: str = ""  # the last printer used; "" = the system default
    print_without_dialog: bool = False
    auto_print: bool = False  # print a receipt on every PAID
    # -- the manager (issue 15) --
    #: The manager PIN's salted scrypt hash (hpos.profile.pin), "" = no PIN; never the PIN.
    manager_pin_hash: str = field(default="", repr=False)
    # -- cashiers on a shift (issue 15) --
    cashiers: tuple[str, ...] = ()  # the names a cashier picks from; () = not used
    cashier_on_duty: str = ""  # one of cashiers, remembered until changed; "" = nobody

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            try:
                value = _FIELD_CHECKS[f.name](getattr(self, f.name))
            except _Invalid as exc:
                raise ConfigError(f"Setting '{f.name}' {exc}.") from None
            object.__setattr__(self, f.name, value)
        if self.cashier_on_duty not in self.cashiers:  # removed or renamed: nobody on duty
            object.__setattr__(self, "cashier_on_duty", "")

    def to_json(self) -> dict[str, Any]:
        """The settings as a JSON-ready mapping."""
        data = dataclasses.asdict(self)
        data["checkout_hosts"] = list(self.checkout_hosts)
        data["cashiers"] = list(self.cashiers)
        return data


class _Invalid(ValueError):
    """A field value of the wrong type or shape (the caller names the key and file)."""


class BadSetting(ConfigError):
    """One value of a decoded settings file is unusable: ``key`` and ``reason`` say which and why.

    ``reason`` reads after the key: "must be a whole number of minutes".
    """

    def __init__(self, message: str, *, key: str, reason: str) -> None:
        super().__init__(message)
        self.key = key
        self.reason = reason


def _check_str(value: object) -> str:
    if not isinstance(value, str):
        raise _Invalid("must be a string")
    return value.strip()


def _check_mode(value: object) -> str:
    text = _check_str(value).upper()
    if text not in MODES:
        raise _Invalid("must be TEST or PROD")
    return text


def _check_bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Invalid("must be true or false")
    return value


def _one_of(choices: tuple[str, ...], *, blank: bool = False) -> Callable[[object], str]:
    def check(value: object) -> str:
        text = _check_str(value)
        if text in choices or (blank and not text):
            return text
        raise _Invalid("must be one of " + ", ".join(repr(c) for c in choices))

    return check


def _check_display(value: object) -> str:
    text = _check_str(value)
    if not text:
        raise _Invalid("must be 'auto', 'off' or a screen name")
    return text


def _check_window(value: object) -> tuple[int, ...]:
    """x, y, width, height; anything else is forgotten (the window opens at its first place)."""
    if isinstance(value, str) or not isinstance(value, list | tuple) or len(value) != 4:
        return ()
    numbers = tuple(value)
    if any(isinstance(n, bool) or not isinstance(n, int) for n in numbers) or min(numbers[2:]) <= 0:
        return ()
    return numbers


def _check_pin_hash(value: object) -> str:
    """A hash HPOS wrote, "" (no PIN), or DAMAGED: a PIN that no PIN opens (fail closed)
    until ``hpos configure --reset-pin``; a PIN typed there in the clear is not kept."""
    text = _check_str(value)
    if not text:
        return text
    # here, not at the top: a shop without a PIN never loads the PIN module before the
    # window's first paint (start-up speed)
    from hpos.profile.pin import DAMAGED_PIN_HASH, is_pin_hash

    return text if is_pin_hash(text) else DAMAGED_PIN_HASH


def cashier_name(text: str) -> str:
    """A cashier's name as kept: printable, one line, spaces evened out, at most
    :data:`CASHIER_NAME_MAX` characters (the UI and the CLI clean it like typed text first)."""
    return " ".join(printable(text).split())[:CASHIER_NAME_MAX].strip()


def _check_cashiers(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise _Invalid("must be a list of names")
    names: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise _Invalid("must be a list of names")
        name = cashier_name(item)
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    if len(names) > CASHIERS_MAX:
        raise _Invalid(f"must hold at most {CASHIERS_MAX} names")
    return tuple(names)


def _check_cashier_on_duty(value: object) -> str:
    return cashier_name(_check_str(value))


def _check_proxy(value: object) -> str | None:
    if value is None:
        return None
    return _check_str(value) or None


def _check_hosts(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise _Invalid("must be a list of host names")
    hosts = tuple(_check_str(v).lower() for v in value)
    if not all(hosts):
        raise _Invalid("must not contain an empty host name")
    return hosts


def _int_in(low: int, high: int, unit: str) -> Callable[[object], int]:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid(f"must be a whole number of {unit}")
        if not low <= value <= high:
            raise _Invalid(f"must be between {low} and {high} {unit}")
        return value

    return check


def _check_deadline(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid("must be a number of seconds")
    if not 0 < value <= 600:
        raise _Invalid("must be between 0 and 600 seconds")
    return float(value)


_FIELD_CHECKS: dict[str, Callable[[Any], Any]] = {
    "api_url": _check_str,
    "api_key": _check_str,
    "public_key": _check_str,
    "mode": _check_mode,
    "shop_name": _check_str,
    "till_name": _check_str,
    "default_product": _check_str,
    "expiry_minutes": _int_in(*EXPIRY_MINUTES_RANGE, "minutes"),
    "auto_return_seconds": _int_in(*AUTO_RETURN_SECONDS_RANGE, "seconds"),
    "proxy": _check_proxy,
    "checkout_hosts": _check_hosts,
    "notify_url": _check_str,
    "success_url": _check_str,
    "cancel_url": _check_str,
    "deadline": _check_deadline,
    "language": _one_of(LANGUAGES, blank=True),
    "customer_display": _check_display,
    "customer_window": _check_window,
    "sound_enabled": _check_bool,
    "sound_volume": _int_in(0, 100, "percent"),
    "receipt_layout": _one_of(RECEIPT_LAYOUTS),
    "printer_name": _check_str,
    "print_without_dialog": _check_bool,
    "auto_print": _check_bool,
    "cashiers": _check_cashiers,
    "cashier_on_duty": _check_cashier_on_duty,
    "manager_pin_hash": _check_pin_hash,
}


def settings_from_mapping(data: Mapping[str, Any], source: str) -> Settings:
    """Settings from a decoded JSON object; unknown keys ignored, bad values named."""
    values: dict[str, Any] = {}
    for key, check in _FIELD_CHECKS.items():
        if key in data:
            try:
                values[key] = check(data[key])
            except _Invalid as exc:
                message = f"{source}: setting '{key}' {exc}."
                raise BadSetting(message, key=key, reason=str(exc)) from None
    return Settings(**values)


def replace_settings(settings: Settings, **changes: Any) -> Settings:
    """A copy with ``changes`` applied; a bad value raises ConfigError naming the setting."""
    unknown = sorted(set(changes) - set(_FIELD_CHECKS))
    if unknown:
        raise ConfigError(f"Unknown setting '{unknown[0]}'.")
    return dataclasses.replace(settings, **changes)
