"""What someone with write access to the database might do to the stored events."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text

from planner.audit.chain import GENESIS, next_link, stored_row
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
    """What a thorough forger with write access to the database (but not the chain key, which
    is in the instance folder) does after tampering: recompute every link from scratch with
    the published formula, without the key."""
    assert planner.engine is not None
    with planner.engine.begin() as conn:
        events = planner.events_table
        rows = [stored_row(r) for r in conn.execute(select(events).order_by(events.c.id))]
        conn.execute(text("DELETE FROM audit_chain"))
        link = GENESIS
        for row in rows:
            link = next_link(link, row)
            conn.execute(text("INSERT INTO audit_chain (position, link) VALUES (:p, :l)"),
                         {"p": row.position, "l": link})
        conn.execute(text("UPDATE audit_follower SET position = :p, link = :l "
                          "WHERE name = 'chain'"), {"p": rows[-1].position, "l": link})


def rewrite_chain_with_the_key(planner: Planner) -> None:
    """The same by someone who also took the chain key from the instance folder."""
    planner.audit_follower.rechain()


def append(planner: Planner, *, link: bool = False) -> int:
    """Append, with SQL, a copy of the last event as the next version of its record; with
    `link`, also its unkeyed link and an index row, as a forger imitating the planner would.
    Returns the new event's position."""
    assert planner.engine is not None
    last = planner.app.recorder.max_notification_id()
    original = stored(planner, last)
    newest = max(r.originator_version for r in planner.app.recorder.select_events(
        original["originator_id"]))
    run(planner, f"INSERT INTO {EVENTS} (originator_id, originator_version, topic, state) "
                 "VALUES (:o, :v, :t, :s)", o=original["originator_id"], v=newest + 1,
        t=original["topic"], s=original["state"])
    new = planner.app.recorder.max_notification_id()
    if link:
        with planner.engine.begin() as conn:
            previous = conn.execute(text("SELECT link FROM audit_chain WHERE position = :p"),
                                    {"p": last}).scalar_one()
            events = planner.events_table
            row = stored_row(conn.execute(select(events).where(events.c.id == new)).one())
            forged = next_link(previous, row)
            conn.execute(text("INSERT INTO audit_chain (position, link) VALUES (:p, :l)"),
                         {"p": new, "l": forged})
            conn.execute(text("INSERT INTO audit_log SELECT :n, record_id, record_kind, "
                              ":v, event_type, actor, occurred_at, reason, label, parent_id "
                              "FROM audit_log WHERE position = :p"),
                         {"n": new, "v": newest + 1, "p": last})
            conn.execute(text("UPDATE audit_follower SET position = :p, link = :l "
                              "WHERE name = 'chain'"), {"p": new, "l": forged})
    return new
