"""`jeger privacy shared-optouts`: opted-out addresses that several companies share, for staff to review."""

from __future__ import annotations

import json
from typing import Any

from bot.engine import Inbound
from bot.engine import handle_inbound
from companies.optout_records import record_opt_out
from settings import Settings
from store.db import Database
from store.models import ContactKind
from store.models import utcnow
from store.secrets import AddressHasher
from tests.lead_factories import add_contact
from tests.test_engine import make_company

SWITCHBOARD = "+4741234567"
ACCOUNTANT = "+4741234500"


def test_it_lists_shared_opted_out_addresses_with_who_shares_them_and_where_the_stop_came_from(
    db: Database, settings: Settings, cli: Any
) -> None:
    with db.transaction() as session:
        first = make_company(session, mobile="+4791000001", orgnr="974760673", name="Fjord Bygg AS")
        second = make_company(session, mobile="+4791000002", orgnr="923609016", name="Tind Rør AS")
        third = make_company(session, mobile="+4791000003", orgnr="914778271", name="Havbris Mat AS")
        for company in (first, second, third):
            add_contact(session, company, ContactKind.PHONE, SWITCHBOARD)
        for company in (first, second):
            add_contact(session, company, ContactKind.PHONE, ACCOUNTANT)
        add_contact(
            session, third, ContactKind.PHONE, ACCOUNTANT, replaced_at=utcnow()
        )  # no longer its number: not counted
        # Left by the old rule: the switchboard opted out because another of the company's addresses said STOPP.
        record_opt_out(
            session,
            hasher=AddressHasher.load(session),
            kind=ContactKind.PHONE,
            address=SWITCHBOARD,
            source="sms",
        )
    with db.transaction() as session:
        # The accountant's number says STOPP itself; one company's own mobile too (shared by nobody).
        for sender in (ACCOUNTANT, "+4791000003"):
            handle_inbound(
                session,
                inbound=Inbound(channel="sms", sender=sender, text="STOPP", provider_id=f"SM-{sender}"),
                settings=settings,
            )

    result = cli("privacy", "shared-optouts", "--json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [item["address"] for item in listed] == [SWITCHBOARD, ACCOUNTANT]  # most shared first
    switchboard, accountant = listed
    assert switchboard["company_count"] == 3 and switchboard["said_stop_itself"] is False
    assert switchboard["source"] == "sms" and switchboard["kind"] == "phone"
    assert {c["orgnr"] for c in switchboard["companies"]} == {"974760673", "923609016", "914778271"}
    # Havbris said STOPP from its own mobile: it is do-not-contact, and staff see that beside the others.
    assert {c["orgnr"]: c["do_not_contact"] for c in switchboard["companies"]}["914778271"] is True
    assert accountant["company_count"] == 2 and accountant["said_stop_itself"] is True
    assert [c["do_not_contact"] for c in accountant["companies"]] == [False, False]  # shared: proves none
    assert set(accountant) == {
        "kind",
        "address",
        "company_count",
        "companies",
        "opted_out_at",
        "source",
        "said_stop_itself",
    }

    text = cli("privacy", "shared-optouts")
    assert text.exit_code == 0, text.output
    for header in ("Adresse", "Bedrifter", "Reservert", "Sa STOPP selv", "Hvilke bedrifter"):
        assert header in text.stdout
    assert SWITCHBOARD in text.stdout and "Fjord Bygg AS" in text.stdout and "(har sagt STOPP)" in text.stdout


def test_it_says_so_when_no_opted_out_address_is_shared(cli: Any) -> None:
    result = cli("privacy", "shared-optouts")
    assert result.exit_code == 0, result.output
    assert "Ingen reserverte adresser deles av flere bedrifter." in result.stdout
    assert json.loads(cli("privacy", "shared-optouts", "--json").stdout) == []
