"""Audit screens: the log browser, record history, records and itineraries as of a moment, a
participant's calendar as it stood, and the integrity of the log (head, verification).

Auditors see the events of the records their organisation may see (a global auditor: all of
them); organisers and administrators see the history and as-of views of what they may read
(trips, meetings, profiles, agreements, people, organisations; administrators also accounts)
but not the log browser; participants see none of it. Which records is
planner.audit.visibility's rule (in SQL); a record the viewer may not see is answered like
one that does not exist (404). Every auditor may verify the whole chain and see whether it
is intact; the details of a break only when it is in a record they may see.

Every page an auditor opens and every CSV export is recorded in the log, but only when the
request comes from the planner's own pages or the address bar (`Sec-Fetch-Site`): a link on
another site must not make a signed-in auditor write events. Everything goes through the
AuditDesk (`web.wiring.audit()`), never the engine.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, g, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from werkzeug.exceptions import BadRequest, Forbidden, NotFound

from planner.audit import logquery, moments, visibility
from planner.domain.errors import NotFoundError, ValidationError
from planner.domain.values import zone as zone_name
from web import access, filters
from web.errors import error_page
from web.forms import whole_number
from web.layout import add_nav, add_slot
from web.refusals import domain_message, request_translator
from web.wiring import actor, audit, page_number
from web.words import word

bp = Blueprint("audit", __name__, url_prefix="/audit")
add_nav(lazy_gettext("Audit"), "audit.log", roles=(access.AUDITOR,), order=80)
add_slot("trip", "audit/_trip_box.html")
add_slot("meeting", "audit/_meeting_box.html")
FILTERS = ("record", "type", "actor", "kind", "since", "until", "views")
CROSS_SITE = "cross-site"


@bp.app_template_filter("audit_until")
def _until(end: datetime, start: datetime, zone: str) -> str:
    """The end of a meeting: just the clock when it ends on the day it starts."""
    if end.astimezone(ZoneInfo(zone)).date() == start.astimezone(ZoneInfo(zone)).date():
        return filters.clock(end.astimezone(ZoneInfo(zone)))
    return filters.moment(end, zone)


bp.add_app_template_filter(moments.just_before, "just_before")


NO_RECORD = lazy_gettext("There is no such record: the address may be mistyped, or the record "
                         "is not in this planner's log.")


def _may_see(user: access.User, record_id: str) -> bool:
    """Participants: no record (403). Organisers and administrators: the kinds of record
    they read (403 for other kinds). Then the organisation rules: a record the user may not
    see is answered as if it did not exist (404)."""
    kinds = visibility.history_kinds(user.viewer)
    if kinds == frozenset():
        return False
    kind = _known(record_id)
    if kinds is not None and kind not in kinds:
        return False
    _visible(user, record_id)
    return True


def _visible(user: access.User, record_id: str) -> None:
    if not audit().may_see(user.viewer, record_id):
        raise NotFound(NO_RECORD)


auditor = access.guard("auditor", lambda user, _: user.role == access.AUDITOR,
                       lazy_gettext("Only auditors can browse the whole log."))
history_reader = access.guard(
    "history reader", lambda user, kw: _may_see(user, kw["record_id"]),
    lazy_gettext("Auditors see the history of their organisation's records; organisers the "
                 "history of what they may read; participants none."))
planner_or_auditor = access.guard(
    "history reader", lambda user, _: user.viewer.is_staff,
    lazy_gettext("Only organisers and auditors can see how plans stood in the past."))


def _cross_site() -> bool:
    """A request another site started (a link or form elsewhere), by the browser's word.
    Requests without the header (older browsers, scripts) count as the user's own."""
    return request.headers.get("Sec-Fetch-Site", "").strip().lower() == CROSS_SITE


def _viewed(what: str) -> None:
    if not _cross_site():
        audit().record_viewed(actor(), what)


def _zone() -> str:
    """The zone to show times in (and to read times without a zone in)."""
    raw = request.args.get("zone", "").strip()
    if not raw:
        return audit().default_zone
    try:
        return zone_name("zone", raw)
    except ValidationError as error:
        raise BadRequest(domain_message(error, with_field=True)) from None


def _invalid(template: str, error: ValidationError, **context: Any) -> tuple[str, int]:
    return render_template(template, errors={error.field: domain_message(error)},
                           **context), 422


def _filters() -> dict[str, str]:
    return {k: request.args.get(k, "").strip() for k in FILTERS}


