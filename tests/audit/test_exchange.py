"""Export the log as JSON Lines, check a file offline, import it into an empty database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from planner.audit.chain import chained_head, parse_head
from planner.audit.exchange import export_log, verify_file
from planner.audit.importer import import_log
from planner.audit.tables import audit_log
from planner.audit.verify import verify_database
from planner.bootstrap import Planner
from planner.calendar.files import person_ics, trip_ics
from planner.cli import main
from planner.domain.errors import DomainError
from planner.privacy.transfer import export_keys, import_keys
from planner.readmodel import tables as rm
from tests.audit import tampering


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def forge(line: str) -> str:
    """Change who did it: the payload is JSON text inside the line's JSON."""
    assert '\\"actor\\":\\"' in line
    return line.replace('\\"actor\\":\\"', '\\"actor\\":\\"mallory-', 1)


def rewrite(path: Path, lines: list[str]) -> None:
    path.write_text("".join(lines), encoding="utf-8")


def rows(planner: Planner, table) -> list[tuple]:
    with planner.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns
                                                                      or table.columns))]


def events(planner: Planner) -> list[tuple]:
    return rows(planner, planner.events_table)


def count(planner: Planner) -> int:
    table = planner.events_table
    with planner.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


@pytest.fixture
def empty_target(pristine_jining, make_planner, tmp_path: Path,
                 request: pytest.FixtureRequest) -> tuple[Planner, str]:
    """A new, empty database of the same kind as the shared scenario's."""
    source, _ = pristine_jining
    if source.engine.dialect.name == "sqlite":
        url = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    return make_planner(url), url


@pytest.fixture
def exported(pristine_jining, tmp_path: Path) -> tuple[Planner, Path]:
    planner, _ = pristine_jining
    path = tmp_path / "log.jsonl"
    export_log(planner, path)
    return planner, path


def test_the_export_has_a_header_and_one_readable_line_per_event(exported):
    planner, path = exported
    lines = lines_of(path)
    header = json.loads(lines[0])
    head = chained_head(planner.engine)
    assert header == {"format": "delegation-planner-log", "version": 1, "app": "Planner",
                      "count": head.position, "head": header["head"]}
    assert header["head"].startswith(f"{head.position}:")
    assert header["head"] != str(head)  # the file's own, unkeyed chain (see exchange.py)
    assert len(lines) == head.position + 1
    first = json.loads(lines[1])
    assert list(first) == ["position", "originator_id", "originator_version", "topic", "state",
                           "link"]
    assert "济宁" in path.read_text(encoding="utf-8")
    assert "Leipzig–Jining" in path.read_text(encoding="utf-8")
    # Names and e-mails of people are sealed (docs/personal-data.md): never in plain text.
    assert "Körner" not in path.read_text(encoding="utf-8")


def test_an_untouched_export_verifies_offline(exported):
    planner, path = exported
    verdict = verify_file(path)
    header = json.loads(lines_of(path)[0])
    assert verdict.ok and str(verdict.head) == header["head"]
    assert verdict.head.position == chained_head(planner.engine).position


def test_an_export_refuses_a_log_with_a_forged_event(pristine_jining, tmp_path):
    planner, _ = pristine_jining
    tampering.append(planner)
    with pytest.raises(DomainError, match="forged"):
        export_log(planner, tmp_path / "log.jsonl")
    assert not (tmp_path / "log.jsonl").exists()


def test_an_edited_line_is_named(exported):
    _, path = exported
    lines = lines_of(path)
    lines[6] = forge(lines[6])
    rewrite(path, lines)
    verdict = verify_file(path)
    assert (verdict.ok, verdict.first_bad) == (False, 7)
    assert verdict.problem.startswith("line 7: the event does not match its link")


def test_a_truncated_file_is_found_at_the_first_missing_line(exported):
    _, path = exported
    lines = lines_of(path)
    rewrite(path, lines[:-3])
    verdict = verify_file(path)
    assert (verdict.ok, verdict.first_bad) == (False, len(lines) - 2)
    assert "the file ends after" in verdict.problem and "truncated" in verdict.problem


def test_a_file_cut_off_in_the_middle_of_a_line_is_found_at_that_line(exported):
    _, path = exported
    path.write_bytes(path.read_bytes()[:-40])
    lines = lines_of(path)
    verdict = verify_file(path)
    assert verdict.first_bad == len(lines) and "cut off" in verdict.problem


def test_reordered_lines_are_found_at_the_first_line_out_of_place(exported):
    _, path = exported
    lines = lines_of(path)
    lines[4], lines[5] = lines[5], lines[4]
    rewrite(path, lines)
    verdict = verify_file(path)
    assert (verdict.ok, verdict.first_bad) == (False, 5)


def test_planner_log_verify_file_exits_1_naming_the_line(exported):
    _, path = exported
    runner = CliRunner()
    good = runner.invoke(main, ["log", "verify", str(path)])
    assert good.exit_code == 0 and "chain intact" in good.output
    lines = lines_of(path)
    rewrite(path, lines[:3] + lines[4:])
    bad = runner.invoke(main, ["log", "verify", str(path)])
    assert bad.exit_code == 1 and f"TAMPERED: {path}: line 4:" in bad.output


