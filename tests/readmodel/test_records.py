"""Company profiles and the agreements register."""

from __future__ import annotations

from datetime import date

import pytest

from planner.domain.errors import ValidationError
from tests.readmodel.conftest import World
from tests.readmodel.plan import ACTOR, Plan


def names(page: object) -> list[str]:
    return [row.name for row in page.items]  # type: ignore[attr-defined]


def test_profiles_are_found_by_any_part_of_their_name_in_any_script(world: World) -> None:
    q = world.q
    assert names(q.profiles(name="Korner")) == ["Körner Logistics GmbH"]
    assert names(q.profiles(name="KÖRNER log")) == ["Körner Logistics GmbH"]
    assert names(q.profiles(name="南京")) == ["南京天加环境科技有限公司"]
    assert names(q.profiles(name="天加环境")) == ["南京天加环境科技有限公司"]
    assert names(q.profiles(name="strasse")) == ["Straße & Söhne KG"]
    assert names(q.profiles(name="Söhne")) == ["Straße & Söhne KG"]
    assert names(q.profiles(name="％")) == ["100%_Solar Leipzig"]  # full-width percent sign
    assert names(q.profiles(name="0%_s")) == ["100%_Solar Leipzig"]
    assert names(q.profiles(name="_")) == ["100%_Solar Leipzig"]  # wildcards are literal
    assert names(q.profiles(name="Beijing")) == []
    assert q.profiles().total == 5


def test_profiles_are_filtered_by_kind_sector_interest_and_country(world: World) -> None:
    q = world.q
    assert names(q.profiles(kind="government body")) == ["Invest Region Leipzig GmbH"]
    assert names(q.profiles(sector="energy")) == ["100%_Solar Leipzig",
                                                  "南京天加环境科技有限公司"]
    assert names(q.profiles(interest="expand into China")) == ["Körner Logistics GmbH"]
    assert names(q.profiles(country="china")) == ["南京天加环境科技有限公司"]
    assert names(q.profiles(country="Germany", sector="Energy")) == ["100%_Solar Leipzig"]
    assert q.profiles(per_page=2, page=3).items[0].name == "南京天加环境科技有限公司"
    row = q.profiles(name="南京").items[0]
    assert row.interests == ("cooperate with German firms", "find sales partners")
    assert row.sectors == ("HVAC", "Energy") and row.kind == "company"
    for bad, field in ((dict(kind="bank"), "kind"), (dict(interest="money"), "interest"),
                       (dict(per_page=0), "per_page")):
        with pytest.raises(ValidationError) as refused:
            q.profiles(**bad)
        assert refused.value.field == field


def test_a_profile_shows_its_contacts_and_the_trips_it_was_handed_over_on(world: World) -> None:
    profile = world.q.profile(world["koerner_logistik"])
    assert profile is not None
    assert profile.name == "Körner Logistics GmbH" and profile.version == 3
    assert [(c.name, c.title) for c in profile.contacts] == [("Petra Körner", "CEO")]
    assert [(t.trip_title, t.version) for t in profile.trips] == [
        ("Delegation trip to Nanjing and Jining", 2)]
    assert profile.last_changed_by == ACTOR
    assert world.q.profile("7f1d4c52-0000-4000-8000-000000000000") is None


def test_removing_a_contact_and_renaming_update_the_profile(plan: Plan) -> None:
    profile = plan.app.register_profile(actor=ACTOR, name="Schülke AG", kind="company",
                                        country="Germany", sectors=["IT"])
    contact = plan.app.add_contact(profile, actor=ACTOR, name="Eva Schülke")
    plan.app.remove_contact(profile, contact, actor=ACTOR, reason="Left the company")
    plan.app.change_profile(profile, actor=ACTOR, name="Schuelke Digital AG", kind="company",
                            country="Germany", sectors=["Software"])
    assert names(plan.q.profiles(name="schülke")) == []
    assert names(plan.q.profiles(name="schuelke")) == ["Schuelke Digital AG"]
    assert names(plan.q.profiles(sector="it")) == []
    detail = plan.q.profile(profile)
    assert detail.contacts == () and detail.sectors == ("Software",) and detail.version == 4


