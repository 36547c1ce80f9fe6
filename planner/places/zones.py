"""The time zones a country uses, and the zone a place form proposes for a city and country.

A country's zones are the rows of tzdata's `zone1970.tab` that list it, grouped by whether their
clocks agree from now on (Germany's Europe/Berlin and Büsingen's Europe/Zurich do, so Germany
"uses one time zone"); each group is shown by one zone: the one `zonenow.tab` picks for those
clocks (Australia/Sydney, not Antarctica/Macquarie), else the row that names the country first.
China officially keeps one time, Beijing Time (Asia/Shanghai); tzdata's Asia/Urumqi is
Xinjiang's local time, named only as the exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

from planner.domain.errors import ValidationError
from planner.domain.zones import known_zone, nearest_zones
from planner.places.countries import country_code, country_name

# Countries whose official time is one zone although tzdata lists local times beside it.
_OFFICIAL = {"CN": "Asia/Shanghai"}
_STEP, _SAMPLES = timedelta(hours=6), 4 * 400   # every 6 hours for 400 days


@dataclass(frozen=True)
class Zone:
    name: str
    comment: str


@dataclass(frozen=True)
class CountryZones:
    """`zones`: one zone per group of clocks that agree from now on, the principal first."""

    code: str
    name: str
    zones: tuple[Zone, ...]
    principal: str | None   # the zone to fill in without asking, if the country has one
    every: tuple[Zone, ...]  # every zone1970 row of the country (for city matches)

    def explain(self) -> str:
        """'China uses one time zone: Asia/Shanghai' / 'United States uses several ...'."""
        if self.principal:
            others = [z for z in self.zones if z.name != self.principal]
            rest = "; ".join(f"{z.name} only for {z.comment}" for z in others)
            return f"{self.name} uses one time zone: {self.principal}" + (
                f" ({rest})" if rest else "")
        listed = "; ".join(f"{z.name} ({z.comment})" if z.comment else z.name
                           for z in self.zones)
        return f"{self.name} uses several time zones: {listed}"


@lru_cache(maxsize=2)
def _rows(table: str = "zone1970.tab") -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(country codes, zone, comment) of a tzdata table, in file order."""
    text = resources.files("tzdata.zoneinfo").joinpath(table).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        rows.append((tuple(parts[0].split(",")), parts[2], parts[3] if len(parts) > 3 else ""))
    return tuple(rows)


@lru_cache(maxsize=1024)
def _from_now_on(zone: str, start: datetime) -> tuple[timedelta | None, ...]:
    """The zone's UTC offsets from `start` on: equal tuples mean clocks that agree."""
    info = ZoneInfo(zone)
    return tuple((start + _STEP * i).astimezone(info).utcoffset() for i in range(_SAMPLES))


@lru_cache(maxsize=1)
def _now_zones() -> frozenset[str]:
    return frozenset(zone for _codes, zone, _comment in _rows("zonenow.tab"))


@lru_cache(maxsize=512)
def zones_of(code: str) -> CountryZones | None:
    """The zones of a country by ISO code; None for a code tzdata does not list."""
    rows = [(codes, zone, comment) for codes, zone, comment in _rows() if code in codes]
    if not rows:
        return None
    start = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    groups: dict[tuple[timedelta | None, ...], list[tuple[tuple[str, ...], str, str]]] = {}
    for row in rows:   # groups in file order (west to east, mostly)
        groups.setdefault(_from_now_on(row[1], start), []).append(row)
    # zonenow's pick, else the row naming the country first represents its group
    picks = [min(group, key=lambda row: (row[1] not in _now_zones(), row[0][0] != code))
             for group in groups.values()]
    zones = [Zone(zone, comment) for _codes, zone, comment in picks]
    principal = _OFFICIAL.get(code) or (zones[0].name if len(zones) == 1 else None)
    zones.sort(key=lambda z: z.name != principal)
    every = tuple(Zone(zone, comment) for _codes, zone, comment in rows)
    return CountryZones(code, country_name(code), tuple(zones), principal, every)


def country_zones(country: str) -> CountryZones | None:
    """The zones of a country typed by name or code ('China', 'Deutschland', 'US')."""
    code = country_code(country)
    return zones_of(code) if code else None


@dataclass(frozen=True)
class ZoneProposal:
    zone: str
    note: str   # why the zone was filled in; '' when the organiser typed it


def _city_key(text: str) -> str:
    return text.strip().casefold().replace(" ", "_")


def propose_zone(field: str, zone: str, country: str, city: str = "") -> ZoneProposal:
    """The zone for a place typed as city and country: the typed zone if it is known, else
    the country's one zone (or the zone named after the city) filled in; refused with the
    country's zones and the nearest names when the zone is unknown or cannot be chosen."""
    typed = zone.strip()
    zones = country_zones(country)
    if typed:
        try:
            known_zone(field, typed)
        except ValidationError:
            raise ValidationError(field, "%(typed)s is unknown%(details)s", typed=typed,
                                  details=_details(typed, zones)) from None
        return ZoneProposal(typed, "")
    if zones is None:
        raise ValidationError(field, "must not be empty: give an IANA time zone such as "
                                     "'Europe/Berlin' (it is filled in for a country the "
                                     "planner recognises)")
    if zones.principal:
        return ZoneProposal(zones.principal, f"{zones.explain()}; it is filled in.")
    by_city = [z for z in zones.every if _city_key(z.name.rsplit("/", 1)[-1]) == _city_key(city)]
    if city.strip() and by_city:
        return ZoneProposal(by_city[0].name, f"{by_city[0].name} is the time zone of "
                                             f"{city.strip()}; it is filled in.")
    raise ValidationError(field, "must not be empty: %(zones)s. Choose one", zones=zones.explain())


def _details(typed: str, zones: CountryZones | None) -> str:
    """"; China uses one time zone: ...; similar names: ..." (names of zones stay English)."""
    parts = [""]
    if zones is not None:
        parts.append(zones.explain())
    named = {z.name for z in zones.zones} if zones else set()
    similar = [z for z in nearest_zones(typed) if z not in named]
    if similar:
        parts.append(f"similar names: {', '.join(similar)}")
    if zones is None and not similar:
        parts.append("give an IANA time zone such as 'Europe/Berlin'")
    return "; ".join(parts)
