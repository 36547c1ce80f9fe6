"""Invitation and password mails in the recipient's language (real SMTP): an invitation to a
German trip arrives in German, to a Chinese trip in Chinese, with the link's expiry written
as Babel writes dates there; a password reset in the language the account chose."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from planner.passwords import hash_password
from tests.mail.conftest import SmtpServer
from tests.mail.invite_kit import PASSWORD, token_in
from tests.mail.test_invitations import ACTOR, deliver
from tests.mail.test_outbox import register

GERMAN_MOMENT = re.compile(r"bis \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|"
                           r"September|Oktober|November|Dezember) \d{4}, \d{2}:\d{2} "
                           r"\(Mitteleuropäische Zeit\)")
CHINESE_MOMENT = re.compile(r"有效期至\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（中国时间）。")


pytestmark = pytest.mark.parametrize("sql_database_url", ["sqlite"], indirect=True)


@pytest.fixture
def planner(sql_database_url: str, make_planner: Any) -> Any:
    return make_planner(sql_database_url)


def _trip(planner: Any, title: str, language: str) -> str:
    trip = planner.app.create_trip(actor=ACTOR, title=title, organiser="Invest Region Leipzig",
                                   direction="inbound", home_timezone="Asia/Shanghai",
                                   starts_on=date(2031, 5, 5), ends_on=date(2031, 5, 9))
    planner.app.set_trip_language(trip, actor=ACTOR, language=language)
    return str(trip)


def _text(message: Any) -> str:
    return str(message.get_body(("plain",)).get_content()).replace("\r\n", "\n")


def test_an_invitation_to_a_german_trip_arrives_in_german(
        planner: Any, smtp_server: SmtpServer) -> None:
    trip = _trip(planner, "Delegationsreise nach Sachsen", "de")
    person = register(planner, "Anna Weiß", "anna@example.org")
    planner.app.invite(person, actor=ACTOR, valid_days=7, trip_id=trip)
    [message] = deliver(planner, smtp_server)

    assert message["Subject"] == "Ihre Einladung zum Delegationsplaner"
    text = _text(message)
    assert text.startswith("Guten Tag Anna Weiß,\n\n")
    assert ("Die Organisatoren der Reise „Delegationsreise nach Sachsen“ laden Sie in den "
            "Delegationsplaner ein.") in text
    assert "Über diesen Link legen Sie Ihr Passwort fest:\nhttp" in text
    assert GERMAN_MOMENT.search(text), text
    assert "Hello" not in text and "link works" not in text
    html = message.get_body(("html",)).get_content()
    assert '<html lang="de">' in html and "Passwort festlegen</a>" in html
    assert token_in(message)


def test_an_invitation_to_a_chinese_trip_arrives_in_chinese(
        planner: Any, smtp_server: SmtpServer) -> None:
    trip = _trip(planner, "南京市长访问慕尼黑", "zh")
    person = str(planner.app.register_person(actor=ACTOR, name="李娜", email="li@example.cn",
                                             home_timezone="Asia/Shanghai"))
    planner.app.invite(person, actor=ACTOR, valid_days=7, trip_id=trip)
    [message] = deliver(planner, smtp_server)

    assert message["Subject"] == "您的代表团行程规划邀请"
    text = _text(message)
    assert text.startswith("李娜，您好：\n\n")
    assert "“南京市长访问慕尼黑”访问的组织方邀请您" in text and "请通过以下链接设置密码：" in text
    assert CHINESE_MOMENT.search(text), text
    assert "Hello" not in text and "password" not in text and "link works" not in text
    assert '<html lang="zh">' in message.get_body(("html",)).get_content()


def test_an_invitation_without_a_trip_is_written_in_the_configured_language(
        planner: Any, smtp_server: SmtpServer) -> None:
    person = register(planner, "Anna Weiß", "anna@example.org")
    planner.app.invite(person, actor=ACTOR, valid_days=7)
    [message] = deliver(planner, smtp_server)
    assert message["Subject"] == "Your invitation to the Delegation Planner"
    assert "The link works once, until " in _text(message)


@pytest.mark.parametrize(("language", "subject", "lead"), [
    ("de", "Neues Passwort für den Delegationsplaner festlegen",
     "Guten Tag Olga Organiser,\n\njemand (hoffentlich Sie) hat darum gebeten"),
    ("zh", "设置代表团行程规划的新密码", "Olga Organiser，您好：\n\n有人（希望是您本人）请求"),
])
def test_a_password_reset_arrives_in_the_language_the_account_chose(
        planner: Any, smtp_server: SmtpServer, language: str, subject: str, lead: str) -> None:
    planner.app.open_account(actor=ACTOR, email="olga@example.org", name="Olga Organiser",
                             role="organiser", password_hash=hash_password(PASSWORD))
    planner.app.choose_language("olga@example.org", actor="olga@example.org",
                                language=language)
    assert planner.app.request_password_reset("olga@example.org", valid_days=1)
    [message] = deliver(planner, smtp_server)
    assert message["Subject"] == subject
    assert _text(message).startswith(lead)
    assert f'<html lang="{language}">' in message.get_body(("html",)).get_content()
