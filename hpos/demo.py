"""The demo: the built-in HPAY sandbox and a separate profile pointed at it.

:func:`start_demo` starts the sandbox on a free loopback port, with its state and
journal in a separate demo profile and the public demo keys kept in memory only:
the shop's real profile and keyring are never touched. Used by ``hpos --demo``
(:mod:`hpos.ui.app`) and the welcome panel's "Try the demo" (the main window).

The pieces are here for every other user of the demo account too: the terminal's
demo (:mod:`hpos.cli.demo`: :func:`start_demo_sandbox`, :func:`demo_client_config`),
the self-test's sandbox payment and the benchmarks (:func:`use_demo_account` points
any profile at a sandbox).

The demo's shop sells something: :func:`seed_demo_catalogue` fills its empty catalogue
from ``hpos/resources/demo/catalogue.csv`` (a café of two dozen items, with barcodes on
the packaged ones) when the window opens its journal.

With ``--lan`` (:func:`find_lan_address`) the sandbox's checkout page also listens on this
machine's local-network address and the checkout links point there, so a phone on the
same network can open the demo's QR; the API and the sandbox's control stay on loopback.

The sandbox asks for the ports it had last time (:data:`SANDBOX_PORTS`, in the demo's data
folder), so the checkout links of sales left waiting when the demo closed still open after
a restart. When a port is taken it takes a free one: :class:`MovedLinks` then says how many
waiting sales' QR codes point where nothing listens any more (logged, and shown by the
window's demo bar and the terminal's demo).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import platformdirs

from hpos.hpay.errors import ConfigError
from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, Settings
from hpos.util.atomic import write_atomic
from hpos.util.private import private_folder

if TYPE_CHECKING:
    from hpos.hpay.client import ClientConfig
    from hpos.sales.journal import Journal
    from hpos.sandbox.server import SandboxServer

#: The sandbox's state file in the demo profile's data folder (payments kept across runs).
SANDBOX_STATE = "sandbox-state.json"
#: The ports the demo's sandbox listened on last time and where its checkout links pointed.
SANDBOX_PORTS = "sandbox-ports.json"
#: Addresses a UDP socket is "connected" to (nothing is sent) to learn the LAN interface.
_PROBES = ("10.255.255.255", "172.31.255.255", "192.168.255.255")

log = logging.getLogger("hpos.demo")


@dataclass(frozen=True)
class MovedLinks:
    """The checkout page is no longer where it was last time (a port was taken, or ``--lan``
    changed): the QR codes of the sales made before point to ``old_url``."""

    old_url: str
    new_url: str
    #: Sales still waiting for payment (unpaid, not cancelled, not expired) whose QR no
    #: longer opens; "Simulate customer payment" still pays them.
    waiting: int


@dataclass
class Demo:
    """The sandbox of a demo session and its profile."""

    server: SandboxServer
    profile: Profile
    #: Set when waiting sales' QR codes no longer open (see :class:`MovedLinks`).
    moved: MovedLinks | None = None

    @property
    def lan_url(self) -> str | None:
        """Where phones on the local network reach the checkout page (``--lan``), else None."""
        return self.server.lan_url


def find_lan_address() -> str:
    """This machine's private IPv4 address on the local network, found without internet.

    A UDP socket "connected" to a private address (no packet is sent) shows which
    address the system would use; else the host name's addresses. ConfigError when
    there is none (no network, or only loopback).
    """
    found: list[str] = []
    for probe in _PROBES:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            try:
                sock.connect((probe, 9))
                found.append(str(sock.getsockname()[0]))
            except OSError:
                continue
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        found.extend(str(info[4][0]) for info in infos)
    except OSError:
        pass
    for text in found:
        address = ipaddress.ip_address(text)
        if address.is_private and not (address.is_loopback or address.is_unspecified):
            return text
    raise ConfigError(
        "--lan: this computer has no local network address (it is on no network, or on"
        " loopback only). Connect it to the shop's network, or run the demo without --lan:"
        " its checkout link then works on this computer only."
    )


def demo_config_dir(env: Mapping[str, str], config_dir: Path | None = None) -> Path:
    """The demo profile: ``<dir>/demo`` for an explicit profile dir, else its own platform dir.

    The window's demo and the terminal's (``hpos --demo --no-window``) use the same place.
    """
    base = config_dir or (Path(env["HPOS_CONFIG_DIR"]) if env.get("HPOS_CONFIG_DIR") else None)
    if base is not None:
        return base.expanduser() / "demo"
    return Path(platformdirs.user_config_dir("hpos-demo", appauthor=False))


def start_demo(
    env: Mapping[str, str], config_dir: Path | None = None, *, lan_host: str | None = None
) -> Demo:
    """Start the sandbox and point a separate, in-memory-secret profile at it.

    ``lan_host`` (from :func:`find_lan_address`): the checkout page listens there too.
    """
    from hpos.sandbox.accounts import DEMO_ACCOUNT  # only the demo needs the sandbox

    profile = Profile(demo_config_dir(env, config_dir), KeyStore(), env={})
    settings = profile.settings  # an unusable settings.json is met before the sandbox starts
    server, moved = start_demo_sandbox(
        profile.data_dir, lan_host=lan_host, expiry_minutes=settings.expiry_minutes
    )
    use_demo_account(
        profile,
        server.url,
        shop_name=DEMO_ACCOUNT.company,
        till_name="DEMO",
        default_product="Demo sale",
        checkout_hosts=(lan_host,) if lan_host else Settings().checkout_hosts,
    )
    return Demo(server, profile, moved)


def start_demo_sandbox(
    data_dir: Path,
    *,
    lan_host: str | None = None,
    expiry_minutes: int = Settings.expiry_minutes,
) -> tuple[SandboxServer, MovedLinks | None]:
    """The sandbox on loopback, its state in ``data_dir`` (:data:`SANDBOX_STATE`), and what
    moved since last time.

    It listens on the ports it had last time (:data:`SANDBOX_PORTS`), else on free ones.
    With ``lan_host`` its checkout page also listens on that address (the links point
    there). The second value is set when the checkout links of sales made before no
    longer open and some of them (younger than ``expiry_minutes``) are still waiting.
    OSError when no port can be bound at all.
    """
    from hpos.sandbox.server import SandboxServer  # only the demo needs the sandbox

    private_folder(data_dir)  # the sandbox's state holds the demo's sales
    ports_file = data_dir / SANDBOX_PORTS
    last = _read_ports(ports_file)
    server = SandboxServer(state_file=data_dir / SANDBOX_STATE, lan_host=lan_host)
    wanted = (int(last.get("port", 0)), int(last.get("lan_port", 0)) if lan_host else 0)
    for port, lan_port in _port_choices(*wanted):
        server.port, server.lan_port = port, lan_port
        try:
            server.start()
        except OSError as exc:
            log.info("demo sandbox: cannot listen on port %d, LAN %d (%s)", port, lan_port, exc)
            continue
        break
    else:
        raise OSError("the demo's sandbox found no port to listen on")
    checkout = server.lan_url or server.url
    if wanted != (0, 0) and (server.port, server.lan_port) != wanted:
        log.warning("demo sandbox: a port it had last time is taken; now on %s", checkout)
    _write_ports(ports_file, server, last)
    moved = _moved_links(server, str(last.get("checkout_url", "")), expiry_minutes)
    if moved is not None:
        log.warning(
            "demo sandbox: the QR codes of %d waiting sale(s) point to %s, where it no longer"
            " listens (now %s); Simulate customer payment still pays them",
            moved.waiting,
            moved.old_url,
            moved.new_url,
        )
    return server, moved


def _port_choices(port: int, lan_port: int) -> Iterator[tuple[int, int]]:
    """Last time's ports first (0: any free one); then a free API port (with ``--lan`` the
    links are on the LAN port), a free LAN port, free ports for both."""
    tried: set[tuple[int, int]] = set()
    for choice in ((port, lan_port), (0, lan_port), (port, 0), (0, 0)):
        if choice not in tried:
            tried.add(choice)
            yield choice


def _read_ports(path: Path) -> dict[str, Any]:
    """What :func:`_write_ports` left, or {} (none yet, or unreadable: free ports then)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("demo sandbox: %s unreadable (%s); free ports are used", path, exc)
        return {}
    if not isinstance(data, dict):
        return {}
    ports = {k: data[k] for k in ("port", "lan_port") if type(data.get(k)) is int}
    usable = {k: v for k, v in ports.items() if 0 < v < 65536}
    url = data.get("checkout_url")
    return usable | ({"checkout_url": url} if isinstance(url, str) else {})


