"""Secrets that live in the instance folder: generated once, never in the repository or the
database (the web session key, the audit chain key)."""

from __future__ import annotations

import secrets
from pathlib import Path


def instance_secret(instance: Path, name: str) -> bytes:
    """The secret in `instance/name`, generated (64 hex digits) by the first process that asks;
    a process that loses the race to create it reads the winner's."""
    path = instance / name
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="ascii") as handle:
                handle.write(secrets.token_hex(32))
            path.chmod(0o600)
        except FileExistsError:
            pass  # another process wrote it first; use theirs
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise RuntimeError(f"{path}: the secret key is too short; delete the file to "
                           "generate a new one")
    return key.encode("ascii")
