"""E-mail letters over SMTP: the letter as HTML with a text part, and the printable letter as a PDF attachment.

SMTP_URL is `smtp://[user:password@]host[:port]` (plain, port 25 by default), `smtp+starttls://…` (STARTTLS,
port 587) or `smtps://…` (TLS from the start, port 465). smtplib blocks, so each send runs in a thread, bounded
by smtplib's own socket timeout; the thread is never abandoned, so no second copy can start while it runs.

What a failure means depends on when it happens. Before DATA (connect, TLS, login, MAIL, RCPT) nothing was
handed over: safe to retry. A server's answer after DATA is definite. But no answer after DATA began (a
timeout, a dropped connection) may mean the server accepted the mail: that is `Unknown`, which the dispatcher
records as failed "uklart om e-posten ble levert" instead of sending it again, since SMTP has no way to ask.
The letter PDF renders in the letter printer's process pool, never in the event loop's process.

Every mail carries `Date` (Europe/Oslo), a `Message-ID` in the domain of MAIL_FROM, and, when the dispatcher
gives one, the recipient's own one-click unsubscribe link as `List-Unsubscribe` with
`List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058; mailbox providers require both of bulk
senders). No mailto: alternative, because we read no inbound e-mail.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import smtplib
import ssl
from collections.abc import Mapping
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from email.utils import make_msgid
from email.utils import parseaddr
from typing import TYPE_CHECKING
from typing import Any
from urllib.parse import unquote
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from email_validator import EmailNotValidError
from email_validator import validate_email

from channels.base import Failed
from channels.base import OutgoingMessage
from channels.base import RetryLater
from channels.base import SendResult
from channels.base import Sent
from channels.base import Unknown
from settings import Settings

if TYPE_CHECKING:
    from channels.letters import LetterPrinter

log = logging.getLogger(__name__)
SOCKET_TIMEOUT = 30.0  # seconds per socket operation (smtplib's own timeout)


class _DataStarted(Exception):
    """Wraps a failure that happened after the DATA command was sent."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


class _PhaseTracking:
    """Mixin for smtplib clients: remembers whether DATA was reached."""

    data_started = False

    def data(self, msg: Any) -> tuple[int, bytes]:
        self.data_started = True
        return super().data(msg)  # type: ignore[misc]


class _SMTP(_PhaseTracking, smtplib.SMTP):
    pass


class _SMTP_SSL(_PhaseTracking, smtplib.SMTP_SSL):
    pass


