"""What an auditor notices on the audit pages: views recorded only when they are theirs (and
once a minute), the log verified from the browser with progress, the itinerary before any
change one click away, moments read as the history writes them, and names instead of ids."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from planner.audit.verification import VerificationJobs
from planner.domain.audit_trail import audit_trail_id
from tests.audit import tampering
from tests.audit.conftest import AUDITOR
from tests.audit.scenario import COLLEAGUE, Clock, build_jining, utc
from tests.web.conftest import make_app, signed_in, visible

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def trail(app: Flask, email: str = AUDITOR) -> list:
    return app.extensions["planner"].app.history(audit_trail_id(email))


def views(app: Flask, what: str) -> int:
    return sum(1 for e in trail(app) if type(e).__name__ == "Viewed" and e.what == what)


# -- item 20: views are recorded only for the auditor's own requests, once a minute ----------

def test_a_page_opened_from_another_site_is_shown_but_not_recorded(site, auditor):
    app, s = site
    before = len(trail(app))
    response = auditor.get(f"/audit/records/{s.trip}/history",
                           headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 200 and "History of the trip" in visible(response)
    assert len(trail(app)) == before
    auditor.get(f"/audit/records/{s.trip}/history", headers={"Sec-Fetch-Site": "same-origin"})
    assert views(app, f"history of trip {s.trip}") == 1


def test_a_csv_export_started_from_another_site_is_refused_and_writes_nothing(site, auditor):
    app, _ = site
    before = len(trail(app))
    response = auditor.get("/audit/log.csv", headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403 and "from the log page" in visible(response)
    assert len(trail(app)) == before


def test_the_same_page_viewed_again_within_a_minute_is_one_viewing(site, auditor):
    app, s = site
    planner = app.extensions["planner"]
    clock = Clock(datetime.now(UTC) + timedelta(days=1))
    planner.app.clock = clock
    try:
        address, what = f"/audit/records/{s.dinner}/history", f"history of meeting {s.dinner}"
        auditor.get(address, headers={"Sec-Fetch-Site": "same-origin"})
        clock.set(clock.now + timedelta(seconds=30))
        auditor.get(address, headers={"Sec-Fetch-Site": "none"})  # reloaded from the bar
        assert views(app, what) == 1
        auditor.get(f"/audit/records/{s.koerner}/history")
        auditor.get(address)  # another page in between: a new viewing
        assert views(app, what) == 2
        clock.set(clock.now + timedelta(seconds=61))
        auditor.get(address)
        assert views(app, what) == 3
    finally:
        planner.app.clock = None


# -- item 22: verify the log from the browser ----------------------------------------------

def follow(client: FlaskClient, address: str) -> str:
    """The job page once the check has finished (it refreshes itself while running)."""
    for _ in range(600):
        page = client.get(address).get_data(as_text=True)
        if 'http-equiv="refresh"' not in page:
            return page
        time.sleep(0.05)
    raise AssertionError("the verification did not finish")


def test_an_auditor_verifies_the_log_in_the_browser_and_sees_who_did_it(site, auditor):
    app, _ = site
    started = auditor.post("/audit/integrity/verify", data={"csrf_token": auditor.csrf})
    assert started.status_code == 303
    page = follow(auditor, started.headers["Location"])
    assert "intact" in page and "The chain is intact" in page
    head = re.search(r'<code class="head">(\d+:[0-9a-f]{64})</code>', page)
    assert head is not None
    integrity = visible(auditor.get("/audit/integrity"))
    assert f"intact checked by auditor ({AUDITOR})" in integrity
    assert "(database (web))" in integrity
    assert head.group(1) in integrity
    assert type(trail(app)[-2 if type(trail(app)[-1]).__name__ == "Viewed" else -1]
                ).__name__ == "Verified"


def test_a_running_check_shows_its_progress_and_refreshes_until_done(site, auditor):
    app, _ = site
    desk_jobs = VerificationJobs(app.extensions["planner"].engine, lambda: datetime.now(UTC))
    job, created = desk_jobs.start(AUDITOR, 1234)
    assert created
    running = auditor.get(f"/audit/integrity/verifications/{job.id}").get_data(as_text=True)
    assert '<meta http-equiv="refresh" content="2">' in running
    assert "0 of about 1234 events checked" in visible_text(running)
    assert "is running" in visible(auditor.get("/audit/integrity"))
    again = auditor.post("/audit/integrity/verify", data={"csrf_token": auditor.csrf})
    assert again.headers["Location"].endswith(job.id)  # one check at a time
    desk_jobs.run(job.id, lambda progress: _verdict(app, progress), lambda _: None)
    done = auditor.get(f"/audit/integrity/verifications/{job.id}").get_data(as_text=True)
    assert "refresh" not in done and "The chain is intact" in done


def _verdict(app: Flask, progress):
    from planner.audit.desk import verify_log

    return verify_log(app.extensions["planner"], progress=progress)


def visible_text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_check_whose_worker_died_is_shown_as_interrupted(site, auditor):
    app, _ = site
    long_ago = datetime.now(UTC) - timedelta(hours=1)
    job, _ = VerificationJobs(app.extensions["planner"].engine, lambda: long_ago).start(
        "someone@test.example", 10)
    page = visible(auditor.get(f"/audit/integrity/verifications/{job.id}"))
    assert "interrupted" in page and "start it again" in page
    assert "Verify the log now" in visible(auditor.get("/audit/integrity"))


def test_another_worker_shows_the_progress_and_a_tampered_log_is_reported(tmp_path: Path):
    first, planner = make_app(tmp_path)
    second, other = make_app(tmp_path)  # a second web worker on the same database
    try:
        clock = Clock(utc(2019, 5, 6, 8, 0))
        planner.app.clock = clock
        build_jining(planner.app, clock)
        planner.app.open_account(actor="test:setup", email=AUDITOR, name="Anna Auditor",
                                 role="auditor", password_hash="not-a-real-hash")
        planner.app.clock = None
        tampering.change_one_byte(planner, 5)
        one, two = signed_in(first, "auditor"), signed_in(second, "auditor")
        started = one.post("/audit/integrity/verify", data={"csrf_token": one.csrf})
        page = visible_text(follow(two, started.headers["Location"]))
        assert "broken" in page and "position 5:" in page
        assert "broken checked by Anna Auditor (auditor@test.example)" in visible(
            two.get("/audit/integrity"))
    finally:
        planner.close()
        other.close()


# -- item 23: the itinerary before any change, moments as the history shows them -------------

def test_every_row_of_a_history_links_to_the_itinerary_just_before_it(site, auditor):
    _, s = site
    html = auditor.get(f"/audit/records/{s.meeting}/history").get_data(as_text=True)
    links = re.findall(r'class="itinerary-before" href="([^"]+)"', html)
    assert len(links) == 5  # one per version of the meeting
    before_move = visible(auditor.get(links[2].replace("&amp;", "&")))
    assert "Sat 29 Jun 2019, 10:00 CST" in before_move  # where it stood before the move
    assert "2019-06-20T13:59:59.999999Z" in links[2].replace("%3A", ":")


def test_the_as_of_form_reads_what_the_history_shows(site, auditor):
    _, s = site
    base = f"/audit/trips/{s.trip}/as-of?at="
    after = [visible(auditor.get(base + at)) for at in (
        "2019-06-20 14:00:00 UTC", "2019-06-20T14:00Z", "2019-06-20 22:00:00 Asia/Shanghai",
        "2019-06-20T16:00%2B02:00")]
    for page in after:
        assert "Fri 28 Jun 2019, 15:00 CST" in page, page[:300]
    before = visible(auditor.get(base + "2019-06-20 13:59:59 UTC"))
    assert "Sat 29 Jun 2019, 10:00 CST" in before


def test_a_date_alone_is_the_start_of_that_day_in_the_trips_home_zone(site, auditor):
    _, s = site
    form = visible(auditor.get(f"/audit/trips/{s.trip}/as-of"))
    assert ("A date alone means the start of that day in Europe/Berlin (the trip's home "
            "zone)") in form
    page = visible(auditor.get(f"/audit/trips/{s.trip}/as-of?at=2019-06-20"))
    assert "As of Thu 20 Jun 2019, 00:00 CEST" in page
    assert "Sat 29 Jun 2019, 10:00 CST" in page  # the move came later that day


def test_a_moment_with_nothing_to_show_gets_the_styled_page_without_ids(site, auditor):
    _, s = site
    response = auditor.get(f"/audit/trips/{s.trip}/as-of?at=2019-01-01")
    page = visible(response)
    assert response.status_code == 422 and "Request id" in page
    assert "“Leipzig delegation to Nanjing and Jining” did not exist yet" in page
    assert not UUID.search(page)
    unknown = auditor.get("/audit/records/00000000-0000-4000-8000-000000000000/as-of")
    assert unknown.status_code == 404 and not UUID.search(visible(unknown))
    bad = auditor.get(f"/audit/trips/{s.trip}/as-of?at=next+tuesday")
    assert bad.status_code == 422 and "at: must be a date (YYYY-MM-DD" in visible(bad)


# -- item 24: names, not ids; the log without the auditors' own page views -----------------

def test_history_shows_people_and_records_by_name(site, auditor):
    _, s = site
    page = visible(auditor.get(f"/audit/records/{s.meeting}/history"))
    assert "by Jonas Wolf (jonas.wolf@" in page
    assert "leg — Jining, China" in page
    assert "trip — Leipzig delegation to Nanjing and Jining" in page
    assert "+ Clemens Schülke " in page
    assert not UUID.search(page), UUID.search(page)


def test_the_log_hides_the_auditors_page_views_unless_asked(site, auditor):
    auditor.get("/audit/integrity")
    hidden = visible(auditor.get("/audit/log"))
    assert "AuditTrail.Viewed" not in hidden.split("# When By What Record Reason", 1)[1]
    assert "Auditors’ own page views are hidden" in hidden
    shown = visible(auditor.get("/audit/log?views=shown"))
    assert "AuditTrail.Viewed" in shown.split("# When By What Record Reason", 1)[1]
    assert f"by {COLLEAGUE}" not in shown


def test_the_audit_pages_never_touch_the_engine():
    source = Path(__file__).parents[2].joinpath("web", "audit.py").read_text(encoding="utf-8")
    assert ".engine" not in source and "planner()" not in source


def test_moments_at_the_edge_of_the_calendar_are_refused_not_a_crash(site, auditor):
    _, s = site
    for address in (f"/audit/trips/{s.trip}/as-of?at=0001-01-01",
                    f"/audit/records/{s.meeting}/as-of?at=9999-12-31+23:00-05:00",
                    "/audit/log?since=0001-01-01&zone=Asia/Tokyo"):
        response = auditor.get(address)
        assert response.status_code == 422, address
        assert "too far in the past or future" in visible(response)


def test_an_auditors_own_trail_names_the_records_they_looked_at(site, auditor):
    _, s = site
    auditor.get(f"/audit/records/{s.dinner}/history")
    page = visible(auditor.get(f"/audit/records/{audit_trail_id(AUDITOR)}/history"))
    assert "history of meeting Dinner with the Mayor of Jining" in page
    assert not UUID.search(page)
