"""Company profiles (names in any script, contacts) and agreements (parties, signing, status)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import pytest

from planner.application import PlannerApplication
from planner.domain.errors import InvariantError
from tests.application.scenarios import (
    ORGANISER,
    Clock,
    LeipzigTrip,
    leipzig_trip,
    nanjing_meeting,
    refused,
    utc,
)


@pytest.mark.parametrize("name", ["南京天加环境科技有限公司", "Körner & Schülke GmbH",
                                  "ООО «Лейпциг-Восток»", "مؤسسة لايبزيغ"])
def test_profile_names_may_be_in_any_script(app: PlannerApplication, name: str) -> None:
    profile_id = app.register_profile(actor=ORGANISER, name=name, kind="company",
                                      country="China", city="南京",
                                      sectors=["HVAC", "环境技术"],
                                      interests=["cooperate with German firms"])
    profile = app.get_profile(profile_id)
    assert (profile["name"], profile["city"], profile["sectors"]) == (
        name, "南京", ["HVAC", "环境技术"])
    assert profile["fictitious"] is False


def test_a_profile_needs_a_known_kind_size_and_interests(app: PlannerApplication) -> None:
    def register(**fields: object) -> UUID:
        base: dict[str, object] = dict(actor=ORGANISER, name="Leipziger Messebau GmbH",
                                       kind="company", country="Germany")
        return app.register_profile(**{**base, **fields})  # type: ignore[arg-type]

    refused(app, lambda: register(kind="start-up"), "kind",
            "must be one of 'company', 'government body'", "'start-up'")
    refused(app, lambda: register(size="huge"), "size", "must be one of", "'huge'")
    refused(app, lambda: register(interests=["world domination"]), "interests",
            "must be one of 'cooperate with Chinese firms'", "'world domination'")
    refused(app, lambda: register(country=""), "country", "must not be empty")


def test_profile_changes_keep_the_fictitious_mark_unless_told(app: PlannerApplication) -> None:
    profile_id = app.register_profile(actor=ORGANISER, name="Saxonia Sensorik GmbH",
                                      kind="company", country="Germany", fictitious=True)
    app.change_profile(profile_id, actor=ORGANISER, name="Saxonia Sensorik AG", kind="company",
                       country="Germany", sectors=["sensors"], reason="became an AG")
    profile = app.get_profile(profile_id)
    assert (profile["name"], profile["fictitious"], profile["version"]) == (
        "Saxonia Sensorik AG", True, 2)


def test_contacts_are_added_with_a_valid_email_and_removed(app: PlannerApplication) -> None:
    profile_id = app.register_profile(actor=ORGANISER, name="Körner & Schülke GmbH",
                                      kind="company", country="Germany")
    refused(app, lambda: app.add_contact(profile_id, actor=ORGANISER, name="Jörg Körner",
                                         email="joerg at example"),
            "email", "must be an e-mail address", "'joerg at example'")
    contact = app.add_contact(profile_id, actor=ORGANISER, name="Jörg Körner",
                              title="Geschäftsführer", email="Joerg@Koerner-Schuelke.example")
    assert app.get_profile(profile_id)["contacts"] == [{
        "contact_id": contact, "name": "Jörg Körner", "title": "Geschäftsführer",
        "email": "joerg@koerner-schuelke.example", "phone": ""}]
    app.remove_contact(profile_id, contact, actor=ORGANISER, reason="left the company")
    assert app.get_profile(profile_id)["contacts"] == []
    refused(app, lambda: app.remove_contact(profile_id, contact, actor=ORGANISER),
            "contact_id", "the profile has no contact")


# -- agreements ---------------------------------------------------------------------------

AFTER_THE_TRIP = utc(2019, 7, 1, 8, 0)
"""The trip is 24-29 June 2019: signing dates in June are in the past from here."""


def _mou(app: PlannerApplication, meeting_id: UUID | None = None) -> UUID:
    return app.draft_agreement(actor=ORGANISER, title="MoU Leipzig-Nanjing", kind="memorandum "
                               "of understanding", subject="Economic cooperation",
                               meeting_id=meeting_id)


def _signable(app: PlannerApplication) -> UUID:
    mou = _mou(app)
    leipzig = app.add_party(mou, actor=ORGANISER, name="City of Leipzig")
    nanjing = app.add_party(mou, actor=ORGANISER, name="南京市人民政府")
    app.add_signatory(mou, actor=ORGANISER, name="Michael Körner", party_id=leipzig,
                      title="Managing Director, Invest Region Leipzig")
    app.add_signatory(mou, actor=ORGANISER, name="蓝绍敏", party_id=nanjing, title="Mayor")
    return mou


def test_drafting_at_a_meeting_links_the_meeting_and_the_trip(app: PlannerApplication,
                                                              trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    mou = _mou(app, meeting_id)
    agreement = app.get_agreement(mou)
    assert (agreement["status"], agreement["trip_id"], agreement["meeting_id"]) == (
        "drafted", str(trip.trip_id), str(meeting_id))
    assert app.get_meeting(meeting_id)["agreement_ids"] == [str(mou)]


def test_an_agreement_cannot_name_a_meeting_of_another_trip(app: PlannerApplication,
                                                             trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    other = leipzig_trip(app)
    refused(app, lambda: app.draft_agreement(actor=ORGANISER, title="MoU", kind="contract",
                                             trip_id=other.trip_id, meeting_id=meeting_id),
            "meeting_id", f"the meeting belongs to trip {trip.trip_id}")


def test_moving_an_agreement_to_another_meeting_links_that_meeting(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    first = nanjing_meeting(app, trip)
    second = nanjing_meeting(app, trip, title="Signing ceremony", kind="signing ceremony",
                             starts=datetime(2019, 6, 27, 9), ends=datetime(2019, 6, 27, 10))
    mou = _mou(app, first)
    app.change_agreement_details(mou, actor=ORGANISER, title="MoU Leipzig-Nanjing",
                                 kind="memorandum of understanding", subject="",
                                 meeting_id=str(second).upper())
    assert app.get_agreement(mou)["meeting_id"] == str(second)
    assert app.get_meeting(second)["agreement_ids"] == [str(mou)]


def test_signing_needs_signatories_of_at_least_two_parties(app: PlannerApplication) -> None:
    mou = _mou(app)
    message = "signatories: an agreement must be signed by at least two parties"
    sign = lambda: app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 26),  # noqa: E731
                                      place="Nanjing")
    assert str(refused(app, sign, "signatories")) == message
    leipzig = app.add_party(mou, actor=ORGANISER, name="City of Leipzig")
    app.add_party(mou, actor=ORGANISER, name="City of Nanjing")
    app.add_signatory(mou, actor=ORGANISER, name="Michael Körner", party_id=leipzig)
    app.add_signatory(mou, actor=ORGANISER, name="Clemens Schülke", party_id=leipzig)
    assert str(refused(app, sign, "signatories")) == message


def test_a_signed_agreement_records_date_and_place(app: PlannerApplication, clock: Clock) -> None:
    clock.set(AFTER_THE_TRIP)
    mou = _signable(app)
    app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 26), place="Nanjing")
    agreement = app.get_agreement(mou)
    assert (agreement["status"], agreement["signed_on"], agreement["signed_place"]) == (
        "signed", date(2019, 6, 26), "Nanjing")
    refused(app, lambda: app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 27),
                                            place="Nanjing"),
            "status", "already signed; correcting the signing needs a reason")


def test_correcting_the_signing_of_an_agreement_in_force_keeps_it_in_force(
        app: PlannerApplication, clock: Clock) -> None:
    clock.set(AFTER_THE_TRIP)
    mou = _signable(app)
    app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 26), place="Nanjing")
    app.change_agreement_status(mou, actor=ORGANISER, status="in force")
    app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 27), place="Nanjing",
                       reason="the signed copy is dated the 27th")
    agreement = app.get_agreement(mou)
    assert (agreement["status"], agreement["signed_on"]) == ("in force", date(2019, 6, 27))


def test_a_signing_date_may_not_be_in_the_future(app: PlannerApplication,
                                                 clock: Clock) -> None:
    """Not in the future anywhere: at 16:00 UTC on 25 June it is already the 26th in
    Nanjing, so the 26th is accepted and the 27th is not."""
    clock.set(utc(2019, 6, 25, 16, 0))
    mou = _signable(app)
    error = refused(app, lambda: app.sign_agreement(mou, actor=ORGANISER,
                                                    signed_on=date(2019, 6, 27),
                                                    place="Nanjing"), "signed_on")
    assert str(error) == ("signed_on: may not be in the future; it is 2019-06-26 at the "
                          "latest anywhere now")
    app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 26), place="Nanjing")
    refused(app, lambda: app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 12, 1),
                                            place="Nanjing", reason="the copy says December"),
            "signed_on", "may not be in the future")
    assert app.get_agreement(mou)["signed_on"] == date(2019, 6, 26)


def test_an_agreement_is_signed_at_a_held_meeting_or_at_none(
        app: PlannerApplication, trip: LeipzigTrip, clock: Clock) -> None:
    """'Held' is the meeting's status, set by recording its outcome; a held meeting stays
    held (it cannot be cancelled), so a signed agreement's meeting stays held."""
    meeting_id = nanjing_meeting(app, trip)
    mou = _signable(app)
    app.change_agreement_details(mou, actor=ORGANISER, title="MoU Leipzig-Nanjing",
                                 kind="memorandum of understanding", subject="",
                                 meeting_id=meeting_id)
    sign = lambda: app.sign_agreement(mou, actor=ORGANISER,  # noqa: E731
                                      signed_on=date(2019, 5, 2), place="Nanjing")
    message = ("meeting_id: the meeting it is linked to is {}, not held; an agreement is signed "
               "at a meeting that has been held (record the meeting's outcome first) or linked "
               "to no meeting")
    assert str(refused(app, sign, "meeting_id")) == message.format("proposed")
    app.confirm_meeting(meeting_id, actor=ORGANISER)
    assert str(refused(app, sign, "meeting_id")) == message.format("confirmed")
    app.cancel_meeting(meeting_id, actor=ORGANISER, reason="the mayor is in Beijing")
    assert str(refused(app, sign, "meeting_id")) == message.format("cancelled")
    app.reinstate_meeting(meeting_id, actor=ORGANISER, reason="back on")
    clock.set(utc(2019, 6, 26, 4))
    app.record_outcome(meeting_id, actor=ORGANISER, summary="MoU signed")
    app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 26), place="Nanjing")
    assert app.get_agreement(mou)["status"] == "signed"
    refused(app, lambda: app.cancel_meeting(meeting_id, actor=ORGANISER, reason="x"),
            "status", "a meeting that has been held cannot be cancelled")


