"""ReviewCare dashboard: the router. Login, the business selector and the page list live here.

    REVIEWCARE_DB=reviewcare.db streamlit run dashboard/app.py

When the database has users, everyone signs in; a fresh demo database without users runs as a local owner.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import data
from dashboard.ui import plain
from reviewcare import auth, store

PAGES = Path(__file__).resolve().parent / "app_pages"

st.set_page_config(page_title="ReviewCare", page_icon="💬", layout="wide")


def _login(db) -> None:
    """Show the sign-in form and stop the run until a user signs in."""
    st.title("ReviewCare")
    with st.form("login_form"):
        name = st.text_input("Name", key="login_name")
        password = st.text_input("Password", type="password", key="login_password")
        submitted = st.form_submit_button("Sign in")
    if submitted:
        user = auth.authenticate(db, name, password)
        if user:
            st.session_state["user"] = user
            st.rerun()
        st.error("That name and password do not match.")
    st.stop()


def main() -> None:
    try:
        db = data.connection()
    except store.StoreError as ex:
        st.error(str(ex))
        st.stop()

    if store.count_users(db) == 0:
        st.session_state["user"] = data.LOCAL_OWNER
        st.sidebar.caption("No users yet, so you are the local owner. `reviewcare user add NAME --role owner` "
                           "turns on sign-in.")
    elif (st.session_state.get("user") or {"local": True}).get("local"):
        st.session_state.pop("user", None)
        _login(db)

    user = data.current_user()
    st.sidebar.markdown(f"Signed in as **{plain(user['name'])}** ({user['role']})")
    if not user.get("local"):
        if st.sidebar.button("Sign out", key="app_sign_out"):
            st.session_state.pop("user", None)
            st.rerun()

    businesses = data.cached("list_businesses")
    names = {b["id"]: b["name"] for b in businesses}
    if len(businesses) > 1:
        choice = st.sidebar.selectbox(
            "Business", [None, *names], format_func=lambda b: "All businesses" if b is None else names[b],
            key="app_business",
        )
        st.session_state["business_id"] = choice
    else:
        st.session_state["business_id"] = next(iter(names), None)

    pages = [
        st.Page(PAGES / "overview.py", title="Overview", icon=":material/monitoring:", default=True),
        st.Page(PAGES / "issues.py", title="Issues", icon=":material/report:"),
        st.Page(PAGES / "inbox.py", title="Inbox", icon=":material/inbox:"),
        st.Page(PAGES / "people.py", title="People and stories", icon=":material/groups:"),
        st.Page(PAGES / "quiet.py", title="Quiet signals", icon=":material/hearing:"),
        st.Page(PAGES / "search.py", title="Search", icon=":material/search:"),
        st.Page(PAGES / "sources.py", title="Sources", icon=":material/travel_explore:"),
        st.Page(PAGES / "settings.py", title="Settings", icon=":material/settings:"),
    ]
    st.navigation(pages).run()


main()
