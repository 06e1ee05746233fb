"""The dashboard's access to the store: one cached connection per database file, cached query results.

    db = connection()
    totals = cached("review_totals", business_id)

Pages call these instead of opening the database themselves. Every write goes through `write_draft`, which
checks the role in the store and then clears the cached results so the next run shows the change.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils
import streamlit as st

from reviewcare import store

QUERY_TTL_S = 60
LOCAL_OWNER = {"name": "local owner", "role": "owner", "local": True}


def db_path() -> str:
    """The database file, from REVIEWCARE_DB (read on every run so tests and tenants can point elsewhere)."""
    return str(Path(os.environ.get("REVIEWCARE_DB", "reviewcare.db")).resolve())


@st.cache_resource(show_spinner=False)
def _open(path: str) -> sqlite_utils.Database:
    # store.open_db opens sqlite with check_same_thread=False: Streamlit runs each session in its own thread.
    return store.open_db(path)


def connection() -> sqlite_utils.Database:
    return _open(db_path())


@st.cache_data(ttl=QUERY_TTL_S, show_spinner=False)
def _query(path: str, name: str, args: tuple, kwargs: tuple) -> object:
    return getattr(store, name)(_open(path), *args, **dict(kwargs))


def cached(name: str, *args, **kwargs) -> object:
    """The result of `store.<name>(db, *args, **kwargs)`, cached for a minute per database file."""
    return _query(db_path(), name, tuple(args), tuple(sorted(kwargs.items())))


def clear_cache() -> None:
    _query.clear()


def current_user() -> dict:
    """The signed-in user of this session ({"name", "role"}); the router guarantees one exists."""
    return st.session_state.get("user") or LOCAL_OWNER


def selected_business() -> str | None:
    """The business chosen in the sidebar, or None for all of them."""
    return st.session_state.get("business_id")


def write_draft(draft_id: int, action: str, text: str | None = None) -> dict:
    """Apply a draft action as the session's user; the store refuses what the role may not do."""
    user = current_user()
    try:
        return store.change_draft(connection(), draft_id, action, actor=user["name"], role=user["role"], text=text)
    finally:
        clear_cache()


def write_voice(business_id: str, changes: dict | None) -> dict | None:
    """Save (or, with None, clear) the business's voice override as the session's user; owners only."""
    user = current_user()
    db = connection()
    try:
        if changes is None:
            store.clear_voice_override(db, business_id, actor=user["name"], role=user["role"])
            return None
        return store.save_voice_override(db, business_id, changes, actor=user["name"], role=user["role"])
    finally:
        clear_cache()
