"""Profile settings: settings.json (never the secret), keyring secret, env overrides."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import platformdirs
import pytest
from keyring.backends import fail

from hpos.hpay.errors import ConfigError
from hpos.profile.keystore import KeyStore, KeyStoreError
from hpos.profile.profile import (
    Profile,
    Settings,
    api_host,
    default_config_dir,
    open_profile,
    replace_settings,
    secret_entry_name,
)
from tests.helpers.keyring import MemoryKeyring

SECRET = "sk.Never-In-A-File-777"
URL = "https://api.example.com"
FULL_ENV = {
    "HPOS_API_URL": "http://127.0.0.1:9",
    "HPOS_API_KEY": "ak.env",
    "HPOS_PUBLIC_KEY": "pk.env",
    "HPOS_SECRET_KEY": SECRET,
}


def make_profile(path: Path, env: dict[str, str] | None = None) -> Profile:
    return Profile(path, KeyStore(backend=MemoryKeyring()), env or {})


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    s = make_profile(tmp_path / "p").settings
    assert s == Settings()
    assert (s.api_url, s.mode, s.till_name, s.default_product) == ("", "TEST", "TILL1", "Sale")
    assert s.checkout_hosts == ("checkout.hpay.cash",)
    assert s.proxy is None
    assert s.deadline == 20.0
    assert (s.shop_name, s.expiry_minutes, s.auto_return_seconds) == ("", 15, 10)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    profile = make_profile(tmp_path / "a" / "b")
    saved = Settings(
        api_url="https://api.example.com",
        api_key="ak",
        public_key="pk",
        mode="prod",
        shop_name="Chez Awa",
        till_name="FRONT",
        expiry_minutes=1440,
        auto_return_seconds=0,
        checkout_hosts=["Pay.Example.com"],  # type: ignore[arg-type]
        deadline=7,
    )
    profile.save(saved)
    loaded = make_profile(tmp_path / "a" / "b").settings
    assert loaded == saved
    assert loaded.mode == "PROD"
    assert loaded.checkout_hosts == ("pay.example.com",)
    assert isinstance(loaded.deadline, float)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_file_is_private_and_write_is_atomic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = make_profile(tmp_path / "p")
    profile.save(Settings(till_name="ONE"))
    assert stat.S_IMODE(profile.settings_path.stat().st_mode) == 0o600

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ConfigError, match="No space left"):
        profile.save(Settings(till_name="TWO"))
    assert json.loads(profile.settings_path.read_text())["till_name"] == "ONE"
    assert [p.name for p in profile.config_dir.iterdir()] == ["settings.json"]


def test_secret_never_goes_into_settings_json(tmp_path: Path) -> None:
    profile = make_profile(tmp_path / "p")
    profile.config_dir.mkdir()
    profile.settings_path.write_text(
        json.dumps({"secret_key": SECRET, "till_name": "X", "api_url": URL})
    )
    profile.set_secret_key(SECRET)
    profile.save(replace_settings(profile.settings, api_key="ak"))
    text = profile.settings_path.read_text()
    assert SECRET not in text
    assert "secret" not in text
    assert profile.secret_key() == SECRET
    assert profile.settings.till_name == "X"


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    profile = make_profile(tmp_path)
    profile.settings_path.write_text(json.dumps({"future_option": [1, 2], "mode": "PROD"}))
    assert profile.settings == Settings(mode="PROD")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("api_url", 42),
        ("mode", "LIVE"),
        ("mode", None),
        ("deadline", "20"),
        ("deadline", True),
        ("deadline", 0),
        ("checkout_hosts", "checkout.hpay.cash"),
        ("checkout_hosts", [""]),
        ("proxy", 8080),
        ("till_name", ["a"]),
        ("shop_name", 3),
        ("expiry_minutes", 0),
        ("expiry_minutes", 1441),
        ("expiry_minutes", 15.0),
        ("expiry_minutes", "15"),
        ("expiry_minutes", True),
        ("auto_return_seconds", -1),
        ("auto_return_seconds", 601),
        ("auto_return_seconds", 1.5),
    ],
)
def test_wrong_types_name_the_file_and_key(tmp_path: Path, key: str, value: object) -> None:
    profile = make_profile(tmp_path)
    profile.settings_path.write_text(json.dumps({key: value}))
    with pytest.raises(ConfigError) as info:
        _ = profile.settings
    assert str(profile.settings_path) in str(info.value)
    assert f"'{key}'" in str(info.value)


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '"text"', ""])
def test_unreadable_file(tmp_path: Path, text: str) -> None:
    profile = make_profile(tmp_path)
    profile.settings_path.write_text(text)
    with pytest.raises(ConfigError, match=r"settings\.json"):
        _ = profile.settings


def test_settings_validate_themselves() -> None:
    with pytest.raises(ConfigError, match="'mode'"):
        Settings(mode="live")
    with pytest.raises(ConfigError, match="Unknown setting"):
        replace_settings(Settings(), secret_key="x")
    assert replace_settings(Settings(), mode="prod").mode == "PROD"


def test_secret_from_env_first_then_keyring(tmp_path: Path) -> None:
    profile = make_profile(tmp_path)
    profile.save(Settings(api_url=URL))
    assert profile.secret_key() is None
    profile.set_secret_key(f"  {SECRET}\n")
    assert profile.secret_key() == SECRET
    env_profile = Profile(tmp_path, profile.keystore, {"HPOS_SECRET_KEY": "from-env"})
    assert env_profile.secret_key() == "from-env"
    profile.delete_secret_key()
    assert profile.secret_key() is None


def test_profile_id_is_stable_and_per_directory(tmp_path: Path) -> None:
    a1 = make_profile(tmp_path / "a")
    a2 = make_profile(tmp_path / "x" / ".." / "a")
    b = make_profile(tmp_path / "b")
    assert a1.profile_id == a2.profile_id
    assert a1.profile_id != b.profile_id
    store = KeyStore(backend=MemoryKeyring())
    env = {"HPOS_API_URL": URL}
    Profile(tmp_path / "a", store, env).set_secret_key("A")
    assert Profile(tmp_path / "b", store, env).secret_key() is None
    assert Profile(tmp_path / "a", store, env).secret_key() == "A"


def test_env_overrides(tmp_path: Path) -> None:
    profile = make_profile(tmp_path, {**FULL_ENV, "HPOS_MODE": "prod", "HPOS_API_KEY": "  "})
    profile.save(Settings(api_url="https://saved.example", api_key="ak.saved", till_name="T9"))
    eff = profile.effective()
    assert eff.api_url == "http://127.0.0.1:9"
    assert eff.api_key == "ak.saved"  # blank variables do not override
    assert eff.public_key == "pk.env"
    assert eff.mode == "PROD"
    assert eff.till_name == "T9"
    assert profile.settings.api_url == "https://saved.example"


def test_bad_env_mode(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="HPOS_MODE must be TEST or PROD"):
        make_profile(tmp_path, {"HPOS_MODE": "live"}).effective()


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        (
            "HPOS_API_URL",
            "No HPAY API URL configured. Set HPOS_API_URL or run `hpos configure`.",
        ),
        ("HPOS_API_KEY", "No HPAY API key configured. Set HPOS_API_KEY or run `hpos configure`."),
        ("HPOS_PUBLIC_KEY", "No HPAY public key configured."),
        ("HPOS_SECRET_KEY", "No HPAY secret key configured."),
    ],
)
def test_client_config_names_what_is_missing(tmp_path: Path, missing: str, message: str) -> None:
    env = {k: v for k, v in FULL_ENV.items() if k != missing}
    with pytest.raises(ConfigError) as info:
        make_profile(tmp_path, env).client_config()
    assert str(info.value).startswith(message)


def test_client_config(tmp_path: Path) -> None:
    pytest.importorskip("hpos.hpay.client")
    profile = make_profile(tmp_path, {k: v for k, v in FULL_ENV.items() if k != "HPOS_SECRET_KEY"})
    profile.save(Settings(proxy="http://proxy:3128", deadline=9, checkout_hosts=("pay.example",)))
    profile.set_secret_key(SECRET)
    cfg = profile.client_config()
    assert (cfg.base_url, cfg.api_key, cfg.public_key, cfg.secret_key) == (
        "http://127.0.0.1:9",
        "ak.env",
        "pk.env",
        SECRET,
    )
    assert (cfg.mode, cfg.proxy, cfg.deadline) == ("TEST", "http://proxy:3128", 9.0)
    assert cfg.checkout_hosts == ("pay.example",)
    assert SECRET not in repr(cfg)


def test_default_config_dir() -> None:
    assert default_config_dir({"HPOS_CONFIG_DIR": "/tmp/hpos-x"}) == Path("/tmp/hpos-x")
    assert default_config_dir({}) == Path(platformdirs.user_config_dir("hpos", appauthor=False))


def test_explicit_profile_is_isolated(tmp_path: Path) -> None:
    store = KeyStore(backend=MemoryKeyring())
    for profile in (
        open_profile(tmp_path, env={}, keystore=store),
        open_profile(env={"HPOS_CONFIG_DIR": str(tmp_path)}, keystore=store),
    ):
        assert profile.config_dir == tmp_path
        assert profile.data_dir == tmp_path / "data"
        assert profile.log_dir == tmp_path / "logs"


def test_default_profile_uses_platform_dirs() -> None:
    profile = open_profile(env={}, keystore=KeyStore(backend=MemoryKeyring()))
    assert profile.config_dir == Path(platformdirs.user_config_dir("hpos", appauthor=False))
    assert profile.data_dir == Path(platformdirs.user_data_dir("hpos", appauthor=False))
    assert profile.log_dir == Path(platformdirs.user_log_dir("hpos", appauthor=False))


def test_new_fields_validate_and_old_files_load(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'expiry_minutes' must be between 1 and 1440"):
        Settings(expiry_minutes=0)
    with pytest.raises(ConfigError, match="'auto_return_seconds' must be a whole number"):
        replace_settings(Settings(), auto_return_seconds=2.5)
    assert Settings(auto_return_seconds=600).auto_return_seconds == 600
    profile = make_profile(tmp_path)
    old = {"api_url": URL, "till_name": "OLD", "mode": "TEST", "removed_option": True}
    profile.settings_path.write_text(json.dumps(old))
    loaded = profile.settings
    assert (loaded.till_name, loaded.expiry_minutes, loaded.auto_return_seconds) == ("OLD", 15, 10)
    profile.save(replace_settings(loaded, shop_name=" Shop ", expiry_minutes=30))
    saved = json.loads(profile.settings_path.read_text())
    assert (saved["shop_name"], saved["expiry_minutes"], saved["auto_return_seconds"]) == (
        "Shop",
        30,
        10,
    )
    assert "removed_option" not in saved


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://API.Example.com/v2/", "api.example.com"),
        ("https://api.example.com:443", "api.example.com"),
        ("https://api.example.com:8443", "api.example.com:8443"),
        ("http://127.0.0.1:8765", "127.0.0.1:8765"),
        ("http://[::1]:9", "[::1]:9"),
        ("", ""),
        ("not a url", ""),
        ("http://api.example.com", ""),  # http only on loopback: not a valid API URL
    ],
)
def test_api_host(url: str, host: str) -> None:
    assert api_host(url) == host


def test_secret_is_bound_to_the_api_host(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    profile = Profile(tmp_path, KeyStore(backend=backend), {})
    profile.save(Settings(api_url="https://api.example.com/v2"))
    profile.set_secret_key(SECRET)
    name = f"{profile.profile_id}@api.example.com"
    assert backend.entries == {("hpos", name): SECRET}
    assert secret_entry_name(profile.profile_id, "https://API.example.com") == name
    lookup = profile.secret_lookup()
    assert (lookup.value, lookup.source, lookup.host) == (SECRET, "keyring", "api.example.com")
    assert SECRET not in repr(lookup)
    # same host, another path: same secret
    profile.save(replace_settings(profile.settings, api_url="https://api.example.com/v3"))
    assert profile.secret_key() == SECRET
    # another host: no secret; the old one is never sent there
    profile.save(replace_settings(profile.settings, api_url="https://evil.example.net"))
    assert profile.secret_key() is None
    assert profile.secret_lookup().source == "none"
    assert profile.secret_key(api_url="https://api.example.com") == SECRET
    with pytest.raises(ConfigError, match="No HPAY secret key configured"):
        Profile(
            tmp_path, profile.keystore, {"HPOS_API_KEY": "a", "HPOS_PUBLIC_KEY": "p"}
        ).client_config()
    profile.delete_secret_key(api_url="https://api.example.com")
    assert backend.entries == {}


def test_env_api_url_decides_the_host(tmp_path: Path) -> None:
    store = KeyStore(backend=MemoryKeyring())
    saved = Profile(tmp_path, store, {})
    saved.save(Settings(api_url=URL))
    saved.set_secret_key(SECRET)
    assert Profile(tmp_path, store, {"HPOS_API_URL": URL + "/"}).secret_key() == SECRET
    assert Profile(tmp_path, store, {"HPOS_API_URL": "http://127.0.0.1:9"}).secret_key() is None


def test_no_api_url_no_secret(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    profile = Profile(tmp_path, KeyStore(backend=backend), {})
    assert profile.secret_key() is None
    with pytest.raises(ConfigError, match="Set the HPAY API URL before the secret key"):
        profile.set_secret_key(SECRET)
    profile.delete_secret_key()
    assert not backend.entries


def test_session_secret_is_memory_only_and_host_bound(tmp_path: Path) -> None:
    profile = Profile(tmp_path, KeyStore(backend=fail.Keyring()), {})
    profile.save(Settings(api_url=URL))
    with pytest.raises(KeyStoreError) as info:
        profile.secret_key()
    assert info.value.no_keyring
    profile.set_session_secret(f" {SECRET} ")
    assert profile.secret_key() == SECRET
    assert profile.secret_lookup().source == "session"
    assert SECRET not in profile.settings_path.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    # another profile object on the same directory (a new session) does not know it
    with pytest.raises(KeyStoreError):
        Profile(tmp_path, KeyStore(backend=fail.Keyring()), {}).secret_key()
    # bound to the host
    profile.save(replace_settings(profile.settings, api_url="https://other.example.com"))
    with pytest.raises(KeyStoreError):
        profile.secret_key()
    assert profile.secret_key(api_url=URL) == SECRET
    # the environment still wins; None forgets it
    assert Profile(tmp_path, profile.keystore, {"HPOS_SECRET_KEY": "e"}).secret_key() == "e"
    profile.set_session_secret(None, api_url=URL)
    with pytest.raises(KeyStoreError):
        profile.secret_key(api_url=URL)


def test_client_config_uses_the_session_secret(tmp_path: Path) -> None:
    profile = Profile(tmp_path, KeyStore(backend=fail.Keyring()), {})
    profile.save(Settings(api_url="http://127.0.0.1:9", api_key="ak", public_key="pk"))
    profile.set_session_secret(SECRET)
    assert profile.client_config().secret_key == SECRET


def test_storing_in_the_keyring_replaces_the_session_secret(tmp_path: Path) -> None:
    profile = make_profile(tmp_path)
    profile.save(Settings(api_url=URL))
    profile.set_session_secret("session-one")
    profile.set_secret_key(SECRET)
    assert profile.secret_lookup().source == "keyring"
    assert profile.secret_key() == SECRET


def test_small_updates_from_several_workers_never_undo_each_other(tmp_path: Path) -> None:
    """The cashier on duty, the customer window's place and the printer are saved by
    different runner workers: each read-modify-write keeps what the others wrote."""
    import threading

    profile = make_profile(tmp_path)
    start = threading.Barrier(3)

    def update(**changes: object) -> None:
        start.wait()
        for _ in range(20):
            profile.update(**changes)

    threads = [
        threading.Thread(target=update, kwargs={"cashier_on_duty": ""}),
        threading.Thread(target=update, kwargs={"customer_window": (30, 40, 520, 360)}),
        threading.Thread(target=update, kwargs={"printer_name": "Counter"}),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = make_profile(tmp_path).settings  # as read back from the file
    assert (saved.customer_window, saved.printer_name) == ((30, 40, 520, 360), "Counter")
