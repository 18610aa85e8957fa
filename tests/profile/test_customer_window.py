"""The customer window's remembered place: four whole numbers, anything else forgotten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hpos.profile.settings import Settings, settings_from_mapping


def test_a_place_round_trips_through_json() -> None:
    settings = Settings(customer_display="window", customer_window=(30, 40, 520, 360))
    data = json.loads(json.dumps(settings.to_json()))
    assert data["customer_window"] == [30, 40, 520, 360]
    assert settings_from_mapping(data, "settings.json").customer_window == (30, 40, 520, 360)
    assert Settings().customer_window == ()


@pytest.mark.parametrize(
    "value", ["30,40,520,360", [30, 40, 520], [30, 40, 0, 360], [30, 40, 520.5, 360], [True] * 4]
)
def test_a_bad_place_is_forgotten_not_an_error(value: object, tmp_path: Path) -> None:
    settings = settings_from_mapping({"customer_window": value}, str(tmp_path / "settings.json"))
    assert settings.customer_window == ()
