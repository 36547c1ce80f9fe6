"""Audit screens: the log browser, record history, records and itineraries as of a moment, a
participant's calendar as it stood, and the integrity of the log (chain head, last check).

Auditors see all of it; organisers see the history and as-of views of what they plan (trips,
meetings, profiles, agreements, people) but not the log browser or staff accounts;
participants see none of it. Every page shown and every CSV export is recorded in the log.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, render_template, request
from werkzeug.exceptions import BadRequest, NotFound

from planner.audit import asof, chain, history, logquery, text, trail
from planner.domain.errors import NotFoundError, ValidationError
from planner.domain.values import zone as zone_name
from web import access, filters
from web.forms import whole_number
from web.layout import add_nav, add_slot
from web.wiring import actor, commands, page_number, planner

bp = Blueprint("audit", __name__, url_prefix="/audit")
add_nav("Audit", "audit.log", roles=(access.AUDITOR,), order=80)
add_slot("trip", "audit/_trip_box.html")
add_slot("meeting", "audit/_meeting_box.html")
PLANNED_KINDS = frozenset({"trip", "meeting", "company profile", "agreement", "person"})
FILTERS = ("record", "type", "actor", "kind", "since", "until")


@bp.app_template_filter("audit_until")
def _until(end: datetime, start: datetime, zone: str) -> str:
    """The end of a meeting: just the clock when it ends on the day it starts."""
    if end.astimezone(ZoneInfo(zone)).date() == start.astimezone(ZoneInfo(zone)).date():
        return filters.clock(end.astimezone(ZoneInfo(zone)))
    return filters.moment(end, zone)


def _may_see(user: access.User, record_id: str) -> bool:
    """Auditors: every record. Organisers: the records they plan. Participants: none."""
    if user.role == access.AUDITOR:
        return True
    return user.role == access.ORGANISER and _known(record_id) in PLANNED_KINDS


auditor = access.guard("auditor", lambda user, _: user.role == access.AUDITOR,
                       "Only auditors can browse the whole log.")
history_reader = access.guard(
    "history reader", lambda user, kw: _may_see(user, kw["record_id"]),
    "Auditors see every record's history; organisers the history of what they plan; "
    "participants none.")
planner_or_auditor = access.guard(
    "history reader", lambda user, _: user.sees_everything,
    "Only organisers and auditors can see how plans stood in the past.")


def _viewed(what: str) -> None:
    trail.record_viewed(commands(), actor(), what)


def _zone() -> str:
    """The zone to show times in (and to read times without an offset in)."""
    raw = request.args.get("zone", "").strip()
    if not raw:
        return planner().settings.default_timezone
    try:
        return zone_name("zone", raw)
    except ValidationError as error:
        raise BadRequest(str(error)) from None


def _moment(name: str = "at") -> Any:
    """The `at` argument ('2019-06-20' is the end of that day) in the viewer's zone."""
    return logquery.parse_moment(name, request.args.get(name, ""), zone=_zone(),
                                 end_of_day=True)


def _invalid(template: str, error: ValidationError, **context: Any) -> tuple[str, int]:
    return render_template(template, errors={error.field: error.rule}, **context), 422


def _filters() -> dict[str, str]:
    return {k: request.args.get(k, "").strip() for k in FILTERS}


def _make_filter(values: dict[str, str]) -> logquery.LogFilter:
    return logquery.make_filter(record=values["record"], event_type=values["type"],
                                actor=values["actor"], kind=values["kind"],
                                since=values["since"], until=values["until"], zone=_zone())


@bp.get("/log")
@auditor
def log() -> Any:
    values = _filters()
    context = {"filters": values, "zone": _zone(), "kinds": sorted(logquery.KIND_NAMES),
               "types": logquery.event_types(planner().engine)}
    try:
        flt = _make_filter(values)
    except ValidationError as error:
        return _invalid("audit/log.html", error, page=None, **context)
    page = logquery.browse(planner().engine, flt, page=page_number(), per_page=50,
                           newest_first=True)
    _viewed("log browser" + "".join(f", {k}={v}" for k, v in values.items() if v))
    return render_template("audit/log.html", page=page, errors={}, **context)


