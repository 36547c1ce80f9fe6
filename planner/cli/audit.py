"""`planner log ...`: verify, export and import the log; history, as-of views, the log browser.

Viewing history, exporting and verifying the database are recorded in the log (AuditTrail
events) under the name given by --as, else PLANNER_ACTOR, else "cli:<login name>".

These are the server administrator's tools and see the whole log, every organisation's
records (as a global auditor does): whoever runs them holds the database and the instance's
chain key already. --as only names who is recorded as asking; it is not an account the
command acts for, so it does not narrow what is shown. Organisation-scoped views are the
web pages' (planner.audit.visibility).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import click

from planner.audit import asof, chain, exchange, history, importer, logquery, text, trail
from planner.audit import verify as checks
from planner.audit.desk import verify_log
from planner.cli.core import cli_actor, planner_from_settings
from planner.domain.errors import DomainError
from planner.snapshots.verify import SnapshotReport, verify_snapshots


def _default_actor() -> str:
    return os.environ.get("PLANNER_ACTOR") or cli_actor()


def _actor_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--as", "actor", default=_default_actor, show_default="cli:<login>",
                        help="Who is asking; recorded in the log.")(command)


def _zone_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--zone", default="", help="Show times in this IANA zone, and read "
                        "times without an offset in it (default: the configured zone).")(command)


def _zone(planner: Any, zone: str) -> str:
    from planner.domain.values import zone as valid_zone

    return valid_zone("--zone", zone) if zone else planner.settings.default_timezone


def _head(value: str) -> chain.Head | None:
    try:
        return chain.parse_head(value) if value else None
    except chain.HeadError as error:
        raise click.BadParameter(str(error).removeprefix("--from-head: "),
                                 param_hint="--from-head") from None


@click.group(name="log")
def log_group() -> None:
    """The audit log: verify, export, import, history, as-of views and the log browser."""


@log_group.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--from-head", "from_head", default="",
              help="A head noted earlier (POSITION:LINK): check it is still in the chain, as "
                   "well as everything before and after it.")
@_actor_option
def verify(file: str | None, from_head: str, actor: str) -> None:
    """Check every stored event against the keyed chain and the log index (or FILE offline).

    Exit status 0 and the head when intact; 1 and the first bad position (or line) otherwise,
    saying whether the log was forged (events or links the planner did not write) or broken
    (events changed or deleted, index rows edited).
    """
    noted = _head(from_head)
    snapshots = SnapshotReport(0, (), 0)
    if file:
        try:
            verdict = exchange.verify_file(file, from_head=noted)
        except DomainError as error:
            raise click.ClickException(str(error)) from None
        where = file
    else:
        with planner_from_settings() as planner:
            if planner.engine is None:
                raise click.ClickException("database: verification needs a SQL database")
            verdict = verify_log(planner, from_head=noted,
                                 progress=lambda n: click.echo(f"checked {n} events", err=True))
            snapshots = verify_snapshots(planner)
            trail.record_verified(planner.app, actor, "database", verdict)
        where = "the database"
    for problem in snapshots.tampered:
        click.echo(f"TAMPERED: {where}: {problem}", err=True)
    if snapshots.unsealed:
        click.echo(f"note: {snapshots.unsealed} snapshots are true but sealed under another "
                   "key (or not at all); they are re-sealed when next loaded", err=True)
    if verdict.ok and snapshots.ok:
        derived = "" if file else f", {snapshots.checked} snapshots re-derived"
        click.echo(f"OK: {where}: chain intact, {verdict.checked} events checked{derived}")
        click.echo(f"head {verdict.head}")
        return
    if not verdict.ok:
        label = {checks.FORGED: "FORGED", checks.WRONG_KEY: "NOT CHECKED"}.get(verdict.kind,
                                                                              "TAMPERED")
        click.echo(f"{label}: {where}: {verdict.problem}", err=True)
    sys.exit(1)


@log_group.command()
@click.option("--from-head", "from_head", default="",
              help="The head noted before the upgrade (POSITION:LINK), to check the old chain "
                   "against.")
def rekey(from_head: str) -> None:
    """Once, after upgrading from a release whose chain had no key: check the old chain whole
    and link every event afresh with this instance's chain key (changes nothing otherwise)."""
    noted = _head(from_head)
    with planner_from_settings() as planner:
        if planner.engine is None:
            raise click.ClickException("database: the chain needs a SQL database")
        verdict = checks.rekey(planner, from_head=noted)
    if not verdict.ok:
        click.echo(f"NOT REKEYED: the database: {verdict.problem}", err=True)
        sys.exit(1)
    click.echo(f"OK: the chain is keyed now, {verdict.checked} events checked")
    click.echo(f"head {verdict.head}")


@log_group.command()
def head() -> None:
    """Print the chain's current head (POSITION:LINK) for an auditor to note down."""
    with planner_from_settings() as planner:
        if planner.engine is None:
            raise click.ClickException("database: the chain needs a SQL database")
        click.echo(str(chain.chained_head(planner.engine)))


