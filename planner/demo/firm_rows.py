"""A firm's matchmaking profile as demo data, and the compact row that writes one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Firm:
    """One firm's matchmaking profile as its representatives would fill it in."""

    key: str  # also the key of its company profile in `demo.profiles`
    name: str
    city: str
    sectors: tuple[str, ...]  # NACE Rev. 2 division codes
    offers: tuple[str, ...]
    requests: tuple[str, ...]
    languages: tuple[str, ...]  # ISO 639-1 codes the representatives speak
    kind: str = "company"
    fictitious: bool = True
    in_partners: bool = False  # its company profile is already registered by partners.py



def firm(key: str, name: str, city: str, sectors: str, offers: str, requests: str,
         languages: str, *, kind: str = "company", real: bool = False,
         in_partners: bool = False) -> Firm:
    """A row of the tables: sectors and languages space-separated, offers and requests
    separated by ';'."""
    return Firm(key, name, city, tuple(sectors.split()),
                tuple(o.strip() for o in offers.split(";") if o.strip()),
                tuple(r.strip() for r in requests.split(";") if r.strip()),
                tuple(languages.split()), kind, not real, in_partners)
