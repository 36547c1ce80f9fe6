"""Months after the Leipzig trip: the Preferential Policy and the face-mask donation (2020).

The press release of spring 2020 reports 10,000 face masks donated to the City of Leipzig via
the Leipzig liaison office of CICCPS and ECMDC, and the "Preferential Policy" sent by Mayor
Burkhard Jung to Nanjing's mayor HAN Liming and by District Administrator Henry Graichen to
Jining's mayor SHI Guangliang. Exact days are not published; the dates here are plausible.
"""

from __future__ import annotations

from datetime import date

from planner.demo.accounts import LEIPZIG_ASSISTANT, LEIPZIG_ORGANISER
from planner.demo.clock import Demo

ORG, ASST = LEIPZIG_ORGANISER, LEIPZIG_ASSISTANT


def preferential_policy(demo: Demo) -> None:
    """The policy is written, then sent to both mayors: follow-ups of the two MoU signings."""
    app, ids = demo.app, demo.ids
    demo.at("2020-01-20 10:15")
    app.complete_followup(ids["nanjing_signing"], ids["fu_policy"], actor=ORG,
                          done_on=date(2020, 1, 17))
    ids["fu_policy_nanjing"] = app.add_followup(
        ids["nanjing_signing"], actor=ORG,
        action="Send the 'Preferential Policy' to Nanjing's mayor Ms HAN Liming (letter from "
               "Leipzig's mayor Burkhard Jung)",
        owner="Burkhard Jung, Mayor of Leipzig", due_on=date(2020, 3, 31))
    ids["fu_policy_jining"] = app.add_followup(
        ids["jining_signing"], actor=ORG,
        action="Send the 'Preferential Policy' for the District of Leipzig to Jining's mayor "
               "Mr SHI Guangliang (letter from District Administrator Henry Graichen)",
        owner="Henry Graichen, District Administrator (Landkreis Leipzig)",
        due_on=date(2020, 3, 31))
    ids["ms_policy"] = app.add_milestone(
        ids["mou_nanjing"], actor=ORG, due_on=date(2020, 6, 30),
        title="Make the opportunities for Chinese investors in Leipzig better known: "
              "Preferential Policy handed to the City of Nanjing")


def face_masks(demo: Demo) -> None:
    """A donation agreement with the liaison office, ECMDC and the City of Leipzig."""
    app, ids, profiles = demo.app, demo.ids, demo.profiles
    demo.at("2020-03-30 09:45")
    donation = app.draft_agreement(
        actor=ASST, title="Donation of 10,000 face masks to the City of Leipzig",
        kind="donation", trip_id=ids["leipzig_trip"],
        subject="10,000 face masks delivered to the City of Leipzig via the Leipzig liaison "
                "office of CICCPS and ECMDC. In a video message William Y. Zhang, chair of "
                "ECMDC, calls it a 'gesture of goodwill' and offers further help against the "
                "coronavirus.")
    ids["donation"] = donation
    parties = {}
    for key in ("ciccps", "ecmdc", "city_leipzig"):
        parties[key] = app.add_party(donation, actor=ASST, profile_id=profiles[key],
                                     name=app.get_profile(profiles[key])["name"])
    app.add_signatory(donation, actor=ASST, name="William Y. Zhang", title="Chair, ECMDC",
                      party_id=parties["ecmdc"])
    app.add_signatory(donation, actor=ASST, name="Clemens Schülke",
                      title="Head of the Office for Economic Development, City of Leipzig",
                      party_id=parties["city_leipzig"])
    demo.at("2020-04-02 14:00")
    app.sign_agreement(donation, actor=ORG, signed_on=date(2020, 4, 2), place="Leipzig")
    demo.at("2020-04-08 11:20")
    app.change_agreement_status(donation, actor=ORG, status="in force",
                                reason="The 10,000 masks were handed over to the City of "
                                       "Leipzig.")


def policy_sent(demo: Demo) -> None:
    app, ids = demo.app, demo.ids
    demo.at("2020-04-15 15:30")
    app.complete_followup(ids["nanjing_signing"], ids["fu_policy_nanjing"], actor=ORG,
                          done_on=date(2020, 4, 14))
    app.complete_followup(ids["jining_signing"], ids["fu_policy_jining"], actor=ORG,
                          done_on=date(2020, 4, 14))
    app.complete_milestone(ids["mou_nanjing"], ids["ms_policy"], actor=ORG,
                           done_on=date(2020, 4, 14))


def load(demo: Demo) -> None:
    preferential_policy(demo)
    face_masks(demo)
    policy_sent(demo)
    demo.progress(f"  Leipzig follow-ups 2020: donation agreement {demo.ids['donation']}")
