"""Sealing personal fields of stored events, and opening them again while the key exists.

Which fields are personal is decided here, once (see docs/personal-data.md). On the way into
the log the mapper replaces each personal field of a listed event (and of a snapshot of a
listed aggregate) by a `Sealed` value, which the transcoder stores as
{"_type_": "personal", "_data_": {"s": subject, "f": field, "c": base64(nonce + ciphertext)}}
(AES-256-GCM; subject and field are authenticated, so a sealed value cannot be moved to
another person or field). On the way out the transcoder opens it, or, once the subject's key
is deleted, gives the erased placeholder. Everything that reads the log - read models, the
audit index, history, as-of, calendars - goes through this one transcoder, so none of them
needs to know about erasure. Events stored before sealing existed keep their plain strings
and load as they were; for an erased subject the mapper masks them on loading.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from eventsourcing.domain import Snapshot
from eventsourcing.persistence import Mapper, StoredEvent, Transcoding
from eventsourcing.utils import get_topic

from planner.domain.account import Account, account_id
from planner.domain.person import ERASED_PERSON, Person
from planner.privacy.keys import KeyStore

# Personal fields per event class and per aggregate (for its snapshots). The subject whose key
# seals them is always the event's originator: the person, or the account.
PERSON_FIELDS = ("name", "title", "email")
ACCOUNT_FIELDS = ("name", "email")
EVENT_FIELDS: dict[type, tuple[str, ...]] = {
    Person.Registered: PERSON_FIELDS, Person.DetailsChanged: PERSON_FIELDS,
    Account.Opened: ACCOUNT_FIELDS,
}
SNAPSHOT_FIELDS: dict[str, tuple[str, ...]] = {
    get_topic(Person): PERSON_FIELDS, get_topic(Account): ACCOUNT_FIELDS,
}


# The actor of a change to a person or an account is sealed with the acting account's key:
# a participant acts only on their own records (preferences, feed, password), so erasing them
# erases their e-mail as actor too. Staff keep their keys, so their actions read as before.
# The erasure itself always names its actor in plain text. A user issues and revokes their own
# API tokens, so those events seal their actor too.
ACTOR_SEALED = ("planner.domain.person:Person.", "planner.domain.account:Account.",
                "planner.domain.api_token:ApiToken.")
NOT_ACTOR_SEALED = (".Erased",)


def erased_value(field: str) -> str:
    """What an erased field reads as: the placeholder for a name, nothing for the rest."""
    return ERASED_PERSON if field in ("name", "actor") else ""


@dataclass(frozen=True)
class Sealed:
    """A personal value on its way into the log (only ever inside the mapper)."""

    subject: str
    field: str
    value: str


class SealedTranscoding(Transcoding):
    type = Sealed
    name = "personal"

    def __init__(self, keys: KeyStore) -> None:
        self.keys = keys

    def encode(self, obj: Sealed) -> dict[str, str]:
        key = self.keys.key_for_sealing(obj.subject)
        nonce = os.urandom(12)
        sealed = AESGCM(key).encrypt(nonce, obj.value.encode("utf-8"),
                                     _bound(obj.subject, obj.field))
        return {"s": obj.subject, "f": obj.field,
                "c": base64.b64encode(nonce + sealed).decode("ascii")}

    def decode(self, data: dict[str, str]) -> str:
        subject, field = data["s"], data["f"]
        key = self.keys.key(subject)
        if key is None:
            return erased_value(field)
        raw = base64.b64decode(data["c"])
        return AESGCM(key).decrypt(raw[:12], raw[12:], _bound(subject, field)).decode("utf-8")


_MARK = b'"_type_":"personal"'


def _bound(subject: str, field: str) -> bytes:
    return f"{subject}:{field}".encode()


class PersonalDataMapper(Mapper[Any]):
    """The application's mapper: seals personal fields when storing, masks legacy plain text
    of erased subjects when loading."""

    def __init__(self, *args: Any, keys: KeyStore, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keys = keys

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        fields, state = _personal(domain_event)
        subject = str(domain_event.originator_id)
        # Empty values and placeholders (a snapshot of an erased record) are nothing personal.
        sealed = {f: Sealed(subject, f, state[f]) for f in fields
                  if isinstance(state.get(f), str) and state[f] not in ("", erased_value(f))}
        actor = _sealed_actor(domain_event)
        if actor is not None:
            sealed["actor"] = actor
        if not sealed:
            return super().to_stored_event(domain_event)
        return super().to_stored_event(_with(domain_event, state, sealed))

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        with self.keys.reading():
            event = super().to_domain_event(stored_event)
            fields, state = _personal(event)
            # Only plain text from before sealing needs the look-up: sealed values already
            # read as erased without their key.
            if (fields and _MARK not in stored_event.state
                    and self.keys.is_erased(str(event.originator_id))):
                state.update({f: erased_value(f) for f in fields if f in state})
        return event


def subjects_to_seal(events: list[Any]) -> set[str]:
    """Whose keys storing these events will need: made before the save, so that no event is
    ever stored without its key and the save itself only reads keys."""
    subjects = {str(e.originator_id) for e in events if _personal(e)[0]}
    subjects.update(actor.subject for actor in map(_sealed_actor, events) if actor is not None)
    return subjects


def _personal(event: Any) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The personal fields of an event and the dict that holds them (a snapshot's state)."""
    if isinstance(event, Snapshot):
        return SNAPSHOT_FIELDS.get(event.topic, ()), event.state
    return EVENT_FIELDS.get(type(event), ()), event.__dict__


def _sealed_actor(event: Any) -> Sealed | None:
    actor = getattr(event, "actor", None)
    if not isinstance(actor, str) or "@" not in actor or isinstance(event, Snapshot):
        return None
    topic = get_topic(type(event))
    if not topic.startswith(ACTOR_SEALED) or topic.endswith(NOT_ACTOR_SEALED):
        return None
    return Sealed(str(account_id(actor)), "actor", actor)


def _with(event: Any, state: dict[str, Any], values: dict[str, Sealed]) -> Any:
    """A copy of the event with some values replaced (the original is the aggregate's own)."""
    copy = object.__new__(type(event))
    if isinstance(event, Snapshot):
        object.__setattr__(copy, "__dict__", {**event.__dict__, "state": {**state, **values}})
    else:
        object.__setattr__(copy, "__dict__", {**state, **values})
    return copy
