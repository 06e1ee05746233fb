"""Read reviews exported from places that forbid crawling: JSON lines, CSV, Google Business Profile takeout.

    rows = read_reviews(Path("export.csv"), "csv", columns={"text": "Comment"})
    store.import_rows(db, source_id, rows)

Every row is checked before anything is stored, so a broken file changes nothing.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import UTC
from pathlib import Path

import dateparser

FORMATS = ("jsonl", "csv", "google-takeout")
DEFAULT_COLUMNS = {
    "id": "id", "author": "author", "rating": "rating", "title": "title", "text": "text",
    "published_at": "published_at", "reply_text": "reply_text",
}
STAR_WORDS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}


# Some exports glue the business's public answer onto the review text: "...lovely stay.Dear David,Thank you for
# sharing your experience ... Best Regards, Giorgia F. Senior Hospitality Agent". A salutation that opens a thank-you
# or an apology after the review's own words, and a sign-off after it, mark where the answer begins.
OWNER_REPLY_RE = re.compile(
    r"(?:(?<=[.!?…)\]\w])|^)\s*(Dear\s+(?:Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+)?([A-Za-z][\w'-]*)[\w.' -]{0,30}?\s*,\s*"
    r"(?:Thank you|Thanks|Many thanks|We |I |On behalf|Greetings)[\s\S]*)$")
SIGN_OFF_RE = re.compile(r"\b(?:Best Regards|Kind Regards|Warm Regards|Warmest Regards|Regards|Sincerely|Yours|"
                         r"Best wishes|With thanks|Manager|Hotel|Team|Agent|Director|Owner|Guest Relations)\b", re.I)


def split_owner_reply(text: str) -> tuple[str, str, str]:
    """(review, owner's reply, reviewer's first name from "Dear <name>,") when an answer is glued to the text;
    (text, "", "") otherwise."""
    m = OWNER_REPLY_RE.search(text or "")
    if not m or m.start(1) == 0 or not SIGN_OFF_RE.search(m.group(1)[-200:]):
        return text, "", ""
    name = m.group(2)
    name = name[0].upper() + name[1:] if name.lower() not in {"guest", "sir", "madam", "customer", "valued"} else ""
    return text[:m.start(1)].rstrip(), m.group(1).strip(), name


class ImportFileError(ValueError):
    """A file that cannot be imported, with the line and the fix."""


def guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if suffix == ".json":
        return "google-takeout"
    raise ImportFileError(f"{path}: cannot tell the format from the name; pass --format {'|'.join(FORMATS)}")


def parse_date(value: str | None, where: str) -> str | None:
    if value in (None, ""):
        return None
    parsed = dateparser.parse(str(value), settings={"TO_TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True})
    if parsed is None:
        raise ImportFileError(f"{where}: date {value!r} is not a date; write it as YYYY-MM-DD")
    return parsed.astimezone(UTC).replace(microsecond=0).isoformat()


def parse_rating(value, where: str) -> float | None:
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().upper() in STAR_WORDS:
        return float(STAR_WORDS[value.strip().upper()])
    try:
        rating = float(value)
    except (TypeError, ValueError):
        raise ImportFileError(f"{where}: rating {value!r} is not a number from 1 to 5; fix or empty it") from None
    if not 1 <= rating <= 5:
        raise ImportFileError(f"{where}: rating {rating:g} is outside 1-5; fix the value or the column mapping")
    return rating


def _row(raw: dict, where: str, source: str) -> dict:
    text = (raw.get("text") or "").strip()
    reply = (raw.get("reply_text") or "").strip()
    author = (raw.get("author") or "").strip()
    if not reply:
        text, reply, addressed = split_owner_reply(text)
        author = author or addressed  # "Dear David," names the reviewer the export left anonymous
    rating = parse_rating(raw.get("rating"), where)
    if not text and rating is None:
        raise ImportFileError(f"{where}: the row has neither text nor rating; remove it or fill one in")
    return {
        "source": raw.get("source") or source,
        "external_id": str(raw["id"]) if raw.get("id") not in (None, "") else None,
        "author": author or None,
        "rating": rating,
        "title": (raw.get("title") or "").strip() or None,
        "text": text,
        "published_at": parse_date(raw.get("published_at"), where),
        "reply_text": reply or None,
        "language": raw.get("language"),
    }


def read_reviews(path: Path, fmt: str | None = None, *, columns: dict[str, str] | None = None) -> list[dict]:
    """Parse a whole file into review rows; raise ImportFileError naming the line and the fix."""
    if not path.exists():
        raise ImportFileError(f"{path}: file not found")
    fmt = fmt or guess_format(path)
    if fmt == "jsonl":
        return _read_jsonl(path)
    if fmt == "csv":
        return _read_csv(path, {**DEFAULT_COLUMNS, **(columns or {})})
    if fmt == "google-takeout":
        return _read_takeout(path)
    raise ImportFileError(f"format {fmt!r} is not known; use one of {', '.join(FORMATS)}")


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as ex:
                raise ImportFileError(f"{where}: not valid JSON ({ex.msg}); fix or remove that line") from None
            if not isinstance(raw, dict):
                raise ImportFileError(f"{where}: expected an object like {{\"id\": ..., \"text\": ...}}")
            rows.append(_row(raw, where, "import"))
    return rows


def _read_csv(path: Path, columns: dict[str, str]) -> list[dict]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            if columns["text"] not in header and columns["rating"] not in header:
                raise ImportFileError(
                    f"{path}: no {columns['text']!r} or {columns['rating']!r} column (found: {', '.join(header)}); "
                    "map your columns in reviewcare.toml under [import.columns], e.g. text = \"Review\""
                )
            rows = []
            for number, record in enumerate(reader, 2):
                if None in record:
                    raise ImportFileError(f"{path}:{number}: more fields than the header has; quote fields with commas")
                raw = {key: record.get(column) for key, column in columns.items() if column in header}
                rows.append(_row(raw, f"{path}:{number}", "csv"))
            return rows
    except UnicodeDecodeError:
        raise ImportFileError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None
    except csv.Error as ex:
        raise ImportFileError(f"{path}: broken CSV ({ex}); check its quoting") from None


def _read_takeout(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as ex:
        raise ImportFileError(f"{path}: not a Google takeout JSON file ({ex}); pick the reviews.json file") from None
    reviews = data.get("reviews") if isinstance(data, dict) else data
    if not isinstance(reviews, list):
        raise ImportFileError(f"{path}: no \"reviews\" list found; pick the reviews.json file from the takeout")
    rows = []
    for number, review in enumerate(reviews, 1):
        where = f"{path} review {number}"
        reply = review.get("reviewReply") or {}
        raw = {
            "id": review.get("reviewId") or review.get("name"),
            "author": (review.get("reviewer") or {}).get("displayName"),
            "rating": review.get("starRating"),
            "text": review.get("comment") or "",
            "published_at": review.get("createTime"),
            "reply_text": reply.get("comment"),
            "source": "google",
        }
        rows.append(_row(raw, where, "google"))
    return rows
