"""Rendered page fragments kept per process, keyed by everything they show.

The trip page's itinerary (300 meetings render in tens of milliseconds, most of the page's
time) is rendered once per read-model state and kept. The key holds the read-model position
read in the same snapshot as the page's other rows: every command moves the position in the
transaction that changes the rows, so a changed itinerary is looked up under a new key and an
old fragment can never be hit again (it ages out of the LRU). The key also holds every other
input the fragment shows: the viewer's access level and rights the fragment shows (so two
viewers with different rights never share one), the language, the script root the links
start with, and the database (tests run many in one process). Several gunicorn workers each
keep their own cache; none can serve a stale fragment of rows, because every key holds the
position.

A fragment that also depends on the clock (a participant's schedule: which day is "today" at
each trip's venues, which meeting is next) is kept with the span of time it holds for: it is
rendered at `since` and holds until `until`, the first instant its clock inputs change (the
next local midnight, the next meeting's start). A lookup passes the current time and finds it
only inside that span; this keys the fragment by its clock inputs without reading the rows
that decide them.

cachetools.LRUCache, not functools.lru_cache: it bounds the cache by the size of what it
holds (`getsizeof`), not by a count of entries of very different sizes, and it lets a key be
built from the request without making the render function's arguments hashable. A block of
the page template is rendered through Jinja's public `Template.blocks` and `new_context`
(three lines), so the fragment's markup stays in the page template where translators find it;
jinja2-fragments would add a dependency for those three lines.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, NamedTuple

from cachetools import LRUCache
from flask import current_app, g, render_template
from markupsafe import Markup

from web import csrf

MAX_BYTES = 32 * 1024 * 1024
"""At most this many characters of fragments per process (a 300-meeting trip is ~400 k)."""



class Kept(NamedTuple):
    """A kept fragment; with `since`/`until`, the span of time it holds for."""

    html: Markup
    since: datetime | None = None
    until: datetime | None = None  # None: until the rows change

    def holds_at(self, at: datetime | None) -> bool:
        if self.since is None and self.until is None:
            return True
        return at is not None and (self.since is None or self.since <= at) and (
            self.until is None or at < self.until)


_kept: LRUCache[Hashable, Kept] = LRUCache(maxsize=MAX_BYTES,
                                           getsizeof=lambda kept: len(kept.html))
_lock = threading.Lock()  # gthread workers share the cache between threads


def kept_at(key: Hashable, at: datetime | None = None) -> Kept | None:
    """The fragment kept under `key` that holds at the time `at`, or None."""
    with _lock:
        found = _kept.get(key)
    return found if found is not None and found.holds_at(at) else None


def lookup(key: Hashable, at: datetime | None = None) -> Markup | None:
    """The fragment kept under `key` (holding at `at`), or None; its forms carry this
    session's token."""
    found = kept_at(key, at)
    return None if found is None else csrf.fill(found.html)


def keep(key: Hashable, text: str, *, since: datetime | None = None,
         until: datetime | None = None) -> Markup:
    """Keep `text` under `key` (unless it alone is larger than the cache), for the span of
    time [`since`, `until`) when given; returns it."""
    html = Markup(text)
    if len(text) <= MAX_BYTES:
        with _lock:
            _kept[key] = Kept(html, since, until)
    return csrf.fill(html)


_rows: LRUCache[Hashable, Any] = LRUCache(maxsize=1024)  # small query results, by count


def rows_at(position: int | None, key: Hashable, read: Callable[[], Any]) -> Any:
    """`read()`'s result kept under (`key`, read-model `position`); read afresh when the page
    knows no position (`None`). The caller reads the position before calling, so a kept
    result is never older than its key."""
    if position is None:
        return read()
    found = kept_rows(key, position)
    return keep_rows(key, position, read()) if found is None else found


def kept_rows(key: Hashable, position: int) -> Any | None:
    """What `keep_rows` kept under (`key`, `position`), or None."""
    with _lock:
        return _rows.get((key, position))


def keep_rows(key: Hashable, position: int, value: Any) -> Any:
    """Keep `value` (not None), read at read-model `position`, under (`key`, `position`)."""
    with _lock:
        _rows[(key, position)] = value
    return value


def render_block(template_name: str, block: str, **context: Any) -> str:
    """One block of a page template, rendered with the app's template context, to keep: its
    forms carry a stand-in for the session's token (web/csrf.py fills it in when shown)."""
    template = current_app.jinja_env.get_template(template_name)
    current_app.update_template_context(context)
    with _for_keeping():
        return "".join(template.blocks[block](template.new_context(context)))


def render(template_name: str, **context: Any) -> str:
    """A partial template rendered to keep, like `render_block`."""
    with _for_keeping():
        return render_template(template_name, **context)


@contextmanager
def _for_keeping() -> Iterator[None]:
    g.rendering_kept = True
    try:
        yield
    finally:
        g.rendering_kept = False


def clear() -> None:
    """Forget every kept fragment (tests that compare a fresh render)."""
    with _lock:
        _kept.clear()
        _rows.clear()
