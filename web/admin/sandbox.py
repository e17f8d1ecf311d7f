"""The sandbox inbox: every message the sandbox channels "sent", as a phone-like thread per company, and a box
to answer as the company through the same conversation engine a real SMS or Telegram message goes through.

A thread answers from where a company could answer for real: the SMS number or Telegram chat we wrote to, or
the company's mobile when we only e-mailed it. Buttons on Telegram messages can be tapped."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi import Form
from fastapi import HTTPException
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response

from bot.replies import SandboxError
from bot.replies import channel_live_text
from bot.replies import sandbox_reply
from channels.registry import ChannelLive
from reports.overview import sandbox_thread
from reports.overview import sandbox_threads
from web.admin import sandbox_telegram
from web.admin.ui import flash
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import redirect
from web.admin.ui import say
from web.auth import CurrentStaff
from web.deps import SessionDep
from web.deps import SettingsDep


def _channel_live(request: Request, exc: ChannelLive) -> Response:
    """A 409 page: the sandbox never acts on a live channel, and nothing was stored."""
    return page(
        request,
        "admin/error.html",
        status_code=409,
        title=say(request, "admin_channel_live"),
        text=channel_live_text(exc, language_of(request)),
    )


router = APIRouter()


@router.get("/sandbox", response_class=HTMLResponse)
def sandbox(request: Request, session: SessionDep, staff: CurrentStaff, t: str = "", q: str = "") -> Response:
    threads = sandbox_threads(session, limit=500)
    if q:
        threads = [th for th in threads if q.lower() in th.title.lower() or q in (th.address or "")]
    key = t or (threads[0].key if threads else "")
    thread = sandbox_thread(session, key=key, language=language_of(request)) if key else None
    return page(
        request, "admin/sandbox.html", section="sandbox", threads=threads, thread=thread, key=key, q=q
    )


@router.get("/sandbox/thread", response_class=HTMLResponse)
def thread_fragment(request: Request, session: SessionDep, staff: CurrentStaff, t: str) -> Response:
    """The chat of one thread, polled by htmx so answers appear as the dispatcher sends them."""
    thread = sandbox_thread(session, key=t, language=language_of(request))
    if thread is None:
        raise HTTPException(404, "admin_no_such_thread")
    return page(request, "admin/_sandbox_chat.html", thread=thread)


@router.post("/sandbox/reply")
def reply(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    staff: CurrentStaff,
    t: Annotated[str, Form()],
    text: Annotated[str, Form()],
) -> Response:
    thread = sandbox_thread(session, key=t, language=language_of(request))
    if thread is None:
        flash(request, say(request, "admin_no_thread_to_answer"), "error")
        return redirect("/admin/sandbox")
    if not thread.address:
        flash(request, thread.note or say(request, "admin_thread_cannot_answer"), "error")
        return redirect(f"/admin/sandbox?t={t}")
    if not text.strip():
        flash(request, say(request, "admin_write_answer_first"), "error")
        return redirect(f"/admin/sandbox?t={t}")
    try:
        if thread.reply_channel == "telegram" and not text.lstrip().startswith("/"):
            sandbox_telegram.write(session, chat_id=thread.address, text=text, settings=settings)
        else:
            sandbox_reply(
                session,
                sender=thread.address,
                text=text,
                settings=settings,
                channel=thread.reply_channel,
            )
    except ChannelLive as exc:
        session.rollback()
        return _channel_live(request, exc)
    except SandboxError:
        flash(
            request,
            say(request, "admin_answer_not_sendable", address=thread.address),
            "error",
        )
        return redirect(f"/admin/sandbox?t={t}")
    session.commit()
    return redirect(f"/admin/sandbox?t={t}#chat-end")


@router.post("/sandbox/press")
def press(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    staff: CurrentStaff,
    t: Annotated[str, Form()],
    message_id: Annotated[int, Form(ge=1, le=2**31 - 1)],
    data: Annotated[str, Form()],
) -> Response:
    """Taps a Telegram button in the sandbox, as the company (or hunter) of the thread."""
    thread = sandbox_thread(session, key=t, language=language_of(request))
    if thread is None or thread.reply_channel != "telegram" or not thread.address:
        flash(request, say(request, "admin_no_telegram_thread"), "error")
        return redirect(f"/admin/sandbox?t={t}")
    try:
        sandbox_telegram.press(
            session, chat_id=thread.address, message_id=message_id, data=data, settings=settings
        )
    except ChannelLive as exc:
        session.rollback()
        return _channel_live(request, exc)
    except sandbox_telegram.ButtonGone:
        flash(request, say(request, "admin_button_gone"), "error")
        return redirect(f"/admin/sandbox?t={t}")
    session.commit()
    return redirect(f"/admin/sandbox?t={t}#chat-end")
