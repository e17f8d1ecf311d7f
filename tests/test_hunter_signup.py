"""The `/jeger` signup flow, step by step, with its state in the conversation table."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.hunter_signup import handle_signup
from bot.hunter_signup import in_signup
from bot.hunter_signup import search_trades
from bot.hunter_signup import start_signup
from hunters.notify import ChatAnswer
from store.db import Database
from store.models import Conversation
from store.models import Hunter
from store.models import HunterState
from store.models import Notice
from tests.lead_factories import make_hunter

CHAT = "555001"


def say(session: Session, text: str | None = None, button: str | None = None) -> ChatAnswer:
    answers = handle_signup(session, chat_id=CHAT, text=text, button=button)
    assert len(answers) == 1
    return answers[0]


def callbacks(answer: ChatAnswer) -> list[str]:
    return [b["callback_data"] for row in answer.buttons or [] for b in row]


def labels(answer: ChatAnswer) -> list[str]:
    return [b["text"] for row in answer.buttons or [] for b in row]


def test_a_hunter_signs_up_through_every_question_and_ends_pending(session: Session) -> None:
    first = start_signup(session, chat_id=CHAT)[0]
    assert "Hva heter organisasjonen" in first.text and in_signup(session, chat_id=CHAT)

    kinds = say(session, "Elektroforbundet Troms")
    assert "hj:type:union" in callbacks(kinds) and "NAV" in labels(kinds)
    assert "organisasjonsnummeret" in say(session, button="hj:type:union").text
    bad = say(session, "974760674")
    assert "ikke et gyldig organisasjonsnummer" in bad.text
    counties = say(session, "974 760 673")
    assert "hj:cty:55" in callbacks(counties) and "hj:cty:done" in callbacks(counties)

    assert say(session, button="hj:cty:done").text == "Velg minst ett fylke."
    toggled = say(session, button="hj:cty:55")
    assert toggled.edit and "✓ Troms" in labels(toggled)
    say(session, button="hj:cty:56")
    untoggled = say(session, button="hj:cty:56")
    assert "✓ Finnmark" not in labels(untoggled)
    prompt = say(session, button="hj:cty:done")
    assert "Hvilke fag" in prompt.text and callbacks(prompt) == ["hj:trd:all"]

    found = say(session, "elektriker")
    assert labels(found)[0] == "Elektrikerfaget"
    chosen = say(session, button=callbacks(found)[0])
    assert chosen.edit and "✓ Elektrikerfaget" in labels(chosen) and "Valgt: Elektrikerfaget" in chosen.text
    assert "kontaktperson" in say(session, button="hj:trd:done").text
    assert "telefonnummer" in say(session, "Per Jeger").text
    assert "ikke ut som et telefonnummer" in say(session, "ring meg").text
    done = say(session, "912 34 567")
    assert "venter på godkjenning" in done.text

    hunter = session.scalars(select(Hunter)).one()
    assert (hunter.org_name, hunter.type, hunter.orgnr) == ("Elektroforbundet Troms", "union", "974760673")
    assert [c.number for c in hunter.counties] == ["55"]
    assert [t.name for t in hunter.trades] == ["Elektrikerfaget"] and not hunter.all_trades
    assert (hunter.contact_name, hunter.phone) == ("Per Jeger", "+4791234567")
    assert hunter.state == HunterState.PENDING and hunter.telegram_chat_id == CHAT
    assert not in_signup(session, chat_id=CHAT)
    assert session.scalars(select(Notice)).one().kind == "hunter_pending"
    [member] = hunter.members  # the chat is the organisation's first member, as a web sign-up's person is
    assert (member.name, member.phone, member.telegram_chat_id, member.email) == (
        "Per Jeger",
        "+4791234567",
        CHAT,
        None,
    )


def test_all_trades_and_typed_counties_are_accepted(session: Session) -> None:
    start_signup(session, chat_id=CHAT)
    say(session, "NAV Vestland")
    say(session, "nav")  # the type typed instead of tapped
    say(session, "974760673")
    typed = say(session, "Vestland og Rogaland")
    assert {"✓ Vestland", "✓ Rogaland"} <= set(labels(typed))
    say(session, button="hj:cty:done")
    assert "Alle fag er valgt" in say(session, button="hj:trd:all").text
    say(session, "Ola Nav")
    say(session, "+47 912 34 567")
    hunter = session.scalars(select(Hunter)).one()
    assert hunter.type == "nav" and hunter.all_trades and hunter.trades == []
    assert sorted(c.number for c in hunter.counties) == ["11", "46"]


def test_avbryt_leaves_the_flow_and_keeps_nothing(session: Session) -> None:
    start_signup(session, chat_id=CHAT)
    say(session, "Bygg og anlegg Oslo")
    assert "avbrutt" in say(session, "Avbryt").text
    assert not in_signup(session, chat_id=CHAT)
    assert session.scalars(select(Hunter)).all() == []


def test_the_flow_continues_after_a_restart(db: Database) -> None:
    with db.transaction() as session:
        start_signup(session, chat_id=CHAT)
        say(session, "Opplæringskontoret for elektrofag")
    with db.transaction() as session:  # a new process: only the database remembers
        conversation = session.scalars(select(Conversation)).one()
        assert (conversation.flow, conversation.step) == ("hunter_signup", "org_type")
        assert "organisasjonsnummeret" in say(session, button="hj:type:training_office").text


def test_a_known_hunter_is_told_where_they_stand(session: Session) -> None:
    make_hunter(session, chat_id=CHAT, state=HunterState.PENDING, name="Fagforbundet")
    answer = start_signup(session, chat_id=CHAT)[0]
    assert "venter på godkjenning" in answer.text and not in_signup(session, chat_id=CHAT)


def test_a_forged_trade_button_is_not_taken_as_a_choice(session: Session) -> None:
    start_signup(session, chat_id=CHAT)
    for answer in ("Lag", "hj:type:school", "974760673", "hj:cty:03", "hj:cty:done"):
        say(session, *((None, answer) if answer.startswith("hj:") else (answer,)))
    say(session, button="hj:trd:999")
    assert "Velg minst ett fag" in say(session, button="hj:trd:done").text


def test_trade_search_finds_by_name_part_and_number(session: Session) -> None:
    assert [t.name for t in search_trades(session, "Tømrer")] == ["Tømrerfaget"]
    assert [t.id for t in search_trades(session, "30")] == [30]
    assert search_trades(session, "") == [] and search_trades(session, "zzz") == []
    assert len(search_trades(session, "faget")) == 8


_inputs = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["avbryt", "974760673", "55", "elektro", "912 34 567", "Alle fag", "", "🙂"]),
    st.sampled_from(
        [
            *("hj:type:nav", "hj:type:bogus", "hj:cty:55", "hj:cty:99", "hj:cty:done", "hj:trd:1"),
            *("hj:trd:999", "hj:trd:all", "hj:trd:done", "hj:trd:x", "lead:claim:1", "hj:"),
        ]
    ).map(lambda data: ("button", data)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(_inputs, max_size=12))
def test_no_answer_at_any_step_breaks_the_signup(session: Session, steps: list[object]) -> None:
    chat = f"prop-{uuid.uuid4().hex[:12]}"
    start_signup(session, chat_id=chat)
    for step in steps:
        if isinstance(step, tuple):
            answers = handle_signup(session, chat_id=chat, text=None, button=step[1])
        else:
            answers = handle_signup(session, chat_id=chat, text=str(step), button=None)
        assert answers and all(a.text for a in answers)
        if not in_signup(session, chat_id=chat):
            break
    session.rollback()
