"""Issues: what makes customers unhappy, weighted by how often, how strongly and how recently."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.ui import csv_download, plain, readable_dates, short_date, stars

SPIKE_MIN = 3  # negative mentions in 30 days before a rise counts as a spike
SPIKE_FACTOR = 2.0  # ...and at least this many times the monthly average of the 90 days before
EMERGING_DAYS = 60

business_id = data.selected_business()
st.title("Issues")
st.caption("Topics ranked by their weight on unhappiness: every negative mention counts its negativity, and older "
           "mentions count less (a mention 30 days old counts half, 90 days old a quarter).")

now = datetime.now(UTC).replace(microsecond=0)
issues = pd.DataFrame(data.cached("issue_ranking", business_id, now.date().isoformat(), limit=40))
if issues.empty:
    st.info("No topics yet: run `reviewcare analyze`.")
    st.stop()

monthly_before = issues["negative_prev_90d"] / 3
issues["spike"] = (issues["negative_30d"] >= SPIKE_MIN) & (issues["negative_30d"] >= SPIKE_FACTOR * monthly_before)
emerging_since = (now - timedelta(days=EMERGING_DAYS)).date().isoformat()
issues["emerging"] = issues["first_seen"].fillna("") >= emerging_since
hurting = issues[issues["weight"] > 0]

for _, row in hurting[hurting["spike"]].iterrows():
    st.error(f"Spike: {row['negative_30d']} complaints about {row['topic'].replace('_', ' ')} in the last 30 days "
             f"(about {row['negative_prev_90d'] / 3:.1f} a month before).")
new_topics = issues[issues["emerging"]]
if not new_topics.empty:
    st.info("Emerging: first mentioned in the last 60 days: "
            + ", ".join(t.replace("_", " ") for t in new_topics["topic"]) + ".")

table = hurting if not hurting.empty else issues
shown = table[["topic", "category", "weight", "negative", "mentions", "negative_30d", "avg_sentiment", "spike",
               "emerging"]]
st.dataframe(readable_dates(shown), hide_index=True, width="stretch", column_config={
    "topic": "Topic", "category": "Category", "weight": st.column_config.NumberColumn("Weight", format="%.2f"),
    "negative": "Negative mentions", "mentions": "All mentions", "negative_30d": "Negative, last 30 days",
    "avg_sentiment": st.column_config.NumberColumn("Average tone", format="%.2f"),
    "spike": "Spike", "emerging": "Emerging",
})
csv_download(shown, "issues.csv", key="issues_csv")

chart = alt.Chart(table.head(15)).mark_bar(color="#c62828").encode(
    y=alt.Y("topic:N", sort="-x", title=None), x=alt.X("weight:Q", title="Weight on unhappiness"),
    tooltip=["topic:N", "negative:Q", "mentions:Q", alt.Tooltip("weight:Q", format=".2f")],
)
st.altair_chart(chart, width="stretch")

st.subheader("Drill down")
topic = st.selectbox("Topic", list(table["topic"]), key="issues_topic",
                     format_func=lambda t: t.replace("_", " "))
trend = pd.DataFrame(data.cached("topic_trend", topic, business_id))
if not trend.empty:
    trend["month"] = pd.to_datetime(trend["month"], format="%Y-%m", errors="coerce")
    long = trend.melt(id_vars=["month"], value_vars=["negative", "positive"], var_name="tone", value_name="count")
    st.altair_chart(alt.Chart(long).mark_line(point=True).encode(
        x=alt.X("yearmonth(month):T", title="Month"), y=alt.Y("count:Q", title="Mentions"),
        color=alt.Color("tone:N", scale=alt.Scale(domain=["positive", "negative"], range=["#2e7d32", "#c62828"])),
    ), width="stretch")

only_negative = st.toggle("Only complaints", value=True, key="issues_only_negative")
quotes = data.cached("latest_topic_quotes", topic, business_id, label="negative" if only_negative else None, limit=30)
if not quotes:
    st.caption("No quotes with these settings.")


def highlighted(text: str, evidence: str | None) -> str:
    """The review as escaped Markdown with the analyzer's evidence in bold (both parts escaped)."""
    text = " ".join((text or "").split())
    evidence = " ".join((evidence or "").split())
    at = text.lower().find(evidence.lower()) if evidence else -1
    if at < 0:
        return plain(text)
    end = at + len(evidence)
    return f"{plain(text[:at])}**{plain(text[at:end])}**{plain(text[end:])}"


for quote in quotes:
    with st.container(border=True):
        st.markdown(f"{stars(quote['rating'])} · **{plain(quote['author'] or 'Anonymous', limit=80)}** · "
                    f"{short_date(quote['published_at'])} · tone {quote['sentiment']:+.2f}")
        st.markdown(highlighted(quote["text"], quote["evidence"]))
