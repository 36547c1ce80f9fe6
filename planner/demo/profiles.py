"""Organisations of the Leipzig trip: the eleven company profiles handed over, and the bodies.

The press release says eleven Leipzig companies' profiles were handed over but names none of
them, so the eleven below are invented (plausible sectors for the Leipzig region) and carry
`fictitious=True` and a description saying so. The public bodies are the real ones named in
the seeds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.demo.clock import Demo
from planner.demo.organisations import LEIPZIG, PROFILE_ORGANISATIONS, DemoOrganisation

COOPERATE = "cooperate with Chinese firms"
EXPAND = "expand into China"
SALES = "find sales partners"
INVESTORS = "find investors"
SUPPLIERS = "find suppliers"
TECH = "technology partnership"
TALENT = "talent exchange"
INVENTED = ("Fictitious company invented for the demo data: the press release says eleven "
            "Leipzig companies' profiles were handed over but does not name them. ")


@dataclass(frozen=True)
class DemoProfile:
    key: str
    name: str
    kind: str
    country: str
    city: str
    sectors: tuple[str, ...] = ()
    size: str = ""
    description: str = ""
    interests: tuple[str, ...] = ()
    website: str = ""
    fictitious: bool = False
    contacts: tuple[tuple[str, str], ...] = field(default=())  # (name, title)


def _company(key: str, name: str, sectors: tuple[str, ...], size: str, about: str,
             interests: tuple[str, ...]) -> DemoProfile:
    return DemoProfile(key, name, "company", "Germany", "Leipzig", sectors, size,
                       INVENTED + about, interests, fictitious=True)


LEIPZIG_COMPANIES = (
    _company("auensee", "Auensee Logistik GmbH", ("logistics", "air freight"), "medium",
             "Contract logistics next to the Leipzig/Halle air-freight hub; wants Chinese "
             "e-commerce shippers as customers.", (COOPERATE, SALES)),
    _company("pleisse", "Pleiße Automotive Components GmbH", ("automotive", "metal forming"),
             "medium", "Supplier of chassis parts to the car plants in the Leipzig region; "
             "looks for a production partner in East China.", (EXPAND, COOPERATE)),
    _company("connewitz", "Connewitz BioAnalytik GmbH", ("life sciences", "diagnostics"),
             "small", "Laboratory diagnostics start-up from the BioCity campus; seeks a "
             "distribution partner for its test kits.", (SALES, INVESTORS)),
    _company("messestadt", "Messestadt Software & Data GmbH", ("software", "data analytics"),
             "small", "Software for trade-fair and event logistics; interested in Chinese "
             "exhibition organisers.", (COOPERATE, TECH)),
    _company("lindenau", "Lindenau Solartechnik GmbH", ("renewable energy", "photovoltaics"),
             "medium", "Planner and installer of commercial solar plants; sources modules "
             "and inverters from China.", (SUPPLIERS, COOPERATE)),
    _company("plagwitz", "Plagwitz Textilmaschinen GmbH", ("mechanical engineering",),
             "medium", "Builds special machines for technical textiles in the old industrial "
             "quarter of Plagwitz; wants a sales office in Jiangsu.", (EXPAND, SALES)),
    _company("gohlis", "Gohlis Feinkost Manufaktur GmbH", ("food", "confectionery"), "small",
             "Makes Leipzig pastry specialities; wants to sell Leipzig products on the Chinese "
             "market through an importer.", (EXPAND, SALES)),
    _company("elster", "Elster-Saale Wasser- und Umwelttechnik GmbH",
             ("environmental technology", "water treatment"), "medium",
             "Water treatment plants for industrial parks; interested in projects in Chinese "
             "industrial zones.", (COOPERATE, TECH)),
    _company("suedvorstadt", "Südvorstadt Medizintechnik GmbH", ("medical devices",), "small",
             "Develops surgical instruments; looks for a manufacturing partner and an "
             "investor.", (INVESTORS, COOPERATE)),
    _company("rosental", "Rosental Instrumentenbau GmbH", ("musical instruments", "crafts"),
             "micro", "Workshop for string instruments in the music city of Leipzig; Chinese "
             "music schools are its fastest-growing customers.", (EXPAND, SALES)),
    _company("schleussig", "Schleußig Smart Mobility GmbH", ("e-mobility", "charging"),
             "small", "Charging infrastructure software; seeks a Chinese hardware partner "
             "and engineers for a joint team.", (TECH, TALENT)),
)

LEIPZIG_BODIES = (
    DemoProfile("irl", "Invest Region Leipzig GmbH", "government body", "Germany", "Leipzig",
                ("investment promotion",), "small", "Economic development agency of the City "
                "and Region of Leipzig; organises the delegation trip.", (COOPERATE,),
                "https://www.invest-region-leipzig.de",
                contacts=(("Michael Körner", "Managing Director"),)),
    DemoProfile("city_leipzig", "City of Leipzig (Stadt Leipzig)", "government body",
                "Germany", "Leipzig", ("public administration",), "large",
                "Twin town of Nanjing since 1988.", (COOPERATE,),
                contacts=(("Burkhard Jung", "Mayor of Leipzig (Oberbürgermeister)"),
                          ("Clemens Schülke", "Head of the Office for Economic Development"))),
    DemoProfile("district_leipzig", "District of Leipzig (Landkreis Leipzig)",
                "government body", "Germany", "Borna", ("public administration",), "large",
                "The rural district around the city of Leipzig.", (COOPERATE,),
                contacts=(("Henry Graichen", "District Administrator (Landrat)"),)),
    DemoProfile("nanjing_gov", "Nanjing Municipal People's Government (南京市人民政府)",
                "government body", "China", "Nanjing", ("public administration",), "large",
                "Capital of Jiangsu province, more than eight million inhabitants, around "
                "3,600 companies; Leipzig's twin town since 1988.", (),
                contacts=(("HAN Liming", "Mayor of Nanjing"),)),
    DemoProfile("jining_gov", "Jining Municipal People's Government (济宁市人民政府)",
                "government body", "China", "Jining", ("public administration",), "large",
                "Industrial city of about 8.3 million inhabitants in Shandong province, about "
                "500 km from Nanjing.", (),
                contacts=(("SHI Guangliang", "Mayor of Jining"),)),
    DemoProfile("ecmdc", "EU-China Municipal Development Commission (ECMDC)", "ngo",
                "Germany", "Leipzig", ("city partnerships", "economic exchange"), "",
                "Non-governmental organisation that arranged many of the meetings in Nanjing "
                "and Jining in advance.", (COOPERATE,),
                contacts=(("William Y. Zhang", "Chair"),)),
    DemoProfile("ciccps", "CICCPS/ECMDC Liaison Office Leipzig", "chamber", "Germany",
                "Leipzig", ("economic exchange",), "",
                "Leipzig liaison office of the China International Chamber of Commerce for the "
                "Private Sector (CICCPS) and ECMDC; works closely with Invest Region Leipzig.",
                (COOPERATE,)),
)


def register_profiles(demo: Demo, profiles: tuple[DemoProfile, ...], actor: str,
                      owner: DemoOrganisation = LEIPZIG) -> None:
    """Register profiles (and their contacts) at the clock's moment; ids go to `demo.profiles`.

    `owner` keeps them, except an organisation's own profile, which that organisation owns."""
    for p in profiles:
        profile_id = demo.app.register_profile(
            owner_org_id=PROFILE_ORGANISATIONS.get(p.key, owner).id,
            actor=actor, name=p.name, kind=p.kind, country=p.country, city=p.city,
            sectors=list(p.sectors), size=p.size, description=p.description,
            interests=list(p.interests), website=p.website, fictitious=p.fictitious)
        demo.profiles[p.key] = profile_id
        for name, title in p.contacts:
            demo.app.add_contact(profile_id, actor=actor, name=name, title=title)
