"""`jeger staff`: logins for campaign staff, their API tokens, locks and passwords."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer
from rich.console import Console

from cli.common import LanguageChoice
from cli.common import ctx_of
from cli.common import fail
from cli.common import label
from cli.common import print_json
from cli.common import reader_language
from cli.common import refusal
from cli.common import say
from cli.common import shown
from cli.common import shown_moment
from store.models import MAX_ID
from store.models.enums import StaffRole

staff_app = typer.Typer(no_args_is_help=True)


class RoleChoice(StrEnum):
    """`--role`: the stored roles, and `county` (a staff account scoped to counties)."""

    ADMIN = "admin"
    STAFF = "staff"
    COUNTY = "county"


@staff_app.command("add")
def staff_add(
    ctx: typer.Context,
    email: str = typer.Argument(...),
    role: RoleChoice = typer.Option(..., "--role"),
    county: list[str] | None = typer.Option(None, "--county"),
    password: str | None = typer.Option(None, "--password"),
    name: str | None = typer.Option(None, "--name"),
    language: LanguageChoice = typer.Option(LanguageChoice.NB, "--language"),
) -> None:
    """Dashboard logins; the password is stored as an argon2 hash only."""
    from staff.accounts import StaffError
    from staff.accounts import add_staff
    from staff.accounts import role_of

    if county and role is not RoleChoice.COUNTY:
        fail(say("cli_staff_county_needs_role", email=email))
    if role is RoleChoice.COUNTY and not county:
        fail(say("cli_staff_role_needs_county", email=email))
    if password is None:
        password = typer.prompt(
            say("cli_staff_password"), hide_input=True, confirmation_prompt=say("cli_staff_repeat_password")
        )
    stored = StaffRole.STAFF if role is RoleChoice.COUNTY else StaffRole(role.value)
    with ctx_of(ctx).db.transaction() as session:
        try:
            user = add_staff(
                session,
                email=email,
                role=stored,
                password=password,
                name=name,
                counties=list(county) if role is RoleChoice.COUNTY and county else None,
                language=language.value,
            )
        except StaffError as exc:
            fail(f"staff add {email}: {refusal(exc)}")
        numbers = " ".join(c.number for c in user.counties)
        counties = say("cli_staff_counties", counties=numbers) if user.county_officer else ""
        role_name = label(role_of(user), "role", lower=True)
        typer.echo(say("cli_staff_added", email=user.email, role=role_name, counties=counties))


@staff_app.command("token")
def staff_token(
    ctx: typer.Context,
    email: str = typer.Argument(...),
    name: str | None = typer.Option(None, "--name"),
    expires_days: int | None = typer.Option(None, "--expires-days", min=1),
) -> None:
    """An API key for /api, printed once: only its hash is stored."""
    from datetime import timedelta

    from staff.tokens import TokenError
    from staff.tokens import create_api_token

    expires_in = timedelta(days=expires_days) if expires_days is not None else None
    with ctx_of(ctx).db.transaction() as session:
        user = _staff_user(session, "token", email)
        try:
            token = create_api_token(session, staff_id=user.id, name=name, expires_in=expires_in)
        except TokenError as exc:
            fail(f"staff token {email}: {refusal(exc)}")
    typer.echo(token)


@staff_app.command("tokens")
def staff_tokens(
    ctx: typer.Context,
    email: str = typer.Argument(...),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """A user's API keys that still work, to find one to revoke."""
    from rich.table import Table

    from staff.tokens import list_api_tokens
    from store.models import utcnow

    with ctx_of(ctx).db.session() as session:
        tokens = list_api_tokens(session, staff_id=_staff_user(session, "tokens", email).id)
    if as_json:
        print_json(
            [
                {
                    "id": t.id,
                    "name": t.name,
                    "created_at": t.created_at.isoformat(),
                    "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
                    "expires_at": t.expires_at.isoformat() if t.expires_at else None,
                }
                for t in tokens
            ]
        )
        return
    now = utcnow()
    columns = ("cli_col_no", "cli_col_name", "cli_col_created", "cli_col_last_used", "cli_col_expires")
    table = Table(*(say(column) for column in columns))
    never = say("cli_never")
    for t in tokens:
        expires = shown_moment(t.expires_at) or never
        if t.expires_at is not None and t.expires_at <= now:
            expires += say("cli_staff_expired")
        table.add_row(
            str(t.id),
            t.name or say("cli_staff_unnamed_token"),
            shown_moment(t.created_at),
            shown_moment(t.last_used_at) or never,
            expires,
        )
    Console().print(table)


