"""Time zone names: canonical IANA names for new input, any loadable name for stored records.

The host's zone database also answers to names that mean nothing portable (`localtime`,
`posixrules`, `Factory`) and to legacy links (`Asia/Chongqing`, `US/Eastern`, `CET`). New input
takes only the canonical names of the tz database (its `Zone` lines, Area/Location), plus the
`UTC` aliases; a link is refused with its canonical name as the hint. Records stored by an older
release keep whatever zone they were written with (`known_zone`).
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from planner.domain.errors import Phrase, Translate, ValidationError

_UTC = "Etc/UTC"


@lru_cache(maxsize=1)
def _database() -> tuple[frozenset[str], dict[str, str]]:
    """(canonical names, link name -> canonical name) from the tzdata package's tzdata.zi."""
    text = resources.files("tzdata.zoneinfo").joinpath("tzdata.zi").read_text("utf-8")
    zones: set[str] = set()
    links: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "Z":
            zones.add(parts[1])
        elif len(parts) >= 3 and parts[0] == "L":
            links[parts[2]] = parts[1]
    # Area/Location only: 'EST5EDT' and 'Factory' are Zone lines too, but not places.
    canonical = {name for name in zones if "/" in name}
    canonical |= {name for name, target in links.items() if target == _UTC}
    return frozenset(canonical), links


@lru_cache(maxsize=1)
def _loadable() -> frozenset[str]:
    return frozenset(available_timezones())


def _load(field: str, name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(field, "%(name)r is not a usable time zone", name=name) from None
    return name


def canonical_zone(field: str, name: str, *, keep: str | None = None) -> str:
    """`name` if it is a canonical IANA zone (or `keep`, the value already stored)."""
    if keep is not None and name == keep and name in _loadable():
        return name
    canonical, links = _database()
    if name in canonical:
        return _load(field, name)
    target = links.get(name)
    if target in canonical:
        raise ValidationError(field, "%(name)r is an old alias; use the IANA name "
                                     "%(target)r instead", name=name, target=target)
    similar = nearest_zones(name)
    hint = _similar_names(similar)
    raise ValidationError(field, "must be an IANA time zone such as 'Europe/Berlin'; "
                                 "%(name)r is unknown%(hint)s", name=name, hint=hint)


def _similar_names(similar: list[str]) -> Phrase:
    """"; similar names: Europe/Berlin" in the reader's language ('' when none is)."""
    def compose(tr: Translate | None) -> str:
        if not similar:
            return ""
        say = tr or _english
        return say("; ") + say("similar names: %(names)s", names=", ".join(similar))
    return Phrase(compose)


def _english(message: str, **params: object) -> str:
    return message % params if params else message


def known_zone(field: str, name: str) -> str:
    """Any zone the zone database can load: for zones read back from stored records."""
    if name not in _loadable() and name not in _database()[0]:
        raise ValidationError(field, "%(name)r is not a usable time zone", name=name)
    return _load(field, name)


def canonical_zones() -> frozenset[str]:
    """Every name `canonical_zone` accepts (for the zone pickers of the forms)."""
    return _database()[0]


@lru_cache(maxsize=1)
def _by_place() -> dict[str, str]:
    """Lower-case lookup keys -> canonical zone: whole names and their city parts
    ('europe/berlin', 'berlin', 'new york'), old aliases' city parts pointing at their target
    ('chongqing' -> Asia/Shanghai)."""
    canonical, links = _database()
    keys: dict[str, str] = {}
    for source, target in [*((z, z) for z in sorted(canonical)), *sorted(links.items())]:
        if target not in canonical:
            continue
        city = source.rsplit("/", 1)[-1].replace("_", " ").lower()
        keys.setdefault(city, target)
        if source == target:
            keys[source.lower()] = target
    return keys


def nearest_zones(name: str, limit: int = 3) -> list[str]:
    """Canonical zones whose name or city is closest to `name` ('Europe/Berln' ->
    Europe/Berlin, 'chongqing' -> Asia/Shanghai), best first; [] when nothing is close."""
    keys = _by_place()
    wanted = name.strip().lower()
    city = wanted.rsplit("/", 1)[-1].replace("_", " ")
    result: list[str] = []
    for query in dict.fromkeys([wanted, city]):
        for key in difflib.get_close_matches(query, keys, n=limit, cutoff=0.75):
            if keys[key] not in result:
                result.append(keys[key])
    return result[:limit]
