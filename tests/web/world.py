"""A small, realistic planning world for the web tests: one trip, two legs, four accounts of
the trip's own organisation, and the staff of three more organisations.

The trip and every record of the world belong to the default organisation (the Leipzig
agency: *own*). The trip is shared at *plan* with Nanjing's government and at *view* with
Jining's; the Changsha Bureau of Commerce is *other*: unrelated to it. Each of the four has an
organiser, an auditor and an administrator (`STAFF`, keyed "role:tie"); the global auditor
belongs to the unrelated organisation, so whatever it sees comes from its flag alone.

Built through the application's commands (the same path the UI takes), so the read models are
filled by the real projector. Names in German and Chinese check that any script round-trips.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from planner.audit.desk import AuditDesk
from planner.bootstrap import Planner
from planner.domain.account import account_id
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.passwords import hash_password

PASSWORD = "correct horse battery staple"
SETUP = "test:setup"
ORGANISER = "organiser@test.example"
MEMBER = "koerner@test.example"
OUTSIDER = "han@test.example"
AUDITOR = "auditor@test.example"
ROLES = ("anonymous", "organiser", "member", "outsider", "auditor")
TRIP_TITLE = "Leipzig delegation to Nanjing and Jining"
TIES = ("own", "plan", "view", "other")
"""How an account's organisation stands to the world's trip: owner, partner at plan, partner
at view, unrelated."""
PARTNERS = {
    "plan": ("南京市人民政府", "Nanjing Municipal People's Government", "government"),
    "view": ("济宁市人民政府", "Jining Municipal People's Government", "government"),
    "other": ("长沙市商务局", "Changsha Bureau of Commerce", "government"),
}
STAFF = {f"{role}:{tie}": f"{role}.{tie}@test.example"
         for role in ("organiser", "auditor", "administrator") for tie in TIES}
STAFF.update({"organiser:own": ORGANISER, "auditor:own": AUDITOR,
              "auditor:global": "auditor.global@test.example"})
EMAILS = {"organiser": ORGANISER, "member": MEMBER, "outsider": OUTSIDER, "auditor": AUDITOR,
          **STAFF}


@dataclass
class World:
    trip_id: UUID
    nanjing_leg: str
    jining_leg: str
    meeting_id: UUID
    held_meeting_id: UUID
    followup_id: str
    koerner: UUID
    han: UUID
    profile_id: UUID
    organisations: dict[str, str] = field(default_factory=dict)
    """Organisation ids by tie to the trip (own, plan, view, other)."""
    ids: dict[str, Any] = field(default_factory=dict)
    """URL arguments by name, for building a URL for every route (the matrix uses these)."""


def build_world(planner: Planner, *, hash_: str | None = None) -> World:
    app = planner.app
    password_hash = hash_ or hash_password(PASSWORD)
    koerner = app.register_person(actor=SETUP, name="Michael Körner", title="Managing Director",
                                  organisation="Invest Region Leipzig",
                                  email="koerner@test.example", home_timezone="Europe/Berlin")
    han = app.register_person(actor=SETUP, name="韩立明", organisation="南京市投资促进委员会",
                              home_timezone="Asia/Shanghai")
    app.open_account(actor=SETUP, email=ORGANISER, name="Olga Organiser", role="organiser",
                     password_hash=password_hash)
    app.open_account(actor=SETUP, email=MEMBER, name="Michael Körner", role="participant",
                     password_hash=password_hash, person_id=koerner)
    app.open_account(actor=SETUP, email=OUTSIDER, name="韩立明", role="participant",
                     password_hash=password_hash, person_id=han)
    app.open_account(actor=SETUP, email=AUDITOR, name="Anna Auditor", role="auditor",
                     password_hash=password_hash)
    trip_id = app.create_trip(actor=SETUP, title=TRIP_TITLE,
                              organiser="Invest Region Leipzig", direction="outbound",
                              home_timezone="Europe/Berlin", starts_on=date(2019, 6, 25),
                              ends_on=date(2019, 6, 30), purpose="Twin-town visit")
    nanjing = app.add_leg(trip_id, actor=SETUP, city="Nanjing", country="China",
                          timezone="Asia/Shanghai", arrives_on=date(2019, 6, 25),
                          departs_on=date(2019, 6, 27))
    jining = app.add_leg(trip_id, actor=SETUP, city="Jining", country="China",
                         timezone="Asia/Shanghai", arrives_on=date(2019, 6, 28),
                         departs_on=date(2019, 6, 30))
    app.add_member(trip_id, actor=SETUP, person_id=koerner, role="head of delegation",
                   organisation="Invest Region Leipzig")
    meeting_id = app.schedule_meeting(
        trip_id, actor=SETUP, kind="official meeting", title="Meeting with the vice mayor",
        venue="Nanjing City Hall", city="Nanjing", timezone="Asia/Shanghai",
        starts=datetime(2019, 6, 25, 10, 0), ends=datetime(2019, 6, 25, 11, 30),
        leg_id=nanjing, counterparts=["Nanjing Municipal Government"], attendees=[koerner])
    held = app.schedule_meeting(
        trip_id, actor=SETUP, kind="signing ceremony", title="MoU signing in Jining",
        venue="Jining Commerce Bureau", city="Jining", timezone="Asia/Shanghai",
        starts=datetime(2019, 6, 28, 15, 0), ends=datetime(2019, 6, 28, 16, 0), leg_id=jining,
        attendees=[koerner])
    app.record_outcome(held, actor=SETUP, summary="MoU signed.", ideas=["Joint trade fair"])
    followup = app.add_followup(held, actor=SETUP, action="Send company profiles",
                                owner="Michael Körner", due_on=date(2019, 7, 15))
    profile = app.register_profile(actor=SETUP, name="Körner Maschinenbau GmbH",
                                   kind="company", country="Germany", city="Leipzig")
    app.attach_profile(trip_id, profile, actor=SETUP)
    agreement = app.draft_agreement(actor=SETUP, title="Memorandum on economic cooperation",
                                    kind="memorandum of understanding", trip_id=trip_id)
    organisations = add_partners(planner, trip_id, password_hash)
    world = World(trip_id=trip_id, nanjing_leg=nanjing, jining_leg=jining,
                  meeting_id=meeting_id, held_meeting_id=held, followup_id=followup,
                  koerner=koerner, han=han, profile_id=profile, organisations=organisations)
    world.ids = {"trip_id": trip_id, "meeting_id": meeting_id, "leg_id": nanjing,
                 "person_id": koerner, "profile_id": profile, "followup_id": followup,
                 "agreement_id": agreement, "account_id": account_id(OUTSIDER), "version": 1,
                 "record_id": meeting_id, "organisation_id": organisations["plan"],
                 "token": "unknown-feed-token-0000000000", "import_kind": "people",
                 "mail_id": 999_999,
                 "job_id": AuditDesk(planner).start_verification(AUDITOR, background=False).id,
                 # entries of a record (API, issue 12 api-records): any text will do
                 "contact_id": "no-such-contact", "party_id": "no-such-party",
                 "signatory_id": "no-such-signatory", "milestone_id": "no-such-milestone"}
    # matchmaking (issue 16): a conference of the trip with the world's profile on one side
    world.ids["matchmaking_id"] = app.open_matchmaking(
        trip_id, actor=SETUP, title="One-to-ones in Nanjing", venue="Nanjing City Hall",
        city="Nanjing", timezone="Asia/Shanghai", side_a="Leipzig firms", side_b="Nanjing firms",
        leg_id=nanjing)
    app.enrol_company(world.ids["matchmaking_id"], actor=SETUP, profile_id=profile, side="a")
    return world


def add_partners(planner: Planner, trip_id: UUID, password_hash: str) -> dict[str, str]:
    """The partner and unrelated organisations, the trip's shares and every staff account
    that `STAFF` names but the world has not opened yet."""
    app = planner.app
    organisations = {"own": DEFAULT_ORGANISATION_ID}
    for tie, (name, latin, kind) in PARTNERS.items():
        organisations[tie] = str(app.register_organisation(
            actor=SETUP, name=name, latin_name=latin, kind=kind, country="CN",
            timezone="Asia/Shanghai"))
    for tie in ("plan", "view"):
        app.share_trip(trip_id, actor=SETUP, organisation_id=organisations[tie], access=tie,
                       reason="Partner in the programme")
    for key, email in STAFF.items():
        if email in (ORGANISER, AUDITOR):
            continue
        role, tie = key.split(":")
        global_auditor = tie == "global"
        app.open_account(actor=SETUP, email=email, name=f"{role.title()} ({tie})", role=role,
                         password_hash=password_hash, global_auditor=global_auditor,
                         organisation_id=organisations["other" if global_auditor else tie])
    return organisations
