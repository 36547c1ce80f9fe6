"""One translatable piece of an explanation or a reason: an English template (the msgid)
with named parameters, so the interface translates the template and then fills in names.
Stored in events and read models as plain data ({template, params}).

Parameters named in WORDS are words of ours (NACE names, chains, interests, preference
levels) and are translated too; the others (company names, offers, requests) stay as entered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Translate = Callable[[str], str]
WORDS = frozenset({"sector", "up_sector", "down_sector", "chain", "interest", "level", "by"})


def word(value: Any, translate: Translate) -> Any:
    """A word parameter in the reader's language; a NACE name lower-cased for the middle of a
    sentence ('manufacturing') is looked up as its capitalised msgid ('Manufacturing')."""
    if not isinstance(value, str) or not value:
        return value
    found = translate(value)
    if found == value and value[:1].islower():
        title = value[:1].upper() + value[1:]
        if (titled := translate(title)) != title:
            return titled
    return found


@dataclass(frozen=True)
class Part:
    template: str
    params: tuple[tuple[str, Any], ...] = ()
    points: int = 0

    def text(self, translate: Translate = str) -> str:
        return translate(self.template) % {
            key: word(value, translate) if key in WORDS else value for key, value in self.params}


def part(template: str, points: int = 0, **params: Any) -> Part:
    return Part(template, tuple(sorted(params.items())), points)


def joined(parts: Iterable[Part], translate: Translate = str) -> str:
    """The parts as one line: '; ' between them."""
    return "; ".join(p.text(translate) for p in parts)


def as_data(parts: Iterable[Part]) -> list[dict[str, Any]]:
    return [dict(template=p.template, params=dict(p.params)) for p in parts]


def from_data(items: Iterable[Mapping[str, Any]]) -> tuple[Part, ...]:
    return tuple(Part(str(i["template"]), tuple(sorted(dict(i.get("params") or {}).items())))
                 for i in items)