class SmtpEmail:
    provider = "smtp"

    def __init__(self, settings: Settings, *, timeout: float = SOCKET_TIMEOUT) -> None:
        url = urlsplit(settings.smtp_url or "")
        if url.scheme not in {"smtp", "smtps", "smtp+starttls"}:
            raise ValueError(
                f"SMTP_URL must start with smtp://, smtp+starttls:// or smtps://, not {url.scheme}://"
            )
        self.scheme = url.scheme
        self.host = url.hostname or "localhost"
        self.port = url.port or {"smtp": 25, "smtps": 465, "smtp+starttls": 587}[url.scheme]
        self.user = unquote(url.username) if url.username else None
        self.password = unquote(url.password) if url.password else None
        self.sender = settings.mail_from or f"laereplassjeger@{self.host}"
        self.domain = parseaddr(self.sender)[1].rpartition("@")[2] or self.host  # for Message-ID
        self.zone = ZoneInfo(settings.timezone)
        if not settings.public_base_url.startswith("https://"):
            log.warning(
                "PUBLIC_BASE_URL %s is not https: mailbox providers ignore the e-mails' one-click unsubscribe "
                "links (RFC 8058) unless they are https",
                settings.public_base_url,
            )
        self.timeout = timeout
        self.printer: LetterPrinter | None = (
            None  # the dispatcher's (use_printer); else our own, made on demand
        )
        self._own_printer = False

    def use_printer(self, printer: LetterPrinter) -> None:
        """Renders attachments in `printer`'s process pool (the dispatcher shares the one letters use)."""
        if self.printer is None:
            self.printer = printer

    async def _render(self, html: str) -> bytes:
        if self.printer is None:
            from channels.letters import LetterPrinter

            self.printer, self._own_printer = LetterPrinter(), True
        return await self.printer.render_pdf(html)

    async def send(self, message: OutgoingMessage) -> SendResult:
        if not message.address:
            return Failed(reason="no e-mail address", invalid_address=True)
        attachment = None
        letter_html = message.extra.get("letter_html")
        if letter_html:
            attachment = await self._render(letter_html)
        try:
            mail = self._compose(message, attachment)
        except ValueError as refused:  # a header value the e-mail package refuses (CR/LF): never will take it
            return Failed(reason=f"e-mail not composed: {refused}")
        try:
            await asyncio.to_thread(self._deliver, mail)
        except _DataStarted as wrapped:
            exc = wrapped.cause
            if isinstance(exc, smtplib.SMTPResponseException):  # the server answered: definite
                return _response_result(exc)
            return Unknown(reason=f"SMTP: no answer after DATA ({exc.__class__.__name__}: {exc})")
        except smtplib.SMTPRecipientsRefused as exc:
            code, reason = next(iter(exc.recipients.values()))
            result: SendResult = (
                Failed(reason=f"SMTP {code}: {reason!r}", code=str(code), invalid_address=True)
                if code >= 500
                else RetryLater(reason=f"SMTP {code}: {reason!r}", code=str(code))
            )
            return result
        except smtplib.SMTPResponseException as exc:
            return _response_result(exc)
        except (OSError, smtplib.SMTPException) as exc:  # before DATA: nothing was handed over
            return RetryLater(reason=f"SMTP unreachable: {exc}")
        return Sent(provider=self.provider, provider_id=str(mail["Message-ID"]).strip("<>"))

    def _compose(self, message: OutgoingMessage, attachment: bytes | None) -> EmailMessage:
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = _smtp_address(message.address or "")
        mail["Subject"] = message.subject or "Læreplassjeger"
        mail["Date"] = format_datetime(datetime.now(self.zone))
        mail["Message-ID"] = make_msgid(domain=self.domain)
        if message.unsubscribe_url:
            mail["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
            mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        mail.set_content(message.body)
        if message.html:
            mail.add_alternative(message.html, subtype="html")
        if attachment is not None:
            filename = message.extra.get("letter_filename") or "laereplassjeger.pdf"
            mail.add_attachment(attachment, maintype="application", subtype="pdf", filename=filename)
        file = message.extra.get("file")
        if isinstance(
            file, Mapping
        ):  # a file we made (the weekly outcome report), stored as base64 in the outbox
            maintype, _, subtype = str(file["media_type"]).partition("/")
            mail.add_attachment(
                base64.b64decode(file["base64"]),
                maintype=maintype,
                subtype=subtype,
                filename=str(file["filename"]),
            )
        return mail

    def _deliver(self, mail: EmailMessage) -> None:
        context = ssl.create_default_context()
        smtp: _SMTP | _SMTP_SSL
        if self.scheme == "smtps":
            smtp = _SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            smtp = _SMTP(self.host, self.port, timeout=self.timeout)
        try:
            if self.scheme == "smtp+starttls":
                smtp.starttls(context=context)
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(mail)
        except Exception as exc:
            smtp.close()  # no QUIT: a server that stopped answering would hold us for another timeout
            if smtp.data_started:
                raise _DataStarted(exc) from exc
            raise
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):  # the mail was accepted; a failed goodbye changes nothing
            smtp.close()

    async def close(self) -> None:
        if self._own_printer and self.printer is not None:
            await self.printer.close()
            self.printer = None


def _smtp_address(address: str) -> str:
    """The address as plain SMTP carries it: an internationalised domain (stored in its Unicode form, as
    companies.emails normalises it) in its ASCII Punycode form. A non-ASCII local part has no such form; it
    needs a server that offers SMTPUTF8, and smtplib says so if this one does not."""
    if address.isascii():
        return address
    try:
        return validate_email(address, check_deliverability=False).ascii_email or address
    except EmailNotValidError:
        return address


def _response_result(exc: smtplib.SMTPResponseException) -> SendResult:
    if exc.smtp_code >= 500:
        return Failed(reason=f"SMTP {exc.smtp_code}: {exc.smtp_error!r}", code=str(exc.smtp_code))
    return RetryLater(reason=f"SMTP {exc.smtp_code}: {exc.smtp_error!r}", code=str(exc.smtp_code))
