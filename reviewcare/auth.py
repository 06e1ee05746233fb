"""Dashboard users: argon2 password hashes and role checks.

    add_user(db, "dana", "a long passphrase", "owner")
    user = authenticate(db, "dana", "a long passphrase")  # {"name": "dana", "role": "owner"} or None

Passwords are never stored; only argon2id hashes (argon2-cffi) go to the `users` table through the store.
"""

from __future__ import annotations

import re

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from reviewcare import store

ROLES = ("owner", "marketing")
MIN_PASSWORD_LENGTH = 8
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@ -]{0,63}$")
_hasher = PasswordHasher()
# A hash of a random string, checked against when the user does not exist, so that a wrong name costs as
# much time as a wrong password and does not reveal which names exist.
_DUMMY_HASH = _hasher.hash("reviewcare: no such user")


class AuthError(ValueError):
    """A user definition the caller can fix (bad name, role or password)."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def validate_user(name: str, password: str, role: str) -> None:
    """Raise AuthError with one clear line when the name, password or role is unusable."""
    if not _NAME.match(name or ""):
        raise AuthError(f"user name {name!r} is not usable; use 1-64 letters, digits, '.', '_', '-', '@' or spaces")
    if role not in ROLES:
        raise AuthError(f"role {role!r} is unknown; use one of {', '.join(ROLES)}")
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise AuthError(f"the password is too short; use at least {MIN_PASSWORD_LENGTH} characters")


def add_user(db: sqlite_utils.Database, name: str, password: str, role: str) -> dict:
    """Create or replace a user; return {"name", "role"}."""
    name = (name or "").strip()
    validate_user(name, password, role)
    store.save_user(db, name, hash_password(password), role)
    return {"name": name, "role": role}


def authenticate(db: sqlite_utils.Database, name: str, password: str) -> dict | None:
    """The user {"name", "role"} when the name and password match, else None."""
    user = store.get_user(db, (name or "").strip())
    if user is None:
        verify_password(_DUMMY_HASH, password or "")
        return None
    if not verify_password(user["password_hash"], password or ""):
        return None
    return {"name": user["name"], "role": user["role"]}
