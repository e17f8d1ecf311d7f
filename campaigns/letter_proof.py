"""The printed letter before launch (issue 15, item 6): a step's letters for a few companies, as the print house
will get them, in one PDF.

Rendering the HTML is cheap and always fresh (template or company data may have changed); laying out the PDF
costs WeasyPrint a few tenths of a second a page and seconds on its first import, so it happens only when staff
ask (a link, a CLI option), for at most `MAX_LETTERS` companies, and the PDF is kept for the exact letters it
was made from: the same request again is answered from memory until a template, the campaign or a company
changes what the letters say.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy.orm import Session

from campaigns.lifecycle import get_campaign
from campaigns.meetings import meeting_of_step
from campaigns.outbox import company_rows
from campaigns.outbox import language_for
from campaigns.outbox import step_recipients
from campaigns.preview import absence_reason
from campaigns.render import MessageRenderer
from catalogue.phrases import Refusal
from channels.letters import render_chunk
from settings import Settings
from store.languages import LANGUAGES
from store.models import Campaign
from store.models import CampaignStep
from store.models import Channel

SAMPLES = 3  # companies shown when staff name none: the first of the step's audience
MAX_LETTERS = 10  # never more per request: each is WeasyPrint work in the web process
CACHED = 16  # PDFs kept, keyed by the letters' exact HTML

_cache: OrderedDict[str, tuple[bytes, list[int]]] = OrderedDict()
_cache_lock = threading.Lock()


class LetterProofError(Refusal, LookupError):
    """No letter to show: the campaign has no letter step, or a chosen company gets no letter (says why, with
    its catalogue key: catalogue.campaign_errors)."""


@dataclass(frozen=True)
class LetterProof:
    step: str
    companies: list[tuple[str, str]]  # (orgnr, name), in the PDF's order
    pages: list[int]  # pages of each company's letter
    pdf: bytes


def letter_steps(campaign: Campaign) -> list[CampaignStep]:
    """Steps that print a letter, or send it as the PDF attached to an e-mail."""
    return [s for s in campaign.steps if s.channel is Channel.LETTER or s.template.startswith("letters/")]


def _step(campaign: Campaign, step_name: str | None) -> CampaignStep:
    steps = letter_steps(campaign)
    if step_name is not None:
        chosen = next((s for s in campaign.steps if s.name == step_name), None)
        if chosen is None:
            names = ", ".join(f"«{s.name}»" for s in campaign.steps)
            raise LetterProofError("letter_proof_no_such_step", step=step_name, steps=names)
        if chosen not in steps:
            raise LetterProofError("letter_proof_not_a_letter", step=step_name)
        return chosen
    if not steps:
        raise LetterProofError("letter_proof_no_letter_step", id=campaign.id)
    return steps[0]


def letter_proof(
    session: Session,
    *,
    campaign_id: int,
    settings: Settings,
    orgnrs: list[str] | None = None,
    step_name: str | None = None,
) -> LetterProof:
    """The step's printed letters for `orgnrs` (or the first SAMPLES companies of its audience) as one PDF.
    Raises LetterProofError (in each reader's language) when there is nothing to show."""
    campaign = get_campaign(session, campaign_id)
    step = _step(campaign, step_name)
    wanted = list(dict.fromkeys(o.replace(" ", "") for o in orgnrs or []))[:MAX_LETTERS]
    renderer = MessageRenderer(settings)
    recipients = step_recipients(session, campaign=campaign, step=step)
    letters: dict[str, tuple[str, str]] = {}  # orgnr -> (name, html)
    meeting = meeting_of_step(session, step_id=step.id)
    for _recipient, row, _address in company_rows(session, recipients):
        if wanted and row.orgnr not in wanted:
            continue
        language = language_for(row, campaign)
        variables = renderer.company_variables(
            company=row, campaign=campaign, language=language, on=step.scheduled_for, meeting=meeting
        )
        # Always the printed letter: a company that gets it by e-mail gets this very letter as its attachment.
        message = renderer.render(
            template=step.template, channel=Channel.LETTER, language=language, variables=variables
        )
        letters[row.orgnr] = (row.name, message.html or message.body)
        if not wanted and len(letters) >= SAMPLES:
            break
    for orgnr in wanted:
        if orgnr not in letters:
            # Asked now in every language: the error is written after this session is gone.
            why = {
                language: absence_reason(
                    session, campaign=campaign, step=step, orgnr=orgnr, language=language
                )
                for language in LANGUAGES
            }
            raise LetterProofError(
                "letter_proof_company_absent", orgnr=orgnr, step=step.name, why=why.__getitem__
            )
    if not letters:
        raise LetterProofError("letter_proof_nobody", step=step.name)
    order = wanted or list(letters)
    pdf, pages = _pdf([letters[o][1] for o in order])
    return LetterProof(step=step.name, companies=[(o, letters[o][0]) for o in order], pages=pages, pdf=pdf)


def _pdf(htmls: list[str]) -> tuple[bytes, list[int]]:
    """The letters laid out as one PDF, with each letter's page count; from memory for the same letters."""
    key = hashlib.sha256("\x00".join(htmls).encode()).hexdigest()
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    made = render_chunk(htmls)
    with _cache_lock:
        _cache[key] = made
        while len(_cache) > CACHED:
            _cache.popitem(last=False)
    return made
