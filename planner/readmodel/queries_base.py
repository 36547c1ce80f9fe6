"""What every query module shares: connections, argument checks, paging, common row builders."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from enum import StrEnum
from typing import Any, Protocol
from uuid import UUID

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection, Engine, RowMapping

from planner.domain.errors import ValidationError, Words
from planner.readmodel import tables as t
from planner.readmodel.keys import fold, uid
from planner.readmodel.rows import Page, TripRow

MAX_PER_PAGE = 200


class WarningRules(Protocol):
    """The part of Settings that warnings need (Settings itself satisfies it)."""

    working_day_start: Any
    working_day_end: Any

    def travel_minutes_between(self, city_a: str, city_b: str) -> int: ...


def record_id(field: str, value: UUID | str) -> str:
    """A record id as stored (text), or a clear error naming the field."""
    if isinstance(value, UUID):
        return str(value)
    try:
        return str(UUID(str(value).strip()))
    except ValueError:
        raise ValidationError(field, "must be a record id (UUID); got %(value)r",
                              value=value) from None


def optional_choice(field: str, value: str | None, enum: type[StrEnum]) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        return enum(str(value).strip()).value
    except ValueError:
        allowed = Words(m.value for m in enum)
        raise ValidationError(field, "must be one of %(allowed)s; got %(value)r",
                              allowed=allowed, value=value) from None


def optional_key(value: str | None) -> str | None:
    """A filter text as a search key, or None when blank."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError("filter", "must be text, got %(type)s", type=type(value).__name__)
    key = fold(value)
    return key or None


def optional_year(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise ValidationError("year", "must be a year such as 2019; got %(value)r",
                              value=value) from None
    if not 1900 <= year <= 2200:
        raise ValidationError("year", "must be between 1900 and 2200; got %(year)s", year=year)
    return year


def paging(page: int, per_page: int) -> tuple[int, int]:
    for field, value, high in (("page", page, None), ("per_page", per_page, MAX_PER_PAGE)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(field, "must be a whole number of at least 1; got %(value)r",
                                  value=value)
        if high is not None and value > high:
            raise ValidationError(field, "must be at most %(high)s; got %(value)s",
                                  high=high, value=value)
    return page, per_page


@contextmanager
def read_snapshot(engine: Engine) -> Iterator[Connection]:
    """One read transaction, so every statement in it sees the same consistent snapshot."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            with conn.begin():
                conn.exec_driver_sql("BEGIN")  # the driver itself begins only for writes
                yield conn
        else:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn


class QueryBase:
    def __init__(self, engine: Engine, settings: WarningRules | None = None) -> None:
        self.engine = engine
        self.settings = settings

    def _connect(self) -> AbstractContextManager[Connection]:
        """One read transaction per query, so its statements see one consistent snapshot."""
        return read_snapshot(self.engine)

    def position(self) -> int:
        """The id of the last event applied to the read models."""
        with self._connect() as conn:
            value = conn.execute(select(t.position.c.position)).scalar()
        return int(value or 0)

    # -- helpers --------------------------------------------------------------------------
    @staticmethod
    def _page(conn: Connection, query: Select[Any], page: int, per_page: int,
              build: Any) -> Page[Any]:
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        rows = conn.execute(query.limit(per_page).offset((page - 1) * per_page)).mappings()
        return Page(items=tuple(build(conn, list(rows))), page=page, per_page=per_page,
                    total=int(total))

    @staticmethod
    def _cities(conn: Connection, trip_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        ids = list(trip_ids)
        cities: dict[str, list[str]] = {i: [] for i in ids}
        if ids:
            query = (select(t.legs.c.trip_id, t.legs.c.city).where(t.legs.c.trip_id.in_(ids))
                     .order_by(*LEGS_IN_ORDER))
            for trip_id, city in conn.execute(query):
                if city not in cities[trip_id]:
                    cities[trip_id].append(city)
        return {i: tuple(c) for i, c in cities.items()}

    def _trip_rows(self, conn: Connection, rows: Sequence[RowMapping]) -> list[TripRow]:
        cities = self._cities(conn, (r["id"] for r in rows))
        return [trip_row(r, cities[r["id"]]) for r in rows]

    @staticmethod
    def _names(conn: Connection, person_ids: Iterable[str]) -> dict[str, str]:
        ids = sorted(set(person_ids))
        if not ids:
            return {}
        query = select(t.people.c.id, t.people.c.name).where(t.people.c.id.in_(ids))
        return dict(conn.execute(query).tuples().all())


def trip_row(r: RowMapping, cities: tuple[str, ...]) -> TripRow:
    return TripRow(id=uid(r["id"]), title=r["title"], organiser=r["organiser"],
                   direction=r["direction"], status=r["status"], starts_on=r["starts_on"],
                   ends_on=r["ends_on"], home_timezone=r["home_timezone"], cities=cities,
                   version=r["version"], owner_org_id=r["owner_org_id"],
                   language=r.get("language") or "")


NEWEST_TRIPS_FIRST = (t.trips.c.starts_on.desc(), t.trips.c.created_seq.desc())
LEGS_IN_ORDER = (t.legs.c.arrives_on, t.legs.c.departs_on, t.legs.c.leg_id)
