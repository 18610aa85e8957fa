"""The payment return pages (notify, success, cancel URLs) and HPAY's example addresses.

HPAY's documentation shows ``https://hpay.cash/third/notify/``, ``.../success/``
and ``.../cancel/`` in its ``/payment/`` example and says each merchant must
replace them with its own: after paying, the customer's phone opens the success
URL. HPOS ships them as defaults (the demo and TEST mode use them: HPOS itself
never needs them, it polls HPAY for the outcome), so in PROD a till still on
them sends its customers to HPAY's example page.

:func:`is_example_url` is the one rule deciding "is an example address";
:func:`example_return_pages` applies it to a profile's settings. The settings
dialog, ``hpos check`` and the main window's status bar all use them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from hpos.profile.settings import Settings

#: The settings fields holding the payment return pages, in the order they are shown.
RETURN_PAGE_FIELDS = ("notify_url", "success_url", "cancel_url")
#: Hosts of HPAY's documentation examples (a merchant's own page is never on them).
EXAMPLE_HOSTS = frozenset({"hpay.cash", "www.hpay.cash"})
#: The path under which HPAY's documentation shows its example return pages.
EXAMPLE_PATH = "/third"


def is_example_url(url: str) -> bool:
    """True when ``url`` is one of HPAY's documentation example pages (``https://hpay.cash/third/...``).

    Host names compare without case, with or without ``www.``; a trailing slash,
    query or fragment changes nothing. An empty or unparsable text is not an example.
    """
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return False
    path = parts.path.lower()
    return host in EXAMPLE_HOSTS and (path == EXAMPLE_PATH or path.startswith(EXAMPLE_PATH + "/"))


def example_return_pages(settings: Settings) -> tuple[str, ...]:
    """The return-page fields (see :data:`RETURN_PAGE_FIELDS`) still on an example, in PROD.

    Empty in TEST mode: the demo and test payments use HPAY's examples on purpose.
    """
    if settings.mode != "PROD":
        return ()
    return tuple(key for key in RETURN_PAGE_FIELDS if is_example_url(getattr(settings, key)))
