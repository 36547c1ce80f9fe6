"""Settings: config.toml, then PLANNER_* environment variables, then explicit overrides.

Every value is validated once, at start-up; an unknown key or a malformed value raises
SettingsError naming the key and the rule, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from email.utils import parseaddr
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from planner.domain.errors import ValidationError
from planner.domain.organisation import OrganisationKind
from planner.domain.travel import MOST_MINUTES
from planner.domain.values import zone
from planner.i18n import LANGUAGES

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "config.toml"


class SettingsError(ValueError):
    """A configuration value is unknown or malformed. Its text stays English: it is for the
    operator, in logs searched in English (see planner.cli)."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    instance_path: Path
    default_timezone: str = "Europe/Berlin"
    language: str = "en"
    """The interface's language where neither the account nor the browser names one, and of
    calendars and mails for people and trips that chose none (de, en or zh)."""
    base_url: str = ""
    """The web UI's public address as configured; empty: derived (see `public_base_url`)."""
    calendar_domain: str = "delegation-planner.example.org"
    calendar_refresh_minutes: int = 60
    working_day_start: time = time(8, 0)
    working_day_end: time = time(20, 0)
    default_travel_minutes: int = 90
    travel_minutes: Mapping[frozenset[str], int] = field(default_factory=dict)
    web_host: str = "127.0.0.1"
    web_port: int = 5000
    session_cookie_secure: bool = False
    behind_proxy: bool = False
    """Trust one proxy's X-Forwarded-For/-Proto/-Host/-Port (only when it sets them)."""
    # Requests one API token may make (the `limits` notation: "120 per minute").
    api_rate_limit: str = "120 per minute"
    # The organisation that owns records stored before organisations existed, and that
    # `planner user add` puts an account in when no --org is given (its zone: default_timezone).
    default_organisation: str = "Invest Region Leipzig GmbH"
    default_organisation_latin: str = ""
    default_organisation_kind: str = "agency"
    default_organisation_country: str = "DE"
    # Mail (planner.mail): no smtp_url means every mail is written as an .eml file into
    # `mail_folder` of the instance folder (the demo).
    mail_smtp_url: str = ""
    mail_from: str = "Delegation Planner <planner@localhost>"
    mail_reply_to: str = ""
    mail_folder: str = "outbox"
    invitation_valid_days: int = 7
    config_file: Path | None = None

    @property
    def public_base_url(self) -> str:
        """Where the web UI is reached, for links made outside a request (mails, the CLI):
        `[planner] base_url` when set, else the address `planner serve` listens on. Inside a
        request the web layer uses the request's own host instead (web.links)."""
        if self.base_url:
            return self.base_url.rstrip("/")
        host = "127.0.0.1" if self.web_host in ("0.0.0.0", "::", "") else self.web_host
        return f"http://{host}:{self.web_port}"

    @property
    def mail_folder_path(self) -> Path:
        """Where mails go as .eml files when no SMTP server is configured."""
        folder = Path(self.mail_folder)
        return folder if folder.is_absolute() else Path(self.instance_path) / folder

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def travel_minutes_between(self, city_a: str, city_b: str) -> int:
        """Minimum minutes needed between meetings in two cities (0 within one city)."""
        a, b = city_a.strip().casefold(), city_b.strip().casefold()
        if a == b:
            return 0
        return self.travel_minutes.get(frozenset({a, b}), self.default_travel_minutes)


# (section, key) in config.toml -> Settings field (parsed by _PARSERS[field])
_KEYS: dict[tuple[str, str], str] = {
    ("database", "url"): "database_url",
    ("database", "sqlite_path"): "sqlite_path",
    ("instance", "path"): "instance_path",
    ("planner", "default_timezone"): "default_timezone",
    ("planner", "base_url"): "base_url",
    ("planner", "language"): "language",
    ("calendar", "domain"): "calendar_domain",
    ("calendar", "refresh_minutes"): "calendar_refresh_minutes",
    ("warnings", "working_day_start"): "working_day_start",
    ("warnings", "working_day_end"): "working_day_end",
    ("warnings", "default_travel_minutes"): "default_travel_minutes",
    ("warnings", "travel_minutes"): "travel_minutes",
    ("web", "host"): "web_host",
    ("web", "port"): "web_port",
    ("web", "session_cookie_secure"): "session_cookie_secure",
    ("web", "behind_proxy"): "behind_proxy",
    ("api", "rate_limit"): "api_rate_limit",
    ("organisations", "default"): "default_organisation",
    ("organisations", "default_latin"): "default_organisation_latin",
    ("organisations", "default_kind"): "default_organisation_kind",
    ("organisations", "default_country"): "default_organisation_country",
    ("mail", "smtp_url"): "mail_smtp_url",
    ("mail", "from"): "mail_from",
    ("mail", "reply_to"): "mail_reply_to",
    ("mail", "folder"): "mail_folder",
    ("invitations", "valid_days"): "invitation_valid_days",
}
_FIELD_TO_KEY = {f: k for k, f in _KEYS.items()}


def env_name(field_name: str) -> str:
    section, key = _FIELD_TO_KEY[field_name]
    return f"PLANNER_{section}_{key}".upper()


def load_settings(
    config_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build validated Settings from the config file, the environment and overrides."""
    environ = os.environ if environ is None else environ
    path = Path(config_file or environ.get("PLANNER_CONFIG") or DEFAULT_CONFIG)
    raw: dict[str, Any] = {}
    if path.exists():
        raw = _read_file(path)
    elif config_file or environ.get("PLANNER_CONFIG"):
        raise SettingsError(f"config file {path}: does not exist")
    for field_name in _FIELD_TO_KEY:
        value = environ.get(env_name(field_name))
        if value is not None:
            raw[field_name] = (value, env_name(field_name))
    for name, value in overrides.items():
        if name not in _FIELD_TO_KEY:
            raise SettingsError(f"{name}: unknown setting")
        raw[name] = (value, name)
    return _build(raw, path if path.exists() else None)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: not valid TOML ({error})") from error
    except UnicodeDecodeError as error:
        raise SettingsError(f"{path}: not valid TOML (the file must be UTF-8 text)") from error
    except OSError as error:
        raise SettingsError(f"{path}: cannot be read ({error.strerror or error})") from error
    raw: dict[str, Any] = {}
    for section, values in data.items():
        if not isinstance(values, dict):
            raise SettingsError(f"{path}: '{section}' must be a [section]")
        for key, value in values.items():
            if (section, key) not in _KEYS:
                raise SettingsError(f"{path}: unknown key [{section}] {key}")
            raw[_KEYS[(section, key)]] = (value, f"[{section}] {key}")
    return raw


def _build(raw: dict[str, Any], config_file: Path | None) -> Settings:
    base_dir = config_file.parent if config_file else PROJECT_ROOT
    values: dict[str, Any] = {"config_file": config_file}
    for name, (value, source) in raw.items():
        values[name] = _PARSERS[name](value, source)
    instance = Path(values.pop("instance_path", "instance"))
    if not instance.is_absolute():
        instance = base_dir / instance
    sqlite_path = Path(values.pop("sqlite_path", "planner.sqlite3"))
    if not sqlite_path.is_absolute():
        sqlite_path = instance / sqlite_path
    if not values.get("database_url"):
        values["database_url"] = f"sqlite:///{sqlite_path}"
    settings = Settings(instance_path=instance, **values)
    if settings.working_day_start >= settings.working_day_end:
        raise SettingsError("[warnings] working_day_start: must be before working_day_end")
    return settings


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


_PARSERS = {
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
