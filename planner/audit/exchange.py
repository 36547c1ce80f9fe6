"""The log as a JSON Lines file: export, offline verification, import into an empty database.

Line 1 is a header {"format", "version", "app", "count", "head"}; every further line is one
stored event {"position", "originator_id", "originator_version", "topic", "state", "link"}.
`state` is the stored payload as text (it is UTF-8 JSON, so Chinese and German text stay
readable and byte-exact); a payload that is not UTF-8 is written as "state_base64" instead.
Each line carries its chain link, so the file can be checked without the database: an edited
line, lines reordered, inserted or removed, and a file cut short are all found, and the first
bad line is named.

The file's links are the unkeyed chain (planner.audit.chain.next_link), not the database's
keyed links: whoever receives the file can check it without the instance's chain key, against
the head the export printed (and recorded in the log, whose keyed chain vouches for it). The
export itself first checks every event against the keyed chain; an import checks the file and
then links the events afresh with the importing instance's key.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from planner.audit.chain import (
    GENESIS,
    ChainBreak,
    Head,
    StoredRow,
    Verdict,
    chained_head,
    next_link,
    walk,
)
from planner.audit.tables import audit_chain
from planner.domain.errors import InvariantError

FORMAT = "delegation-planner-log"
VERSION = 1
_FIELDS = {"position": int, "originator_id": str, "originator_version": int, "topic": str,
           "link": str}
_LINE_KEYS = frozenset({*_FIELDS, "state", "state_base64"})
_HEADER_KEYS = frozenset({"format", "version", "app", "count", "head"})


class ExchangeError(InvariantError):
    """An export or import was refused; nothing was written."""

    def __init__(self, rule: str, field: str = "log", /, **params: object) -> None:
        super().__init__(field, rule, **params)


@dataclass(frozen=True)
class Header:
    app: str
    count: int
    head: Head


def event_line(row: StoredRow, link: str) -> str:
    data: dict[str, Any] = {"position": row.position, "originator_id": row.originator_id,
                            "originator_version": row.originator_version, "topic": row.topic}
    try:
        data["state"] = row.state.decode("utf-8")
    except UnicodeDecodeError:
        data["state_base64"] = base64.b64encode(row.state).decode("ascii")
    data["link"] = link
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def export_log(planner: Any, path: str | Path,
               progress: Callable[[int, int], None] | None = None) -> Header:
    """Write the whole chained log to `path` (via a temporary file, so never half a file).

    Refuses when the chain is broken: the file would otherwise vouch for a tampered log.
    """
    engine = _engine(planner)
    end = max(chained_head(engine).position, planner.app.recorder.max_notification_id() or 0)
    target = Path(path)
    partial, body = (target.with_name(target.name + suffix) for suffix in (".part", ".body"))
    count, link = 0, GENESIS
    try:
        with body.open("w", encoding="utf-8", newline="\n") as out:
            for row, _keyed in walk(engine, planner.events_table, planner.chain_key, after=0,
                                    end=end, previous=GENESIS):
                link = next_link(link, row)
                out.write(event_line(row, link) + "\n")
                count += 1
                if progress and count % 500 == 0:
                    progress(count, end)
        head = Head(end, link)
        with partial.open("w", encoding="utf-8", newline="\n") as out, \
                body.open(encoding="utf-8") as events:
            out.write(json.dumps({"format": FORMAT, "version": VERSION, "app": planner.app.name,
                                  "count": _count(engine, end), "head": str(head)},
                                 separators=(",", ":")) + "\n")
            shutil.copyfileobj(events, out)
        body.unlink()
        os.replace(partial, target)
    except ChainBreak as broken:
        body.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
        raise ExchangeError("the log is broken at %(broken)s; nothing was exported "
                            "(run 'planner log verify' for details)", broken=broken) from None
    except OSError as error:
        body.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
        raise ExchangeError("cannot write %(target)s: %(value)s", "file",
                            target=target, value=error.strerror or error) from None
    return Header(planner.app.name, count, head)


def _count(engine: Any, end: int) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(audit_chain)
                                .where(audit_chain.c.position <= end)).scalar() or 0)


def _engine(planner: Any) -> Any:
    if planner.engine is None:
        raise ExchangeError("export and import need a SQL database, not in-memory storage",
                            "database")
    return planner.engine


class _Bad(Exception):
    def __init__(self, line: int, what: str) -> None:
        super().__init__(f"line {line}: {what}")
        self.line = line


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                try:
                    yield number, raw.decode("utf-8").rstrip("\n")
                except UnicodeDecodeError:
                    raise _Bad(number, "is not UTF-8 text") from None
    except OSError as error:
        raise ExchangeError("cannot read %(path)s: %(value)s", "file",
                            path=path, value=error.strerror or error) from None


def _header(number: int, text: str) -> Header:
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise _Bad(number, f"not a Delegation Planner log (format must be {FORMAT!r})")
        if data.get("version") != VERSION:
            raise _Bad(number, f"format version {data.get('version')!r} is not supported "
                               f"(this planner reads version {VERSION})")
        _no_unknown_keys(number, data, _HEADER_KEYS, "the header")
        count = data["count"]
        position, _, link = str(data["head"]).partition(":")
        if not isinstance(count, int) or count < 0 or not position.isdigit() or len(link) != 64:
            raise ValueError
        return Header(str(data.get("app", "")), count, Head(int(position), link))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _Bad(number, "the header must be JSON with format, version, app, count and "
                           "head (POSITION:LINK)") from None


def _no_unknown_keys(number: int, data: dict[str, Any], known: frozenset[str],
                     where: str) -> None:
    """A key the format does not have is refused: no link covers it, so it could say anything."""
    unknown = sorted(set(data) - known)
    if unknown:
        raise _Bad(number, f"unknown key(s) {', '.join(map(repr, unknown))} ({where} has only "
                           f"{', '.join(sorted(known))})")


def _event(number: int, text: str) -> tuple[StoredRow, str]:
    try:
        data = json.loads(text)
    except ValueError:
        raise _Bad(number, "is not a complete JSON line (edited or cut off)") from None
    if not isinstance(data, dict):
        raise _Bad(number, "must be a JSON object")
    _no_unknown_keys(number, data, _LINE_KEYS, "an event line")
    for name, kind in _FIELDS.items():
        if not isinstance(data.get(name), kind) or isinstance(data.get(name), bool):
            raise _Bad(number, f"field {name!r} is missing or not a {kind.__name__}")
    if isinstance(data.get("state"), str):
        state = data["state"].encode("utf-8")
    elif isinstance(data.get("state_base64"), str):
        try:
            state = base64.b64decode(data["state_base64"], validate=True)
        except ValueError:
            raise _Bad(number, "field 'state_base64' is not base64") from None
    else:
        raise _Bad(number, "field 'state' is missing or not text")
    row = StoredRow(data["position"], data["originator_id"], data["originator_version"],
                    data["topic"], state)
    return row, data["link"]


def read_log(path: str | Path) -> Iterator[tuple[int, StoredRow, str]]:
    """(line number, event, link) for every line, checked as it is read; raises _Bad."""
    lines = _lines(Path(path))
    first = next(lines, None)
    if first is None:
        raise _Bad(1, "the file is empty (a header line is expected)")
    header = _header(*first)
    previous, last_position, count, number = GENESIS, 0, 0, first[0]
    for number, text in lines:
        if not text.strip():
            raise _Bad(number, "is empty")
        row, link = _event(number, text)
        if row.position <= last_position:
            raise _Bad(number, f"position {row.position} does not follow position "
                               f"{last_position} of the line before (lines reordered?)")
        computed = next_link(previous, row)
        if computed != link:
            raise _Bad(number, "the event does not match its link (the line was edited, or "
                               "lines were reordered, inserted or removed)")
        count += 1
        previous, last_position = computed, row.position
        yield number, row, link
    if count != header.count:
        raise _Bad(number + 1, f"the file ends after {count} events but its header says "
                               f"{header.count} (truncated?)")
    if header.head != Head(last_position, previous):
        raise _Bad(1, f"the header's head {header.head} is not the last line's link "
                      f"{Head(last_position, previous)}")


def read_header(path: str | Path) -> Header:
    first = next(_lines(Path(path)), None)
    if first is None:
        raise ExchangeError("%(path)s: line 1: the file is empty (a header line is expected)",
                            path=path)
    try:
        return _header(*first)
    except _Bad as bad:
        raise ExchangeError("%(path)s: %(bad)s", path=path, bad=bad) from None


def verify_file(path: str | Path, *, from_head: Head | None = None) -> Verdict:
    """Check an exported file offline. `first_bad` is the first bad line number."""
    checked, last, head_seen = 0, Head(0, GENESIS), from_head is None or not from_head.position
    try:
        for number, row, link in read_log(path):
            checked, last = checked + 1, Head(row.position, link)
            if from_head is not None and row.position == from_head.position:
                head_seen = True
                if not from_head.matches(row.position, link):
                    raise _Bad(number, f"the noted head {from_head} is not in this file (the "
                                       f"link at position {row.position} is {link})")
    except _Bad as bad:
        return Verdict(False, Head(0, ""), checked, bad.line, str(bad))
    if not head_seen:
        assert from_head is not None
        return Verdict(False, Head(0, ""), checked, 1, f"the noted head {from_head} is not in "
                                                       "this file (no event at its position)")
    return Verdict(True, last, checked)
