"""`planner token ...`: API tokens for programs acting as an account (every change an event)."""

from __future__ import annotations

import click

from planner.cli.core import cli_actor, planner_from_settings


@click.group()
def token() -> None:
    """API tokens: programs send one as `Authorization: Bearer ...` to /api/v1/."""


@token.command("create")
@click.argument("email")
@click.option("--name", default="", help="A label saying what the token is for (e.g. CRM).")
def create(email: str, name: str) -> None:
    """Issue a token for the account; it is printed once and cannot be shown again."""
    with planner_from_settings() as planner:
        token_id, secret = planner.app.issue_api_token(email, actor=cli_actor(), name=name)
    click.echo(f"Token {token_id} for {email.strip().lower()} (shown only now):", err=True)
    click.echo(secret)


@token.command("list")
@click.argument("email")
def list_tokens(email: str) -> None:
    """The account's tokens: id, label, issued, revoked (never the secret)."""
    with planner_from_settings() as planner:
        if planner.app.find_account(email) is None:
            raise click.ClickException(f"email: there is no account for {email}")
        rows = planner.queries.api_tokens(email)
    if not rows:
        click.echo(f"{email.strip().lower()} has no API tokens.")
    for row in rows:
        state = "revoked" if row.revoked else "active"
        click.echo(f"{row.id}  {state:7}  issued {row.issued_at:%Y-%m-%d %H:%M} UTC  "
                   f"{row.name or '-'}")


@token.command("revoke")
@click.argument("token_id")
@click.option("--reason", default="", help="Why (kept in the log).")
def revoke(token_id: str, reason: str) -> None:
    """Revoke a token: requests with it are refused from now on."""
    with planner_from_settings() as planner:
        planner.app.revoke_api_token(token_id, actor=cli_actor(), reason=reason)
    click.echo(f"Token {token_id} revoked.")


COMMANDS: list[click.Command] = [token]
