"""Overview: how customers feel, how it is moving, and what they talk about."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.ui import csv_download, readable_dates


def _topic_name(topic: str) -> str:
    return topic.replace("_", " ")


def weekly_changes(business_id: str | None) -> list[str]:
    """Plain sentences comparing the last 7 days (today and the 6 before) with the 7 days before them."""
    today = datetime.now(UTC).date()
    week = [(today - timedelta(days=6)).isoformat(), today.isoformat()]
    prior = [(today - timedelta(days=13)).isoformat(), (today - timedelta(days=7)).isoformat()]
    this = data.cached("days_stats", *week, business_id)
    last = data.cached("days_stats", *prior, business_id)
    if not this["reviews"] and not last["reviews"]:
        return ["No reviews in the last two weeks."]
    lines = [f"{this['reviews']} new review{'s' if this['reviews'] != 1 else ''} in the last 7 days "
             f"({last['reviews']} the week before)."]
    if this["avg_rating"] is not None and last["avg_rating"] is not None:
        move = this["avg_rating"] - last["avg_rating"]
        trend = "up" if move > 0.05 else "down" if move < -0.05 else "about level"
        lines.append(f"Average rating {this['avg_rating']:.2f}, {trend} from {last['avg_rating']:.2f}.")
    elif this["avg_rating"] is not None:
        lines.append(f"Average rating this week: {this['avg_rating']:.2f}.")
    if this["unhappy"]:
        lines.append(f"{this['unhappy']} negative or mixed review{'s' if this['unhappy'] != 1 else ''} this week "
                     f"({last['unhappy'] or 0} the week before).")
    now_topics = data.cached("days_topics", *week, business_id)
    then_topics = data.cached("days_topics", *prior, business_id)
    rising = sorted(((t["negative"] - then_topics.get(name, {}).get("negative", 0), name)
                     for name, t in now_topics.items()), reverse=True)
    for gain, name in rising[:3]:
        if gain > 0:
            before = then_topics.get(name, {}).get("negative", 0)
            lines.append(f"More complaints about {_topic_name(name)}: {now_topics[name]['negative']} this week, "
                         f"{before} the week before.")
    praised = sorted(((t["positive"] - then_topics.get(name, {}).get("positive", 0), name)
                      for name, t in now_topics.items()), reverse=True)
    for gain, name in praised[:2]:
        if gain > 0:
            lines.append(f"More praise for {_topic_name(name)}: {now_topics[name]['positive']} this week.")
    return lines


business_id = data.selected_business()
st.title("Overview")

totals = data.cached("overview_totals", business_id)
reviews = totals["reviews"] or 0
if reviews == 0:
    st.info("No reviews yet. Run `reviewcare refresh` (or `reviewcare demo`) to gather some.")
    st.stop()

rated = totals["rated"] or 0
unhappy = (totals["negative"] or 0) + (totals["mixed"] or 0)
promoters = totals["promoters"] or 0
detractors = totals["detractors"] or 0
nps = round(100 * (promoters - detractors) / rated) if rated else None

if business_id is None and len(data.cached("list_businesses")) > 1:
    st.subheader("Locations side by side")
    comparison = pd.DataFrame(data.cached("location_comparison"))
    st.dataframe(readable_dates(comparison.drop(columns=["business_id"])), hide_index=True, width="stretch",
                 column_config={"name": "Business", "reviews": "Reviews", "avg_rating": "Average rating",
                                "unhappy_pct": "Negative or mixed %", "promoter_score": "Promoter score",
                                "waiting": "Replies waiting"})
    csv_download(comparison, "locations.csv", key="overview_locations_csv")

cols = st.columns(4)
cols[0].metric("Reviews", f"{reviews:,}")
cols[1].metric("Average rating", f"{totals['avg_rating']:.2f}" if totals["avg_rating"] is not None else "–")
cols[2].metric("Negative or mixed", f"{100 * unhappy / reviews:.0f}%",
               help="Share of reviews whose overall tone is negative, or mixed (praise and complaint together).")
cols[3].metric("Promoter score", f"{nps:+d}" if nps is not None else "–",
               help="Net-promoter-style score from star ratings: % of 5-star reviews minus % of 1-3 star reviews.")
responses = data.cached("answer_summary", business_id)
cols = st.columns(4)
cols[0].metric("Response rate", f"{100 * responses['answered'] / reviews:.0f}%",
               help="Share of reviews with a public answer: on the review site, or a reply here marked posted.")
median = responses["median_hours"]
cols[1].metric("Median time to respond", "–" if median is None else
               (f"{median:.0f} h" if median < 48 else f"{median / 24:.1f} days"))
st.caption("Promoter score = % promoters (5 stars) − % detractors (1 to 3 stars); 4-star reviews are passives. "
           f"From {rated:,} rated reviews: {promoters:,} promoters, {detractors:,} detractors.")

st.subheader("What changed since last week")
for sentence in weekly_changes(business_id):
    st.markdown(f"- {sentence}")

monthly = pd.DataFrame(data.cached("monthly_totals", business_id))
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
topics = pd.DataFrame(data.cached("topic_totals", business_id, limit=15))
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

counts = data.cached("draft_counts", business_id)
waiting = sum(counts.get(s, 0) for s in ("drafted", "edited", "needs_human"))
st.caption(f"Replies waiting in the Inbox: {waiting:,} (of which {counts.get('needs_human', 0):,} need a person).")
