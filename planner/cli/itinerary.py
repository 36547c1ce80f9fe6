"""`planner itinerary person|trip`: write a printable PDF itinerary to a file."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli.core import planner_from_settings
from planner.i18n import LANGUAGES
from planner.itinerary.printing import Itineraries

_LANG = click.option("--lang", "language", type=click.Choice(LANGUAGES), default=None,
                     help="Language of the printed texts (default: English).")
_OUT = click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
                    help="The PDF file to write.")


@click.group()
def itinerary() -> None:
    """Printable PDF itineraries (a participant's, or a whole trip's)."""


@itinerary.command("person")
@click.argument("email")
@click.option("--trip", "trip_id", required=True, help="The trip's id.")
@_OUT
@_LANG
def person_command(email: str, trip_id: str, out: Path, language: str | None) -> None:
    """A participant's itinerary of one trip, with what changed since their last print."""
    with planner_from_settings() as planner:
        if planner.queries is None:
            raise click.ClickException("itineraries need a SQL database, not in-memory storage")
        person = planner.queries.person_by_email(email)
        if person is None:
            raise click.ClickException(f"email: no person has the e-mail address {email!r}")
        body, pack = Itineraries(planner).person_pdf(
            person.id, trip_id, language=language, base_url=planner.settings.public_base_url)
        _write(out, body)
        click.echo(f"Wrote {out} ({len(pack.days)} days, {len(pack.changes)} changes since "
                   f"the last print)")


@itinerary.command("trip")
@click.argument("trip_id")
@_OUT
@_LANG
def trip_command(trip_id: str, out: Path, language: str | None) -> None:
    """The whole delegation's itinerary of a trip."""
    with planner_from_settings() as planner:
        if planner.queries is None:
            raise click.ClickException("itineraries need a SQL database, not in-memory storage")
        body, pack = Itineraries(planner).trip_pdf(
            trip_id, language=language, base_url=planner.settings.public_base_url)
        _write(out, body)
        click.echo(f"Wrote {out} ({len(pack.days)} days)")


def _write(out: Path, body: bytes) -> None:
    try:
        out.write_bytes(body)
    except OSError as error:
        raise click.ClickException(f"--out: cannot write {out} ({error.strerror})") from error


COMMANDS = [itinerary]
