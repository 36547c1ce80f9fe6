"""[mail] and [invitations] settings: clear messages for bad values, env overrides."""

from __future__ import annotations

import pytest

from planner.settings import SettingsError, load_settings


@pytest.mark.parametrize(("key", "value", "says"), [
    ("PLANNER_MAIL_SMTP_URL", "http://mail.example.org", "smtp://USER:PASSWORD@HOST:PORT"),
    ("PLANNER_MAIL_SMTP_URL", "smtp://mail.example.org:99999", "smtp://USER"),
    ("PLANNER_MAIL_SMTP_URL", "smtp://mail.example.org?tls=yes", "?starttls=auto"),
    ("PLANNER_MAIL_FROM", "not an address", "must be an e-mail address"),
    ("PLANNER_MAIL_REPLY_TO", "nobody", "must be an e-mail address"),
    ("PLANNER_INVITATIONS_VALID_DAYS", "0", "between 1 and 90"),
])
def test_bad_mail_settings_are_named(key: str, value: str, says: str) -> None:
    with pytest.raises(SettingsError, match=key) as refused:
        load_settings(environ={key: value})
    assert says in str(refused.value)


def test_mail_settings_from_the_environment(tmp_path: object) -> None:
    settings = load_settings(environ={
        "PLANNER_MAIL_SMTP_URL": "smtps://planner:s%40cret@mail.example.org:465",
        "PLANNER_MAIL_REPLY_TO": "Trip Office <office@example.org>",
        "PLANNER_INVITATIONS_VALID_DAYS": "3"})
    assert settings.mail_smtp_url.startswith("smtps://")
    assert settings.mail_reply_to == "Trip Office <office@example.org>"
    assert settings.invitation_valid_days == 3
    assert settings.mail_folder_path == settings.instance_path / "outbox"
