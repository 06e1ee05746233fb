"""Cleaning shared by every extractor: text, dates and ratings.

    clean_text("Great&nbsp;food<br>Ã©clair")       # "Great food\néclair"
    parse_date("2 weeks ago", now=crawl_time)       # "2024-05-01T12:00:00+00:00"
    parse_date("03/04/2025", date_order="DMY")      # "2025-04-03T00:00:00+00:00"
    normalise_rating(8, best=10, worst=0)            # 4.2
    normalise_rating("4,5")                          # 4.5

Numeric dates such as 03/04/2025 are ambiguous. The rule (see `numeric_date_order`): a part above 12 settles
it; else other dates on the same page that are unambiguous; else the page's locale (US English and bare `en`
write month first, every other locale day first); with no locale at all, month first.
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
_ESCAPED_AGAIN = re.compile(r"&(amp|quot|apos|lt|gt|#0?39|#x27);", re.IGNORECASE)


def clean_text(value: object) -> str | None:
    """Plain text from a page value: tags dropped, entities decoded, mojibake fixed, whitespace tidied."""
    if value is None:
        return None
    text = str(value)
    text = _BREAK_TAG.sub("\n", text)
    text = replace_entities(text)
    # Some sites escape twice ("&amp;amp;", "&lt;br&gt;"): decode what is left once more, then breaks again.
    if _ESCAPED_AGAIN.search(text):
        text = replace_entities(text)
    text = _BREAK_TAG.sub("\n", text)
    # Repair encoding damage only; width, quotes and ligatures are the reviewer's own choices.
    text = ftfy.fix_text(text, unescape_html=False, fix_character_width=False, uncurl_quotes=False,
                         fix_latin_ligatures=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip()
    return text or None


# Numeric day/month/year dates: 03/04/2025, 3.4.25, 03-04-2025 14:05.
_NUMERIC_DATE = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})\b(.*)$")
# Regions that write the month first (mainly the United States).
_MONTH_FIRST_REGIONS = {"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"}


def numeric_date_order(locale: str | None = None, samples: list[str] | tuple[str, ...] = ()) -> str:
    """"DMY" or "MDY" for a page's numeric dates.

    Evidence first: a date among `samples` whose first part is above 12 means day first, whose second part is
    above 12 means month first. Without evidence: dotted dates (03.04.2025) are day first everywhere; a locale
    of US English (`en-US`, or bare `en`) means month first, any other locale day first; no locale, month first.
    """
    first_big = second_big = dotted = False
    for sample in samples:
        match = _NUMERIC_DATE.match(str(sample).strip())
        if match:
            first_big |= int(match.group(1)) > 12
            second_big |= int(match.group(3)) > 12
            dotted |= match.group(2) == "."
    if first_big != second_big:
        return "DMY" if first_big else "MDY"
    if dotted:
        return "DMY"
    if not locale:
        return "MDY"
    parts = re.split(r"[-_]", locale.strip())
    language = parts[0].lower()
    region = parts[1].upper() if len(parts) > 1 else ""
    if region in _MONTH_FIRST_REGIONS or (language == "en" and not region):
        return "MDY"
    return "DMY"


def _numeric(text: str, order: str) -> datetime | None:
    match = _NUMERIC_DATE.match(text)
    if not match:
        return None
    a, b, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    year += 2000 if year < 100 else 0
    day, month = (a, b) if order == "DMY" else (b, a)
    if month > 12 >= day:   # the stated order cannot be right; the other one can
        day, month = month, day
    try:
        date = datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None
    rest = match.group(5).strip(" ,T")
    if rest:
        clock = re.match(r"^(\d{1,2}):(\d\d)(?::(\d\d))?\s*(am|pm)?$", rest, re.IGNORECASE)
        if not clock:
            return None
        hour = int(clock.group(1))
        if clock.group(4):
            hour = hour % 12 + (12 if clock.group(4).lower() == "pm" else 0)
        date = date.replace(hour=hour, minute=int(clock.group(2)), second=int(clock.group(3) or 0))
    return date


def parse_date(raw: object, *, now: datetime | None = None, date_order: str | None = None) -> str | None:
    """An ISO 8601 UTC timestamp for a page's date (absolute or relative to `now`), or None.

    Dates without a time zone are taken as UTC. `date_order` ("DMY" or "MDY", from `numeric_date_order`)
    settles dates like 03/04/2025; without it they are read month first. Unparseable or implausible dates
    (in the future, or before 1995) give None and a logged reason; the caller keeps the raw string.
    """
    if raw is None or isinstance(raw, bool) or str(raw).strip() == "":
        return None
    now = now or datetime.now(UTC)
    if isinstance(raw, int | float) or re.fullmatch(r"\d{10}(\d{3})?", str(raw).strip()):
        # A Unix timestamp (seconds or milliseconds), as some sites' JSON carries.
        stamp = float(raw)
        parsed = datetime.fromtimestamp(stamp / 1000 if stamp > 1e11 else stamp, tz=UTC)
        return _plausible(parsed, raw, now)
    text = str(raw).strip()
    text = re.sub(r"^(edited|updated|posted|reviewed|written|published|date)(\s+on)?\s*:?\s*", "", text,
                  flags=re.IGNORECASE)
    parsed = _iso(text) or _numeric(text, date_order or "MDY") or dateparser.parse(
        text,
        settings={
            "RELATIVE_BASE": now.astimezone(UTC).replace(tzinfo=None),
            "TIMEZONE": "UTC",
            "TO_TIMEZONE": "UTC",
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DAY_OF_MONTH": "first",
            **({"DATE_ORDER": date_order} if date_order else {}),
        },
    )
    if parsed is None:
        log.warning("date %r not understood; stored without a date", raw)
        return None
    return _plausible(parsed, raw, now)


def _plausible(parsed: datetime, raw: object, now: datetime) -> str | None:
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


# "4.5/5", "8 out of 10", "4 von 5": the scale written into the value itself.
_OUT_OF = re.compile(r"(-?\d+(?:[.,]\d+)?)\s*(?:/|out\s+of|of|von|sur|su|de|van|av|z)\s*(\d+(?:[.,]\d+)?)",
                     re.IGNORECASE)


def normalise_rating(value: object, best: object = None, worst: object = None) -> float | None:
    """A rating on the 1-5 scale, mapped linearly from the page's worst..best scale.

    The scale is `best`/`worst` when given, else one written into the value ("4.5/5"); without either, the
    schema.org default 1..5, unless the value is above 5 (then 0..10 or 0..100, whichever holds it).
    """
    if isinstance(value, str) and best is None:
        match = _OUT_OF.search(value)
        if match:
            value, best = match.group(1), match.group(2)
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
