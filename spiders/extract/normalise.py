"""Cleaning shared by every extractor: text, dates and ratings.

    clean_text("Great&nbsp;food<br>Ã©clair")   # "Great food\néclair"
    parse_date("2 weeks ago", now=crawl_time)   # ("2024-05-01T12:00:00+00:00", None)
    normalise_rating(8, best=10, worst=0)        # 4.2
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta

import dateparser
import ftfy
from w3lib.html import replace_entities

log = logging.getLogger(__name__)

EARLIEST_PLAUSIBLE = datetime(1995, 1, 1, tzinfo=UTC)  # before the web had review sites
# Line-break markup that sites leave inside JSON-LD strings. Nothing else is removed: review text is untrusted
# plain text, never parsed as HTML, so a reviewer's literal "<script>" stays visible as written.
_BREAK_TAG = re.compile(r"<\s*(br|p|/p)\s*/?\s*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u200b]+")
_MANY_BREAKS = re.compile(r"\n{3,}")


def clean_text(value: object) -> str | None:
    """Plain text from a page value: tags dropped, entities decoded, mojibake fixed, whitespace tidied."""
    if value is None:
        return None
    text = str(value)
    text = _BREAK_TAG.sub("\n", text)
    text = replace_entities(text)
    # Repair encoding damage only; width, quotes and ligatures are the reviewer's own choices.
    text = ftfy.fix_text(text, unescape_html=False, fix_character_width=False, uncurl_quotes=False,
                         fix_latin_ligatures=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip()
    return text or None


def parse_date(raw: object, *, now: datetime | None = None) -> str | None:
    """An ISO 8601 UTC timestamp for a page's date (absolute or relative to `now`), or None.

    Dates without a time zone are taken as UTC. Unparseable or implausible dates (in the future, or before
    1995) give None and a logged reason; the caller keeps the raw string.
    """
    if raw is None or str(raw).strip() == "":
        return None
    now = now or datetime.now(UTC)
    text = str(raw).strip()
    text = re.sub(r"^(edited|updated|posted|reviewed|written)\s*:?\s*", "", text, flags=re.IGNORECASE)
    parsed = _iso(text) or dateparser.parse(
        text,
        settings={
            "RELATIVE_BASE": now.astimezone(UTC).replace(tzinfo=None),
            "TIMEZONE": "UTC",
            "TO_TIMEZONE": "UTC",
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )
    if parsed is None:
        log.warning("date %r not understood; stored without a date", raw)
        return None
    if parsed > now + timedelta(days=1) or parsed < EARLIEST_PLAUSIBLE:
        log.warning("date %r resolves to %s, which is implausible; stored without a date", raw, parsed)
        return None
    return parsed.astimezone(UTC).replace(microsecond=0).isoformat()


def _iso(text: str) -> datetime | None:
    """Fast path for ISO 8601, which is what structured data mostly carries; dateparser is slow."""
    if not re.match(r"^\d{4}-\d\d-\d\d", text):
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    match = re.search(r"-?\d+(?:[.,]\d+)?", str(value))
    return float(match.group().replace(",", ".")) if match else None


def normalise_rating(value: object, best: object = None, worst: object = None) -> float | None:
    """A rating on the 1-5 scale, mapped linearly from the page's worst..best scale (default 1..5)."""
    rating = _number(value)
    if rating is None:
        return None
    high = _number(best)
    low = _number(worst)
    if high is None:
        # Without a stated scale, a value above 5 is most likely out of 10 or 100.
        high = 5.0 if rating <= 5 else 10.0 if rating <= 10 else 100.0
    if low is None:
        low = 0.0 if high == 100 else 1.0
    if high <= low:
        return None
    scaled = 1 + (rating - low) * 4 / (high - low)
    return round(min(5.0, max(1.0, scaled)), 2)
