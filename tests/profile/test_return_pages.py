"""HPAY's example return pages: the one rule, and which of a profile's fields still use them."""

from __future__ import annotations

import pytest

from hpos.profile.return_pages import example_return_pages, is_example_url
from hpos.profile.settings import Settings, replace_settings


@pytest.mark.parametrize(
    "url",
    [
        "https://hpay.cash/third/notify/",
        "https://hpay.cash/third/success/",
        "https://hpay.cash/third/cancel/",
        "https://HPAY.cash/third/success",
        "https://www.hpay.cash/third/cancel/?x=1",
        "http://hpay.cash/third/",
        " https://hpay.cash/Third/notify/ ",
    ],
)
def test_hpay_documentation_examples_are_examples(url: str) -> None:
    assert is_example_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://chez-awa.example/merci",
        "https://www.facebook.com/chezawa",
        "https://hpay.cash/",
        "https://hpay.cash/thirdparty/success/",
        "https://third.hpay.cash.example.com/third/success/",
        "https://shop.example/third/success/",
        "",
        "not a url",
        "https://[::1/",
    ],
)
def test_other_addresses_are_not_examples(url: str) -> None:
    assert not is_example_url(url)


def test_defaults_are_examples_but_only_prod_warns() -> None:
    test = Settings()
    assert example_return_pages(test) == ()  # TEST: the demo uses them on purpose
    prod = replace_settings(test, mode="PROD")
    assert example_return_pages(prod) == ("notify_url", "success_url", "cancel_url")
    own = replace_settings(prod, success_url="https://chez-awa.example/merci")
    assert example_return_pages(own) == ("notify_url", "cancel_url")
    mine = replace_settings(
        own,
        notify_url="https://chez-awa.example/notify",
        cancel_url="https://chez-awa.example/annule",
    )
    assert example_return_pages(mine) == ()
