"""Issue 15 item 7: in the sandbox a hunter's chat is its own thread (typing in a company's thread answers as
the company, never as the hunter), and tapped buttons show their labels, not codes like `lead:claim:39`."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy import update

from store.db import Database
from store.models import Channel
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import MessageState
from store.models import Reply
from store.models import utcnow
from tests.dashboard_fixtures import csrf_of
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration
from tests.outbox_factories import make_recipient


def _sent_in_sandbox(db: Database) -> None:
    """What the dispatcher does with queued messages when every channel is the sandbox."""
    with db.transaction() as session:
        session.execute(
            update(Message)
            .where(Message.state == MessageState.QUEUED)
            .values(state=MessageState.SENT, provider="sandbox", sent_at=utcnow())
        )


def test_a_hunter_has_a_thread_of_its_own_and_taps_show_their_labels(
    admin_client: TestClient, db: Database
) -> None:
    from hunters.leads import create_lead

    with db.transaction() as session:
        company, contact = make_recipient(session, name="Tråd Bygg AS", county_number="55")
        session.add(
            Message(
                company_id=company.id,
                channel=Channel.SMS,
                address=contact.address,
                body="Hei fra kampanjen. Svar JA",
                provider="sandbox",
                state=MessageState.SENT,
                sent_at=utcnow(),
            )
        )
        hunter = make_hunter(session, counties=["55"], all_trades=True, name="Jegerlaget Nord")
        lead = create_lead(session, registration_id=make_registration(session, company=company).id)
        company_key, mobile, orgnr = f"c{company.id}", contact.address, company.orgnr
        hunter_key, chat_id, lead_id = (
            f"atelegram:{hunter.telegram_chat_id}",
            hunter.telegram_chat_id,
            lead.id,
        )
    _sent_in_sandbox(db)

    listing = admin_client.get("/admin/sandbox").text
    assert f"?t={company_key}" in listing and f"?t={hunter_key}" in listing and "Jegerlaget Nord" in listing
    company_page = admin_client.get(f"/admin/sandbox?t={company_key}").text
    assert f"svarer fra {mobile} (SMS)" in company_page
    assert f"svarer fra {chat_id}" not in company_page
    company_chat = admin_client.get(f"/admin/sandbox/thread?t={company_key}").text
    assert "Hei fra kampanjen" in company_chat and "Ta leaden" not in company_chat  # the card is the hunter's
    hunter_chat = admin_client.get(f"/admin/sandbox/thread?t={hunter_key}").text
    assert ">Ta leaden</button>" in hunter_chat

    with db.session() as session:
        card = session.scalars(
            select(Message).where(Message.address == chat_id, Message.lead_id == lead_id)
        ).first()
        assert card is not None
        card_id = card.id
    token = csrf_of(admin_client, f"/admin/sandbox?t={hunter_key}")
    admin_client.post(
        "/admin/sandbox/press",
        data={
            "csrf_token": token,
            "t": hunter_key,
            "message_id": str(card_id),
            "data": f"lead:claim:{lead_id}",
        },
    )
    with db.session() as session:
        claimed = session.get_one(Lead, lead_id)
        assert claimed.state == LeadState.CLAIMED and claimed.hunter_id is not None
    _sent_in_sandbox(db)
    hunter_chat = admin_client.get(f"/admin/sandbox/thread?t={hunter_key}").text
    assert "Trykket</i> «Ta leaden»" in hunter_chat and f"lead:claim:{lead_id}<" not in hunter_chat
    # The company's page keeps the lead card in its history, said to be the hunter's.
    history = admin_client.get(f"/admin/companies/{orgnr}").text
    assert "Til jegeren · Telegram" in history and "Til bedriften · SMS" in history
    assert "Til bedriften · Telegram" not in history

    # Typing in the company's thread answers as the company, from its mobile.
    token = csrf_of(admin_client, f"/admin/sandbox?t={company_key}")
    admin_client.post("/admin/sandbox/reply", data={"csrf_token": token, "t": company_key, "text": "NEI"})
    with db.session() as session:
        last = session.scalars(select(Reply).order_by(Reply.id.desc())).first()
        assert last is not None and last.sender == mobile and last.channel in ("sms", "sandbox")
    company_chat = admin_client.get(f"/admin/sandbox/thread?t={company_key}").text
    assert "Trykket" not in company_chat and "Ta leaden" not in company_chat
