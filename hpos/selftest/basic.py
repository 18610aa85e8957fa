"""Self-test checks without Qt: modules, CA bundle, data dirs, keyring, a sandbox payment,
the demo shop's catalogue.

Each check takes a fresh temporary directory and returns a short detail line,
or raises with a message that says what is wrong.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import ssl
import sys
import time
from decimal import Decimal
from pathlib import Path

import hpos

#: Modules a complete build must have (a frozen walk that finds fewer is broken).
KEY_MODULES = (
    "hpos.cli.main",
    "hpos.hpay.client",
    "hpos.sales.service",
    "hpos.sandbox.server",
    "hpos.ui.mainwindow.window",
    "hpos.ui.app",
    "hpos.selftest.qt",
)
#: Not imported: running it starts the command line.
_SKIP = {"hpos.__main__"}
#: The keyring backend the app expects on each OS (module, class).
NATIVE_KEYRING = {
    "win32": ("keyring.backends.Windows", "WinVaultKeyring"),
    "darwin": ("keyring.backends.macOS", "Keyring"),
    "linux": ("keyring.backends.SecretService", "Keyring"),
}
#: Where the native backend is always there: unusable means a broken build.
STRICT_KEYRING = ("win32", "darwin")
SELF_TEST_AMOUNT = Decimal(1500)


def all_module_names() -> list[str]:
    """Every module of the ``hpos`` package, found by walking it (frozen or not)."""
    names = {"hpos"}
    for info in pkgutil.walk_packages(hpos.__path__, prefix="hpos."):
        names.add(info.name)
    return sorted(names - _SKIP)


def check_modules(_workdir: Path) -> str:
    """Import every hpos module."""
    names = all_module_names()
    missing = [name for name in KEY_MODULES if name not in names]
    if missing:
        raise RuntimeError(f"modules not found in the build: {', '.join(missing)}")
    broken = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - each broken module is listed
            broken.append(f"{name} ({type(exc).__name__}: {exc})")
    if broken:
        raise ImportError(f"{len(broken)} module(s) do not import: {'; '.join(broken[:3])}")
    return f"{len(names)} hpos modules imported"


def check_certificates(_workdir: Path) -> str:
    """requests' CA bundle is there and loads (what HTTPS to HPAY verifies against)."""
    # here: inside its check, so a missing or broken module fails this check only
    import certifi
    from requests.utils import DEFAULT_CA_BUNDLE_PATH

    bundle = Path(certifi.where())
    if not bundle.is_file():
        raise FileNotFoundError(f"certifi's CA bundle is missing: {bundle}")
    if Path(DEFAULT_CA_BUNDLE_PATH) != bundle:
        raise RuntimeError(f"requests uses {DEFAULT_CA_BUNDLE_PATH}, not {bundle}")
    context = ssl.create_default_context(cafile=str(bundle))
    count = context.cert_store_stats()["x509_ca"]
    if count < 50:
        raise RuntimeError(f"only {count} CA certificates in {bundle}")
    return f"{count} CA certificates in {_short(bundle)}"


def check_data_dirs(workdir: Path) -> str:
    """A profile in a temporary dir: settings saved and read back, a journal opened."""
    # here: inside its check, so a missing or broken module fails this check only
    from hpos.profile.keystore import KeyStore
    from hpos.profile.profile import default_config_dir, open_profile
    from hpos.sales.journal import Journal

    profile = open_profile(workdir / "profile", env={}, keystore=KeyStore())
    profile.update(till_name="SELFTEST")
    if profile.reload().till_name != "SELFTEST":
        raise RuntimeError(f"settings did not read back from {profile.settings_path}")
    journal = Journal(profile.data_dir / "journal.sqlite3")
    journal.close()
    profile.log_dir.mkdir(parents=True, exist_ok=True)
    return f"settings, journal and logs writable; the shop's profile: {default_config_dir({})}"


def check_keyring(_workdir: Path) -> str:
    """keyring finds its backends (entry points) and this OS's native one imports.

    On Windows and macOS the native backend must be usable; on Linux it needs a
    Secret Service on the session bus, which a headless machine may lack. Nothing
    is read from or written to the keyring.
    """
    # here: inside its check, so a missing or broken module fails this check only
    import keyring
    from keyring.backend import get_all_keyring

    found = importlib.metadata.entry_points(group="keyring.backends")
    if not found:
        raise RuntimeError("keyring's backend entry points are missing (metadata not bundled)")
    module_name, class_name = NATIVE_KEYRING.get(sys.platform, ("keyring.backends.null", ""))
    module = importlib.import_module(module_name)
    if class_name and not hasattr(module, class_name):
        raise RuntimeError(f"{module_name}.{class_name} is missing")
    active = keyring.get_keyring()
    viable = {type(backend).__module__ for backend in get_all_keyring()}
    name = type(active).__module__.removeprefix("keyring.backends.")
    native = module_name.removeprefix("keyring.backends.")
    if module_name in viable:
        return f"{name} active"
    if sys.platform in STRICT_KEYRING:
        raise RuntimeError(f"{native} cannot be used (active: {name})")
    return f"{name} active; {native} present, not usable here (secret kept for the session)"


def check_sandbox(workdir: Path) -> str:
    """Token → payment → history through the real client, on a loopback sandbox."""
    from hpos.demo import demo_client_config  # inside its check, as every check's imports
    from hpos.hpay.client import HpayClient
    from hpos.sandbox.server import SandboxServer

    started = time.perf_counter()
    server = SandboxServer("127.0.0.1", 0, state_file=workdir / "sandbox.json").start()
    client = HpayClient(demo_client_config(server.url, deadline=10.0))
    try:
        token = client.token()
        payment = client.create_payment(SELF_TEST_AMOUNT, "Self-test", "HPOS self-test")
        server.mark_paid(payment.transaction_id)
        entry = client.find_payment(payment.transaction_id)
        page = client.history(count=5)
    finally:
        client.close()
        server.stop()
    if entry is None or not entry.is_paid or entry.amount != SELF_TEST_AMOUNT:
        raise RuntimeError(f"the paid payment came back as {entry!r}")
    if payment.transaction_id not in {e.transaction_id for e in page.entries}:
        raise RuntimeError("the payment is not in the history")
    ms = (time.perf_counter() - started) * 1000
    return f"token → payment {SELF_TEST_AMOUNT} {token.currency} → history PAID ({ms:.0f} ms)"


def check_demo_shop(_workdir: Path) -> str:
    """The demo's catalogue ships and reads whole (the demo's shop would be empty else)."""
    from hpos.resources.paths import resource_path  # inside its check, as every check's imports
    from hpos.sales.catalogue_import import read_catalogue_csv
    from hpos.sandbox.accounts import DEMO_ACCOUNT

    path = resource_path("demo", "catalogue.csv")
    plan = read_catalogue_csv(path.read_bytes(), DEMO_ACCOUNT.currency, [])
    if plan.rejected or not plan.added:
        raise RuntimeError(f"{_short(path)}: {plan.added} items, {len(plan.rejected)} rejected")
    return f"{plan.added} items in {_short(path)}"


def _short(path: Path) -> str:
    """A path relative to the frozen app's folder, when it is inside it."""
    base = Path(getattr(sys, "_MEIPASS", "")) if getattr(sys, "frozen", False) else None
    if base is not None:
        try:
            return str(Path("<app>") / path.relative_to(base))
        except ValueError:
            pass
    return str(path)
