"""Person: someone who travels or attends (delegate, company representative, interpreter).

The person's calendar feed address is a secret token; only its hash is ever recorded.
Name, title and e-mail are personal data: stored sealed with the person's own key and erased
by deleting that key (planner.privacy); `Erased` records that this happened, and why.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.erasable import Erasable
from planner.domain.errors import InvariantError
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.domain.values import reason_text
from planner.i18n.words import N_

# Shown wherever an erased person's name was; a message id for translation, never stored.
ERASED_PERSON = "erased person"


class Person(Erasable, PlannerAggregate):
    """Version 2 added `owner_org_id` (the organisation that registered the person and
    keeps their data) and `organisation_id` (the organisation they belong to, if any)."""

    erased_refusal = ("person", N_("this person's data was erased; the record takes no "
                                   "further changes"))
    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["owner_org_id"] = DEFAULT_ORGANISATION_ID
        state["organisation_id"] = ""

    class Registered(PlannerAggregate.Created):
        """Version 2: see the class docstring (older people: the default organisation's)."""

        class_version = 2
        name: str
        title: str
        organisation: str
        email: str
        home_timezone: str
        owner_org_id: str
        organisation_id: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["owner_org_id"] = DEFAULT_ORGANISATION_ID
            state["organisation_id"] = ""

    def __init__(self, actor: str, reason: str, name: str, title: str, organisation: str,
                 email: str, home_timezone: str, owner_org_id: str,
                 organisation_id: str) -> None:
        self.owner_org_id, self.organisation_id = owner_org_id, organisation_id
        self.name, self.title, self.organisation = name, title, organisation
        self.email, self.home_timezone = email, home_timezone
        self.feed_token_hash = ""
        self.feed_token_ref = ""

    @classmethod
    def register(cls, *, actor: str, name: str, title: str = "", organisation: str = "",
                 email: str = "", home_timezone: str,
                 owner_org_id: UUID | str = DEFAULT_ORGANISATION_ID,
                 organisation_id: UUID | str | None = None,
                 at: datetime | None = None) -> Person:
        return cls._start(cls.Registered, actor, at, name=v.text("name", name),
                          owner_org_id=v.record_id("owner_org_id", owner_org_id),
                          organisation_id=v.record_id("organisation_id", organisation_id,
                                                      required=False),
                          title=v.text("title", title, required=False),
                          organisation=v.text("organisation", organisation, required=False),
                          email=v.optional_email("email", email),
                          home_timezone=v.zone("home_timezone", home_timezone))

    class DetailsChanged(PlannerAggregate.Event):
        name: str
        title: str
        organisation: str
        email: str
        home_timezone: str

        def apply(self, person: Person) -> None:
            person.name, person.title, person.organisation = (self.name, self.title,
                                                              self.organisation)
            person.email, person.home_timezone = self.email, self.home_timezone

    def change_details(self, *, actor: str, name: str, title: str, organisation: str,
                       email: str, home_timezone: str, reason: str = "",
                       at: datetime | None = None) -> None:
        self._refuse_if_erased()
        self._emit(self.DetailsChanged, actor, at, reason_text(reason, required=False),
                   name=v.text("name", name), title=v.text("title", title, required=False),
                   organisation=v.text("organisation", organisation, required=False),
                   email=v.optional_email("email", email),
                   home_timezone=v.zone("home_timezone", home_timezone,
                                        keep=self.home_timezone))

    class OrganisationNamed(PlannerAggregate.Event):
        """The organisation the person belongs to ('' when none)."""

        organisation_id: str

        def apply(self, person: Person) -> None:
            person.organisation_id = self.organisation_id

    def name_organisation(self, *, actor: str, organisation_id: UUID | str | None,
                          reason: str = "", at: datetime | None = None) -> None:
        self._refuse_if_erased()
        chosen = v.record_id("organisation_id", organisation_id, required=False)
        if chosen == self.organisation_id:
            raise InvariantError("organisation_id", "the person already belongs to it")
        self._emit(self.OrganisationNamed, actor, at, reason_text(reason, required=False),
                   organisation_id=chosen)

    class FeedTokenReset(PlannerAggregate.Event):
        """Version 2 added `token_ref`: the token's hash lives in the credential store
        (planner.credentials), outside the log; `token_hash` is "" from then on."""

        class_version = 2
        token_hash: str
        token_ref: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["token_ref"] = ""

        def apply(self, person: Person) -> None:
            person.feed_token_hash, person.feed_token_ref = self.token_hash, self.token_ref

    def reset_feed_token(self, *, actor: str, token_ref: str, reason: str = "",
                         at: datetime | None = None) -> None:
        """Replace the calendar feed secret: the old address stops working at once."""
        self._refuse_if_erased()
        self._emit(self.FeedTokenReset, actor, at, reason_text(reason, required=False),
                   token_hash="", token_ref=v.text("token_ref", token_ref, max_len=64))

    class CalendarMailsChosen(PlannerAggregate.Event):
        """Whether the person wants calendar mails (iTIP invitations for their meetings).
        Before any choice: yes, if they have an address and an account (planner.itip)."""

        wanted: bool

        def apply(self, person: Person) -> None:
            person.__dict__["calendar_mails"] = self.wanted

    def choose_calendar_mails(self, *, actor: str, wanted: bool,
                              at: datetime | None = None) -> None:
        self._refuse_if_erased()
        if not isinstance(wanted, bool):
            raise InvariantError("calendar_mails", "must be yes or no")
        self._emit(self.CalendarMailsChosen, actor, at, wanted=wanted)

    class Erased(PlannerAggregate.Event):
        """The person's key was deleted: their personal data can no longer be read anywhere.
        Their calendar feed stops working."""

        def apply(self, person: Person) -> None:
            person.name, person.title, person.email = ERASED_PERSON, "", ""
            person.feed_token_hash, person.feed_token_ref = "", ""
            person.erased = True
