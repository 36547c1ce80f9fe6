"""What someone with write access to the database might do to the stored events."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from planner.bootstrap import Planner

EVENTS = "planner_events"


def run(planner: Planner, sql: str, **params: Any) -> None:
    assert planner.engine is not None
    with planner.engine.begin() as conn:
        conn.execute(text(sql), params)


def stored(planner: Planner, position: int) -> dict[str, Any]:
    assert planner.engine is not None
    with planner.engine.connect() as conn:
        row = conn.execute(text(f"SELECT * FROM {EVENTS} WHERE id = :p"), {"p": position}).one()
    return dict(row._mapping)


def change_one_byte(planner: Planner, position: int) -> None:
    """Flip one character of the payload: 'Jining' becomes 'Jininh', or similar."""
    state = bytearray(stored(planner, position)["state"])
    index = state.index(b'"actor"') + 10
    state[index] ^= 0x01
    run(planner, f"UPDATE {EVENTS} SET state = :s WHERE id = :p", s=bytes(state), p=position)


def delete(planner: Planner, position: int) -> None:
    run(planner, f"DELETE FROM {EVENTS} WHERE id = :p", p=position)


def insert_after(planner: Planner, position: int) -> None:
    """Make room after `position` by renumbering later events, and slip in a forged copy of
    the event at `position` under a new version of its record."""
    original = stored(planner, position)
    run(planner, f"UPDATE {EVENTS} SET id = id + 100000 WHERE id > :p", p=position)
    run(planner, f"INSERT INTO {EVENTS} (id, originator_id, originator_version, topic, state) "
                 "VALUES (:id, :o, :v, :t, :s)", id=position + 1, o=original["originator_id"],
        v=original["originator_version"] + 1000, t=original["topic"], s=original["state"])


def swap_payloads(planner: Planner, first: int, second: int) -> None:
    a, b = stored(planner, first), stored(planner, second)
    for target, source in ((first, b), (second, a)):
        run(planner, f"UPDATE {EVENTS} SET topic = :t, state = :s WHERE id = :p",
            t=source["topic"], s=source["state"], p=target)


def swap_ids(planner: Planner, first: int, second: int) -> None:
    run(planner, f"UPDATE {EVENTS} SET id = -1 WHERE id = :p", p=first)
    run(planner, f"UPDATE {EVENTS} SET id = :a WHERE id = :b", a=first, b=second)
    run(planner, f"UPDATE {EVENTS} SET id = :b WHERE id = -1", b=second)


def rewrite_chain(planner: Planner) -> None:
    """What a thorough forger does after tampering: recompute every link from scratch."""
    run(planner, "DELETE FROM audit_chain")
    run(planner, "DELETE FROM audit_log")
    run(planner, "UPDATE audit_follower SET position = 0, link = :g", g="0" * 64)
    planner.audit_follower.catch_up()
