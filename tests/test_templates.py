"""The shipped templates and the sandbox they run in: layout, languages, errors staff can act on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import meta

from campaigns.meetings import SAMPLE
from campaigns.render import MessageRenderer
from campaigns.templating import LANGUAGES
from campaigns.templating import TemplateProblem
from campaigns.templating import Templates
from campaigns.templating import check_template_name
from campaigns.templating import list_templates
from campaigns.templating import template_names
from settings import TEMPLATES_DIR
from settings import Settings
from store.models import Channel

FOLDER_CHANNEL = {
    "sms": Channel.SMS,
    "telegram": Channel.TELEGRAM,
    "email": Channel.EMAIL,
    "letters": Channel.LETTER,
}
SHIPPED = template_names(TEMPLATES_DIR)


def make_dir(root: Path, files: dict[str, str]) -> Path:
    """A templates folder named `templates`, so messages read `templates/...` as in production."""
    directory = root / "templates"
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def renderer() -> MessageRenderer:
    return MessageRenderer(Settings(_env_file=None))


def test_the_campaign_templates_of_the_spec_exist() -> None:
    for name in ("letters/invitasjon", "email/invitasjon", "sms/invitasjon", "sms/paaminnelse"):
        assert name in SHIPPED
    assert {"telegram/velkommen", "sms/bekreftelse", "telegram/bekreftelse", "email/bekreftelse"} <= set(
        SHIPPED
    )


@pytest.mark.parametrize("name", SHIPPED)
def test_every_template_exists_in_all_three_languages_with_the_same_files(name: str) -> None:
    info = list_templates(TEMPLATES_DIR)[name]
    assert set(info.files) == set(LANGUAGES)
    assert len({info.files[language] for language in LANGUAGES}) == 1


@pytest.mark.parametrize("name", SHIPPED)
def test_every_template_renders_in_every_language(renderer: MessageRenderer, name: str) -> None:
    # A meeting's templates are checked with the step's meeting; without one they must fail (below).
    meeting = SAMPLE if "/infomote" in name else None
    renderer.check(template=name, channel=FOLDER_CHANNEL[name.partition("/")[0]], meeting=meeting)


def test_a_meeting_template_without_a_meeting_is_a_problem_at_create_time(renderer: MessageRenderer) -> None:
    with pytest.raises(TemplateProblem, match="event"):
        renderer.check(template="sms/infomote", channel=Channel.SMS)


def test_the_readme_lists_every_variable_a_template_uses(renderer: MessageRenderer) -> None:
    readme = (TEMPLATES_DIR / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)[`(]", readme))
    env = renderer.templates.env
    used: set[str] = set()
    for path in TEMPLATES_DIR.rglob("*.*"):
        if path.suffix in (".txt", ".html"):
            used |= meta.find_undeclared_variables(env.parse(path.read_text(encoding="utf-8")))
    builtins = {"range", "caller"}
    assert used - builtins - documented == set()


def test_unknown_templates_are_refused_with_the_known_ones() -> None:
    with pytest.raises(
        TemplateProblem,
        match=r"ukjent mal \(kjente: sms/bekreftelse, sms/infomote, sms/infomote_paaminnelse, sms/invitasjon",
    ):
        check_template_name(TEMPLATES_DIR, name="sms/invitasjn", channel="sms")


def test_a_template_must_suit_the_channel_of_its_step() -> None:
    with pytest.raises(TemplateProblem, match="et letter-steg trenger en mal under letters/"):
        check_template_name(TEMPLATES_DIR, name="sms/invitasjon", channel="letter")
    check_template_name(TEMPLATES_DIR, name="letters/invitasjon", channel="email")


def test_a_missing_translation_is_an_error_not_a_fallback(tmp_path: Path) -> None:
    directory = make_dir(tmp_path, {"sms/hei.nb.txt": "Hei", "sms/hei.en.txt": "Hi"})
    check_template_name(directory, name="sms/hei", channel="sms", languages=["nb", "en"])
    with pytest.raises(TemplateProblem, match=r"mangler templates/sms/hei\.nn\.txt"):
        check_template_name(directory, name="sms/hei", channel="sms")


def test_a_letter_needs_its_email_twin(tmp_path: Path) -> None:
    directory = make_dir(tmp_path, {"letters/brev.nb.html": "<p>x</p>"})
    with pytest.raises(TemplateProblem, match=r"mangler templates/email/brev\.nb\.txt"):
        check_template_name(directory, name="letters/brev", channel="letter", languages=["nb"])


def test_shared_parts_are_not_templates() -> None:
    assert not [name for name in SHIPPED if "/_" in name or name.startswith("_")]


def test_an_undefined_variable_names_file_line_variable_and_company(tmp_path: Path) -> None:
    directory = make_dir(
        tmp_path, {"sms/invitasjon.nb.txt": "Hei {{ company_name }}!\n\nTil {{ kontaktperson }}\n"}
    )
    templates = Templates(directory)
    with pytest.raises(TemplateProblem) as caught:
        templates.render("sms/invitasjon.nb.txt", {"company_name": "A AS", "orgnr": "974760673"})
    problem = caught.value
    assert (problem.template, problem.line, problem.variable) == (
        "templates/sms/invitasjon.nb.txt",
        3,
        "kontaktperson",
    )
    assert problem.orgnr == "974760673"
    assert (
        str(problem)
        == "templates/sms/invitasjon.nb.txt linje 3: udefinert variabel 'kontaktperson' (orgnr 974760673)"
    )


def test_an_undefined_variable_in_a_base_template_names_the_base(tmp_path: Path) -> None:
    directory = make_dir(
        tmp_path,
        {
            "letters/_base.html": "<p>\n{% block body %}{% endblock %}\n{{ fax_number }}\n</p>",
            "letters/brev.nb.html": '{% extends "letters/_base.html" %}{% block body %}Hei{% endblock %}',
        },
    )
    with pytest.raises(TemplateProblem) as caught:
        Templates(directory).render("letters/brev.nb.html", {})
    assert (caught.value.template, caught.value.line, caught.value.variable) == (
        "templates/letters/_base.html",
        3,
        "fax_number",
    )


def test_undefined_attributes_are_errors_too(tmp_path: Path) -> None:
    directory = make_dir(tmp_path, {"sms/x.nb.txt": "{{ registration.places }}"})
    with pytest.raises(TemplateProblem, match="udefinert variabel 'places'"):
        Templates(directory).render("sms/x.nb.txt", {"registration": {}})


def test_a_syntax_error_names_its_line(tmp_path: Path) -> None:
    directory = make_dir(tmp_path, {"sms/x.nb.txt": "Hei\n{{ company_name }\nHilsen\n"})
    with pytest.raises(TemplateProblem) as caught:
        Templates(directory).render("sms/x.nb.txt", {"company_name": "A"})
    assert caught.value.template == "templates/sms/x.nb.txt"
    assert caught.value.line == 2
    assert "syntaksfeil" in caught.value.message


@pytest.mark.parametrize(
    "source",
    [
        "{{ company_name.__class__.__mro__ }}",
        "{{ company_name.__class__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% set items = [] %}{{ items.append(1) }}",  # immutable sandbox
        "{{ 'x' * 1000000 }}",
    ],
)
def test_the_sandbox_blocks_unsafe_access(tmp_path: Path, source: str) -> None:
    directory = make_dir(tmp_path, {"sms/x.nb.txt": source})
    with pytest.raises(TemplateProblem, match="ikke tillatt i sandkassen") as caught:
        Templates(directory).render("sms/x.nb.txt", {"company_name": "A AS", "orgnr": "974760673"})
    assert caught.value.orgnr == "974760673"


def test_output_is_capped(tmp_path: Path) -> None:
    directory = make_dir(tmp_path, {"sms/x.nb.txt": "{% for i in range(100000) %}0123456789{% endfor %}"})
    with pytest.raises(TemplateProblem, match="resultatet er lengre enn 500000 tegn"):
        Templates(directory).render("sms/x.nb.txt", {})


def test_plain_text_is_not_escaped_and_html_is(tmp_path: Path) -> None:
    directory = make_dir(
        tmp_path, {"sms/x.nb.txt": "{{ company_name }}", "email/x.nb.html": "{{ company_name }}"}
    )
    templates = Templates(directory)
    assert templates.render("sms/x.nb.txt", {"company_name": "Smith & Sønn <AS>"}) == "Smith & Sønn <AS>"
    assert (
        templates.render("email/x.nb.html", {"company_name": "Smith & Sønn <AS>"})
        == "Smith &amp; Sønn &lt;AS&gt;"
    )


def test_a_template_sets_values_for_the_renderer(tmp_path: Path) -> None:
    directory = make_dir(
        tmp_path, {"email/x.nb.txt": '{% set subject = "Emne for " ~ company_name %}\nTekst'}
    )
    text, exported = Templates(directory).render_with_exports("email/x.nb.txt", {"company_name": "A AS"})
    assert (text, exported["subject"]) == ("Tekst", "Emne for A AS")
