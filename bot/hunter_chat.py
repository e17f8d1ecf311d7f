"""What a hunter does in the chat: `/leads`, the "Ta leaden" button, the outcome and release buttons, and
`/notat ID tekst`. The same domain functions as the web portal (`hunters.leads`, `hunters.lead_actions`,
`hunters.lead_notes`), for the organisation's own chat or a member who linked Telegram.

Callback data: `lead:claim:<lead id>`, `lead:out:<lead id>:<outcome>` (see `hunters.lead_texts`) and
`lead:rel:<lead id>`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.keywords import ascii_int
from catalogue import plural
from catalogue import text
from hunters import lead_texts as texts
from hunters.chat_members import acting_for_chat
from hunters.lead_actions import ReleaseStatus
from hunters.lead_actions import release_lead
from hunters.lead_notes import MAX_NOTE
from hunters.lead_notes import NoteStatus
from hunters.lead_notes import add_note
from hunters.leads import OUTCOMES
from hunters.leads import card_for
from hunters.leads import claim_lead
from hunters.leads import hunter_leads
from hunters.leads import record_outcome
from hunters.notify import ChatAnswer
from hunters.notify import chat_language
from store.models import HunterState
from store.models import LeadState

PREFIX = "lead:"
MAX_OPEN_SHOWN = 10


def leads_overview(session: Session, *, chat_id: str) -> list[ChatAnswer]:
    """`/leads`: the hunter's own leads with outcome buttons, then open ones in their area to take."""
    language = chat_language(session, chat_id)
    hunter, _member_id = acting_for_chat(session, chat_id)
    if hunter is None or hunter.state != HunterState.APPROVED:
        return [ChatAnswer(texts.hunter_state_refusal(hunter, language))]
    owned, open_leads = hunter_leads(session, hunter=hunter)
    if not owned and not open_leads:
        return [ChatAnswer(text("leads_none", language))]
    answers = []
    active = [lead for lead in owned if lead.state in (LeadState.CLAIMED, LeadState.CONTACTED)]
    done = [lead for lead in owned if lead not in active]
    for lead in active:
        status = texts.state_label(lead.state, language)
        answers.append(
            ChatAnswer(
                text("leads_yours", language, status=status, card=card_for(session, lead, language)),
                texts.outcome_buttons(lead.id, language),
                lead_id=lead.id,
                company_id=lead.company_id,
            )
        )
    if done:
        lines = [
            text("leads_done_line", language, id=lead.id, status=texts.state_label(lead.state, language))
            for lead in done
        ]
        answers.append(ChatAnswer(text("leads_done", language, lines="\n".join(lines))))
    for lead in open_leads[:MAX_OPEN_SHOWN]:
        answers.append(
            ChatAnswer(
                text("leads_open", language, card=card_for(session, lead, language)),
                texts.claim_buttons(lead.id, language),
                lead_id=lead.id,
                company_id=lead.company_id,
            )
        )
    if len(open_leads) > MAX_OPEN_SHOWN:
        answers.append(ChatAnswer(plural("more_open_leads", len(open_leads) - MAX_OPEN_SHOWN, language)))
    return answers


def lead_button(session: Session, *, chat_id: str, data: str) -> list[ChatAnswer]:
    """Claims a lead or records an outcome for the hunter of this chat; anything odd gets a clear answer."""
    language = chat_language(session, chat_id)
    parts = data.removeprefix(PREFIX).split(":")
    hunter, member_id = acting_for_chat(session, chat_id)
    lead_id = ascii_int(parts[1]) if len(parts) >= 2 else None
    if lead_id is None:
        return [ChatAnswer(text("leads_unknown_button", language))]
    if hunter is None or hunter.state != HunterState.APPROVED:
        return [ChatAnswer(texts.hunter_state_refusal(hunter, language))]
    if parts[0] == "claim":
        claim = claim_lead(
            session, lead_id=lead_id, hunter_id=hunter.id, member_id=member_id, language=language
        )
        if claim.ok and claim.lead is not None:
            return [
                ChatAnswer(
                    claim.text,
                    texts.outcome_buttons(lead_id, language),
                    edit=True,
                    lead_id=lead_id,
                    company_id=claim.lead.company_id,
                )
            ]
        return [ChatAnswer(claim.text)]
    if parts[0] == "out" and len(parts) == 3 and parts[2] in {o.value for o in OUTCOMES}:
        outcome = LeadState(parts[2])
        result = record_outcome(
            session,
            lead_id=lead_id,
            hunter_id=hunter.id,
            outcome=outcome,
            member_id=member_id,
            language=language,
        )
        if not result.ok or result.lead is None:
            return [ChatAnswer(result.text)]
        # "Contacted" is a step on the way; the other outcomes end the lead, and their buttons go.
        buttons = texts.outcome_buttons(lead_id, language) if outcome is LeadState.CONTACTED else None
        return [
            ChatAnswer(
                f"{result.text}\n\n{card_for(session, result.lead, language)}",
                buttons,
                edit=True,
                lead_id=lead_id,
                company_id=result.lead.company_id,
            )
        ]
    if parts[0] == "rel" and len(parts) == 2:
        released = release_lead(session, lead_id=lead_id, hunter_id=hunter.id, member_id=member_id)
        keys = {
            ReleaseStatus.RELEASED: "lead_released",
            ReleaseStatus.NOT_OWNER: "lead_not_owner",
            ReleaseStatus.FINAL: "lead_final",
            ReleaseStatus.UNKNOWN_LEAD: "portal_not_found",
        }
        state = released.lead.state if released.lead is not None else LeadState.NEW
        outcome_name = texts.state_label(state, language)
        return [ChatAnswer(text(keys[released.status], language, outcome=outcome_name), edit=released.ok)]
    return [ChatAnswer(text("leads_unknown_button", language))]


def note_command(session: Session, *, chat_id: str, command_text: str) -> list[ChatAnswer]:
    """`/notat 12 Ringte daglig leder`: a note on lead 12, which the organisation must hold."""
    language = chat_language(session, chat_id)
    hunter, member_id = acting_for_chat(session, chat_id)
    if hunter is None or hunter.state != HunterState.APPROVED:
        return [ChatAnswer(texts.hunter_state_refusal(hunter, language))]
    _command, _, rest = command_text.strip().partition(" ")
    number, _, note = rest.strip().partition(" ")
    lead_id = ascii_int(number)
    if lead_id is None or not note.strip():
        return [ChatAnswer(text("chat_note_usage", language))]
    result = add_note(session, lead_id=lead_id, hunter_id=hunter.id, member_id=member_id, text=note)
    keys = {
        NoteStatus.SAVED: "lead_note_saved",
        NoteStatus.EMPTY: "chat_note_usage",
        NoteStatus.TOO_LONG: "lead_note_too_long",
        NoteStatus.NOT_OWNER: "lead_note_not_yours",
    }
    return [
        ChatAnswer(
            text(keys[result.status], language, max=MAX_NOTE), lead_id=lead_id if result.note else None
        )
    ]