def test_export_then_import_gives_the_same_log_chain_and_read_models(
        pristine_jining, make_planner, sql_database_url, tmp_path):
    source, s = pristine_jining
    path = tmp_path / "log.jsonl"
    export_log(source, path)
    target = make_planner(sql_database_url)
    keys = tmp_path / "keys.json"  # keys travel apart from the log (docs/personal-data.md)
    export_keys(source.engine, keys)
    import_keys(target.engine, keys)
    messages: list[str] = []
    result = import_log(target, path, progress=messages.append)
    assert result.count == count(source)
    # The target links the events afresh with its own key: same positions, its own links.
    assert result.head == chained_head(target.engine)
    assert result.head.position == chained_head(source.engine).position
    assert verify_database(target).ok
    assert events(target) == events(source)
    assert rows(target, audit_log) == rows(source, audit_log)
    for table in rm.metadata.sorted_tables:
        assert rows(target, table) == rows(source, table), table.name
    assert any("rebuilding read models" in m for m in messages)
    assert trip_ics(target, s.trip).body == trip_ics(source, s.trip).body
    assert person_ics(target, s.koerner).body == person_ics(source, s.koerner).body
    assert target.app.get_person(s.koerner)["name"] == "Michael Körner"
    assert target.app.get_meeting(s.meeting)["title"] == "Signing of the MoU Leipzig–Jining 济宁"


def test_after_an_import_new_events_continue_the_log_and_the_chain(
        pristine_jining, empty_target, tmp_path):
    source, s = pristine_jining
    path = tmp_path / "log.jsonl"
    export_log(source, path)
    target, _ = empty_target
    import_log(target, path)
    target.app.confirm_meeting(s.dinner, actor="anna.berger@invest-region-leipzig.example")
    head = chained_head(target.engine)
    assert head.position == count(source) + 1
    assert target.app.get_meeting(s.dinner)["status"] == "confirmed"


def test_import_refuses_a_database_that_is_not_empty(exported, empty_target):
    _, path = exported
    target, _ = empty_target
    target.app.register_person(actor="someone", name="张伟", home_timezone="Asia/Shanghai")
    with pytest.raises(DomainError, match="database: the database is not empty .it holds 1 "):
        import_log(target, path)
    assert count(target) == 1


def test_import_refuses_a_damaged_file_naming_the_line_and_writes_nothing(
        exported, empty_target):
    _, path = exported
    target, _ = empty_target
    original = lines_of(path)
    edited, truncated, reordered = list(original), original[:-1], list(original)
    edited[3] = forge(edited[3])
    reordered[2], reordered[3] = reordered[3], reordered[2]
    for lines, bad_line in ((edited, 4), (truncated, len(original)), (reordered, 3)):
        rewrite(path, lines)
        with pytest.raises(DomainError, match=rf"line {bad_line}: .*nothing was imported"):
            import_log(target, path)
        assert count(target) == 0
        assert chained_head(target.engine).position == 0


def test_planner_log_export_and_import_from_the_command_line(
        pristine_jining, empty_target, tmp_path, monkeypatch):
    source, _ = pristine_jining
    source_url = str(source.engine.url.render_as_string(hide_password=False))
    path = tmp_path / "log.jsonl"
    runner = CliRunner()
    monkeypatch.setenv("PLANNER_DATABASE_URL", source_url)
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(source.settings.instance_path))
    out = runner.invoke(main, ["log", "export", str(path), "--as", "auditor@example.org"])
    assert out.exit_code == 0, out.output
    assert f"exported {count(source) - 2} events" in out.output  # then Started + Exported
    target, target_url = empty_target
    monkeypatch.setenv("PLANNER_DATABASE_URL", target_url)
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(target.settings.instance_path))
    imported = runner.invoke(main, ["log", "import", str(path)])
    assert imported.exit_code == 0, imported.output
    assert f"imported {count(source) - 2} events" in imported.output
    again = runner.invoke(main, ["log", "import", str(path)])
    assert again.exit_code == 1 and "is not empty" in again.output
    assert count(target) == count(source) - 2


def test_a_file_checked_from_a_noted_head(exported):
    """A file has its own, unkeyed chain: its heads are those an export prints."""
    _, path = exported
    link = json.loads(lines_of(path)[5])["link"]
    assert verify_file(path, from_head=parse_head(f"5:{link[:16]}")).ok
    other = verify_file(path, from_head=parse_head("5:" + "ab" * 32))
    assert (other.ok, other.first_bad) == (False, 6)
    assert "is not in this file" in other.problem


def test_planner_log_head_prints_the_head_to_note_down(pristine_jining, monkeypatch):
    planner, _ = pristine_jining
    monkeypatch.setenv("PLANNER_DATABASE_URL",
                       planner.engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(planner.settings.instance_path))
    result = CliRunner().invoke(main, ["log", "head"])
    assert result.exit_code == 0 and result.output.strip() == str(chained_head(planner.engine))
