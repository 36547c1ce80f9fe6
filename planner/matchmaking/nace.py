"""NACE Rev. 2, the EU's statistical classification of economic activities: sections and
divisions with their English names, and the codes a matchmaking profile may give.

Kept as data in our own module: the classification is a fixed, published table (Regulation
(EC) No 1893/2006) and no well-kept PyPI package ships it with names. The English names are
the msgids for translation (the web layer passes them through gettext); nothing here
translates. Groups and classes (for example "29.3", "28.41") are accepted when their division
is known; they are named after their division.
"""

from __future__ import annotations

import re

from planner.i18n.words import N_

SECTIONS: dict[str, tuple[str, range]] = {
    "A": ("Agriculture, forestry and fishing", range(1, 4)),
    "B": ("Mining and quarrying", range(5, 10)),
    "C": ("Manufacturing", range(10, 34)),
    "D": ("Electricity, gas, steam and air conditioning supply", range(35, 36)),
    "E": ("Water supply; sewerage, waste management and remediation activities", range(36, 40)),
    "F": ("Construction", range(41, 44)),
    "G": ("Wholesale and retail trade; repair of motor vehicles and motorcycles", range(45, 48)),
    "H": ("Transportation and storage", range(49, 54)),
    "I": ("Accommodation and food service activities", range(55, 57)),
    "J": ("Information and communication", range(58, 64)),
    "K": ("Financial and insurance activities", range(64, 67)),
    "L": ("Real estate activities", range(68, 69)),
    "M": ("Professional, scientific and technical activities", range(69, 76)),
    "N": ("Administrative and support service activities", range(77, 83)),
    "O": ("Public administration and defence; compulsory social security", range(84, 85)),
    "P": ("Education", range(85, 86)),
    "Q": ("Human health and social work activities", range(86, 89)),
    "R": ("Arts, entertainment and recreation", range(90, 94)),
    "S": ("Other service activities", range(94, 97)),
    "T": ("Activities of households as employers; undifferentiated goods- and "
          "services-producing activities of households for own use", range(97, 99)),
    "U": ("Activities of extraterritorial organisations and bodies", range(99, 100)),
}
"""Section letter -> (name, the division numbers it holds)."""

DIVISIONS: dict[str, str] = {
    "01": "Crop and animal production, hunting and related service activities",
    "02": "Forestry and logging",
    "03": "Fishing and aquaculture",
    "05": "Mining of coal and lignite",
    "06": "Extraction of crude petroleum and natural gas",
    "07": "Mining of metal ores",
    "08": "Other mining and quarrying",
    "09": "Mining support service activities",
    "10": "Manufacture of food products",
    "11": "Manufacture of beverages",
    "12": "Manufacture of tobacco products",
    "13": "Manufacture of textiles",
    "14": "Manufacture of wearing apparel",
    "15": "Manufacture of leather and related products",
    "16": "Manufacture of wood and of products of wood and cork, except furniture",
    "17": "Manufacture of paper and paper products",
    "18": "Printing and reproduction of recorded media",
    "19": "Manufacture of coke and refined petroleum products",
    "20": "Manufacture of chemicals and chemical products",
    "21": "Manufacture of basic pharmaceutical products and pharmaceutical preparations",
    "22": "Manufacture of rubber and plastic products",
    "23": "Manufacture of other non-metallic mineral products",
    "24": "Manufacture of basic metals",
    "25": "Manufacture of fabricated metal products, except machinery and equipment",
    "26": "Manufacture of computer, electronic and optical products",
    "27": "Manufacture of electrical equipment",
    "28": "Manufacture of machinery and equipment n.e.c.",
    "29": "Manufacture of motor vehicles, trailers and semi-trailers",
    "30": "Manufacture of other transport equipment",
    "31": "Manufacture of furniture",
    "32": "Other manufacturing",
    "33": "Repair and installation of machinery and equipment",
    "35": "Electricity, gas, steam and air conditioning supply",
    "36": "Water collection, treatment and supply",
    "37": "Sewerage",
    "38": "Waste collection, treatment and disposal activities; materials recovery",
    "39": "Remediation activities and other waste management services",
    "41": "Construction of buildings",
    "42": "Civil engineering",
    "43": "Specialised construction activities",
    "45": "Wholesale and retail trade and repair of motor vehicles and motorcycles",
    "46": "Wholesale trade, except of motor vehicles and motorcycles",
    "47": "Retail trade, except of motor vehicles and motorcycles",
    "49": "Land transport and transport via pipelines",
    "50": "Water transport",
    "51": "Air transport",
    "52": "Warehousing and support activities for transportation",
    "53": "Postal and courier activities",
    "55": "Accommodation",
    "56": "Food and beverage service activities",
    "58": "Publishing activities",
    "59": "Motion picture, video and television programme production, sound recording and "
          "music publishing activities",
    "60": "Programming and broadcasting activities",
    "61": "Telecommunications",
    "62": "Computer programming, consultancy and related activities",
    "63": "Information service activities",
    "64": "Financial service activities, except insurance and pension funding",
    "65": "Insurance, reinsurance and pension funding, except compulsory social security",
    "66": "Activities auxiliary to financial services and insurance activities",
    "68": "Real estate activities",
    "69": "Legal and accounting activities",
    "70": "Activities of head offices; management consultancy activities",
    "71": "Architectural and engineering activities; technical testing and analysis",
    "72": "Scientific research and development",
    "73": "Advertising and market research",
    "74": "Other professional, scientific and technical activities",
    "75": "Veterinary activities",
    "77": "Rental and leasing activities",
    "78": "Employment activities",
    "79": "Travel agency, tour operator reservation service and related activities",
    "80": "Security and investigation activities",
    "81": "Services to buildings and landscape activities",
    "82": "Office administrative, office support and other business support activities",
    "84": "Public administration and defence; compulsory social security",
    "85": "Education",
    "86": "Human health activities",
    "87": "Residential care activities",
    "88": "Social work activities without accommodation",
    "90": "Creative, arts and entertainment activities",
    "91": "Libraries, archives, museums and other cultural activities",
    "92": "Gambling and betting activities",
    "93": "Sports activities and amusement and recreation activities",
    "94": "Activities of membership organisations",
    "95": "Repair of computers and personal and household goods",
    "96": "Other personal service activities",
    "97": "Activities of households as employers of domestic personnel",
    "98": "Undifferentiated goods- and services-producing activities of private households "
          "for own use",
    "99": "Activities of extraterritorial organisations and bodies",
}
"""Two-digit division code -> its English name (88 divisions)."""

