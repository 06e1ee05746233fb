"""Sources: is every review site still being read, and how much of it do we hold?"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.ui import csv_download, readable_dates

business_id = data.selected_business()
st.title("Sources")

health = pd.DataFrame(data.cached("source_coverage"))
if health.empty:
    st.info("No sources yet: add them to reviewcare.toml and run `reviewcare refresh`.")
    st.stop()
if business_id:
    health = health[health["business_id"] == business_id]
health["coverage"] = health.apply(
    lambda r: round(100 * r["stored"] / r["claimed_total"]) if r["claimed_total"] else None, axis=1)
failing = health[health["last_status"].notna() & (health["last_status"] != "ok")]
if not failing.empty:
    st.error(f"{len(failing)} source(s) failed on their last crawl; see the last error below.")
st.dataframe(readable_dates(health[["business_id", "spider", "url", "last_status", "last_success_at", "last_error_at",
                     "last_error", "stored", "claimed_total", "coverage"]]),
             hide_index=True, width="stretch", column_config={
                 "business_id": "Business", "spider": "Spider", "url": st.column_config.TextColumn("Address"),
                 "last_status": "Last crawl", "last_success_at": "Last success", "last_error_at": "Last error at",
                 "last_error": "Last error", "stored": "Reviews stored", "claimed_total": "Site says",
                 "coverage": st.column_config.NumberColumn("Coverage %", format="%d")})
csv_download(health, "sources.csv", key="sources_csv")

st.subheader("Recent crawls")
runs = pd.DataFrame(data.cached("crawl_runs", 50))
if runs.empty:
    st.caption("No crawls yet.")
else:
    if business_id:
        runs = runs[runs["source_id"].isin(health["id"])]
    st.dataframe(readable_dates(runs), hide_index=True, width="stretch")
    csv_download(runs, "crawl_runs.csv", key="sources_runs_csv")
