"""Rendering helpers shared by the pages. Review text, author names and titles are written by strangers:
they only ever reach the page through `plain()` (inside Markdown) or `st.text` / dataframes (no parsing).

    st.markdown(f"**{plain(review['author'])}** wrote")
"""

from __future__ import annotations

import re
from datetime import datetime

import pandas as pd
import streamlit as st

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them turns links,
# images, emphasis, HTML tags, LaTeX ($) and Streamlit's :directives: into literal text.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&\"'^%@/;?,])")


def plain(value: object, limit: int | None = None) -> str:
    """Untrusted text made inert for st.markdown: every Markdown/HTML special character escaped, one line."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def stars(rating: float | None) -> str:
    if rating is None:
        return "no rating"
    full = max(0, min(5, round(rating)))
    return "★" * full + "☆" * (5 - full)


def short_date(value: str | None) -> str:
    if not value:
        return "undated"
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).strftime("%d %b %Y")
    except ValueError:
        return plain(value[:10])


DAY_COLUMNS = ("published_at", "last_mentioned", "first_seen", "date")


def readable_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with ISO timestamps shown as "2026-11-14" (review days) or "2026-11-14 09:30" (events, *_at)."""
    frame = frame.copy()
    for column in frame.columns:
        if column in DAY_COLUMNS or str(column).endswith("_at"):
            parsed = pd.to_datetime(frame[column], errors="coerce", utc=True, format="ISO8601")
            shape = "%Y-%m-%d" if column in DAY_COLUMNS else "%Y-%m-%d %H:%M"
            frame[column] = parsed.dt.strftime(shape).where(parsed.notna(), None)
    return frame


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV. Text cells starting with = + - @ get a leading ' so spreadsheets do not run them."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object:
            safe[column] = safe[column].map(_csv_cell)
    return safe.to_csv(index=False).encode("utf-8")


def csv_download(frame: pd.DataFrame, file_name: str, key: str, label: str = "Download CSV") -> None:
    st.download_button(label, csv_bytes(frame), file_name=file_name, mime="text/csv", key=key)


def _csv_cell(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
