"""Audiences of local campaigns (PRODUCT §11): trades through the trade -> NACE map, an orgnr list beside the
campaign file, postcodes, earlier campaigns, recently contacted companies, and `[audience.also]` adding
companies; and every mistake in these keys as `file:line: field: problem` before anything is created."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.audience import base_conditions
from campaigns.audience_notes import audience_notes
from campaigns.definition import DefinitionError
from campaigns.definition import check_definition
from campaigns.definition import parse_definition
from campaigns.definition_model import CampaignDefinition
from campaigns.orgnr_lists import ListFiles
from store.models import Campaign
from store.models import Company
from store.models import Intent
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Reply
from store.models import utcnow
from store.reference import county_numbers
from tests.lead_factories import make_company
from tests.lead_factories import make_registration

STEP = """
[[steps]]
channel = "sms"
template = "sms/voksen"
at = "2027-02-01T09:00"
"""


def definition(toml: str, folder: Path | None = None, **files: bytes) -> CampaignDefinition:
    lists = ListFiles(base_dir=folder, attachments=files)
    return parse_definition(
        'name = "Lokal"\n' + toml + STEP, filename="lokal.toml", counties=county_numbers(), files=lists
    )


def problems(toml: str, folder: Path | None = None) -> list[str]:
    _, found = check_definition(
        'name = "Lokal"\n' + toml + STEP,
        filename="lokal.toml",
        counties=county_numbers(),
        files=ListFiles(base_dir=folder),
    )
    return [str(p) for p in found]


def audience_names(session: Session, parsed: CampaignDefinition) -> list[str]:
    return sorted(session.scalars(select(Company.name).where(*base_conditions(parsed))))


def contacted(session: Session, company: Company, *, days_ago: int) -> None:
    """`company` got an outreach SMS `days_ago` days ago."""
    session.add(
        Message(
            company_id=company.id, channel="sms", kind=MessageKind.OUTREACH, state=MessageState.SENT,
            sent_at=utcnow() - timedelta(days=days_ago),
        )
    )  # fmt: skip


def test_trades_choose_companies_by_the_nace_codes_of_the_map(session: Session) -> None:
    make_company(session, name="Verksted", nace_code="25.620")  # machining: CNC
    make_company(session, name="Plast", nace_code="22.290")  # production technique
    make_company(session, name="Frisør", nace_code="96.020")
    parsed = definition('[audience]\ntrades = ["CNC-maskineringsfaget", "produksjonsteknikk"]\n')
    assert parsed.audience.trades == ("CNC-maskineringsfaget", "Produksjonsteknikkfaget")
    assert audience_names(session, parsed) == ["Plast", "Verksted"]


def test_an_orgnr_list_beside_the_file_narrows_to_its_companies(session: Session, tmp_path: Path) -> None:
    member = make_company(session, name="Medlem", nace_code="25.620")
    make_company(session, name="Ikke medlem", nace_code="25.620")
    (tmp_path / "medlemmer.csv").write_text(
        f"Navn,orgnr\nMedlem,{member.orgnr}\nSkrivefeil,12345\n", encoding="utf-8"
    )
    parsed = definition(
        '[audience]\norgnr_file = "medlemmer.csv"\ntrades = ["CNC-maskineringsfaget"]\n', tmp_path
    )
    assert parsed.audience.orgnr_list is not None
    assert parsed.audience.orgnr_list.rejected == ("rad 3: «12345»",)  # listed, not fatal
    assert audience_names(session, parsed) == ["Medlem"]


def test_an_uploaded_list_is_read_by_its_name_and_no_path_is_read() -> None:
    parsed = definition(
        '[audience]\norgnr_file = "park.csv"\n', None, **{"park.csv": b"organisasjonsnummer\n974760673\n"}
    )
    assert parsed.audience.orgnr_list is not None and parsed.audience.orgnr_list.orgnrs == ("974760673",)


def test_postcodes_use_the_business_address_else_the_postal_one(session: Session) -> None:
    make_company(session, name="Øra", business_postcode="1632", postal_postcode="0101")
    make_company(session, name="Postboks", business_postcode=None, postal_postcode="1640")
    make_company(
        session, name="Postboks på Øra men kontor i Oslo", business_postcode="0150", postal_postcode="1633"
    )
    parsed = definition('[audience]\npostcodes = ["1630-1639", "1640"]\n')
    assert audience_names(session, parsed) == ["Postboks", "Øra"]


def test_earlier_campaigns_give_their_companies_by_outcome(session: Session) -> None:
    earlier = Campaign(name="Runde 1")
    other = Campaign(name="Annen")
    session.add_all([earlier, other])
    session.flush()
    registered = make_company(session, name="Registrert")
    make_registration(session, company=registered, campaign_id=earlier.id)
    interested = make_company(session, name="Interessert")
    session.add(
        Reply(
            company_id=interested.id,
            campaign_id=earlier.id,
            intent=Intent.INTERESTED,
            channel="sms",
            text="JA",
        )
    )
    contacted = make_company(session, name="Kontaktet")
    session.add(
        Message(
            campaign_id=earlier.id, company_id=contacted.id, channel="sms", kind=MessageKind.OUTREACH,
            state=MessageState.SENT, sent_at=utcnow(),
        )
    )  # fmt: skip
    trained = make_company(session, name="Lærebedrift")
    lead_registration = make_registration(session, company=trained, campaign_id=earlier.id, verified=False)
    session.add(
        Lead(
            registration_id=lead_registration.id,
            company_id=trained.id,
            state=LeadState.BECAME_TRAINING_COMPANY,
        )
    )
    elsewhere = make_company(session, name="Annen kampanje")
    make_registration(session, company=elsewhere, campaign_id=other.id)
    session.flush()

    everything = definition(
        f'[audience]\nprevious = {{ campaigns = [{earlier.id}] }}\nexclude = ["opted_out"]\n'
    )
    assert audience_names(session, everything) == ["Interessert", "Kontaktet", "Lærebedrift", "Registrert"]
    only = definition(
        f'[audience]\nprevious = {{ campaigns = [{earlier.id}], outcome = ["registered", "training_company"] }}\n'
        'exclude = ["opted_out"]\n'
    )
    assert audience_names(session, only) == ["Lærebedrift", "Registrert"]


def test_recently_contacted_companies_are_left_out_whichever_table_chose_them(session: Session) -> None:
    recent = make_company(session, name="Nylig", county="55")
    make_company(session, name="Lenge siden", county="55")
    make_company(session, name="Tromsø-snekker", county="46", nace_code="43.320")
    contacted(session, recent, days_ago=10)
    session.flush()
    parsed = definition(
        '[audience]\ncounties = ["55"]\nexclude_contacted_days = 30\n'
        '[audience.also]\ncounties = ["46"]\ntrades = ["Snekkerfaget"]\n'
    )
    assert audience_names(session, parsed) == ["Lenge siden", "Tromsø-snekker"]
    assert audience_names(
        session, definition('[audience]\ncounties = ["55"]\nexclude_contacted_days = 5\n')
    ) == [
        "Lenge siden",
        "Nylig",
    ]


def test_also_adds_companies_and_exclusions_hold_for_them(session: Session) -> None:
    make_company(session, name="Fylke 55", county="55")
    make_company(session, name="Sveiser i 46", county="46", nace_code="25.110")
    make_company(
        session, name="Godkjent sveiser i 46", county="46", nace_code="25.110", is_training_company=True
    )
    make_company(session, name="Frisør i 46", county="46", nace_code="96.020")
    parsed = definition(
        '[audience]\ncounties = ["55"]\nexclude = ["training_company"]\n'
        '[audience.also]\ncounties = ["46"]\ntrades = ["Sveisefaget"]\n'
    )
    assert audience_names(session, parsed) == ["Fylke 55", "Sveiser i 46"]


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[audience]\ntrades = ["Sveiser"]\n', "lokal.toml:3: audience.trades: ukjent lærefag «Sveiser»"),
        (
            '[audience]\norgnr_file = "borte.csv"\n',
            "lokal.toml:3: audience.orgnr_file: finner ikke lista «borte.csv»",
        ),
        (
            '[audience]\norgnr_file = "../hemmelig.csv"\n',
            "lokal.toml:3: audience.orgnr_file: «../hemmelig.csv» må være et filnavn",
        ),
        (
            '[audience]\norgnr_file = "park\\u0000.csv"\n',
            "lokal.toml:3: audience.orgnr_file: «park\x00.csv» må være et filnavn",
        ),
        (
            '[audience]\norgnr_file = "/etc/passwd"\n',
            "lokal.toml:3: audience.orgnr_file: «/etc/passwd» må være et filnavn",
        ),
        (
            '[audience]\npostcodes = ["1639-1630"]\n',
            "lokal.toml:3: audience.postcodes: «1639-1630» er verken",
        ),
        (
            "[audience]\nprevious = { campaigns = [99999999999999999] }\n",
            "lokal.toml:3: audience.previous.campaigns: skriv kampanjenumrene",
        ),
        (
            "[audience]\nprevious = { campaigns = [] }\n",
            "lokal.toml:3: audience.previous.campaigns: skriv kampanjenumrene",
        ),
        (
            "[audience]\nexclude_contacted_days = -1\n",
            "lokal.toml:3: audience.exclude_contacted_days: et helt antall",
        ),
        ("[audience.also]\nexclude = []\n", "lokal.toml:3: audience.also.exclude: ukjent felt"),
        ('kind = "barnehage"\n', "lokal.toml:2: kind: «barnehage» er ikke et av laereplass, voksen"),
        ('owner = "123456789"\n', "lokal.toml:2: owner: «123456789» er ikke et gyldig organisasjonsnummer"),
        (
            'route = "owner"\n',
            'lokal.toml:2: route: route = "owner" sender leads til eieren, men kampanjen har ingen owner',
        ),
        (
            'owner = "974760673"\nroute_after_days = 3\n',
            'lokal.toml:3: route_after_days: gjelder bare route = "owner_then_county"',
        ),
        ('co_owners = ["974760673"]\n', "lokal.toml:2: co_owners: medeiere krever en eier"),
    ],
)
def test_mistakes_name_file_line_and_field(tmp_path: Path, toml: str, expected: str) -> None:
    (tmp_path.parent / "hemmelig.csv").write_text("orgnr\n974760673\n", encoding="utf-8")
    found = problems(toml, tmp_path)
    assert any(p.startswith(expected) for p in found), found


def test_a_list_outside_the_folder_through_a_link_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "ute.csv"
    outside.write_text("orgnr\n974760673\n", encoding="utf-8")
    folder = tmp_path / "kampanje"
    folder.mkdir()
    (folder / "lenke.csv").symlink_to(outside)
    with pytest.raises(DefinitionError, match=r"audience\.orgnr_file: «lenke\.csv» ligger utenfor mappen"):
        definition('[audience]\norgnr_file = "lenke.csv"\n', folder)


def test_an_owned_campaign_routes_to_the_owner_by_default() -> None:
    parsed = definition('owner = "974760673"\nco_owners = ["923609016"]\nkind = "voksen"\n')
    assert (parsed.owner, parsed.co_owners, parsed.route, parsed.kind) == (
        "974760673",
        ("923609016",),
        "owner",
        "voksen",
    )
    assert definition("").route == "county"


def test_the_preview_explains_who_the_audience_leaves_out_and_why(session: Session, tmp_path: Path) -> None:
    member = make_company(session, name="Medlem", nace_code="25.620")
    approved = make_company(session, name="Godkjent", nace_code="25.620", is_training_company=True)
    bankrupt = make_company(session, name="Konkurs", nace_code="25.620", bankrupt=True)
    recent = make_company(session, name="Nylig", nace_code="25.620")
    hairdresser = make_company(session, name="Frisør", nace_code="96.020")
    contacted(session, recent, days_ago=3)
    session.flush()
    listed = [member.orgnr, approved.orgnr, bankrupt.orgnr, recent.orgnr, hairdresser.orgnr, "989812165"]
    (tmp_path / "park.csv").write_text("orgnr\n" + "\n".join([*listed, "12345"]) + "\n", encoding="utf-8")
    parsed = definition(
        '[audience]\norgnr_file = "park.csv"\ntrades = ["CNC-maskineringsfaget"]\nexclude = ["training_company"]\n'
        "exclude_contacted_days = 30\n",
        tmp_path,
    )
    assert audience_names(session, parsed) == ["Medlem"]
    notes = {n.text: n for n in audience_notes(session, definition=parsed)}
    assert notes["1 rader i park.csv er ikke gyldige organisasjonsnumre"].examples == ("rad 8: «12345»",)
    misfit = next(n for n in notes.values() if n.text.startswith("1 av bedriftene i park.csv passer ikke"))
    assert misfit.examples == ("Frisør",)
    unknown = notes["1 organisasjonsnumre i park.csv finnes ikke i Enhetsregisteret vi har lastet inn"]
    assert unknown.examples == ("989812165",)
    assert (
        "1 av de valgte bedriftene skrives aldri til (konkurs, avvikling, slettet, eller har sagt STOPP)"
        in notes
    )
    assert "1 av de valgte bedriftene er godkjente lærebedrifter (exclude = training_company)" in notes
    assert (
        "1 av de valgte bedriftene fikk en melding fra en kampanje de siste 30 dagene (exclude_contacted_days)"
        in notes
    )


def test_a_list_longer_than_a_member_list_is_refused(tmp_path: Path) -> None:
    from tests.register_files import valid_orgnrs

    many = list(valid_orgnrs(20_001, seed=5))
    (tmp_path / "alle.csv").write_text("orgnr\n" + "\n".join(many) + "\n", encoding="utf-8")
    with pytest.raises(DefinitionError, match="har 20001 organisasjonsnumre; en liste kan ha høyst 20000"):
        definition('[audience]\norgnr_file = "alle.csv"\n', tmp_path)