@log_group.command(name="export")
@click.argument("file", type=click.Path(dir_okay=False))
@_actor_option
def export_command(file: str, actor: str) -> None:
    """Write the whole log with its chain to FILE as JSON Lines (the export is recorded)."""
    with planner_from_settings() as planner:
        header = exchange.export_log(planner, file, progress=lambda done, total: click.echo(
            f"exported {done}/{total}", err=True))
        trail.record_exported(planner.app, actor, os.path.abspath(file), str(header.head),
                              header.count)
    click.echo(f"exported {header.count} events to {file}")
    click.echo(f"head {header.head}")


@log_group.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False))
def import_command(file: str) -> None:
    """Load FILE into an empty database after verifying it, then rebuild the read models."""
    with planner_from_settings() as planner:
        result = importer.import_log(planner, file, progress=lambda m: click.echo(m, err=True))
    click.echo(f"imported {result.count} events from {file}")
    click.echo(f"head {result.head}")


@log_group.command(name="history")
@click.argument("record_id")
@_zone_option
@_actor_option
def history_command(record_id: str, zone: str, actor: str) -> None:
    """Every event of one record with actor, time, reason and what changed."""
    with planner_from_settings() as planner:
        found = history.record_history(planner, record_id, zone=zone or None)
        trail.record_viewed(planner.app, actor, f"history of {found.kind} {found.record_id}")
        for line in history.format_history(found):
            click.echo(line)


@log_group.command(name="as-of")
@click.argument("record_id")
@click.option("--at", "at", default="", help="A moment: YYYY-MM-DD (the end of that day) or "
              "YYYY-MM-DDTHH:MM[+HH:MM].")
@click.option("--version", "version", type=int, default=None, help="A version number.")
@_zone_option
@_actor_option
def as_of_command(record_id: str, at: str, version: int | None, zone: str, actor: str) -> None:
    """A record as it stood at a moment or version; a trip with its meetings at a moment."""
    with planner_from_settings() as planner:
        shown = _zone(planner, zone)
        moment = logquery.parse_moment("--at", at, zone=shown, end_of_day=True)
        if moment is None and version is None:
            raise click.UsageError("give --at MOMENT or --version N")
        record = asof.record_as_of(planner, record_id, at=moment, version=version)
        trail.record_viewed(planner.app, actor, f"{record.kind} {record.record_id} as of "
                                                f"{at or f'version {version}'}")
        if record.kind == "trip" and moment is not None:
            lines = text.trip_lines(asof.trip_as_of(planner, record.record_id, moment), shown)
        else:
            lines = text.record_lines(record, shown)
        for line in lines:
            click.echo(line)


@log_group.command(name="schedule")
@click.argument("person")
@click.option("--at", "at", required=True, help="A moment: YYYY-MM-DD (the end of that day) "
              "or YYYY-MM-DDTHH:MM[+HH:MM].")
@_zone_option
@_actor_option
def schedule_command(person: str, at: str, zone: str, actor: str) -> None:
    """The meetings PERSON (id or e-mail) had in their calendar at a moment."""
    with planner_from_settings() as planner:
        shown = _zone(planner, zone)
        moment = logquery.parse_moment("--at", at, zone=shown, end_of_day=True)
        assert moment is not None
        person_id = asof.find_person(planner, person)
        schedule = asof.person_schedule_as_of(planner, person_id, moment)
        trail.record_viewed(planner.app, actor, f"calendar of person {person_id} as of {at}")
        for line in text.schedule_lines(schedule, shown):
            click.echo(line)


@log_group.command(name="show")
@click.option("--record", default="", help="A record id (a trip includes its meetings).")
@click.option("--type", "event_type", default="", help="Event type, e.g. Moved or Meeting.Moved.")
@click.option("--actor", "who", default="", help="Only events by this actor.")
@click.option("--kind", default="", help="Record kind: trip, meeting, agreement...")
@click.option("--since", default="", help="From this moment (YYYY-MM-DD[THH:MM]).")
@click.option("--until", default="", help="Up to this moment; a bare date includes that day.")
@click.option("--page", default=1, type=int, show_default=True)
@click.option("--per-page", default=50, type=int, show_default=True)
@click.option("--csv", "as_csv", is_flag=True, help="Every matching event as CSV on stdout.")
@_zone_option
@_actor_option
def show(record: str, event_type: str, who: str, kind: str, since: str, until: str, page: int,
         per_page: int, as_csv: bool, zone: str, actor: str) -> None:
    """Browse the whole log, filtered by record, event type, actor and time window."""
    with planner_from_settings() as planner:
        shown = _zone(planner, zone)
        flt = logquery.make_filter(record=record, event_type=event_type, actor=who, kind=kind,
                                   since=since, until=until, zone=shown)
        if as_csv:
            logquery.write_csv(logquery.iter_entries(planner.engine, flt), sys.stdout)
        else:
            found = logquery.browse(planner.engine, flt, page=page, per_page=per_page)
            for line in text.log_page_lines(found, shown):
                click.echo(line)
        trail.record_viewed(planner.app, actor, "log browser" + (" (CSV)" if as_csv else ""))


COMMANDS: list[click.Command] = [log_group]
