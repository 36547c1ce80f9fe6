"""The value parsers of the settings: one per kind of value, each taking the raw value and
where it came from (a config key, an environment variable, an override) and returning it
validated, or raising SettingsError naming that source and the rule."""

from __future__ import annotations

import re
import tomllib
from datetime import time
from email.utils import parseaddr
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from planner.domain.errors import ValidationError
from planner.domain.organisation import OrganisationKind
from planner.domain.travel import MOST_MINUTES
from planner.domain.values import zone
from planner.i18n import LANGUAGES


class SettingsError(ValueError):
    """A configuration value is unknown or malformed. Its text stays English: it is for the
    operator, in logs searched in English (see planner.cli)."""


def _text(value: Any, source: str) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"{source}: must be a string")
    return value.strip()


def _name(value: Any, source: str) -> str:
    if not _text(value, source):
        raise SettingsError(f"{source}: must not be empty")
    return _text(value, source)


def _organisation_kind(value: Any, source: str) -> str:
    kinds = [kind.value for kind in OrganisationKind]
    if value not in kinds:
        raise SettingsError(f"{source}: must be one of {', '.join(kinds)}; got {value!r}")
    return str(value)


def _country(value: Any, source: str) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        raise SettingsError(f"{source}: must be a two-letter ISO country code, such as DE")
    return value.strip().upper()


def _database_url(value: Any, source: str) -> str:
    url = _text(value, source)
    if url and not re.match(r"^(sqlite:///.+|postgresql\+psycopg://\S+)$", url):
        raise SettingsError(
            f"{source}: must be sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB, "
            f"got {url!r}"
        )
    return url


def _zone(value: Any, source: str) -> str:
    name = _text(value, source)
    try:
        return zone(source, name)
    except ValidationError as error:
        hint = error.rule if "alias" in error.rule else "use a name such as 'Europe/Berlin'"
        raise SettingsError(f"{source}: unknown IANA time zone {name!r} ({hint})") from None


def _base_url(value: Any, source: str) -> str:
    url = _text(value, source)
    if url and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", url):
        raise SettingsError(f"{source}: must be an http:// or https:// address such as "
                            f"'https://planner.example.org' (or empty), got {url!r}")
    return url.rstrip("/")


def _domain(value: Any, source: str) -> str:
    name = _text(value, source)
    if not re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9-]+)*", name):
        raise SettingsError(f"{source}: must be a domain name such as 'planner.example.org', "
                            f"got {name!r}")
    return name


def _host(value: Any, source: str) -> str:
    host = _text(value, source)
    if not host or any(c.isspace() for c in host):
        raise SettingsError(f"{source}: must be a host name or address such as '127.0.0.1'")
    return host


def _positive_int(value: Any, source: str, *, most: int = 100_000) -> int:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise SettingsError(f"{source}: must be a whole number, got {value!r}")
    try:
        number = int(value)
    except (TypeError, ValueError) as error:
        raise SettingsError(f"{source}: must be a whole number, got {value!r}") from error
    if number <= 0 or number > most:
        what = "a TCP port (1-65535)" if most == 65535 else f"between 1 and {most}"
        raise SettingsError(f"{source}: must be {what}, got {number}")
    return number


def _port(value: Any, source: str) -> int:
    return _positive_int(value, source, most=65535)


def _clock_time(value: Any, source: str) -> time:
    text = _text(value, source)
    if not re.fullmatch(r"\d{2}:\d{2}", text):
        raise SettingsError(f"{source}: must be a time as HH:MM, got {text!r}")
    try:
        return time.fromisoformat(text)
    except ValueError as error:
        raise SettingsError(f"{source}: must be a time as HH:MM, got {text!r}") from error


