"""The documentation stays true to the code: every link in the README and docs/ points inside the repository
and exists, the campaign-file page names every key the definition accepts, and the conversations page every
keyword and Telegram command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot import keywords
from bot.telegram_app import MENU
from campaigns.definition import AUDIENCE_KEYS
from campaigns.definition import EXCLUDES
from campaigns.definition import RATE_DEFAULTS
from campaigns.definition import STEP_KEYS
from campaigns.definition import TOP_KEYS
from campaigns.definition import WINDOW_KEYS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_docs_exist() -> None:
    assert {p.name for p in DOCS.glob("*.md")} >= {
        "README.md",
        "campaign-file.md",
        "conversations.md",
        "roles.md",
        "operations.md",
    }


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_points_to_a_file_in_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "../shared" not in text and "PRODUCT.md" not in text
    for target in LINK.findall(text):
        assert not target.startswith(("http://", "https://", "/")), (
            f"{page.name}: {target} leaves the repository"
        )
        path = (page.parent / target.split("#", 1)[0]).resolve()
        assert path.is_relative_to(ROOT), f"{page.name}: {target} leaves the repository"
        assert path.exists(), f"{page.name}: {target} does not exist"


def test_the_campaign_file_page_names_every_accepted_key() -> None:
    text = (DOCS / "campaign-file.md").read_text(encoding="utf-8")
    sections = {"": TOP_KEYS, "[window]": WINDOW_KEYS, "[rate]": set(RATE_DEFAULTS)}
    sections |= {"[audience]": AUDIENCE_KEYS, "[[steps]]": STEP_KEYS, "exclude": EXCLUDES}
    for section, keys in sections.items():
        for key in sorted(keys):
            assert f"`{key}`" in text, f"docs/campaign-file.md does not explain {section} {key}"


def test_the_conversations_page_names_every_keyword_and_command() -> None:
    text = (DOCS / "conversations.md").read_text(encoding="utf-8")
    for group in (keywords.OPT_OUT, keywords.INTERESTED, keywords.DECLINED, keywords.HELP, keywords.CANCEL):
        for word in sorted(group):
            assert f"`{word.upper()}`" in text, f"docs/conversations.md does not list {word.upper()}"
    for command in MENU:
        assert f"`/{command}" in text, f"docs/conversations.md does not list /{command}"
