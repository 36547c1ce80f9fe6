"""Settings: config.toml, then PLANNER_* environment variables, then explicit overrides.
A typo or a malformed value stops start-up with a message naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.settings import DEFAULT_CONFIG, SettingsError, load_settings

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/planner"


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return path


def _refused(config: Path | None = None, environ: dict[str, str] | None = None,
             **overrides: object) -> str:
    with pytest.raises(SettingsError) as caught:
        load_settings(config, environ={} if environ is None else environ, **overrides)
    return str(caught.value)


def test_the_repository_config_loads_with_sqlite_in_the_instance_folder() -> None:
    settings = load_settings(environ={})
    assert settings.config_file == DEFAULT_CONFIG
    instance = DEFAULT_CONFIG.parent / "instance"
    assert settings.database_url == f"sqlite:///{instance / 'planner.sqlite3'}"
    assert settings.default_timezone == "Europe/Berlin"
    assert settings.travel_minutes_between("Jining", "nanjing") == 300
    assert settings.travel_minutes_between("Leipzig", "Leipzig") == 0


def test_an_unknown_key_is_refused_naming_the_key(tmp_path: Path) -> None:
    path = _config(tmp_path, '[database]\nulr = "sqlite:///x.sqlite3"\n')
    assert _refused(path) == f"{path}: unknown key [database] ulr"


def test_an_unknown_section_is_refused(tmp_path: Path) -> None:
    path = _config(tmp_path, '[calender]\ndomain = "example.org"\n')
    assert _refused(path) == f"{path}: unknown key [calender] domain"


def test_a_key_outside_any_section_is_refused(tmp_path: Path) -> None:
    path = _config(tmp_path, 'url = "sqlite:///x.sqlite3"\n')
    assert _refused(path) == f"{path}: 'url' must be a [section]"


@pytest.mark.parametrize("url", ["mysql://root@localhost/planner", "postgres://x@y/z",
                                 "sqlite:///", "sqlite://", "postgresql+psycopg://",
                                 "planner.sqlite3"])
def test_a_bad_database_url_is_refused_naming_the_key(tmp_path: Path, url: str) -> None:
    path = _config(tmp_path, f'[database]\nurl = "{url}"\n')
    assert _refused(path) == (
        "[database] url: must be sqlite:///PATH or postgresql+psycopg://USER@HOST:PORT/DB, "
        f"got {url!r}")


def test_a_bad_time_zone_is_refused(tmp_path: Path) -> None:
    path = _config(tmp_path, '[planner]\ndefault_timezone = "Asia/Nanjing"\n')
    assert _refused(path).startswith(
        "[planner] default_timezone: unknown IANA time zone 'Asia/Nanjing'")


@pytest.mark.parametrize(("value", "rule"), [
    ("70000", "must be a TCP port (1-65535), got 70000"),
    ("0", "must be a TCP port (1-65535), got 0"),
    ('"http"', "must be a whole number, got 'http'"),
    ("true", "must be a whole number"),
    ("80.5", "must be a whole number, got 80.5"),
])
def test_a_bad_port_is_refused(tmp_path: Path, value: str, rule: str) -> None:
    path = _config(tmp_path, f"[web]\nport = {value}\n")
    assert _refused(path).startswith(f"[web] port: {rule}")


@pytest.mark.parametrize("body", ['[database\nurl = "x"\n', '[web]\nport = \n',
                                  '[web]\nhost = "a"\nhost = "b"\n'])
def test_malformed_toml_is_refused_naming_the_file(tmp_path: Path, body: str) -> None:
    path = _config(tmp_path, body)
    assert _refused(path).startswith(f"{path}: not valid TOML (")


def test_a_config_file_that_is_not_utf8_or_not_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'[planner]\ndefault_timezone = "Europe/Z\xfcrich"\n')
    assert _refused(path) == f"{path}: not valid TOML (the file must be UTF-8 text)"
    assert _refused(tmp_path).startswith(f"{tmp_path}: cannot be read")


def test_a_missing_config_file_that_was_asked_for_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    assert _refused(missing) == f"config file {missing}: does not exist"
    assert _refused(environ={"PLANNER_CONFIG": str(missing)}) == (
        f"config file {missing}: does not exist")


@pytest.mark.parametrize(("section", "line", "message"), [
    ("warnings", 'working_day_start = "8am"', "must be a time as HH:MM, got '8am'"),
    ("warnings", 'working_day_end = "07:00"', "working_day_start: must be before"),
    ("warnings", 'travel_minutes = { "Nanjing" = 300 }', "key 'Nanjing' must name two cities"),
    # Travel time is checked up to two days ahead: a longer minimum could never warn.
    ("warnings", 'travel_minutes = { "Leipzig|Lima" = 3000 }',
     "'Leipzig|Lima': must be between 1 and 2880, got 3000"),
    ("warnings", "default_travel_minutes = 2881", "must be between 1 and 2880, got 2881"),
    ("web", 'session_cookie_secure = "maybe"', "must be true or false, got 'maybe'"),
    ("planner", 'base_url = "planner.example.org"', "must be an http:// or https:// address"),
    ("calendar", 'domain = "my planner"', "must be a domain name"),
    ("planner", 'language = "fr"', "[planner] language: must be one of de, en, zh, got 'fr'"),
    ("calendar", "refresh_minutes = -5", "must be between 1 and 100000, got -5"),
    ("database", "url = 5", "[database] url: must be a string"),
])
def test_malformed_values_are_refused_naming_the_key(tmp_path: Path, section: str, line: str,
                                                     message: str) -> None:
    path = _config(tmp_path, f"[{section}]\n{line}\n")
    assert message in _refused(path)


def test_the_environment_overrides_the_file(tmp_path: Path) -> None:
    path = _config(tmp_path, '[database]\nurl = "sqlite:///from-file.sqlite3"\n'
                             '[web]\nport = 8000\n')
    settings = load_settings(path, environ={"PLANNER_DATABASE_URL": PG,
                                            "PLANNER_WEB_PORT": "8080"})
    assert (settings.database_url, settings.web_port) == (PG, 8080)
    assert settings.config_file == path


def test_a_bad_environment_value_is_refused_naming_the_variable(tmp_path: Path) -> None:
    assert _refused(environ={"PLANNER_DATABASE_URL": "mysql://x"}).startswith(
        "PLANNER_DATABASE_URL: must be sqlite:///PATH or postgresql+psycopg://")
    assert _refused(environ={"PLANNER_WEB_PORT": "eighty"}) == (
        "PLANNER_WEB_PORT: must be a whole number, got 'eighty'")


def test_the_environment_can_choose_the_config_file(tmp_path: Path) -> None:
    path = _config(tmp_path, '[calendar]\ndomain = "calendar.leipzig.example"\n')
    settings = load_settings(environ={"PLANNER_CONFIG": str(path)})
    assert settings.calendar_domain == "calendar.leipzig.example"
    assert settings.instance_path == tmp_path / "instance"


def test_explicit_overrides_win_over_file_and_environment(tmp_path: Path) -> None:
    path = _config(tmp_path, '[database]\nurl = "sqlite:///from-file.sqlite3"\n')
    settings = load_settings(path, environ={"PLANNER_DATABASE_URL": PG},
                             database_url="sqlite:///explicit.sqlite3", web_port=9000)
    assert (settings.database_url, settings.web_port) == ("sqlite:///explicit.sqlite3", 9000)
    assert _refused(path, databse_url="x") == "databse_url: unknown setting"


def test_a_relative_sqlite_path_lies_in_the_instance_folder(tmp_path: Path) -> None:
    path = _config(tmp_path, '[database]\nsqlite_path = "trips.sqlite3"\n'
                             '[instance]\npath = "var"\n')
    settings = load_settings(path, environ={})
    assert settings.database_url == f"sqlite:///{tmp_path / 'var' / 'trips.sqlite3'}"
    assert settings.is_sqlite


def test_settings_cannot_be_changed_after_start_up() -> None:
    settings = load_settings(environ={})
    with pytest.raises(AttributeError):
        settings.web_port = 1  # type: ignore[misc]