def test_a_signed_agreement_can_be_linked_only_to_a_held_meeting(
        app: PlannerApplication, trip: LeipzigTrip, clock: Clock) -> None:
    clock.set(utc(2019, 6, 26, 4))
    held = nanjing_meeting(app, trip)
    app.record_outcome(held, actor=ORGANISER, summary="MoU signed")
    later = nanjing_meeting(app, trip, title="Dinner", kind="dinner",
                            starts=datetime(2019, 6, 26, 19), ends=datetime(2019, 6, 26, 21))
    mou = _signable(app)
    app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 26), place="Nanjing")

    def link(meeting_id: UUID) -> None:
        app.change_agreement_details(mou, actor=ORGANISER, title="MoU Leipzig-Nanjing",
                                     kind="memorandum of understanding", subject="",
                                     meeting_id=meeting_id)

    refused(app, lambda: link(later), "meeting_id",
            "the meeting it is linked to is proposed, not held")
    link(held)
    assert app.get_agreement(mou)["meeting_id"] == str(held)


def test_parties_are_unique_and_signatories_belong_to_a_party(app: PlannerApplication) -> None:
    mou = _mou(app)
    app.add_party(mou, actor=ORGANISER, name="City of Leipzig")
    refused(app, lambda: app.add_party(mou, actor=ORGANISER, name="city of leipzig"),
            "party name", "'city of leipzig' is already a party")
    refused(app, lambda: app.add_signatory(mou, actor=ORGANISER, name="X", party_id="nope"),
            "party_id", "must be a record id (UUID); got 'nope'")


