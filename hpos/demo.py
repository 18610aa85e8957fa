"""The demo: the built-in HPAY sandbox and a separate profile pointed at it.

:func:`start_demo` starts the sandbox on a free loopback port, with its state and
journal in a separate demo profile and the public demo keys kept in memory only:
the shop's real profile and keyring are never touched. Used by ``hpos --demo``
(:mod:`hpos.ui.app`) and the welcome panel's "Try the demo" (the main window).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, replace_settings

if TYPE_CHECKING:
    from hpos.sandbox import SandboxServer


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


demo_profile_dir = demo_config_dir


def start_demo(env: Mapping[str, str], config_dir: Path | None = None) -> Demo:
    """Start the sandbox and point a separate, in-memory-secret profile at it."""
    from hpos.sandbox import DEMO_ACCOUNT, SandboxServer  # only the demo needs it

    directory = demo_profile_dir(env, config_dir)
    profile = Profile(directory, KeyStore(), env={})
    profile.data_dir.mkdir(parents=True, exist_ok=True)
    server = SandboxServer(state_file=profile.data_dir / "sandbox-state.json").start()
    settings = replace_settings(
        profile.settings,
        api_url=server.url,
        api_key=DEMO_ACCOUNT.api_key,
        public_key=DEMO_ACCOUNT.public_key,
        mode="TEST",
        shop_name=DEMO_ACCOUNT.company,
        till_name="DEMO",
        default_product="Demo sale",
    )
    profile.save(settings)
    profile.set_session_secret(DEMO_ACCOUNT.secret_key)
    return Demo(server, profile)
