"""The hunter portal's leads: an organisation's members see its leads and the open ones of its counties and
trades, claim (first wins), write notes, release a lead back to the others and record the outcome; nothing of a
lead they may not see is shown or changed, whatever id or form they send."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient
from sqlalchemy import select

from hunters.lead_actions import ReleaseStatus
from hunters.lead_actions import release_lead
from hunters.lead_notes import NoteStatus
from hunters.lead_notes import add_note
from hunters.lead_notes import lead_history
from hunters.leads import ClaimStatus
from hunters.leads import claim_lead
from hunters.leads import create_lead
from hunters.leads import record_outcome
from hunters.portal_leads import PAGE_SIZE
from store.db import Database
from store.models import Company
from store.models import Hunter
from store.models import HunterMember
from store.models import HunterState
from store.models import Lead
from store.models import LeadState
from store.models import MemberNotice
from store.models import Registration
from store.models import RegistrationSource
from store.models import utcnow
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration
from tests.portal_factories import csrf
from tests.portal_factories import make_member
from tests.portal_factories import sign_in
from tests.register_files import valid_orgnrs
from web.portal.leads import CLAIM_TEXTS


def _setup(db: Database) -> dict[str, int]:
    """Two organisations in Troms (55) and one in Oslo (03), each with a member; one lead in Troms."""
    with db.transaction() as session:
        ours = make_hunter(session, counties=("55",), all_trades=True, name="NAV Tromsø")
        rival = make_hunter(session, counties=("55",), all_trades=True, name="Elektroforeningen")
        oslo = make_hunter(session, counties=("03",), all_trades=True, name="NAV Oslo")
        me = make_member(session, hunter=ours)
        colleague = make_member(session, hunter=ours, name="Per", email="per@jeger.no", phone="+4791111112")
        make_member(session, hunter=rival, name="Rita", email="rita@el.no", phone="+4791111113")
        make_member(session, hunter=oslo, name="Ola", email="ola@nav.no", phone="+4791111114")
        company = make_company(session, county="55", name="Rørlegger Nord AS")
        lead = create_lead(session, registration_id=make_registration(session, company=company).id)
        return {
            "ours": ours.id, "rival": rival.id, "oslo": oslo.id, "me": me.id, "colleague": colleague.id,
            "lead": lead.id,
        }  # fmt: skip


def _post(client: TestClient, path: str, page: str, **data: str) -> object:
    return client.post(path, data={**data, "csrf_token": csrf(client, page)}, follow_redirects=False)


def test_a_member_claims_notes_releases_claims_again_and_records_an_outcome(
    db: Database, client: TestClient
) -> None:
    ids = _setup(db)
    sign_in(client, db)
    lead_page = f"/jeger/leads/{ids['lead']}"
    overview = client.get("/jeger/")
    assert "Rørlegger Nord AS" in overview.text and "Ledige leads" in overview.text
    assert _post(client, f"{lead_page}/ta", lead_page).status_code == 303  # type: ignore[attr-defined]
    page = client.get(lead_page)
    assert "Leaden er deres" in page.text and "Tatt" in page.text
    _post(client, f"{lead_page}/notat", lead_page, text="Ringte daglig leder, ring igjen fredag.")
    assert "Ringte daglig leder, ring igjen fredag." in client.get(lead_page).text
    _post(client, f"{lead_page}/slipp", lead_page)
    with db.session() as session:
        lead = session.get_one(Lead, ids["lead"])
        assert (lead.state, lead.hunter_id) == (LeadState.NEW, None)
        # The other organisation of the county hears of it again; the one that let it go does not.
        told = {
            m.hunter_id
            for m in session.scalars(
                select(HunterMember)
                .join(MemberNotice, MemberNotice.member_id == HunterMember.id)
                .where(MemberNotice.lead_id == ids["lead"])
            )
        }
        assert told == {ids["ours"], ids["rival"]}
        assert (
            session.scalar(
                select(MemberNotice.id)
                .join(HunterMember, HunterMember.id == MemberNotice.member_id)
                .where(HunterMember.hunter_id == ids["ours"], MemberNotice.kind == "new")
                .order_by(MemberNotice.id.desc())
            )
            is not None
        )
    _post(client, f"{lead_page}/ta", lead_page)
    _post(client, f"{lead_page}/utfall", lead_page, outcome="became_training_company")
    page = client.get(lead_page)
    assert "Utfallet er lagret: ble lærebedrift." in page.text
    with db.session() as session:
        lead = session.get_one(Lead, ids["lead"])
        assert (lead.state, lead.hunter_id) == (LeadState.BECAME_TRAINING_COMPANY, ids["ours"])
        kinds = [e.kind for e in lead_history(session, lead_id=lead.id, hunter_id=ids["ours"])]
        assert kinds == ["claimed", "note", "released", "claimed", "outcome"]
        # The colleague hears of the outcome; the member who recorded it does not.
        outcome_to = session.scalars(
            select(MemberNotice.member_id).where(MemberNotice.kind == "outcome")
        ).all()
        assert outcome_to == [ids["colleague"]]


def test_the_first_claim_wins_and_the_second_organisation_is_told_who_has_it(db: Database) -> None:
    ids = _setup(db)
    with db.transaction() as session:
        assert claim_lead(session, lead_id=ids["lead"], hunter_id=ids["rival"]).ok
    with db.transaction() as session:
        second = claim_lead(session, lead_id=ids["lead"], hunter_id=ids["ours"], member_id=ids["me"])
        assert not second.ok and second.owner is not None and second.owner.org_name == "Elektroforeningen"


def test_a_lead_outside_the_organisations_counties_or_held_by_another_is_not_shown(
    db: Database, client: TestClient
) -> None:
    ids = _setup(db)
    with db.transaction() as session:
        oslo_member = session.scalars(select(HunterMember).where(HunterMember.hunter_id == ids["oslo"])).one()
        assert oslo_member.email == "ola@nav.no"
    sign_in(client, db, "ola@nav.no")
    assert "Rørlegger Nord AS" not in client.get("/jeger/").text
    assert client.get(f"/jeger/leads/{ids['lead']}").status_code == 404
    assert client.get("/jeger/leads/999999").status_code == 404
    assert client.get("/jeger/leads/99999999999999").status_code in (404, 422)
    response = _post(client, f"/jeger/leads/{ids['lead']}/ta", "/jeger/")
    assert response.status_code == 303  # type: ignore[attr-defined]
    with db.session() as session:
        assert session.get_one(Lead, ids["lead"]).hunter_id is None


def test_only_the_holder_writes_notes_or_releases(db: Database) -> None:
    ids = _setup(db)
    with db.transaction() as session:
        claim_lead(session, lead_id=ids["lead"], hunter_id=ids["rival"])
    with db.transaction() as session:
        me = session.get_one(HunterMember, ids["me"])
        assert (
            add_note(session, lead_id=ids["lead"], hunter_id=me.hunter_id, member_id=me.id, text="hei").status
            is NoteStatus.NOT_OWNER
        )
        assert (
            add_note(session, lead_id=ids["lead"], hunter_id=me.hunter_id, member_id=me.id, text="  ").status
            is NoteStatus.EMPTY
        )
        assert (
            release_lead(session, lead_id=ids["lead"], hunter_id=ids["ours"]).status
            is ReleaseStatus.NOT_OWNER
        )
        assert (
            release_lead(session, lead_id=10**6, hunter_id=ids["ours"]).status is ReleaseStatus.UNKNOWN_LEAD
        )
    with db.session() as session:
        lead = session.get_one(Lead, ids["lead"])
        assert (lead.state, lead.hunter_id) == (LeadState.CLAIMED, ids["rival"])


def test_a_final_outcome_cannot_be_released(db: Database) -> None:
    ids = _setup(db)
    with db.transaction() as session:
        claim_lead(session, lead_id=ids["lead"], hunter_id=ids["ours"])
        record_outcome(session, lead_id=ids["lead"], hunter_id=ids["ours"], outcome=LeadState.DECLINED)
    with db.transaction() as session:
        assert release_lead(session, lead_id=ids["lead"], hunter_id=ids["ours"]).status is ReleaseStatus.FINAL


def test_a_released_organisations_notes_are_not_shown_to_the_next_one(
    db: Database, client: TestClient
) -> None:
    ids = _setup(db)
    with db.transaction() as session:
        claim_lead(session, lead_id=ids["lead"], hunter_id=ids["rival"])
        rita = session.scalars(select(HunterMember).where(HunterMember.name == "Rita")).one()
        add_note(
            session,
            lead_id=ids["lead"],
            hunter_id=rita.hunter_id,
            member_id=rita.id,
            text="Hemmelig notat fra Elektroforeningen",
        )
        release_lead(session, lead_id=ids["lead"], hunter_id=ids["rival"])
    sign_in(client, db)
    page = client.get(f"/jeger/leads/{ids['lead']}")
    assert page.status_code == 200 and "Hemmelig notat" not in page.text


def test_forms_with_bad_values_get_a_clear_answer_and_change_nothing(
    db: Database, client: TestClient
) -> None:
    ids = _setup(db)
    sign_in(client, db)
    lead_page = f"/jeger/leads/{ids['lead']}"
    _post(client, f"{lead_page}/ta", lead_page)
    response = _post(client, f"{lead_page}/utfall", lead_page, outcome="'; drop table lead; --")
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert "Velg et utfall." in client.get(lead_page).text
    _post(client, f"{lead_page}/notat", lead_page, text="x" * 5000)
    assert "for langt" in client.get(lead_page).text
    assert client.post(f"{lead_page}/slipp", data={}).status_code == 403  # no CSRF token
    with db.session() as session:
        assert session.get_one(Lead, ids["lead"]).state is LeadState.CLAIMED


def test_the_profile_shows_the_organisation_and_its_members(db: Database, client: TestClient) -> None:
    _setup(db)
    sign_in(client, db)
    page = client.get("/jeger/organisasjon")
    assert page.status_code == 200
    assert "NAV Tromsø" in page.text and "Kari Jeger" in page.text and "Per" in page.text
    assert "Rita" not in page.text
    assert re.search(r'href="/jeger/organisasjon/medlemmer"', page.text)


def test_the_portal_speaks_nynorsk_and_english_when_asked(db: Database, client: TestClient) -> None:
    _setup(db)
    sign_in(client, db)
    client.get("/jeger/sprak/nn?next=/jeger/")
    assert "Leadsa våre" in client.get("/jeger/").text
    client.get("/jeger/sprak/en?next=https://evil.example/")
    page = client.get("/jeger/")
    assert "Our leads" in page.text and 'lang="en"' in page.text


def test_a_pending_organisation_sees_that_it_waits(db: Database, client: TestClient) -> None:
    with db.transaction() as session:
        hunter = make_hunter(session, state=HunterState.PENDING)
        make_member(session, hunter=hunter)
        assert session.get_one(Hunter, hunter.id).state is HunterState.PENDING
    sign_in(client, db)
    assert "venter på godkjenning" in client.get("/jeger/").text


def test_every_claim_answer_has_a_text_on_the_portal() -> None:
    """An unknown lead is a 404 page; every other answer of the claim is a message the member reads."""
    assert set(CLAIM_TEXTS) | {ClaimStatus.UNKNOWN_LEAD} == set(ClaimStatus)


def _many_leads(db: Database, hunter_id: int, *, owned: int, open_: int) -> tuple[list[int], list[int]]:
    """(ids of `owned` leads the organisation holds, ids of `open_` open leads of its county), oldest first:
    saved in a few statements, without the notices create_lead sends."""
    with db.transaction() as session:
        companies = [
            Company(orgnr=orgnr, name=f"Lista {n} AS", county_number="55")
            for n, orgnr in enumerate(valid_orgnrs(owned + open_, seed=7))
        ]
        session.add_all(companies)
        session.flush()
        registrations = [
            Registration(company_id=c.id, source=RegistrationSource.WEB, completed_at=utcnow())
            for c in companies
        ]
        session.add_all(registrations)
        session.flush()
        leads = [
            Lead(
                registration_id=r.id,
                company_id=r.company_id,
                county_number="55",
                state=LeadState.CLAIMED if n < owned else LeadState.NEW,
                hunter_id=hunter_id if n < owned else None,
            )
            for n, r in enumerate(registrations)
        ]
        session.add_all(leads)
        session.flush()
        return [lead.id for lead in leads[:owned]], [lead.id for lead in leads[owned:]]


def _shown(page: str) -> list[int]:
    return [int(found) for found in re.findall(r'href="/jeger/leads/(\d+)"', page)]


def _next_links(page: str) -> list[str]:
    return [html.unescape(link) for link in re.findall(r'rel="next" href="([^"#]+)#', page)]


def test_long_lists_are_cut_into_pages_each_with_its_next_page_link(db: Database, client: TestClient) -> None:
    ids = _setup(db)
    owned, open_leads = _many_leads(db, ids["ours"], owned=PAGE_SIZE + 2, open_=PAGE_SIZE + 1)
    open_leads = [ids["lead"], *open_leads]  # the setup's open lead is the oldest
    sign_in(client, db)
    first = client.get("/jeger/").text
    newest_owned, oldest_open = owned[::-1][:PAGE_SIZE], open_leads[:PAGE_SIZE]
    assert _shown(first) == newest_owned + oldest_open
    mine_next, open_next = _next_links(first)
    assert "mine_after=" in mine_next and "open_after=" in open_next

    second_mine = client.get(mine_next).text  # the rest of ours; the open list stays on its first page
    assert _shown(second_mine) == owned[::-1][PAGE_SIZE:] + oldest_open
    (open_then,) = _next_links(second_mine)  # only the open list goes on, keeping ours where it is
    assert 'href="/jeger/#mine"' in second_mine  # back to the first page of ours

    last = client.get(open_then).text
    assert _shown(last) == owned[::-1][PAGE_SIZE:] + open_leads[PAGE_SIZE:]
    assert _next_links(last) == []
    assert client.get(open_next).text.count('rel="next"') == 1  # ours still has its next page there


def test_a_damaged_page_link_is_refused_with_a_message(db: Database, client: TestClient) -> None:
    _setup(db)
    sign_in(client, db)
    for cursor in ("WzEsMl0", "not-a-cursor", "W10", "x" * 500):
        answer = client.get("/jeger/", params={"open_after": cursor})
        assert answer.status_code == 400 and "Lenken til neste side er ugyldig" in answer.text