def test_changing_parties_after_signing_is_a_correction_with_a_reason(
        app: PlannerApplication, clock: Clock) -> None:
    clock.set(AFTER_THE_TRIP)
    mou = _signable(app)
    app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 26), place="Nanjing")
    refused(app, lambda: app.add_party(mou, actor=ORGANISER, name="ECMDC"), "reason",
            "the agreement is signed; changing its parties is a correction and needs a reason")
    app.add_party(mou, actor=ORGANISER, name="ECMDC", reason="ECMDC co-signed as witness")
    assert [p["name"] for p in app.get_agreement(mou)["parties"]][-1] == "ECMDC"


def test_the_agreement_status_goes_from_drafted_to_signed_in_force_and_expired(
        app: PlannerApplication, clock: Clock) -> None:
    clock.set(AFTER_THE_TRIP)
    mou = _signable(app)

    def status(value: str) -> None:
        app.change_agreement_status(mou, actor=ORGANISER, status=value)

    refused(app, lambda: status("in force"), "status",
            "an agreement that is drafted cannot become in force")
    refused(app, lambda: status("signed"), "status", "use sign (with date and place) to sign")
    refused(app, lambda: status("void"), "status", "must be one of 'drafted'", "'void'")
    app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 26), place="Nanjing")
    refused(app, lambda: status("expired"), "status",
            "an agreement that is signed cannot become expired")
    status("in force")
    status("expired")
    assert app.get_agreement(mou)["status"] == "expired"
    refused(app, lambda: status("in force"), "status",
            "an agreement that is expired cannot become in force")


