"""`jeger sandbox reply`, `replies list` and `privacy export|erase` through the CLI."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func
from sqlalchemy import inspect
from sqlalchemy import select
from sqlalchemy import text

from store.db import Database
from store.models import ContactKind
from store.models import Conversation
from store.models import Lead
from store.models import Message
from store.models import MessageKind
from store.models import OptOut
from store.models import Registration
from store.models import Reply
from store.secrets import AddressHasher
from tests.test_engine import MOBILE
from tests.test_engine import make_company


def assert_nowhere(db: Database, *needles: str) -> None:
    """No text, string or JSON column of any table holds any of the needles."""
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        for table in inspector.get_table_names():
            for column in inspector.get_columns(table):
                kind = str(column["type"]).upper()
                if not any(t in kind for t in ("CHAR", "TEXT", "JSON")):
                    continue
                for needle in needles:
                    hits = conn.execute(
                        text(
                            f'SELECT count(*) FROM "{table}" WHERE CAST("{column["name"]}" AS TEXT) LIKE :a'
                        ),
                        {"a": f"%{needle}%"},
                    ).scalar()
                    assert hits == 0, f"{table}.{column['name']} still holds {needle!r}"


def register_by_sandbox(cli, first: str, sender: str = MOBILE) -> None:  # type: ignore[no-untyped-def]
    for line in (first, "Kari Nordmann", "tømrer", "2", "ja", "august 2027", "JA"):
        result = cli("sandbox", "reply", "--from", sender, line)
        assert result.exit_code == 0, result.output


def test_an_sms_registration_gives_the_lead_a_phone_an_email_and_a_start(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        make_company(session, email="post@fjord.no")
    register_by_sandbox(cli, "JA")
    [row] = json.loads(cli("leads", "list", "--json").stdout)
    assert (row["contact_name"], row["contact_phone"], row["contact_email"]) == (
        "Kari Nordmann",
        MOBILE,
        "post@fjord.no",
    )
    assert row["preferred_start"] == "august 2027"
    exported = cli("leads", "export", "--format", "csv")
    assert "preferred_start" in exported.stdout.splitlines()[0] and "august 2027" in exported.stdout


def test_erasing_a_phone_removes_the_name_from_hunters_copies_too(cli, db: Database, settings) -> None:  # type: ignore[no-untyped-def]
    from bot.hunter_chat import lead_button
    from bot.hunter_chat import leads_overview
    from bot.telegram_handlers import Handlers
    from tests.lead_factories import make_hunter

    with db.transaction() as session:
        make_company(session, email="post@fjord.no")
        make_hunter(session, chat_id="5001", all_trades=True)
    register_by_sandbox(cli, "JA")
    with db.transaction() as session:
        lead_id = session.scalars(select(Lead.id)).one()
        notice = session.scalars(select(Message).where(Message.kind == MessageKind.NOTIFICATION)).one()
        assert "Kari Nordmann" in (notice.body or "") and notice.company_id is not None
        answers = [*lead_button(session, chat_id="5001", data=f"lead:claim:{lead_id}")]
        answers += leads_overview(session, chat_id="5001")
    # What the hunter was shown in the chat, recorded as the Telegram handler records it.
    Handlers(settings=settings, db=db)._record("5001", [(a, n) for n, a in enumerate(answers, start=1)])

    erased = cli("privacy", "erase", "--phone", "+47 912 34 567", "--json")
    assert erased.exit_code == 0, erased.output
    assert_nowhere(db, "Kari Nordmann", "91234567")
    with db.session() as session:
        lead = session.get_one(Lead, lead_id)
        assert lead.state == "claimed"  # the anonymous facts stay
        registration = session.get_one(Registration, lead.registration_id)
        assert (registration.contact_name, registration.phone, registration.email) == (None, None, None)
        assert registration.places == 2 and registration.completed_at is not None


def test_erasing_an_orgnr_leaves_no_name_phone_email_or_chat(cli, db: Database, settings) -> None:  # type: ignore[no-untyped-def]
    from bot import telegram_chat as chat
    from bot.telegram_chat import TelegramInbound
    from companies.identifiers import ensure_identifiers
    from store.models import Company
    from store.models import utcnow
    from tests.lead_factories import make_hunter

    chat_id = "8675309"
    updates = iter(range(9000, 9100))

    def tg(text: str | None = None, button: str | None = None) -> TelegramInbound:
        args = text.split()[1:] if text and text.startswith("/") else []
        return TelegramInbound(chat_id, next(updates), text, button, args, utcnow())

    with db.transaction() as session:
        company = make_company(session, mobile="+4748123456", email="post@polar.no", orgnr="923609016")
        company.mobile = "+4748123456"
        ensure_identifiers(session, company_ids=[company.id])
        make_hunter(session, chat_id="5001", all_trades=True)
        token = session.get_one(Company, company.id).token
    with db.transaction() as session:
        chat.start(session, tg(f"/start {token}"), settings)
        for said in ("Siri Polar", "elektriker", "1", "nei", "januar 2028"):
            chat.text(session, tg(said), settings)
        chat.tapped(session, tg(button="ja"), settings)
        assert session.scalars(select(Lead)).one()
    assert "Siri Polar" in cli("privacy", "export", "--orgnr", "923609016").stdout

    erased = cli("privacy", "erase", "--orgnr", "923609016", "--json")
    assert erased.exit_code == 0, erased.output
    assert_nowhere(db, "Siri Polar", "48123456", "post@polar.no", chat_id)
    with db.session() as session:
        hasher = AddressHasher.load(session)
        kept = {o.address_hash: o.address for o in session.scalars(select(OptOut))}
        assert kept[hasher(ContactKind.TELEGRAM, chat_id)] is None  # opted out as a keyed hash only
        assert session.scalar(select(func.count()).select_from(Conversation)) == 0


def test_sandbox_senders_bare_numbers_are_chats_and_phones_have_a_country_code(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    from bot.replies import SandboxError
    from bot.replies import sandbox_address

    assert sandbox_address("91234567") == ("telegram", "91234567")  # an 8-digit chat id is no phone number
    assert sandbox_address("tg:91234567") == ("telegram", "91234567")
    assert sandbox_address("+47 912 34 567") == ("sms", "+4791234567")
    assert sandbox_address("912 34 567") == ("sms", "+4791234567")
    assert sandbox_address("91234567", "sms") == ("sms", "+4791234567")
    for bad, channel in (("tg:91234567", "sms"), ("abc", None), ("+4791234567", "telegram"), ("1", "fax")):
        with pytest.raises(SandboxError):
            sandbox_address(bad, channel)
    result = cli("sandbox", "reply", "--from", "91234567", "hei", "--json")
    assert result.exit_code == 0, result.output
    with db.session() as session:
        reply = session.scalars(select(Reply)).one()
        assert (reply.channel, reply.sender) == ("telegram", "91234567")


def test_sandbox_reply_runs_the_engine_and_replies_list_shows_it(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        code = make_company(session).short_code
    result = cli("sandbox", "reply", "--from", "+47 912 34 567", f"JA {code}", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answers"][1].startswith("1/5")
    rows = json.loads(cli("replies", "list", "--json").stdout)
    assert rows[0]["intent"] == "interested" and rows[0]["sender"] == "+47******67"
    assert json.loads(cli("replies", "list", "--intent", "declined", "--json").stdout) == []
    assert cli("replies", "list", "--intent", "nonsense").exit_code == 2


def test_sandbox_reply_refuses_a_bad_sender(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("sandbox", "reply", "--from", "abc", "JA")
    assert result.exit_code == 2 and "abc" in result.stderr


def test_export_then_erase_leaves_no_trace_but_the_opt_out(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        make_company(session)
    for line in ("JA", "Kari Nordmann", "Hva koster det?"):
        assert cli("sandbox", "reply", "--from", MOBILE, line).exit_code == 0
    exported = json.loads(cli("privacy", "export", "--phone", MOBILE).stdout)
    assert exported["replies"] and exported["contacts"] and exported["messages"]
    erased = cli("privacy", "erase", "--phone", MOBILE, "--json")
    assert erased.exit_code == 0, erased.output
    assert_nowhere(db, "91234567", "Kari Nordmann")
    with db.session() as session:
        opt_out = session.scalars(select(OptOut)).one()
        assert opt_out.address is None and len(opt_out.address_hash) == 64
    assert json.loads(cli("privacy", "export", "--phone", MOBILE).stdout)["opted_out"] is not None
    again = cli("privacy", "erase", "--phone", MOBILE)  # nothing is left to erase, and it says so
    assert again.exit_code == 0 and again.stdout == (
        "Slettet: 0 kontaktadresser, 0 meldinger, 0 svar, 0 samtaler, 0 registreringer, 0 jegere, 0 medlemmer, "
        "0 notater, 0 møtesvar\n"
    )


def test_privacy_needs_exactly_one_target(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("privacy", "export").exit_code == 2
    assert cli("privacy", "erase", "--phone", "123").exit_code == 2
    assert cli("privacy", "export", "--orgnr", "974760673").exit_code == 2


def test_erasing_an_orgnr_leaves_a_number_it_shares_with_other_companies_alone(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    """PRODUCT §3: one company's request must not silence the others on their shared switchboard."""
    from companies.optout_records import is_opted_out
    from store.models import Company
    from store.models import Contact

    switchboard = "+4741234567"
    with db.transaction() as session:
        hasher = AddressHasher.load(session)
        leaving = make_company(session, mobile="+4748123456", orgnr="923609016", name="Polar AS")
        staying = make_company(session, mobile="+4748123457", orgnr="974760673", name="Fjord AS")
        for company in (leaving, staying):
            session.add(
                Contact(
                    company_id=company.id,
                    kind=ContactKind.PHONE,
                    address=switchboard,
                    address_hash=hasher(ContactKind.PHONE, switchboard),
                    is_mobile=True,
                )
            )
        leaving_id, staying_id = leaving.id, staying.id

    erased = cli("privacy", "erase", "--orgnr", "923609016", "--json")

    assert erased.exit_code == 0, erased.output
    assert json.loads(erased.stdout)["contacts"] == 2
    with db.session() as session:
        hasher = AddressHasher.load(session)
        assert is_opted_out(session, hasher=hasher, kind=ContactKind.PHONE, address="+4748123456")
        assert not is_opted_out(session, hasher=hasher, kind=ContactKind.PHONE, address=switchboard)
        assert (
            switchboard
            in session.scalars(select(Contact.address).where(Contact.company_id == staying_id)).all()
        )
        assert session.scalars(select(Contact).where(Contact.company_id == leaving_id)).all() == []
        left = session.get_one(Company, leaving_id)
        assert left.do_not_contact_at is not None and left.do_not_contact_source == "privacy"
        assert session.get_one(Company, staying_id).do_not_contact_at is None
