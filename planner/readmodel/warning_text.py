"""A warning as a sentence in the reader's language, composed from what the read model keeps.

rm_warnings keeps each warning's kind and its parameters (JSON), never a sentence: meetings as
title, city, zone and UTC instants, dates as ISO dates, people's names, minutes. Times are
shown on the venue's wall clock, formatted by Babel for the language; names are joined as the
language joins them. A sentence naming people has one message for one person and one for
several where the verb must agree ("Anna hat" / "Anna und Bo haben").

The parameters, by kind (see planner.readmodel.conflicts, which writes them):
- every kind but the person clashes: `meeting` (a meeting, see `meeting_params`);
- outside-trip: `trip_from`, `trip_until`;
- outside-leg: `problem` (removed, city, dates, elsewhere), `leg_city`, `leg_from`,
  `leg_until`, `day`, `cities`;
- overlap, double-booked, travel-time: `names`, `a`, `b` (`b` with `trip`: the other trip's
  title, when it is on another trip); travel-time also `minutes` and, once read under the
  settings, `needed`;
- outside-working-hours: `day_start`, `day_end` ("08:00").
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from planner.i18n import Translator, translator
from planner.i18n.words import N_

KIND_NAMES = {"double-booked": N_("double booked"), "overlap": N_("overlap"),
              "outside-trip": N_("outside trip"), "outside-leg": N_("outside leg"),
              "travel-time": N_("travel time"),
              "outside-working-hours": N_("outside working hours")}


def kind_name(kind: str, tr: Translator) -> str:
    """The kind of a warning as the reader calls it ("Reisezeit", "行程时间")."""
    return tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind.replace("-", " ")


def meeting_params(title: str, city: str, zone: str, starts_at: datetime,
                   ends_at: datetime, trip: str = "") -> dict[str, str]:
    """A meeting as a warning keeps it (`trip`: the title of another trip it is on)."""
    found = {"title": title, "city": city, "zone": zone, "start": starts_at.isoformat(),
             "end": ends_at.isoformat()}
    return {**found, "trip": trip} if trip else found


def compose(kind: str, p: dict[str, Any], tr: Translator) -> str:
    """The sentence of one warning in `tr`'s language."""
    if kind == "outside-trip":
        return tr("%(meeting)s falls outside the trip (%(first)s to %(last)s).",
                  meeting=_meeting(p["meeting"], tr), first=_date(p["trip_from"], tr),
                  last=_date(p["trip_until"], tr))
    if kind == "outside-leg":
        return _outside_leg(p, tr)
    if kind == "outside-working-hours":
        return tr("%(meeting)s is outside working hours (%(start)s–%(end)s local time).",
                  meeting=_meeting(p["meeting"], tr), start=p["day_start"], end=p["day_end"])
    return _clash(kind, p, tr)


def _outside_leg(p: dict[str, Any], tr: Translator) -> str:
    meeting, problem = _meeting(p["meeting"], tr), p["problem"]
    if problem == "removed":
        return tr("%(meeting)s belongs to a leg that was removed from the trip.",
                  meeting=meeting)
    if problem == "city":
        return tr("%(meeting)s is in %(city)s, but its leg is in %(leg_city)s.",
                  meeting=meeting, city=p["meeting"]["city"], leg_city=p["leg_city"])
    if problem == "dates":
        return tr("%(meeting)s falls outside its leg in %(leg_city)s (%(first)s to %(last)s).",
                  meeting=meeting, leg_city=p["leg_city"], first=_day(p["leg_from"], tr),
                  last=_day(p["leg_until"], tr))
    return tr("%(meeting)s is in %(city)s, but on %(day)s the delegation is in %(cities)s.",
              meeting=meeting, city=p["meeting"]["city"], day=_day(p["day"], tr),
              cities=tr.listing(p["cities"]))


def _clash(kind: str, p: dict[str, Any], tr: Translator) -> str:
    a, b, one = p["a"], p["b"], len(p["names"]) == 1
    who = tr.listing(p["names"])
    if kind == "travel-time":
        values = dict(who=who, minutes=p["minutes"], needed=p.get("needed", 0),
                      city_a=a["city"], city_b=b["city"], a=_meeting(a, tr, inline=True),
                      b=_meeting(b, tr, inline=True))
        if one:
            return tr("%(who)s has %(minutes)s minutes to get from %(city_a)s (%(a)s) to "
                      "%(city_b)s (%(b)s); at least %(needed)s minutes are needed.", **values)
        return tr("%(who)s have %(minutes)s minutes to get from %(city_a)s (%(a)s) to "
                  "%(city_b)s (%(b)s); at least %(needed)s minutes are needed.", **values)
    values = dict(who=who, a=_meeting(a, tr), b=_meeting(b, tr), city_a=a["city"],
                  city_b=b["city"])
    if kind == "overlap":
        if one:
            return tr("%(who)s attends %(a)s and %(b)s, which overlap.", **values)
        return tr("%(who)s attend %(a)s and %(b)s, which overlap.", **values)
    # one message for one person and several: the translations are worded so that it fits
    return tr("%(who)s would be in %(city_a)s for %(a)s and in %(city_b)s for %(b)s at the "
              "same time.", **values)


def _meeting(m: dict[str, str], tr: Translator, *, inline: bool = False) -> str:
    """‘Dinner’ (Wed, 12 May 2027, 19:00–21:00 Nanjing time); `inline`: without the
    brackets, for a sentence that brackets it itself; on another trip, that trip named."""
    when = _when(m, tr)
    if m.get("trip"):
        if inline:
            return tr("‘%(title)s’ on the trip ‘%(trip)s’, %(when)s", title=m["title"],
                      trip=m["trip"], when=when)
        return tr("‘%(title)s’ on the trip ‘%(trip)s’ (%(when)s)", title=m["title"],
                  trip=m["trip"], when=when)
    if inline:
        return tr("‘%(title)s’, %(when)s", title=m["title"], when=when)
    return tr("‘%(title)s’ (%(when)s)", title=m["title"], when=when)


def _when(m: dict[str, str], tr: Translator) -> str:
    return _when_in(tr.language, m["start"], m["end"], m["zone"], m["city"])


@lru_cache(maxsize=4096)
def _when_in(language: str, start_at: str, end_at: str, zone_name: str, city: str) -> str:
    """A meeting's times on the venue's clock (kept: a meeting is named by several warnings
    and Babel's formats are the dearest part of a sentence)."""
    tr, zone = translator(language), ZoneInfo(zone_name)
    start = datetime.fromisoformat(start_at).astimezone(zone)
    end = datetime.fromisoformat(end_at).astimezone(zone)
    until = tr.clock(end) if end.date() == start.date() else tr.weekday_moment(end, year=False)
    return tr("%(start)s–%(end)s %(city)s time", start=tr.weekday_moment(start), end=until,
              city=city)


def _date(text: str, tr: Translator) -> str:
    return tr.day_month(date.fromisoformat(text), year=True)


def _day(text: str, tr: Translator) -> str:
    return tr.day_month(date.fromisoformat(text))
