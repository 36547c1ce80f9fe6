"""Supply-chain adjacency between NACE Rev. 2 divisions: which activity typically supplies or
serves which, along the four chains the Changsha conference matched on (industrial, supply,
talent, financial chain).

A small table kept by hand: each row says that the upstream division supplies or serves the
downstream ones (a section letter stands for all its divisions). It is deliberately coarse;
it only has to make suggestions that a person finds sensible and can check. Sources: the
usual input-output structure of manufacturing (metals -> metal products -> machinery ->
vehicles), and the services the seed names (finance, law firms, talent).
"""

from __future__ import annotations

from planner.i18n.words import N_
from planner.matchmaking import nace

CHAINS = (N_("industrial chain"), N_("supply chain"), N_("talent chain"), N_("financial chain"))
"""The chains' names, as explanations name them."""

ADJACENT: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # (upstream, downstream, chain)
    ("24", ("25", "27", "28", "29", "30"), "supply chain"),
    ("25", ("27", "28", "29", "30", "33"), "supply chain"),
    ("20", ("21", "22", "23", "13"), "supply chain"),
    ("22", ("26", "27", "29", "30"), "supply chain"),
    ("26", ("27", "28", "29", "30", "61"), "supply chain"),
    ("27", ("28", "29", "30", "35", "42"), "supply chain"),
    ("28", ("10", "20", "22", "23", "24", "25", "29", "30", "41", "42"), "industrial chain"),
    ("33", ("28", "29", "30"), "industrial chain"),
    ("29", ("45", "49"), "industrial chain"),
    ("30", ("49", "50", "51"), "industrial chain"),
    ("35", ("C",), "industrial chain"),
    ("62", ("C", "K"), "industrial chain"),
    ("71", ("C", "F"), "industrial chain"),
    ("72", ("C", "21", "86"), "industrial chain"),
    ("49", ("C", "G"), "supply chain"),
    ("52", ("C", "G"), "supply chain"),
    ("46", ("C",), "supply chain"),
    ("64", ("C", "F", "J", "M"), "financial chain"),
    ("66", ("C", "F", "J", "M"), "financial chain"),
    ("65", ("C",), "financial chain"),
    ("69", ("C", "G", "K"), "financial chain"),
    ("78", ("C", "J", "M"), "talent chain"),
    ("85", ("C", "J", "M", "72"), "talent chain"),
)


def _covers(code: str, division: str) -> bool:
    """A table entry (a division or a section letter) covers a division."""
    return code == division or (code.isalpha() and nace.section(division) == code)


def link(upstream: str, downstream: str) -> str:
    """The chain along which `upstream`'s division supplies `downstream`'s ('' if none)."""
    up, down = nace.division(upstream), nace.division(downstream)
    if not up or not down or up == down:
        return ""
    for source, targets, chain in ADJACENT:
        if source == up and any(_covers(t, down) for t in targets):
            return chain
    return ""
