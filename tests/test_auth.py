"""Staff logins: argon2 hashes, lock-out, sessions, CSRF on every form, roles, and the `jeger staff` CLI."""

from __future__ import annotations

import json
from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select

from settings import Settings
from staff.accounts import LoginStatus
from staff.accounts import add_staff
from staff.accounts import authenticate
from staff.login import CLIENT_LIMIT
from staff.login import FREE_FAILURES
from staff.sessions import token_digest
from store.db import Database
from store.models import ApiToken
from store.models import HunterState
from store.models import StaffRole
from store.models import StaffSession
from store.models import StaffUser
from store.models import utcnow
from tests.dashboard_fixtures import ADMIN_EMAIL
from tests.dashboard_fixtures import PASSWORD
from tests.dashboard_fixtures import STAFF_EMAIL
from tests.dashboard_fixtures import csrf_of
from tests.dashboard_fixtures import log_in
from tests.lead_factories import make_hunter
from web.app import create_app
from web.auth import SESSION_COOKIE

LOGIN_LIMIT = CLIENT_LIMIT


def _hunter(db: Database) -> int:
    with db.transaction() as session:
        return make_hunter(session, state=HunterState.PENDING).id


def _hunter_state(db: Database, hunter_id: int) -> HunterState:
    from store.models import Hunter

    with db.session() as session:
        return session.get_one(Hunter, hunter_id).state


