"""`planner org ...` and `planner trip share`: organisations and who else may plan a trip.

A refused command names the option it was given in (`--country: ...`), exits non-zero and
writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import click

from planner.bootstrap import Planner
from planner.cli.core import cli_actor, planner_from_settings
from planner.domain.errors import DomainError, NotFoundError
from planner.domain.organisation import DEFAULT_ORGANISATION_ID, Access, OrganisationKind
from planner.readmodel.keys import fold
from planner.readmodel.queries import Queries
from planner.readmodel.rows import OrganisationRow

KINDS = click.Choice([kind.value for kind in OrganisationKind])
ACCESS = click.Choice([level.value for level in Access])

#: Domain field -> the option (or argument) a user typed it in.
ORG_OPTIONS = {"name": "NAME", "latin_name": "--latin", "kind": "--kind",
               "country": "--country", "timezone": "--timezone"}
SHARE_OPTIONS = {"trip id": "TRIP_ID", "trip": "TRIP_ID", "organisation_id": "--org",
                 "access": "--access", "reason": "--reason"}


@contextmanager
def options_named(options: Mapping[str, str]) -> Iterator[None]:
    """A refused command's message names the option rather than the domain field."""
    try:
        yield
    except NotFoundError as error:
        option = options.get(error.kind, error.kind)
        raise click.ClickException(f"{option}: there is no {error.kind} with id "
                                   f"{error.record_id}") from error
    except DomainError as error:
        option = options.get(error.field, error.field)
        raise click.ClickException(f"{option}: {error.rule}") from error


def _queries(planner: Planner) -> Queries:
    if planner.queries is None:
        raise click.ClickException("database: organisations need a SQL database")
    return planner.queries


def organisation_option(planner: Planner, wanted: str | None,
                        option: str = "--org") -> OrganisationRow:
    """The organisation an option names by name, Latin name or id (no option: the default
    organisation); an unknown or ambiguous name is refused, naming the option."""
    queries = _queries(planner)
    if wanted is None:
        found = queries.organisation(DEFAULT_ORGANISATION_ID)
        assert found is not None  # the default organisation always exists
        return found
    found = queries.organisation_named(wanted)
    if found is None:
        key = fold(wanted)
        alike = [o.id for o in queries.organisations()
                 if key and key in (fold(o.name), fold(o.latin_name))]
        if len(alike) > 1:
            raise click.ClickException(
                f"{option}: no single organisation is named {wanted!r}: {len(alike)} are "
                f"({', '.join(alike)}); give the id of one")
        raise click.ClickException(
            f"{option}: no single organisation is named {wanted!r}; give its name, Latin "
            "name or id as `planner org list` shows them")
    return found


@click.group()
def org() -> None:
    """Organisations: agencies, governments, chambers and companies whose staff use the
    planner (every account belongs to one; every trip is owned by one)."""


@org.command("add")
@click.argument("name")
@click.option("--latin", "latin_name", default="",
              help="The name in Latin letters, when NAME is in another script.")
@click.option("--kind", type=KINDS, default=OrganisationKind.OTHER.value, show_default=True)
@click.option("--country", default=None,
              help="Two-letter ISO code, e.g. CN or DE (default: the default organisation's).")
@click.option("--timezone", default=None,
              help="Home time zone, e.g. Asia/Shanghai (default: [planner] default_timezone).")
def add_organisation(name: str, latin_name: str, kind: str, country: str | None,
                     timezone: str | None) -> None:
    """Register an organisation (an event in the log)."""
    with planner_from_settings() as planner:
        queries, settings = _queries(planner), planner.settings
        for option, value in (("NAME", name), ("--latin", latin_name)):
            same = queries.organisation_named(value) if value.strip() else None
            if same is not None:
                raise click.ClickException(
                    f"{option}: an organisation named {value.strip()!r} is already registered "
                    f"({same.display_name}, {same.id}); names must tell organisations apart")
        with options_named(ORG_OPTIONS):
            organisation_id = planner.app.register_organisation(
                actor=cli_actor(), name=name, latin_name=latin_name, kind=kind,
                country=settings.default_organisation_country if country is None else country,
                timezone=settings.default_timezone if timezone is None else timezone)
        added = queries.organisation(organisation_id)
    shown = added.display_name if added else name
    click.echo(f"Organisation {shown} registered: {organisation_id}")


@org.command("list")
def list_organisations() -> None:
    """Every organisation: name / Latin name, kind, country, zone and id (tab-separated);
    `*` marks the default organisation, which takes accounts opened without --org."""
    with planner_from_settings() as planner:
        for row in _queries(planner).organisations():
            mark = "*" if row.id == DEFAULT_ORGANISATION_ID else " "
            click.echo("\t".join((f"{mark} {row.display_name}", row.kind, row.country,
                                  row.timezone, row.id)))


@click.group()
def trip() -> None:
    """One trip: who else may plan or view it."""


@trip.command("share")
@click.argument("trip_id")
@click.option("--org", "organisation", required=True,
              help="The partner: its name, Latin name or id.")
@click.option("--access", type=ACCESS, required=True,
              help="plan: its organisers edit the programme; view: its staff read the trip; "
                   "none: end the share.")
@click.option("--reason", required=True, help="Why (kept in the trip's history).")
def share(trip_id: str, organisation: str, access: str, reason: str) -> None:
    """Share a trip with a partner organisation, change the level, or end the share."""
    with planner_from_settings() as planner:
        partner = organisation_option(planner, organisation)
        with options_named(SHARE_OPTIONS):
            planner.app.share_trip(trip_id, actor=cli_actor(), organisation_id=partner.id,
                                   access=access, reason=reason)
    if access == Access.NONE:
        click.echo(f"Trip {trip_id} is no longer shared with {partner.display_name}.")
    else:
        click.echo(f"Trip {trip_id} is shared with {partner.display_name} at {access}.")


COMMANDS: list[click.Command] = [org, trip]
