"""Staff logins: argon2 hashes, lock-out, sessions, CSRF on every form, roles, and the `jeger staff` CLI."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from settings import Settings
from store.db import Database
from store.models import ApiToken, HunterState, StaffUser, utcnow
from store.staff import MAX_FAILURES, LoginStatus, authenticate, token_digest
from tests.dashboard_fixtures import ADMIN_EMAIL, PASSWORD, STAFF_EMAIL, csrf_of, log_in
from tests.lead_factories import make_hunter
from web.app import create_app


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
    assert short.exit_code == 2 and "at least 10" in short.stderr
    assert cli("staff", "add", "a@b.no", "--role", "staff", "--password", "x" * 12).exit_code == 0
    again = cli("staff", "add", "A@b.no", "--role", "staff", "--password", "x" * 12)
    assert again.exit_code == 2 and "exists already" in again.stderr


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


def test_five_failures_lock_the_account_for_fifteen_minutes(client: TestClient, db: Database, users) -> None:
    for _ in range(MAX_FAILURES - 1):
        assert log_in(client, ADMIN_EMAIL, "feil-passord-her").status_code == 401
    locked = log_in(client, ADMIN_EMAIL, "feil-passord-her")
    assert "låst i 15 minutter" in locked.text
    # Even the right password is refused while locked ...
    still = log_in(client, ADMIN_EMAIL)
    assert still.status_code == 401 and "låst" in still.text
    with db.transaction() as session:
        user = session.get_one(StaffUser, users["admin"])
        assert user.locked_until is not None
        remaining = user.locked_until - utcnow()
        assert timedelta(minutes=14) < remaining <= timedelta(minutes=15)
        user.locked_until = utcnow() - timedelta(seconds=1)  # ... and accepted once the time is up
    assert log_in(client, ADMIN_EMAIL).status_code == 303


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


def test_only_admins_approve_hunters(staff_client: TestClient, db: Database) -> None:
    hunter_id = _hunter(db)
    page = staff_client.get("/admin/hunters")
    assert "Administrator godkjenner" in page.text and "Godkjenn</button>" not in page.text
    token = csrf_of(staff_client, "/admin/hunters")
    response = staff_client.post(f"/admin/hunters/{hunter_id}/approve", data={"csrf_token": token})
    assert response.status_code == 403 and "Bare for administratorer" in response.text
    assert _hunter_state(db, hunter_id) == HunterState.PENDING


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


def test_logging_out_ends_the_session(admin_client: TestClient) -> None:
    token = csrf_of(admin_client, "/admin/")
    response = admin_client.post("/admin/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.headers["location"] == "/admin/login"
    assert admin_client.get("/admin/", follow_redirects=False).status_code == 303


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
