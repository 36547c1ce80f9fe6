"""`planner log import` is all or nothing: a bad file names its line and rule, and leaves the
database exactly as it was (empty, so the same database takes a good file afterwards).

Most bad files here pass `planner log verify FILE`: whoever made them recomputed every link,
as a forger (or a buggy tool) would. The chain alone cannot refuse them; the import must.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from planner.audit import importer
from planner.audit.chain import GENESIS, StoredRow, chained_head, next_link
from planner.audit.exchange import event_line, export_log, verify_file
from planner.audit.importer import import_log
from planner.audit.tables import audit_chain, audit_log
from planner.bootstrap import Planner
from planner.cli import main
from planner.domain.errors import DomainError
from planner.readmodel import tables as rm


def rechained(header: dict[str, Any], events: list[dict[str, Any]]) -> str:
    """The file a forger would write: positions renumbered, every link and the head redone."""
    previous, out = GENESIS, []
    for position, data in enumerate(events, start=1):
        row = StoredRow(position, data["originator_id"], data["originator_version"],
                        data["topic"], data["state"].encode("utf-8"))
        previous = next_link(previous, row)
        out.append(event_line(row, previous))
    top = {**header, "count": len(out), "head": f"{len(out)}:{previous}"}
    return json.dumps(top) + "\n" + "\n".join(out) + "\n"


def with_state(data: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    state = json.loads(data["state"])
    change(state)
    return {**data, "state": json.dumps(state, ensure_ascii=False, separators=(",", ":"))}


def _duplicate(events: list[dict[str, Any]]) -> None:
    events.insert(6, dict(events[3]))


def _missing(events: list[dict[str, Any]]) -> None:
    meeting = events[-1]["originator_id"]
    at = max(i for i, e in enumerate(events)
             if e["originator_id"] == meeting and e["originator_version"] > 1)
    del events[next(i for i, e in enumerate(events) if e["originator_id"] == meeting
                    and e["originator_version"] == 2 and i < at)]


def _unknown_topic(events: list[dict[str, Any]]) -> None:
    events[5] = {**events[5], "topic": "planner.domain.meeting:Meeting.Teleported"}


def _unknown_key(events: list[dict[str, Any]]) -> None:
    events[5] = with_state(events[5], lambda s: s.update(approved_by="mallory"))


def _missing_key(events: list[dict[str, Any]]) -> None:
    events[5] = with_state(events[5], lambda s: s.pop("actor"))


def _wrong_type(events: list[dict[str, Any]]) -> None:
    events[5] = with_state(events[5], lambda s: s.update(actor=["not", "text"]))


def _not_json_state(events: list[dict[str, Any]]) -> None:
    events[5] = {**events[5], "state": '{"timestamp": '}


FORGED = {  # name: (change, line, rule)
    "duplicate": (_duplicate, 8, r"version 1 is already on line 5 \(duplicate event\)"),
    "missing line": (_missing, None, r"jumps to version 3, expected version 2 .*an event is "
                                     r"missing"),
    "unknown topic": (_unknown_topic, 7, r"unknown event type 'planner.domain.meeting:Meeting"
                                         r".Teleported'"),
    "unknown key": (_unknown_key, 7, r"unknown field\(s\) 'approved_by' in a \w+\.\w+ event"),
    "missing key": (_missing_key, 7, r"field\(s\) 'actor' of a \w+\.\w+ event are missing"),
    "wrong type": (_wrong_type, 7, r"field 'actor' of a \w+\.\w+ event must be a str, not list"),
    "unreadable state": (_not_json_state, 7, r"field 'state' is not a readable \w+\.\w+ event"),
}


def count(planner: Planner, table: Any = None) -> int:
    table = planner.events_table if table is None else table
    with planner.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def assert_untouched(target: Planner) -> None:
    """Exactly as before: no events, no links, no index, no read-model rows, position 0."""
    assert count(target) == 0
    assert count(target, audit_chain) == 0 and count(target, audit_log) == 0
    assert chained_head(target.engine).position == 0
    assert count(target, rm.trips) == 0 and count(target, rm.meetings) == 0
    assert target.projector.position() == 0


@pytest.fixture
def source_file(pristine_jining, tmp_path: Path) -> tuple[dict[str, Any], list[dict], Path]:
    planner, _ = pristine_jining
    path = tmp_path / "good.jsonl"
    export_log(planner, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    return json.loads(lines[0]), [json.loads(line) for line in lines[1:]], path


@pytest.fixture
def target(pristine_jining, make_planner, tmp_path: Path,
           request: pytest.FixtureRequest) -> Planner:
    source, _ = pristine_jining
    if source.engine.dialect.name == "sqlite":
        return make_planner(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    return make_planner(request.getfixturevalue("postgres_url"))


@pytest.mark.parametrize("name", list(FORGED))
def test_a_forged_file_that_verifies_is_refused_naming_line_and_rule(
        name, source_file, target, tmp_path, monkeypatch):
    header, events, good = source_file
    change, line, rule = FORGED[name]
    change(events)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(rechained(header, events), encoding="utf-8")
    assert verify_file(bad).ok, "the forged file must pass the offline check"
    monkeypatch.setattr(importer, "BATCH", 2)  # several batches are written before the bad one
    where = rf"line {line}" if line else r"line \d+"
    refusal = rf"{where}: (record \S+ )?{rule}.*; nothing was imported"
    with pytest.raises(DomainError, match=refusal):
        import_log(target, bad)
    assert_untouched(target)
    assert import_log(target, good).count == len(events) - (1 if name == "duplicate" else 0) + (
        1 if name == "missing line" else 0)


def test_bad_json_an_unknown_key_and_a_truncated_file_are_refused_and_change_nothing(
        source_file, target, tmp_path):
    header, events, good = source_file
    lines = good.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = tmp_path / "bad.jsonl"
    cases = {
        "bad JSON": (lines[:4] + ['{"position": 4, "originator_id": \n'] + lines[5:],
                     r"line 5: is not a complete JSON line"),
        "truncated": (lines[:-2], rf"line {len(lines) - 1}: the file ends after "
                                  rf"{len(events) - 2} events but its header says "
                                  rf"{len(events)} \(truncated\?\)"),
        "cut mid-line": ([*lines[:-1], lines[-1][:30]], rf"line {len(lines)}: is not a "
                                                        "complete JSON line"),
        "unknown key": (lines[:3] + [lines[3].replace('{"position"', '{"signed_off":true,'
                                                      '"position"', 1)] + lines[4:],
                        r"line 4: unknown key\(s\) 'signed_off' \(an event line has only"),
    }
    for name, (content, rule) in cases.items():
        bad.write_text("".join(content), encoding="utf-8")
        with pytest.raises(DomainError, match=rf"{rule}.*nothing was imported"):
            import_log(target, bad)
        assert_untouched(target), name
    assert import_log(target, good).count == len(events)


def test_the_command_line_names_the_line_and_the_database_takes_the_good_file_after(
        source_file, target, tmp_path, monkeypatch):
    header, events, good = source_file
    _unknown_key(events)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(rechained(header, events), encoding="utf-8")
    monkeypatch.setenv("PLANNER_DATABASE_URL",
                       target.engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(target.settings.instance_path))
    runner = CliRunner()
    refused = runner.invoke(main, ["log", "import", str(bad)])
    assert refused.exit_code == 1
    assert "line 7: unknown field(s) 'approved_by'" in refused.output
    assert_untouched(target)
    accepted = runner.invoke(main, ["log", "import", str(good)])
    assert accepted.exit_code == 0, accepted.output
    verified = runner.invoke(main, ["log", "verify"])
    assert verified.exit_code == 0 and "chain intact" in verified.output
