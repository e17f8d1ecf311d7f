"""Who the audience's own rules leave out, and why (PRODUCT §11: "previews explain who falls out and why").

Besides each step's gaps (`campaigns.audience_gaps`: no mobile, opted out, ...), the audience itself drops
companies: rows of an orgnr list that are no orgnr, orgnrs the register does not know, companies that are never
contacted, and each exclusion (`exclude`, `exclude_contacted_days`). Counted with the very conditions the
audience uses (`campaigns.audience_selection`), one set-based count per reason, each company under its first
reason only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, and_, func, not_, select
from sqlalchemy.orm import Session

from campaigns.audience_selection import exclusions, selected, selection_conditions
from campaigns.definition_model import CampaignDefinition, definition_of
from store.models import Campaign, Company

EXAMPLES = 10
EXCLUDED = {
    "training_company": "er godkjente lærebedrifter (exclude = training_company)",
    "registered": "har allerede registrert seg (exclude = registered)",
    "contacted_recently": "fikk en melding fra en kampanje de siste {days} dagene (exclude_contacted_days)",
}


@dataclass(frozen=True)
class AudienceNote:
    text: str  # Norwegian, for staff and owners: "3 rader i medlemmer.csv er ikke organisasjonsnumre"
    count: int
    examples: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"text": self.text, "count": self.count, "examples": list(self.examples)}


def audience_notes(
    session: Session, *, definition: CampaignDefinition, now: datetime | None = None
) -> list[AudienceNote]:
    """Why companies the file names or chooses are not in the audience; an empty list when none fall out."""
    notes: list[AudienceNote] = []
    audience = definition.audience
    for selection in (audience, audience.also):
        if selection is None or selection.orgnr_list is None:
            continue
        listed = selection.orgnr_list
        if listed.rejected:
            notes.append(
                AudienceNote(
                    f"{len(listed.rejected)} rader i {listed.file} er ikke gyldige organisasjonsnumre",
                    len(listed.rejected),
                    listed.rejected[:EXAMPLES],
                )
            )
        known = set(session.scalars(select(Company.orgnr).where(Company.orgnr.in_(listed.orgnrs))))
        unknown = [orgnr for orgnr in listed.orgnrs if orgnr not in known]
        if unknown:
            notes.append(
                AudienceNote(
                    f"{len(unknown)} organisasjonsnumre i {listed.file} finnes ikke i Enhetsregisteret vi har lastet inn",
                    len(unknown),
                    tuple(unknown[:EXAMPLES]),
                )
            )
        others = selection_conditions(selection.model_copy(update={"orgnr_list": None}))
        if others:  # listed companies the table's other keys (trades, counties, ...) leave out
            misfits = list(
                session.scalars(
                    select(Company.name)
                    .where(Company.orgnr.in_(listed.orgnrs), not_(and_(*others)))
                    .order_by(Company.name)
                )
            )
            if misfits:
                notes.append(
                    AudienceNote(
                        f"{len(misfits)} av bedriftene i {listed.file} passer ikke de andre kravene i tabellen "
                        "(fag, fylke, kommune, bransje, størrelse, postnummer eller tidligere kampanjer)",
                        len(misfits),
                        tuple(misfits[:EXAMPLES]),
                    )
                )
    chosen = selected(audience)
    reasons: list[tuple[str, ColumnElement[bool]]] = [
        (
            "skrives aldri til (konkurs, avvikling, slettet, eller har sagt STOPP)",
            cast(Any, Company.never_contact),
        )
    ]
    for key, condition in exclusions(audience, now=now):
        reasons.append((EXCLUDED[key].format(days=audience.exclude_contacted_days), condition))
    earlier: list[ColumnElement[bool]] = []
    for reason, condition in reasons:
        count = int(
            session.scalar(
                select(func.count())
                .select_from(Company)
                .where(*chosen, *(not_(e) for e in earlier), condition)
            )
            or 0
        )
        earlier.append(condition)
        if count:
            notes.append(AudienceNote(f"{count} av de valgte bedriftene {reason}", count))
    return notes


def campaign_audience_notes(session: Session, *, campaign_id: int) -> list[AudienceNote]:
    """The notes of a stored campaign (preview pages and `jeger campaign preview`)."""
    campaign = session.get(Campaign, campaign_id)
    return [] if campaign is None else audience_notes(session, definition=definition_of(campaign))
