"""URL rules: the base URL, and the allow-list for checkout links shown as QR codes."""

from __future__ import annotations

import pytest

from hpos.hpay.errors import ConfigError, HpayError, UnsafeCheckoutUrl
from hpos.hpay.urls import CheckoutUrlPolicy, is_loopback_host, validate_base_url

# -- validate_base_url --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("https://api.hpay.cash", "https://api.hpay.cash"),
        ("https://api.hpay.cash/", "https://api.hpay.cash"),
        ("HTTPS://API.HPay.Cash/v2/", "https://api.hpay.cash/v2"),
        ("  https://api.hpay.cash/api  ", "https://api.hpay.cash/api"),
        ("https://api.hpay.cash:8443/", "https://api.hpay.cash:8443"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("http://127.5.6.7/", "http://127.5.6.7"),
        ("http://localhost:8000/", "http://localhost:8000"),
        ("http://LOCALHOST", "http://localhost"),
        ("http://[::1]:8000/", "http://[::1]:8000"),
        ("https://10.0.0.5", "https://10.0.0.5"),
        ("https://café.example/", "https://xn--caf-dma.example"),
    ],
)
def test_base_url_accepted(url: str, normalised: str) -> None:
    assert validate_base_url(url) == normalised


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "Enter the HPAY server address"),
        ("   ", "Enter the HPAY server address"),
        ("http://api.hpay.cash", "must use https"),
        ("http://192.168.1.10:8000", "must use https"),
        ("http://localhost.evil.example", "must use https"),
        ("ftp://api.hpay.cash", "must start with https"),
        ("api.hpay.cash", "must start with https"),
        ("javascript:alert(1)", "must start with https"),
        ("https://user:pass@api.hpay.cash", "user name or password"),
        ("https://user@api.hpay.cash", "user name or password"),
        ("https://api.hpay.cash/?x=1", "'?' or '#'"),
        ("https://api.hpay.cash?", "'?' or '#'"),
        ("https://api.hpay.cash/#frag", "'?' or '#'"),
        ("https://", "no valid host"),
        ("https:///path", "no valid host"),
        ("https://bad_host.example", "no valid host"),
        ("https://api.hpay.cash:99999", "not a valid URL"),
        ("https://api.hpay.cash:port", "not a valid URL"),
        ("https://api.hpay .cash", "not a valid URL"),
        ("https://api.hpay.cash\\@evil.example", "not a valid URL"),
        ("https://[::1", "not a valid URL"),
    ],
)
def test_base_url_refused(url: str, words: str) -> None:
    with pytest.raises(ConfigError) as info:
        validate_base_url(url)
    assert words in str(info.value)


