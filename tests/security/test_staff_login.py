"""Attacks on staff logins and API tokens, replayed through the real login form, API and CLI (PRODUCT §12).

Before: an unknown address, a wrong password and a locked account answered differently ("låst i 15
minutter"), five wrong guesses from anywhere locked the account for its real user, the throttle lived in one
process's memory, and API tokens could be neither listed, revoked one by one nor made to expire; a new
password left old tokens working.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy import update

from settings import Settings
from staff.login import CLIENT_LIMIT
from staff.login import FREE_FAILURES
from staff.login import attempt_login
from staff.login import delay_after
from store.db import Database
from store.models import ApiToken
from store.models import StaffUser
from store.models import Throttle
from store.models import utcnow
from tests.dashboard_fixtures import ADMIN_EMAIL
from tests.dashboard_fixtures import PASSWORD
from tests.dashboard_fixtures import STAFF_EMAIL
from tests.dashboard_fixtures import log_in
from web.app import create_app

REFUSED = "Feil e-postadresse eller passord."
STRANGER = ("203.0.113.66", 40000)
OFFICE = ("198.51.100.10", 40000)
_ERROR = re.compile(r'class="[^"]*error[^"]*"[^>]*>(.*?)<', re.S)


def _from(app: FastAPI, address: tuple[str, int]) -> TestClient:
    return TestClient(app, client=address)


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_unknown_wrong_and_locked_read_exactly_the_same(
    app: FastAPI, db: Database, users: dict[str, int]
) -> None:
    with db.transaction() as session:
        session.get_one(StaffUser, users["staff"]).locked_until = utcnow() + timedelta(minutes=30)
    answers = []
    for n, (email, password) in enumerate(
        [
            ("ingen@worldskills.no", "feil-passord-her"),
            (ADMIN_EMAIL, "feil-passord-her"),
            (STAFF_EMAIL, PASSWORD),
        ]
    ):
        with _from(app, (f"192.0.2.{n + 1}", 1000)) as browser:
            response = log_in(browser, email, password)
        answers.append(response)
    assert [a.status_code for a in answers] == [401, 401, 401]  # type: ignore[attr-defined]
    for answer in answers:
        text = answer.text  # type: ignore[attr-defined]
        assert REFUSED in text and "låst" not in text.lower() and "finnes ikke" not in text
    # The pages differ only in the typed address echoed back into the form.
    pages = [
        a.text.replace(e, "")
        for a, e in zip(answers, ["ingen@worldskills.no", ADMIN_EMAIL, STAFF_EMAIL], strict=True)
    ]  # type: ignore[attr-defined]
    pages = [re.sub(r"[A-Za-z0-9_-]{43}", "<csrf>", p) for p in pages]  # each browser has its own CSRF token
    assert pages[0] == pages[1] == pages[2]


def test_an_unknown_address_is_throttled_exactly_like_a_real_one(app: FastAPI, users: dict[str, int]) -> None:
    codes = {}
    for email in ("ingen@worldskills.no", ADMIN_EMAIL):
        with _from(app, STRANGER if email == ADMIN_EMAIL else ("203.0.113.67", 1)) as browser:
            codes[email] = [
                log_in(browser, email, "feil-passord-her").status_code for _ in range(FREE_FAILURES + 1)
            ]  # type: ignore[attr-defined]
    assert codes["ingen@worldskills.no"] == codes[ADMIN_EMAIL] == [401] * FREE_FAILURES + [429]


def test_a_strangers_failures_never_lock_the_user_out_on_another_client(
    app: FastAPI, db: Database, users: dict[str, int]
) -> None:
    with _from(app, STRANGER) as stranger:
        codes = [
            log_in(stranger, ADMIN_EMAIL, f"gjett-nummer-{n}").status_code for n in range(CLIENT_LIMIT + 5)
        ]  # type: ignore[attr-defined]
        assert codes[:FREE_FAILURES] == [401] * FREE_FAILURES and set(codes[FREE_FAILURES:]) == {429}
        assert log_in(stranger, ADMIN_EMAIL).status_code == 429  # type: ignore[attr-defined]
    with _from(app, OFFICE) as office:
        assert log_in(office, ADMIN_EMAIL).status_code == 303  # type: ignore[attr-defined]
        assert office.get("/admin/", follow_redirects=False).status_code == 200
    with db.session() as session:
        assert session.get_one(StaffUser, users["admin"]).locked_until is None


def test_the_wait_grows_with_every_further_failure(app: FastAPI, db: Database, users: dict[str, int]) -> None:
    assert [delay_after(n) for n in range(FREE_FAILURES - 1, FREE_FAILURES + 3)] == [
        timedelta(0),
        timedelta(minutes=1),
        timedelta(minutes=2),
        timedelta(minutes=4),
    ]
    assert delay_after(FREE_FAILURES + 30) == timedelta(hours=1)
    waits = []
    with _from(app, STRANGER) as stranger:
        for _ in range(FREE_FAILURES):
            log_in(stranger, STAFF_EMAIL, "feil-passord-her")
        for _ in range(2):
            refused = log_in(stranger, STAFF_EMAIL, "feil-passord-her")
            assert refused.status_code == 429  # type: ignore[attr-defined]
            waits.append(int(refused.headers["retry-after"]))  # type: ignore[attr-defined]
            with db.transaction() as session:  # the wait has passed; the next guess fails and waits longer
                session.execute(update(Throttle).values(blocked_until=utcnow() - timedelta(seconds=1)))
            assert log_in(stranger, STAFF_EMAIL, "feil-passord-her").status_code == 401  # type: ignore[attr-defined]
    assert 50 <= waits[0] <= 60 and 110 <= waits[1] <= 120


def test_two_web_processes_share_the_login_throttle(settings: Settings, users: dict[str, int]) -> None:
    first, second = create_app(settings), create_app(settings)  # each with its own engine and pool
    with _from(first, STRANGER) as one:
        for _ in range(FREE_FAILURES):
            assert log_in(one, ADMIN_EMAIL, "feil-passord-her").status_code == 401  # type: ignore[attr-defined]
    with _from(second, STRANGER) as other:
        assert log_in(other, ADMIN_EMAIL).status_code == 429  # type: ignore[attr-defined]
    with _from(second, OFFICE) as office:
        assert log_in(office, ADMIN_EMAIL).status_code == 303  # type: ignore[attr-defined]


def test_the_cli_unlock_lifts_the_wait_on_every_client(cli, app: FastAPI, db: Database, users) -> None:  # type: ignore[no-untyped-def]
    with _from(app, STRANGER) as browser:
        for _ in range(FREE_FAILURES):
            log_in(browser, STAFF_EMAIL, "feil-passord-her")
        assert log_in(browser, STAFF_EMAIL).status_code == 429  # type: ignore[attr-defined]
        listed = {row["email"]: row for row in json.loads(cli("staff", "list", "--json").stdout)}
        assert listed[STAFF_EMAIL]["throttled"] is True and listed[ADMIN_EMAIL]["throttled"] is False
        result = cli("staff", "unlock", STAFF_EMAIL)
        assert result.exit_code == 0 and "låst opp" in result.stdout
        assert log_in(browser, STAFF_EMAIL).status_code == 303  # type: ignore[attr-defined]


def test_failures_are_counted_per_account_and_client_in_the_domain(
    db: Database, users: dict[str, int]
) -> None:
    now = utcnow()
    with db.transaction() as session:
        for _ in range(FREE_FAILURES):
            attempt_login(session, email=ADMIN_EMAIL, password="feil", client="10.0.0.1", now=now)
        held = attempt_login(session, email=ADMIN_EMAIL, password=PASSWORD, client="10.0.0.1", now=now)
        assert held.outcome == "throttled" and held.retry_after == timedelta(minutes=1)
        later = attempt_login(
            session, email=ADMIN_EMAIL, password=PASSWORD, client="10.0.0.1", now=now + timedelta(minutes=2)
        )
        assert later.outcome == "ok"
        assert (
            attempt_login(session, email=ADMIN_EMAIL, password=PASSWORD, client="10.0.0.2", now=now).outcome
            == "ok"
        )


# --- API tokens ------------------------------------------------------------------------------------------


def _token(cli, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = cli("staff", "token", STAFF_EMAIL, *args)
    assert result.exit_code == 0, result.output
    return str(result.stdout.strip())


def _tokens(cli) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    result = cli("staff", "tokens", STAFF_EMAIL, "--json")
    assert result.exit_code == 0, result.output
    return list(json.loads(result.stdout))


def test_tokens_are_named_listed_and_revoked_one_by_one(cli, client: TestClient, users) -> None:  # type: ignore[no-untyped-def]
    script = _token(cli, "--name", "rapport-skript")
    laptop = _token(cli, "--name", "bærbar", "--expires-days", "30")
    listed = _tokens(cli)
    assert [t["name"] for t in listed] == ["rapport-skript", "bærbar"]
    assert set(listed[0]) == {"id", "name", "created_at", "last_used_at", "expires_at"}
    assert listed[0]["expires_at"] is None and listed[0]["last_used_at"] is None
    created = str(listed[1]["created_at"])
    assert re.search(r"[+-]\d{2}:\d{2}$", created) and re.search(
        r"[+-]\d{2}:\d{2}$", str(listed[1]["expires_at"])
    )
    assert client.get("/api/leads", headers=_auth(script)).status_code == 200
    assert _tokens(cli)[0]["last_used_at"] is not None
    table = cli("staff", "tokens", STAFF_EMAIL).stdout
    assert "Navn" in table and "Sist brukt" in table and "Utløper" in table and "rapport-skript" in table
    revoked = cli("staff", "revoke-token", str(listed[0]["id"]))
    assert revoked.exit_code == 0 and "trukket tilbake" in revoked.stdout
    assert client.get("/api/leads", headers=_auth(script)).status_code == 401
    assert client.get("/api/leads", headers=_auth(laptop)).status_code == 200  # the other one still works
    assert [t["name"] for t in _tokens(cli)] == ["bærbar"]
    again = cli("staff", "revoke-token", str(listed[0]["id"]))
    assert again.exit_code == 2 and "Fant ingen gyldig API-nøkkel" in again.stderr
    assert cli("staff", "revoke-token", "999999").exit_code == 2
    assert cli("staff", "tokens", "ingen@x.no").exit_code == 2


def test_an_expired_token_is_refused(cli, client: TestClient, db: Database, users) -> None:  # type: ignore[no-untyped-def]
    token = _token(cli, "--name", "kortvarig", "--expires-days", "1")
    assert client.get("/api/leads", headers=_auth(token)).status_code == 200
    with db.transaction() as session:
        session.execute(update(ApiToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    refused = client.get("/api/leads", headers=_auth(token))
    assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
    assert "(utløpt)" in cli("staff", "tokens", STAFF_EMAIL).stdout
    assert cli("staff", "token", STAFF_EMAIL, "--expires-days", "0").exit_code == 2


def test_a_new_password_revokes_every_token_and_ends_every_session(  # type: ignore[no-untyped-def]
    cli, app: FastAPI, client: TestClient, users
) -> None:
    first, second = _token(cli, "--name", "en"), _token(cli, "--name", "to")
    with _from(app, OFFICE) as browser:
        assert log_in(browser, STAFF_EMAIL).status_code == 303  # type: ignore[attr-defined]
        changed = cli("staff", "password", STAFF_EMAIL, "--password", "et-helt-nytt-passord")
        assert changed.exit_code == 0 and "API-nøkler" in changed.stdout
        assert browser.get("/admin/", follow_redirects=False).status_code == 303
    for token in (first, second):
        assert client.get("/api/leads", headers=_auth(token)).status_code == 401
    assert _tokens(cli) == []
    fresh = _token(cli, "--name", "ny")
    assert client.get("/api/leads", headers=_auth(fresh)).status_code == 200


def test_last_used_is_written_at_most_once_a_minute(cli, client: TestClient, db: Database, users) -> None:  # type: ignore[no-untyped-def]
    token = _token(cli, "--name", "travel")
    assert client.get("/api/leads", headers=_auth(token)).status_code == 200
    with db.session() as session:
        first = session.scalars(select(ApiToken.last_used_at)).one()
    assert client.get("/api/leads", headers=_auth(token)).status_code == 200
    with db.session() as session:
        assert session.scalars(select(ApiToken.last_used_at)).one() == first
    with db.transaction() as session:
        session.execute(update(ApiToken).values(last_used_at=utcnow() - timedelta(minutes=2)))
    assert client.get("/api/leads", headers=_auth(token)).status_code == 200
    with db.session() as session:
        assert utcnow() - session.scalars(select(ApiToken.last_used_at)).one() < timedelta(minutes=1)


def test_an_admin_sees_and_revokes_one_token_in_the_dashboard(  # type: ignore[no-untyped-def]
    cli, admin_client: TestClient, users
) -> None:
    from tests.dashboard_fixtures import csrf_of

    keep, drop = _token(cli, "--name", "behold"), _token(cli, "--name", "fjern")
    page = admin_client.get("/admin/staff").text
    assert "API-nøkler" in page and "behold" in page and "fjern" in page
    drop_id = next(t["id"] for t in _tokens(cli) if t["name"] == "fjern")
    done = admin_client.post(
        f"/admin/staff/tokens/{drop_id}/revoke", data={"csrf_token": csrf_of(admin_client, "/admin/staff")}
    )
    assert "er trukket tilbake" in done.text
    assert admin_client.get("/api/leads", headers=_auth(drop)).status_code == 401
    assert admin_client.get("/api/leads", headers=_auth(keep)).status_code == 200
    assert [t["name"] for t in _tokens(cli)] == ["behold"]


def test_unknown_and_locked_accounts_cost_a_password_hash_like_a_wrong_password(
    db: Database, users: dict[str, int]
) -> None:
    """Timing must not tell which addresses exist: every refusal verifies one argon2 hash. The fastest of a few
    runs is compared, which a loaded machine slows down alike for all three."""
    import time

    from staff.accounts import authenticate

    with db.transaction() as session:
        session.get_one(StaffUser, users["staff"]).locked_until = utcnow() + timedelta(minutes=30)

    def fastest(email: str) -> float:
        best = float("inf")
        for _ in range(4):
            with db.transaction() as session:
                start = time.perf_counter()
                authenticate(session, email=email, password="feil-passord-her")
                best = min(best, time.perf_counter() - start)
        return best

    wrong = fastest(ADMIN_EMAIL)
    assert fastest("ingen@worldskills.no") > 0.4 * wrong
    assert fastest(STAFF_EMAIL) > 0.4 * wrong  # locked: the hash is checked all the same
