"""The log browser: the whole log filtered by record, event type, actor and time window.

Reads the audit_log index that the follower keeps next to the chain, never the aggregates.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import IO, Any
from uuid import UUID
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.sql import Select

from planner.audit.follower import KINDS
from planner.audit.tables import audit_log
from planner.domain.errors import InvariantError, ValidationError
from planner.spreadsheet import safe_csv

MAX_PER_PAGE = 500
KIND_NAMES = tuple(sorted(set(KINDS.values())))
VIEW_EVENTS = ("AuditTrail.Viewed", "AuditTrail.Started")
CSV_COLUMNS = ("position", "occurred_at_utc", "actor", "record_kind", "record_id",
               "record_label", "record_version", "event_type", "reason")


@dataclass(frozen=True)
class LogFilter:
    """`record` matches the record and the records filed under it (a trip's meetings)."""

    record: str = ""
    event_type: str = ""
    actor: str = ""
    kind: str = ""
    since: datetime | None = None
    until: datetime | None = None
    hide_views: bool = False  # leave out auditors' page views (and the trails they start)


@dataclass(frozen=True)
class LogEntry:
    position: int
    occurred_at: datetime  # aware, UTC
    actor: str
    record_kind: str
    record_id: str
    record_label: str
    record_version: int
    event_type: str
    reason: str


@dataclass(frozen=True)
class LogPage:
    entries: tuple[LogEntry, ...]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def parse_moment(field: str, text: str, *, zone: str = "UTC",
                 end_of_day: bool = False) -> datetime | None:
    """'2019-06-20' or '2019-06-20T08:00' (in `zone` unless an offset is given); '' is none.

    With `end_of_day`, a bare date means the end of that day: --until 2019-06-20 includes
    everything on the 20th, and "as of 20 June" is the state at the close of the 20th.
    """
    text = (text or "").strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime.combine(day, time())
            if end_of_day:
                moment = datetime.combine(day, time.max)
        else:
            moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        raise ValidationError(field, "must be a date (YYYY-MM-DD) or a date and time "
                                     "(YYYY-MM-DDTHH:MM, in %(zone)s unless an offset is "
                                     "given); got %(text)r", zone=zone, text=text) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValidationError(field, "is too far in the past or future; got %(text)r",
                              text=text) from None


def make_filter(*, record: str = "", event_type: str = "", actor: str = "", kind: str = "",
                since: str = "", until: str = "", zone: str = "UTC",
                hide_views: bool = False) -> LogFilter:
    """A filter from text input (a form or the CLI); bad input names the field and the rule."""
    record = (record or "").strip()
    if record:
        try:
            record = str(UUID(record))
        except ValueError:
            raise ValidationError("record", "must be a record id (UUID); got %(record)r",
                                  record=record) from None
    start = parse_moment("since", since, zone=zone)
    end = parse_moment("until", until, zone=zone, end_of_day=True)
    if start and end and end <= start:
        raise ValidationError("until", "must be after since")
    return LogFilter(record=record, event_type=(event_type or "").strip(),
                     actor=(actor or "").strip(), kind=(kind or "").strip().lower(),
                     since=start, until=end, hide_views=hide_views)


def _require(engine: Engine | None) -> Engine:
    if engine is None:
        raise InvariantError("database", "the log browser needs a SQL database "
                                         "(it is not available on in-memory storage)")
    return engine


def _where(query: Select[Any], flt: LogFilter,
           visible: ColumnElement[bool] | None = None) -> Select[Any]:
    """`visible`: only the events of records the viewer may see (planner.audit.visibility);
    None: every event."""
    c = audit_log.c
    if visible is not None:
        query = query.where(visible)
    if flt.record:
        query = query.where(or_(c.record_id == flt.record, c.parent_id == flt.record))
    if flt.event_type:
        wanted = flt.event_type
        query = query.where(or_(func.lower(c.event_type) == wanted.lower(),
                                func.lower(c.event_type).like(f"%.{wanted.lower()}")))
    if flt.actor:
        query = query.where(func.lower(c.actor) == flt.actor.lower())
    if flt.kind:
        query = query.where(c.record_kind == flt.kind)
    if flt.since:
        query = query.where(c.occurred_at >= flt.since.replace(tzinfo=None))
    if flt.until:
        query = query.where(c.occurred_at <= flt.until.replace(tzinfo=None))
    if flt.hide_views:
        query = query.where(c.event_type.not_in(VIEW_EVENTS))
    return query


def _entry(row: Any) -> LogEntry:
    return LogEntry(int(row.position), row.occurred_at.replace(tzinfo=UTC), row.actor,
                    row.record_kind, row.record_id, row.label, int(row.record_version),
                    row.event_type, row.reason)


def browse(engine: Engine | None, flt: LogFilter, *, page: int = 1, per_page: int = 50,
           newest_first: bool = False,
           visible: ColumnElement[bool] | None = None) -> LogPage:
    engine = _require(engine)
    if isinstance(page, bool) or not isinstance(page, int) or page < 1:
        raise ValidationError("page", "must be a whole number from 1; got %(page)r", page=page)
    if isinstance(per_page, bool) or not isinstance(per_page, int) or not (
            1 <= per_page <= MAX_PER_PAGE):
        raise ValidationError("per_page", "must be between 1 and %(max_per_page)s; got "
                                          "%(per_page)r", max_per_page=MAX_PER_PAGE,
                                          per_page=per_page)
    order = audit_log.c.position.desc() if newest_first else audit_log.c.position
    with engine.connect() as conn:
        total = conn.execute(_where(select(func.count()).select_from(audit_log), flt,
                                    visible)).scalar()
        rows = conn.execute(_where(select(audit_log), flt, visible).order_by(order)
                            .limit(per_page).offset((page - 1) * per_page)).all()
    return LogPage(tuple(_entry(r) for r in rows), page, per_page, int(total or 0))


def iter_entries(engine: Engine | None, flt: LogFilter, batch: int = 1000,
                 visible: ColumnElement[bool] | None = None) -> Iterator[LogEntry]:
    """Every matching entry in log order, streamed in batches (for CSV export); `visible`
    as for `browse`."""
    engine = _require(engine)
    after = 0
    while True:
        with engine.connect() as conn:
            rows = conn.execute(_where(select(audit_log), flt, visible)
                                .where(audit_log.c.position > after)
                                .order_by(audit_log.c.position).limit(batch)).all()
        if not rows:
            return
        yield from (_entry(r) for r in rows)
        after = rows[-1].position


def write_csv(entries: Iterator[LogEntry], out: IO[str]) -> int:
    """The entries as CSV, formula-safe: actors, labels and reasons are typed by people."""
    writer = safe_csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for e in entries:
        writer.writerow([e.position, e.occurred_at.isoformat(), e.actor, e.record_kind,
                         e.record_id, e.record_label, e.record_version, e.event_type, e.reason])
        count += 1
    return count


def label_of(engine: Engine | None, record_id: str) -> str | None:
    """The latest name or title the log gives a record (for showing ids as names)."""
    if engine is None:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(audit_log.c.label).where(audit_log.c.record_id == record_id)
                           .order_by(audit_log.c.position.desc()).limit(1)).first()
    return row[0] if row and row[0] else None