def test_base_url_must_be_text() -> None:
    with pytest.raises(ConfigError):
        validate_base_url(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LocalHost", True),
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("128.0.0.1", False),
        ("10.0.0.1", False),
        ("0.0.0.0", False),
        ("::", False),
        ("localhost.example", False),
        ("mylocalhost", False),
        ("127.0.0.1.nip.io", False),
        ("", False),
    ],
)
def test_is_loopback_host(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


# -- CheckoutUrlPolicy ------------------------------------------------------------------


@pytest.fixture
def policy() -> CheckoutUrlPolicy:
    return CheckoutUrlPolicy(["checkout.hpay.cash", "127.0.0.1", "localhost", "::1"])


@pytest.mark.parametrize(
    "url",
    [
        "https://checkout.hpay.cash?ref=AabBzZ190002AZ",  # the documented example
        "https://checkout.hpay.cash/?ref=ceXefesOpl",  # the documented payment_link
        "https://checkout.hpay.cash",
        "https://CHECKOUT.HPAY.CASH/pay?ref=1#top",
        "HTTPS://checkout.hpay.cash/x",
        "https://checkout.hpay.cash:443/?ref=1",
        "http://127.0.0.1:8765/checkout?ref=abc",
        "https://127.0.0.1/checkout",
        "http://localhost:8765/checkout",
        "http://[::1]:8765/checkout",
    ],
)
def test_checkout_url_accepted(policy: CheckoutUrlPolicy, url: str) -> None:
    assert policy.check(url) == url


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("javascript:alert(1)", "not an https link"),
        ("JAVASCRIPT://checkout.hpay.cash/%0aalert(1)", "not an https link"),
        ("data:text/html,<script>alert(1)</script>", "not an https link"),
        ("file:///etc/passwd", "not an https link"),
        ("ftp://checkout.hpay.cash/", "not an https link"),
        ("intent://checkout.hpay.cash#Intent;end", "not an https link"),
        ("http://checkout.hpay.cash/?ref=1", "not an https link"),
        ("//checkout.hpay.cash/?ref=1", "not an https link"),
        ("checkout.hpay.cash/?ref=1", "not an https link"),
        ("https:checkout.hpay.cash", "no host"),
        ("https:/checkout.hpay.cash", "no host"),
        ("https:///checkout.hpay.cash", "no host"),
        ("https://checkout.hpay.cash.evil.example/?ref=1", "not an allowed checkout host"),
        ("https://evilcheckout.hpay.cash/?ref=1", "not an allowed checkout host"),
        ("https://evil-checkout.hpay.cash/", "not an allowed checkout host"),
        ("https://hpay.cash/", "not an allowed checkout host"),
        ("https://xn--checkout-hpay-cash.example/", "not an allowed checkout host"),
        ("https://checkout.hpay.cash@evil.example/", "user name"),
        ("https://a@checkout.hpay.cash/", "user name"),
        ("https://a:b@checkout.hpay.cash/", "user name"),
        ("https://checkout.hpay.cash%40evil.example/", "host name is invalid"),
        ("https://checkout.hpay.cash./", "host name is invalid"),
        ("https://checkout.hpay.cash:8443/", "unusual port"),
        ("https://checkout.hpay.cash:0/", "unusual port"),
        ("https://checkout.hpay.cash:99999/", "malformed"),
        ("https://checkout.hpay.cash:abc/", "malformed"),
        ("https://checkout.hpay.cash\\@evil.example/", "backslashes"),
        ("https:\\\\checkout.hpay.cash/", "backslashes"),
        ("https://checkout.hpay.cash/ ?ref=1", "spaces"),
        ("https://checkout.hpay.cash/\t?ref=1", "spaces"),
        ("https://check\nout.hpay.cash/", "control characters"),
        ("https://checkout.hpay.cash/\x00", "control characters"),
        ("https://checkout.hpay.cash/\u200b", "control characters"),  # zero-width space
        ("https://checkout.hpay.cash/\u202e", "control characters"),  # bidi override
        ("https://checkout.hpay.cash\u3000/", "spaces"),
        ("https://10.1.2.3/checkout", "not an allowed checkout host"),
        ("https://checkοut.hpay.cash/", "not an allowed checkout host"),  # Greek omicron
        ("https://checkout.hpay.caſh/", "host name is invalid"),  # long s, IDNA-mapped
        ("https://checkout．hpay.cash/", "host name is invalid"),  # fullwidth dot
        ("http://127.0.0.2:8765/", "not an allowed checkout host"),
        ("https://[::1", "malformed"),
        ("", "not a link"),
    ],
)
def test_checkout_url_refused(policy: CheckoutUrlPolicy, url: str, words: str) -> None:
    with pytest.raises(UnsafeCheckoutUrl) as info:
        policy.check(url)
    assert words in str(info.value)
    assert isinstance(info.value, HpayError)


def test_checkout_url_not_text(policy: CheckoutUrlPolicy) -> None:
    with pytest.raises(UnsafeCheckoutUrl, match="not a link"):
        policy.check(None)  # type: ignore[arg-type]