def _smtp_url(value: Any, source: str) -> str:
    url = _text(value, source)
    if not url:
        return ""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname or port == -1 \
            or parts.path not in ("", "/") or parts.fragment:
        raise SettingsError(f"{source}: must be smtp://USER:PASSWORD@HOST:PORT (STARTTLS when "
                            "the server offers it; ?starttls=required to insist) or smtps://... "
                            "(TLS from the start)")
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if set(query) - {"starttls"} or query.get("starttls", "auto") not in (
            "auto", "required", "never"):
        raise SettingsError(f"{source}: the only option is ?starttls=auto|required|never")
    return url


def _address(value: Any, source: str, *, required: bool = True) -> str:
    text = _text(value, source)
    if not text and not required:
        return ""
    _name_part, address = parseaddr(text)
    if not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+", address or ""):
        raise SettingsError(f"{source}: must be an e-mail address such as "
                            f"'Planner <planner@example.org>', got {text!r}")
    return text


def _optional_address(value: Any, source: str) -> str:
    return _address(value, source, required=False)


def _folder(value: Any, source: str) -> str:
    name = _text(value, source)
    if not name:
        raise SettingsError(f"{source}: must not be empty")
    return name


def _valid_days(value: Any, source: str) -> int:
    return _positive_int(value, source, most=90)


def _flag(value: Any, source: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off"}:
        return False
    raise SettingsError(f"{source}: must be true or false, got {value!r}")


# Travel time is checked up to two days after a meeting ends (readmodel.conflicts
# TRAVEL_HORIZON): a longer minimum could not be warned about (a trip's own: the same bound).
_TRAVEL_MOST = MOST_MINUTES


def _travel_minutes(value: Any, source: str) -> int:
    return _positive_int(value, source, most=_TRAVEL_MOST)


def _travel_table(value: Any, source: str) -> dict[frozenset[str], int]:
    if isinstance(value, str):
        try:
            value = tomllib.loads(f"t = {value}")["t"]
        except tomllib.TOMLDecodeError as error:
            raise SettingsError(f"{source}: must be a table like {{ \"A|B\" = 120 }}") from error
    if not isinstance(value, dict):
        raise SettingsError(f"{source}: must be a table like {{ \"A|B\" = 120 }}")
    table: dict[frozenset[str], int] = {}
    for pair, minutes in value.items():
        cities = [c.strip().casefold() for c in str(pair).split("|")]
        if len(cities) != 2 or not all(cities) or cities[0] == cities[1]:
            raise SettingsError(f"{source}: key {pair!r} must name two cities as \"A|B\"")
        table[frozenset(cities)] = _travel_minutes(minutes, f"{source} {pair!r}")
    return table


_RATE = re.compile(r"^\s*[1-9][0-9]{0,6}\s*(/|per)\s*(second|minute|hour|day)\s*$")


def _rate(value: Any, source: str) -> str:
    if not isinstance(value, str) or not _RATE.match(value):
        raise SettingsError(f"{source}: {value!r} must be a rate such as \"120 per minute\"")
    return value.strip()


def _language(value: Any, source: str) -> str:
    text = _text(value, source).strip().lower()
    if text not in LANGUAGES:
        raise SettingsError(f"{source}: must be one of {', '.join(LANGUAGES)}, got {text!r}")
    return text


PARSERS = {
    "database_url": _database_url,
    "sqlite_path": _text,
    "instance_path": _text,
    "default_timezone": _zone,
    "base_url": _base_url,
    "language": _language,
    "calendar_domain": _domain,
    "calendar_refresh_minutes": _positive_int,
    "working_day_start": _clock_time,
    "working_day_end": _clock_time,
    "default_travel_minutes": _travel_minutes,
    "travel_minutes": _travel_table,
    "web_host": _host,
    "web_port": _port,
    "session_cookie_secure": _flag,
    "behind_proxy": _flag,
    "api_rate_limit": _rate,
    "default_organisation": _name,
    "default_organisation_latin": _text,
    "default_organisation_kind": _organisation_kind,
    "default_organisation_country": _country,
    "mail_smtp_url": _smtp_url,
    "mail_from": _address,
    "mail_reply_to": _optional_address,
    "mail_folder": _folder,
    "invitation_valid_days": _valid_days,
}
