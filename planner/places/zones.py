"""The time zones a country uses, and the zone a place form proposes for a city and country.

A country's zones are the rows of tzdata's `zone1970.tab` that list it, grouped by whether their
clocks agree from now on (Germany's Europe/Berlin and Büsingen's Europe/Zurich do, so Germany
"uses one time zone"); each group is shown by one zone: the one `zonenow.tab` picks for those
clocks (Australia/Sydney, not Antarctica/Macquarie), else the row that names the country first.
China officially keeps one time, Beijing Time (Asia/Shanghai); tzdata's Asia/Urumqi is
Xinjiang's local time, named only as the exception.

The hints are composed in the reader's language (`explain(tr)`, and the Phrase values that
refusals and proposals carry, which planner.domain.errors.shown translates): the country by
Babel's territory name, each zone by its IANA name (what the field takes) and, instead of
tzdata's English comment, Babel's name of its time ("Nordamerikanische Ostküstenzeit"), with
its city where two shown zones share that name. Without a translator, the English text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

from babel.dates import get_timezone_location

from planner.domain.errors import Phrase, Translate, ValidationError
from planner.domain.zones import known_zone, nearest_zones
from planner.i18n import Translator, translator
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

    def explain(self, tr: Translate | None = None) -> str:
        """'China uses one time zone: Asia/Shanghai' / 'United States uses several ...', in
        the language of `tr` (English without it)."""
        reader = _reader(tr)
        english = reader.language == "en"
        country = self.name if english else str(
            reader.locale.territories.get(self.code, self.name))
        shared = _shared_names(reader, self.zones)

        def about(zone: Zone) -> str:
            if english:
                return zone.comment
            name = reader.zone(zone.name)
            return reader("%(zone)s, %(city)s", zone=name, city=_city(reader, zone.name)) \
                if name in shared else name

        if self.principal:
            others = [z for z in self.zones if z.name != self.principal]
            rest = reader("; ").join(reader("%(zone)s only for %(area)s", zone=z.name, area=(
                z.comment if english else _city(reader, z.name))) for z in others)
            one = reader("%(country)s uses one time zone: %(zone)s", country=country,
                         zone=self.principal)
            return reader("%(hint)s (%(details)s)", hint=one, details=rest) if rest else one
        listed = reader("; ").join(reader("%(zone)s (%(about)s)", zone=z.name, about=about(z))
                           if about(z) else z.name for z in self.zones)
        return reader("%(country)s uses several time zones: %(zones)s", country=country,
                      zones=listed)


def _reader(tr: Translate | None) -> Translator:
    """planner's translator for `tr`'s language (English for None or a plain function)."""
    return tr if isinstance(tr, Translator) else translator(getattr(tr, "language", "en"))


def _city(reader: Translator, zone: str) -> str:
    """The zone's city in the reader's language ("Ürümqi", "乌鲁木齐")."""
    return str(get_timezone_location(zone, locale=reader.locale, return_city=True))


def _shared_names(reader: Translator, zones: tuple[Zone, ...]) -> set[str]:
    """Babel's names that two of `zones` share (Denver's and Phoenix's mountain time)."""
    names = [reader.zone(z.name) for z in zones]
    return {name for name in names if names.count(name) > 1}


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
    note: str   # why the zone was filled in (English); '' when the organiser typed it

    def note_in(self, tr: Translate) -> str:
        """The note in the reader's language."""
        return self.note.translated(tr) if isinstance(self.note, Phrase) else self.note


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
        return ZoneProposal(zones.principal, Phrase(lambda tr: _reader(tr)(
            "%(hint)s; it is filled in.", hint=zones.explain(tr))))
    by_city = [z for z in zones.every if _city_key(z.name.rsplit("/", 1)[-1]) == _city_key(city)]
    if city.strip() and by_city:
        return ZoneProposal(by_city[0].name, Phrase(lambda tr: _reader(tr)(
            "%(zone)s is the time zone of %(city)s; it is filled in.", zone=by_city[0].name,
            city=city.strip())))
    raise ValidationError(field, "must not be empty: %(zones)s. Choose one",
                          zones=Phrase(zones.explain))


def _details(typed: str, zones: CountryZones | None) -> Phrase:
    """"; China uses one time zone: ...; similar names: ..." (names of zones stay as IANA
    writes them: they are what the field takes)."""
    named = {z.name for z in zones.zones} if zones else set()
    similar = [z for z in nearest_zones(typed) if z not in named]

    def compose(tr: Translate | None) -> str:
        reader = _reader(tr)
        parts = [""]
        if zones is not None:
            parts.append(zones.explain(reader))
        if similar:
            parts.append(reader("similar names: %(names)s", names=", ".join(similar)))
        if zones is None and not similar:
            parts.append(reader("give an IANA time zone such as 'Europe/Berlin'"))
        return reader("; ").join(parts)

    return Phrase(compose)
