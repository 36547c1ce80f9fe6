"""Password rules and hashing for staff accounts, through werkzeug.security (no web framework).

New hashes use werkzeug's default method (scrypt today; the method and its cost travel with
each hash). Hashes in the planner's earlier own format, `scrypt$<n>$<r>$<p>$<salt>$<hash>`,
still verify; `needs_rehash` says so, and sign-in replaces them with a current hash.

A new password must have at least 12 characters and must not be easy to guess: the zxcvbn
estimator (Dropbox's, shipped with its lists of the 30,000 most common passwords, names and
words) refuses common passwords and their obvious variants (repeated words, keyboard rows,
number runs, a common word with a year).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

from planner.domain.errors import ValidationError

MIN_PASSWORD = 12
MAX_PASSWORD = 1024
MIN_SCORE = 2
"""zxcvbn's score 0–4; 2 means more than a million guesses, out of reach of throttled sign-in."""
_ESTIMATE = 100
"""Characters the estimator looks at: its cost grows fast with length, and 100 are plenty."""
# Refuse stored parameters beyond these: a tampered hash must not make a login cost gigabytes.
_MAX_N, _MAX_R, _MAX_P, _MAX_ITERATIONS = 1 << 20, 32, 16, 5_000_000
_LEGACY = "scrypt"


def check_rules(password: object, user_inputs: Sequence[str] = ()) -> str:
    """The password when it may be set; otherwise a ValidationError naming the rule.

    `user_inputs` (the e-mail address, the name) count as easy to guess as well."""
    if not isinstance(password, str) or not password:
        raise ValidationError("password", "must not be empty")
    if len(password) > MAX_PASSWORD:
        raise ValidationError("password", "must be at most %(max_password)s characters",
                              max_password=MAX_PASSWORD)
    if len(password) < MIN_PASSWORD:
        raise ValidationError("password", "must have at least %(min_password)s characters",
                              min_password=MIN_PASSWORD)
    from zxcvbn import zxcvbn

    words = [w for w in user_inputs if w] + [p for w in user_inputs for p in w.split("@") if p]
    if zxcvbn(password[:_ESTIMATE], user_inputs=words)["score"] < MIN_SCORE:
        raise ValidationError("password", "is too easy to guess (a common password or a "
                                          "simple pattern); a phrase of several words is best")
    return password


def hash_password(password: str, user_inputs: Sequence[str] = ()) -> str:
    """Hash a new password that keeps the rules, with a fresh random salt."""
    return generate_password_hash(check_rules(password, user_inputs))


def rehash(password: str) -> str:
    """A current hash of a password that has just verified (no rules: it is not a new one)."""
    return generate_password_hash(password)


@cache
def current_method() -> str:
    """werkzeug's default method and cost, as it writes them at the front of a hash."""
    return generate_password_hash("a sample").split("$", 1)[0]


def needs_rehash(stored: str) -> bool:
    """True for hashes of the earlier format or of an older method or cost."""
    return not stored.startswith(current_method() + "$")


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash; a malformed hash never matches."""
    if not isinstance(password, str) or not isinstance(stored, str):
        return False
    if not password or len(password) > MAX_PASSWORD:
        return False
    if stored.startswith(_LEGACY + "$"):
        return _verify_legacy(password, stored)
    if not _bounded(stored.split("$", 1)[0]):
        return False
    try:
        return check_password_hash(stored, password)
    except (ValueError, TypeError):
        return False


def _bounded(method: str) -> bool:
    """werkzeug's `scrypt:n:r:p` and `pbkdf2:hash:iterations`, within sane costs."""
    name, *args = method.split(":")
    try:
        numbers = [int(a) for a in args if a.isdigit()]
    except ValueError:
        return False
    if name == "scrypt":
        n, r, p = (numbers + [16384, 8, 1][len(numbers):])[:3]
        return 1 < n <= _MAX_N and 0 < r <= _MAX_R and 0 < p <= _MAX_P
    if name == "pbkdf2":
        return all(0 < i <= _MAX_ITERATIONS for i in numbers)
    return False


def _verify_legacy(password: str, stored: str) -> bool:
    parts = stored.split("$")
    if len(parts) != 6:
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
    actual = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                            maxmem=128 * n * r * p + (1 << 20), dklen=len(expected))
    return hmac.compare_digest(actual, expected)
