"""Passwords: werkzeug's hashing, at least 12 characters, common ones refused, old hashes
still verify (and are replaced at sign-in)."""

from __future__ import annotations

import hashlib
import secrets

import pytest
from werkzeug.security import check_password_hash

from planner.domain.errors import ValidationError
from planner.passwords import hash_password, needs_rehash, verify_password


def legacy_hash(password: str) -> str:
    """A hash in the planner's own format of before (scrypt$n$r$p$salt$key)."""
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=16384, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${salt.hex()}${key.hex()}"


def test_the_right_password_verifies_and_a_wrong_one_does_not():
    stored = hash_password("demo-password")
    assert verify_password("demo-password", stored)
    assert not verify_password("demo-passwort", stored)
    assert not verify_password("Demo-password", stored)


def test_hashes_are_werkzeugs_with_their_method_and_never_the_password():
    stored = hash_password("demo-password")
    method, salt, key = stored.split("$")
    assert method.startswith("scrypt:") and check_password_hash(stored, "demo-password")
    assert "demo-password" not in stored and not needs_rehash(stored)


def test_the_same_password_gets_a_different_salt_each_time():
    first, second = hash_password("demo-password"), hash_password("demo-password")
    assert first.split("$")[1] != second.split("$")[1]
    assert first != second
    assert verify_password("demo-password", first) and verify_password("demo-password", second)


def test_non_latin_passwords_round_trip():
    stored = hash_password("Körner-南京-пароль")
    assert verify_password("Körner-南京-пароль", stored)
    assert not verify_password("Korner-南京-пароль", stored)


@pytest.mark.parametrize("password, rule", [
    ("", "must not be empty"), ("x" * 1025, "at most 1024 characters"),
    ("x", "at least 12 characters"), ("Abcdefgh123", "at least 12 characters"),
    ("password1234", "too easy to guess"), ("123456789012", "too easy to guess"),
    ("qwertyuiopas", "too easy to guess"), ("passwordpassword", "too easy to guess"),
    ("aaaaaaaaaaaaaaaa", "too easy to guess"), ("iloveyou2024", "too easy to guess")])
def test_an_unusable_password_is_refused_with_a_message_naming_the_field(password, rule):
    with pytest.raises(ValidationError) as refused:
        hash_password(password)
    assert str(refused.value).startswith("password: ") and rule in str(refused.value)


def test_a_password_built_from_the_e_mail_address_is_refused():
    with pytest.raises(ValidationError, match="too easy to guess"):
        hash_password("koerner.leipzig", user_inputs=("koerner.leipzig@ihk.example",))


def test_an_old_format_hash_still_verifies_and_asks_to_be_replaced():
    stored = legacy_hash("demo-password")
    assert verify_password("demo-password", stored) and needs_rehash(stored)
    assert not verify_password("demo-passwort", stored)


def test_a_tampered_current_hash_never_matches():
    good = hash_password("demo-password")
    method, salt, key = good.split("$")
    flipped = key[:-1] + ("0" if key[-1] != "0" else "1")
    for stored in (f"{method}${salt}${flipped}", f"{method}${salt}", f"md5${salt}${key}",
                   f"scrypt:{1 << 30}:8:1${salt}${key}", f"pbkdf2:sha256:{10**9}${salt}${key}",
                   f"scrypt:x:8:1${salt}${key}"):
        assert not verify_password("demo-password", stored), stored


def test_a_malformed_or_tampered_hash_never_matches():
    good = legacy_hash("demo-password")
    scheme, n, r, p, salt, key = good.split("$")
    flipped = key[:-1] + ("0" if key[-1] != "0" else "1")
    for stored in ("", "demo-password", "scrypt$16384$8$1$zz$zz",
                   f"bcrypt${n}${r}${p}${salt}${key}", f"{scheme}${n}${r}${p}${salt}${flipped}",
                   f"{scheme}${n}${r}${p}${salt}",
                   f"{scheme}$1000${r}${p}${salt}${key}"):
        assert not verify_password("demo-password", stored), stored


def test_a_hash_demanding_huge_memory_is_simply_no_match():
    salt, key = "00" * 16, "00" * 32
    assert not verify_password("demo-password", f"scrypt${1 << 30}$8$1${salt}${key}")
    assert not verify_password("demo-password", f"scrypt$16384$4096$1${salt}${key}")
    assert not verify_password("demo-password", f"scrypt$16384$8$64${salt}${key}")
