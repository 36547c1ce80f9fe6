"""AuditDesk: everything the audit screens ask of the planner, as queries and commands.

The web layer gets this object (built once per wired Planner) and never the engine, the
event store or raw event rows: it asks for a log page, a history, a record as of a moment,
and tells the desk what an auditor viewed, exported or asked to verify.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, Any
from uuid import UUID

from planner.audit import asof, chain, history, logquery, text, trail, visibility
from planner.audit import verify as checks
from planner.audit.chain import Head, Verdict
from planner.audit.verification import Job, VerificationJobs
from planner.domain.errors import NotFoundError, Translate, ValidationError
from planner.organisations.access import Viewer


def verify_log(planner: Any, *, from_head: Head | None = None,
               progress: Callable[[int], None] | None = None) -> Verdict:
    """THE verification of the database's log (chain and all it checks): the one call the
    web page and `planner log verify` go through."""
    return checks.verify_database(planner, from_head=from_head, progress=progress)


class AuditDesk:
    """Queries and commands of the audit screens over one wired Planner (SQL storage)."""

    def __init__(self, planner: Any) -> None:
        self._planner = planner
        self.default_zone: str = planner.settings.default_timezone
        self.jobs = VerificationJobs(planner.engine, planner.app.now)

    # -- the log browser ------------------------------------------------------------------
    def event_types(self) -> list[str]:
        return logquery.event_types(self._planner.engine)

    def browse(self, flt: logquery.LogFilter, page: int, per_page: int = 50, *,
               viewer: Viewer) -> logquery.LogPage:
        """A page of the events of records `viewer` may see (planner.audit.visibility)."""
        return logquery.browse(self._planner.engine, flt, page=page, per_page=per_page,
                               newest_first=True,
                               visible=visibility.visible_clause(viewer))

    def write_csv(self, flt: logquery.LogFilter, out: IO[str], *, viewer: Viewer) -> int:
        return logquery.write_csv(logquery.iter_entries(
            self._planner.engine, flt, visible=visibility.visible_clause(viewer)), out)

    def head(self) -> Head:
        return chain.chained_head(self._planner.engine)

    # -- records --------------------------------------------------------------------------
    def kind_of(self, record_id: str) -> str | None:
        """'trip', 'meeting', ... for a record id (None when the log has no such record)."""
        try:
            return logquery.kind_of(self._planner.engine, str(UUID(str(record_id))))
        except ValueError:
            return None

    def may_see(self, viewer: Viewer, record_id: str) -> bool:
        """Whether the record is one whose history and past states `viewer` may see: its
        kind is one the role opens (visibility.history_kinds) and the organisation rules
        let the viewer see it (visibility.visible_clause)."""
        try:
            uid = str(UUID(str(record_id)))
        except ValueError:
            return False
        return logquery.is_visible(self._planner.engine, visibility.visible_clause(viewer),
                                   record_id=uid)

    def verification_problem(self, viewer: Viewer, problem: str) -> str:
        """A verification's finding as `viewer` may read it (the details only when the
        event at the first bad position is of a record they may see)."""
        position = visibility.problem_position(problem)
        visible = position is not None and logquery.is_visible(
            self._planner.engine, visibility.visible_clause(viewer), position=position)
        return visibility.problem_for(viewer, problem, visible)

    def label_of(self, record_id: str) -> str:
        """What the record is called (its latest name or title), else its kind and id."""
        return (logquery.label_of(self._planner.engine, str(record_id))
                or f"{self.kind_of(record_id) or 'record'} {record_id}")

    def record_history(self, record_id: str, zone: str | None,
                       tr: Translate | None = None) -> history.RecordHistory:
        return history.record_history(self._planner, record_id, zone=zone, with_ids=False,
                                      tr=tr)

    def home_zone(self, record_id: str) -> tuple[str, str]:
        """The zone a record's dates are read in, and why: a trip's home zone (also for its
        meetings and agreements), a person's home zone, else the planner's default zone."""
        try:
            record = asof.record_as_of(self._planner, record_id)
            state, why = record.state, f"the {record.kind}'s home zone"
            if state.get("trip_id"):
                state = asof.record_as_of(self._planner, str(state["trip_id"])).state
                why = f"the home zone of the {record.kind}'s trip"
        except (NotFoundError, ValidationError):
            state = {}
        if not state.get("home_timezone"):
            return self.default_zone, "the planner's default zone"
        return str(state["home_timezone"]), why

    def record_as_of(self, record_id: str, at: datetime | None,
                     version: int | None) -> asof.AsOf:
        return asof.record_as_of(self._planner, record_id, at=at, version=version)

    def record_fields(self, record: asof.AsOf, zone: str,
                      tr: Translate | None = None) -> list[tuple[str, str]]:
        """The record's fields as text, other records and legs by name."""
        names = history.names_for(self._planner, with_ids=False)
        trip_id = record.state.get("trip_id") or (record.record_id if record.kind == "trip"
                                                  else None)
        if trip_id:
            names = history.with_legs(names, self._planner, str(trip_id))
        return text.record_fields(record, zone, names, tr)

    def trip_as_of(self, trip_id: str, at: datetime) -> asof.TripAsOf:
        return asof.trip_as_of(self._planner, trip_id, at)

    def person_schedule_as_of(self, person_id: str, at: datetime, *,
                              viewer: Viewer) -> asof.PersonScheduleAsOf:
        """The person's calendar at a moment, with only the trips (and their meetings)
        `viewer` may see: a person may be on trips of organisations the viewer's cannot
        read."""
        schedule = asof.person_schedule_as_of(self._planner, person_id, at)
        trip_ids = {str(t.record_id) for t in schedule.trips} | set(schedule.trips_by_id)
        return asof.only_trips(schedule, logquery.visible_among(
            self._planner.engine, visibility.visible_clause(viewer), sorted(trip_ids)))

    def actor_names(self, actors: Iterator[str] | list[str]) -> dict[str, str]:
        """Who an actor is, by name: the account's (or person's) name for an e-mail address;
        other actors (jobs such as 'cli:alice') as they are."""
        queries, found = self._planner.queries, {}
        for actor in set(actors):
            row = queries.account(actor) if queries and "@" in actor else None
            person = queries.person_by_email(actor) if queries and "@" in actor and not row \
                else None
            found[actor] = (row.name if row else person.name if person else "") or actor
        return found

    # -- what auditors do (each is an event in the log) -----------------------------------
    def record_viewed(self, actor: str, what: str) -> None:
        trail.record_viewed(self._planner.app, actor, what)

    def record_exported(self, actor: str, file: str, count: int) -> None:
        trail.record_exported(self._planner.app, actor, file, str(self.head()), count)

    def last_verification(self) -> trail.LastVerification | None:
        return trail.last_verification(self._planner)

    def start_verification(self, actor: str, *, background: bool = True) -> Job:
        """Start verifying the log for `actor` (or return the check already running)."""
        job, started = self.jobs.start(actor, self.head().position)
        if not started:
            return job
        run = self.jobs.run_in_background if background else self.jobs.run
        run(job.id, lambda progress: verify_log(self._planner, progress=progress),
            lambda verdict: trail.record_verified(self._planner.app, actor, "database (web)",
                                                  verdict))
        return job

    def verification(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def latest_verification_job(self) -> Job | None:
        return self.jobs.latest()