@bp.get("/log.csv")
@auditor
def log_csv() -> Any:
    values = _filters()
    try:
        flt = _make_filter(values)
    except ValidationError as error:
        return Response(f"{error}\n", status=422, mimetype="text/plain")
    out = io.StringIO()
    count = logquery.write_csv(logquery.iter_entries(planner().engine, flt), out)
    head = chain.chained_head(planner().engine)
    described = "".join(f", {k}={v}" for k, v in values.items() if v)
    trail.record_exported(commands(), actor(), f"log.csv (web{described})", str(head), count)
    return Response(out.getvalue().encode("utf-8"), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="planner-log.csv"'})


@bp.get("/integrity")
@auditor
def integrity() -> Any:
    head = chain.chained_head(planner().engine)
    last = trail.last_verification(planner())
    _viewed("log integrity")
    return render_template("audit/integrity.html", head=head, last=last, zone=_zone())


@bp.get("/records/<record_id>/history")
@history_reader
def record_history(record_id: str) -> Any:
    found = _found(lambda: history.record_history(planner(), record_id,
                                                  zone=_zone() if request.args.get("zone")
                                                  else None))
    _viewed(f"history of {found.kind} {found.record_id}")
    return render_template("audit/history.html", history=found, zone=_zone())


@bp.get("/records/<record_id>/as-of")
@history_reader
def record_as_of(record_id: str) -> Any:
    kind = _known(record_id)
    version = request.args.get("version", "").strip()
    context: dict[str, Any] = {"record_id": record_id, "kind": kind, "zone": _zone(),
                               "at": request.args.get("at", ""), "version": version}
    try:
        moment = _moment()
        number = whole_number(version) if version else None
        if version and number is None:
            raise ValidationError("version", f"must be a whole number from 1; got "
                                             f"{version[:40]!r}")
        record = _found(lambda: asof.record_as_of(
            planner(), record_id, at=moment, version=number)) if (moment or number) else None
    except ValidationError as error:
        return _invalid("audit/as_of.html", error, record=None, fields=[], **context)
    except NotFoundError as error:
        return _invalid("audit/as_of.html", ValidationError("at", error.rule), record=None,
                        fields=[], **context)
    fields = []
    if record is not None:
        _viewed(f"{record.kind} {record.record_id} as of "
                f"{context['at'] or 'version ' + version}")
        fields = text.record_fields(record, _zone(), history.names_for(planner()))
    return render_template("audit/as_of.html", record=record, fields=fields, errors={},
                           **context)


@bp.get("/trips/<trip_id>/as-of")
@planner_or_auditor
def itinerary(trip_id: str) -> Any:
    _existing(trip_id, "trip")
    return _as_of_page("audit/itinerary.html", "itinerary", f"itinerary of trip {trip_id}",
                       lambda moment: asof.trip_as_of(planner(), trip_id, moment),
                       trip_id=trip_id)


@bp.get("/people/<person_id>/calendar")
@planner_or_auditor
def calendar(person_id: str) -> Any:
    _existing(person_id, "person")
    return _as_of_page("audit/calendar.html", "schedule", f"calendar of person {person_id}",
                       lambda moment: asof.person_schedule_as_of(planner(), person_id, moment),
                       person_id=person_id)


def _as_of_page(template: str, name: str, what: str, load: Callable[[datetime], Any],
                **ids: str) -> Any:
    """`load(at)` shown as `name` in `template`; without `at`, the form to choose a moment.

    A moment before the record existed is a 422 naming `at`; any other absence is a 404.
    """
    context: dict[str, Any] = {**ids, "zone": _zone(), "at": request.args.get("at", "")}
    try:
        moment = _moment()
        shown = load(moment) if moment else None
    except ValidationError as error:
        return _invalid(template, error, **{name: None}, **context)
    except NotFoundError as error:
        if "did not exist yet" not in error.rule:
            raise NotFound(str(error)) from None
        return _invalid(template, ValidationError("at", error.rule), **{name: None}, **context)
    if shown is not None:
        _viewed(f"{what} as of {context['at']}")
    return render_template(template, errors={}, **{name: shown}, **context)


def _known(record_id: str) -> str:
    """The kind of the record the id names, or 404."""
    try:
        found = logquery.kind_of(planner().engine, str(UUID(str(record_id))))
    except ValueError:
        found = None
    if found is None:
        raise NotFound(f"There is no record with id {record_id}.")
    return found


def _existing(record_id: str, kind: str) -> None:
    """404 unless the id names a record of this kind."""
    if _known(record_id) != kind:
        raise NotFound(f"There is no {kind} with id {record_id}.")


def _found(load: Callable[[], Any]) -> Any:
    try:
        return load()
    except NotFoundError as error:
        if "did not exist yet" in error.rule or "at version" in error.rule:
            raise
        raise NotFound(str(error)) from None
    except ValidationError as error:
        raise NotFound(str(error)) from None
