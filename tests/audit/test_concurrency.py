"""Two processes writing at once: every event is chained exactly once and the chain verifies."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from planner.audit.chain import chained_head, verify_database

WRITER = textwrap.dedent("""
    import sys
    from planner.bootstrap import build
    from planner.settings import load_settings
    planner = build(load_settings(environ={}, instance_path=sys.argv[2]), database_url=sys.argv[1])
    for n in range(12):
        planner.app.register_person(actor=f"writer-{sys.argv[3]}", name=f"Person {n} 张",
                                    home_timezone="Asia/Shanghai")
    planner.close()
""")


@pytest.mark.slow
def test_two_writing_processes_leave_one_complete_intact_chain(make_planner, sql_database_url,
                                                                tmp_path):
    planner = make_planner(sql_database_url)
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, sql_database_url,
                                 str(tmp_path / f"instance-{n}"), str(n)])
               for n in range(2)]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    planner.audit_follower.catch_up()
    verdict = verify_database(planner.engine, planner.app.recorder.events_record_cls.__table__)
    assert verdict.ok, verdict.problem
    assert verdict.checked == 24 == planner.app.recorder.max_notification_id()
    assert chained_head(planner.engine).position == 24
