"""PlannerApplication: the service layer and unit of work (one command, one save)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Mapper, Transcoding

from planner.commands.agreements import AgreementCommands
from planner.commands.api_tokens import ApiTokenCommands
from planner.commands.base import as_uuid
from planner.commands.copying import CopyCommands
from planner.commands.imports import ImportCommands
from planner.commands.invitations import InvitationCommands
from planner.commands.matchmaking import MatchmakingCommands
from planner.commands.matchmaking_lists import MatchmakingListCommands
from planner.commands.meetings import MeetingCommands
from planner.commands.organisations import OrganisationCommands
from planner.commands.people import PeopleCommands
from planner.commands.preferences import PreferenceCommands
from planner.commands.profiles import ProfileCommands
from planner.commands.trips import TripCommands
from planner.credentials.store import Credentials, MemoryCredentials
from planner.domain.account import Account
from planner.domain.agreement import Agreement
from planner.domain.audit_trail import AuditTrail
from planner.domain.company import CompanyProfile
from planner.domain.invitation import Invitation
from planner.domain.matchmaking import Matchmaking
from planner.domain.meeting import Meeting
from planner.domain.organisation import Organisation
from planner.domain.person import Person
from planner.domain.trip import Trip
from planner.privacy.keys import KeyStore, MemoryKeyStore, SqlKeyStore
from planner.privacy.sealing import PersonalDataMapper, SealedTranscoding, subjects_to_seal


class DateAsISO(Transcoding):
    """Calendar dates (legs, signing dates, due dates) as YYYY-MM-DD."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


def _mapper_class(keys: KeyStore) -> type[Mapper[Any]]:
    """The library constructs the mapper itself; this binds the key store to it."""

    class Bound(PersonalDataMapper):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, keys=keys, **kwargs)

    return Bound


class PlannerApplication(TripCommands, MeetingCommands, ProfileCommands, AgreementCommands,
                         PeopleCommands, OrganisationCommands, ImportCommands, CopyCommands,
                         ApiTokenCommands, MatchmakingCommands, MatchmakingListCommands,
                         InvitationCommands, PreferenceCommands):
    """Every change the domain allows, as a command; get_* queries return plain data."""

    name = "Planner"
    # A record loads from its last snapshot plus at most 9 events: loading one with 5,000
    # events stays well within 2x of loading a new one (bench/bench_loading.py); with 50 it
    # took 2.25x, with 20 up to 1.9x on a busy machine. A snapshot costs one insert per 10.
    snapshotting_intervals = {Trip: 10, Meeting: 10, CompanyProfile: 10, Agreement: 10,
                              Person: 10, Account: 10, AuditTrail: 10, Organisation: 10,
                              Matchmaking: 10, Invitation: 10}

    def __init__(self, env: dict[str, str] | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(env)
        self.clock = clock
        self.saved_listeners: list[Callable[[], None]] = []
        self.credentials: Credentials = MemoryCredentials()  # SQL storage: set by bootstrap

    def construct_mapper(self) -> Mapper[Any]:
        """The mapper that seals personal data with per-person keys (planner.privacy)."""
        datastore = getattr(self.factory, "datastore", None)
        self.keys: KeyStore = (SqlKeyStore(datastore.engine) if datastore is not None
                               else MemoryKeyStore())
        return self.factory.mapper(transcoder=self.construct_transcoder(),
                                   mapper_class=_mapper_class(self.keys))

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())
        transcoder.register(SealedTranscoding(self.keys))

    def save(self, *objs: Any, **kwargs: Any) -> Any:
        """The library's save, after making the keys its personal data will be sealed with
        (idempotent; an erased person's key is never made again: that save is refused)."""
        pending = [e for o in objs if o is not None
                   for e in (o.pending_events if hasattr(o, "pending_events") else [o])]
        self.keys.keys_for_sealing(sorted(subjects_to_seal(pending)))
        return super().save(*objs, **kwargs)

    def history(self, record_id: Any) -> list[Any]:
        """Every stored event of one record, oldest first (domain event objects)."""
        return list(self.events.get(as_uuid("record id", record_id)))
