"""Users and passwords for the dashboard."""

from __future__ import annotations

import pytest

from reviewcare import auth, store


@pytest.fixture
def db(tmp_path):
    return store.open_db(tmp_path / "auth.db")


def test_password_hash_verifies_and_is_not_the_password():
    hashed = auth.hash_password("correct horse battery")
    assert "correct horse" not in hashed and hashed.startswith("$argon2id$")
    assert auth.verify_password(hashed, "correct horse battery")
    assert not auth.verify_password(hashed, "correct horse battery!")
    assert not auth.verify_password("not a hash", "anything")


def test_add_user_and_authenticate(db):
    assert auth.add_user(db, "olivia", "correct horse battery", "owner") == {"name": "olivia", "role": "owner"}
    assert store.get_user(db, "olivia")["password_hash"] != "correct horse battery"
    assert auth.authenticate(db, "olivia", "correct horse battery") == {"name": "olivia", "role": "owner"}
    assert auth.authenticate(db, "olivia", "wrong") is None
    assert auth.authenticate(db, "nobody", "correct horse battery") is None
    assert store.audit_log(db, "user", "olivia")[-1]["after"] == "owner"


def test_changing_a_password_replaces_the_old_one(db):
    auth.add_user(db, "mia", "first password", "marketing")
    auth.add_user(db, "mia", "second password", "marketing")
    assert auth.authenticate(db, "mia", "first password") is None
    assert auth.authenticate(db, "mia", "second password") == {"name": "mia", "role": "marketing"}
    assert store.count_users(db) == 1


@pytest.mark.parametrize(
    ("name", "password", "role", "message"),
    [
        ("olivia", "correct horse battery", "admin", "role 'admin' is unknown"),
        ("olivia", "short", "owner", "too short"),
        ("", "correct horse battery", "owner", "not usable"),
        ("<b>x</b>", "correct horse battery", "owner", "not usable"),
    ],
)
def test_add_user_rejects_bad_input(db, name, password, role, message):
    with pytest.raises(auth.AuthError, match=message):
        auth.add_user(db, name, password, role)
    assert store.count_users(db) == 0