@staff_app.command("revoke-token")
def staff_revoke_token(
    ctx: typer.Context,
    token_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
) -> None:
    """Revokes one API key at once."""
    from staff.tokens import TokenError
    from staff.tokens import revoke_api_token

    with ctx_of(ctx).db.transaction() as session:
        try:
            row = revoke_api_token(session, token_id=token_id)
        except TokenError as exc:
            fail(f"staff revoke-token {token_id}: {refusal(exc)}")
        named = say("cli_staff_token_named", name=row.name) if row.name else say("cli_staff_token_unnamed")
    typer.echo(say("cli_staff_token_revoked", id=token_id, name=named))


def _staff_user(session: Any, command: str, email: str) -> Any:
    from staff.accounts import staff_by_email

    user = staff_by_email(session, email)
    if user is None:
        fail(say("cli_staff_unknown", command=command, email=email))
    return user


@staff_app.command("list")
def staff_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Logins with their role, state and last sign-in, for an access review."""
    from rich.table import Table

    from staff.accounts import role_of
    from staff.overview import staff_overview
    from store.models import utcnow
    from store.times import iso_oslo

    now = utcnow()
    with ctx_of(ctx).db.session() as session:
        rows: list[dict[str, Any]] = [
            {
                "id": u.id,
                "email": u.email,
                "name": u.name,
                "role": role_of(u),
                "language": u.language,
                "counties": [c.number for c in u.counties] if u.county_officer else None,
                "active": u.active,
                "locked_until": iso_oslo(u.locked_until) if u.locked_until and u.locked_until > now else None,
                "throttled": entry.throttled,
                "last_login_at": iso_oslo(u.last_login_at),
                "sessions": entry.sessions,
            }
            for entry in staff_overview(session, now=now)
            for u in [entry.user]
        ]
    if as_json:
        print_json(rows)
        return
    columns = ("email", "name", "role", "status", "last_login", "sessions")
    table = Table(*(say(f"cli_col_{column}") for column in columns))
    for row in rows:
        status = say(
            "cli_staff_deactivated"
            if not row["active"]
            else "cli_staff_locked"
            if row["locked_until"]
            else "cli_staff_throttled"
            if row["throttled"]
            else "cli_staff_active"
        )
        table.add_row(
            row["email"],
            row["name"] or "",
            label(row["role"], "role"),
            status,
            shown(row["last_login_at"]),
            str(row["sessions"]),
        )
    Console().print(table)


@staff_app.command("set")
def staff_set(
    ctx: typer.Context,
    email: str = typer.Argument(...),
    language: LanguageChoice = typer.Option(..., "--language"),
) -> None:
    """A user's dashboard settings; the CLI's own language is `jeger --language`."""
    from staff.accounts import set_language

    with ctx_of(ctx).db.transaction() as session:
        user = set_language(session, staff_id=_staff_user(session, "set", email).id, language=language.value)
        chosen = say(f"language_{user.language}")
        # Norwegian writes a language's name in lower case inside a sentence; English capitalises it.
        chosen = chosen if reader_language() == "en" else chosen.lower()
        typer.echo(say("cli_staff_language_set", email=user.email, choice=chosen))


@staff_app.command("unlock")
def staff_unlock(ctx: typer.Context, email: str = typer.Argument(...)) -> None:
    """Lifts the wait after wrong passwords on every machine at once."""
    from staff.login import unlock

    with ctx_of(ctx).db.transaction() as session:
        user = unlock(session, staff_id=_staff_user(session, "unlock", email).id)
        typer.echo(say("cli_staff_unlocked", email=user.email))


@staff_app.command("password")
def staff_password(
    ctx: typer.Context,
    email: str = typer.Argument(...),
    password: str | None = typer.Option(None, "--password"),
) -> None:
    """A new password also unlocks the user, signs them out everywhere and revokes their API keys."""
    from staff.accounts import StaffError
    from staff.accounts import set_password

    with ctx_of(ctx).db.transaction() as session:
        user = _staff_user(session, "password", email)
        if password is None:
            password = typer.prompt(
                say("cli_staff_new_password"),
                hide_input=True,
                confirmation_prompt=say("cli_staff_repeat_password"),
            )
        try:
            set_password(session, staff_id=user.id, password=password)
        except StaffError as exc:
            fail(f"staff password {email}: {refusal(exc)}")
        typer.echo(say("cli_staff_password_set", email=user.email))


@staff_app.command("deactivate")
def staff_deactivate(ctx: typer.Context, email: str = typer.Argument(...)) -> None:
    """Signs the user out and stops their API keys at once; the account itself stays."""
    from staff.accounts import StaffError
    from staff.accounts import set_active

    with ctx_of(ctx).db.transaction() as session:
        user = _staff_user(session, "deactivate", email)
        try:
            set_active(session, staff_id=user.id, active=False)
        except StaffError as exc:
            fail(f"staff deactivate {email}: {refusal(exc)}")
        typer.echo(say("cli_staff_deactivated_done", email=user.email))
