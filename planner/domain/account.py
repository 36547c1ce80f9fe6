"""Account: a staff login with a role. Role and access changes are audit-relevant events.

Name and e-mail are personal data, sealed with the account's own key (planner.privacy); an
account linked to a person is erased with that person and can never sign in again.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.erasable import Erasable
from planner.domain.errors import InvariantError
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.domain.person import ERASED_PERSON
from planner.domain.values import reason_text
from planner.i18n.words import N_


class Role(StrEnum):
    ORGANISER = "organiser"
    PARTICIPANT = "participant"
    AUDITOR = "auditor"
    ADMINISTRATOR = "administrator"


def account_id(email: str) -> UUID:
    """Accounts are found by e-mail without a read model: the id is derived from it,
    normalised as `optional_email` stores it (NFC, trimmed, lower case)."""
    address = unicodedata.normalize("NFC", email).strip().lower()
    return uuid5(NAMESPACE_URL, f"delegation-planner:account:{address}")


def _password_ref(ref: str) -> str:
    """A reference into the credential store (planner.credentials): never the hash itself."""
    return v.text("password_ref", ref, max_len=64)


class Account(Erasable, PlannerAggregate):
    """Version 2 added the account's organisation and the global-auditor flag."""

    erased_refusal = ("account", N_("this account was erased; it takes no further changes"))
    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["organisation_id"] = DEFAULT_ORGANISATION_ID
        state["global_auditor"] = False

    class Opened(PlannerAggregate.Created):
        """Version 2 added `password_ref`: the hash lives in the credential store, outside the
        log; `password_hash` is "" from then on (version-1 events keep theirs). Version 3
        added `organisation_id` (older accounts belong to the default organisation) and
        `global_auditor`."""

        class_version = 3
        email: str
        name: str
        role: str
        password_hash: str
        person_id: str
        password_ref: str
        organisation_id: str
        global_auditor: bool

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["password_ref"] = ""

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["organisation_id"] = DEFAULT_ORGANISATION_ID
            state["global_auditor"] = False

    def __init__(self, actor: str, reason: str, email: str, name: str, role: str,
                 password_hash: str, person_id: str, password_ref: str,
                 organisation_id: str, global_auditor: bool) -> None:
        self.organisation_id, self.global_auditor = organisation_id, global_auditor
        self.email, self.name, self.role = email, name, role
        self.password_hash, self.person_id = password_hash, person_id
        self.password_ref = password_ref
        self.active = True

    @classmethod
    def open(cls, *, actor: str, email: str, name: str, role: str, password_ref: str,
             person_id: UUID | str | None = None,
             organisation_id: UUID | str = DEFAULT_ORGANISATION_ID,
             global_auditor: bool = False, at: datetime | None = None) -> Account:
        address = v.optional_email("email", email)
        if not address:
            raise InvariantError("email", "must not be empty")
        role = v.choice("role", role, Role)
        if role == Role.PARTICIPANT and not person_id:
            raise InvariantError("person_id", "a participant account must be linked to a person")
        if global_auditor and role != Role.AUDITOR:
            raise InvariantError("global_auditor", "only an auditor can see every "
                                                   "organisation's records")
        return cls._start(cls.Opened, actor, at, id=account_id(address), email=address,
                          organisation_id=v.record_id("organisation_id", organisation_id),
                          global_auditor=bool(global_auditor),
                          name=v.text("name", name), role=role,
                          password_hash="", password_ref=_password_ref(password_ref),
                          person_id=v.record_id("person_id", person_id, required=False))

    class RoleChanged(PlannerAggregate.Event):
        role: str
        person_id: str

        def apply(self, account: Account) -> None:
            account.role, account.person_id = self.role, self.person_id
            account.global_auditor = account.global_auditor and self.role == Role.AUDITOR

    def change_role(self, *, actor: str, role: str, person_id: UUID | str | None = None,
                    reason: str, at: datetime | None = None) -> None:
        self._refuse_if_erased()
        role = v.choice("role", role, Role)
        reason = reason_text(reason, required=True, what=N_("changing a role"))
        linked = v.record_id("person_id", person_id, required=False) or self.person_id
        if role == Role.PARTICIPANT and not linked:
            raise InvariantError("person_id", "a participant account must be linked to a person")
        self._emit(self.RoleChanged, actor, at, reason, role=role, person_id=linked)

    class AuditScopeChanged(PlannerAggregate.Event):
        """An auditor sees every organisation's records (global) or their own's."""

        global_auditor: bool

        def apply(self, account: Account) -> None:
            account.global_auditor = self.global_auditor

    def set_global_auditor(self, *, actor: str, global_auditor: bool, reason: str,
                           at: datetime | None = None) -> None:
        self._refuse_if_erased()
        reason = reason_text(reason, required=True, what=N_("changing what an auditor sees"))
        if global_auditor and self.role != Role.AUDITOR:
            raise InvariantError("global_auditor", "only an auditor can see every "
                                                   "organisation's records")
        if bool(global_auditor) == self.global_auditor:
            raise InvariantError("global_auditor", "nothing changed")
        self._emit(self.AuditScopeChanged, actor, at, reason,
                   global_auditor=bool(global_auditor))

    class PasswordChanged(PlannerAggregate.Event):
        """Version 2 added `password_ref` (see Opened); `password_hash` is "" from then on."""

        class_version = 2
        password_hash: str
        password_ref: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["password_ref"] = ""

        def apply(self, account: Account) -> None:
            account.password_hash, account.password_ref = self.password_hash, self.password_ref

    def change_password(self, *, actor: str, password_ref: str,
                        at: datetime | None = None) -> None:
        self._refuse_if_erased()
        self._emit(self.PasswordChanged, actor, at, password_hash="",
                   password_ref=_password_ref(password_ref))

    class SessionsEnded(PlannerAggregate.Event):
        """Every signed-in session of the account ends (signing out, or an administrator's
        "sign out everywhere"); sessions carry the account's version and this moves it on."""

        def apply(self, account: Account) -> None:
            pass

    def end_sessions(self, *, actor: str, reason: str, at: datetime | None = None) -> None:
        self._emit(self.SessionsEnded, actor, at, reason_text(reason, required=False,
                                                              what=N_("signing out")))

    class Disabled(PlannerAggregate.Event):
        def apply(self, account: Account) -> None:
            account.active = False

    class Enabled(PlannerAggregate.Event):
        def apply(self, account: Account) -> None:
            account.active = True

    def disable(self, *, actor: str, reason: str, at: datetime | None = None) -> None:
        self._refuse_if_erased()
        if not self.active:
            raise InvariantError("active", "the account is already disabled")
        self._emit(self.Disabled, actor, at, reason_text(reason, required=True,
                                                         what=N_("disabling an account")))

    def enable(self, *, actor: str, reason: str, at: datetime | None = None) -> None:
        self._refuse_if_erased()
        if self.active:
            raise InvariantError("active", "the account is already active")
        self._emit(self.Enabled, actor, at, reason_text(reason, required=True,
                                                        what=N_("enabling an account")))

    class Erased(PlannerAggregate.Event):
        """Erased with the person it belongs to: its key is deleted, it cannot sign in."""

        def apply(self, account: Account) -> None:
            account.name, account.email, account.active = ERASED_PERSON, "", False
            account.erased = True
