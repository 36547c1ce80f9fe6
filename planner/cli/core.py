"""`planner init`, `planner demo` and `planner trips`."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from uuid import UUID

import click
from eventsourcing.persistence import PersistenceError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from planner.bootstrap import Planner, build
from planner.domain.errors import DomainError
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.settings import SettingsError, load_settings


def cli_actor() -> str:
    """Changes made from the command line are recorded as the operating-system user's."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"cli:{user}"


@contextmanager
def planner_from_settings(**kwargs: object) -> Iterator[Planner]:
    """Open the configured database; configuration and domain errors become clear messages."""
    try:
        settings = load_settings()
        planner = build(settings, **kwargs)  # type: ignore[arg-type]
    except SettingsError as error:
        raise click.ClickException(f"configuration: {error}") from error
    except (SQLAlchemyError, PersistenceError) as error:
        url = make_url(settings.database_url).render_as_string(hide_password=True)
        detail = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise click.ClickException(f"database: cannot open {url}: {detail}") from error
    try:
        yield planner
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    finally:
        planner.close()


@click.command()
def init() -> None:
    """Create the database schema (safe to run again).

    In a database that already holds events, it also records the default organisation
    (`[organisations]` in config.toml) if its record is missing: records stored before
    organisations existed belong to it. An empty database stays empty, so that
    `planner log import` can still fill it; `planner demo` records the organisation itself.
    """
    with planner_from_settings() as planner:
        click.echo(f"Database ready: {planner.settings.database_url}")
        if _record_default_organisation(planner):
            s = planner.settings
            click.echo(f"Recorded the default organisation {s.default_organisation} "
                       f"({DEFAULT_ORGANISATION_ID}).")


def _record_default_organisation(planner: Planner) -> bool:
    """Write the default organisation's record from the settings, in a log that has events
    but not that record yet; True when it wrote it."""
    app, s = planner.app, planner.settings
    if not app.recorder.max_notification_id() or UUID(DEFAULT_ORGANISATION_ID) in app.repository:
        return False
    app.register_organisation(
        actor=cli_actor(), organisation_id=DEFAULT_ORGANISATION_ID,
        name=s.default_organisation, latin_name=s.default_organisation_latin,
        kind=s.default_organisation_kind, country=s.default_organisation_country,
        timezone=s.default_timezone)
    return True


@click.command()
@click.option("--reset", is_flag=True, help="Start again from an empty database first.")
def demo(reset: bool) -> None:
    """Load the demo trips from the source documents (adds nothing if already loaded)."""
    from planner.demo import load_demo, reset_database

    if reset:
        try:
            reset_database(load_settings())
        except SettingsError as error:
            raise click.ClickException(f"configuration: {error}") from error
    with planner_from_settings() as planner:
        summary = load_demo(planner, progress=lambda text: click.echo(text, err=True))
        for line in summary:
            click.echo(line)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--status", default=None, help="Only trips with this status.")
@click.option("--year", type=int, default=None, help="Only trips touching this year.")
def trips(as_json: bool, status: str | None, year: int | None) -> None:
    """List trips, newest first: id, start, end, status and title, tab-separated."""
    with planner_from_settings() as planner:
        if planner.queries is None:
            raise click.ClickException("listing trips needs a SQL database")
        page = 1
        while True:
            found = planner.queries.trips(status=status, year=year, page=page, per_page=200)
            for trip in found.items:
                if as_json:
                    row = {**asdict(trip), "cities": list(trip.cities)}
                    click.echo(json.dumps(row, ensure_ascii=False, default=str))
                else:
                    click.echo("\t".join(str(value) for value in (
                        trip.id, trip.starts_on, trip.ends_on, trip.status, trip.title)))
            if not found.has_next:
                break
            page += 1
    sys.stdout.flush()


COMMANDS = [init, demo, trips]
