"""Every identifier is a record id (UUID) and every number and date lies in its range, checked
in the domain before an event is created: a refusal names the field and writes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from planner.application import PlannerApplication
from planner.domain.audit_trail import AuditTrail
from planner.domain.errors import DomainError, ValidationError
from planner.domain.trip import Trip
from tests.application.scenarios import (
    ORGANISER,
    SHANGHAI,
    LeipzigTrip,
    event_count,
    nanjing_meeting,
    refused,
)

ONE_MEGABYTE = "x" * (1024 * 1024)
MALFORMED = ["not-a-uuid", "12345", "../../etc/passwd", ONE_MEGABYTE]


@pytest.fixture
def agreement(app: PlannerApplication) -> str:
    return str(app.draft_agreement(actor=ORGANISER, title="MoU on logistics",
                                   kind="memorandum of understanding"))


@pytest.mark.parametrize("profile_id", MALFORMED)
def test_a_party_with_a_name_and_a_malformed_profile_id_is_refused(
        app: PlannerApplication, agreement: str, profile_id: str) -> None:
    error = refused(app, lambda: app.add_party(agreement, actor=ORGANISER,
                                               name="Jining Port Group",
                                               profile_id=profile_id),
                    "profile_id", "must be a record id (UUID)")
    assert len(str(error)) < 200, "the message does not repeat a huge value"
    assert app.get_agreement(agreement)["parties"] == []


def test_a_party_naming_an_unknown_profile_is_refused(app: PlannerApplication,
                                                       agreement: str) -> None:
    ghost = uuid4()
    refused(app, lambda: app.add_party(agreement, actor=ORGANISER, name="Ghost GmbH",
                                       profile_id=ghost),
            "profile_id", f"there is no company profile with id {ghost}",
            error=ValidationError)


def test_the_aggregate_itself_refuses_a_malformed_profile_id(app: PlannerApplication,
                                                             agreement: str) -> None:
    """Not only the command: an aggregate method called directly checks its ids too."""
    record = app.repository.get(agreement)
    with pytest.raises(ValidationError, match="profile_id: must be a record id"):
        record.add_party(actor=ORGANISER, name="Jining Port Group", profile_id="garbage")
    assert not record.pending_events


@pytest.mark.parametrize("bad", ["nobody", ONE_MEGABYTE, ""])
def test_malformed_part_ids_are_refused_by_field(app: PlannerApplication, trip: LeipzigTrip,
                                                 agreement: str, bad: str) -> None:
    meeting = nanjing_meeting(app, trip)
    cases = {
        "party_id": lambda: app.remove_party(agreement, bad, actor=ORGANISER),
        "signatory_id": lambda: app.remove_signatory(agreement, bad, actor=ORGANISER),
        "milestone_id": lambda: app.complete_milestone(agreement, bad, actor=ORGANISER,
                                                       done_on=date(2019, 7, 1)),
        "leg_id": lambda: app.remove_leg(trip.trip_id, bad, actor=ORGANISER, reason="x"),
        "person_id": lambda: app.add_attendee(meeting, actor=ORGANISER, person_id=bad),
        "attendees": lambda: nanjing_meeting(app, trip, attendees=[bad]),
    }
    for field, command in cases.items():
        error = refused(app, command, field)
        assert len(str(error)) < 200, field


@pytest.mark.parametrize("version", [0, -1, 10**12, True, "3"])
def test_a_handed_over_profile_version_is_a_whole_number_in_range(
        app: PlannerApplication, trip: LeipzigTrip, version: object) -> None:
    profile = app.register_profile(actor=ORGANISER, name="Körner Logistik", kind="company",
                                   country="Germany")
    record: Trip = app.repository.get(trip.trip_id)
    with pytest.raises(ValidationError, match="profile_version"):
        record.attach_profile(actor=ORGANISER, profile_id=profile,
                              profile_version=version)  # type: ignore[arg-type]
    assert not record.pending_events


@pytest.mark.parametrize("counts", [dict(count=-1), dict(count=10**20), dict(count=1.5)])
def test_audit_trail_numbers_are_checked(counts: dict[str, object]) -> None:
    trail = AuditTrail.start(actor="auditor@example.org")
    with pytest.raises(ValidationError, match="count"):
        trail.exported(file="log.jsonl", head="abc", **counts)  # type: ignore[arg-type]


@pytest.mark.parametrize("year", [1, 1899, 2201, 9999])
def test_a_meeting_in_year_0001_or_9999_is_refused_not_an_overflow(
        app: PlannerApplication, trip: LeipzigTrip, year: int) -> None:
    """Converting 0001-01-01 00:30 in Shanghai to UTC overflowed (a 500 in the web UI)."""
    local = datetime(year, 1, 1, 0, 30)
    refused(app, lambda: nanjing_meeting(app, trip, starts=local, ends=local),
            "starts_at", "must be between 1900 and 2200")
    aware = datetime(year, 1, 1, 0, 30, tzinfo=UTC)
    refused(app, lambda: nanjing_meeting(app, trip, starts=aware, ends=aware),
            "starts_at", "must be between 1900 and 2200")
    meeting = nanjing_meeting(app, trip)
    refused(app, lambda: app.move_meeting(meeting, actor=ORGANISER, starts=local, ends=local,
                                          reason="typo"),
            "starts_at", "must be between 1900 and 2200")


def test_a_feed_token_reference_is_short(app: PlannerApplication, trip: LeipzigTrip) -> None:
    """The event records a reference into the credential store, never a token or its hash."""
    person = app.repository.get(trip.koerner)
    with pytest.raises(ValidationError, match="token_ref"):
        person.reset_feed_token(actor=ORGANISER, token_ref="the-token-itself" * 10)


@pytest.mark.parametrize("website", ["javascript:alert(1)", "www.example.org", "ftp://x.example"])
def test_a_website_is_an_http_address(app: PlannerApplication, website: str) -> None:
    refused(app, lambda: app.register_profile(actor=ORGANISER, name="Firm", kind="company",
                                              country="Germany", website=website),
            "website", "must be a web address")


def test_valid_ids_in_any_spelling_are_stored_in_one_form(app: PlannerApplication,
                                                          trip: LeipzigTrip,
                                                          agreement: str) -> None:
    profile = app.register_profile(actor=ORGANISER, name="Jining Port Group", kind="company",
                                   country="China")
    before = event_count(app)
    app.add_party(agreement, actor=ORGANISER, name="Jining Port Group",
                  profile_id=str(profile).upper())
    assert event_count(app) == before + 1
    assert app.get_agreement(agreement)["parties"][0]["profile_id"] == str(profile)
    with pytest.raises(DomainError):
        nanjing_meeting(app, trip, timezone=SHANGHAI, leg_id=ONE_MEGABYTE)
