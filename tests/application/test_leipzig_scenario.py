"""The Leipzig trip from planning to signed MoU, on in-memory storage, a SQLite file and
PostgreSQL: the same commands, and what was stored reads back the same afterwards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from planner.bootstrap import MEMORY, Planner
from tests.application.scenarios import (
    COLLEAGUE,
    ORGANISER,
    SHANGHAI,
    Clock,
    event_types,
    leipzig_trip,
    nanjing_meeting,
    utc,
)

LEIPZIG_COMPANIES = [
    ("Saxonia Messtechnik GmbH", ["measuring instruments"], "expand into China"),
    ("Körner & Schülke Logistik GmbH", ["logistics"], "cooperate with Chinese firms"),
    ("Auwald BioPharm AG", ["biotechnology", "pharmaceuticals"], "find investors"),
]


def test_the_leipzig_trip_from_planning_to_signed_mou(
        any_database_url: str, make_planner: Callable[..., Planner]) -> None:
    clock = Clock(utc(2019, 5, 6, 8, 0))
    app = make_planner(any_database_url, clock=clock).app

    # Early May: the organiser sets up the trip with its two legs in China and the delegation.
    trip = leipzig_trip(app)
    app.set_objectives(trip.trip_id, actor=ORGANISER, objectives=[
        "Promote Leipzig companies in China", "Strengthen the twin-town partnership"])

    # A colleague registers the eleven (here: three) company profiles, handed over on the trip.
    profiles = []
    for name, sectors, interest in LEIPZIG_COMPANIES:
        profile_id = app.register_profile(actor=COLLEAGUE, name=name, kind="company",
                                          country="Germany", city="Leipzig", sectors=sectors,
                                          interests=[interest], fictitious=True)
        app.attach_profile(trip.trip_id, profile_id, actor=COLLEAGUE)
        profiles.append(profile_id)

    # The meetings arranged with ECMDC's help: Nanjing's city leadership and the Jining signing.
    nanjing = nanjing_meeting(app, trip)
    clock.set(utc(2019, 5, 20, 9, 0))
    signing = app.schedule_meeting(
        trip.trip_id, actor=ORGANISER, kind="signing ceremony",
        title="Signing of the Leipzig-Jining MoU", venue="Jining Municipal Government",
        city="Jining", timezone=SHANGHAI, starts=datetime(2019, 6, 29, 10, 0),
        ends=datetime(2019, 6, 29, 11, 0), leg_id=trip.jining_leg,
        counterparts=["Jining Municipal People's Government"],
        attendees=[trip.koerner, trip.schuelke])
    app.change_trip_status(trip.trip_id, actor=ORGANISER, status="planned")
    app.change_trip_status(trip.trip_id, actor=ORGANISER, status="confirmed")

    # June: the mayor of Jining can only sign in the afternoon.
    clock.set(utc(2019, 6, 12, 7, 30))
    app.move_meeting(signing, actor=COLLEAGUE, starts=datetime(2019, 6, 29, 15, 0),
                     ends=datetime(2019, 6, 29, 16, 0), reason="the mayor returns at noon")
    app.confirm_meeting(signing, actor=COLLEAGUE)

    # On the trip: the Nanjing meeting is held and its outcome recorded.
    clock.set(utc(2019, 6, 26, 5, 0))
    app.record_outcome(nanjing, actor=ORGANISER, summary="Numerous cooperation ideas.",
                       ideas=["Sale of Leipzig products on the Chinese market",
                              "Make Leipzig known to Chinese investors"])
    followup = app.add_followup(nanjing, actor=ORGANISER,
                                action="Send the Preferential Policy to the mayor of Nanjing",
                                owner="Clemens Schülke", due_on=date(2020, 4, 30))

    # The MoU is drafted at the signing meeting and signed there by both cities.
    clock.set(utc(2019, 6, 29, 6, 0))
    mou = app.draft_agreement(actor=ORGANISER, title="Memorandum of Understanding "
                              "Leipzig-Jining", kind="memorandum of understanding",
                              subject="Economic cooperation", meeting_id=signing)
    leipzig = app.add_party(mou, actor=ORGANISER, name="Leipzig Region")
    jining = app.add_party(mou, actor=ORGANISER, name="济宁市人民政府")
    app.add_signatory(mou, actor=ORGANISER, name="Michael Körner", party_id=leipzig,
                      title="Managing Director, Invest Region Leipzig")
    app.add_signatory(mou, actor=ORGANISER, name="Shi Guangliang", party_id=jining,
                      title="Mayor of Jining")
    clock.set(utc(2019, 6, 29, 8, 0))  # the meeting is held first, then the signing recorded
    app.record_outcome(signing, actor=ORGANISER, summary="MoU signed.")
    app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 29), place="Jining")
    clock.set(utc(2019, 7, 8, 9, 0))
    app.change_trip_status(trip.trip_id, actor=ORGANISER, status="completed")
    clock.set(utc(2020, 4, 15, 9, 0))
    app.complete_followup(nanjing, followup, actor=COLLEAGUE, done_on=date(2020, 4, 15))

    # Read back, on SQL storage through a second, fresh application on the same database.
    if any_database_url != MEMORY:
        app = make_planner(any_database_url).app
    stored = app.get_trip(trip.trip_id)
    assert stored["status"] == "completed"
    assert [leg["city"] for leg in stored["legs"]] == ["Nanjing", "Jining"]
    assert [m["person_id"] for m in stored["members"]] == [str(trip.koerner),
                                                           str(trip.schuelke)]
    assert stored["profiles"] == [{"profile_id": str(p), "profile_version": 1}
                                  for p in profiles]
    assert stored["objectives"][0] == "Promote Leipzig companies in China"

    meeting = app.get_meeting(signing)
    local = meeting["starts_at"].astimezone(ZoneInfo(meeting["timezone"]))
    assert (local.date(), local.hour) == (date(2019, 6, 29), 15)
    assert meeting["status"] == "held"
    assert meeting["agreement_ids"] == [str(mou)]
    assert event_types(app, signing) == [
        "Meeting.Scheduled", "Meeting.Moved", "Meeting.Confirmed", "Meeting.AgreementLinked",
        "Meeting.OutcomeRecorded"]
    moved = app.history(signing)[1]
    assert (moved.actor, moved.reason, moved.timestamp) == (
        COLLEAGUE, "the mayor returns at noon", utc(2019, 6, 12, 7, 30))

    agreement = app.get_agreement(mou)
    assert (agreement["status"], agreement["signed_on"], agreement["signed_place"]) == (
        "signed", date(2019, 6, 29), "Jining")
    assert [p["name"] for p in agreement["parties"]] == ["Leipzig Region", "济宁市人民政府"]
    assert agreement["meeting_id"] == str(signing)
    assert agreement["trip_id"] == str(trip.trip_id)

    outcome = app.get_meeting(nanjing)
    assert outcome["outcome"]["ideas"][0] == "Sale of Leipzig products on the Chinese market"
    assert outcome["followups"][0]["done_on"] == date(2020, 4, 15)
    assert app.get_profile(profiles[1])["name"] == "Körner & Schülke Logistik GmbH"