def _make_filter(values: dict[str, str]) -> logquery.LogFilter:
    return logquery.make_filter(record=values["record"], event_type=values["type"],
                                actor=values["actor"], kind=values["kind"],
                                since=values["since"], until=values["until"], zone=_zone(),
                                hide_views=values["views"] != "shown")


def _described(values: dict[str, str]) -> str:
    return "".join(f", {k}={v}" for k, v in values.items() if v)


@bp.get("/log")
@auditor
def log() -> Any:
    values = _filters()
    context = {"filters": values, "zone": _zone(), "kinds": sorted(logquery.KIND_NAMES),
               "types": audit().event_types()}
    try:
        flt = _make_filter(values)
    except ValidationError as error:
        return _invalid("audit/log.html", error, page=None, names={}, **context)
    page = audit().browse(flt, page_number(), viewer=g.user.viewer)
    _viewed("log browser" + _described(values))
    return render_template("audit/log.html", page=page, errors={},
                           names=audit().actor_names([e.actor for e in page.entries]), **context)


@bp.get("/log.csv")
@auditor
def log_csv() -> Any:
    if _cross_site():  # an export is recorded: only the auditor's own click may make one
        raise Forbidden(gettext("Start the CSV export from the log page of the planner itself."))
    values = _filters()
    try:
        flt = _make_filter(values)
    except ValidationError as error:
        return Response(f"{error}\n", status=422, mimetype="text/plain")
    out = io.StringIO()
    count = audit().write_csv(flt, out, viewer=g.user.viewer)
    audit().record_exported(actor(), f"log.csv (web{_described(values)})", count)
    return Response(out.getvalue().encode("utf-8"), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="planner-log.csv"'})


@bp.get("/integrity")
@auditor
def integrity() -> Any:
    _viewed("log integrity")
    last, job = audit().last_verification(), audit().latest_verification_job()
    if last is not None:
        last = replace(last, detail=audit().verification_problem(g.user.viewer, last.detail))
    if job is not None:
        job = replace(job, problem=audit().verification_problem(g.user.viewer, job.problem))
    return render_template("audit/integrity.html", head=audit().head(), zone=_zone(),
                           last=last, job=job, actors=audit().actor_names(
                               [x.actor for x in (last, job) if x is not None]))


@bp.post("/integrity/verify")
@auditor
def verify() -> Any:
    job = audit().start_verification(actor())
    return redirect(url_for("audit.verification", job_id=job.id), code=303)


@bp.get("/integrity/verifications/<job_id>")
@auditor
def verification(job_id: str) -> Any:
    job = audit().verification(job_id)
    if job is None:
        raise NotFound(gettext("There is no such verification; start a new one on the "
                               "integrity page."))
    job = replace(job, problem=audit().verification_problem(g.user.viewer, job.problem))
    return render_template("audit/verification.html", job=job, zone=_zone(),
                           actors=audit().actor_names([job.actor]))


@bp.get("/records/<record_id>/history")
@history_reader
def record_history(record_id: str) -> Any:
    zone = _zone() if request.args.get("zone") else None
    found = _found(lambda: audit().record_history(record_id, zone, request_translator()))
    _viewed(f"history of {found.kind} {found.record_id}")
    return render_template("audit/history.html", history=found, zone=_zone(),
                           actors=audit().actor_names([e.actor for e in found.entries]))


@bp.get("/records/<record_id>/as-of")
@history_reader
def record_as_of(record_id: str) -> Any:
    version = request.args.get("version", "").strip()
    context = _moment_context(record_id, kind=_known(record_id), version=version)
    try:
        moment = moments.parse_as_of("at", context["at"], context["zone"])
        number = _version(version, moment)
    except ValidationError as error:
        return _invalid("audit/as_of.html", error, record=None, fields=[], **context)
    if moment is None and number is None:
        return render_template("audit/as_of.html", record=None, fields=[], errors={}, **context)
    record = _at_moment(lambda: audit().record_as_of(record_id, moment, number), context)
    if isinstance(record, tuple):
        return record
    _viewed(f"{record.kind} {record.record_id} as of {context['at'] or 'version ' + version}")
    return render_template("audit/as_of.html", record=record, errors={},
                           fields=audit().record_fields(record, context["zone"],
                                                        request_translator()), **context)


def _version(text: str, moment: datetime | None) -> int | None:
    if not text:
        return None
    number = whole_number(text)
    if number is None or number < 1:
        raise ValidationError("version", gettext("must be a whole number from 1; got %(text)s",
                                                 text=repr(text[:40])))
    if moment is not None:
        raise ValidationError("version", gettext("give a moment or a version, not both"))
    return number


@bp.get("/trips/<trip_id>/as-of")
@planner_or_auditor
def itinerary(trip_id: str) -> Any:
    _existing(trip_id, "trip")
    return _as_of_page("audit/itinerary.html", "itinerary", f"itinerary of trip {trip_id}",
                       lambda moment: audit().trip_as_of(trip_id, moment), trip_id,
                       trip_id=trip_id)


@bp.get("/people/<person_id>/calendar")
@planner_or_auditor
def calendar(person_id: str) -> Any:
    _existing(person_id, "person")
    return _as_of_page("audit/calendar.html", "schedule", f"calendar of person {person_id}",
                       lambda moment: audit().person_schedule_as_of(
                           person_id, moment, viewer=g.user.viewer),
                       person_id, person_id=person_id)


def _as_of_page(template: str, name: str, what: str, load: Callable[[datetime], Any],
                record_id: str, **ids: str) -> Any:
    """`load(at)` shown as `name` in `template`; without `at`, the form to choose a moment."""
    context = _moment_context(record_id, **ids)
    try:
        moment = moments.parse_as_of("at", context["at"], context["zone"])
    except ValidationError as error:
        return _invalid(template, error, **{name: None}, **context)
    shown = _at_moment(lambda: load(moment), context) if moment else None
    if isinstance(shown, tuple):
        return shown
    if shown is not None:
        _viewed(f"{what} as of {context['at']}")
    return render_template(template, errors={}, **{name: shown}, **context)


def _moment_context(record_id: str, **extra: str) -> dict[str, Any]:
    """What a page asking for a moment shows: the record's name, the moment asked for, and
    the zone times without a zone (and a date alone) are read in, with the reason: the
    viewer's choice, else the record's own home zone."""
    if request.args.get("zone", "").strip():
        zone, why = _zone(), gettext("the zone chosen below")
    else:
        zone, why = _translated_why(*audit().home_zone(record_id))
    return {"record_id": record_id, **extra, "zone": zone, "zone_why": why,
            "at": request.args.get("at", ""), "label": audit().label_of(record_id)}


def _translated_why(zone: str, why: str) -> tuple[str, str]:
    """planner.audit's reason for the zone ("the trip's home zone", "the home zone of the
    meeting's trip", "the planner's default zone") in the reader's language."""
    trip_of = re.fullmatch(r"the home zone of the (.+)'s trip", why)
    own = re.fullmatch(r"the (.+)'s home zone", why)
    if trip_of:
        return zone, gettext("the home zone of the %(kind)s's trip", kind=word(trip_of[1]))
    if why == "the planner's default zone":
        return zone, gettext("the planner's default zone")
    if own:
        return zone, gettext("the %(kind)s's home zone", kind=word(own[1]))
    return zone, why


def _at_moment(load: Callable[[], Any], context: dict[str, Any]) -> Any:
    """What `load` returns, or the styled error page (422: the moment cannot be shown) when
    nothing existed at that moment (or at that version), naming the record by its name."""
    try:
        return load()
    except NotFoundError as error:
        label, zone = context["label"], context["zone"]
        moment = moments.parse_as_of("at", context["at"], zone)
        if moment is not None:
            message = gettext("“%(label)s” did not exist yet at %(moment)s (%(utc)s UTC). Choose "
                              "a later moment; its history shows when it was created.",
                              label=label, moment=filters.moment(moment, zone),
                              utc=moment.strftime("%Y-%m-%d %H:%M:%S"))
        else:
            message = gettext("“%(label)s” has no such version (%(version)s).", label=label,
                              version=error.rule.partition("(")[2][:-1])
        return error_page(422, message, back=request.path)


def _known(record_id: str) -> str:
    """The kind of the record the id names, or 404."""
    found = audit().kind_of(record_id)
    if found is None:
        raise NotFound(NO_RECORD)
    return found


def _existing(record_id: str, kind: str) -> None:
    """404 unless the id names a record of this kind that the user may see."""
    if _known(record_id) != kind:
        raise NotFound(gettext("There is no such %(kind)s: the address names a %(known)s.",
                               kind=word(kind), known=word(_known(record_id))))
    _visible(g.user, record_id)


def _found(load: Callable[[], Any]) -> Any:
    try:
        return load()
    except (NotFoundError, ValidationError):
        raise NotFound(NO_RECORD) from None
