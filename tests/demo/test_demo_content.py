"""What a user of the demo sees: the four situations of the seeds, with a realistic history.

Every test runs on in-memory storage, a SQLite file and PostgreSQL (one load each).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.demo import DEMO_LOGINS, DEMO_PASSWORD, load_demo
from planner.passwords import verify_password
from tests.demo.conftest import LoadedDemo

SHANGHAI = ZoneInfo("Asia/Shanghai")
LEIPZIG = "Nanjing and Jining"


def test_the_leipzig_trip_runs_from_nanjing_to_jining_and_is_completed(loaded: LoadedDemo):
    trip = loaded.trip(LEIPZIG)
    assert trip["organiser"] == "Invest Region Leipzig GmbH"
    assert (trip["direction"], trip["home_timezone"]) == ("outbound", "Europe/Berlin")
    assert (trip["starts_on"], trip["ends_on"]) == (date(2019, 6, 25), date(2019, 6, 30))
    assert [(leg["city"], leg["timezone"], leg["arrives_on"], leg["departs_on"])
            for leg in trip["legs"]] == [
        ("Nanjing", "Asia/Shanghai", date(2019, 6, 25), date(2019, 6, 27)),
        ("Jining", "Asia/Shanghai", date(2019, 6, 28), date(2019, 6, 30))]
    assert trip["status"] == "completed"
    statuses = [e.status for e in loaded.app.history(trip["id"]) if hasattr(e, "status")]
    assert statuses == ["planned", "confirmed", "completed"]  # created as a draft
    assert loaded.app.get_trip(trip["id"], version=1)["status"] == "draft"


def test_koerner_heads_the_delegation_with_umlauts_intact(loaded: LoadedDemo):
    trip = loaded.trip(LEIPZIG)
    members = {loaded.app.get_person(m["person_id"])["name"]: m["role"]
               for m in trip["members"]}
    assert members["Michael Körner"] == "head of delegation"
    assert "Clemens Schülke" in members
    assert "interpreter" in members.values()
    koerner = next(m for m in trip["members"] if m["role"] == "head of delegation")
    person = loaded.app.get_person(koerner["person_id"])
    assert (person["title"], person["home_timezone"]) == ("Managing Director", "Europe/Berlin")


def test_eleven_fictitious_leipzig_profiles_were_handed_over_on_the_trip(loaded: LoadedDemo):
    trip = loaded.trip(LEIPZIG)
    assert len(trip["profiles"]) == 11
    handed_over = [loaded.app.get_profile(p["profile_id"], version=p["profile_version"])
                   for p in trip["profiles"]]
    assert all(p["fictitious"] and "Fictitious" in p["description"] for p in handed_over)
    assert all(p["city"] == "Leipzig" and p["sectors"] for p in handed_over)
    interests = {i for p in handed_over for i in p["interests"]}
    assert {"cooperate with Chinese firms", "expand into China"} <= interests
    corrected = next(p for p in handed_over if p["name"] == "Pleiße Automotive Components GmbH")
    assert "electromobility" in corrected["sectors"]  # the version at hand-over, corrected


def test_two_memoranda_are_signed_by_two_parties_at_their_signing_meetings(
        loaded: LoadedDemo):
    trip = loaded.trip(LEIPZIG)
    mous = [a for a in loaded.agreements() if a["kind"] == "memorandum of understanding"]
    assert sorted(a["title"] for a in mous) == [
        "Memorandum of Understanding Leipzig–Jining",
        "Memorandum of Understanding Leipzig–Nanjing"]
    for mou in mous:
        assert mou["status"] == "signed" and mou["trip_id"] == str(trip["id"])
        assert len({s["party_id"] for s in mou["signatories"]}) >= 2
        meeting = loaded.app.get_meeting(mou["meeting_id"])
        assert meeting["kind"] == "signing ceremony"
        assert str(mou["id"]) in meeting["agreement_ids"]
        assert mou["signed_on"] == meeting["starts_at"].astimezone(SHANGHAI).date()
    jining = next(a for a in mous if "Jining" in a["title"])
    names = {p["name"] for p in jining["parties"]}
    assert "Jining Municipal People's Government (济宁市人民政府)" in names
    assert any(s["name"] == "Michael Körner" for s in jining["signatories"])


def test_the_jining_signing_was_moved_once_with_a_reason(loaded: LoadedDemo):
    signing = loaded.meeting(loaded.trip(LEIPZIG), "Leipzig–Jining Memorandum")
    moves = [e for e in loaded.app.history(signing["id"]) if type(e).__name__ == "Moved"]
    assert len(moves) == 1 and "morning of 29 June" in moves[0].reason
    assert signing["starts_at"].astimezone(SHANGHAI) == datetime(2019, 6, 29, 10, 0,
                                                                 tzinfo=SHANGHAI)
    before = loaded.app.get_meeting(signing["id"], version=moves[0].originator_version - 1)
    assert before["starts_at"].astimezone(SHANGHAI).date() == date(2019, 6, 28)


def test_a_site_visit_was_cancelled_with_a_reason_and_replaced(loaded: LoadedDemo):
    trip = loaded.trip(LEIPZIG)
    visit = loaded.meeting(trip, "Jiangbei")
    assert visit["status"] == "cancelled"
    cancelled = [e for e in loaded.app.history(visit["id"]) if type(e).__name__ == "Cancelled"]
    assert "postpone" in cancelled[0].reason
    assert loaded.meeting(trip, "Talks with ECMDC")["status"] == "held"


def test_outcomes_carry_cooperation_ideas_and_followups_with_owners(loaded: LoadedDemo):
    trip = loaded.trip(LEIPZIG)
    meetings = loaded.meetings(trip)
    ideas = [i for m in meetings if m["outcome"] for i in m["outcome"]["ideas"]]
    assert any("sale of leipzig products on the chinese market" in i.lower() for i in ideas)
    assert any("investment location for Chinese firms" in i for i in ideas)
    assert any("larger delegation trip" in i for i in ideas)
    followups = [f for m in meetings for f in m["followups"]]
    assert all(f["owner"] and f["due_on"] for f in followups)
    assert any(f["done_on"] is None for f in followups)  # the big company trip is still open
    corrected = loaded.meeting(trip, "Meeting with the Nanjing municipal government")
    corrections = [e.reason for e in loaded.app.history(corrected["id"]) if e.reason]
    assert any("debriefing" in r for r in corrections)


def test_every_outcome_was_recorded_after_its_meeting_started(loaded: LoadedDemo):
    for event in loaded.all_events():
        if type(event).__name__ == "OutcomeRecorded":
            meeting = loaded.app.get_meeting(event.originator_id,
                                             version=event.originator_version)
            assert event.timestamp >= meeting["starts_at"]


def test_the_preferential_policy_was_sent_to_both_mayors(loaded: LoadedDemo):
    trip = loaded.trip(LEIPZIG)
    done = [f for m in loaded.meetings(trip) for f in m["followups"] if f["done_on"]]
    sent = {f["owner"]: f["action"] for f in done if "Preferential Policy" in f["action"]
            and "Send" in f["action"]}
    assert "HAN Liming" in sent["Burkhard Jung, Mayor of Leipzig"]
    assert "SHI Guangliang" in sent["Henry Graichen, District Administrator (Landkreis Leipzig)"]
    assert all(f["done_on"].year == 2020 for f in done if "Preferential" in f["action"])


def test_the_face_mask_donation_is_in_force_since_spring_2020(loaded: LoadedDemo):
    donation = next(a for a in loaded.agreements() if a["kind"] == "donation")
    assert "10,000 face masks" in donation["title"]
    assert donation["status"] == "in force"
    assert donation["signed_on"] == date(2020, 4, 2)
    parties = {p["name"] for p in donation["parties"]}
    assert {"CICCPS/ECMDC Liaison Office Leipzig", "City of Leipzig (Stadt Leipzig)",
            "EU-China Municipal Development Commission (ECMDC)"} <= parties
    assert any(s["name"] == "William Y. Zhang" for s in donation["signatories"])
    assert donation["trip_id"] == str(loaded.trip(LEIPZIG)["id"])


def test_the_munich_study_visit_meets_the_named_firms_and_signs_projects(loaded: LoadedDemo):
    trip = loaded.trip("Munich")
    assert (trip["home_timezone"], trip["starts_on"], trip["ends_on"]) == (
        "Asia/Shanghai", date(2023, 11, 19), date(2023, 11, 22))
    assert [(leg["city"], leg["timezone"]) for leg in trip["legs"]] == [
        ("Munich", "Europe/Berlin")]
    head = next(m for m in trip["members"] if m["role"] == "head of delegation")
    assert loaded.app.get_person(head["person_id"])["name"] == "Chen Zhichang"
    counterparts = {c for m in loaded.meetings(trip) for c in m["counterparts"]}
    for firm in ("BMW Group", "Siemens AG", "Robert Bosch GmbH", "BASF SE", "Merck KGaA",
                 "Allianz SE", "Consulate General of the People's Republic of China in Munich"):
        assert firm in counterparts
    exchange = loaded.meeting(trip, "industrial cooperation and exchange")
    assert "200 guests" in exchange["agenda"] and len(exchange["agreement_ids"]) == 2
    signed = [loaded.app.get_agreement(i) for i in exchange["agreement_ids"]]
    assert all(a["status"] == "signed" and a["signed_on"] == date(2023, 11, 20) for a in signed)
    parties = {p["name"] for a in signed for p in a["parties"]}
    assert any("南京天加环境科技有限公司" in name for name in parties)


def test_the_changsha_conference_matches_german_and_changsha_firms(loaded: LoadedDemo):
    trip = loaded.trip("Changsha")
    assert trip["direction"] == "inbound" and trip["starts_on"].year == 2023
    meetings = loaded.meetings(trip)
    matches = [m for m in meetings if m["kind"] == "matchmaking"]
    assert len(matches) >= 30 and all(len(m["counterparts"]) == 2 for m in matches)
    assert any("Bosch" in m["title"] and "Sany" in m["title"] for m in matches)
    visits = {m["title"] for m in meetings if m["kind"] == "site visit"}
    assert any("Sany" in v for v in visits) and any("Bosch" in v for v in visits)
    names = {loaded.app.get_person(m["person_id"])["name"] for m in trip["members"]}
    assert {"Bernd Michel", "Martin Stefan Klose"} <= names


def test_history_spreads_over_weeks_by_several_staff_accounts(loaded: LoadedDemo):
    events = loaded.all_events()
    stamps = [e.timestamp for e in events]
    assert stamps == sorted(stamps)  # the log reads chronologically
    trip = loaded.trip(LEIPZIG)
    leipzig = [e.timestamp for e in loaded.app.history(trip["id"])]
    assert leipzig[-1] - leipzig[0] > timedelta(weeks=10)
    days = {s.date() for s in stamps if s < datetime(2019, 6, 25, tzinfo=UTC)}
    assert len(days) >= 10
    actors = {e.actor for e in events}
    assert {"system:demo-import", "organiser@demo.invest-leipzig.example",
            "assistant@demo.invest-leipzig.example"} <= actors
    assert loaded.app.clock is None  # ordinary commands are stamped with the real time again


def test_demo_logins_work_with_the_documented_password(loaded: LoadedDemo):
    roles = set()
    for login in DEMO_LOGINS:
        account = loaded.app.find_account(login.email)
        assert account is not None and account["active"] and account["role"] == login.role
        assert verify_password(DEMO_PASSWORD, account["password_hash"])
        assert not verify_password("wrong-password", account["password_hash"])
        roles.add(login.role)
        if login.role == "participant":
            assert loaded.app.get_person(account["person_id"])["name"] == login.name
    assert roles == {"organiser", "participant", "auditor", "administrator"}


def test_the_summary_has_one_line_per_trip_with_dates_and_counts(loaded: LoadedDemo):
    assert len(loaded.summary) == 3
    leipzig = next(line for line in loaded.summary if LEIPZIG in line)
    assert "25 Jun 2019 to 30 Jun 2019" in leipzig
    assert "13 meetings (10 held, 1 cancelled)" in leipzig
    assert "3 agreements (3 signed)" in leipzig
    assert any("demo-password" in line for line in loaded.progress)


def test_loading_again_adds_no_events(loaded: LoadedDemo):
    before = loaded.app.recorder.max_notification_id()
    progress: list[str] = []
    again = load_demo(loaded.planner, progress=progress.append)
    assert loaded.app.recorder.max_notification_id() == before
    assert again == loaded.summary
    assert progress == ["The demo data is already loaded; nothing was added."]


def test_the_read_models_show_the_demo_as_soon_as_it_is_loaded(loaded: LoadedDemo):
    queries = getattr(loaded.planner, "queries", None)
    if queries is None:
        pytest.skip("in-memory storage has no read models")
    assert queries.position() == loaded.app.recorder.max_notification_id()
    titles = {row.title for row in queries.trips().items}
    assert {loaded.trip(part)["title"] for part in (LEIPZIG, "Munich", "Changsha")} == titles