def test_ip_literal_refused_even_when_allowed() -> None:
    policy = CheckoutUrlPolicy(["10.1.2.3", "8.8.8.8", "checkout.hpay.cash"])
    for url in ("https://10.1.2.3/checkout", "https://8.8.8.8/checkout"):
        with pytest.raises(UnsafeCheckoutUrl, match="IP address"):
            policy.check(url)
    with pytest.raises(UnsafeCheckoutUrl, match="IP address"):  # no local sandbox: no LAN
        policy.check("http://10.1.2.3:8080/checkout/?ref=X")


def test_lan_checkout_of_a_local_sandbox() -> None:
    """`hpos --demo --lan`: the API on loopback, the checkout page on a private LAN address."""
    policy = CheckoutUrlPolicy(["192.168.1.23", "8.8.8.8", "127.0.0.1"])
    url = "http://192.168.1.23:54321/checkout/?ref=X"
    assert policy.check(url) == url
    assert policy.check("https://127.0.0.1/checkout") == "https://127.0.0.1/checkout"
    with pytest.raises(UnsafeCheckoutUrl, match="IP address"):  # public: never
        policy.check("http://8.8.8.8:54321/checkout/?ref=X")
    with pytest.raises(UnsafeCheckoutUrl, match="not an allowed"):  # only the listed address
        policy.check("http://192.168.1.24:54321/checkout/?ref=X")


def test_loopback_only_when_allowed() -> None:
    policy = CheckoutUrlPolicy(["checkout.hpay.cash"])
    for url in ("http://127.0.0.1:8765/", "http://localhost/", "https://localhost/"):
        with pytest.raises(UnsafeCheckoutUrl, match="not an allowed"):
            policy.check(url)


def test_too_long_and_message_is_short(policy: CheckoutUrlPolicy) -> None:
    url = "https://checkout.hpay.cash/?ref=" + "A" * 2100
    with pytest.raises(UnsafeCheckoutUrl, match="too long") as info:
        policy.check(url)
    assert len(str(info.value)) < 160
    assert "…" in str(info.value)
    just_fits = "https://checkout.hpay.cash/?ref=" + "A" * (2048 - 32)
    assert len(just_fits) == 2048
    assert policy.check(just_fits) == just_fits


def test_message_does_not_echo_control_characters(policy: CheckoutUrlPolicy) -> None:
    with pytest.raises(UnsafeCheckoutUrl) as info:
        policy.check("https://evil.example/\x1b[2J\r\n")
    assert all(ch.isprintable() for ch in str(info.value))


def test_idn_allowed_host_compares_in_ascii_form() -> None:
    policy = CheckoutUrlPolicy(["paiement.café.example"])
    assert policy.allowed_hosts == frozenset({"paiement.xn--caf-dma.example"})
    assert policy.check("https://paiement.xn--caf-dma.example/?ref=1")
    assert policy.check("https://paiement.café.example/?ref=1")
    assert policy.check("https://PAIEMENT.xn--caf-dma.example/?ref=1")


def test_strasse_deviation_is_refused() -> None:
    # IDNA 2003 maps "ß" to "ss" while a phone may resolve "xn--strae-oqa": never ambiguous.
    policy = CheckoutUrlPolicy(["strasse.example"])
    with pytest.raises(UnsafeCheckoutUrl):
        policy.check("https://straße.example/")


@pytest.mark.parametrize("bad", ["", "https://checkout.hpay.cash", "bad host", None, "a..b"])
def test_policy_refuses_bad_allowed_hosts(bad: object) -> None:
    with pytest.raises(ConfigError):
        CheckoutUrlPolicy([bad])  # type: ignore[list-item]


def test_empty_policy_refuses_everything() -> None:
    with pytest.raises(UnsafeCheckoutUrl):
        CheckoutUrlPolicy([]).check("https://checkout.hpay.cash/")


def test_allowed_hosts_are_normalised() -> None:
    policy = CheckoutUrlPolicy([" Checkout.HPAY.cash ", "[::1]"])
    assert policy.allowed_hosts == frozenset({"checkout.hpay.cash", "::1"})
