"""`planner invite`: invite a person to open their participant account, by e-mail."""

from __future__ import annotations

import click

from planner.cli.core import cli_actor, planner_from_settings
from planner.cli.organisations import options_named
from planner.defaults import member_role

OPTIONS = {"person_id": "PERSON_ID|EMAIL", "person": "PERSON_ID|EMAIL", "email": "EMAIL",
           "name": "--name", "trip_id": "--trip", "trip": "--trip", "valid_days":
           "[invitations] valid_days"}


@click.command()
@click.argument("target", metavar="PERSON_ID|EMAIL")
@click.option("--name", default="", help="Register the person first with this name when no "
                                         "one has the e-mail address yet.")
@click.option("--trip", "trip_id", default=None,
              help="The trip the invitation is for; a person not in its delegation is added.")
def invite(target: str, name: str, trip_id: str | None) -> None:
    """Send an invitation link (valid for [invitations] valid_days): following it, the
    person sets a password and gets a participant account. Inviting again sends a new link.
    The mail is sent by `planner mail send` (or the server's sender)."""
    with planner_from_settings() as planner:
        if planner.queries is None:
            raise click.ClickException("invitations need a SQL database")
        app, days = planner.app, planner.settings.invitation_valid_days
        with options_named(OPTIONS):
            person_id = _person(planner, target, name, trip_id)
            if trip_id:
                trip = planner.queries.trip(trip_id)
                if trip is None:
                    raise click.ClickException(f"--trip: there is no trip with id {trip_id}")
                if person_id not in {str(m.person_id) for m in trip.members}:
                    app.add_member(trip_id, actor=cli_actor(), person_id=person_id,
                                   role=member_role(m.role for m in trip.members))
            app.invite(person_id, actor=cli_actor(), valid_days=days, trip_id=trip_id)
        person = planner.queries.person(person_id)
        click.echo(f"Invited {person.name} <{person.email}> ({person_id}); the link is valid "
                   f"for {days} days.")


def _person(planner: object, target: str, name: str, trip_id: str | None) -> str:
    """The person a target names: a person id, or the e-mail address of one (registered
    first, with --name, when nobody has it)."""
    queries, app, settings = (getattr(planner, n) for n in ("queries", "app", "settings"))
    if "@" not in target:
        return target.strip()
    found = queries.person_by_email(target)
    if found is not None:
        return str(found.id)
    if not name.strip():
        raise click.ClickException(f"PERSON_ID|EMAIL: nobody has the address {target}; give "
                                   "--name to register them first")
    if trip_id:
        trip = queries.trip(trip_id)
        if trip is None:
            raise click.ClickException(f"--trip: there is no trip with id {trip_id}")
        return str(app.register_member(
            trip_id, actor=cli_actor(), name=name, email=target,
            home_timezone=trip.home_timezone, role=member_role(m.role for m in trip.members)))
    return str(app.register_person(actor=cli_actor(), name=name, email=target,
                                   home_timezone=settings.default_timezone))


COMMANDS = [invite]
