"""`planner user ...`: manage staff accounts (`planner serve` lives in web/cli.py)."""

from __future__ import annotations

import os

import click

from planner.cli.core import cli_actor, planner_from_settings
from planner.domain.account import Role
from planner.domain.errors import DomainError

ROLES = click.Choice([r.value for r in Role])
#: Domain field -> the option it was typed in.
ACCOUNT_OPTIONS = {"email": "EMAIL", "name": "--name", "role": "--role",
                   "person_id": "--person", "person": "--person", "organisation_id": "--org",
                   "global_auditor": "--global"}


@click.group()
def user() -> None:
    """Staff accounts: add them and change their roles (every change is an event)."""


def _password() -> str:
    from_env = os.environ.get("PLANNER_PASSWORD")
    if from_env:
        return from_env
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@user.command("add")
@click.argument("email")
@click.option("--role", type=ROLES, required=True,
              help="organiser, participant, auditor or administrator.")
@click.option("--name", default="", help="Display name (default: the part before the @).")
@click.option("--person", "person_id", default=None,
              help="Person id (required for participants: their delegation record).")
@click.option("--org", "organisation", default=None,
              help="The account's organisation: name, Latin name or id (default: the "
                   "default organisation of config.toml).")
@click.option("--global", "global_auditor", is_flag=True,
              help="An auditor who sees every organisation's records (compliance office).")
def add_user(email: str, role: str, name: str, person_id: str | None,
             organisation: str | None, global_auditor: bool) -> None:
    """Open an account. The password comes from PLANNER_PASSWORD or a prompt."""
    from planner.cli.organisations import options_named, organisation_option
    from planner.passwords import hash_password

    if global_auditor and role != Role.AUDITOR:
        raise click.ClickException(f"--global: only an auditor can see every organisation's "
                                   f"records, not an account with --role {role}")
    with planner_from_settings() as planner:
        chosen = organisation_option(planner, organisation)
        try:
            password_hash = hash_password(_password(), user_inputs=(email, name))
        except DomainError as error:
            raise click.ClickException(str(error)) from error
        with options_named(ACCOUNT_OPTIONS):
            planner.app.open_account(actor=cli_actor(), email=email,
                                     name=name.strip() or email.split("@")[0], role=role,
                                     password_hash=password_hash, person_id=person_id,
                                     organisation_id=chosen.id, global_auditor=global_auditor)
    scope = " seeing every organisation" if global_auditor else ""
    click.echo(f"Account {email.strip().lower()} opened as {role}{scope} in "
               f"{chosen.display_name}.")


@user.command("password")
@click.argument("email")
def reset_password(email: str) -> None:
    """Set a new password (from PLANNER_PASSWORD or a prompt); every session of it ends.

    Needed after an import: an exported log holds no password hashes."""
    from planner.passwords import hash_password

    with planner_from_settings() as planner:
        account = planner.app.find_account(email)
        if account is None:
            raise click.ClickException(f"email: there is no account for {email}")
        try:
            password_hash = hash_password(_password(), user_inputs=(email, account["name"]))
        except DomainError as error:
            raise click.ClickException(str(error)) from error
        planner.app.change_password(email, actor=cli_actor(), password_hash=password_hash)
    click.echo(f"Account {email.strip().lower()} has a new password.")


@user.command("role")
@click.argument("email")
@click.argument("role", type=ROLES)
@click.option("--reason", required=True, help="Why the role changes (kept in the log).")
@click.option("--person", "person_id", default=None, help="Link to this person id.")
def change_role(email: str, role: str, reason: str, person_id: str | None) -> None:
    """Change an account's role; the change and its reason are recorded."""
    with planner_from_settings() as planner:
        if planner.app.find_account(email) is None:
            raise click.ClickException(f"email: there is no account for {email}")
        planner.app.change_role(email, actor=cli_actor(), role=role, reason=reason,
                                person_id=person_id)
    click.echo(f"Account {email.strip().lower()} is now {role}.")


COMMANDS: list[click.Command] = [user]
