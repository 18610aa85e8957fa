"""The demo: the built-in HPAY sandbox and a separate profile pointed at it.

:func:`start_demo` starts the sandbox on a free loopback port, with its state and
journal in a separate demo profile and the public demo keys kept in memory only:
the shop's real profile and keyring are never touched. Used by ``hpos --demo``
(:mod:`hpos.ui.app`) and the welcome panel's "Try the demo" (the main window).

The pieces are here for every other user of the demo account too: the terminal's
demo (:mod:`hpos.cli.demo`: :func:`start_demo_sandbox`, :func:`demo_client_config`),
the self-test's sandbox payment and the benchmarks (:func:`use_demo_account` points
any profile at a sandbox).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, replace_settings

if TYPE_CHECKING:
    from hpos.hpay.client import ClientConfig
    from hpos.sandbox.server import SandboxServer

#: The sandbox's state file in the demo profile's data folder (payments kept across runs).
SANDBOX_STATE = "sandbox-state.json"


@dataclass
class Demo:
    """The sandbox of a demo session and its profile."""

    server: SandboxServer
    profile: Profile


def demo_config_dir(env: Mapping[str, str], config_dir: Path | None = None) -> Path:
    """The demo profile: ``<dir>/demo`` for an explicit profile dir, else its own platform dir.

    The window's demo and the terminal's (``hpos --demo --no-window``) use the same place.
    """
    base = config_dir or (Path(env["HPOS_CONFIG_DIR"]) if env.get("HPOS_CONFIG_DIR") else None)
    if base is not None:
        return base.expanduser() / "demo"
    return Path(platformdirs.user_config_dir("hpos-demo", appauthor=False))


def start_demo(env: Mapping[str, str], config_dir: Path | None = None) -> Demo:
    """Start the sandbox and point a separate, in-memory-secret profile at it."""
    from hpos.sandbox.accounts import DEMO_ACCOUNT  # only the demo needs the sandbox

    profile = Profile(demo_config_dir(env, config_dir), KeyStore(), env={})
    server = start_demo_sandbox(profile.data_dir)
    use_demo_account(
        profile,
        server.url,
        shop_name=DEMO_ACCOUNT.company,
        till_name="DEMO",
        default_product="Demo sale",
    )
    return Demo(server, profile)


def start_demo_sandbox(data_dir: Path) -> SandboxServer:
    """The sandbox on a free loopback port, its state in ``data_dir`` (:data:`SANDBOX_STATE`)."""
    from hpos.sandbox.server import SandboxServer  # only the demo needs the sandbox

    data_dir.mkdir(parents=True, exist_ok=True)
    return SandboxServer(state_file=data_dir / SANDBOX_STATE).start()


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
