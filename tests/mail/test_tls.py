"""SMTP with STARTTLS, TLS from the start (smtps://) and a login, against aiosmtpd with a
certificate made for the test."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from planner.mail import tables as mt
from planner.mail.sender import Sender
from planner.mail.transport import SmtpTransport
from tests.mail.conftest import Inbox, free_port
from tests.mail.test_outbox import register, rows

# The smtps:// server is TLS from the first byte, which aiosmtpd's AUTH check does not know.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    folder = tmp_path_factory.mktemp("tls")
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return folder / "cert.pem", folder / "key.pem"


def server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


def client_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificate[0]))


class Logins:
    def __init__(self) -> None:
        self.seen: list[tuple[str, bool]] = []

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str,
                 auth_data: Any) -> AuthResult:
        user, password = auth_data.login.decode(), auth_data.password.decode()
        self.seen.append((user, session.ssl is not None))
        return AuthResult(success=(user, password) == ("planner", "s3cret/pass"))


@pytest.fixture
def tls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[Inbox, Logins, int, int]]:
    """One server offering STARTTLS (a login required, after TLS) and one speaking TLS from
    the start."""
    inbox, logins = Inbox(), Logins()
    plain_port, tls_port = free_port(), free_port()
    starttls = Controller(inbox, hostname="127.0.0.1", port=plain_port,
                          tls_context=server_context(certificate), require_starttls=True,
                          authenticator=logins, auth_required=True)
    implicit = Controller(inbox, hostname="127.0.0.1", port=tls_port,
                          ssl_context=server_context(certificate), authenticator=logins,
                          auth_required=True, auth_require_tls=False)
    starttls.start()
    implicit.start()
    try:
        yield inbox, logins, plain_port, tls_port
    finally:
        starttls.stop()
        implicit.stop()


def test_starttls_and_a_login_deliver_the_mail(sql_database_url: str, make_planner: Any,
                                               greeting_rule: None, certificate: Any,
                                               tls_server: Any) -> None:
    inbox, logins, plain_port, tls_port = tls_server
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    register(planner, "Bo Chen", "bo@example.org")
    url = f"smtp://planner:s3cret%2Fpass@127.0.0.1:{plain_port}?starttls=required"
    sender = Sender(planner.engine, planner.settings,
                    transport=SmtpTransport(url, tls=client_context(certificate)))
    assert sender.run_once().sent == 2
    assert logins.seen == [("planner", True)]  # one connection, logged in after STARTTLS
    assert len(inbox.received) == 2


def test_smtps_speaks_tls_from_the_start(sql_database_url: str, make_planner: Any,
                                         greeting_rule: None, certificate: Any,
                                         tls_server: Any) -> None:
    inbox, logins, _plain, tls_port = tls_server
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    url = f"smtps://planner:s3cret%2Fpass@127.0.0.1:{tls_port}"
    sender = Sender(planner.engine, planner.settings,
                    transport=SmtpTransport(url, tls=client_context(certificate)))
    assert sender.run_once().sent == 1 and len(inbox.received) == 1


def test_an_untrusted_certificate_is_retried_later(
        sql_database_url: str, make_planner: Any, greeting_rule: None, certificate: Any,
        tls_server: Any) -> None:
    _inbox, logins, plain_port, _tls = tls_server
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    untrusted = SmtpTransport(f"smtp://planner:s3cret%2Fpass@127.0.0.1:{plain_port}")
    done = Sender(planner.engine, planner.settings, transport=untrusted).run_once()
    assert done.deferred == 1 and "CERTIFICATE_VERIFY_FAILED" in done.errors[0]
    assert rows(planner)[0].status == mt.PENDING and logins.seen == []  # no password sent


def test_starttls_required_but_not_offered_is_refused_before_anything_is_sent(
        sql_database_url: str, make_planner: Any, greeting_rule: None, smtp_server: Any) -> None:
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    transport = SmtpTransport(smtp_server.url + "?starttls=required")
    done = Sender(planner.engine, planner.settings, transport=transport).run_once()
    assert done.deferred == 1 and "does not offer STARTTLS" in done.errors[0]
    assert smtp_server.inbox.received == []
