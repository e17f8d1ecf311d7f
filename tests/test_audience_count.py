"""The audience count (issue 14): counted as the companies an audience's own columns select less those its
exclusions' queries name, with NACE prefixes matched through the register's codes on PostgreSQL; it must
give the very companies `base_conditions` selects, whichever keys and exclusions the audience has."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func
from sqlalchemy import not_
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.audience import base_conditions
from campaigns.audience import count
from campaigns.audience_nace import contactable_nace
from campaigns.definition import parse_definition
from campaigns.definition_model import CampaignDefinition
from store.models import Company
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import utcnow
from store.reference import county_numbers
from tests.lead_factories import make_company as make_any_company
from tests.lead_factories import make_registration
from tests.register_files import valid_orgnrs

STEP = '[[steps]]\nchannel = "sms"\ntemplate = "sms/voksen"\nat = "2027-02-01T09:00"\n'


def definition(audience: str) -> CampaignDefinition:
    return parse_definition(
        'name = "Telling"\n[audience]\n' + audience + STEP, filename="telling.toml", counties=county_numbers()
    )


@pytest.fixture
def register(session: Session) -> None:
    """Companies of every kind an audience tells apart: trades, sizes, training companies, closed ones and
    ones that said STOPP (one of them the only holder of its code), registered ones (verified or not) and a
    recently contacted one."""
    numbers = valid_orgnrs(20, seed=23)

    def make_company(session: Session, **kw: Any) -> Company:
        return make_any_company(session, orgnr=next(numbers), **kw)

    for nace, employees in [("43.220", 3), ("43.220", None), ("41.200", 40), ("25.620", 900), ("96.020", 5)]:
        make_company(session, name=f"Bedrift {nace} {employees}", nace_code=nace, employees=employees)
    make_company(session, name="Uten kode", nace_code=None, employees=10)
    make_company(session, name="Godkjent", nace_code="43.220", employees=10, is_training_company=True)
    make_company(session, name="Konkurs", nace_code="43.999", employees=10, bankrupt=True)
    make_company(session, name="Sa STOPP", nace_code="41.200", employees=10, do_not_contact_at=utcnow())
    registered = make_company(session, name="Registrert", nace_code="43.210", employees=10)
    make_registration(session, company=registered)
    unverified = make_company(session, name="Ikke bekreftet", nace_code="43.210", employees=10)
    make_registration(session, company=unverified, verified=False)
    both = make_company(session, name="Registrert og kontaktet", nace_code="25.110", employees=10)
    make_registration(session, company=both)
    recent = make_company(session, name="Kontaktet", nace_code="25.110", employees=10)
    sent = {"kind": MessageKind.OUTREACH, "state": MessageState.SENT, "sent_at": utcnow() - timedelta(days=3)}
    session.add_all([Message(company_id=c.id, channel="sms", **sent) for c in (both, recent)])
    session.flush()


@pytest.mark.parametrize(
    "audience",
    [
        "",
        'nace = ["43"]\n',
        'nace = ["43", "41", "4"]\n',
        'nace = ["43.2", "25"]\nemployees = [1, 500]\n',
        'nace = ["43", "41", "25"]\nemployees = [5, 500]\nexclude = ["training_company", "registered"]\n',
        'trades = ["Rørleggerfaget"]\nexclude = ["registered"]\n',
        'nace = ["25", "43"]\nexclude = ["registered"]\nexclude_contacted_days = 30\n',
        "exclude_contacted_days = 30\n",
        'nace = ["96"]\nexclude = ["registered"]\n[audience.also]\nnace = ["43.21"]\n',
    ],
)
def test_the_count_is_the_number_of_companies_the_audience_selects(
    session: Session, register: None, audience: str
) -> None:
    parsed = definition(audience)
    chosen = session.scalars(select(Company.name).where(*base_conditions(parsed))).all()
    assert count(session, parsed) == len(chosen)


def test_the_count_leaves_out_what_each_exclusion_names_once(session: Session, register: None) -> None:
    parsed = definition('nace = ["43", "41", "25"]\nexclude = ["registered"]\nexclude_contacted_days = 30\n')
    chosen = session.scalars(select(Company.name).where(*base_conditions(parsed))).all()
    assert sorted(chosen) == [
        "Bedrift 25.620 900",
        "Bedrift 41.200 40",
        "Bedrift 43.220 3",
        "Bedrift 43.220 None",
        "Godkjent",
        "Ikke bekreftet",
    ]
    assert count(session, parsed) == 6


@pytest.mark.parametrize("prefixes", [["43"], ["41", "43.2"], ["4"], ["43.999"], ["99"]])
def test_nace_prefixes_match_the_codes_of_companies_that_may_be_contacted(
    session: Session, register: None, prefixes: list[str]
) -> None:
    """ "43.999" is held only by a bankrupt company: the codes come from companies that may be contacted, and
    the condition says so itself."""
    like = or_(*(Company.nace_code.startswith(p) for p in prefixes))
    expected = session.scalars(select(Company.name).where(like, not_(Company.never_contact))).all()
    found = session.scalars(select(Company.name).where(contactable_nace(prefixes))).all()
    assert sorted(found) == sorted(expected)
    assert session.scalar(select(func.count()).select_from(Company).where(contactable_nace(prefixes))) == len(
        expected
    )
