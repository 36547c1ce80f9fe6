"""Organisation: an agency, government, chamber or company whose staff use the planner.

Every account belongs to one; every trip, company profile and agreement is owned by one
(planner.organisations says who else may see or plan them). Records written before
organisations existed belong to the default organisation, `DEFAULT_ORGANISATION_ID`, named
in `config.toml` (`[organisations] default`).
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from uuid import NAMESPACE_URL, UUID, uuid5

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError
from planner.domain.values import reason_text

#: The owner of every record stored without one (upcasting), and of the demo's agency.
DEFAULT_ORGANISATION_ID = str(uuid5(NAMESPACE_URL, "delegation-planner:organisation:default"))


class OrganisationKind(StrEnum):
    AGENCY = "agency"
    GOVERNMENT = "government"
    CHAMBER = "chamber"
    COMPANY = "company"
    OTHER = "other"


class Access(StrEnum):
    """How a trip is shared with a partner organisation (NONE ends a share)."""

    PLAN = "plan"
    VIEW = "view"
    NONE = "none"


def country_code(field: str, value: object) -> str:
    """ISO 3166-1 alpha-2, upper case ("CN", "DE")."""
    code = v.text(field, value, max_len=64).upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise InvariantError(field, "must be a two-letter ISO country code, such as DE or CN")
    return code


def _fields(name: str, latin_name: str, kind: str, country: str, timezone: str,
            keep_zone: str | None = None) -> dict[str, str]:
    return dict(name=v.text("name", name, max_len=200),
                latin_name=v.text("latin_name", latin_name, max_len=200, required=False),
                kind=v.choice("kind", kind, OrganisationKind),
                country=country_code("country", country),
                timezone=v.zone("timezone", timezone, keep=keep_zone))


class Organisation(PlannerAggregate):
    class Registered(PlannerAggregate.Created):
        name: str
        latin_name: str
        kind: str
        country: str
        timezone: str

    def __init__(self, actor: str, reason: str, name: str, latin_name: str, kind: str,
                 country: str, timezone: str) -> None:
        self.name, self.latin_name, self.kind = name, latin_name, kind
        self.country, self.timezone = country, timezone

    @classmethod
    def register(cls, *, actor: str, name: str, latin_name: str = "", kind: str,
                 country: str, timezone: str, organisation_id: UUID | str | None = None,
                 at: datetime | None = None) -> Organisation:
        record_id = v.record_id("organisation_id", organisation_id, required=False)
        return cls._start(cls.Registered, actor, at, id=UUID(record_id) if record_id else None,
                          **_fields(name, latin_name, kind, country, timezone))

    class DetailsChanged(PlannerAggregate.Event):
        name: str
        latin_name: str
        kind: str
        country: str
        timezone: str

        def apply(self, organisation: Organisation) -> None:
            organisation.name, organisation.latin_name = self.name, self.latin_name
            organisation.kind, organisation.country = self.kind, self.country
            organisation.timezone = self.timezone

    def change_details(self, *, actor: str, name: str, latin_name: str = "", kind: str,
                       country: str, timezone: str, reason: str = "",
                       at: datetime | None = None) -> None:
        fields = _fields(name, latin_name, kind, country, timezone, keep_zone=self.timezone)
        if all(getattr(self, k) == value for k, value in fields.items()):
            raise InvariantError("name", "nothing changed")
        self._emit(self.DetailsChanged, actor, at, reason_text(reason, required=False), **fields)

    @property
    def display_name(self) -> str:
        return f"{self.name} / {self.latin_name}" if self.latin_name else self.name
