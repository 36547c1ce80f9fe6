"""The agreements register through the screens: draft, parties, signatories, signing, status,
milestones, filters; who may see an agreement."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from tests.web.conftest import new_trip, post, signed_in, text_of
from tests.web.test_companies import form_fields, register
from tests.web.test_injection_and_scripts import PAYLOADS, assert_inert
from tests.web.world import World


def draft(client: FlaskClient, **fields: Any) -> str:
    data = {"kind": "memorandum of understanding", **fields}
    response = post(client, "/agreements/new", **data)
    assert response.status_code == 302, text_of(response)
    return response.headers["Location"]


def version_of(app: Flask, address: str) -> str:
    return str(app.extensions["planner"].queries.agreement(address.rsplit("/", 1)[1]).version)


def add_party(client: FlaskClient, address: str, **fields: Any) -> None:
    response = post(client, f"{address}/parties", **fields)
    assert response.status_code == 302, text_of(response)


def party_ids(client: FlaskClient, address: str) -> list[str]:
    page = text_of(client.get(f"{address}/parties"))
    return re.findall(r'name="party_id" value="([^"]+)"', page)


def test_an_agreement_is_drafted_at_a_meeting_signed_by_two_parties_and_followed_up(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, munich = new_trip(app, title="Trip with a signing at the Rathaus")
    meeting_id = app.extensions["planner"].app.schedule_meeting(
        trip_id, actor="test", kind="signing ceremony", title="Signing at the Rathaus",
        venue="Neues Rathaus", city="Munich", timezone="Europe/Berlin", leg_id=munich,
        starts=datetime(2024, 11, 21, 10), ends=datetime(2024, 11, 21, 11))
    assert f"/agreements/new?meeting_id={meeting_id}" in text_of(
        organiser.get(f"/meetings/{meeting_id}"))
    form = form_fields(text_of(organiser.get(f"/agreements/new?meeting_id={meeting_id}")))
    assert form["trip_id"] == str(trip_id) and form["meeting_id"] == str(meeting_id)
    address = draft(organiser, title="MoU on industrial cooperation", trip_id=str(trip_id),
                    meeting_id=str(meeting_id), subject="Automotive and environment")
    leipzig = register(organiser, name="Stadt Leipzig Wirtschaftsförderung",
                       kind="government body")
    add_party(organiser, address, profile_id=leipzig.rsplit("/", 1)[1], party_name="")
    add_party(organiser, address, party_name="南京市人民政府")
    leipzig_party, nanjing_party = party_ids(organiser, address)
    post(organiser, f"{address}/signatories", party_id=leipzig_party,
         signatory_name="Burkhard Jung", signatory_title="Oberbürgermeister")
    post(organiser, f"{address}/signatories", party_id=nanjing_party,
         signatory_name="韩立明", signatory_title="副市长")
    assert "It cannot be signed yet: the meeting it is linked to is proposed, not held" in \
        text_of(organiser.get(address))
    assert post(organiser, f"/meetings/{meeting_id}/outcome", summary="The MoU is signed",
                expected_version="2").status_code == 302
    signed = post(organiser, f"{address}/sign", signed_on="2024-11-21", place="München",
                  expected_version=version_of(app, address))
    assert signed.status_code == 302, text_of(signed)
    assert post(organiser, f"{address}/status", status="in force",
                expected_version=version_of(app, address)).status_code == 302
    assert post(organiser, f"{address}/milestones", title="First joint trade fair",
                due_on="2025-05-01").status_code == 302
    milestones = text_of(organiser.get(f"{address}/milestones"))
    milestone = re.search(r'name="milestone_id" value="([^"]+)"', milestones)[1]
    assert post(organiser, f"{address}/milestones/done", milestone_id=milestone,
                done_on="2025-04-28").status_code == 302

    page = text_of(organiser.get(address))
    assert "Stadt Leipzig Wirtschaftsförderung" in page and "南京市人民政府" in page
    assert "Burkhard Jung (Oberbürgermeister)" in page and "韩立明 (副市长)" in page
    assert "signed Thu 21 Nov 2024 in München" in page and ">in force</span>" in page
    assert "Signing at the Rathaus" in page and "Trip with a signing at the Rathaus" in page
    assert "First joint trade fair" in page and "Mon 28 Apr 2025" in page
    assert "MoU on industrial cooperation" in text_of(organiser.get(f"/meetings/{meeting_id}"))


def test_signing_with_fewer_than_two_parties_is_refused_with_the_rule_shown(
        app: Flask, organiser: FlaskClient) -> None:
    address = draft(organiser, title="One-sided letter", kind="letter of intent")
    add_party(organiser, address, party_name="Invest Region Leipzig")
    (party,) = party_ids(organiser, address)
    post(organiser, f"{address}/signatories", party_id=party, signatory_name="Michael Körner")
    position = app.extensions["planner"].queries.position()
    refused = post(organiser, f"{address}/sign", signed_on="2024-06-28", place="Jining",
                   expected_version=version_of(app, address))
    assert refused.status_code == 422
    page = text_of(refused)
    assert "an agreement must be signed by at least two parties" in page
    assert 'value="Jining"' in page, "the input is kept"
    assert app.extensions["planner"].queries.position() == position, "nothing was written"
    assert ">drafted</span>" in text_of(organiser.get(address))


def test_a_stale_agreement_edit_shows_the_change_and_keeps_the_input(
        app: Flask, organiser: FlaskClient) -> None:
    address = draft(organiser, title="Contested memorandum", subject="Original subject")
    anna, ben = signed_in(app, "organiser"), signed_in(app, "organiser")
    annas = form_fields(text_of(anna.get(f"{address}/edit")))
    bens = form_fields(text_of(ben.get(f"{address}/edit")))
    annas.update(title="Memorandum on trade fairs", reason="agreed title",
                 csrf_token=anna.csrf)
    assert anna.post(f"{address}/edit", data=annas).status_code == 302
    bens.update(subject="Ben's subject", csrf_token=ben.csrf)
    response = ben.post(f"{address}/edit", data=bens)
    assert response.status_code == 409
    page = text_of(response)
    assert "Someone changed this agreement while you were editing" in page
    assert "agreed title" in page and "Memorandum on trade fairs" in page
    kept = form_fields(page)
    assert kept["subject"] == "Ben's subject" and kept["expected_version"] == "2"
    kept.update(title="Memorandum on trade fairs", csrf_token=ben.csrf)
    assert ben.post(f"{address}/edit", data=kept).status_code == 302
    row = app.extensions["planner"].queries.agreement(address.rsplit("/", 1)[1])
    assert (row.title, row.subject) == ("Memorandum on trade fairs", "Ben's subject")


def test_terminating_needs_a_reason_and_a_meeting_must_belong_to_the_trip(
        app: Flask, organiser: FlaskClient, world: World) -> None:
    address = draft(organiser, title="Short-lived donation", kind="donation")
    refused = post(organiser, f"{address}/status", status="terminated", reason="",
                   expected_version="1")
    assert refused.status_code == 422
    assert "terminating an agreement must give a reason" in text_of(refused)
    assert post(organiser, f"{address}/status", status="terminated", reason="Donor withdrew",
                expected_version="1").status_code == 302
    assert ">terminated</span>" in text_of(organiser.get(address))

    other_trip, _ = new_trip(app, title="Another trip")
    mismatch = post(organiser, "/agreements/new", title="Misfiled", kind="contract",
                    trip_id=str(other_trip), meeting_id=str(world.meeting_id))
    assert mismatch.status_code == 422
    assert re.search(r'id="e-meeting_id">the meeting belongs to another trip',
                     text_of(mismatch))


def test_the_register_filters_by_kind_status_party_trip_and_signing_year(
        app: Flask, organiser: FlaskClient, world: World) -> None:
    commands = app.extensions["planner"].app
    signed = commands.draft_agreement(actor="test", title="Filter probe: signed contract",
                                      kind="contract", trip_id=world.trip_id)
    for name in ("Jining Commerce Bureau", "Filterprobe Körner GmbH"):
        party = commands.add_party(signed, actor="test", name=name)
        commands.add_signatory(signed, actor="test", name="Signatory", party_id=party)
    from datetime import date

    commands.sign_agreement(signed, actor="test", signed_on=date(2019, 6, 28), place="Jining")
    draft(organiser, title="Filter probe: drafted letter", kind="letter of intent")

    def listed(**filters: str) -> str:
        return text_of(organiser.get("/agreements", query_string=filters))

    both = listed(party="")
    assert "Filter probe: signed contract" in both and "Filter probe: drafted letter" in both
    assert "Jining Commerce Bureau" in both and "Fri 28 Jun 2019, Jining" in both
    for filters in ({"kind": "contract"}, {"status": "signed"}, {"party": "filterprobe korner"},
                    {"trip_id": str(world.trip_id)}, {"year": "2019"}):
        page = listed(**filters)
        assert "Filter probe: signed contract" in page, filters
        assert "Filter probe: drafted letter" not in page, filters
    assert "No agreements match these filters." in listed(year="1999")
    bad = organiser.get("/agreements?status=finished")
    assert bad.status_code == 422 and "finished" in text_of(bad)


def test_members_see_their_trips_agreements_but_no_register_and_auditors_only_read(
        app: Flask, world: World, member: FlaskClient, outsider: FlaskClient,
        auditor: FlaskClient) -> None:
    address = f"/agreements/{world.ids['agreement_id']}"
    assert "Memorandum on economic cooperation" in text_of(member.get(address))
    assert "/edit" not in text_of(member.get(address))
    assert member.get("/agreements").status_code == 403
    assert outsider.get(address).status_code == 404  # as if it did not exist, like its trip
    page = text_of(auditor.get(address))
    assert "Memorandum on economic cooperation" in page
    assert "/edit" not in page and "/parties" not in page and "/sign" not in page
    assert "Draft agreement" not in text_of(auditor.get("/agreements"))
    assert post(auditor, f"{address}/milestones", title="x", due_on="2025-01-01"
                ).status_code == 403


def test_a_form_without_its_csrf_token_is_refused(app: Flask, organiser: FlaskClient) -> None:
    response = organiser.post("/agreements/new", data={"title": "Forged MoU",
                                                       "kind": "contract"})
    assert response.status_code == 400
    assert app.extensions["planner"].queries.agreements(party=None).total == len(
        [a for a in app.extensions["planner"].queries.agreements(per_page=200).items
         if a.title != "Forged MoU"])


def test_html_in_every_text_field_is_shown_as_text(app: Flask, organiser: FlaskClient) -> None:
    for p in PAYLOADS:
        address = draft(organiser, title=f"Title {p}", subject=f"Subject {p}")
        add_party(organiser, address, party_name=f"Party {p}")
        add_party(organiser, address, party_name=f"Other {p}")
        first, second = party_ids(organiser, address)
        for party in (first, second):
            assert post(organiser, f"{address}/signatories", party_id=party,
                        signatory_name=f"Signer {p}", signatory_title=f"Role {p}"
                        ).status_code == 302
        assert post(organiser, f"{address}/sign", signed_on="2024-06-28", place=f"Place {p}",
                    expected_version=version_of(app, address)).status_code == 302
        assert post(organiser, f"{address}/status", status="terminated", reason=f"Why {p}",
                    expected_version=version_of(app, address)).status_code == 302
        assert post(organiser, f"{address}/milestones", title=f"Step {p}", due_on="2025-01-01",
                    ).status_code == 422, "a terminated agreement takes only corrections"
        refused = post(organiser, f"{address}/edit", title=f"Retitled {p}", kind="contract",
                       subject="", reason="", expected_version=version_of(app, address))
        assert refused.status_code == 422
        assert_inert(text_of(refused), p, "the refused edit")
        for page in (address, f"{address}/edit", f"{address}/parties", f"{address}/sign",
                     f"{address}/status", f"{address}/milestones", "/agreements",
                     f"/agreements?party={p}"):
            response = organiser.get(page)
            assert response.status_code == 200, page
            assert_inert(text_of(response), p, page)
        assert str(escape(f"Signer {p}")) in text_of(organiser.get(address))
