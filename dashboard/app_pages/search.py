"""Search: full-text search over review text, titles and authors (SQLite FTS5)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.ui import csv_download, readable_dates

business_id = data.selected_business()
st.title("Search reviews")
query = st.text_input("Words to find", key="search_query", placeholder="e.g. cold soup")
if query.strip():
    found = data.cached("search_reviews", query, business_id, limit=200)
    st.caption(f"{len(found)} review{'s' if len(found) != 1 else ''} found"
               + (" (showing the best 200)" if len(found) == 200 else "") + ".")
    if found:
        frame = pd.DataFrame(found)
        columns = ["published_at", "author", "rating", "sentiment_label", "title", "text", "source"]
        st.dataframe(readable_dates(frame[columns]),
                     hide_index=True, width="stretch", column_config={
                         "published_at": "Date", "author": "Reviewer", "rating": "Stars",
                         "sentiment_label": "Tone", "title": "Title", "text": "Review", "source": "Source"})
        csv_download(frame, "search.csv", key="search_csv")
