"""Campaigns owned by organisations (PRODUCT §11): the owners a campaign file names must be approved
organisations, the earlier campaigns its audience names must exist, and the owners are stored with the draft.

Asked of the database when a campaign is checked or created, so a wrong orgnr gives `file:line: owner: ...`
before anything is stored. An orgnr is public and proves nothing by itself: here it only names an organisation
staff have already approved (`hunters`), whose members then run the campaign (`campaigns.owner_actions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition import Problem
from campaigns.definition_model import CampaignDefinition
from campaigns.definition_model import OwnerContact
from campaigns.definition_model import definition_of
from catalogue import text
from catalogue.phrases import Phrase
from catalogue.phrases import said
from store.models import Campaign
from store.models import CampaignLaunchRequest
from store.models import CampaignOwner
from store.models import Hunter
from store.models import HunterMember
from store.models import HunterState


def approved_organisation(session: Session, orgnr: str) -> tuple[Hunter | None, Phrase | None]:
    """The approved organisation with this orgnr, or None and why not (catalogue.definition)."""
    found = list(session.scalars(select(Hunter).where(Hunter.orgnr == orgnr).order_by(Hunter.id)))
    approved = [h for h in found if h.state is HunterState.APPROVED]
    if len(approved) == 1:
        return approved[0], None
    if len(approved) > 1:
        named = [(h.org_name, h.id) for h in approved]

        def names(language: str) -> str:
            return ", ".join(text("def_owner_named", language, name=name, id=id_) for name, id_ in named)

        return None, said("def_owner_many_approved", orgnr=orgnr, names=names)
    if found:
        return None, said("def_owner_not_approved", name=found[0].org_name, orgnr=orgnr)
    return None, said("def_owner_unknown", orgnr=orgnr)


def check_owners(
    session: Session, definition: CampaignDefinition, *, filename: str, lines: dict[str, int]
) -> tuple[CampaignDefinition, list[Problem]]:
    """The definition with the owners' names and contact person filled in, and what the database refuses."""
    problems: list[Problem] = []

    def problem(field: str, said: Phrase) -> None:
        parent = field.rsplit(".", 1)[0]
        problems.append(Problem(filename, lines.get(field) or lines.get(parent), field, said))

    owners: list[Hunter] = []
    for field, orgnr in [("owner", definition.owner), *(("co_owners", o) for o in definition.co_owners)]:
        if orgnr is None:
            continue
        hunter, why = approved_organisation(session, orgnr)
        if hunter is not None:
            owners.append(hunter)
        elif why is not None:
            problem(field, why)
    for prefix, selection in (("audience", definition.audience), ("audience.also", definition.audience.also)):
        if selection is None or selection.previous is None:
            continue
        wanted = set(selection.previous.campaigns)
        known = set(session.scalars(select(Campaign.id).where(Campaign.id.in_(wanted))))
        for missing in sorted(wanted - known):
            problem(f"{prefix}.previous.campaigns", said("def_previous_campaign_missing", id=missing))
    if definition.owner is None or problems or not owners:
        return definition, problems
    contact = owner_contact(owners)
    return definition.model_copy(update={"owner_contact": contact}), problems


def owner_contact(owners: Sequence[Hunter]) -> OwnerContact:
    """The first owner's name and contact person (its first current member, else the contact it signed up with)."""
    first = owners[0]
    member = next((m for m in first.members if m.removed_at is None), None)
    return OwnerContact(
        owner_name=first.org_name,
        co_owner_names=", ".join(h.org_name for h in owners[1:]),
        owner_contact_name=(member.name if member else first.contact_name) or "",
        owner_contact_phone=(member.phone if member else first.phone) or "",
        owner_contact_email=(member.email if member else first.email) or "",
    )


def store_owners(session: Session, *, campaign: Campaign, definition: CampaignDefinition) -> None:
    """Writes the campaign's owner rows (none for a campaign without `owner`)."""
    session.execute(delete(CampaignOwner).where(CampaignOwner.campaign_id == campaign.id))
    orgnrs = [o for o in (definition.owner, *definition.co_owners) if o is not None]
    for position, orgnr in enumerate(orgnrs):
        hunter, _ = approved_organisation(session, orgnr)
        if hunter is not None:
            session.add(CampaignOwner(campaign_id=campaign.id, hunter_id=hunter.id, is_primary=position == 0))
    session.flush()


def launch_approved(session: Session, *, campaign_id: int) -> bool:
    """A staff launch is the approval of an owner's request: the request is settled. True when one waited."""
    request = session.get(CampaignLaunchRequest, campaign_id)
    if request is None:
        return False
    session.delete(request)
    session.flush()
    return True


@dataclass(frozen=True)
class OwnershipView:
    """What staff see of an owned campaign: who owns it, its kind and routing, and a launch waiting for them."""

    owners: tuple[str, ...]  # the owner first
    kind: str
    route: str
    route_after_days: int
    launch_requested_by: str | None  # the member who asked, "" when that member is gone; None: nobody asked


def ownership_view(session: Session, *, campaign_id: int) -> OwnershipView | None:
    """None for a campaign without owners (the national campaigns)."""
    names = tuple(
        session.scalars(
            select(Hunter.org_name)
            .join(CampaignOwner, CampaignOwner.hunter_id == Hunter.id)
            .where(CampaignOwner.campaign_id == campaign_id)
            .order_by(CampaignOwner.is_primary.desc(), Hunter.org_name)
        )
    )
    campaign = session.get(Campaign, campaign_id)
    if not names or campaign is None:
        return None
    definition = definition_of(campaign)
    request = session.get(CampaignLaunchRequest, campaign_id)
    requested_by = None
    if request is not None:
        member = session.get(HunterMember, request.member_id) if request.member_id else None
        requested_by = member.name if member is not None else ""
    return OwnershipView(names, definition.kind, definition.route, definition.route_after_days, requested_by)
