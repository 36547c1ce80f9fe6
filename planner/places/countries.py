"""Country names and ISO 3166 codes, as organisers type them ("China", "Deutschland", "中国", "CN").

The English names are tzdata's `iso3166.tab` (shipped with the tzdata package the planner already
depends on), plus the parts of its compound names ("Britain (UK)" answers to "Britain" and "UK").
A short table adds common English, German and Chinese names for the countries delegations
usually travel between; any other name is simply not recognised (the forms then ask for the
zone instead of proposing one).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

_OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "AT": ("Österreich", "奥地利"),
    "AU": ("Australien", "澳大利亚"),
    "BE": ("Belgien", "比利时"),
    "BR": ("Brasilien", "巴西"),
    "CA": ("Kanada", "加拿大"),
    "CH": ("Schweiz", "瑞士"),
    "CN": ("People's Republic of China", "PRC", "Volksrepublik China", "中国", "中华人民共和国"),
    "CZ": ("Czechia", "Tschechien", "捷克"),
    "DE": ("Deutschland", "Federal Republic of Germany", "Bundesrepublik Deutschland", "德国"),
    "DK": ("Dänemark", "丹麦"),
    "ES": ("Spanien", "西班牙"),
    "FI": ("Finnland", "芬兰"),
    "FR": ("Frankreich", "法国"),
    "GB": ("United Kingdom", "Great Britain", "England", "Scotland", "Wales",
           "Großbritannien", "Vereinigtes Königreich", "英国"),
    "GR": ("Griechenland", "希腊"),
    "HK": ("Hongkong", "香港"),
    "HU": ("Ungarn", "匈牙利"),
    "IE": ("Irland", "爱尔兰"),
    "IN": ("Indien", "印度"),
    "IT": ("Italien", "意大利"),
    "JP": ("日本",),
    "KR": ("South Korea", "Republic of Korea", "Südkorea", "韩国"),
    "KP": ("North Korea", "Nordkorea", "朝鲜"),
    "MO": ("Macao", "澳门"),
    "NL": ("Holland", "Niederlande", "荷兰"),
    "NO": ("Norwegen", "挪威"),
    "NZ": ("Neuseeland", "新西兰"),
    "PL": ("Polen", "波兰"),
    "PT": ("葡萄牙",),
    "RU": ("Russian Federation", "Russland", "俄罗斯"),
    "SE": ("Schweden", "瑞典"),
    "SG": ("Singapur", "新加坡"),
    "TR": ("Türkiye", "Türkei", "土耳其"),
    "TW": ("台湾",),
    "US": ("USA", "U.S.A.", "United States of America", "America", "Vereinigte Staaten",
           "美国"),
    "VN": ("Viet Nam", "越南"),
    "ZA": ("Südafrika", "南非"),
}


def _key(name: str) -> str:
    """Case, accents, punctuation and a leading 'the' do not matter: 'the U.S.A.' == 'usa'."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"[^\w]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded).replace(" ", "")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(code -> English name, lookup key -> code)."""
    text = resources.files("tzdata.zoneinfo").joinpath("iso3166.tab").read_text("utf-8")
    names: dict[str, str] = {}
    keys: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        code, name = line.split("\t", 1)
        names[code] = name.strip()
        keys[_key(name)] = code
        # 'Britain (UK)', 'Korea (South)', 'Myanmar (Burma)': each part names the country too
        # (but not 'Samoa (American)' / 'Congo (Rep.)': only parts that are names of their own).
        match = re.fullmatch(r"(.+?) \((.+)\)", name.strip())
        if match and match[2] not in {"American", "western", "French", "Dutch", "UK", "US",
                                      "Rep.", "Dem. Rep.", "South", "North", "Keeling"}:
            keys.setdefault(_key(match[1]), code)
            keys.setdefault(_key(match[2]), code)
    keys.setdefault("britain", "GB")
    keys.setdefault("uk", "GB")
    for code, others in _OTHER_NAMES.items():
        for other in others:
            keys.setdefault(_key(other), code)
    return names, keys


def country_code(typed: str) -> str | None:
    """The ISO 3166 code of a country typed by name or code; None when not recognised."""
    names, keys = _table()
    text = typed.strip()
    if re.fullmatch(r"[A-Za-z]{2}", text) and text.upper() in names:
        return text.upper()
    return keys.get(_key(text)) if text else None


def country_name(code: str) -> str:
    """The English name of a country code ('CN' -> 'China'; 'GB' -> 'Britain (UK)')."""
    return _table()[0].get(code, code)
