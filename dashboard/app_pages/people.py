"""People and stories: staff customers thank by name, and the best and worst experiences for team training."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.ui import csv_download, plain, readable_dates, short_date, stars

business_id = data.selected_business()
st.title("People and stories")

st.subheader("Staff customers name")
staff = pd.DataFrame(data.cached("staff_praise", business_id))
if staff.empty:
    st.caption("No staff named in reviews yet.")
else:
    st.caption("Everyone customers mention by name, most praised first: worth a word at the next team meeting.")
    shown = staff.assign(name=staff["name"].where(staff["name"].fillna("") != "", "(not named)"))
    st.dataframe(readable_dates(shown), hide_index=True, width="stretch", column_config={
        "name": "Name", "role": "Role", "mentions": "Mentions", "praised": "Praised", "faulted": "Faulted",
        "last_mentioned": "Last mentioned"})
    csv_download(staff, "staff.csv", key="people_staff_csv")
    person = st.selectbox("What customers said about", list(staff["name"]), key="people_person",
                          format_func=lambda name: name or "(not named)")
    for quote in data.cached("staff_quotes", person, business_id):
        with st.container(border=True):
            st.markdown(f"{stars(quote['rating'])} · **{plain(quote['author'] or 'Anonymous', limit=80)}** · "
                        f"{short_date(quote['published_at'])} · {quote['label'] or 'neutral'}")
            st.text(quote["text"] or "")


def story_wall(kind: str, heading: str) -> None:
    st.subheader(heading)
    rows = data.cached("stories", kind, business_id, limit=10)
    if not rows:
        st.caption("No stories of this kind yet.")
        return
    csv_download(pd.DataFrame(rows), f"{kind}_stories.csv", key=f"people_{kind}_csv", label="Export these stories")
    for story in rows:
        with st.container(border=True):
            st.markdown(f"{stars(story['rating'])} · **{plain(story['author'] or 'Anonymous', limit=80)}** · "
                        f"{short_date(story['published_at'])} · {plain(story['source'])}")
            if story["title"]:
                st.text(story["title"])
            st.text(story["text"])


best, worst = st.tabs(["Best stories", "Worst stories"])
with best:
    story_wall("best", "When we got it right")
with worst:
    story_wall("worst", "When we let someone down")
