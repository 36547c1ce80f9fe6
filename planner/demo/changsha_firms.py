"""The Changsha matchmaking conference at the press release's scale: 40 German and 60 Changsha
firms with what they offer and seek, their sectors, languages and representatives.

The release names only Sany, Bosch and FORCAM (and FORCAM's Bernd Michel); every other firm and
every representative below is invented for the demo and marked so (`fictitious=True` and the
description of the firm, "(fictitious demo person)" in the title of a person), as
`partners.py` does. Sectors are NACE Rev. 2 division codes ("28" = manufacture of machinery
and equipment n.e.c.). Offers and requests are written the way a firm fills in its profile;
several are phrased to meet one on the other side, so that the suggestions have something to
find. Plain data only: building records from it is `changsha_matchmaking.py`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.demo.changsha_german_firms import GERMAN_FIRMS
from planner.demo.changsha_local_firms import LOCAL_FIRMS
from planner.demo.clock import BERLIN, SHANGHAI

FICTITIOUS_PERSON = " (fictitious demo person)"
MUST, LIKE, NOT = "must meet", "would like", "not interested"


@dataclass(frozen=True)
class Representative:
    key: str  # key in `demo.people`
    firm: str
    name: str
    title: str
    home_timezone: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Interpreter:
    key: str
    name: str
    pairs: tuple[tuple[str, str], ...]
    available: tuple[str, str]  # local wall-clock hours of the afternoon, "14:00", "17:30"


GERMAN = GERMAN_FIRMS
CHANGSHA = LOCAL_FIRMS

# (who states it, about whom, preference): set by one side before the conference
PREFERENCES = (
    ("bosch", "sany", MUST),
    ("neckar", "xiangjiang", MUST),
    ("baar", "lugu_ev", MUST),
    ("yanghu_h2", "uckermark", MUST),
    ("hexi_semi", "erzgebirge", MUST),
    ("main", "lugu_ev", LIKE),
    ("forcam", "xingsha", LIKE),
    ("taunus", "fund", LIKE),
    ("sany", "chiemgau", LIKE),
    ("furong", "nahe", LIKE),
    ("spree", "juzizhou_soft", NOT),
    ("lawfirm", "hunsrueck", NOT),
)

INTERPRETERS = (
    Interpreter("interpreter_changsha", "Chen Jing", (("zh", "de"),), ("14:00", "17:30")),
    Interpreter("mm_interp_li", "Li Na", (("zh", "de"), ("zh", "en")), ("14:00", "17:30")),
    Interpreter("mm_interp_sun", "Sun Hao", (("zh", "en"),), ("14:00", "17:30")),
    Interpreter("mm_interp_vogel", "Anna Vogel", (("de", "zh"),), ("14:00", "16:00")),
    Interpreter("mm_interp_zhang", "Zhang Wei", (("zh", "en"), ("zh", "de")),
                ("15:00", "17:30")),
    Interpreter("mm_interp_brandt", "Julia Brandt", (("de", "en"),), ("14:00", "17:30")),
)

# The afternoon of 14 February 2023: 20-minute meetings, a keynote in between.
MEETING_DAY = "2023-02-14"
SLOT_MINUTES = 20
SESSIONS = (("14:00", "15:40"), ("16:00", "17:20"))
BLOCKED = (("15:40", "16:00", "Keynote: Changsha's advanced-manufacturing hub"),)
TABLES = tuple((f"Table {n}", 2 if n <= 16 else 4) for n in range(1, 21))

_DE_FIRST = ("Anna", "Jonas", "Katrin", "Lukas", "Sabine", "Tobias", "Julia", "Stefan", "Miriam",
             "Felix", "Heike", "Matthias", "Claudia", "Florian", "Petra", "Andreas", "Nina")
_DE_LAST = ("Becker", "Hoffmann", "Krüger", "Wagner", "Schäfer", "Neumann", "Zimmermann",
            "Braun", "Hartmann", "Lange", "Schmitt", "Werner", "Köhler", "Lehmann", "Vogt",
            "Fuchs", "Seidel", "Weiß", "Jäger")
_CN_FAMILY = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
              "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Luo", "Tang")
_CN_GIVEN = ("Wei", "Fang", "Min", "Jun", "Lei", "Yan", "Hui", "Qiang", "Xiu", "Tao", "Ping",
             "Hong", "Jie", "Ying", "Bo", "Ling", "Gang")
_TITLES = ("Managing Director", "Head of Sales", "Business Development Manager",
           "Head of Purchasing", "Technical Director")
REAL_REPRESENTATIVES = {"forcam": ("michel",)}  # people.py's real people, by firm


def _name(german: bool, n: int) -> str:
    if german:
        return f"{_DE_FIRST[n % len(_DE_FIRST)]} {_DE_LAST[(n * 7) % len(_DE_LAST)]}"
    return f"{_CN_FAMILY[(n * 5) % len(_CN_FAMILY)]} {_CN_GIVEN[n % len(_CN_GIVEN)]}"


def representatives() -> tuple[Representative, ...]:
    """One representative per firm, two for every third (invented, deterministic names);
    FORCAM is represented by Bernd Michel, who is already a demo person."""
    people: list[Representative] = []
    for german, firms in ((True, GERMAN), (False, CHANGSHA)):
        for i, f in enumerate(firms):
            if f.key in REAL_REPRESENTATIVES:
                continue
            for j in range(2 if i % 3 == 0 else 1):
                n = i * 2 + j
                people.append(Representative(
                    f"rep_{f.key}_{j + 1}", f.key, _name(german, n),
                    _TITLES[n % len(_TITLES)] + FICTITIOUS_PERSON,
                    BERLIN if german and f.city != "Shanghai" else SHANGHAI, f.languages))
    return tuple(people)


REPRESENTATIVES = representatives()
