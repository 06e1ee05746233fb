"""Overview: how customers feel, how it is moving, and what they talk about."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data

business_id = data.selected_business()
st.title("Overview")

totals = data.cached("review_totals", business_id)
reviews = totals["reviews"] or 0
if reviews == 0:
    st.info("No reviews yet. Run `reviewcare refresh` (or `reviewcare demo`) to gather some.")
    st.stop()

rated = totals["rated"] or 0
unhappy = (totals["negative"] or 0) + (totals["mixed"] or 0)
promoters = totals["promoters"] or 0
detractors = totals["detractors"] or 0
nps = round(100 * (promoters - detractors) / rated) if rated else None

cols = st.columns(4)
cols[0].metric("Reviews", f"{reviews:,}")
cols[1].metric("Average rating", f"{totals['avg_rating']:.2f}" if totals["avg_rating"] is not None else "–")
cols[2].metric("Negative or mixed", f"{100 * unhappy / reviews:.0f}%",
               help="Share of reviews whose overall tone is negative, or mixed (praise and complaint together).")
cols[3].metric("Promoter score", f"{nps:+d}" if nps is not None else "–",
               help="Net-promoter-style score from star ratings: % of 5-star reviews minus % of 1-3 star reviews.")
st.caption("Promoter score = % promoters (5 stars) − % detractors (1 to 3 stars); 4-star reviews are passives. "
           f"From {rated:,} rated reviews: {promoters:,} promoters, {detractors:,} detractors.")

monthly = pd.DataFrame(data.cached("monthly_ratings", business_id))
if not monthly.empty:
    monthly["month"] = pd.to_datetime(monthly["month"], format="%Y-%m", errors="coerce")
    monthly = monthly.dropna(subset=["month"])
    left, right = st.columns(2)
    with left:
        st.subheader("Average rating by month")
        line = alt.Chart(monthly).mark_line(point=True).encode(
            x=alt.X("yearmonth(month):T", title="Month"),
            y=alt.Y("avg_rating:Q", title="Average stars", scale=alt.Scale(domain=[1, 5])),
            tooltip=[alt.Tooltip("yearmonth(month):T", title="Month"), alt.Tooltip("avg_rating:Q", title="Average"),
                     alt.Tooltip("reviews:Q", title="Reviews")],
        )
        st.altair_chart(line, width="stretch")
    with right:
        st.subheader("Reviews per month")
        bars = alt.Chart(monthly).mark_bar().encode(
            x=alt.X("yearmonth(month):T", title="Month"),
            y=alt.Y("reviews:Q", title="Reviews"),
            tooltip=[alt.Tooltip("yearmonth(month):T", title="Month"), alt.Tooltip("reviews:Q", title="Reviews")],
        )
        st.altair_chart(bars, width="stretch")

st.subheader("What people talk about")
topics = pd.DataFrame(data.cached("top_topics", business_id, limit=15))
if topics.empty:
    st.caption("No topics yet: run `reviewcare analyze`.")
else:
    topics["other"] = topics["mentions"] - topics["positive"] - topics["negative"]
    long = topics.melt(id_vars=["topic", "mentions"], value_vars=["positive", "negative", "other"],
                       var_name="tone", value_name="count")
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("topic:N", sort=alt.SortField("mentions", order="descending"), title=None),
        x=alt.X("count:Q", title="Mentions"),
        color=alt.Color("tone:N", scale=alt.Scale(domain=["positive", "negative", "other"],
                                                  range=["#2e7d32", "#c62828", "#9e9e9e"]), title="Tone"),
        tooltip=["topic:N", "tone:N", "count:Q"],
    )
    st.altair_chart(chart, width="stretch")

counts = data.cached("draft_status_counts", business_id)
waiting = sum(counts.get(s, 0) for s in ("drafted", "edited", "needs_human"))
st.caption(f"Replies waiting in the Inbox: {waiting:,} (of which {counts.get('needs_human', 0):,} need a person).")
