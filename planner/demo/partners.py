"""Organisations of the Changsha conference (Feb 2023) and the Munich study visit (Nov 2023).

Firms and people named in the press releases are real and used as named there. The releases
speak of 100 German and 60+ Changsha enterprises without naming most of them; the demo shows a
representative subset, and the firms it had to invent are marked fictitious.
"""

from __future__ import annotations

from planner.demo.clock import Demo
from planner.demo.profiles import DemoProfile

CN = "cooperate with German firms"
DE = "expand into Germany"
CO = "cooperate with Chinese firms"
EX = "expand into China"
TECH = "technology partnership"
SUPPLY = "find suppliers"
SALES = "find sales partners"
INVEST = "find investors"
TALENT = "talent exchange"
MADE_UP = "Fictitious firm invented for the demo data (the press release names few firms). "


def _invented(key: str, name: str, country: str, city: str, sectors: tuple[str, ...],
              about: str, interests: tuple[str, ...], kind: str = "company") -> DemoProfile:
    return DemoProfile(key, name, kind, country, city, sectors, "medium", MADE_UP + about,
                       interests, fictitious=True)


CHANGSHA_GERMAN = (
    DemoProfile("forcam", "FORCAM (Shanghai) Software Technology Co., Ltd.", "company", "China",
                "Shanghai", ("industrial software", "manufacturing execution systems"),
                "medium", "Chinese subsidiary of the German shop-floor software maker FORCAM.",
                (CO, SALES), contacts=(("Bernd Michel",
                                        "Founder and member of the board of directors"),)),
    DemoProfile("ahk_guangzhou", "German Chamber of Commerce and Industry in Guangzhou",
                "chamber", "China", "Guangzhou", ("business services", "vocational training"),
                "", "Part of the German Chambers of Commerce Abroad network (AHK) in South "
                "China.", (CO, TALENT),
                contacts=(("Martin Stefan Klose", "Chief Representative"),)),
    DemoProfile("bosch", "Robert Bosch GmbH", "company", "Germany", "Gerlingen",
                ("automotive", "industrial technology"), "large",
                "Operates an innovation centre in Changsha; has cooperated with Nanjing for "
                "nearly 30 years.", (CO,)),
    _invented("neckar", "Neckar Antriebstechnik GmbH", "Germany", "Heilbronn",
              ("drive technology", "gearboxes"), "A hidden champion for industrial gearboxes.",
              (EX, SUPPLY)),
    _invented("rheinauen", "Rheinauen Sensorik GmbH", "Germany", "Karlsruhe",
              ("sensors", "measurement"), "Sensors for construction machinery.", (TECH, SUPPLY)),
    _invented("schwarzwald", "Schwarzwald Präzisionsguss GmbH", "Germany",
              "Villingen-Schwenningen", ("precision casting",),
              "Investment-cast parts for hydraulics.", (CO, SALES)),
    _invented("elbtal", "Elbtal Medizintechnik AG", "Germany", "Dresden", ("medical devices",),
              "Imaging components; looking for capital for a plant in Asia.", (INVEST, EX)),
    _invented("hanse", "Hanse Intralogistik GmbH", "Germany", "Bremen",
              ("warehouse automation",), "Automated small-parts warehouses.", (EX, CO)),
)

