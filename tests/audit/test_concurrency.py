"""Two processes writing at once: every event is chained exactly once, in its own transaction,
and the chain and the read models are current without any catch-up."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from planner.audit.chain import chained_head
from planner.audit.verify import verify_database
from planner.bootstrap import build
from planner.settings import load_settings

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
    instance = str(planner.settings.instance_path)  # the one chain key of this database
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, sql_database_url, instance,
                                 str(n)])
               for n in range(2)]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    verdict = verify_database(planner)
    assert verdict.ok, verdict.problem
    assert verdict.checked == 24 == planner.app.recorder.max_notification_id()
    assert chained_head(planner.engine).position == 24
    assert planner.queries is not None and planner.queries.position() == 24


def test_a_process_with_another_chain_key_is_refused_before_it_writes(make_planner,
                                                                       sql_database_url,
                                                                       tmp_path):
    planner = make_planner(sql_database_url)
    planner.app.register_person(actor="writer", name="Anna Berger",
                                home_timezone="Europe/Berlin")
    other = subprocess.run([sys.executable, "-c", WRITER, sql_database_url,
                            str(tmp_path / "another-instance"), "9"], capture_output=True,
                           text=True, timeout=120)
    assert other.returncode != 0 and "the audit chain key there" in other.stderr
    assert planner.app.recorder.max_notification_id() == 1  # its command stored nothing
    assert verify_database(planner).ok
    stranger = build(load_settings(environ={}, instance_path=str(tmp_path / "another")),
                     database_url=sql_database_url)
    try:
        verdict = verify_database(stranger)
        assert (verdict.ok, verdict.kind) == (False, "key")
        assert "the audit chain key there" in verdict.problem
    finally:
        stranger.close()
