"""The review item every spider writes (DESIGN.md interface 4)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class ReviewItem:
    source: str                      # spider name: schema_org, trustpilot, app_store
    external_id: str                 # the site's id, or a stable hash of author, date and text
    url: str                         # where the review can be read
    business: str                    # business id (slug)
    author: str | None
    rating: float | None             # normalised to 1-5
    title: str | None
    text: str | None
    published_at: str | None         # ISO 8601 UTC
    language: str                    # ISO 639-1, or "und" when unsure
    reply_text: str | None = None
    reply_at: str | None = None
    raw_date: str | None = None      # the date exactly as the page showed it
    source_url: str = ""             # the start URL of the source this review came from
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)
