"""companies.emails.normalize_email: the one check every accepted e-mail address goes through."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
