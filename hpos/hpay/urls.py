"""URL rules: the configured base URL, and which checkout links may become a QR code.

A checkout link is shown to a customer who will type card details into the
page it opens, so :class:`CheckoutUrlPolicy` is an allow-list: https, a host
exactly equal to an allowed one, nothing that could disguise the real host.
Plain http is tolerated only on loopback (the embedded sandbox).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import SplitResult, urlsplit

from hpos.hpay.errors import ConfigError, UnsafeCheckoutUrl

__all__ = ["MAX_URL_LENGTH", "CheckoutUrlPolicy", "is_loopback_host", "validate_base_url"]

#: Longest checkout URL we accept (a QR code of that size is already dense).
MAX_URL_LENGTH = 2048
_SHOWN = 80
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def is_loopback_host(host: str) -> bool:
    """True for "localhost", 127.0.0.0/8 and ::1 (brackets allowed)."""
    if not isinstance(host, str):
        return False
    host = host.lower()
    if host == "localhost":
        return True
    address = _ip(host)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address is not None and address.is_loopback


def _ascii_host(host: str) -> str | None:
    """Lower-case ASCII form of a DNS name or IP literal; None when it is not one."""
    host = host.lower()
    address = _ip(host)
    if address is not None:
        return str(address)
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
        # A name IDNA would *map* (ß -> ss, fullwidth dots...) may resolve elsewhere on
        # the phone that scans the QR; only names that round-trip unchanged are safe.
        if not host.isascii() and ascii_host.encode("ascii").decode("idna") != host:
            return None
    except UnicodeError:
        return None
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        return None
    return ascii_host


def _has_bad_chars(text: str) -> bool:
    return any(
        ch == "\\" or ch.isspace() or unicodedata.category(ch).startswith(("C", "Z")) for ch in text
    )


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a malformed port
    except ValueError:
        return None
    return parts


def validate_base_url(url: str) -> str:
    """Return the HPAY base URL normalised (lower-case scheme/host, no trailing slash).

    Raises :class:`ConfigError` unless it is https (http only on loopback) with
    a host and without userinfo, query or fragment.
    """
    if not isinstance(url, str) or not url.strip():
        raise ConfigError("Enter the HPAY server address (https://...).")
    url = url.strip()
    parts = _split(url)
    if parts is None or _has_bad_chars(url):
        raise ConfigError("The HPAY server address is not a valid URL.")
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http"):
        raise ConfigError("The HPAY server address must start with https://.")
    if "@" in parts.netloc:
        raise ConfigError("The HPAY server address must not contain a user name or password.")
    if "?" in url or "#" in url:
        raise ConfigError("The HPAY server address must not contain '?' or '#'.")
    host = _ascii_host(parts.hostname or "")
    if not host:
        raise ConfigError("The HPAY server address has no valid host name.")
    if scheme == "http" and not is_loopback_host(host):
        raise ConfigError("The HPAY server address must use https:// (http only for localhost).")
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}"


def _shorten(url: str) -> str:
    printable = "".join(ch if ch.isprintable() and ch != "\\" else "?" for ch in url[: _SHOWN + 1])
    return printable if len(url) <= _SHOWN else printable[: _SHOWN - 1] + "…"


class CheckoutUrlPolicy:
    """Allow-list for checkout URLs: https and a host exactly in ``allowed_hosts``.

    When a loopback host is allowed (the API is a local sandbox), an allowed host that is
    a private-network IP address may also be reached over http on any port: ``hpos --demo
    --lan``, the local sandbox's checkout page on this machine's LAN address. Real HPAY is
    never on loopback, so a shop's links are held to https and host names.
    """

    def __init__(self, allowed_hosts: Iterable[str]) -> None:
        hosts = set()
        for entry in allowed_hosts:
            host = _ascii_host(entry.strip()) if isinstance(entry, str) else None
            if not host:
                raise ConfigError(f"'{_shorten(str(entry))}' is not a valid checkout host name.")
            hosts.add(host)
        self._hosts = frozenset(hosts)
        self._local_network = any(is_loopback_host(host) for host in hosts)

    @property
    def allowed_hosts(self) -> frozenset[str]:
        """The allowed hosts, lower-case ASCII (IDNA) form."""
        return self._hosts

    def check(self, url: str) -> str:
        """Return ``url`` unchanged if it may be shown; raise :class:`UnsafeCheckoutUrl`."""
        reason = self._problem(url)
        if reason is not None:
            shown = _shorten(url) if isinstance(url, str) else type(url).__name__
            raise UnsafeCheckoutUrl(f"HPOS will not show this checkout link ({reason}): {shown}")
        return url

    def _problem(self, url: object) -> str | None:
        if not isinstance(url, str) or not url:
            return "it is not a link"
        if len(url) > MAX_URL_LENGTH:
            return "it is too long"
        if _has_bad_chars(url):
            return "it contains spaces, control characters or backslashes"
        parts = _split(url)
        if parts is None:
            return "it is malformed"
        scheme = parts.scheme.lower()
        if scheme not in ("https", "http"):
            return "it is not an https link"
        if not url.lower().startswith(f"{scheme}://") or not parts.netloc:
            return "it has no host"
        if "@" in parts.netloc:
            return "it contains a user name"
        host = _ascii_host(parts.hostname or "")
        if not host:
            return "its host name is invalid"
        address = _ip(host)
        local = is_loopback_host(host) or (
            self._local_network and address is not None and address.is_private
        )
        if host not in self._hosts:
            return "its host is not an allowed checkout host"
        if address is not None and not local:
            return "it points to an IP address"
        if scheme == "http" and not local:
            return "it is not an https link"
        if parts.port is not None and not local and parts.port != 443:
            return "it uses an unusual port"
        return None
