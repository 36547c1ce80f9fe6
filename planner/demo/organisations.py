"""The organisations of the seed situations, and who owns and shares what.

- Invest Region Leipzig GmbH (the default organisation of config.toml) plans the 2019 trip to
  Nanjing and Jining and shares it at *plan* with both municipal governments, who set the
  local programme and sign the memoranda.
- The Nanjing Municipal People's Government plans its mayor's 2023 study visit to Germany and
  shares it at *view* with the Consulate General of the People's Republic of China in Munich,
  the one Munich body of the press release that receives the delegation (a courtesy visit to
  Consul General Tong Defa): it follows the programme but does not plan it.
- The Changsha Bureau of Commerce hosts the 2023 matchmaking conference.

Ids are fixed (uuid5 of a name), not drawn from the demo's id sequence, so the records that
existed before organisations keep their ids, calendar UIDs and golden files.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import NAMESPACE_URL, UUID, uuid5

from planner.demo.clock import BERLIN, SHANGHAI, Demo
from planner.domain.organisation import DEFAULT_ORGANISATION_ID


@dataclass(frozen=True)
class DemoOrganisation:
    key: str
    name: str  # in its own script
    latin_name: str
    kind: str
    country: str
    timezone: str

    @property
    def id(self) -> str:
        if self.key == "leipzig":
            return DEFAULT_ORGANISATION_ID
        return str(uuid5(NAMESPACE_URL, f"delegation-planner-demo:organisation:{self.key}"))

    @property
    def display_name(self) -> str:
        return f"{self.name} / {self.latin_name}" if self.latin_name else self.name


LEIPZIG = DemoOrganisation("leipzig", "Invest Region Leipzig GmbH", "", "agency", "DE", BERLIN)
NANJING = DemoOrganisation("nanjing", "南京市人民政府", "Nanjing Municipal People's Government",
                           "government", "CN", SHANGHAI)
JINING = DemoOrganisation("jining", "济宁市人民政府", "Jining Municipal People's Government",
                          "government", "CN", SHANGHAI)
CHANGSHA = DemoOrganisation("changsha", "长沙市商务局", "Changsha Bureau of Commerce",
                            "government", "CN", SHANGHAI)
MUNICH_CONSULATE = DemoOrganisation(
    "munich_consulate", "中华人民共和国驻慕尼黑总领事馆",
    "Consulate General of the People's Republic of China in Munich", "government", "DE", BERLIN)

ORGANISATIONS = {o.key: o for o in (LEIPZIG, NANJING, JINING, CHANGSHA, MUNICH_CONSULATE)}

#: Demo profiles that are an organisation's own: it owns the profile, and an agreement party
#: made from the profile is linked to the organisation.
PROFILE_ORGANISATIONS = {"irl": LEIPZIG, "nanjing_gov": NANJING, "jining_gov": JINING}


def org_id(key: str) -> str:
    return ORGANISATIONS[key].id


def register(demo: Demo, actor: str, *organisations: DemoOrganisation) -> None:
    """Register organisations at the clock's moment (the default one only if its record is
    missing: `planner init` may have written it from config.toml)."""
    app = demo.app
    for o in organisations:
        if o.id == DEFAULT_ORGANISATION_ID and UUID(o.id) in app.repository:
            continue
        app.register_organisation(actor=actor, organisation_id=o.id, name=o.name,
                                  latin_name=o.latin_name, kind=o.kind, country=o.country,
                                  timezone=o.timezone)
