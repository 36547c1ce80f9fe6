"""Matchmaking commands for whole lists: a delegation's companies with their profiles, and a
row of tables, each in one save (all or none), as an organiser imports them before a
conference. One save instead of one per company keeps a 100-firm import (and the demo) fast."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from planner.commands.base import CommandSupport
from planner.domain.company import CompanyProfile
from planner.domain.errors import ValidationError
from planner.domain.matchmaking import Matchmaking

MAX_LIST = 500


class MatchmakingListCommands(CommandSupport):
    def enrol_companies(self, matchmaking_id: UUID | str, *, actor: str,
                        companies: list[dict[str, Any]]) -> int:
        """Enrol companies with their matchmaking profiles. Each entry: profile_id, side,
        people (trip members), offers, requests, sectors, languages; interests are those of
        the company profile."""
        if not companies or len(companies) > MAX_LIST:
            raise ValidationError("companies", "give from 1 to %(max_list)s companies",
                                  max_list=MAX_LIST)
        profiles = [self._referenced(CompanyProfile, "profile_id", c["profile_id"])
                    for c in companies]

        def change(mm: Matchmaking) -> None:
            self._trip_members(mm, "people", [p for c in companies for p in c.get("people", [])])
            for entry, profile in zip(companies, profiles, strict=True):
                mm.enrol(actor=actor, profile_id=profile.id, side=entry["side"],
                         name=profile.name, people=[str(p) for p in entry.get("people", [])],
                         at=self._stamp())
                mm.set_profile(actor=actor, profile_id=profile.id, offers=entry["offers"],
                               requests=entry["requests"], sectors=entry["sectors"],
                               languages=entry["languages"], interests=list(profile.interests),
                               at=self._stamp())
        return self._retrying(lambda: self._edit(Matchmaking, matchmaking_id, None, change))

    def add_tables(self, matchmaking_id: UUID | str, *, actor: str,
                   tables: list[tuple[str, int]]) -> int:
        """Add tables (name, seats) in one save."""
        if not tables or len(tables) > MAX_LIST:
            raise ValidationError("tables", "give from 1 to %(max_list)s tables", max_list=MAX_LIST)

        def change(mm: Matchmaking) -> None:
            for name, seats in tables:
                mm.add_table(actor=actor, name=name, seats=seats, at=self._stamp())
        return self._retrying(lambda: self._edit(Matchmaking, matchmaking_id, None, change))
