"""Suggested pairs: a score for every cross-delegation pair, with the reasons that make it.

Kept simple so that a person can check every point: shared NACE divisions (or sections),
supply-chain adjacency (planner.matchmaking.chains), requests that an offer of the other side
answers (shared word stems), declared interests the other side fits, and the preferences set
by either side or the organiser. Each reason is a `Part`: an English template with named
parameters, so the interface can translate it. Deterministic: ties are broken by names and ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from planner.i18n.words import N_
from planner.matchmaking import nace
from planner.matchmaking.chains import link
from planner.matchmaking.parts import Part, joined, part
from planner.matchmaking.words import answers

SHARED_DIVISION, SHARED_SECTION, ADJACENT = 30, 10, 20
REQUEST_ANSWERED, INTEREST = 25, 10
MUST, WOULD_LIKE, NOT_INTERESTED, NO_LANGUAGE = 100, 20, -100, -5
MAX_PER_KIND = 2
WORDS = (N_("must meet"), N_("would like"), N_("not interested"), N_("organiser"))
"""The preference levels and who set them, as explanations name them."""
MIN_SCORE = 20
"""A pair is suggested when this much speaks for it (one shared section alone does not)."""


@dataclass(frozen=True)
class MatchProfile:
    id: str
    side: str  # 'a' or 'b'
    name: str
    sectors: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    requests: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()  # planner.domain.values.Interest values


@dataclass(frozen=True)
class Suggestion:
    a: str
    b: str
    score: int
    parts: tuple[Part, ...] = field(default=())
    must: bool = False
    excluded: bool = False  # someone is not interested

    def explanation(self, translate: Callable[[str], str] = str) -> str:
        return joined(self.parts, translate)


_part = part


def _sectors(a: MatchProfile, b: MatchProfile) -> list[Part]:
    shared = sorted({nace.division(s) for s in a.sectors} & {nace.division(s) for s in b.sectors}
                    - {""})
    parts = [_part("both %(sector)s", SHARED_DIVISION, sector=nace.short(d))
             for d in shared[:MAX_PER_KIND]]
    if not shared:
        sections = sorted({nace.section(s) for s in a.sectors} & {nace.section(s)
                                                                  for s in b.sectors})
        parts += [_part("both in %(sector)s", SHARED_SECTION, sector=nace.short(s))
                  for s in sections[:1]]
    for up, down in ((a, b), (b, a)):
        for x in up.sectors:
            chain = next(((y, c) for y in down.sectors if (c := link(x, y))), None)
            if chain is not None:
                parts.append(_part("%(up)s (%(up_sector)s) supplies %(down)s (%(down_sector)s) "
                                   "along the %(chain)s", ADJACENT, up=up.name, down=down.name,
                                   up_sector=nace.short(x), down_sector=nace.short(chain[0]),
                                   chain=chain[1]))
                break
    return parts


def _requests(a: MatchProfile, b: MatchProfile) -> list[Part]:
    parts = []
    for seeker, offerer in ((a, b), (b, a)):
        found = [(r, o) for r in seeker.requests for o in offerer.offers if answers(r, o)]
        seen: set[str] = set()
        for request, offer in found:
            if request in seen or len(seen) == MAX_PER_KIND:
                continue
            seen.add(request)
            parts.append(_part("%(seeker)s seeks %(request)s, %(offerer)s offers %(offer)s",
                               REQUEST_ANSWERED, seeker=seeker.name, request=request,
                               offerer=offerer.name, offer=offer))
    return parts


INTEREST_FITS: dict[str, tuple[str, ...]] = {
    "find investors": ("64", "65", "66"),
    "find sales partners": ("45", "46", "47"),
    "technology partnership": ("26", "62", "71", "72"),
    "talent exchange": ("78", "85"),
}
"""A declared interest, and the divisions of the other side that fit it."""


def _interests(a: MatchProfile, b: MatchProfile) -> list[Part]:
    parts = []
    for who, other in ((a, b), (b, a)):
        divisions = {nace.division(s) for s in other.sectors}
        for interest in who.interests:
            if interest == "find suppliers":
                fits = any(link(o, s) for o in other.sectors for s in who.sectors)
            else:
                fits = bool(divisions & set(INTEREST_FITS.get(interest, ())))
            if fits:
                parts.append(_part("%(who)s's interest '%(interest)s': %(other)s fits",
                                   INTEREST, who=who.name, interest=interest, other=other.name))
    return parts


def _preferences(levels: Mapping[str, str], names: Mapping[str, str]) -> list[Part]:
    parts = []
    points = {"must meet": MUST, "would like": WOULD_LIKE, "not interested": NOT_INTERESTED}
    for set_by in ("organiser", "a", "b"):
        level = levels.get(set_by, "")
        if level:
            parts.append(_part("%(by)s: %(level)s", points[level], by=names[set_by],
                               level=level))
    return parts


def score(a: MatchProfile, b: MatchProfile, levels: Mapping[str, str] | None = None) -> Suggestion:
    """The suggestion for one pair (a of side a, b of side b); `levels`: the preferences by
    who set them ('a', 'b', 'organiser')."""
    levels = levels or {}
    names = {"a": a.name, "b": b.name, "organiser": "organiser"}
    parts = [*_preferences(levels, names), *_sectors(a, b), *_requests(a, b),
             *_interests(a, b)]
    if a.languages and b.languages and not set(a.languages) & set(b.languages):
        parts.append(_part("no shared language: needs an interpreter", NO_LANGUAGE))
    return Suggestion(a.id, b.id, sum(p.points for p in parts), tuple(parts),
                      must="must meet" in levels.values(),
                      excluded="not interested" in levels.values())


def suggest(profiles: Iterable[MatchProfile],
            preferences: Mapping[tuple[str, str], Mapping[str, str]] | None = None, *,
            include_excluded: bool = False) -> list[Suggestion]:
    """Every cross-delegation pair with enough in its favour (or a must-meet), best first;
    `include_excluded`: also those someone is not interested in."""
    preferences = preferences or {}
    people = sorted(profiles, key=lambda p: (p.name.casefold(), p.id))
    side_a = [p for p in people if p.side == "a"]
    side_b = [p for p in people if p.side == "b"]
    found = []
    for a in side_a:
        for b in side_b:
            s = score(a, b, preferences.get((a.id, b.id)))
            if s.excluded and include_excluded or not s.excluded and (s.score >= MIN_SCORE
                                                                      or s.must):
                found.append((a, b, s))
    found.sort(key=lambda f: (not f[2].must, -f[2].score, f[0].name.casefold(),
                              f[1].name.casefold(), f[0].id, f[1].id))
    return [s for _, _, s in found]
