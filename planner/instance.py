"""Secrets that live in the instance folder: generated once, never in the repository or the
database (the web session key, the audit chain key, which also seals snapshots).

A key kept beside the database would let whoever can edit the database also forge what the
key protects, so keys live in the instance folder, created on first use with mode 0600.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

KEY_BYTES = 32


def instance_secret(instance: Path | str, name: str) -> bytes:
    """The secret in file `name` of the instance folder (64 hex digits, as ASCII bytes),
    generated the first time it is asked for.

    Several processes may start at once: the key is written to a private temporary file and
    linked into place, so the first link wins and nobody ever reads a half-written key.
    """
    folder = Path(instance)
    path = folder / name
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
        try:
            with os.fdopen(handle, "w", encoding="ascii") as file:
                file.write(secrets.token_hex(KEY_BYTES))
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process linked its key first; use theirs
        finally:
            os.unlink(temporary)
    key = path.read_text(encoding="ascii").strip()
    if len(key) < KEY_BYTES:
        raise RuntimeError(f"{path}: the key is too short; delete the file to generate a new "
                           "one")
    return key.encode("ascii")
