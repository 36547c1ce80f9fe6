"""The log index (audit_log): who did what to which record, when and why, one row per event.

Derived from the stored events like any read model; the chain's step writes the rows in the
command's transaction and `planner log verify` recomputes them from the events to find edits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.engine import Connection

from planner.audit.chain import StoredRow
from planner.audit.tables import audit_log

Decode = Callable[[bytes], dict[str, Any]]
Known = dict[str, tuple[str, str]]
"""Each record's label and parent so far: a row carries them on from the record's last row."""

KINDS = {"Trip": "trip", "Meeting": "meeting", "CompanyProfile": "company profile",
         "Agreement": "agreement", "Person": "person", "Account": "account",
         "AuditTrail": "audit trail", "Organisation": "organisation", "ApiToken": "API token",
         "Matchmaking": "matchmaking", "Invitation": "invitation",
         "AccountPreferences": "account preferences"}
_LABEL_FIELDS = ("name", "title", "owner", "email")  # a person has a name and a job title
COLUMNS = ("record_id", "record_kind", "record_version", "event_type", "actor", "occurred_at",
           "reason", "label", "parent_id")


def event_type(topic: str) -> str:
    """'planner.domain.meeting:Meeting.Moved' -> 'Meeting.Moved'."""
    return topic.rpartition(":")[2]


def kind_name(class_name: str) -> str:
    """'CompanyProfile' -> 'company profile': the kind of record an aggregate class holds."""
    return KINDS.get(class_name, class_name.lower())


def record_kind(topic: str) -> str:
    return kind_name(event_type(topic).partition(".")[0])


_LAST_OF_ONE = (select(audit_log.c.label, audit_log.c.parent_id)
                .where(audit_log.c.record_id == bindparam("record_id"))
                .order_by(audit_log.c.record_version.desc()).limit(1))
"""Built once: reusing the statement spares SQLAlchemy its cache key on every command."""


def earlier_records(rows: list[StoredRow]) -> list[str]:
    """The records of `rows` that have index rows from before (not created in `rows`)."""
    new = {r.originator_id for r in rows if r.originator_version == 1}
    return sorted({r.originator_id for r in rows} - new)


def known_for(conn: Connection, rows: list[StoredRow]) -> Known:
    """The label and parent of the records in `rows`, from each record's last index row."""
    ids = earlier_records(rows)
    if len(ids) <= 3:  # a command's usual case: one statement per record, by the index
        known: Known = {}
        for record_id in ids:
            found = conn.execute(_LAST_OF_ONE, {"record_id": record_id}).first()
            if found is not None:
                known[record_id] = (found[0], found[1])
        return known
    c = audit_log.c
    # Only each record's last row: a long-lived record (an auditor's trail grows with every
    # page viewed) would otherwise have its whole history read again on every save.
    last = (select(c.record_id, func.max(c.record_version).label("version"))
            .where(c.record_id.in_(ids)).group_by(c.record_id).subquery())
    return {record_id: (label, parent) for record_id, label, parent in conn.execute(
        select(c.record_id, c.label, c.parent_id).join(
            last, and_(c.record_id == last.c.record_id, c.record_version == last.c.version)))}


def index_row(row: StoredRow, known: Known, decode: Decode) -> dict[str, Any]:
    """Who did what to which record, when and why (updates `known`)."""
    try:
        state = decode(row.state)
    except Exception:  # noqa: BLE001 - an undecodable payload is still chained and listed
        state = {}
    if not isinstance(state, dict):
        state = {}
    record_id = row.originator_id
    label, parent = known.get(record_id, ("", ""))
    if row.originator_version == 1 or event_type(row.topic).endswith(".DetailsChanged"):
        # Only the record's own fields name it: a PartyAdded or ContactAdded event has a
        # `name` too, but it is the party's or the contact's.
        label = next((str(state[f]) for f in _LABEL_FIELDS if state.get(f)), label)
    parent = str(state.get("trip_id") or "") or parent
    known[record_id] = (label, parent)
    stamp = state.get("timestamp")
    occurred = (stamp.astimezone(UTC).replace(tzinfo=None) if isinstance(stamp, datetime)
                else datetime(1970, 1, 1))
    return {"position": row.position, "record_id": record_id,
            "record_kind": record_kind(row.topic), "record_version": row.originator_version,
            "event_type": event_type(row.topic), "actor": str(state.get("actor", "")),
            "occurred_at": occurred, "reason": str(state.get("reason", "")),
            "label": label[:500], "parent_id": parent}


def index_rows(conn: Connection, rows: list[StoredRow], decode: Decode,
               known: Known | None = None) -> list[dict[str, Any]]:
    """Index rows for events stored after those already indexed, in log order (`known`: the
    records' labels and parents, if the caller read them already)."""
    known = known_for(conn, rows) if known is None else known
    return [index_row(row, known, decode) for row in rows]


def difference(stored: Any, expected: dict[str, Any]) -> str:
    """'' when an index row says what its event says, else the first column that differs."""
    for name in COLUMNS:
        have, want = getattr(stored, name), expected[name]
        if isinstance(have, datetime) and have.tzinfo is not None:
            have = have.astimezone(UTC).replace(tzinfo=None)
        if have != want:
            return f"{name} is {have!r} but the event says {want!r}"
    return ""
