"""Trustpilot company review pages: reviews from the page's `__NEXT_DATA__` JSON, JSON-LD as a fallback.

    page = parse_trustpilot_page(html, "https://www.trustpilot.com/review/example.com?languages=all")

Keeps the business's reply, the verification label and the total review count the page claims.
"""

from __future__ import annotations

import json
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlparse, urlunparse

from parsel import Selector

from spiders.extract.normalise import clean_text, normalise_rating, parse_date
from spiders.extract.schema_org import PageReview, ReviewPage, find_next_url, parse_review_page


def with_query(url: str, **params: str | int) -> str:
    """The URL with these query parameters set (others kept)."""
    parts = urlparse(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update({k: str(v) for k, v in params.items()})
    return urlunparse(parts._replace(query=urlencode(query)))


def first_page_url(url: str) -> str:
    """All languages, newest first, unless the URL already says otherwise."""
    query = dict(parse_qsl(urlparse(url).query))
    wanted = {k: v for k, v in (("languages", "all"), ("sort", "recency")) if k not in query}
    return with_query(url, **wanted) if wanted else url


def next_data(html: str) -> dict | None:
    raw = Selector(text=html).xpath('//script[@id="__NEXT_DATA__"]/text()').get()
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def _review(raw: dict, page_url: str, now: datetime | None) -> PageReview:
    dates = raw.get("dates") or {}
    raw_date = dates.get("publishedDate")
    reply = raw.get("reply") or {}
    verification = ((raw.get("labels") or {}).get("verification") or {})
    consumer = raw.get("consumer") or {}
    extra = {
        "verification": verification.get("verificationLevel"),
        "verified": verification.get("isVerified"),
        "site_language": raw.get("language"),
        "experienced_at": parse_date(dates.get("experiencedDate"), now=now) if dates.get("experiencedDate") else None,
        "edited_at": parse_date(dates.get("updatedDate"), now=now) if dates.get("updatedDate") else None,
        "author_country": consumer.get("countryCode"),
    }
    return PageReview(
        external_id=str(raw["id"]),
        url=urljoin(page_url, f"/reviews/{raw['id']}"),
        author=clean_text(consumer.get("displayName")),
        rating=normalise_rating(raw.get("rating")),
        title=clean_text(raw.get("title")),
        text=clean_text(raw.get("text")),
        published_at=parse_date(raw_date, now=now) if raw_date else None,
        raw_date=raw_date,
        reply_text=clean_text(reply.get("message")) if reply else None,
        reply_at=parse_date(reply.get("publishedDate"), now=now) if reply.get("publishedDate") else None,
        syntax="next-data",
        extra={k: v for k, v in extra.items() if v is not None},
    )


def parse_trustpilot_page(html: str, url: str, *, now: datetime | None = None) -> ReviewPage:
    """Reviews, business name, claimed total and next page of one Trustpilot company page."""
    data = next_data(html)
    props = ((data or {}).get("props") or {}).get("pageProps") or {}
    raw_reviews = props.get("reviews")
    if not isinstance(raw_reviews, list) or not raw_reviews:
        # No __NEXT_DATA__ reviews: the page may still carry them as schema.org JSON-LD.
        return parse_review_page(html, url, now=now)
    unit = props.get("businessUnit") or {}
    page = ReviewPage(url=url, business_name=clean_text(unit.get("displayName")))
    seen: set[str] = set()
    for raw in raw_reviews:
        if not isinstance(raw, dict) or "id" not in raw or str(raw["id"]) in seen:
            continue
        seen.add(str(raw["id"]))
        page.reviews.append(_review(raw, url, now))
    total = unit.get("numberOfReviews")
    page.review_count = int(total) if isinstance(total, int | float) else None
    page.aggregate_rating = normalise_rating(unit.get("trustScore")) if unit.get("trustScore") else None
    page.next_url = find_next_url(html, url)
    pagination = ((props.get("filters") or {}).get("pagination")) or {}
    current, pages = pagination.get("currentPage"), pagination.get("totalPages")
    if page.next_url is None and isinstance(current, int) and isinstance(pages, int) and current < pages:
        page.next_url = with_query(url, page=current + 1)
    return page
