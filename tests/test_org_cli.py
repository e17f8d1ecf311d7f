"""`jeger hunters add`, `jeger staff add --role county` and `jeger leads show` against a real database."""

from __future__ import annotations

import json

from sqlalchemy import select

from hunters.leads import claim_lead
from hunters.leads import create_lead
from staff.accounts import staff_by_email
from store.db import Database
from store.models import Hunter
from store.models import HunterMember
from store.models import HunterState
from store.models import Intent
from store.models import Reply
from tests.conftest import RunCli
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration

ADD = ("hunters", "add", "NAV Tromsø", "--orgnr", "974760673", "--type", "nav", "--county", "55")


def test_hunters_add_prints_the_id_and_the_organisation_waits_with_its_first_member(
    cli: RunCli, db: Database
) -> None:
    result = cli(
        *ADD, "--county", "56", "--trade", "Elektrikerfaget", "--trade", "1", "--email", "kari@nav.no"
    )
    assert result.exit_code == 0, result.output
    hunter_id = int(result.stdout)
    with db.session() as session:
        hunter = session.get_one(Hunter, hunter_id)
        assert hunter.state == HunterState.PENDING and hunter.type == "nav"
        assert [c.number for c in hunter.counties] == ["55", "56"] and len(hunter.trades) == 2
        [member] = hunter.members
        assert (member.name, member.email) == ("NAV Tromsø", "kari@nav.no")


def test_hunters_add_json_and_approve(cli: RunCli, db: Database) -> None:
    result = cli(
        *ADD, "--email", "kari@nav.no", "--phone", "912 34 567", "--contact", "Kari", "--approve", "--json"
    )
    assert result.exit_code == 0, result.output
    hunter_id = json.loads(result.stdout)["id"]
    with db.session() as session:
        hunter = session.get_one(Hunter, hunter_id)
        assert hunter.state == HunterState.APPROVED and hunter.all_trades
        assert hunter.members[0].phone == "+4791234567"


def test_hunters_add_refuses_bad_input_with_exit_2_and_writes_nothing(cli: RunCli, db: Database) -> None:
    for args in (
        (
            "hunters",
            "add",
            "NAV",
            "--orgnr",
            "974760674",
            "--type",
            "nav",
            "--county",
            "55",
            "--email",
            "k@nav.no",
        ),
        (*ADD, "--email", "not-an-address"),
        (*ADD, "--email", "k@nav.no", "--trade", "Dragetemming"),
        (
            "hunters",
            "add",
            "NAV",
            "--orgnr",
            "974760673",
            "--type",
            "pirates",
            "--county",
            "55",
            "--email",
            "k@nav.no",
        ),
    ):
        result = cli(*args)
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
    with db.session() as session:
        assert session.scalar(select(HunterMember.id)) is None


def test_staff_add_county_makes_a_county_officer(cli: RunCli, db: Database) -> None:
    result = cli(
        "staff",
        "add",
        "fylke@tffk.no",
        "--role",
        "county",
        "--county",
        "55",
        "--county",
        "56",
        "--password",
        "x" * 12,
    )
    assert result.exit_code == 0, result.output
    assert "fylkesansvarlig, fylke 55 56" in result.stdout
    with db.session() as session:
        user = staff_by_email(session, "fylke@tffk.no")
        assert user is not None and user.county_officer and [c.number for c in user.counties] == ["55", "56"]
    listed = json.loads(cli("staff", "list", "--json").stdout)
    assert [(u["role"], u["counties"]) for u in listed] == [("county", ["55", "56"])]
    assert cli("staff", "add", "b@tffk.no", "--role", "county", "--password", "x" * 12).exit_code == 2
    assert (
        cli(
            "staff", "add", "c@tffk.no", "--role", "county", "--county", "99", "--password", "x" * 12
        ).exit_code
        == 2
    )
    assert (
        cli(
            "staff", "add", "d@tffk.no", "--role", "admin", "--county", "55", "--password", "x" * 12
        ).exit_code
        == 2
    )


def test_leads_show_names_who_heard_of_the_lead_and_who_claimed_it(cli: RunCli, db: Database) -> None:
    with db.transaction() as session:
        first = make_hunter(session, name="Elektroforeningen", all_trades=True)
        second = make_hunter(session, name="NAV Tromsø", all_trades=True)
        make_hunter(session, name="Oslo-laget", counties=("03",), all_trades=True)
        lead = create_lead(
            session, registration_id=make_registration(session, company=make_company(session)).id
        )
        lead_id = lead.id
    shown = json.loads(cli("leads", "show", str(lead_id), "--json").stdout)
    assert shown["announced_to"] == [
        {"id": first.id, "name": "Elektroforeningen"},
        {"id": second.id, "name": "NAV Tromsø"},
    ]
    assert shown["claimed_by"] is None and shown["state"] == "new" and shown["id"] == lead_id
    with db.transaction() as session:
        assert claim_lead(session, lead_id=lead_id, hunter_id=second.id).ok
    shown = json.loads(cli("leads", "show", str(lead_id), "--json").stdout)
    assert shown["claimed_by"] == {"id": second.id, "name": "NAV Tromsø"}
    readable = cli("leads", "show", str(lead_id))
    assert readable.exit_code == 0
    assert "Tatt av:    NAV Tromsø" in readable.stdout and "Elektroforeningen (nr." in readable.stdout
    missing = cli("leads", "show", "999")
    assert missing.exit_code == 2 and "999" in missing.stderr


