"""`planner user ...`: manage staff accounts (`planner serve` lives in web/cli.py)."""

from __future__ import annotations

import getpass
import os

import click

from planner.cli.core import planner_from_settings
from planner.domain.account import Role
from planner.domain.errors import DomainError

ROLES = click.Choice([r.value for r in Role])


def cli_actor() -> str:
    """Changes made from the command line are recorded as the operating-system user's."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"cli:{user}"


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
@click.option("--role", type=ROLES, required=True, help="organiser, participant or auditor.")
@click.option("--name", default="", help="Display name (default: the part before the @).")
@click.option("--person", "person_id", default=None,
              help="Person id (required for participants: their delegation record).")
def add_user(email: str, role: str, name: str, person_id: str | None) -> None:
    """Open an account. The password comes from PLANNER_PASSWORD or a prompt."""
    from planner.passwords import hash_password

    try:
        password_hash = hash_password(_password(), user_inputs=(email, name))
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    with planner_from_settings() as planner:
        planner.app.open_account(actor=cli_actor(), email=email,
                                 name=name.strip() or email.split("@")[0], role=role,
                                 password_hash=password_hash, person_id=person_id)
    click.echo(f"Account {email.strip().lower()} opened as {role}.")


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
