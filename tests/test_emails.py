"""companies.emails.normalize_email: the one check every accepted e-mail address goes through."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from companies.emails import MAX_INPUT
from companies.emails import _checked
from companies.emails import normalize_email


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("kari@fjord.no", "kari@fjord.no"),
        ("  Kari.Nordmann@FJORD.no ", "kari.nordmann@fjord.no"),
        ("post@XN--BJRK-HRA.NO", "post@bjørk.no"),  # one spelling of an internationalised domain
        ("post@bjørk.no", "post@bjørk.no"),
        ("a@b@c", None),
        ("kari@fjord.no\r\nBcc: x@y.no", None),
        ("Kari <kari@fjord.no>", None),
        ('"kari nordmann"@fjord.no', None),
        ("kari@[10.0.0.1]", None),
        ("kari@localhost", None),
        ("kari@fjord..no", None),
        ("", None),
        (None, None),
        ("k" * 400 + "@fjord.no", None),
    ],
)
def test_it_stores_one_normalised_spelling_or_refuses(raw: str | None, stored: str | None) -> None:
    assert normalize_email(raw) == stored


LOCAL = st.text(alphabet="abkXZ09._+-!#$%&'*/=?^`{|}~\"<>@ \r\n\x00æø", min_size=1, max_size=20)
LABEL = st.text(alphabet="abxz09-æøÅ_\r\n\x00", min_size=1, max_size=12)
DOMAIN = st.builds(lambda labels, tld: ".".join([*labels, tld]), st.lists(LABEL, min_size=1, max_size=3),
                   st.sampled_from(["no", "com", "NO", "test", "123", "x"]))  # fmt: skip


@settings(max_examples=400, deadline=200)
@given(st.one_of(st.text(max_size=60), st.builds(lambda local, domain: f"{local}@{domain}", LOCAL, DOMAIN)))
def test_whatever_it_accepts_is_one_plain_address_and_stays_as_it_is(raw: str) -> None:
    stored = normalize_email(raw)
    if stored is None:
        return
    assert stored.count("@") == 1 and len(stored) <= 254
    assert not any(c.isspace() or ord(c) < 32 or c in '<>",;\x7f' for c in stored), stored
    assert normalize_email(stored) == stored


def _library(raw: str) -> str | None:
    """The library's verdict on the whole address, by the same call normalize_email makes but without the shape
    and without the memo: what normalize_email must agree with."""
    text = raw.strip()
    if not text or len(text) > MAX_INPUT:
        return None
    return _checked.__wrapped__(text)


PLAIN_LOCAL = st.text(alphabet="aZx09._+-", min_size=0, max_size=70)
PLAIN_LABEL = st.one_of(
    st.text(alphabet="abnxZ09-", min_size=0, max_size=8),
    st.sampled_from(["xn--bjrk-hra", "XN--BJRK-HRA", "ab--c", "xn--", "a" * 63, "b" * 64, "9" * 63, "x-"]),
)
PLAIN_TLD = st.sampled_from(["no", "NO", "com", "arpa", "invalid", "local", "localhost", "onion", "test", "x",
                             "123", "n0", "0n", "", "xn--p1ai", "a" * 64, "Test"])  # fmt: skip
PLAIN = st.builds(
    lambda local, labels, tld: f"{local}@{'.'.join([*labels, tld])}",
    PLAIN_LOCAL,
    st.lists(PLAIN_LABEL, min_size=0, max_size=5),
    PLAIN_TLD,
)


@settings(max_examples=3000, deadline=None)
@given(PLAIN)
def test_plain_addresses_judged_by_their_shape_get_the_librarys_own_verdict(raw: str) -> None:
    assert normalize_email(raw) == _library(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "a" * 64 + "@fjord.no",
        "a" * 65 + "@fjord.no",
        "kari@" + ".".join(["a" * 63] * 3) + "." + "b" * 61 + ".no",  # 253 characters of domain
        "kari@" + ".".join(["a" * 63] * 3) + "." + "b" * 62 + ".no",
        "k" * 64 + "@" + ".".join(["a" * 60] * 3) + "." + "b" * 2 + ".no",  # past 254 in all
        "kari@ab--cd.no",
        "kari@xn--bjrk-hra.no",
        "kari@fjord.123",
        "kari@fjord.test",
        ".kari@fjord.no",
        "kari.@fjord.no",
        "ka..ri@fjord.no",
        "kari@-fjord.no",
        "kari@fjord-.no",
        "kari@fjord.no.",
        "kari@.fjord.no",
        "kari@fjord",
        "KARI+nyhet@Post.FJORD.NO",
    ],
)
def test_edge_shapes_get_the_librarys_own_verdict(raw: str) -> None:
    assert normalize_email(raw) == _library(raw)
