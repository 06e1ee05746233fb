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


# What a failed self-check asks of the person approving, in their words (nlp.draft and nlp.draft_review checks).
CHECK_HINTS = {
    "uses_name": "the greeting does not use the reviewer's name",
    "mentions_specifics": "the reply names nothing the reviewer wrote about",
    "ownership_no_excuses": "the reply makes an excuse or does not own the fault",
    "next_step_for_negative": "an unhappy reviewer is not told how to reach you",
    "no_invented_promises": "the reply promises something or gives a number your facts and policies do not have",
    "no_personal_data": "the reply repeats personal data from the review",
    "no_banned_phrases": "the reply uses a banned or deleted phrase",
    "length_ok": "the reply is too long for this site",
    "sentence_count_ok": "the reply is too short or too long",
    "tone_matches_emotion": "the reply sounds cheerful to an angry reviewer",
    "fits_industry": "the reply uses wording that does not fit your business",
    "plain_text": "the reply has emoji, hashtags or links",
    "no_fault_invented": "the reply apologises for a fault a happy reviewer never raised",
    "worst_complaint_named": "the reply may miss the complaint the reviewer felt most strongly",
    "words_spelled_right": "the reply repeats a misspelt word",
}


def check_outcome(result: object) -> object:
    """A stored check's outcome: the value itself, or its "ok" / "pass" field when stored as a dict."""
    return result.get("ok", result.get("pass")) if isinstance(result, dict) else result


def failed_check_hints(checks: dict) -> list[str]:
    """Plain-language notes for the checks a draft failed (a check stored as {"ok": ...} counts too)."""
    return [CHECK_HINTS.get(str(name), str(name).replace("_", " ")) for name, result in (checks or {}).items()
            if check_outcome(result) is False or check_outcome(result) == "fail"]
