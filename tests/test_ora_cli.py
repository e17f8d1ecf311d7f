"""The Øra case as the README runs it from the command line (PRODUCT §11): import the park's companies and the
county's approved training companies, add the owning organisations, create and preview the adult campaign."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from store.db import Database
from store.models import CampaignOwner
from store.models import Hunter
from tests.test_campaign_check import Cli
from tests.test_campaign_check import jeger  # noqa: F401  (the `jeger` fixture)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_the_readme_runs_the_ora_case(jeger: Cli, db: Database, tmp_path: Path) -> None:  # noqa: F811
    # The importers write their rejects beside the file they read: read copies, so examples/ stays clean.
    for name in ("ora-enheter.json", "laerebedrifter-ostfold.csv"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    assert jeger("import", "companies", tmp_path / "ora-enheter.json").exit_code == 0
    assert jeger("import", "training-companies", tmp_path / "laerebedrifter-ostfold.csv").exit_code == 0
    added = jeger(
        "hunters", "add", "NAV Fredrikstad", "--orgnr", "989812165", "--type", "nav", "--county", "31",
        "--contact", "Ola Nordmann", "--email", "ola.nordmann@nav.no", "--phone", "91234567", "--approve",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    school = jeger(
        "hunters", "add", "Glemmen videregående skole", "--orgnr", "980267172", "--type", "school",
        "--county", "31", "--email", "post@glemmen.example.no", "--approve",
    )  # fmt: skip
    assert school.exit_code == 0, school.output

    created = jeger("campaign", "create", EXAMPLES / "ora-voksen.toml", "--json")
    assert created.exit_code == 0, created.output
    assert json.loads(created.stdout)["audience"] == 7  # 10 members: 2 in other trades, 1 already approved

    preview = json.loads(jeger("campaign", "preview", "1", "--json").stdout)
    notes = [n["text"] for n in preview["audience_notes"]]
    assert notes[0].startswith("2 av bedriftene i ora-medlemmer.csv passer ikke de andre kravene")
    assert notes[1] == "1 av de valgte bedriftene er godkjente lærebedrifter (exclude = training_company)"
    first = preview["steps"][0]["samples"][0]
    assert (
        "NAV Fredrikstad og Glemmen videregående skole" in first["body"] and "Ola Nordmann" in first["body"]
    )
    with db.session() as session:
        owners = session.execute(
            select(Hunter.org_name, CampaignOwner.is_primary).join(
                Hunter, Hunter.id == CampaignOwner.hunter_id
            )
        ).all()
    assert sorted(owners) == [("Glemmen videregående skole", False), ("NAV Fredrikstad", True)]
