"""Secret keys generated once into the instance folder (never the database or the repository).

A key kept beside the database would let whoever can edit the database also forge what the
key protects, so keys live in the instance folder, created on first use with mode 0600. The
snapshot seals use the audit chain's key file (`chain_key`, one secret to keep and to copy
between the processes of one database) under a key derived for that purpose alone.

Note for merging: planner.instance.instance_secret (write-path) does the same and returns the
same bytes for the same file; one of the two should serve both.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

KEY_BYTES = 32


def instance_key(instance: Path | str, name: str) -> bytes:
    """The key in file `name` of the instance folder (64 hex digits, as ASCII bytes),
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
