"""Events an older release wrote with ids that are not UUIDs (too long for PostgreSQL's id
columns, or not ids at all) do not stop the projector: the rows get stable stand-in ids, a
warning is logged, later events still project, and a rebuild gives the same rows."""

from __future__ import annotations

import logging
from datetime import date, datetime
from uuid import UUID, uuid4

import pytest

from planner.bootstrap import Planner
from planner.domain.agreement import Agreement
from planner.domain.ids import stand_in
from planner.domain.meeting import Meeting
from planner.domain.trip import Trip
from tests.application.scenarios import append_unchecked

SETUP = "test:setup"
LONG_ID = "legacy-" + "p" * 300


def test_odd_ids_in_stored_events_do_not_stop_the_read_models(
        sql_planner: Planner, caplog: pytest.LogCaptureFixture) -> None:
    app, q = sql_planner.app, sql_planner.queries
    caplog.set_level(logging.WARNING)
    trip = app.create_trip(actor=SETUP, title="Old import", organiser="IRL",
                           direction="outbound", home_timezone="Europe/Berlin",
                           starts_on=date(2019, 6, 25), ends_on=date(2019, 6, 30))
    leg = app.add_leg(trip, actor=SETUP, city="Nanjing", country="China",
                      timezone="Asia/Shanghai", arrives_on=date(2019, 6, 25),
                      departs_on=date(2019, 6, 27))
    meeting = app.schedule_meeting(trip, actor=SETUP, kind="dinner", title="Dinner",
                                   venue="Jinling", city="Nanjing", timezone="Asia/Shanghai",
                                   starts=datetime(2019, 6, 25, 19),
                                   ends=datetime(2019, 6, 25, 21), leg_id=leg)
    agreement = app.draft_agreement(actor=SETUP, title="MoU", kind="letter of intent")
    append_unchecked(app, trip, Trip.MemberAdded, person_id=LONG_ID,
                     role="interpreter", organisation="")
    append_unchecked(app, trip, Trip.ProfileAttached, profile_id=LONG_ID,
                     profile_version=1)
    append_unchecked(app, meeting, Meeting.AttendeeAdded, person_id="legacy-person-7")
    party = "{" + str(uuid4()).upper() + "}"
    append_unchecked(app, agreement, Agreement.PartyAdded, party_id=party,
                     name="Jining Port Group", profile_id=LONG_ID, organisation_id="")

    # Later events still reach the read models...
    app.add_leg(trip, actor=SETUP, city="Jining", country="China", timezone="Asia/Shanghai",
                arrives_on=date(2019, 6, 28), departs_on=date(2019, 6, 30))
    detail = q.trip(trip)
    assert [leg.city for leg in detail.legs] == ["Nanjing", "Jining"]
    assert len(detail.members) == 1
    assert len(q.meeting(meeting).attendees) == 1
    parties = q.agreement(agreement).parties
    assert [p.name for p in parties] == ["Jining Port Group"] and parties[0].profile_id is None
    # ...the odd parts can still be removed by the ids the pages show...
    app.remove_party(agreement, parties[0].party_id, actor=SETUP)
    assert q.agreement(agreement).parties == ()
    assert parties[0].party_id == str(UUID(party)), "a UUID spelt otherwise is canonical"
    app.remove_member(trip, detail.members[0].person_id, actor=SETUP)
    app.detach_profile(trip, stand_in(LONG_ID), actor=SETUP)
    app.remove_attendee(meeting, actor=SETUP,
                        person_id=q.meeting(meeting).attendees[0].person_id)
    assert not q.trip(trip).members and not q.trip(trip).profiles
    assert not q.meeting(meeting).attendees
    # ...and the warnings name the events without copying the long value.
    warned = [r.getMessage() for r in caplog.records if "not UUIDs" in r.getMessage()]
    assert any("MemberAdded" in m for m in warned) and all(len(m) < 400 for m in warned)

    # A rebuild from the log gives the same rows.
    append_unchecked(app, trip, Trip.MemberAdded, person_id="legacy-person-8",
                     role="adviser", organisation="")
    before = (q.trip(trip), q.meeting(meeting), q.agreement(agreement))
    sql_planner.projector.rebuild()
    assert (q.trip(trip), q.meeting(meeting), q.agreement(agreement)) == before
