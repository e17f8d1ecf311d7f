"""The adult (voksen) templates tell what the adult programme is and whom to call, in all three languages, and
say nothing of a contact person when the campaign has none."""

from __future__ import annotations

import pytest

from campaigns.render import MessageRenderer
from campaigns.variables import owner_variables
from settings import Settings
from store.models import Campaign
from store.models import Channel

TEMPLATES = {
    "sms/voksen": Channel.SMS,
    "telegram/voksen": Channel.TELEGRAM,
    "email/voksen": Channel.EMAIL,
    "letters/voksen": Channel.LETTER,
}
# What each language says of the programme: modules, NAV's follow-up, the wage.
MUST_SAY = {
    "nb": ("NAV", "voksen lærling"),
    "nn": ("NAV", "vaksen lærling"),
    "en": ("NAV", "adult apprentice"),
}
LONG_MUST_SAY = {
    "nb": ("moduler", "lærlinglønn", "på prøve", "Kontaktperson"),
    "nn": ("modular", "lærlingløn", "på prøve", "Kontaktperson"),
    "en": ("modules", "apprentice wage", "trial period", "Contact person"),
}


@pytest.fixture(scope="module")
def renderer() -> MessageRenderer:
    return MessageRenderer(Settings(_env_file=None))


def _owned() -> Campaign:
    return Campaign(
        name="Øra voksen",
        definition={
            "owner_contact": {
                "owner_name": "NAV Fredrikstad",
                "co_owner_names": "Glemmen videregående skole",
                "owner_contact_name": "Ola Nordmann",
                "owner_contact_phone": "+4791234567",
                "owner_contact_email": "ola.nordmann@nav.no",
            }
        },
    )


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_the_adult_templates_explain_the_programme_and_name_the_owner(
    renderer: MessageRenderer, template: str, language: str
) -> None:
    variables = {**renderer.sample_variables(language=language), **owner_variables(_owned())}
    channel = Channel.EMAIL if TEMPLATES[template] is Channel.LETTER else TEMPLATES[template]
    message = renderer.render(template=template, channel=channel, language=language, variables=variables)
    text = message.body if channel is not Channel.EMAIL else (message.body or "") + (message.html or "")
    assert all(word in (text or "") for word in MUST_SAY[language]), text
    assert "NAV Fredrikstad" in (text or "")
    if channel is not Channel.SMS:
        assert all(word in (text or "") for word in LONG_MUST_SAY[language]), text
        assert "Ola Nordmann" in (text or "") and "91 23 45 67" in (text or "")


def test_without_an_owner_no_contact_person_is_printed(renderer: MessageRenderer) -> None:
    variables = {**renderer.sample_variables(language="nb"), **owner_variables(None)}
    message = renderer.render(
        template="email/voksen", channel=Channel.EMAIL, language="nb", variables=variables
    )
    assert "Kontaktperson" not in (message.body or "") and "Kontaktperson" not in (message.html or "")
    assert "Læreplassjeger" in (message.body or "")