_CODE = re.compile(r"^(?:[A-U]|\d{2}(?:\.\d{1,2})?)$")


def normalise(code: str) -> str:
    """'c' -> 'C', ' 29.10 ' -> '29.10', '29.1' stays; the form the profile stores."""
    return code.strip().upper()


def problem(code: str) -> str:
    """Why a code is not a NACE Rev. 2 code ('' when it is one)."""
    template, params = refusal(code)
    return template % params if template else ""


def refusal(code: str) -> tuple[str, dict[str, str]]:
    """Why a code is not a NACE Rev. 2 code, as a message template and its values
    (an empty template when it is one)."""
    code = normalise(code)
    if not _CODE.match(code):
        return N_("%(code)r is not a NACE Rev. 2 code (a section letter A-U or a division "
                  "such as 29, optionally with group and class: 29.1, 29.10)"), {"code": code}
    if code[0].isdigit() and code[:2] not in DIVISIONS:
        return N_("%(code)r: there is no NACE Rev. 2 division %(division)s"), {
            "code": code, "division": code[:2]}
    return "", {}


def division(code: str) -> str:
    """The two-digit division of a code ('' for a section letter)."""
    code = normalise(code)
    return code[:2] if code[:1].isdigit() else ""


def section(code: str) -> str:
    """The section letter a code belongs to."""
    code = normalise(code)
    if not code[:1].isdigit():
        return code
    number = int(code[:2])
    return next(letter for letter, (_, numbers) in SECTIONS.items() if number in numbers)


def name(code: str) -> str:
    """The English name of a section or division (a group or class: its division's)."""
    code = normalise(code)
    if code in SECTIONS:
        return SECTIONS[code][0]
    return DIVISIONS.get(code[:2], "")


def label(code: str) -> str:
    """'29 Manufacture of motor vehicles, trailers and semi-trailers'."""
    return f"{normalise(code)} {name(code)}"


def choices() -> list[tuple[str, str]]:
    """Every section and division as (code, name), each section before its divisions."""
    result: list[tuple[str, str]] = []
    for letter, (section_name, numbers) in SECTIONS.items():
        result.append((letter, section_name))
        result.extend((f"{n:02d}", DIVISIONS[f"{n:02d}"]) for n in numbers
                      if f"{n:02d}" in DIVISIONS)
    return result


SHORT: dict[str, str] = {
    "10": "food products", "11": "beverages", "13": "textiles", "16": "wood products",
    "17": "paper", "19": "refined petroleum", "20": "chemicals", "21": "pharmaceuticals",
    "22": "rubber and plastics", "23": "glass, ceramics and building materials",
    "24": "basic metals", "25": "metal products", "26": "electronics and optics",
    "27": "electrical equipment", "28": "machinery", "29": "automotive",
    "30": "rail, ships and aircraft", "31": "furniture", "32": "other manufacturing",
    "33": "machinery repair and installation", "35": "energy", "36": "water supply",
    "38": "waste and recycling", "41": "building construction", "42": "civil engineering",
    "43": "specialised construction", "45": "motor vehicle trade", "46": "wholesale",
    "47": "retail", "49": "land transport", "50": "shipping", "51": "air transport",
    "52": "logistics", "61": "telecommunications", "62": "software and IT services",
    "63": "information services", "64": "financial services", "65": "insurance",
    "66": "investment and fund management", "68": "real estate",
    "69": "legal and accounting services", "70": "management consultancy",
    "71": "engineering and testing", "72": "research and development",
    "73": "advertising and market research", "78": "recruitment and staffing",
    "82": "business support services", "84": "public administration", "85": "education",
    "86": "health care",
}
"""Short English names for explanations ('both automotive'); others use the full name."""


def short(code: str) -> str:
    """The short name of a code's division (or the section's name, lower-cased)."""
    found = SHORT.get(division(code))
    if found:
        return found
    full = name(code)
    return full[:1].lower() + full[1:]