def test_the_agreements_register_is_newest_first_and_filtered(world: World) -> None:
    q = world.q

    def titles(**filters: object) -> list[str]:
        return [row.title for row in q.agreements(**filters).items]

    everything = q.agreements()
    assert everything.total == 4
    signed = [r for r in everything.items if r.signed_on]
    assert [r.title for r in signed] == ["Donation of 10,000 face masks",
                                         "Memorandum of Understanding Leipzig–Nanjing"]
    assert titles(kind="donation") == ["Donation of 10,000 face masks"]
    assert titles(status="in force") == ["Donation of 10,000 face masks"]
    assert titles(status="terminated") == ["Old cooperation agreement"]
    assert titles(party="nanjing") == ["Memorandum of Understanding Leipzig–Nanjing"]
    assert titles(party="korner") == ["Letter of intent on logistics"]
    assert set(titles(trip_id=world["trip"])) == {
        "Donation of 10,000 face masks", "Memorandum of Understanding Leipzig–Nanjing",
        "Letter of intent on logistics"}
    assert titles(year=2020) == ["Donation of 10,000 face masks"]
    assert titles(year=2019, kind="memorandum of understanding") == [
        "Memorandum of Understanding Leipzig–Nanjing"]
    assert titles(year=2021) == []
    mou = next(r for r in everything.items if r.kind == "memorandum of understanding")
    assert mou.trip_title == "Delegation trip to Nanjing and Jining"
    assert (mou.signed_on, mou.signed_place) == (date(2019, 6, 26), "Nanjing")
    with pytest.raises(ValidationError, match="status"):
        q.agreements(status="valid")


def test_an_agreement_shows_parties_signatories_and_milestones(world: World) -> None:
    agreement = world.q.agreement(world["mou"])
    assert agreement is not None
    assert [p.name for p in agreement.parties] == ["City of Leipzig", "City of Nanjing"]
    assert [(s.name, s.party_name) for s in agreement.signatories] == [
        ("Mayor of City of Leipzig", "City of Leipzig"),
        ("Mayor of City of Nanjing", "City of Nanjing")]
    assert [(m.title, m.done_on) for m in agreement.milestones] == [
        ("Joint working group meets", None)]
    assert agreement.meeting_title == "Meeting the Mayor of Nanjing"
    assert agreement.status == "signed"
    loi = world.q.agreement(world["loi"])
    assert loi.parties[0].profile_id == world["koerner_logistik"] and loi.signed_on is None
    assert world.q.agreement("7f1d4c52-0000-4000-8000-000000000000") is None


def test_removing_a_party_removes_its_signatories(plan: Plan) -> None:
    app = plan.app
    agreement = app.draft_agreement(actor=ACTOR, title="LoI", kind="letter of intent")
    first = app.add_party(agreement, actor=ACTOR, name="A")
    second = app.add_party(agreement, actor=ACTOR, name="B")
    app.add_signatory(agreement, actor=ACTOR, name="Ann", party_id=first)
    bob = app.add_signatory(agreement, actor=ACTOR, name="Bob", party_id=second)
    app.add_signatory(agreement, actor=ACTOR, name="Bea", party_id=second)
    app.remove_signatory(agreement, bob, actor=ACTOR)
    milestone = app.add_milestone(agreement, actor=ACTOR, title="Review", due_on=date(2020, 1, 1))
    app.complete_milestone(agreement, milestone, actor=ACTOR, done_on=date(2019, 12, 20))
    app.remove_party(agreement, first, actor=ACTOR)
    app.change_agreement_details(agreement, actor=ACTOR, title="Letter of intent",
                                 kind="letter of intent", subject="Logistics")
    detail = plan.q.agreement(agreement)
    assert [p.name for p in detail.parties] == ["B"]
    assert [s.name for s in detail.signatories] == ["Bea"]
    assert detail.milestones[0].done_on == date(2019, 12, 20)
    assert (detail.title, detail.subject) == ("Letter of intent", "Logistics")


def test_correcting_the_signing_date_of_an_agreement_in_force_keeps_it_in_force(
        plan: Plan) -> None:
    app = plan.app
    agreement = app.draft_agreement(actor=ACTOR, title="MoU", kind="memorandum of understanding")
    for name in ("City of Leipzig", "City of Jining"):
        party = app.add_party(agreement, actor=ACTOR, name=name)
        app.add_signatory(agreement, actor=ACTOR, name=f"Mayor of {name}", party_id=party)
    app.sign_agreement(agreement, actor=ACTOR, signed_on=date(2019, 6, 28), place="Jining")
    app.change_agreement_status(agreement, actor=ACTOR, status="in force")
    app.sign_agreement(agreement, actor=ACTOR, signed_on=date(2019, 6, 29), place="Jining",
                       reason="The signing was moved to the morning of 29 June")
    detail = plan.q.agreement(agreement)
    assert (detail.status, detail.signed_on) == ("in force", date(2019, 6, 29))
    assert detail.status == app.get_agreement(agreement)["status"]
