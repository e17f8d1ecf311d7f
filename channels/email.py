"""E-mail letters over SMTP: the letter as HTML with a text part, and the printable letter as a PDF attachment.

SMTP_URL is `smtp://[user:password@]host[:port]` (plain, port 25 by default), `smtp+starttls://…` (STARTTLS,
port 587) or `smtps://…` (TLS from the start, port 465). smtplib blocks, so each send runs in a thread.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import unquote, urlsplit

from settings import Settings

from .base import Failed, OutgoingMessage, RetryLater, SendResult, Sent


class SmtpEmail:
    provider = "smtp"

    def __init__(self, settings: Settings) -> None:
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

    async def send(self, message: OutgoingMessage) -> SendResult:
        if not message.address:
            return Failed(reason="no e-mail address", invalid_address=True)
        attachment = None
        letter_html = message.extra.get("letter_html")
        if letter_html:
            from .letters import render_pdf

            attachment = await asyncio.to_thread(render_pdf, letter_html)
        mail = self._compose(message, attachment)
        try:
            await asyncio.to_thread(self._deliver, mail)
        except smtplib.SMTPRecipientsRefused as exc:
            code, reason = next(iter(exc.recipients.values()))
            result: SendResult = (
                Failed(reason=f"SMTP {code}: {reason!r}", code=str(code), invalid_address=True)
                if code >= 500
                else RetryLater(reason=f"SMTP {code}: {reason!r}", code=str(code))
            )
            return result
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code >= 500:
                return Failed(reason=f"SMTP {exc.smtp_code}: {exc.smtp_error!r}", code=str(exc.smtp_code))
            return RetryLater(reason=f"SMTP {exc.smtp_code}: {exc.smtp_error!r}", code=str(exc.smtp_code))
        except (OSError, smtplib.SMTPException) as exc:
            return RetryLater(reason=f"SMTP unreachable: {exc}")
        return Sent(provider=self.provider, provider_id=str(mail["Message-ID"]).strip("<>"))

    def _compose(self, message: OutgoingMessage, attachment: bytes | None) -> EmailMessage:
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = message.address
        mail["Subject"] = message.subject or "Læreplassjeger"
        mail["Message-ID"] = make_msgid(domain="laereplassjeger.no")
        mail.set_content(message.body)
        if message.html:
            mail.add_alternative(message.html, subtype="html")
        if attachment is not None:
            filename = message.extra.get("letter_filename") or "laereplassjeger.pdf"
            mail.add_attachment(attachment, maintype="application", subtype="pdf", filename=filename)
        return mail

    def _deliver(self, mail: EmailMessage) -> None:
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if self.scheme == "smtps":
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=30, context=context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=30)
        with smtp:
            if self.scheme == "smtp+starttls":
                smtp.starttls(context=context)
            if self.user:
                smtp.login(self.user, self.password or "")
            smtp.send_message(mail)

    async def close(self) -> None:
        return None
