"""Profiles for the tests: the demo account on a sandbox, the secret in a memory keyring."""

from __future__ import annotations

from pathlib import Path

from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, replace_settings
from hpos.sandbox.accounts import DEMO_ACCOUNT
from tests.helpers.keyring import MemoryKeyring


def make_profile(path: Path, url: str) -> Profile:
    profile = Profile(path, KeyStore(backend=MemoryKeyring()), env={})
    profile.save(
        replace_settings(
            profile.settings,
            api_url=url,
            api_key=DEMO_ACCOUNT.api_key,
            public_key=DEMO_ACCOUNT.public_key,
            mode="TEST",
            till_name="T1",
            auto_return_seconds=0,
        )
    )
    profile.set_session_secret(DEMO_ACCOUNT.secret_key)
    return profile
