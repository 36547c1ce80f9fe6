"""Navigation and page slots: each feature module adds its own entries when it is imported.

`add_nav(lazy_gettext("Trips"), "trips.index", roles=("organiser", "auditor"), order=20)`;
entries whose endpoint is not registered, or not for the user's role, are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, g, request, url_for


@dataclass(frozen=True)
class NavItem:
    label: Any  # str or flask_babel's LazyString: translated when the page is rendered
    endpoint: str
    roles: tuple[str, ...]
    order: int


NAV: dict[str, NavItem] = {}
SLOTS: dict[str, list[str]] = {}
"""Named places in pages where other features add a box: slot name -> partial templates.

Slots: "dashboard", "preferences", "schedule", "trip" (trip page side column), "meeting".
"""


def add_slot(slot: str, template: str) -> None:
    """Show `template` (rendered with the page's context) in the page's `slot`."""
    if template not in SLOTS.setdefault(slot, []):
        SLOTS[slot].append(template)


def slot(name: str) -> list[str]:
    return list(SLOTS.get(name, ()))


def add_nav(label: Any, endpoint: str, *, roles: tuple[str, ...], order: int = 50) -> None:
    NAV[endpoint] = NavItem(label, endpoint, tuple(roles), order)


def nav_items() -> list[tuple[NavItem, str, bool]]:
    """(item, address, whether it is the current section) for the signed-in user."""
    user = g.get("user")
    if user is None:
        return []
    known = set(current_app.view_functions)
    current = (request.endpoint or "").split(".")[0]
    return [(item, url_for(item.endpoint), item.endpoint.split(".")[0] == current)
            for item in sorted(NAV.values(), key=lambda i: (i.order, str(i.label)))
            if user.role in item.roles and item.endpoint in known]


def register(app: Flask) -> None:
    app.jinja_env.globals.update(nav_items=nav_items, slot=slot,
                                 url_endpoints=lambda: current_app.view_functions)
