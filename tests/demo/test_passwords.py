"""Password hashing for accounts: scrypt with a random salt, compared in constant time."""

from __future__ import annotations

import pytest

from planner.domain.errors import ValidationError
from planner.passwords import hash_password, verify_password


def test_the_right_password_verifies_and_a_wrong_one_does_not():
    stored = hash_password("demo-password")
    assert verify_password("demo-password", stored)
    assert not verify_password("demo-passwort", stored)
    assert not verify_password("Demo-password", stored)


def test_hashes_carry_their_parameters_and_never_the_password():
    stored = hash_password("demo-password")
    scheme, n, r, p, salt, key = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(key)) == 32
    assert "demo-password" not in stored


def test_the_same_password_gets_a_different_salt_each_time():
    first, second = hash_password("demo-password"), hash_password("demo-password")
    assert first.split("$")[4] != second.split("$")[4]
    assert first != second
    assert verify_password("demo-password", first) and verify_password("demo-password", second)


def test_non_latin_passwords_round_trip():
    stored = hash_password("Körner-南京-пароль")
    assert verify_password("Körner-南京-пароль", stored)
    assert not verify_password("Korner-南京-пароль", stored)


@pytest.mark.parametrize("password, rule", [("", "must not be empty"),
                                            ("x" * 1025, "at most 1024 characters")])
def test_an_unusable_password_is_refused_with_a_message_naming_the_field(password, rule):
    with pytest.raises(ValidationError) as refused:
        hash_password(password)
    assert str(refused.value).startswith("password: ") and rule in str(refused.value)


def test_a_malformed_or_tampered_hash_never_matches():
    good = hash_password("demo-password")
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