def positions_of(engine: Engine | None, record_id: str) -> dict[int, int]:
    """version -> log position of one record's events."""
    if engine is None:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(select(audit_log.c.record_version, audit_log.c.position)
                            .where(audit_log.c.record_id == record_id)).all()
    return {int(v): int(p) for v, p in rows}


def kind_of(engine: Engine | None, record_id: str) -> str | None:
    """'trip', 'meeting', 'account'... of a record, from the log index (None if unknown)."""
    if engine is None:
        return None
    with engine.connect() as conn:
        return conn.execute(select(audit_log.c.record_kind)
                            .where(audit_log.c.record_id == record_id).limit(1)).scalar()


def is_visible(engine: Engine | None, visible: ColumnElement[bool] | None, *,
               record_id: str | None = None, position: int | None = None) -> bool:
    """Whether the log has an event of this record (or at this position) that `visible`
    admits (None: any event)."""
    if engine is None:
        return False
    c = audit_log.c
    query = select(c.position)
    if record_id is not None:
        query = query.where(c.record_id == record_id)
    if position is not None:
        query = query.where(c.position == position)
    if visible is not None:
        query = query.where(visible)
    with engine.connect() as conn:
        return conn.execute(query.limit(1)).first() is not None


def visible_among(engine: Engine | None, visible: ColumnElement[bool] | None,
                  record_ids: list[str]) -> set[str]:
    """Those of `record_ids` that have an event `visible` admits."""
    if engine is None or not record_ids:
        return set()
    c = audit_log.c
    query = select(c.record_id).where(c.record_id.in_(record_ids)).distinct()
    if visible is not None:
        query = query.where(visible)
    with engine.connect() as conn:
        return set(conn.execute(query).scalars())


def event_types(engine: Engine | None) -> list[str]:
    """Every event type the log holds, for a filter's choices."""
    engine = _require(engine)
    with engine.connect() as conn:
        return list(conn.execute(select(audit_log.c.event_type).distinct()
                                 .order_by(audit_log.c.event_type)).scalars())