def test_terminating_needs_a_reason_and_then_only_corrections_are_accepted(
        app: PlannerApplication, clock: Clock) -> None:
    clock.set(AFTER_THE_TRIP)
    mou = _signable(app)
    app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 26), place="Nanjing")
    app.change_agreement_status(mou, actor=ORGANISER, status="in force")
    milestone = app.add_milestone(mou, actor=ORGANISER, title="First joint investor day",
                                  due_on=date(2020, 3, 1))
    refused(app, lambda: app.change_agreement_status(mou, actor=ORGANISER,
                                                     status="terminated"),
            "reason", "terminating an agreement must give a reason")
    app.change_agreement_status(mou, actor=ORGANISER, status="terminated",
                                reason="replaced by the 2021 cooperation agreement")
    message = "reason: the agreement is terminated; only corrections with a reason are accepted"
    for edit in [
        lambda: app.change_agreement_details(mou, actor=ORGANISER, title="MoU", kind="contract",
                                             subject=""),
        lambda: app.add_milestone(mou, actor=ORGANISER, title="x", due_on=date(2020, 1, 1)),
        lambda: app.complete_milestone(mou, milestone, actor=ORGANISER,
                                       done_on=date(2020, 3, 1)),
        lambda: app.add_party(mou, actor=ORGANISER, name="ECMDC"),
    ]:
        assert str(refused(app, edit, "reason", error=InvariantError)) == message
    refused(app, lambda: app.change_agreement_status(mou, actor=ORGANISER, status="in force",
                                                     reason="x"),
            "status", "an agreement that is terminated cannot become in force")
    app.change_agreement_details(mou, actor=ORGANISER, title="MoU Leipzig-Nanjing (2019)",
                                 kind="memorandum of understanding", subject="",
                                 reason="title as printed on the signed copy")
    assert app.get_agreement(mou)["title"] == "MoU Leipzig-Nanjing (2019)"


def test_milestones_are_completed_once(app: PlannerApplication) -> None:
    mou = _mou(app)
    milestone = app.add_milestone(mou, actor=ORGANISER, title="Delegation trip with companies",
                                  due_on=date(2019, 11, 1))
    app.complete_milestone(mou, milestone, actor=ORGANISER, done_on=date(2019, 11, 5))
    assert app.get_agreement(mou)["milestones"][0]["done_on"] == date(2019, 11, 5)
    refused(app, lambda: app.complete_milestone(mou, milestone, actor=ORGANISER,
                                                done_on=date(2019, 11, 6)),
            "milestone_id", "already done")


def test_signatories_can_be_removed_before_signing(app: PlannerApplication,
                                                   clock: Clock) -> None:
    mou = _signable(app)
    signatory = app.get_agreement(mou)["signatories"][0]["signatory_id"]
    app.remove_signatory(mou, signatory, actor=ORGANISER)
    assert len(app.get_agreement(mou)["signatories"]) == 1
    refused(app, lambda: app.sign_agreement(mou, actor=ORGANISER, signed_on=date(2019, 6, 26),
                                            place="Nanjing"), "signatories")


def test_removing_a_party_removes_its_signatories(app: PlannerApplication) -> None:
    mou = _signable(app)
    parties = app.get_agreement(mou)["parties"]
    app.remove_party(mou, parties[1]["party_id"], actor=ORGANISER, reason="wrong body")
    agreement = app.get_agreement(mou)
    assert [p["name"] for p in agreement["parties"]] == ["City of Leipzig"]
    assert [s["name"] for s in agreement["signatories"]] == ["Michael Körner"]
    refused(app, lambda: app.remove_party(mou, parties[1]["party_id"], actor=ORGANISER),
            "party_id", "the agreement has no party")
