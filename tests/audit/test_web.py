"""The audit screens: what auditors, organisers and participants see, and that every viewing
and export is itself recorded in the log."""

from __future__ import annotations

import csv
import io

from planner.audit.trail import record_verified
from planner.audit.verify import verify_database
from planner.domain.audit_trail import audit_trail_id
from tests.audit.conftest import AUDITOR, MEMBER
from tests.audit.scenario import COLLEAGUE
from tests.web.conftest import text_of, visible


def rows_of(response) -> str:
    """The log table's text (the filter form above it lists every event type)."""
    return visible(response).split("# When By What Record Reason", 1)[1]


def trail_of(site, email: str) -> list:
    return site[0].extensions["planner"].app.history(audit_trail_id(email))


def test_the_log_browser_lists_who_moved_the_signing_when_and_why(site, auditor):
    page = rows_of(auditor.get("/audit/log?type=Moved&zone=Asia/Shanghai"))
    assert "Meeting.Moved" in page and COLLEAGUE in page
    assert "Signing of the MoU Leipzig–Jining 济宁" in page
    assert "Mayor of Jining travels to Beijing on 29 June" in page
    assert "Thu 20 Jun 2019, 22:00 CST" in page
    assert "1 in all" in page


def test_the_log_browser_filters_by_record_actor_and_time(site, auditor):
    _, s = site
    by_record = rows_of(auditor.get(f"/audit/log?record={s.meeting}"))
    assert by_record.count("Signing of the MoU") == 5
    by_actor = rows_of(auditor.get(f"/audit/log?actor={COLLEAGUE}"))
    assert "Meeting.AttendeeAdded" in by_actor and "Meeting.Moved" in by_actor
    assert "Trip.Created" not in by_actor and "2 in all" in by_actor
    window = rows_of(auditor.get("/audit/log?since=2019-06-21&until=2019-06-22&zone=UTC"))
    assert "Meeting.Cancelled" in window and "Meeting.Moved" not in window


def test_a_bad_filter_says_which_field_and_why(auditor):
    response = auditor.get("/audit/log?since=20.06.2019")
    assert response.status_code == 422
    assert "since: must be a date (YYYY-MM-DD)" in visible(response)
    assert auditor.get("/audit/log?zone=Mars/Olympus").status_code == 400


def test_the_csv_export_has_every_matching_event_and_is_recorded(site, auditor):
    response = auditor.get("/audit/log.csv?kind=meeting")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(text_of(response))))
    assert {r["record_kind"] for r in rows} == {"meeting"} and len(rows) == 6
    assert any(r["reason"] == "Counterpart asked to postpone" for r in rows)
    exported = trail_of(site, AUDITOR)[-1]
    assert type(exported).__name__ == "Exported" and exported.count == 6
    assert "kind=meeting" in exported.file


def test_every_viewing_of_an_audit_screen_is_recorded(site, auditor):
    _, s = site
    auditor.get(f"/audit/records/{s.meeting}/history")
    viewed = trail_of(site, AUDITOR)[-1]
    assert type(viewed).__name__ == "Viewed" and viewed.what == f"history of meeting {s.meeting}"


def test_the_history_page_shows_before_and_after_in_local_time(site, organiser):
    _, s = site
    page = visible(organiser.get(f"/audit/records/{s.meeting}/history"))
    assert "Version 3: moved" in page
    assert "Reason: “Mayor of Jining travels to Beijing on 29 June”" in page
    assert ("starts at 2019-06-29 10:00 Asia/Shanghai (02:00 UTC) "
            "2019-06-28 15:00 Asia/Shanghai (07:00 UTC)") in page
    assert "+ Clemens Schülke" in page


def test_a_record_as_of_a_moment_and_at_a_version(site, auditor):
    _, s = site
    page = visible(auditor.get(f"/audit/records/{s.meeting}/as-of?at=2019-06-19&zone=UTC"))
    assert "Version 2 of 5" in page
    assert "starts at 2019-06-29 10:00 Asia/Shanghai (02:00 UTC)" in page
    at_version = visible(auditor.get(f"/audit/records/{s.meeting}/as-of?version=4"))
    assert "status cancelled" in at_version


def test_a_moment_before_the_record_existed_is_explained(site, auditor):
    _, s = site
    response = auditor.get(f"/audit/records/{s.meeting}/as-of?at=2019-05-01")
    assert response.status_code == 422
    page = visible(response)
    assert "“Signing of the MoU Leipzig–Jining 济宁” did not exist yet at" in page
    assert str(s.meeting) not in page and "Request id" in page
    bad = auditor.get(f"/audit/records/{s.meeting}/as-of?at=soon")
    assert bad.status_code == 422 and "at: must be a date" in visible(bad)


def test_the_itinerary_as_it_stood_on_20_june(site, organiser):
    _, s = site
    page = visible(organiser.get(f"/audit/trips/{s.trip}/as-of?at=2019-06-20T12:00&zone=UTC"))
    assert "Leipzig delegation to Nanjing and Jining: the itinerary as it stood" in page
    assert page.index("Dinner with the Mayor of Jining") < page.index("Signing of the MoU")
    assert "Sat 29 Jun 2019, 10:00 CST – 11:00 CST" in page


def test_a_participants_calendar_the_day_before_the_move(site, auditor):
    _, s = site
    page = visible(auditor.get(f"/audit/people/{s.koerner}/calendar?at=2019-06-19"))
    assert "Michael Körner’s calendar as it stood" in page
    assert "Sat 29 Jun 2019, 10:00 CST" in page and "Clemens Schülke" in page


def test_the_integrity_page_shows_the_head_and_the_last_verification(site, auditor):
    app, _ = site
    planner = app.extensions["planner"]
    verdict = verify_database(planner)
    record_verified(planner.app, "cli:finance-office", "database", verdict)
    page = visible(auditor.get("/audit/integrity"))
    assert "intact checked by cli:finance-office" in page
    assert str(verdict.head) in page
    assert "planner log verify --from-head" in page and "planner rebuild --verify" in page


def test_organisers_see_history_of_plans_but_not_accounts_or_the_log(site, organiser):
    app, s = site
    from planner.domain.account import account_id

    assert organiser.get(f"/audit/records/{s.trip}/history").status_code == 200
    assert organiser.get(f"/audit/records/{account_id(MEMBER)}/history").status_code == 403
    assert organiser.get("/audit/log").status_code == 403
    assert organiser.get("/audit/records/not-an-id/history").status_code == 404


def test_participants_see_none_of_it(site, member):
    _, s = site
    for address in (f"/audit/records/{s.meeting}/history", f"/audit/trips/{s.trip}/as-of",
                    f"/audit/people/{s.koerner}/calendar", "/audit/integrity"):
        response = member.get(address)
        assert response.status_code == 403, address


def test_trip_and_meeting_pages_link_to_their_history_for_organisers(site, organiser, member):
    _, s = site
    assert "History: who changed what" in visible(organiser.get(f"/trips/{s.trip}"))
    assert "History: who changed what" in visible(organiser.get(f"/meetings/{s.meeting}"))
    assert "History: who changed what" not in visible(member.get(f"/trips/{s.trip}"))
