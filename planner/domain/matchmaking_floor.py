"""The conference floor of a matchmaking (mixin of planner.domain.matchmaking.Matchmaking):
meeting slots, tables with their seats, blocked times, the interpreter pool, and the
solver's provisional schedule recorded with the fingerprint of the input it was made for."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from planner.domain import matchmaking_values as mv
from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError, ValidationError
from planner.domain.ids import new_id

MAX_SLOTS = 100
MAX_TABLES = 200


class ConferenceFloor:
    """Slots {slot_id, starts_at, ends_at}; tables {table_id, name, seats}; blocks
    {block_id, starts_at, ends_at, label, profile_id, table_id} ('' = everyone / every table);
    interpreters {person_id: {language_pairs, available: [{starts_at, ends_at}]}}."""

    slots: list[dict[str, Any]]
    tables: list[dict[str, Any]]
    blocks: list[dict[str, Any]]
    interpreters: dict[str, dict[str, Any]]
    schedule: dict[str, Any] | None
    companies: dict[str, dict[str, Any]]
    pairs: dict[str, dict[str, Any]]
    _emit: Any
    _check_unpublished: Any  # the aggregate's: refuses changes once published

    # -- slots ----------------------------------------------------------------------------
    class SlotsDefined(PlannerAggregate.Event):
        slots: list[dict[str, Any]]

        def apply(self, mm: Any) -> None:
            mm.slots = [dict(s) for s in self.slots]

    def define_slots(self, *, actor: str, slots: list[tuple[datetime, datetime]],
                     at: datetime | None = None) -> None:
        """Replace the meeting slots (UTC instants; they must not overlap each other)."""
        self._check_unpublished("slots")
        if not isinstance(slots, list | tuple) or not slots:
            raise ValidationError("slots", "give at least one slot")
        if len(slots) > MAX_SLOTS:
            raise ValidationError("slots", "at most %(max_slots)s slots", max_slots=MAX_SLOTS)
        checked = []
        for start, end in slots:
            first, last = mv.window("slots", start, "slots", end)
            checked.append(dict(slot_id=str(new_id()), starts_at=first, ends_at=last))
        checked.sort(key=lambda s: s["starts_at"])
        for before, after in zip(checked, checked[1:], strict=False):
            if mv.overlaps(before, after):
                raise ValidationError("slots", "slots overlap: %(first)s and %(second)s UTC",
                                      first=before["starts_at"].strftime("%H:%M"),
                                      second=after["starts_at"].strftime("%H:%M"))
        self._emit(self.SlotsDefined, actor, at, slots=checked)

    # -- tables ---------------------------------------------------------------------------
    class TableAdded(PlannerAggregate.Event):
        table_id: str
        name: str
        seats: int

        def apply(self, mm: Any) -> None:
            mm.tables.append(dict(table_id=self.table_id, name=self.name, seats=self.seats))

    class TableRemoved(PlannerAggregate.Event):
        table_id: str

        def apply(self, mm: Any) -> None:
            mm.tables = [t for t in mm.tables if t["table_id"] != self.table_id]
            mm.blocks = [b for b in mm.blocks if b["table_id"] != self.table_id]

    def add_table(self, *, actor: str, name: str, seats: int,
                  at: datetime | None = None) -> str:
        self._check_unpublished("tables")
        name = v.text("name", name, max_len=100)
        if any(t["name"].casefold() == name.casefold() for t in self.tables):
            raise ValidationError("name", "there is already a table %(name)r", name=name)
        if len(self.tables) >= MAX_TABLES:
            raise InvariantError("tables", "at most %(max_tables)s tables", max_tables=MAX_TABLES)
        table_id = str(new_id())
        self._emit(self.TableAdded, actor, at, table_id=table_id, name=name,
                   seats=v.whole_number("seats", seats, low=mv.MIN_SEATS, high=mv.MAX_SEATS))
        return table_id

    def table(self, field: str, table_id: str) -> dict[str, Any]:
        table_id = v.record_id(field, table_id)
        found = next((t for t in self.tables if t["table_id"] == table_id), None)
        if found is None:
            raise ValidationError(field, "there is no table %(table_id)s", table_id=table_id)
        return found

    def remove_table(self, *, actor: str, table_id: str, at: datetime | None = None) -> None:
        self._check_unpublished("tables")
        self._emit(self.TableRemoved, actor, at, table_id=self.table("table_id",
                                                                     table_id)["table_id"])

    # -- blocked times --------------------------------------------------------------------
    class TimeBlocked(PlannerAggregate.Event):
        block_id: str
        starts_at: datetime
        ends_at: datetime
        label: str
        profile_id: str
        table_id: str

        def apply(self, mm: Any) -> None:
            mm.blocks.append(dict(block_id=self.block_id, starts_at=self.starts_at,
                                  ends_at=self.ends_at, label=self.label,
                                  profile_id=self.profile_id, table_id=self.table_id))

    class BlockRemoved(PlannerAggregate.Event):
        block_id: str

        def apply(self, mm: Any) -> None:
            mm.blocks = [b for b in mm.blocks if b["block_id"] != self.block_id]

    def block_time(self, *, actor: str, starts_at: datetime, ends_at: datetime, label: str,
                   profile_id: str = "", table_id: str = "",
                   at: datetime | None = None) -> str:
        """Block a time (a keynote) for everyone, or for one company or one table."""
        self._check_unpublished("blocks")
        start, end = mv.window("starts_at", starts_at, "ends_at", ends_at)
        profile = v.record_id("profile_id", profile_id, required=False)
        if profile and profile not in self.companies:
            raise ValidationError("profile_id", "company %(profile_id)s takes no part in this "
                                                "matchmaking", profile_id=profile)
        table = self.table("table_id", table_id)["table_id"] if table_id else ""
        block_id = str(new_id())
        self._emit(self.TimeBlocked, actor, at, block_id=block_id, starts_at=start,
                   ends_at=end, label=v.text("label", label), profile_id=profile,
                   table_id=table)
        return block_id

    def unblock(self, *, actor: str, block_id: str, at: datetime | None = None) -> None:
        self._check_unpublished("blocks")
        block_id = v.record_id("block_id", block_id)
        if not any(b["block_id"] == block_id for b in self.blocks):
            raise ValidationError("block_id", "there is no blocked time %(block_id)s",
                                  block_id=block_id)
        self._emit(self.BlockRemoved, actor, at, block_id=block_id)

    # -- interpreters ---------------------------------------------------------------------
    class InterpreterAdded(PlannerAggregate.Event):
        person_id: str
        language_pairs: list[str]
        available: list[dict[str, Any]]

        def apply(self, mm: Any) -> None:
            mm.interpreters[self.person_id] = dict(
                person_id=self.person_id, language_pairs=list(self.language_pairs),
                available=[dict(w) for w in self.available])

    class InterpreterRemoved(PlannerAggregate.Event):
        person_id: str

        def apply(self, mm: Any) -> None:
            mm.interpreters.pop(self.person_id, None)

    def add_interpreter(self, *, actor: str, person_id: str, language_pairs: list[str],
                        available: list[tuple[datetime, datetime]] | None = None,
                        at: datetime | None = None) -> None:
        """Put a person in the pool (again: replaces their pairs and availability). No
        availability given: available all the time."""
        self._check_unpublished("interpreters")
        pairs = [mv.language_pair("language_pairs", p)
                 for p in v.text_list("language_pairs", language_pairs, max_len=40)]
        if not pairs:
            raise ValidationError("language_pairs", "name at least one pair such as 'de-zh'")
        windows = []
        for start, end in available or []:
            first, last = mv.window("available", start, "available", end)
            windows.append(dict(starts_at=first, ends_at=last))
        self._emit(self.InterpreterAdded, actor, at,
                   person_id=v.record_id("person_id", person_id),
                   language_pairs=sorted(set(pairs)), available=windows)

    def remove_interpreter(self, *, actor: str, person_id: str,
                           at: datetime | None = None) -> None:
        self._check_unpublished("interpreters")
        person_id = v.record_id("person_id", person_id)
        if person_id not in self.interpreters:
            raise ValidationError("person_id", "person %(person_id)s is not in the "
                                               "interpreter pool", person_id=person_id)
        self._emit(self.InterpreterRemoved, actor, at, person_id=person_id)

    # -- the provisional schedule ---------------------------------------------------------
    class ScheduleProposed(PlannerAggregate.Event):
        fingerprint: str
        solver: str
        placements: list[dict[str, str]]  # a_id, b_id, slot_id, table_id, interpreter_id
        unplaced: list[dict[str, Any]]  # a_id, b_id, reason, parts (to translate)

        def apply(self, mm: Any) -> None:
            mm.schedule = dict(fingerprint=self.fingerprint, solver=self.solver,
                               placements=[dict(p) for p in self.placements],
                               unplaced=[dict(u) for u in self.unplaced])

    def propose_schedule(self, *, actor: str, fingerprint: str, solver: str,
                         placements: list[dict[str, str]], unplaced: list[dict[str, Any]],
                         at: datetime | None = None) -> None:
        """Record the solver's result for the input with this fingerprint. Checked again
        here: every placement names a known slot and table, nothing is in two places."""
        self._check_unpublished("schedule")
        slots = {s["slot_id"] for s in self.slots}
        tables = {t["table_id"] for t in self.tables}
        taken: set[tuple[str, str]] = set()
        for p in placements:
            if p["slot_id"] not in slots or p["table_id"] not in tables:
                raise InvariantError("schedule", "a placement names an unknown slot or table")
            for who in (p["a_id"], p["b_id"], "table:" + p["table_id"],
                        p.get("interpreter_id") or None):
                if who is not None and (who, p["slot_id"]) in taken:
                    raise InvariantError("schedule", "%(who)s is placed twice in one slot",
                                         who=who)
                taken.add((who, p["slot_id"])) if who is not None else None
        if any(not u.get("reason") for u in unplaced):
            raise InvariantError("schedule", "every unplaced pair needs a reason")
        self._emit(self.ScheduleProposed, actor, at,
                   fingerprint=v.text("fingerprint", fingerprint, max_len=100), solver=solver,
                   placements=[dict(a_id=p["a_id"], b_id=p["b_id"], slot_id=p["slot_id"],
                                    table_id=p["table_id"],
                                    interpreter_id=p.get("interpreter_id") or "")
                               for p in placements],
                   unplaced=[dict(a_id=u["a_id"], b_id=u["b_id"], reason=u["reason"],
                                  parts=mv.parts("unplaced", u.get("parts")))
                             for u in unplaced])
