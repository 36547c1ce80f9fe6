"""Which rows of the log index (audit_log) a viewer may see: the organisation rules of
planner.organisations, as one SQL condition on the index.

A row is the event of one record; it is visible when the record is, by today's sharing and
ownership (a share granted later shows the trip's earlier history too; a share ended hides
it again):

- trips the viewer's organisation may read (planner.organisations.scope.visible_trip_ids),
  and the meetings and matchmaking conferences filed under them (the index's parent_id is
  their trip);
- company profiles, agreements and people per scope.profiles_clause, agreements_clause and
  people_clause;
- accounts per scope.accounts_clause (an auditor: their own organisation's);
- organisations: every staff member lists them, so every staff member sees their history;
- audit trails (what someone viewed, exported, verified): the trail of an account the viewer
  sees, except the trails of global auditors, which name records of every organisation and
  are shown to global auditors only; trails of command-line jobs ("cli:alice") likewise.

A global auditor sees every row. The condition is built from subqueries on the read-model
tables (same database), so counting and paging happen in the database.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select, true

from planner.audit.tables import audit_log
from planner.domain.account import Role
from planner.organisations import scope
from planner.organisations.access import Viewer
from planner.readmodel import tables as t

TRIP, MEETING, PROFILE, AGREEMENT, PERSON = (
    "trip", "meeting", "company profile", "agreement", "person")
ACCOUNT, ORGANISATION, TRAIL = "account", "organisation", "audit trail"
API_TOKEN = "API token"
MATCHMAKING = "matchmaking"
PLANNED_KINDS = frozenset({TRIP, MEETING, PROFILE, AGREEMENT, PERSON, ORGANISATION,
                           MATCHMAKING})
"""What organisers see the history and as-of views of (what they may read)."""
_PROBLEM = re.compile(r"^position (\d+): (\w+): ")


def history_kinds(viewer: Viewer) -> frozenset[str] | None:
    """The kinds of record whose history the viewer may open at all (None: every kind);
    which records of those kinds is `visible_clause`'s answer."""
    if viewer.role == Role.AUDITOR:
        return None
    if viewer.role == Role.ADMINISTRATOR:
        return PLANNED_KINDS | {ACCOUNT, API_TOKEN}
    if viewer.role == Role.ORGANISER:
        return PLANNED_KINDS
    return frozenset()


def _of_kind(kind: str, condition: ColumnElement[bool] | None) -> ColumnElement[bool]:
    c = audit_log.c
    return c.record_kind == kind if condition is None else and_(c.record_kind == kind,
                                                                condition)


def _ids(table: object, clause: ColumnElement[bool] | None) -> ColumnElement[bool]:
    query = select(table.c.id)  # type: ignore[attr-defined]
    if clause is not None:
        query = query.where(clause)
    return audit_log.c.record_id.in_(query)


def _account_ids(accounts: ColumnElement[bool] | None) -> Any:
    query = select(t.accounts.c.id)
    return query if accounts is None else query.where(accounts)


def visible_clause(viewer: Viewer) -> ColumnElement[bool] | None:
    """A condition on audit_log rows: the events of records the viewer may see (None:
    every event, for a global auditor)."""
    if viewer.sees_every_organisation:
        return None
    kinds = history_kinds(viewer)
    if not viewer.is_staff or kinds == frozenset():
        return false()
    c = audit_log.c
    trips = scope.visible_trip_ids(viewer)
    assert trips is not None  # only a global auditor sees every trip
    trails = select(func.lower(t.accounts.c.email)).where(~t.accounts.c.global_auditor)
    accounts = scope.accounts_clause(viewer)
    if accounts is not None:
        trails = trails.where(accounts)
    parts = {
        TRIP: c.record_id.in_(trips),
        MEETING: c.parent_id.in_(trips),
        MATCHMAKING: c.parent_id.in_(trips),
        PROFILE: _ids(t.profiles, scope.profiles_clause(viewer)),
        AGREEMENT: _ids(t.agreements, scope.agreements_clause(viewer)),
        PERSON: _ids(t.people, scope.people_clause(viewer)),
        ACCOUNT: _ids(t.accounts, accounts),
        API_TOKEN: c.record_id.in_(select(t.api_tokens.c.id).where(
            t.api_tokens.c.account_id.in_(_account_ids(accounts)))),
        ORGANISATION: true(),
        TRAIL: func.lower(c.label).in_(trails),
    }
    return or_(*(_of_kind(kind, condition) for kind, condition in parts.items()
                 if kinds is None or kind in kinds))


def problem_for(viewer: Viewer, problem: str, visible: bool) -> str:
    """A verification's finding as the viewer may read it: in full when the event at the
    first bad position is one they may see (`visible`) or they see everything; otherwise
    only where and what kind of break (the details quote the record's index row)."""
    match = _PROBLEM.match(problem or "")
    if match is None or visible or viewer.sees_every_organisation:
        return problem
    return (f"position {match[1]}: {match[2]}: the event there belongs to a record your "
            "organisation cannot see; a global auditor can read the details")


def problem_position(problem: str) -> int | None:
    """The first bad position a verification's finding names (None if it names none)."""
    match = _PROBLEM.match(problem or "")
    return int(match[1]) if match else None
