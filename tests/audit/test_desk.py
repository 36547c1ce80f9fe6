"""The AuditDesk on SQLite and PostgreSQL: a verification job keeps its progress in the
database (any worker can show it) and its outcome in the log."""

from __future__ import annotations

from planner.audit.desk import AuditDesk
from tests.audit import tampering


def test_a_verification_job_reports_progress_and_records_its_outcome(pristine_jining):
    planner, _ = pristine_jining
    desk = AuditDesk(planner)
    job = desk.start_verification("finance@test.example", background=False)
    done = AuditDesk(planner).verification(job.id)  # as another worker would read it
    assert done is not None and done.state == "done" and done.ok
    assert done.head == str(desk.head()) or done.head.startswith(f"{job.total}:")
    assert done.checked == job.total and done.percent == 100
    last = desk.last_verification()
    assert last is not None and (last.actor, last.ok) == ("finance@test.example", True)
    assert desk.latest_verification_job().id == job.id


def test_a_broken_chain_is_a_finished_job_naming_the_position(pristine_jining):
    planner, _ = pristine_jining
    tampering.change_one_byte(planner, 4)
    desk = AuditDesk(planner)
    job = desk.verification(desk.start_verification("finance@test.example",
                                                    background=False).id)
    assert job is not None and job.state == "done" and job.ok is False
    assert job.problem.startswith("position 4:")
    last = desk.last_verification()
    assert last is not None and not last.ok and "position 4" in last.detail
