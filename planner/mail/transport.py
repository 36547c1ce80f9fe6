"""Where mails go: an SMTP server (smtplib) or, with none configured, a folder of .eml files.

A transport is used in two steps, so that the sender can record an attempt at the one moment
whose outcome a crash could leave unknown: `prepare` (connect, STARTTLS, log in, MAIL FROM,
RCPT TO: nothing is delivered yet, any failure is safe to retry) and `transfer` (DATA: the
server accepts the message when it answers the final dot). `delivered` says whether a
message is known to have arrived: the folder can tell, an SMTP server cannot (None).
"""

from __future__ import annotations

import os
import smtplib
import ssl
import tempfile
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qsl, unquote, urlsplit

TIMEOUT = 30


class Deferred(Exception):
    """A temporary failure (no connection, 4xx): try again later."""


class Refused(Exception):
    """A permanent failure (5xx): trying again will not help."""


class Transport(Protocol):
    name: str

    def prepare(self, sender: str, recipient: str) -> None: ...

    def transfer(self, message: EmailMessage) -> None: ...

    def delivered(self, message_id: str) -> bool | None: ...

    def close(self) -> None: ...


def _checked(reply: tuple[int, bytes], what: str) -> None:
    code, text = reply
    if 200 <= code < 400:
        return
    detail = f"{what}: {code} {text.decode('utf-8', 'replace')}"
    raise (Refused if 500 <= code < 600 else Deferred)(detail)


class SmtpTransport:
    """smtp://user:password@host:port (STARTTLS when offered; ?starttls=required|never) or
    smtps://... (TLS from the start). One connection serves a round of mails."""

    name = "smtp"

    def __init__(self, url: str, tls: ssl.SSLContext | None = None) -> None:
        parts = urlsplit(url)
        self.implicit_tls = parts.scheme == "smtps"
        self.host = parts.hostname or ""
        self.port = parts.port or (465 if self.implicit_tls else 25)
        self.user = unquote(parts.username or "")
        self.password = unquote(parts.password or "")
        self.starttls = dict(parse_qsl(parts.query)).get("starttls", "auto")
        self.tls = tls or ssl.create_default_context()
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        if self._smtp is not None:
            try:
                if self._smtp.noop()[0] == 250:
                    return self._smtp
            except (smtplib.SMTPException, OSError):
                pass
            self.close()
        try:
            if self.implicit_tls:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=TIMEOUT,
                                                      context=self.tls)
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=TIMEOUT)
            smtp.ehlo()
            if not self.implicit_tls and self.starttls != "never":
                if smtp.has_extn("starttls"):
                    smtp.starttls(context=self.tls)
                    smtp.ehlo()
                elif self.starttls == "required":
                    smtp.close()
                    raise Deferred(f"{self.host}:{self.port} does not offer STARTTLS, which "
                                   "[mail] smtp_url requires")
            if self.user:
                smtp.login(self.user, self.password)
        except smtplib.SMTPAuthenticationError as error:
            raise Deferred(f"login refused: {error.smtp_code} {error.smtp_error!r}") from None
        except (smtplib.SMTPException, OSError) as error:
            raise Deferred(f"cannot reach {self.host}:{self.port}: {error}") from None
        self._smtp = smtp
        return smtp

    def prepare(self, sender: str, recipient: str) -> None:
        smtp = self._connect()
        try:
            smtp.rset()
            _checked(smtp.mail(sender), "MAIL FROM")
            _checked(smtp.rcpt(recipient), f"RCPT TO <{recipient}>")
        except (smtplib.SMTPException, OSError) as error:
            self.close()
            raise Deferred(f"{self.host}:{self.port}: {error}") from None

    def transfer(self, message: EmailMessage) -> None:
        assert self._smtp is not None, "prepare first"
        try:
            _checked(self._smtp.data(message.as_bytes()), "DATA")
        except smtplib.SMTPDataError as error:
            raise (Refused if 500 <= error.smtp_code < 600 else Deferred)(
                f"DATA: {error.smtp_code} {error.smtp_error!r}") from None
        except (smtplib.SMTPException, OSError) as error:
            self.close()
            raise Deferred(f"{self.host}:{self.port}: {error}") from None

    def delivered(self, message_id: str) -> bool | None:
        return None

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self._smtp = None


def eml_name(message_id: str) -> str:
    """A message's file in the folder: its Message-ID's local part (hex digits)."""
    local = message_id.strip("<>").split("@", 1)[0]
    return "".join(c for c in local if c.isalnum()) + ".eml"


class FolderTransport:
    """One .eml file per message, written whole (a temporary file moved into place), named
    by its Message-ID: writing it again replaces it, so a file is never there twice."""

    name = "folder"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def prepare(self, sender: str, recipient: str) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise Deferred(f"cannot create {self.folder}: {error.strerror}") from None

    def transfer(self, message: EmailMessage) -> None:
        target = self.folder / eml_name(str(message["Message-ID"]))
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".sending-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(message.as_bytes())
            os.replace(temporary, target)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise Deferred(f"cannot write {target}: {error.strerror}") from None

    def delivered(self, message_id: str) -> bool | None:
        return (self.folder / eml_name(message_id)).exists()

    def close(self) -> None:
        pass