def test_the_cli_stores_an_argon2_hash_never_the_password(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    result = cli("staff", "add", "Kari@Fylke.no", "--role", "admin", "--password", "et-langt-passord")
    assert result.exit_code == 0, result.output
    with db.session() as session:
        user = session.scalars(select(StaffUser)).one()
    assert user.email == "kari@fylke.no"
    assert user.password_hash is not None and user.password_hash.startswith("$argon2id$")
    assert "et-langt-passord" not in user.password_hash


def test_the_cli_asks_for_a_hidden_password_when_none_is_given(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    result = cli("staff", "add", "ola@fylke.no", "--role", "staff", input="hemmelig-nok-1\nhemmelig-nok-1\n")
    assert result.exit_code == 0, result.output
    assert "hemmelig-nok-1" not in result.stdout
    with db.transaction() as session:
        assert authenticate(session, email="ola@fylke.no", password="hemmelig-nok-1").status is LoginStatus.OK


def test_the_cli_refuses_a_bad_role_a_short_password_and_a_second_account(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("staff", "add", "a@b.no", "--role", "boss", "--password", "x" * 12).exit_code == 2
    short = cli("staff", "add", "a@b.no", "--role", "staff", "--password", "kort")
    assert (
        short.exit_code == 2
        and "staff add a@b.no: Passordet er for kort: det må ha minst 10 tegn" in short.stderr
    )
    assert cli("staff", "add", "a@b.no", "--role", "staff", "--password", "x" * 12).exit_code == 0
    again = cli("staff", "add", "A@b.no", "--role", "staff", "--password", "x" * 12)
    assert again.exit_code == 2 and "finnes allerede en bruker med e-postadressen a@b.no" in again.stderr


def test_a_token_is_printed_once_and_only_its_hash_is_kept(cli, db: Database, users) -> None:  # type: ignore[no-untyped-def]
    result = cli("staff", "token", STAFF_EMAIL)
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert token.startswith("lpj_") and len(token) > 40
    with db.session() as session:
        stored = session.scalars(select(ApiToken)).one()
    assert stored.token_hash == token_digest(token) != token
    assert cli("staff", "token", "nobody@x.no").exit_code == 2


def test_the_right_password_opens_the_dashboard(client: TestClient, users) -> None:
    response = log_in(client, ADMIN_EMAIL)
    assert response.status_code == 303 and response.headers["location"] == "/admin/"
    page = client.get("/admin/")
    assert page.status_code == 200 and "Logg ut" in page.text


def test_a_wrong_password_is_refused_in_norwegian(client: TestClient, users) -> None:
    response = log_in(client, ADMIN_EMAIL, "feil-passord-her")
    assert response.status_code == 401
    assert "Feil e-postadresse eller passord." in response.text
    assert client.get("/admin/", follow_redirects=False).status_code == 303


def test_an_unknown_address_reads_exactly_like_a_wrong_password(client: TestClient, users) -> None:
    unknown = log_in(client, "ingen@her.no", "feil-passord-her")
    wrong = log_in(client, ADMIN_EMAIL, "feil-passord-her")
    assert unknown.status_code == wrong.status_code == 401
    assert "Feil e-postadresse eller passord." in unknown.text


def test_five_failures_make_this_client_wait_but_never_lock_the_account(
    app: FastAPI, client: TestClient, db: Database, users
) -> None:
    for _ in range(FREE_FAILURES - 1):
        assert log_in(client, ADMIN_EMAIL, "feil-passord-her").status_code == 401
    fifth = log_in(client, ADMIN_EMAIL, "feil-passord-her")
    assert fifth.status_code == 401 and "Feil e-postadresse eller passord." in fifth.text  # type: ignore[attr-defined]
    # This client now waits, even with the right password ...
    waits = log_in(client, ADMIN_EMAIL)
    assert waits.status_code == 429  # type: ignore[attr-defined]
    assert 0 < int(waits.headers["retry-after"]) <= 60  # type: ignore[attr-defined]
    # ... but the account is not locked: the real user elsewhere logs in at once.
    with TestClient(app, client=("10.20.30.40", 50000)) as elsewhere:
        assert log_in(elsewhere, ADMIN_EMAIL).status_code == 303  # type: ignore[attr-defined]
    with db.session() as session:
        assert session.get_one(StaffUser, users["admin"]).locked_until is None


def test_a_deactivated_account_cannot_log_in(client: TestClient, db: Database, users) -> None:
    with db.transaction() as session:
        session.get_one(StaffUser, users["staff"]).active = False
    assert log_in(client, STAFF_EMAIL).status_code == 401


def test_pages_send_strangers_to_the_login_and_back(client: TestClient, users) -> None:
    response = client.get("/admin/leads?county=55", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/admin/login?next=/admin/leads?county=55"
    token = csrf_of(client, "/admin/login?next=/admin/leads")
    back = client.post(
        "/admin/login",
        data={"email": ADMIN_EMAIL, "password": PASSWORD, "csrf_token": token, "next": "/admin/leads"},
        follow_redirects=False,
    )
    assert back.headers["location"] == "/admin/leads"


def test_login_never_redirects_off_the_dashboard(client: TestClient, users) -> None:
    token = csrf_of(client)
    response = client.post(
        "/admin/login",
        data={"email": ADMIN_EMAIL, "password": PASSWORD, "csrf_token": token, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/admin/"


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(
    admin_client: TestClient,
    db: Database,
) -> None:
    hunter_id = _hunter(db)
    response = admin_client.post(f"/admin/hunters/{hunter_id}/approve")
    assert response.status_code == 403 and "Ingenting ble endret" in response.text
    wrong = admin_client.post(f"/admin/hunters/{hunter_id}/approve", data={"csrf_token": "gjettet"})
    assert wrong.status_code == 403
    assert _hunter_state(db, hunter_id) == HunterState.PENDING
    token = csrf_of(admin_client, "/admin/hunters")
    ok = admin_client.post(f"/admin/hunters/{hunter_id}/approve", data={"csrf_token": token})
    assert ok.status_code == 200 and _hunter_state(db, hunter_id) == HunterState.APPROVED


def test_the_login_form_itself_needs_its_csrf_token(client: TestClient, users) -> None:
    response = client.post("/admin/login", data={"email": ADMIN_EMAIL, "password": PASSWORD})
    assert response.status_code == 403
    assert client.get("/admin/", follow_redirects=False).status_code == 303


def test_htmx_requests_may_send_the_token_as_a_header(admin_client: TestClient, db: Database) -> None:
    hunter_id = _hunter(db)
    token = csrf_of(admin_client, "/admin/hunters")
    response = admin_client.post(f"/admin/hunters/{hunter_id}/reject", headers={"X-CSRF-Token": token})
    assert response.status_code == 200
    assert _hunter_state(db, hunter_id) == HunterState.REJECTED


def test_logging_in_gives_a_new_csrf_token(client: TestClient, users) -> None:
    before = csrf_of(client)
    log_in(client, ADMIN_EMAIL)
    after = csrf_of(client, "/admin/")
    assert before != after


def test_staff_approve_hunters_and_the_audit_log_says_who(
    staff_client: TestClient, db: Database, users: dict[str, int]
) -> None:
    from staff.audit import events_of_organisation

    hunter_id = _hunter(db)
    page = staff_client.get("/admin/hunters")
    assert "Godkjenn</button>" in page.text
    token = csrf_of(staff_client, "/admin/hunters")
    response = staff_client.post(f"/admin/hunters/{hunter_id}/approve", data={"csrf_token": token})
    assert response.status_code == 200 and "er godkjent" in response.text
    assert _hunter_state(db, hunter_id) == HunterState.APPROVED
    with db.session() as session:
        [event] = events_of_organisation(session, hunter_id=hunter_id)
        assert (event.action, event.actor_staff_id) == ("organisation.approved", users["staff"])


def test_only_admins_manage_staff(staff_client: TestClient, db: Database) -> None:
    assert staff_client.get("/admin/staff").status_code == 403
    token = csrf_of(staff_client, "/admin/")
    response = staff_client.post(
        "/admin/staff",
        data={"csrf_token": token, "email": "ny@x.no", "password": "x" * 12, "role": "admin"},
    )
    assert response.status_code == 403
    with db.session() as session:
        assert session.scalar(select(StaffUser).where(StaffUser.email == "ny@x.no")) is None


def test_an_admin_adds_staff_and_cannot_deactivate_the_last_admin(
    admin_client: TestClient,
    db: Database,
    users,
) -> None:
    token = csrf_of(admin_client, "/admin/staff")
    added = admin_client.post(
        "/admin/staff",
        data={"csrf_token": token, "email": "ny@x.no", "password": "x" * 12, "role": "staff"},
    )
    assert "ny@x.no kan nå logge inn." in added.text
    refused = admin_client.post(
        f"/admin/staff/{users['admin']}/active", data={"csrf_token": token, "active": "false"}
    )
    assert "siste aktive administratoren" in refused.text


def _cookie(client: TestClient) -> str:
    value = client.cookies.get(SESSION_COOKIE)
    assert value, "no session cookie"
    return value


def _with_cookie(app: FastAPI, cookie: str) -> TestClient:
    """Another browser holding a copy of the cookie (as someone who kept it would)."""
    other = TestClient(app)
    other.cookies.set(SESSION_COOKIE, cookie)
    return other


def test_logging_out_ends_the_session_on_the_server(
    app: FastAPI, admin_client: TestClient, db: Database
) -> None:
    saved = _cookie(admin_client)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(StaffSession)) == 1
    token = csrf_of(admin_client, "/admin/")
    response = admin_client.post("/admin/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.headers["location"] == "/admin/login"
    assert admin_client.get("/admin/", follow_redirects=False).status_code == 303
    # The cookie from before the logout is signed and unexpired, but its session row is gone.
    stale = _with_cookie(app, saved).get("/admin/", follow_redirects=False)
    assert stale.status_code == 303 and stale.headers["location"].startswith("/admin/login")
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(StaffSession)) == 0


def test_the_session_table_keeps_only_a_hash_of_the_session_id(
    admin_client: TestClient, db: Database
) -> None:
    with db.session() as session:
        row = session.scalars(select(StaffSession)).one()
    assert len(row.id_hash) == 64 and row.id_hash not in _cookie(admin_client)
    assert timedelta(hours=11) < row.expires_at - row.created_at <= timedelta(hours=12)


def test_an_expired_session_sends_staff_to_the_login(admin_client: TestClient, db: Database) -> None:
    with db.transaction() as session:
        session.scalars(select(StaffSession)).one().expires_at = utcnow() - timedelta(seconds=1)
    assert admin_client.get("/admin/", follow_redirects=False).status_code == 303


def test_deactivating_a_user_ends_their_sessions(app: FastAPI, db: Database, users) -> None:
    with TestClient(app) as staff_browser, TestClient(app) as admin_browser:
        log_in(staff_browser, STAFF_EMAIL)
        assert staff_browser.get("/admin/", follow_redirects=False).status_code == 200
        log_in(admin_browser, ADMIN_EMAIL)
        token = csrf_of(admin_browser, "/admin/staff")
        admin_browser.post(
            f"/admin/staff/{users['staff']}/active", data={"csrf_token": token, "active": "false"}
        )
        assert staff_browser.get("/admin/", follow_redirects=False).status_code == 303
        assert admin_browser.get("/admin/", follow_redirects=False).status_code == 200
    with db.session() as session:
        assert session.scalars(select(StaffSession.staff_id)).all() == [users["admin"]]


def test_a_new_password_ends_every_session_of_that_user(cli, app: FastAPI, db: Database, users) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app) as browser:
        log_in(browser, ADMIN_EMAIL)
        assert browser.get("/admin/", follow_redirects=False).status_code == 200
        result = cli("staff", "password", ADMIN_EMAIL, "--password", "et-helt-nytt-passord")
        assert result.exit_code == 0, result.output
        assert browser.get("/admin/", follow_redirects=False).status_code == 303
        assert log_in(browser, ADMIN_EMAIL).status_code == 401  # type: ignore[attr-defined]
        assert log_in(browser, ADMIN_EMAIL, "et-helt-nytt-passord").status_code == 303  # type: ignore[attr-defined]


def test_the_cli_sets_a_password_asking_twice(cli, db: Database, users) -> None:  # type: ignore[no-untyped-def]
    mismatch = cli("staff", "password", STAFF_EMAIL, input="nytt-passord-1\nnytt-passord-2\n")
    assert mismatch.exit_code != 0
    result = cli("staff", "password", STAFF_EMAIL, input="nytt-passord-1\nnytt-passord-1\n")
    assert result.exit_code == 0, result.output
    assert "nytt-passord-1" not in result.stdout
    with db.transaction() as session:
        assert authenticate(session, email=STAFF_EMAIL, password="nytt-passord-1").status is LoginStatus.OK
    short = cli("staff", "password", STAFF_EMAIL, "--password", "kort")
    assert short.exit_code == 2 and "minst 10 tegn" in short.stderr
    unknown = cli("staff", "password", "ingen@x.no", "--password", "x" * 12)
    assert unknown.exit_code == 2 and "ingen@x.no: ingen bruker med den e-postadressen" in unknown.stderr
    assert cli("staff", "password", "ingen@x.no", "--password", "x" * 12).exit_code == 2


def _lock(db: Database, staff_id: int) -> None:
    with db.transaction() as session:
        session.get_one(StaffUser, staff_id).locked_until = utcnow() + timedelta(minutes=10)


def test_the_cli_unlocks_a_locked_out_user(cli, client: TestClient, db: Database, users) -> None:  # type: ignore[no-untyped-def]
    _lock(db, users["staff"])
    assert log_in(client, STAFF_EMAIL).status_code == 401  # type: ignore[attr-defined]
    result = cli("staff", "unlock", STAFF_EMAIL)
    assert result.exit_code == 0 and "låst opp" in result.stdout
    assert log_in(client, STAFF_EMAIL).status_code == 303  # type: ignore[attr-defined]
    assert cli("staff", "unlock", "ingen@x.no").exit_code == 2


def test_the_cli_lists_and_deactivates_staff(cli, db: Database, users) -> None:  # type: ignore[no-untyped-def]
    _lock(db, users["staff"])
    listed = json.loads(cli("staff", "list", "--json").stdout)
    by_email = {row["email"]: row for row in listed}
    assert set(by_email) == {ADMIN_EMAIL, STAFF_EMAIL}
    assert by_email[ADMIN_EMAIL]["role"] == "admin" and by_email[ADMIN_EMAIL]["locked_until"] is None
    assert by_email[STAFF_EMAIL]["locked_until"] is not None and by_email[STAFF_EMAIL]["active"] is True
    assert "låst" in cli("staff", "list").stdout
    assert cli("staff", "deactivate", STAFF_EMAIL).exit_code == 0
    assert json.loads(cli("staff", "list", "--json").stdout)[1]["active"] is False
    last_admin = cli("staff", "deactivate", ADMIN_EMAIL)
    assert (
        last_admin.exit_code == 2 and "siste aktive administratoren kan ikke deaktiveres" in last_admin.stderr
    )


def test_an_admin_unlocks_a_user_from_the_staff_page(admin_client: TestClient, db: Database, users) -> None:
    _lock(db, users["staff"])
    page = admin_client.get("/admin/staff").text
    assert f'action="/admin/staff/{users["staff"]}/unlock"' in page and "Lås opp" in page
    token = csrf_of(admin_client, "/admin/staff")
    done = admin_client.post(f"/admin/staff/{users['staff']}/unlock", data={"csrf_token": token})
    assert "er låst opp" in done.text
    with db.session() as session:
        assert session.get_one(StaffUser, users["staff"]).locked_until is None
    assert f'action="/admin/staff/{users["staff"]}/unlock"' not in admin_client.get("/admin/staff").text


def test_one_client_guessing_at_many_accounts_is_slowed_before_it_locks_them(
    client: TestClient, db: Database, users
) -> None:
    with db.transaction() as session:
        for n in range(4):
            add_staff(session, email=f"konto{n}@x.no", role=StaffRole.STAFF, password=PASSWORD)
    emails = [f"konto{n}@x.no" for n in range(4)]
    attempts = 0
    for email in emails:
        for _ in range(FREE_FAILURES - 2):  # three guesses each: no account reaches its delays
            assert log_in(client, email, "feil-passord-her").status_code == 401  # type: ignore[attr-defined]
            attempts += 1
            if attempts == LOGIN_LIMIT:
                break
        if attempts == LOGIN_LIMIT:
            break
    refused = log_in(client, STAFF_EMAIL)  # even the right password: this client is throttled
    assert refused.status_code == 429  # type: ignore[attr-defined]
    assert "For mange mislykkede innloggingsforsøk fra denne maskinen" in refused.text  # type: ignore[attr-defined]
    assert int(refused.headers["retry-after"]) > 0  # type: ignore[attr-defined]
    with db.session() as session:
        # The throttled attempt never reached the account: no failure counted, nothing locked.
        user = session.get_one(StaffUser, users["staff"])
        assert user.failed_logins == 0 and user.locked_until is None


def test_the_session_cookie_is_httponly_lax_and_secure_behind_https(
    settings: Settings,
    db: Database,
    users,
) -> None:
    secure = create_app(settings.model_copy(update={"public_base_url": "https://jeger.example.no"}), db=db)
    with TestClient(secure, base_url="https://testserver") as https_client:
        cookie = https_client.get("/admin/login").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie
    with TestClient(create_app(settings, db=db)) as plain:
        assert "secure" not in plain.get("/admin/login").headers["set-cookie"].lower()


def test_a_session_in_use_records_when_it_was_last_seen(admin_client: TestClient, db: Database) -> None:
    with db.transaction() as session:
        row = session.scalars(select(StaffSession)).one()
        row.last_seen_at = utcnow() - timedelta(minutes=10)
    assert admin_client.get("/admin/").status_code == 200
    with db.session() as session:
        seen = session.scalars(select(StaffSession)).one().last_seen_at
    assert utcnow() - seen < timedelta(minutes=1)


def test_logging_in_again_in_the_same_browser_replaces_the_old_session(
    admin_client: TestClient, db: Database
) -> None:
    first = _cookie(admin_client)
    assert log_in(admin_client, ADMIN_EMAIL).status_code == 303  # type: ignore[attr-defined]
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(StaffSession)) == 1
    assert _cookie(admin_client) != first


def test_the_staff_overview_asks_the_same_few_queries_for_any_number_of_users(db: Database) -> None:
    """`jeger staff list` and the Brukere page once asked three queries per user (counties, throttle,
    sessions); now a fixed number, with the right answers for each user."""
    from sqlalchemy import event

    from staff.login import FREE_FAILURES
    from staff.login import attempt_login
    from staff.overview import staff_overview
    from staff.sessions import create_session

    def queries(count: int) -> tuple[int, list[tuple[str, bool, int]]]:
        statements: list[str] = []
        now = utcnow()
        with db.transaction() as session:
            for n in range(count):
                user = add_staff(
                    session, email=f"n{count}-{n:02d}@fylke.no", role=StaffRole.STAFF, password=PASSWORD
                )
                if n == 1:
                    create_session(session, staff_id=user.id, now=now)
                    create_session(session, staff_id=user.id, now=now)
            for _ in range(FREE_FAILURES + 1):
                attempt_login(
                    session, email=f"n{count}-00@fylke.no", password="feil-passord", client="1.2.3.4", now=now
                )

        def count_statement(*args: object) -> None:
            statements.append(str(args[2]))

        event.listen(db.engine, "before_cursor_execute", count_statement)
        try:
            with db.session() as session:
                entries = staff_overview(session, now=now)
                shown = [
                    (e.user.email, e.throttled, e.sessions)
                    for e in entries
                    if e.user.email.startswith(f"n{count}-")
                ]
                _ = [c.number for e in entries for c in e.user.counties]
        finally:
            event.remove(db.engine, "before_cursor_execute", count_statement)
        return len(statements), shown

    few, shown = queries(2)
    assert shown == [("n2-00@fylke.no", True, 0), ("n2-01@fylke.no", False, 2)]
    many, shown = queries(12)
    assert many == few
    assert shown[0] == ("n12-00@fylke.no", True, 0) and shown[1] == ("n12-01@fylke.no", False, 2)
    assert not any(throttled or sessions for _, throttled, sessions in shown[2:])
