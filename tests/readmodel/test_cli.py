"""`planner trips` and `planner rebuild` as a script or an operator uses them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import text

from planner.bootstrap import Planner
from planner.cli import main
from tests.readmodel.plan import ACTOR, Plan, leipzig_trip


def invoke(planner: Planner, rm_url: str, tmp_path: Path, *args: str) -> object:
    env = {"PLANNER_DATABASE_URL": rm_url, "PLANNER_INSTANCE_PATH": str(tmp_path / "instance")}
    return CliRunner().invoke(main, list(args), env=env)


def test_planner_trips_prints_tab_separated_rows_and_json(
        sql_planner: Planner, rm_url: str, tmp_path: Path) -> None:
    plan = Plan(sql_planner)
    trip = leipzig_trip(plan)["trip"]
    plan.app.change_trip_status(trip, actor=ACTOR, status="planned")
    result = invoke(sql_planner, rm_url, tmp_path, "trips")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{trip}\t2019-06-24\t2019-06-30\tplanned\tDelegation trip to Nanjing and Jining"]
    as_json = invoke(sql_planner, rm_url, tmp_path, "trips", "--json")
    row = json.loads(as_json.stdout)
    assert row["id"] == str(trip) and row["cities"] == ["Leipzig", "Nanjing", "Jining"]
    assert invoke(sql_planner, rm_url, tmp_path, "trips", "--status", "draft").stdout == ""
    refused = invoke(sql_planner, rm_url, tmp_path, "trips", "--status", "finished")
    assert refused.exit_code != 0 and "status: must be one of" in refused.output


def test_planner_rebuild_replaces_altered_rows_and_verify_then_agrees(
        sql_planner: Planner, rm_url: str, tmp_path: Path) -> None:
    ids = leipzig_trip(Plan(sql_planner))
    with sql_planner.engine.begin() as conn:
        conn.execute(text("UPDATE rm_trips SET title = 'x'"))
    checked = invoke(sql_planner, rm_url, tmp_path, "rebuild", "--verify")
    assert checked.exit_code == 1
    assert f"rm_trips [id={ids['trip']}] title: live 'x'" in checked.stdout
    rebuilt = invoke(sql_planner, rm_url, tmp_path, "rebuild", "--batch-size", "7")
    assert rebuilt.exit_code == 0, rebuilt.output
    last = sql_planner.app.recorder.max_notification_id()
    assert f"Rebuilt read models from {last} events" in rebuilt.stdout
    assert "Rebuilding read models" in rebuilt.stderr  # the progress bar
    assert sql_planner.queries.trip(ids["trip"]).title == "Delegation trip to Nanjing and Jining"
    again = invoke(sql_planner, rm_url, tmp_path, "rebuild", "--verify")
    assert again.exit_code == 0 and again.stdout.startswith("identical")
