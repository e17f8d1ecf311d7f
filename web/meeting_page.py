"""The meeting part of a company's page (PRODUCT §11): JA/NEI buttons and the calendar file.

POST /r/{token}/infomote answers for the meeting the page shows and sends the company back to its page
(post/redirect/get, so a reload does not answer twice); GET /r/{token}/infomote.ics is the calendar file.
The token proves the company (PRODUCT §7), as on the registration form; the same rate limits apply.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi import Request
from fastapi.responses import RedirectResponse
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from bot.keywords import ascii_int
from campaigns.ics import MEDIA_TYPE
from campaigns.meetings import MAX_PEOPLE
from campaigns.meetings import answer_from_page
from campaigns.meetings import calendar_of_company
from companies.identifiers import company_by_token
from companies.language import written_language
from web.auth import check_csrf
from web.auth import client_address
from web.body import MAX_BODY
from web.deps import DbDep
from web.deps import SettingsDep
from web.registration import TOKEN
from web.registration import _limits
from web.registration import _not_found
from web.registration import _too_many

router = APIRouter()


@router.post("/r/{token}/infomote", include_in_schema=False, max_body_size=MAX_BODY)
async def answer_meeting_page(request: Request, token: str, db: DbDep, settings: SettingsDep) -> Response:
    if not await run_in_threadpool(_limits(request).post.allow, db, client_address(request)):
        return _too_many(request)
    if not TOKEN.match(token):
        return _not_found(request)
    await check_csrf(request)
    data = await request.form()
    answer, event, people = data.get("answer"), data.get("event"), data.get("people")
    event_id = ascii_int(event) if isinstance(event, str) else None
    count = ascii_int(people.strip()) if isinstance(people, str) else None
    if answer not in ("ja", "nei") or event_id is None:
        return Response("Ugyldig svar", status_code=400, media_type="text/plain; charset=utf-8")

    def save() -> bool:
        with db.transaction() as session:
            company = company_by_token(session, token)
            if company is None or company.closed:
                return False
            answer_from_page(
                session,
                company_id=company.id,
                event_id=event_id,
                yes=answer == "ja",
                people=min(count, MAX_PEOPLE) if count else None,
                language=written_language(session, company),
                settings=settings,
            )
            return True

    if not await run_in_threadpool(save):
        return _not_found(request)
    return RedirectResponse(f"/r/{token}#infomote", status_code=303)


@router.get("/r/{token}/infomote.ics", include_in_schema=False)
def meeting_calendar(request: Request, token: str, db: DbDep, settings: SettingsDep) -> Response:
    if not _limits(request).get.allow(db, client_address(request)):
        return _too_many(request)
    if not TOKEN.match(token):
        return _not_found(request)
    with db.session() as session:
        company = company_by_token(session, token)
        ics = (
            calendar_of_company(
                session, company_id=company.id, base_url=settings.public_base_url.rstrip("/"), token=token
            )
            if company is not None and not company.closed
            else None
        )
    if ics is None:
        return _not_found(request)
    return Response(
        ics,
        media_type=MEDIA_TYPE,
        headers={"Content-Disposition": 'attachment; filename="infomote.ics"'},
    )
