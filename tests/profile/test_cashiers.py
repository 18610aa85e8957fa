"""The profile's cashiers: a list of names (no passwords) and the one on duty, in settings.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hpos.hpay.errors import ConfigError
from hpos.profile.keystore import KeyStore
from hpos.profile.profile import Profile, Settings, replace_settings
from hpos.profile.settings import CASHIER_NAME_MAX, settings_from_mapping
from tests.helpers.keyring import MemoryKeyring


def test_names_are_cleaned_kept_once_and_round_trip(tmp_path: Path) -> None:
    profile = Profile(tmp_path, KeyStore(backend=MemoryKeyring()), {})
    names = ["  Awa\tDiop ", "awa diop", "Jean\u202e-Marc", "", "\x1b[31mZoé"]
    settings = settings_from_mapping({"cashiers": names, "cashier_on_duty": "Jean-Marc"}, "x")
    assert settings.cashiers == ("Awa Diop", "Jean-Marc", "Zoé")
    assert settings.cashier_on_duty == "Jean-Marc"
    profile.save(settings)
    data = json.loads(profile.settings_path.read_text(encoding="utf-8"))
    assert (data["cashiers"], data["cashier_on_duty"]) == (
        ["Awa Diop", "Jean-Marc", "Zoé"],
        "Jean-Marc",
    )
    assert profile.reload() == settings
    assert "password" not in profile.settings_path.read_text(encoding="utf-8").lower()


def test_the_cashier_on_duty_is_one_of_the_list(tmp_path: Path) -> None:
    assert Settings(cashier_on_duty="Awa").cashier_on_duty == ""  # no list: nobody
    on_duty = Settings(cashiers=("Awa", "Moussa"), cashier_on_duty="Moussa")
    assert replace_settings(on_duty, cashiers=("Awa",)).cashier_on_duty == "", "removed"
    assert Settings(cashiers=("A" * 99,)).cashiers == ("A" * CASHIER_NAME_MAX,)


@pytest.mark.parametrize(
    "value", ["Awa", [1, 2], {"Awa": 1}, ["Awa"] + [f"C{i}" for i in range(60)]]
)
def test_a_bad_cashier_list_is_named(value: object) -> None:
    with pytest.raises(ConfigError, match="'cashiers'"):
        settings_from_mapping({"cashiers": value}, "settings.json")