def test_jeger_in_the_sandbox_starts_the_hunter_sign_up_not_a_question_to_staff(
    cli: RunCli, db: Database
) -> None:
    def say(text: str) -> str:
        result = cli("sandbox", "reply", "--from", "tg:4242", text)
        assert result.exit_code == 0, result.output
        return str(result.stdout)

    assert "Hva heter organisasjonen" in say("/jeger")
    say("NAV Tromsø")
    say("nav")
    say("974760673")
    say("55 Troms")  # typed counties are picked, and «Ferdig» may be typed where there are no buttons
    assert "Hvilke fag" in say("Ferdig")
    say("Alle fag")
    say("Kari Nordmann")
    assert "venter på godkjenning" in say("912 34 567")
    with db.session() as session:
        hunter = session.scalars(select(Hunter)).one()
        assert hunter.state == HunterState.PENDING and [c.number for c in hunter.counties] == ["55"]
        assert hunter.all_trades and hunter.members[0].telegram_chat_id == "4242"
        # Nothing of it reached staff's inbox as a question.
        assert session.scalar(select(Reply.id).where(Reply.intent == Intent.FREE_TEXT)) is None
    assert "venter på godkjenning" in say("/jeger")


def test_privacy_export_and_erase_cover_members_and_their_notes(cli: RunCli, db: Database) -> None:
    from hunters.lead_notes import add_note
    from hunters.member_sessions import start_member_session
    from store.models import LeadNote
    from store.models import MemberSession

    with db.transaction() as session:
        hunter = make_hunter(session, all_trades=True)
        company = make_company(session, name="Fjordbygg AS", orgnr="984851006")
        lead = create_lead(session, registration_id=make_registration(session, company=company).id)
        assert claim_lead(session, lead_id=lead.id, hunter_id=hunter.id).ok
        member = HunterMember(
            hunter_id=hunter.id, name="Kari Jeger", email="kari@jeger.no", phone="+4791111111"
        )
        session.add(member)
        session.flush()
        assert (
            add_note(
                session,
                lead_id=lead.id,
                hunter_id=hunter.id,
                member_id=member.id,
                text="Ringte daglig leder Per, 900 00 000",
            ).status
            == "saved"
        )
        start_member_session(session, member_id=member.id)
        member_id = member.id

    exported = json.loads(cli("privacy", "export", "--email", "kari@jeger.no").stdout)
    assert [m["name"] for m in exported["members"]] == ["Kari Jeger"]
    assert [n["text"] for n in exported["member_notes"]] == ["Ringte daglig leder Per, 900 00 000"]
    assert exported["member_sessions"] == 1
    by_company = json.loads(cli("privacy", "export", "--orgnr", "984851006").stdout)
    assert "Ringte daglig leder Per, 900 00 000" in [n["text"] for n in by_company["lead_notes"]]

    erased = json.loads(cli("privacy", "erase", "--email", "kari@jeger.no", "--json").stdout)
    assert erased["members"] == 1
    with db.session() as session:
        gone = session.get_one(HunterMember, member_id)
        assert (gone.name, gone.email, gone.phone) == ("–", None, None) and gone.removed_at is not None
        assert session.scalar(select(MemberSession.id_hash)) is None
    assert json.loads(cli("privacy", "export", "--email", "kari@jeger.no").stdout)["members"] == []

    erased = json.loads(cli("privacy", "erase", "--orgnr", "984851006", "--json").stdout)
    assert erased["notes"] == 1
    with db.session() as session:
        assert session.scalar(select(LeadNote.text).where(LeadNote.kind == "note")) is None


def test_pending_changes_are_listed_and_decided_on_the_command_line(cli: RunCli, db: Database) -> None:
    from hunters.approval import request_change
    from hunters.members import active_members

    hunter_id = json.loads(cli(*ADD, "--email", "kari@nav.no", "--approve", "--json").stdout)["id"]
    with db.transaction() as session:
        [kari] = active_members(session, hunter_id=hunter_id)
        change = request_change(
            session, actor_member_id=kari.id, counties=["55", "56"], trades=[], all_trades=True
        )
        assert change.waits
        change_id = change.change.id
    listed = json.loads(cli("hunters", "changes", "--json").stdout)
    assert [(c["id"], c["counties_now"], c["counties"]) for c in listed] == [
        (change_id, ["55"], ["55", "56"])
    ]
    assert "fylker 55 → 55 56" in cli("hunters", "changes").stdout
    done = cli("hunters", "approve-change", str(change_id))
    assert done.exit_code == 0 and "godkjent" in done.stdout
    again = cli("hunters", "reject-change", str(change_id))
    assert again.exit_code == 2 and str(change_id) in again.stderr
    with db.session() as session:
        assert [c.number for c in session.get_one(Hunter, hunter_id).counties] == ["55", "56"]
    assert cli("hunters", "changes").stdout.strip() == "Ingen endringer venter."
