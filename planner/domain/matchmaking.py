"""Matchmaking: the one-to-one meetings of a B2B conference between two delegations.

One record per conference, tied to a trip (and optionally to the conference's own meeting in
it). It holds each side's companies (company profile ids) with their matchmaking profiles,
the preferences per pair, the organiser's decisions on pairs, the floor (slots, tables,
blocked times, interpreters: planner.domain.matchmaking_floor), the solver's provisional
schedule, its publication, and what came of each meeting (planner.domain.matchmaking_outcomes).

A pair is always (company of side a, company of side b); its key is 'a_id/b_id'. Publishing
creates ordinary meetings in the trip (in the same save): after that, changes are ordinary
moves and cancellations of those meetings.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from planner.domain import matchmaking_values as mv
from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError, ValidationError
from planner.domain.matchmaking_floor import ConferenceFloor
from planner.domain.matchmaking_outcomes import MeetingOutcomes
from planner.domain.matchmaking_values import pair_key

MAX_COMPANIES = 500
MAX_PEOPLE = 10


class Matchmaking(ConferenceFloor, MeetingOutcomes, PlannerAggregate):
    class Opened(PlannerAggregate.Created):
        trip_id: str
        meeting_id: str
        title: str
        venue: str
        city: str
        timezone: str
        leg_id: str
        side_a: str
        side_b: str

    def __init__(self, actor: str, reason: str, trip_id: str, meeting_id: str, title: str,
                 venue: str, city: str, timezone: str, leg_id: str, side_a: str,
                 side_b: str) -> None:
        self.trip_id, self.meeting_id, self.title = trip_id, meeting_id, title
        self.venue, self.city, self.timezone, self.leg_id = venue, city, timezone, leg_id
        self.sides = {"a": side_a, "b": side_b}
        self.companies: dict[str, dict[str, Any]] = {}  # profile id -> side, name, people
        self.profiles: dict[str, dict[str, Any]] = {}  # profile id -> offers, requests...
        self.preferences: dict[str, dict[str, str]] = {}  # pair key -> set_by -> level
        self.pairs: dict[str, dict[str, Any]] = {}  # pair key -> decision, origin, score...
        self.slots: list[dict[str, Any]] = []
        self.tables: list[dict[str, Any]] = []
        self.blocks: list[dict[str, Any]] = []
        self.interpreters: dict[str, dict[str, Any]] = {}  # person id -> pairs, availability
        self.schedule: dict[str, Any] | None = None
        self.published: dict[str, str] = {}  # pair key -> meeting id
        self.ratings: dict[str, dict[str, Any]] = {}  # 'pair key/side' -> rating, next step
        self.stages: dict[str, dict[str, Any]] = {}  # pair key -> state, agreement, note

    @classmethod
    def open(cls, *, actor: str, trip_id: UUID | str, title: str, venue: str, city: str,
             timezone: str, meeting_id: UUID | str | None = None, leg_id: str | None = None,
             side_a: str, side_b: str, at: datetime | None = None) -> Matchmaking:
        sides = (v.text("side_a", side_a), v.text("side_b", side_b))
        if sides[0].casefold() == sides[1].casefold():
            raise ValidationError("side_b", "the two sides must have different names")
        return cls._start(
            cls.Opened, actor, at, trip_id=v.record_id("trip_id", trip_id),
            meeting_id=v.record_id("meeting_id", meeting_id, required=False),
            title=v.text("title", title), venue=v.text("venue", venue),
            city=v.text("city", city), timezone=v.zone("timezone", timezone),
            leg_id=v.record_id("leg_id", leg_id, required=False),
            side_a=sides[0], side_b=sides[1])

    # -- guards ---------------------------------------------------------------------------
    def _check_unpublished(self, field: str) -> None:
        if self.published:
            raise InvariantError(field, "the schedule is published; change its meetings by "
                                        "moving or cancelling them")

    def company(self, field: str, profile_id: UUID | str) -> dict[str, Any]:
        profile_id = v.record_id(field, profile_id)
        found = self.companies.get(profile_id)
        if found is None:
            raise ValidationError(field, "company %(profile_id)s takes no part in this "
                                         "matchmaking", profile_id=profile_id)
        return found

    def pair(self, first: UUID | str, second: UUID | str) -> tuple[str, str]:
        """The pair of two enrolled companies as (side a, side b), in whichever order given."""
        one, other = self.company("first", first), self.company("second", second)
        if one["side"] == other["side"]:
            raise ValidationError("second", "both companies are on side %(side)s "
                                            "(%(name)s); a one-to-one pairs "
                                            "a company of each side",
                                  side=one["side"], name=self.sides[one["side"]])
        if one["side"] == "a":
            return one["profile_id"], other["profile_id"]
        return other["profile_id"], one["profile_id"]

    # -- companies and their profiles -----------------------------------------------------
    class CompanyEnrolled(PlannerAggregate.Event):
        profile_id: str
        side: str
        name: str
        people: list[str]

        def apply(self, mm: Matchmaking) -> None:
            mm.companies[self.profile_id] = dict(profile_id=self.profile_id, side=self.side,
                                                 name=self.name, people=list(self.people))

    class CompanyWithdrawn(PlannerAggregate.Event):
        profile_id: str

        def apply(self, mm: Matchmaking) -> None:
            mm.companies.pop(self.profile_id, None)
            mm.profiles.pop(self.profile_id, None)
            for key in [k for k in (*mm.pairs, *mm.preferences) if self.profile_id in
                        k.split("/")]:
                mm.pairs.pop(key, None)
                mm.preferences.pop(key, None)

    def enrol(self, *, actor: str, profile_id: UUID | str, side: str, name: str,
              people: list[str], at: datetime | None = None) -> None:
        """Take a company into one side (again: changes its side, name or people)."""
        profile_id = v.record_id("profile_id", profile_id)
        side = v.choice("side", side, mv.Side)
        people = [v.record_id("people", p) for p in v.text_list("people", [
            str(p) for p in people], max_items=MAX_PEOPLE)]
        known = self.companies.get(profile_id)
        if known is None and len(self.companies) >= MAX_COMPANIES:
            raise InvariantError("profile_id", "a matchmaking takes at most %(max_companies)s "
                                               "companies", max_companies=MAX_COMPANIES)
        if known is not None and known["side"] != side and any(
                profile_id in k.split("/") for k in (*self.pairs, *self.published)):
            raise InvariantError("side", "the company already has pairs on its side; "
                                         "withdraw it first")
        self._emit(self.CompanyEnrolled, actor, at, profile_id=profile_id, side=side,
                   name=v.text("name", name), people=people)

    def withdraw(self, *, actor: str, profile_id: UUID | str, reason: str = "",
                 at: datetime | None = None) -> None:
        company = self.company("profile_id", profile_id)
        if any(company["profile_id"] in k.split("/") for k in self.published):
            raise InvariantError("profile_id", "the company has published one-to-ones; cancel "
                                               "those meetings instead")
        self._emit(self.CompanyWithdrawn, actor, at, reason, profile_id=company["profile_id"])

    class ProfileSet(PlannerAggregate.Event):
        profile_id: str
        offers: list[str]
        requests: list[str]
        sectors: list[str]
        languages: list[str]
        interests: list[str]

        def apply(self, mm: Matchmaking) -> None:
            mm.profiles[self.profile_id] = dict(
                offers=list(self.offers), requests=list(self.requests),
                sectors=list(self.sectors), languages=list(self.languages),
                interests=list(self.interests))

    def set_profile(self, *, actor: str, profile_id: UUID | str, offers: list[str],
                    requests: list[str], sectors: list[str], languages: list[str],
                    interests: list[str], at: datetime | None = None) -> None:
        """What a company offers and seeks, its NACE Rev. 2 sectors, the languages its
        representatives speak (ISO 639 codes) and its declared interests (those of its
        company profile unless the organiser gives others)."""
        company = self.company("profile_id", profile_id)
        self._emit(self.ProfileSet, actor, at, profile_id=company["profile_id"],
                   offers=mv.phrases("offers", offers),
                   requests=mv.phrases("requests", requests),
                   sectors=mv.sectors("sectors", sectors),
                   languages=mv.languages("languages", languages, required=True),
                   interests=[v.choice("interests", i, v.Interest)
                              for i in v.text_list("interests", interests, max_items=20)])

    # -- preferences and the organiser's decisions ----------------------------------------
    class PreferenceSet(PlannerAggregate.Event):
        a_id: str
        b_id: str
        set_by: str
        level: str  # '' clears it

        def apply(self, mm: Matchmaking) -> None:
            levels = mm.preferences.setdefault(pair_key(self.a_id, self.b_id), {})
            if self.level:
                levels[self.set_by] = self.level
            else:
                levels.pop(self.set_by, None)

    def set_preference(self, *, actor: str, first: UUID | str, second: UUID | str,
                       set_by: str, level: str, at: datetime | None = None) -> None:
        """Must meet / would like / not interested, as side a, side b or the organiser
        says ('' clears that one's preference)."""
        a_id, b_id = self.pair(first, second)
        set_by = v.choice("set_by", set_by, mv.SetBy)
        level = "" if not str(level or "").strip() else v.choice("level", level, mv.Preference)
        self._emit(self.PreferenceSet, actor, at, a_id=a_id, b_id=b_id, set_by=set_by,
                   level=level)

    class PairAccepted(PlannerAggregate.Event):
        a_id: str
        b_id: str
        origin: str  # 'suggested' or 'added'
        score: int
        explanation: str  # English
        explanation_parts: list[dict[str, Any]]  # to translate: planner.matchmaking.parts

        def apply(self, mm: Matchmaking) -> None:
            mm.pairs[pair_key(self.a_id, self.b_id)] = dict(
                a_id=self.a_id, b_id=self.b_id, decision="accepted", origin=self.origin,
                score=self.score, explanation=self.explanation,
                explanation_parts=[dict(p) for p in self.explanation_parts])

    class PairRejected(PlannerAggregate.Event):
        a_id: str
        b_id: str

        def apply(self, mm: Matchmaking) -> None:
            mm.pairs[pair_key(self.a_id, self.b_id)] = dict(
                a_id=self.a_id, b_id=self.b_id, decision="rejected", origin="suggested",
                score=0, explanation="", explanation_parts=[])

    def accept_pair(self, *, actor: str, first: UUID | str, second: UUID | str,
                    score: int = 0, explanation: str = "",
                    explanation_parts: list[dict[str, Any]] | None = None,
                    added: bool = False, at: datetime | None = None) -> bool:
        """Accept a suggested pair (with its score and explanation as shown) or add one of
        the organiser's own (`added`). False when it is already accepted."""
        a_id, b_id = self.pair(first, second)
        if self.pairs.get(pair_key(a_id, b_id), {}).get("decision") == "accepted":
            return False
        self._emit(self.PairAccepted, actor, at, a_id=a_id, b_id=b_id,
                   origin="added" if added else "suggested",
                   score=v.whole_number("score", score, low=-1000, high=1000),
                   explanation=v.text("explanation", explanation, max_len=1000,
                                      required=False),
                   explanation_parts=mv.parts("explanation_parts", explanation_parts))
        return True

    def reject_pair(self, *, actor: str, first: UUID | str, second: UUID | str,
                    reason: str = "", at: datetime | None = None) -> None:
        a_id, b_id = self.pair(first, second)
        if pair_key(a_id, b_id) in self.published:
            raise InvariantError("pair", "the pair's meeting is published; cancel the meeting "
                                         "instead")
        if self.pairs.get(pair_key(a_id, b_id), {}).get("decision") == "rejected":
            raise InvariantError("pair", "the pair is already rejected")
        self._emit(self.PairRejected, actor, at, reason, a_id=a_id, b_id=b_id)

    def accepted(self) -> list[dict[str, Any]]:
        return [p for p in self.pairs.values() if p["decision"] == "accepted"]

    # -- publication ----------------------------------------------------------------------
    class Published(PlannerAggregate.Event):
        meetings: list[dict[str, str]]  # a_id, b_id, meeting_id

        def apply(self, mm: Matchmaking) -> None:
            for item in self.meetings:
                mm.published[pair_key(item["a_id"], item["b_id"])] = item["meeting_id"]

    def publish(self, *, actor: str, fingerprint: str, meetings: list[dict[str, str]],
                at: datetime | None = None) -> None:
        """Record that the provisional schedule became these meetings of the trip.

        `fingerprint` is the schedule input as it stands now: a schedule proposed for other
        input (slots, tables, pairs changed since) is out of date and is not published."""
        self._check_unpublished("schedule")
        if self.schedule is None:
            raise InvariantError("schedule", "there is no schedule to publish; propose one first")
        if fingerprint != self.schedule["fingerprint"]:
            raise InvariantError("schedule", "the input changed after the schedule was "
                                             "proposed; propose it again before publishing")
        placed = {pair_key(p["a_id"], p["b_id"]) for p in self.schedule["placements"]}
        given = [pair_key(m["a_id"], m["b_id"]) for m in meetings]
        if sorted(given) != sorted(placed) or not placed:
            if not placed:
                raise InvariantError("schedule", "publishing creates one meeting for each "
                                                 "placed pair, and the schedule places none")
            raise InvariantError("schedule", "publishing must name one meeting for each "
                                             "placed pair")
        self._emit(self.Published, actor, at, meetings=[
            dict(a_id=m["a_id"], b_id=m["b_id"], meeting_id=v.record_id("meeting_id",
                                                                         m["meeting_id"]))
            for m in meetings])