def _write_ports(path: Path, server: SandboxServer, last: Mapping[str, Any]) -> None:
    """Remember the ports now in use (owner-only, atomic); the LAN port is kept for the next
    ``--lan`` when this run has none."""
    data = {
        "port": urlsplit(server.url).port,
        "lan_port": urlsplit(server.lan_url).port if server.lan_url else last.get("lan_port"),
        "checkout_url": server.lan_url or server.url,
    }
    try:
        write_atomic(path, json.dumps({k: v for k, v in data.items() if v is not None}))
    except OSError as exc:
        log.warning("demo sandbox: could not remember its ports in %s (%s)", path, exc)


def _moved_links(server: SandboxServer, old_url: str, expiry_minutes: int) -> MovedLinks | None:
    """The waiting sales whose checkout links point to ``old_url``, when nothing listens
    there any more; None when the links still open or no sale waits."""
    if not old_url or old_url in (server.url, server.lan_url):
        return None
    since = time.time() - expiry_minutes * 60
    waiting = sum(
        1
        for p in server.payments()
        if p.status == "UNPAID" and not p.cancelled and p.created.timestamp() >= since
    )
    new_url = server.lan_url or server.url
    return MovedLinks(old_url, new_url, waiting) if waiting else None


def use_demo_account(profile: Profile, url: str, **changes: Any) -> None:
    """Point ``profile`` at the sandbox at ``url`` with the demo account, in TEST mode.

    ``changes`` are other settings to save with it; the secret key is kept in memory for
    this session only (never in the keyring).
    """
    from hpos.sandbox.accounts import DEMO_ACCOUNT  # only the demo needs the sandbox

    profile.update(
        api_url=url,
        api_key=DEMO_ACCOUNT.api_key,
        public_key=DEMO_ACCOUNT.public_key,
        mode="TEST",
        **changes,
    )
    profile.set_session_secret(DEMO_ACCOUNT.secret_key)


