"""The language an account chose, by its e-mail address (rm_account_languages), and the one a
trip chose (rm_trips.language)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from planner.i18n import LANGUAGES
from planner.readmodel import tables as t


def account_language(conn: Connection, email: str) -> str | None:
    """The language the account of this address chose (de/en/zh), or None."""
    if "@" not in (email or ""):
        return None
    chosen = conn.execute(select(t.account_languages.c.language).where(
        t.account_languages.c.email == email.strip().lower())).scalar()
    return chosen if chosen in LANGUAGES else None


def trip_language(conn: Connection, trip_id: object) -> str:
    """The language the trip chose for its calendar (Trip.LanguageSet), or "" for none."""
    return conn.execute(select(t.trips.c.language).where(
        t.trips.c.id == str(trip_id))).scalar() or ""


def languages_of(engine: Engine):  # noqa: ANN201 - a lookup for planner.i18n.whose
    """A lookup of account languages that opens its own connection for each address."""
    def lookup(email: str) -> str | None:
        with engine.connect() as conn:
            return account_language(conn, email)
    return lookup
