"""Who the audience's own rules leave out, and why (PRODUCT §11: "previews explain who falls out and why").

Besides each step's gaps (`campaigns.audience_gaps`: no mobile, opted out, ...), the audience itself drops
companies: rows of an orgnr list that are no orgnr, orgnrs the register does not know, companies that are never
contacted, and each exclusion (`exclude`, `exclude_contacted_days`). Counted with the very conditions the
audience uses (`campaigns.audience_selection`), one set-based count per reason, each company under its first
reason only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any
from typing import cast

from sqlalchemy import ColumnElement
from sqlalchemy import and_
from sqlalchemy import func
from sqlalchemy import not_
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.audience_selection import exclusions
from campaigns.audience_selection import selected
from campaigns.audience_selection import selection_conditions
from campaigns.definition_model import CampaignDefinition
from campaigns.definition_model import definition_of
from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from store.models import Campaign
from store.models import Company

EXAMPLES = 10
# A rejected row as campaigns.orgnr_lists stores it in the definition ("rad 4: «12345»"), written in bokmål once
# and for good; read back so the row word follows the reader's language.
STORED_ROW = re.compile(r"rad (\d+): («.*»)", re.DOTALL)
# The catalogue key (catalogue.local) of each exclusion's reason.
EXCLUDED = {
    "training_company": "audience_note_training_company",
    "registered": "audience_note_registered",
    "contacted_recently": "audience_note_contacted_recently",
}


@dataclass(frozen=True)
class AudienceNote:
    """One reason, kept as a catalogue key and its values so each reader gets it in their own language: an
    owner's member on the portal in theirs, staff and `jeger campaign preview` in bokmål (`text`)."""

    key: str  # catalogue.local: "audience_note_rejected_rows", ...
    count: int
    examples: tuple[str, ...] = ()
    values: Mapping[str, object] = field(default_factory=dict)

    def text_in(self, language: str) -> str:
        return text(self.key, language, count=self.count, **self.values)

    def examples_in(self, language: str) -> tuple[str, ...]:
        """The examples, a rejected row's "rad N" in `language`; names and orgnrs as they are."""
        if self.key != "audience_note_rejected_rows":
            return self.examples
        rows = [STORED_ROW.fullmatch(example) for example in self.examples]
        return tuple(
            text("audience_note_row", language, row=m.group(1), value=m.group(2)) if m else example
            for m, example in zip(rows, self.examples, strict=True)
        )

    @property
    def text(self) -> str:
        return self.text_in(DEFAULT_LANGUAGE)

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
                    "audience_note_rejected_rows",
                    len(listed.rejected),
                    listed.rejected[:EXAMPLES],
                    {"file": listed.file},
                )
            )
        known = set(session.scalars(select(Company.orgnr).where(Company.orgnr.in_(listed.orgnrs))))
        unknown = [orgnr for orgnr in listed.orgnrs if orgnr not in known]
        if unknown:
            notes.append(
                AudienceNote(
                    "audience_note_unknown_orgnrs",
                    len(unknown),
                    tuple(unknown[:EXAMPLES]),
                    {"file": listed.file},
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
                        "audience_note_misfits",
                        len(misfits),
                        tuple(misfits[:EXAMPLES]),
                        {"file": listed.file},
                    )
                )
    chosen = selected(audience)
    reasons: list[tuple[str, ColumnElement[bool]]] = [
        ("audience_note_never_contact", cast(Any, Company.never_contact))
    ]
    reasons += [(EXCLUDED[key], condition) for key, condition in exclusions(audience, now=now)]
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
            notes.append(AudienceNote(reason, count, values={"days": audience.exclude_contacted_days}))
    return notes


def campaign_audience_notes(session: Session, *, campaign_id: int) -> list[AudienceNote]:
    """The notes of a stored campaign (preview pages and `jeger campaign preview`)."""
    campaign = session.get(Campaign, campaign_id)
    return [] if campaign is None else audience_notes(session, definition=definition_of(campaign))
