"""What every event of an imported log must be, beyond an intact chain.

A file can pass `planner log verify FILE` and still not be a log this planner can hold: a
forger (or a bug) may have recomputed every link after duplicating an event, dropping one, or
writing an event type or field that does not exist. Each check names the line and the rule.
"""

from __future__ import annotations

import dataclasses
import typing
from datetime import date, datetime
from functools import cache
from typing import Any
from uuid import UUID

from eventsourcing.domain import DomainEvent
from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.utils import TopicError, resolve_topic

from planner.audit.chain import StoredRow

_SIMPLE = (str, int, bool, float, datetime, date, UUID, list, dict, tuple)


class BadEvent(Exception):
    """One line of the file breaks a rule (the message says which)."""


@cache
def _event_class(topic: str) -> type:
    try:
        cls = resolve_topic(topic)
    except (TopicError, ValueError, ImportError, AttributeError):
        raise BadEvent(f"unknown event type {topic!r}") from None
    if not (isinstance(cls, type) and issubclass(cls, DomainEvent)
            and cls.__module__.startswith("planner.domain.")):
        raise BadEvent(f"{topic!r} is not an event type of this planner")
    return cls


@cache
def _fields(cls: type) -> dict[str, type | None]:
    """Field name -> the plain type its value must have (None: not checked)."""
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # noqa: BLE001 - unresolvable hints: check names only
        hints = {}
    found: dict[str, type | None] = {}
    for field in dataclasses.fields(cls):
        hint = hints.get(field.name)
        origin = typing.get_origin(hint) or hint
        found[field.name] = origin if isinstance(origin, type) and origin in _SIMPLE else None
    return found


def _type_name(cls: type) -> str:
    return cls.__qualname__


class EventChecker:
    """Checks the events of one file in order; keeps each record's state to replay it."""

    def __init__(self, mapper: Mapper[Any]) -> None:
        self.mapper = mapper
        self.versions: dict[str, tuple[int, int]] = {}  # record id -> (version, line)
        self.records: dict[str, Any] = {}

    def check(self, line: int, row: StoredRow) -> Any:
        """The decoded event of one line, or BadEvent naming the rule it breaks."""
        cls = _event_class(row.topic)
        try:
            record = str(UUID(row.originator_id))
        except ValueError:
            raise BadEvent(f"originator_id {row.originator_id!r} is not a record id "
                           "(UUID)") from None
        self._check_version(record, row.originator_version, line)
        event = self._decode(cls, row)
        self._check_fields(cls, event)
        self._replay(record, cls, event)
        return event

    def _check_version(self, record: str, version: int, line: int) -> None:
        last, where = self.versions.get(record, (0, 0))
        if version <= last:
            raise BadEvent(f"record {record} version {version} is already on line {where} "
                           "(duplicate event)")
        if version != last + 1:
            expected = f"version {last + 1}" + (f" (line {where} has {last})" if last else
                                                " (its first event)")
            raise BadEvent(f"record {record} jumps to version {version}, expected {expected}: "
                           "an event is missing")
        self.versions[record] = (version, line)

    def _decode(self, cls: type, row: StoredRow) -> Any:
        try:
            return self.mapper.to_domain_event(StoredEvent(
                originator_id=UUID(row.originator_id), originator_version=row.originator_version,
                topic=row.topic, state=row.state))
        except Exception as error:  # noqa: BLE001 - any failure: the payload is unreadable
            cause = error.__cause__ or error
            raise BadEvent(f"field 'state' is not a readable {_type_name(cls)} event "
                           f"({type(cause).__name__}: {cause})") from None

    def _check_fields(self, cls: type, event: Any) -> None:
        fields = _fields(cls)
        given = vars(event)
        unknown = sorted(set(given) - set(fields))
        if unknown:
            raise BadEvent(f"unknown field(s) {', '.join(map(repr, unknown))} in a "
                           f"{_type_name(cls)} event")
        missing = [name for name in fields if name not in given]
        if missing:
            raise BadEvent(f"field(s) {', '.join(map(repr, missing))} of a {_type_name(cls)} "
                           "event are missing")
        for name, kind in fields.items():
            value = given[name]
            if kind is None or value is None or isinstance(value, kind):
                continue
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                continue
            raise BadEvent(f"field {name!r} of a {_type_name(cls)} event must be a "
                           f"{kind.__name__}, not {type(value).__name__}")

    def _replay(self, record: str, cls: type, event: Any) -> None:
        try:
            self.records[record] = event.mutate(self.records.get(record))
        except Exception as error:  # noqa: BLE001 - the record cannot take this event
            raise BadEvent(f"a {_type_name(cls)} event cannot be applied to record {record} "
                           f"at version {event.originator_version} "
                           f"({type(error).__name__}: {error})") from None
