"""`planner calendar trip|person|meeting`: print a calendar (.ics) to standard output.

The bytes are exactly what the web feed serves for the same data (CRLF line ends kept), so
`planner calendar person anna@example.org > anna.ics` is fit for a mail-out.
"""

from __future__ import annotations

import sys
from datetime import datetime

import click

from planner.calendar.files import CalendarFile, meeting_ics, person_ics, trip_ics
from planner.cli.core import planner_from_settings
from planner.domain.errors import DomainError

AS_OF_EXAMPLE = "2019-06-27T12:00:00+08:00"


def _write(calendar: CalendarFile) -> None:
    """The bytes as they are: through the binary stream, so CRLF stays CRLF on every OS."""
    sys.stdout.flush()
    sys.stdout.buffer.write(calendar.body)
    sys.stdout.buffer.flush()


def _as_of(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or moment.utcoffset() is None:
        raise click.BadParameter(f"must be a date and time with a UTC offset, such as "
                                 f"{AS_OF_EXAMPLE}; got {value!r}", param_hint="--as-of")
    return moment


@click.group()
def calendar() -> None:
    """Print a calendar (.ics, RFC 5545) to standard output."""


@calendar.command("trip")
@click.argument("trip_id")
def trip_command(trip_id: str) -> None:
    """A trip's calendar: all its meetings and a marker for each day of each leg."""
    with planner_from_settings() as planner:
        _write(trip_ics(planner, trip_id))


@calendar.command("person")
@click.argument("email")
@click.option("--as-of", "as_of", default=None, metavar="MOMENT",
              help=f"What the calendar said at a past moment, e.g. {AS_OF_EXAMPLE}.")
def person_command(email: str, as_of: str | None) -> None:
    """A person's calendar (the meetings they attend, the legs of their trips), by e-mail."""
    moment = _as_of(as_of)
    with planner_from_settings() as planner:
        if planner.queries is None:
            raise click.ClickException("calendars need a SQL database, not in-memory storage")
        person = planner.queries.person_by_email(email)
        if person is None:
            raise click.ClickException(f"email: no person has the e-mail address {email!r}")
        try:
            _write(person_ics(planner, person.id, as_of=moment))
        except DomainError as error:
            if moment is None:
                raise
            raise click.ClickException(f"--as-of: {error}") from error


@calendar.command("meeting")
@click.argument("meeting_id")
def meeting_command(meeting_id: str) -> None:
    """One meeting as a calendar file to import once."""
    with planner_from_settings() as planner:
        _write(meeting_ics(planner, meeting_id))


COMMANDS: list[click.Command] = [calendar]
