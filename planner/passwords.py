"""Password hashing for staff accounts: scrypt from the standard library, no web framework.

A stored hash reads `scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>`, so the cost parameters travel
with each hash and can be raised later without invalidating the passwords already stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from planner.domain.errors import ValidationError

SCHEME = "scrypt"
N, R, P = 16384, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
MAX_PASSWORD = 1024
# Refuse stored parameters beyond these: a tampered hash must not make a login cost gigabytes.
_MAX_N, _MAX_R, _MAX_P = 1 << 20, 32, 16


def _derive(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=128 * n * r * p + (1 << 20), dklen=length)


def hash_password(password: str) -> str:
    """Hash a password with a fresh random salt; refuses empty and absurdly long ones."""
    if not isinstance(password, str) or not password:
        raise ValidationError("password", "must not be empty")
    if len(password) > MAX_PASSWORD:
        raise ValidationError("password", f"must be at most {MAX_PASSWORD} characters")
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, N, R, P, KEY_BYTES)
    return f"{SCHEME}${N}${R}${P}${salt.hex()}${key.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash; a malformed hash never matches."""
    if not isinstance(password, str) or not isinstance(stored, str):
        return False
    if not password or len(password) > MAX_PASSWORD:
        return False
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        return False
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
        return False
    if not salt or not 16 <= len(expected) <= 64:
        return False
    actual = _derive(password, salt, n, r, p, len(expected))
    return hmac.compare_digest(actual, expected)
