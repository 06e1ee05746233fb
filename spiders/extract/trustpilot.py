"""Trustpilot company review pages: reviews from the page's `__NEXT_DATA__` JSON, JSON-LD as a fallback.

    page = parse_trustpilot_page(html, "https://www.trustpilot.com/review/example.com?languages=all")

Keeps the business's reply, the verification label and the total review count the page claims.
"""

from __future__ import annotations

import json
import re
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


def without_added_params(url: str, source_url: str) -> str | None:
    """`url` without the `languages`/`sort` parameters that `first_page_url` added to `source_url`, or None."""
    given = dict(parse_qsl(urlparse(source_url).query))
    parts = urlparse(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k not in ("languages", "sort") or k in given]
    plain = urlunparse(parts._replace(query=urlencode(query)))
    return plain if plain != url else None


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


# A Trustpilot review id (24 hex digits) at the end of a JSON-LD @id or review URL.
_REVIEW_ID = re.compile(r"([0-9a-f]{24})/?$", re.IGNORECASE)


def _looks_like_reviews(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(v, dict) and "id" in v and "rating" in v and ("consumer" in v or "dates" in v) for v in value)


def _find_reviews(props: dict) -> list[dict] | None:
    """`pageProps.reviews`, or (should the page move it) the first list of review objects under pageProps."""
    if _looks_like_reviews(props.get("reviews")):
        return props["reviews"]
    pending: list[tuple[object, int]] = [(props, 0)]
    while pending:
        node, depth = pending.pop(0)
        if _looks_like_reviews(node):
            return node   # type: ignore[return-value]
        if depth < 4 and isinstance(node, dict):
            pending.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
    return None


def _from_jsonld(html: str, url: str, now: datetime | None) -> ReviewPage:
    """The JSON-LD fallback, with ids made the same as `__NEXT_DATA__`'s so a review keeps one identity."""
    page = parse_review_page(html, url, now=now)
    for review in page.reviews:
        match = _REVIEW_ID.search(review.external_id or "") or _REVIEW_ID.search(review.url or "")
        if match:
            review.external_id = match.group(1)
            review.url = urljoin(url, f"/reviews/{match.group(1)}")
    return page


def parse_trustpilot_page(html: str, url: str, *, now: datetime | None = None) -> ReviewPage:
    """Reviews, business name, claimed total and next page of one Trustpilot company page."""
    data = next_data(html)
    props = ((data or {}).get("props") or {}).get("pageProps") or {}
    raw_reviews = _find_reviews(props) if isinstance(props, dict) else None
    if not raw_reviews:
        # No __NEXT_DATA__ reviews: the page may still carry them as schema.org JSON-LD.
        return _from_jsonld(html, url, now)
    unit = props.get("businessUnit") or {}
    page = ReviewPage(url=url, business_name=clean_text(unit.get("displayName")))
    seen: set[str] = set()
    for raw in raw_reviews:
        if not isinstance(raw, dict) or "id" not in raw or str(raw["id"]) in seen:
            continue
        seen.add(str(raw["id"]))
        page.reviews.append(_review(raw, url, now))
    pagination = ((props.get("filters") or {}).get("pagination")) or {}
    total = unit.get("numberOfReviews")
    if not isinstance(total, int | float):
        total = pagination.get("totalCount")
    page.review_count = int(total) if isinstance(total, int | float) else None
    page.aggregate_rating = normalise_rating(unit.get("trustScore")) if unit.get("trustScore") else None
    page.next_url = find_next_url(html, url)
    current, pages = pagination.get("currentPage"), pagination.get("totalPages")
    if page.next_url is None and isinstance(current, int) and isinstance(pages, int) and current < pages:
        page.next_url = with_query(url, page=current + 1)
    return page
