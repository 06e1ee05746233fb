"""Quiet signals: the customers who say little, suggest kindly, or quietly stop being happy."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.ui import csv_download, plain, readable_dates, short_date, stars

business_id = data.selected_business()
st.title("Quiet signals")
st.caption("Most satisfied customers never write and most unhappy ones simply leave: these are the signals that "
           "still reach us.")

st.subheader("Regulars whose ratings fell")
fallen = data.cached("regulars_who_fell", business_id)
if not fallen:
    st.caption("No regular reviewer's rating has dropped.")
for row in fallen:
    with st.container(border=True):
        st.markdown(f"**{plain(row['author'], limit=80)}**: {row['reviews']} reviews, earlier average "
                    f"{row['earlier_average']:.1f} ★, latest {stars(row['latest_rating'])} on "
                    f"{short_date(row['latest_at'])}")
        if row["latest_text"]:
            st.text(row["latest_text"])
if fallen:
    csv_download(pd.DataFrame(fallen), "fallen_regulars.csv", key="quiet_fallen_csv")

st.subheader("Suggestions from customers who care")
ideas = data.cached("suggestions", business_id)
if not ideas:
    st.caption("No suggestions yet.")
else:
    frame = pd.DataFrame(ideas)
    st.dataframe(readable_dates(frame[["published_at", "author", "rating", "text"]]), hide_index=True, width="stretch",
                 column_config={"published_at": "Date", "author": "Reviewer", "rating": "Stars", "text": "Review"})
    csv_download(frame, "suggestions.csv", key="quiet_suggestions_csv")

st.subheader("Star-only ratings")
silent = data.cached("rating_only_reviews", business_id)
if not silent:
    st.caption("Every review came with words.")
else:
    frame = pd.DataFrame(silent)
    low = int((frame["rating"] <= 3).sum())
    st.caption(f"{len(frame)} ratings without a word; {low} of them 3 stars or fewer.")
    st.dataframe(readable_dates(frame[["published_at", "author", "rating", "source"]]), hide_index=True,
                 width="stretch",
                 column_config={"published_at": "Date", "author": "Reviewer", "rating": "Stars",
                                "source": "Source"})
    csv_download(frame, "star_only.csv", key="quiet_silent_csv")