def seed_demo_catalogue(journal: Journal, data: bytes) -> int:
    """Fill the demo's empty catalogue from ``data`` (the shipped CSV, in the demo account's
    currency); the number of items written.

    Only a catalogue never written to is filled (it has no currency yet): items the
    demo's user removed stay removed. Runs where the journal is opened (a worker, never
    the GUI thread). A line the catalogue refuses is logged and left out.
    """
    # here: on the worker that opens the journal, not while the demo starts (start-up speed)
    from hpos.sales.catalogue_import import apply_plan, read_catalogue_csv
    from hpos.sandbox.accounts import DEMO_ACCOUNT  # only the demo needs the sandbox

    store = journal.catalogue
    if store.currency is not None:
        return 0
    plan = read_catalogue_csv(data, DEMO_ACCOUNT.currency, store.items(archived=True))
    for rejected in plan.rejected:
        log.warning("demo catalogue: line %d left out: %s", rejected.line, rejected.message)
    return len(apply_plan(store, plan, DEMO_ACCOUNT.currency))


def demo_client_config(url: str, **changes: Any) -> ClientConfig:
    """The HPAY client's configuration for the demo account on the sandbox at ``url`` (TEST).

    ``changes`` are other :class:`~hpos.hpay.client.ClientConfig` fields (``deadline=10.0``).
    """
    from hpos.hpay.client import ClientConfig  # here: the client loads requests (start-up)
    from hpos.sandbox.accounts import DEMO_ACCOUNT  # only the demo needs the sandbox

    return ClientConfig(
        base_url=url,
        api_key=DEMO_ACCOUNT.api_key,
        public_key=DEMO_ACCOUNT.public_key,
        secret_key=DEMO_ACCOUNT.secret_key,
        mode="TEST",
        **changes,
    )
