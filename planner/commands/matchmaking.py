"""Commands for matchmaking conferences: companies and profiles, pairs, the floor, the
CP-SAT schedule, publication as ordinary meetings of the trip, and outcomes."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from uuid import UUID

from planner.commands.base import CommandSupport, as_uuid, plain
from planner.commands.matchmaking_input import problem_of, profile_of, slot_series
from planner.commands.meetings import meeting_instant
from planner.domain import values as v
from planner.domain.agreement import Agreement
from planner.domain.company import CompanyProfile
from planner.domain.errors import InvariantError, ValidationError
from planner.domain.matchmaking import Matchmaking
from planner.domain.matchmaking_values import pair_key
from planner.domain.meeting import Meeting
from planner.domain.trip import Trip
from planner.matchmaking import schedule, suggest
from planner.matchmaking.parts import as_data
from planner.matchmaking.problem import fingerprint

Window = tuple[datetime, datetime]


class MatchmakingCommands(CommandSupport):
    def _mm(self, matchmaking_id: UUID | str, change: Any,
            expected_version: int | None = None) -> int:
        return self._edit(Matchmaking, matchmaking_id, expected_version, change)

    def _local(self, mm: Matchmaking, field: str, value: datetime) -> datetime:
        """Naive times are wall-clock time at the conference's venue."""
        return meeting_instant(field, value, mm.timezone)

    def _trip_members(self, mm: Matchmaking, field: str, people: list[UUID | str]) -> list[str]:
        window = self._load(Trip, mm.trip_id).window()
        ids = [str(as_uuid(field, p)) for p in people]
        for person in ids:
            if person not in window.member_ids:
                raise ValidationError(field, "person %(person)s is not a member of the trip's "
                                             "delegation; add them to the trip first",
                                      person=person)
        return ids

    # -- the conference -------------------------------------------------------------------
    def open_matchmaking(self, trip_id: UUID | str, *, actor: str, title: str, venue: str,
                         city: str, timezone: str, side_a: str, side_b: str,
                         meeting_id: UUID | str | None = None,
                         leg_id: str | None = None) -> UUID:
        """Open the matchmaking of a conference in a trip (optionally of its meeting)."""
        trip = self._referenced(Trip, "trip_id", trip_id)
        trip.window().check_open()
        if leg_id:
            trip.leg(leg_id)
        if meeting_id:
            meeting = self._referenced(Meeting, "meeting_id", meeting_id)
            if str(meeting.trip_id) != str(trip.id):
                raise ValidationError("meeting_id", "the meeting belongs to another trip")
        mm = Matchmaking.open(actor=actor, trip_id=trip.id, title=title, venue=venue,
                              city=city, timezone=timezone, meeting_id=meeting_id,
                              leg_id=leg_id, side_a=side_a, side_b=side_b, at=self._stamp())
        self._commit(mm)
        return mm.id

    def enrol_company(self, matchmaking_id: UUID | str, *, actor: str, profile_id: UUID | str,
                      side: str, people: list[UUID | str] | None = None) -> int:
        """Take a company (its profile) into side 'a' or 'b'; `people`: its representatives,
        members of the trip's delegation."""
        profile = self._referenced(CompanyProfile, "profile_id", profile_id)

        def change(mm: Matchmaking) -> None:
            mm.enrol(actor=actor, profile_id=profile.id, side=side, name=profile.name,
                     people=self._trip_members(mm, "people", people or []), at=self._stamp())
        return self._retrying(lambda: self._mm(matchmaking_id, change))

    def withdraw_company(self, matchmaking_id: UUID | str, *, actor: str,
                         profile_id: UUID | str, reason: str = "") -> int:
        return self._mm(matchmaking_id, lambda mm: mm.withdraw(
            actor=actor, profile_id=profile_id, reason=reason, at=self._stamp()))

    def set_matchmaking_profile(self, matchmaking_id: UUID | str, *, actor: str,
                                profile_id: UUID | str, offers: list[str],
                                requests: list[str], sectors: list[str], languages: list[str],
                                interests: list[str] | None = None) -> int:
        """Offers, requests, NACE Rev. 2 sectors and languages (ISO 639) of one company;
        `interests` default to those declared in its company profile."""
        if interests is None:
            interests = list(self._referenced(CompanyProfile, "profile_id",
                                              profile_id).interests)
        return self._retrying(lambda: self._mm(matchmaking_id, lambda mm: mm.set_profile(
            actor=actor, profile_id=profile_id, offers=offers, requests=requests,
            sectors=sectors, languages=languages, interests=interests, at=self._stamp())))

    def set_pair_preference(self, matchmaking_id: UUID | str, *, actor: str,
                            first: UUID | str, second: UUID | str, set_by: str,
                            level: str) -> int:
        """set_by: 'a', 'b' or 'organiser'; level: 'must meet', 'would like',
        'not interested' or '' (clears)."""
        return self._retrying(lambda: self._mm(matchmaking_id, lambda mm: mm.set_preference(
            actor=actor, first=first, second=second, set_by=set_by, level=level,
            at=self._stamp())))

    # -- pairs ----------------------------------------------------------------------------
    def accept_pairs(self, matchmaking_id: UUID | str, *, actor: str,
                     pairs: list[tuple[UUID | str, UUID | str]], added: bool = False) -> int:
        """Accept pairs (one save): each with its suggestion's score and explanation as the
        profiles stand now. `added`: the organiser's own pairs, also without a suggestion."""
        def change(mm: Matchmaking) -> None:
            if not pairs:
                raise ValidationError("pairs", "choose at least one pair")
            for first, second in pairs:
                a_id, b_id = mm.pair(first, second)
                found = suggest.score(profile_of(mm, a_id), profile_of(mm, b_id),
                                      mm.preferences.get(pair_key(a_id, b_id)))
                mm.accept_pair(actor=actor, first=a_id, second=b_id,
                               score=max(-1000, min(1000, found.score)),
                               explanation=found.explanation()[:1000],
                               explanation_parts=as_data(found.parts), added=added,
                               at=self._stamp())
        return self._retrying(lambda: self._mm(matchmaking_id, change))

    def reject_pair(self, matchmaking_id: UUID | str, *, actor: str, first: UUID | str,
                    second: UUID | str, reason: str = "") -> int:
        return self._retrying(lambda: self._mm(matchmaking_id, lambda mm: mm.reject_pair(
            actor=actor, first=first, second=second, reason=reason, at=self._stamp())))

    # -- the floor ------------------------------------------------------------------------
    def define_slots(self, matchmaking_id: UUID | str, *, actor: str,
                     slots: list[Window]) -> int:
        """Replace the slots; naive times are local at the venue."""
        return self._mm(matchmaking_id, lambda mm: mm.define_slots(actor=actor, slots=[
            (self._local(mm, "slots", s), self._local(mm, "slots", e)) for s, e in slots],
            at=self._stamp()))

    def define_slot_series(self, matchmaking_id: UUID | str, *, actor: str, day: date,
                           first: time, last: time, minutes: int,
                           breaks: list[tuple[time, time]] | None = None) -> int:
        """Slots of `minutes` from `first` until `last` (local), leaving out the breaks:
        for example 20-minute slots 14:00-17:30 with a break 15:40-16:00."""
        return self.define_slots(matchmaking_id, actor=actor,
                                 slots=slot_series(day, first, last, minutes, breaks or []))

    def add_table(self, matchmaking_id: UUID | str, *, actor: str, name: str,
                  seats: int) -> str:
        return self._add(Matchmaking, matchmaking_id, lambda mm: mm.add_table(
            actor=actor, name=name, seats=seats, at=self._stamp()))

    def remove_table(self, matchmaking_id: UUID | str, *, actor: str, table_id: str) -> int:
        return self._mm(matchmaking_id, lambda mm: mm.remove_table(
            actor=actor, table_id=table_id, at=self._stamp()))

    def block_time(self, matchmaking_id: UUID | str, *, actor: str, starts: datetime,
                   ends: datetime, label: str, profile_id: UUID | str = "",
                   table_id: str = "") -> str:
        """Block a time (naive: local) for everyone, one company or one table."""
        return self._add(Matchmaking, matchmaking_id, lambda mm: mm.block_time(
            actor=actor, starts_at=self._local(mm, "starts_at", starts),
            ends_at=self._local(mm, "ends_at", ends), label=label,
            profile_id=str(profile_id or ""), table_id=table_id, at=self._stamp()))

    def unblock_time(self, matchmaking_id: UUID | str, *, actor: str, block_id: str) -> int:
        return self._mm(matchmaking_id, lambda mm: mm.unblock(
            actor=actor, block_id=block_id, at=self._stamp()))

    def add_interpreter(self, matchmaking_id: UUID | str, *, actor: str,
                        person_id: UUID | str, language_pairs: list[str],
                        available: list[Window] | None = None) -> int:
        """A trip member to the pool, with pairs such as 'de-zh' and (naive: local) times
        available; none given: available throughout."""
        def change(mm: Matchmaking) -> None:
            (person,) = self._trip_members(mm, "person_id", [person_id])
            mm.add_interpreter(actor=actor, person_id=person, language_pairs=language_pairs,
                               available=[(self._local(mm, "available", s),
                                           self._local(mm, "available", e))
                                          for s, e in available or []], at=self._stamp())
        return self._retrying(lambda: self._mm(matchmaking_id, change))

    def remove_interpreter(self, matchmaking_id: UUID | str, *, actor: str,
                           person_id: UUID | str) -> int:
        return self._mm(matchmaking_id, lambda mm: mm.remove_interpreter(
            actor=actor, person_id=str(person_id), at=self._stamp()))

    # -- schedule and publication ---------------------------------------------------------
    def propose_schedule(self, matchmaking_id: UUID | str, *, actor: str,
                         time_limit: float = schedule.DEFAULT_TIME_LIMIT) -> dict[str, Any]:
        """Run the solver on the accepted pairs and record its result as the provisional
        schedule. Returns {placed, unplaced, status, fingerprint}."""
        mm = self._load(Matchmaking, matchmaking_id)
        mm._check_unpublished("schedule")
        problem = problem_of(mm)
        if not problem.pairs:
            raise InvariantError("pairs", "accept at least one pair before scheduling")
        if not problem.slots or not problem.tables:
            raise InvariantError("slots" if not problem.slots else "tables",
                                 "define the slots and at least one table first")
        result = schedule.solve(problem, time_limit=time_limit)
        mm.propose_schedule(
            actor=actor, fingerprint=fingerprint(problem), solver=result.solver,
            placements=[dict(a_id=p.a, b_id=p.b, slot_id=p.slot, table_id=p.table,
                             interpreter_id=p.interpreter) for p in result.placements],
            unplaced=[dict(a_id=u.a, b_id=u.b, reason=u.reason, parts=as_data(u.parts))
                      for u in result.unplaced],
            at=self._stamp())
        self._commit(mm)
        return dict(placed=len(result.placements), unplaced=len(result.unplaced),
                    status=result.status, fingerprint=fingerprint(problem))

    def publish_schedule(self, matchmaking_id: UUID | str, *, actor: str,
                         expected_version: int | None = None) -> list[UUID]:
        """Create one meeting per placed pair in the trip (kind 'matchmaking', attendees:
        both companies' representatives and the interpreter), all in one save with the
        publication. Refused when the input changed since the schedule was proposed."""
        mm = self._load(Matchmaking, matchmaking_id, expected_version)
        if mm.schedule is None:
            raise InvariantError("schedule", "there is no schedule to publish; propose one first")
        window = self._load(Trip, mm.trip_id).window()
        slots = {s["slot_id"]: s for s in mm.slots}
        tables = {t["table_id"]: t for t in mm.tables}
        meetings, published = [], []
        for p in mm.schedule["placements"]:
            a, b = mm.companies[p["a_id"]], mm.companies[p["b_id"]]
            pair = mm.pairs.get(pair_key(a["profile_id"], b["profile_id"]), {})
            people = [*a["people"], *b["people"], *([p["interpreter_id"]]
                                                    if p["interpreter_id"] else [])]
            meeting = Meeting.schedule(
                actor=actor, window=window, kind=v.MeetingKind.MATCHMAKING.value,
                title=f"One-to-one: {a['name']} × {b['name']}"[:v.SHORT_TEXT],
                counterparts=[a["name"], b["name"]],
                venue=f"{mm.venue}, {tables[p['table_id']]['name']}"[:v.SHORT_TEXT],
                city=mm.city, timezone=mm.timezone,
                starts_at=slots[p["slot_id"]]["starts_at"], ends_at=slots[p["slot_id"]]["ends_at"],
                leg_id=mm.leg_id or None, agenda=pair.get("explanation", ""),
                attendees=list(dict.fromkeys(people)), at=self._stamp())
            meetings.append(meeting)
            published.append(dict(a_id=p["a_id"], b_id=p["b_id"], meeting_id=str(meeting.id)))
        mm.publish(actor=actor, fingerprint=fingerprint(problem_of(mm)), meetings=published,
                   at=self._stamp())
        # stored in the order they happened: the meetings, then the publication naming them
        self._commit(*meetings, mm)
        return [m.id for m in meetings]

    # -- outcomes -------------------------------------------------------------------------
    def _started(self, mm: Matchmaking, first: UUID | str, second: UUID | str) -> bool:
        a_id, b_id = mm.pair(first, second)
        meeting_id = mm.published.get(pair_key(a_id, b_id))
        if meeting_id is None:
            raise InvariantError("pair", "the pair has no published one-to-one")
        meeting = self._load(Meeting, meeting_id)
        if meeting.status == v.MeetingStatus.CANCELLED:
            raise InvariantError("pair", "the one-to-one was cancelled")
        return self.now() >= meeting.starts_at

    def rate_one_to_one(self, matchmaking_id: UUID | str, *, actor: str, first: UUID | str,
                        second: UUID | str, side: str, rating: int, next_step: str,
                        comment: str = "", reason: str = "") -> int:
        """One side's rating (1-5) and next step, once the meeting has started."""
        return self._retrying(lambda: self._mm(matchmaking_id, lambda mm: mm.rate(
            actor=actor, first=first, second=second, side=side, rating=rating,
            next_step=next_step, comment=comment, reason=reason,
            meeting_started=self._started(mm, first, second), at=self._stamp())))

    def record_second_stage(self, matchmaking_id: UUID | str, *, actor: str,
                            first: UUID | str, second: UUID | str, state: str,
                            agreement_id: UUID | str = "", note: str = "") -> int:
        """Months later: 'talks continue', 'negotiation started', 'cooperation agreement
        reached' (linking the agreement) or 'no further contact'."""
        if agreement_id:
            self._referenced(Agreement, "agreement_id", agreement_id)
        return self._retrying(lambda: self._mm(matchmaking_id, lambda mm: mm.record_stage(
            actor=actor, first=first, second=second, state=state,
            agreement_id=str(agreement_id or ""), note=note,
            meeting_started=self._started(mm, first, second), at=self._stamp())))

    def get_matchmaking(self, matchmaking_id: UUID | str, *, version: int | None = None,
                        at: datetime | None = None) -> dict[str, Any]:
        return plain(self._as_of(Matchmaking, matchmaking_id, version, at))
