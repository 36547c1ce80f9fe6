"""The read-model tables: plain rows derived from the event log, disposable and rebuildable.

Every table has the `rm_` prefix and lives in the same database as `planner_events`. Rows hold
only what the events say (event timestamps, never the wall clock), so a rebuild gives exactly
the same rows. Instants are stored as naive UTC; zone names are separate columns. Ordering
within a record (members, attendees, contacts...) uses `seq`, the notification id of the event
that put the row there.

Bump SCHEMA_VERSION whenever a table or a handler changes what is stored: start-up then
rebuilds the read models from the log instead of asking for a migration.

The tables are defined by group in tables_trips, tables_people, tables_meetings,
tables_records and tables_warnings, all on one MetaData (table_columns); they are all named
here, so `from planner.readmodel import tables as t; t.warnings` finds any of them.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, String, Table

from planner.readmodel.table_columns import (  # noqa: F401 - named here for every reader
    ID,
    _changed,
    _id,
    _text,
    metadata,
)
from planner.readmodel.tables_meetings import (  # noqa: F401 - named here for every reader
    answers,
    attendees,
    followups,
    ideas,
    meeting_agreements,
    meeting_changes,
    meetings,
    outcomes,
)
from planner.readmodel.tables_people import (  # noqa: F401 - named here for every reader
    account_languages,
    accounts,
    api_tokens,
    invitations,
    people,
)
from planner.readmodel.tables_records import (  # noqa: F401 - named here for every reader
    agreements,
    contacts,
    milestones,
    parties,
    profile_interests,
    profile_sectors,
    profile_versions,
    profiles,
    signatories,
)
from planner.readmodel.tables_trips import (  # noqa: F401 - named here for every reader
    handovers,
    legs,
    members,
    organisations,
    travel_times,
    trip_readers,
    trip_shares,
    trips,
)
from planner.readmodel.tables_warnings import (  # noqa: F401 - named here for every reader
    plan_spans,
    warnings,
)

SCHEMA_VERSION = 16
PREFIX = "rm_"

schema = Table("rm_schema", metadata, Column("version", Integer, primary_key=True))

position = Table(
    "rm_position", metadata,
    Column("name", String(64), primary_key=True),
    Column("position", BigInteger, nullable=False),
)
