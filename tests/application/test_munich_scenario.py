"""The Nanjing mayor's study visit to Munich (19-22 November 2023), an inbound trip planned in
Berlin time by a Chinese organiser: a visit cancelled and reinstated, projects signed on the
spot, and a correction after the trip was completed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from planner.bootstrap import MEMORY, Planner
from planner.domain.errors import InvariantError
from tests.application.scenarios import BERLIN, SHANGHAI, Clock, event_types, utc

NANJING = "wang.fang@nanjing-commerce.example"


def test_the_nanjing_study_visit_to_munich(any_database_url: str,
                                           make_planner: Callable[..., Planner]) -> None:
    clock = Clock(utc(2023, 10, 9, 2, 0))
    app = make_planner(any_database_url, clock=clock).app
    trip_id = app.create_trip(actor=NANJING, title="南京市代表团访问慕尼黑",
                              organiser="Nanjing Municipal Bureau of Commerce",
                              direction="inbound", home_timezone=SHANGHAI,
                              starts_on=date(2023, 11, 19), ends_on=date(2023, 11, 22))
    munich = app.add_leg(trip_id, actor=NANJING, city="Munich", country="Germany",
                         timezone=BERLIN, arrives_on=date(2023, 11, 19),
                         departs_on=date(2023, 11, 22))
    mayor = app.register_person(actor=NANJING, name="陈之常", home_timezone=SHANGHAI,
                                title="Mayor of Nanjing")
    app.add_member(trip_id, actor=NANJING, person_id=mayor, role="head of delegation")

    visits = {}
    for day, company in zip((20, 21, 21), ("BMW", "Siemens", "Allianz"), strict=True):
        hour = 9 if company != "Allianz" else 15
        visits[company] = app.schedule_meeting(
            trip_id, actor=NANJING, kind="company visit", title=f"Visit to {company}",
            venue=f"{company} headquarters", city="Munich", timezone=BERLIN,
            starts=datetime(2023, 11, day, hour), ends=datetime(2023, 11, day, hour + 2),
            leg_id=munich, counterparts=[company], attendees=[mayor])
    exchange = app.schedule_meeting(
        trip_id, actor=NANJING, kind="conference session",
        title="Nanjing-Munich industrial cooperation exchange", venue="Hotel Bayerischer Hof",
        city="Munich", timezone=BERLIN, starts=datetime(2023, 11, 20, 14),
        ends=datetime(2023, 11, 20, 18), leg_id=munich)

    # Allianz cancels, then finds a slot after all.
    clock.set(utc(2023, 11, 2, 9, 0))
    app.cancel_meeting(visits["Allianz"], actor=NANJING, reason="Allianz board meeting")
    clock.set(utc(2023, 11, 8, 9, 0))
    app.reinstate_meeting(visits["Allianz"], actor=NANJING, reason="the board meeting moved")
    app.confirm_meeting(visits["Allianz"], actor=NANJING)

    # At the exchange, a project is signed on the spot.
    clock.set(utc(2023, 11, 20, 17, 0))
    app.record_outcome(exchange, actor=NANJING, summary="200 guests; projects signed.",
                       ideas=["Battery recycling plant in Nanjing"])
    project = app.draft_agreement(actor=NANJING, title="Battery recycling cooperation",
                                  kind="cooperation agreement", meeting_id=exchange)
    parties = [app.add_party(project, actor=NANJING, name=name)
               for name in ("南京江北新区", "Recycling Bayern GmbH")]
    for party, name in zip(parties, ("区长", "Geschäftsführerin"), strict=True):
        app.add_signatory(project, actor=NANJING, name=name, party_id=party)
    app.sign_agreement(project, actor=NANJING, signed_on=date(2023, 11, 20), place="Munich")
    app.change_trip_status(trip_id, actor=NANJING, status="completed")

    # After the trip: the interpreter was missing from the delegation list. The trip is
    # completed, so adding her is a correction and needs a reason.
    interpreter = app.register_person(actor=NANJING, name="Li Hua", home_timezone=SHANGHAI)
    with pytest.raises(InvariantError):
        app.add_member(trip_id, actor=NANJING, person_id=interpreter, role="interpreter")
    app.add_member(trip_id, actor=NANJING, person_id=interpreter, role="interpreter",
                   reason="travelled with the delegation but was missing from the list")

    if any_database_url != MEMORY:
        app = make_planner(any_database_url).app
    trip = app.get_trip(trip_id)
    assert (trip["status"], trip["direction"], trip["title"]) == (
        "completed", "inbound", "南京市代表团访问慕尼黑")
    assert [m["role"] for m in trip["members"]] == ["head of delegation", "interpreter"]
    assert app.history(trip_id)[-1].reason == ("travelled with the delegation but was missing "
                                               "from the list")
    allianz = app.get_meeting(visits["Allianz"])
    assert allianz["status"] == "confirmed"
    assert allianz["starts_at"] == utc(2023, 11, 21, 14)  # 15:00 in Munich, winter time
    assert event_types(app, visits["Allianz"]) == [
        "Meeting.Scheduled", "Meeting.Cancelled", "Meeting.Reinstated", "Meeting.Confirmed"]
    assert app.get_meeting(visits["Allianz"], at=utc(2023, 11, 5))["status"] == "cancelled"
    signed = app.get_agreement(project)
    assert (signed["status"], signed["signed_place"], signed["trip_id"]) == (
        "signed", "Munich", str(trip_id))
