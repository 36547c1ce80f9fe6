"""Moving the key table with a log: `planner log export` never carries keys, so a log imported
elsewhere reads as erased until the keys follow through this separate, explicit file.

The file holds every key (base64) and every erasure (null). Importing adds what is missing and
never brings an erased key back: an erasure on either side wins.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from planner.domain.errors import InvariantError
from planner.privacy.keys import person_keys

FORMAT = "delegation-planner-keys"
VERSION = 1


def export_keys(engine: Engine, path: str | Path) -> int:
    """Write the key table to `path`, readable by its owner only; returns how many rows."""
    with engine.connect() as conn:
        rows = conn.execute(select(person_keys.c.subject_id, person_keys.c.key)
                            .order_by(person_keys.c.subject_id)).all()
    keys = {subject: base64.b64encode(key).decode("ascii") if key is not None else None
            for subject, key in rows}
    target = Path(path)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        json.dump({"format": FORMAT, "version": VERSION, "keys": keys}, out, indent=0)
    return len(keys)


def import_keys(engine: Engine, path: str | Path) -> int:
    """Add the file's keys and erasures to the table; returns how many rows changed."""
    keys = _read(Path(path))
    now = datetime.now(UTC).replace(tzinfo=None)
    changed = 0
    with engine.begin() as conn:
        known = dict(conn.execute(select(person_keys.c.subject_id, person_keys.c.key)).all())
        for subject, key in keys.items():
            if subject not in known:
                conn.execute(person_keys.insert().values(
                    subject_id=subject, key=key, created_at=now,
                    erased_at=now if key is None else None))
                changed += 1
            elif key is None and known[subject] is not None:
                conn.execute(update(person_keys).where(person_keys.c.subject_id == subject)
                             .values(key=None, erased_at=now))
                changed += 1
    return changed


def _read(path: Path) -> dict[str, bytes | None]:
    def bad(rule: str) -> InvariantError:
        return InvariantError("file", "%(path)s: %(rule)s; nothing was imported",
                              path=path, rule=rule)

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise bad(f"cannot be read ({error.strerror or error})") from None
    except ValueError:
        raise bad("is not JSON") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise bad(f"is not a key file (format must be {FORMAT!r})")
    if data.get("version") != VERSION or not isinstance(data.get("keys"), dict):
        raise bad(f"must be version {VERSION} with a 'keys' object")
    keys: dict[str, bytes | None] = {}
    for subject, value in data["keys"].items():
        if value is None:
            keys[subject] = None
            continue
        try:
            key = base64.b64decode(str(value), validate=True)
        except (binascii.Error, ValueError):
            raise bad(f"the key of {subject} is not base64") from None
        if len(key) != 32 or len(subject) > 36:
            raise bad(f"the entry {subject} is not a 256-bit key of a record id")
        keys[subject] = key
    return keys
