"""Settings: config.toml, then PLANNER_* environment variables, then explicit overrides.

Every value is validated once, at start-up; an unknown key or a malformed value raises
SettingsError naming the key and the rule, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from planner.settings_values import PARSERS, SettingsError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "config.toml"


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
        values[name] = PARSERS[name](value, source)
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
