"""The demo: the built-in HPAY sandbox and a separate profile pointed at it.

:func:`start_demo` starts the sandbox on a free loopback port, with its state and
journal in a separate demo profile and the public demo keys kept in memory only:
the shop's real profile and keyring are never touched. Used by ``hpos --demo``
(:mod:`hpos.ui.app`) and the welcome panel's "Try the demo" (the main window).

The pieces are here for every other user of the demo account too: the terminal's
demo (:mod:`hpos.cli.demo`: :func:`start_demo_sandbox`, :func:`demo_client_config`),
the self-test's sandbox payment and the benchmarks (:func:`use_demo_account` points
any profile at a sandbox).

With ``--lan`` (:func:`find_lan_address`) the sandbox's checkout page also listens on this
machine's local-network address and the checkout links point there, so a phone on the
same network can open the demo's QR; the API and the sandbox's control stay on loopback.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from hpos.hpay.errors import ConfigError
from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, Settings, replace_settings
from hpos.util.private import private_folder

if TYPE_CHECKING:
    from hpos.hpay.client import ClientConfig
    from hpos.sandbox.server import SandboxServer

#: The sandbox's state file in the demo profile's data folder (payments kept across runs).
SANDBOX_STATE = "sandbox-state.json"
#: Addresses a UDP socket is "connected" to (nothing is sent) to learn the LAN interface.
_PROBES = ("10.255.255.255", "172.31.255.255", "192.168.255.255")


@dataclass
class Demo:
    """The sandbox of a demo session and its profile."""

    server: SandboxServer
    profile: Profile

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
    profile.settings  # noqa: B018 - an unusable settings.json is met before the sandbox starts
    server = start_demo_sandbox(profile.data_dir, lan_host=lan_host)
    use_demo_account(
        profile,
        server.url,
        shop_name=DEMO_ACCOUNT.company,
        till_name="DEMO",
        default_product="Demo sale",
        checkout_hosts=(lan_host,) if lan_host else Settings().checkout_hosts,
    )
    return Demo(server, profile)


def start_demo_sandbox(data_dir: Path, *, lan_host: str | None = None) -> SandboxServer:
    """The sandbox on a free loopback port, its state in ``data_dir`` (:data:`SANDBOX_STATE`).

    With ``lan_host`` its checkout page also listens on that address (the links point there).
    """
    from hpos.sandbox.server import SandboxServer  # only the demo needs the sandbox

    private_folder(data_dir)  # the sandbox's state holds the demo's sales
    return SandboxServer(state_file=data_dir / SANDBOX_STATE, lan_host=lan_host).start()


def use_demo_account(profile: Profile, url: str, **changes: Any) -> None:
    """Point ``profile`` at the sandbox at ``url`` with the demo account, in TEST mode.

    ``changes`` are other settings to save with it; the secret key is kept in memory for
    this session only (never in the keyring).
    """
    from hpos.sandbox.accounts import DEMO_ACCOUNT  # only the demo needs the sandbox

    settings = replace_settings(
        profile.settings,
        api_url=url,
        api_key=DEMO_ACCOUNT.api_key,
        public_key=DEMO_ACCOUNT.public_key,
        mode="TEST",
        **changes,
    )
    profile.save(settings)
    profile.set_session_secret(DEMO_ACCOUNT.secret_key)


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