CHANGSHA_LOCAL = (
    DemoProfile("changsha_gov", "Changsha Municipal People's Government (长沙市人民政府)",
                "government body", "China", "Changsha", ("public administration",), "large",
                "Capital of Hunan province; organiser of the matchmaking conference.", (CN,)),
    DemoProfile("sany", "Sany Heavy Industry Co., Ltd. (三一重工)", "company", "China",
                "Changsha", ("construction machinery",), "large",
                "Leading manufacturer; its innovation centre was visited by the German "
                "delegation.", (CN, TECH)),
    _invented("xiangjiang", "Changsha Xiangjiang Precision Machinery Co., Ltd.", "China",
              "Changsha", ("precision machining",), "A 'little giant' (specialised, refined, "
              "differentiated, innovative) making gear parts.", (CN, SUPPLY, TALENT)),
    _invented("yuelu", "Hunan Yuelu Intelligent Sensing Co., Ltd.", "China", "Changsha",
              ("sensors",), "A 'little giant' for MEMS sensors.", (TECH, CN)),
    _invented("furong", "Changsha Furong New Energy Materials Co., Ltd.", "China", "Changsha",
              ("battery materials",), "Cathode materials; wants a German customer base.",
              (CN, DE)),
    _invented("xingsha", "Xingsha Industrial Internet Co., Ltd.", "China", "Changsha",
              ("industrial software",), "Industrial-internet platform for the machinery "
              "cluster.", (TECH, CN)),
    _invented("fund", "Xiangjiang Advanced Manufacturing Fund", "China", "Changsha",
              ("investment",), "Invests in advanced manufacturing in Central China.", (CN,),
              kind="financial institution"),
    _invented("lawfirm", "Hunan Juzhou Foreign-related Law Firm", "China", "Changsha",
              ("corporate law",), "Advises foreign investors on joint ventures.", (CN,),
              kind="law firm"),
)

MUNICH = (
    DemoProfile("bmw", "BMW Group", "company", "Germany", "Munich", ("automotive",), "large",
                "", (CO,), contacts=(
                    ("Bo Yishan", "Global Senior Vice President and Chief Information Officer"),
                    ("Fu Yao", "Global Senior Vice President"))),
    DemoProfile("siemens", "Siemens AG", "company", "Germany", "Munich",
                ("industrial automation", "digital industries"), "large", "", (CO,),
                contacts=(("Achim Peltz", "CEO Motion Control, Digital Industries"),)),
    DemoProfile("basf", "BASF SE", "company", "Germany", "Ludwigshafen am Rhein",
                ("chemicals",), "large", "", (CO,)),
    DemoProfile("merck", "Merck KGaA", "company", "Germany", "Darmstadt",
                ("life sciences", "healthcare", "electronics"), "large", "", (CO,), contacts=(
                    ("Robert Nas", "Senior Vice President, Life Science"),
                    ("Benedict Ernst", "Vice President, Electronics"),
                    ("Sebastian Cannon Messier", "Senior Director, Global Policy and External "
                     "Affairs, Healthcare"))),
    DemoProfile("allianz", "Allianz SE", "financial institution", "Germany", "Munich",
                ("insurance", "asset management"), "large", "", (CO,),
                contacts=(("Mae Yan Kai", "Vice President"),)),
    DemoProfile("consulate", "Consulate General of the People's Republic of China in Munich",
                "government body", "Germany", "Munich", ("diplomacy",), "", "", (),
                contacts=(("Tong Defa", "Consul General"),)),
    DemoProfile("bvmw", "German Federal Association of Small and Medium-sized Enterprises "
                "(BVMW)", "chamber", "Germany", "Berlin", ("business association",), "", "",
                (CO,)),
    DemoProfile("cgstic", "China-Germany Science and Technology Innovation Center",
                "research institution", "Germany", "", ("innovation",), "", "", (CO, TECH)),
    DemoProfile("tianjia", "Nanjing Tianjia Environmental Technology Co., Ltd. "
                "(南京天加环境科技有限公司)", "company", "China", "Nanjing",
                ("environmental technology", "HVAC"), "large",
                "Spoke at the industrial cooperation exchange in Munich.", (CN, DE)),
    _invented("isar", "Isar Gebäudetechnik GmbH", "Germany", "Munich", ("building services",),
              "Stands in for the unnamed German partner of a project signed on the spot.",
              (CO, TECH)),
    _invented("wuermtal", "Würmtal Automation GmbH", "Germany", "Gräfelfing",
              ("automation",), "Stands in for an unnamed German investor in Nanjing.", (EX,)),
)


def profile_name(demo: Demo, key: str) -> str:
    return demo.app.get_profile(demo.profiles[key])["name"]
