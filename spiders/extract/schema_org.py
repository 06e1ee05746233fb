"""Reviews marked up with schema.org (JSON-LD, microdata, RDFa), extracted with extruct.

    page = parse_review_page(html, "https://example.com/reviews")
    page.reviews[0].rating, page.aggregate_rating, page.next_url

Pure: one page's HTML in, a `ReviewPage` out. Knows nothing of Scrapy or storage.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urldefrag, urljoin, urlparse

import extruct
from parsel import Selector

from spiders.extract.normalise import clean_text, normalise_rating, parse_date

log = logging.getLogger(__name__)

REVIEW_TYPES = {"Review", "UserReview", "CriticReview", "EmployerReview", "Recommendation"}
# Entities whose name is not the reviewed business.
NOT_BUSINESS_TYPES = {
    "WebPage", "WebSite", "BreadcrumbList", "ListItem", "ImageObject", "Person", "Rating", "AggregateRating",
    "SearchAction", "ItemList", "Comment", "VideoObject", "CollectionPage", "SiteNavigationElement",
}
SYNTAXES = ["json-ld", "microdata", "rdfa"]
NEXT_TEXT = re.compile(r"^\s*(next(\s+page)?|older(\s+reviews)?|more\s+reviews|suivant|weiter|siguiente|›|»|>)"
                       r"\s*[›»>]?\s*$", re.IGNORECASE)


@dataclass
class PageReview:
    """One review as found on a page, already cleaned and normalised."""

    external_id: str | None
    url: str
    author: str | None
    rating: float | None
    title: str | None
    text: str | None
    published_at: str | None
    raw_date: str | None
    reply_text: str | None = None
    reply_at: str | None = None
    syntax: str = "json-ld"
    extra: dict = field(default_factory=dict)   # source-specific facts (verification label, app version, ...)


@dataclass
class ReviewPage:
    url: str
    reviews: list[PageReview] = field(default_factory=list)
    business_name: str | None = None
    aggregate_rating: float | None = None
    review_count: int | None = None
    next_url: str | None = None


# -- shape helpers ---------------------------------------------------------------------------------------

def _local(name: str) -> str:
    """`https://schema.org/Review` -> `Review`; `schema:name` -> `name`."""
    return re.split(r"[/#:]", name.rstrip("/"))[-1]


def _types(node: dict) -> set[str]:
    raw = node.get("@type") or []
    if isinstance(raw, str):
        raw = [raw]
    return {_local(str(t)) for t in raw}


def _first(value: object) -> object:
    """The first plain value of a property that may be a list or an `{"@value": ...}` wrapper."""
    while isinstance(value, list):
        if not value:
            return None
        value = value[0]
    if isinstance(value, dict) and "@value" in value:
        return value["@value"]
    return value


def _name(value: object) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = _first(value.get("name")) or _first(value.get("alternateName"))
    if value is None or isinstance(value, dict):
        return None
    return clean_text(value)


def _compact_rdfa(nodes: list[dict]) -> list[dict]:
    """Turn extruct's expanded RDFa graph into nested dicts keyed by local names, like uniform microdata."""
    index = {n.get("@id"): n for n in nodes if isinstance(n, dict) and n.get("@id")}
    referenced = {
        v["@id"] for n in nodes for vals in n.values() if isinstance(vals, list)
        for v in vals if isinstance(v, dict) and "@id" in v and len(v) == 1
    }

    def convert(node: dict, depth: int) -> dict:
        out: dict = {"@type": [_local(t) for t in node.get("@type", [])]}
        if node.get("@id") and not str(node["@id"]).startswith("_:"):
            out["@id"] = node["@id"]
        for key, values in node.items():
            if key.startswith("@") or not isinstance(values, list):
                continue
            converted = []
            for v in values:
                if isinstance(v, dict) and "@value" in v:
                    converted.append(v["@value"])
                elif isinstance(v, dict) and v.get("@id") in index and depth < 8:
                    converted.append(convert(index[v["@id"]], depth + 1))
                elif isinstance(v, dict) and "@id" in v:
                    converted.append(v["@id"])
            out[_local(key)] = converted[0] if len(converted) == 1 else converted
        return out

    return [convert(n, 0) for n in nodes if n.get("@type") and n.get("@id") not in referenced]


# -- extraction ------------------------------------------------------------------------------------------

@dataclass
class _Found:
    reviews: list[tuple[dict, str | None, str]] = field(default_factory=list)   # node, owner name, syntax
    aggregates: list[tuple[dict, str | None]] = field(default_factory=list)


def _walk(node: object, owner: str | None, syntax: str, index: dict, found: _Found, depth: int = 0) -> None:
    if depth > 30:
        return
    if isinstance(node, list):
        for child in node:
            _walk(child, owner, syntax, index, found, depth + 1)
        return
    if not isinstance(node, dict):
        return
    if set(node) == {"@id"} and node["@id"] in index:
        # A reference inside a JSON-LD @graph; reviews referenced this way are also walked as graph nodes.
        return
    types = _types(node)
    if types & REVIEW_TYPES:
        reviewed = node.get("itemReviewed")
        if isinstance(reviewed, dict) and set(reviewed) == {"@id"}:
            reviewed = index.get(reviewed["@id"], reviewed)
        found.reviews.append((node, _name(reviewed) or owner, syntax))
        return
    if "AggregateRating" in types:
        found.aggregates.append((node, owner))
        return
    if types and not types & NOT_BUSINESS_TYPES:
        owner = _name(node.get("name")) or owner
    for key, value in node.items():
        if key in ("@context", "@type", "@id"):
            continue
        _walk(value, owner, syntax, index, found, depth + 1)


def _index(items: list) -> dict:
    index: dict = {}

    def visit(node: object) -> None:
        if isinstance(node, list):
            for child in node:
                visit(child)
        elif isinstance(node, dict):
            if node.get("@id") and len(node) > 1:
                index.setdefault(node["@id"], node)
            for value in node.values():
                visit(value)

    visit(items)
    return index


def _rating_of(node: dict) -> float | None:
    rating = node.get("reviewRating")
    if isinstance(rating, list):
        rating = rating[0] if rating else None
    if isinstance(rating, dict):
        return normalise_rating(_first(rating.get("ratingValue")), _first(rating.get("bestRating")),
                                _first(rating.get("worstRating")))
    if rating is not None:
        return normalise_rating(_first(rating))
    if node.get("ratingValue") is not None:
        return normalise_rating(_first(node.get("ratingValue")), _first(node.get("bestRating")),
                                _first(node.get("worstRating")))
    return None


def _reply_of(node: dict, business: str | None, now: datetime | None) -> tuple[str | None, str | None]:
    """The business's public answer, when the page marks one up as a Comment by an Organization."""
    comments = node.get("comment") or []
    if isinstance(comments, dict):
        comments = [comments]
    for comment in comments if isinstance(comments, list) else []:
        if not isinstance(comment, dict):
            continue
        author = comment.get("author")
        author_types = _types(author) if isinstance(author, dict) else set()
        if author_types - {"Person"} or (business and _name(author) == business):
            text = clean_text(_first(comment.get("text")) or _first(comment.get("description")))
            date = _first(comment.get("dateCreated")) or _first(comment.get("datePublished"))
            return text, parse_date(date, now=now) if date else None
    return None, None


def _review(node: dict, owner: str | None, syntax: str, page_url: str, now: datetime | None) -> PageReview:
    raw_date = _first(node.get("datePublished")) or _first(node.get("dateCreated")) \
        or _first(node.get("dateModified"))
    raw_date = str(raw_date).strip() if raw_date is not None else None
    own_url = _first(node.get("url"))
    node_id = _first(node.get("@id")) or _first(node.get("id"))
    external_id = None
    if node_id and not str(node_id).startswith("_:"):
        external_id = str(node_id)
    elif own_url and urldefrag(urljoin(page_url, str(own_url)))[0] != urldefrag(page_url)[0] or (
            own_url and "#" in str(own_url)):
        external_id = urljoin(page_url, str(own_url))
    text = clean_text(_first(node.get("reviewBody")) or _first(node.get("text"))
                      or _first(node.get("description")))
    title = clean_text(_first(node.get("name")) or _first(node.get("headline")))
    if title and text and title == text:
        title = None
    reply_text, reply_at = _reply_of(node, owner, now)
    return PageReview(
        external_id=external_id,
        url=urljoin(page_url, str(own_url)) if own_url else page_url,
        author=_name(node.get("author")),
        rating=_rating_of(node),
        title=title,
        text=text,
        published_at=parse_date(raw_date, now=now) if raw_date else None,
        raw_date=raw_date,
        reply_text=reply_text,
        reply_at=reply_at,
        syntax=syntax,
    )


def _review_key(review: PageReview) -> tuple:
    if review.external_id:
        return ("id", review.external_id)
    return ("content", (review.author or "").lower(), (review.published_at or "")[:10],
            " ".join((review.text or "").split()))


_PAGE_SUFFIX = re.compile(r"(/(page|p|seite|pagina))?/\d+/?$|[-_]p(age)?\d+/?$|/+$", re.IGNORECASE)


def _listing_path(url: str) -> str:
    return _PAGE_SUFFIX.sub("", urlparse(url).path) or "/"


def same_listing(url: str, candidate: str) -> bool:
    """Whether `candidate` is another page of the same listing (not, say, a blog's "next post")."""
    a, b = urlparse(url), urlparse(candidate)
    return a.netloc == b.netloc and _listing_path(url) == _listing_path(candidate)


def find_next_url(html: str, url: str) -> str | None:
    """The next page of reviews: `rel=next` first, then the usual "Next" links and buttons."""
    sel = Selector(text=html)
    base = sel.xpath("//base/@href").get() or url
    # <link rel=next> is the document's own statement about its pagination, so any page on the same host is
    # trusted. <a rel=next> is also how blogs link the next *post* (e.g. a recipe page's reviews would be
    # followed into another recipe's), so it, like any link that only looks like "Next", must stay within
    # the same listing.
    declared = sel.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href").getall()
    for href in declared:
        target = urljoin(base, (href or "").strip())
        if href and urlparse(target).netloc == urlparse(url).netloc and urldefrag(target)[0] != urldefrag(url)[0]:
            return target
    candidates = sel.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href").getall()
    for anchor in sel.xpath("//a[@href]"):
        label = " ".join(anchor.xpath("normalize-space(.)").getall()) or ""
        aria = anchor.xpath("@aria-label").get() or ""
        classes = anchor.xpath("@class").get() or ""
        if (NEXT_TEXT.match(label) or NEXT_TEXT.match(aria)
                or re.search(r"(^|[\s_-])next($|[\s_-])", classes, re.IGNORECASE)):
            candidates.append(anchor.xpath("@href").get())
    for href in candidates:
        href = (href or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        target = urljoin(base, href)
        if urldefrag(target)[0] != urldefrag(url)[0] and same_listing(url, target):
            return target
    return None


def parse_review_page(html: str, url: str, *, now: datetime | None = None) -> ReviewPage:
    """Every schema.org review on the page (deduplicated across syntaxes), its aggregate and next page."""
    page = ReviewPage(url=url, next_url=find_next_url(html, url))
    try:
        data = extruct.extract(html, base_url=url, syntaxes=SYNTAXES, uniform=True, errors="log")
    except Exception as ex:  # extruct raises assorted parser errors on broken markup
        log.warning("%s: structured data could not be parsed (%s)", url, ex)
        return page
    found = _Found()
    for syntax in SYNTAXES:
        items = data.get(syntax) or []
        if syntax == "rdfa":
            items = _compact_rdfa(items)
        index = _index(items)
        _walk(items, None, syntax, index, found)

    seen: set[tuple] = set()
    owners: list[str] = []
    for node, owner, syntax in found.reviews:
        review = _review(node, owner, syntax, url, now)
        key = _review_key(review)
        if key in seen:
            continue
        seen.add(key)
        page.reviews.append(review)
        if owner:
            owners.append(owner)
    aggregate_owner = None
    if found.aggregates:
        node, aggregate_owner = found.aggregates[0]
        page.aggregate_rating = normalise_rating(_first(node.get("ratingValue")), _first(node.get("bestRating")),
                                                 _first(node.get("worstRating")))
        count = _first(node.get("reviewCount")) or _first(node.get("ratingCount"))
        digits = re.sub(r"[^\d]", "", str(count)) if count is not None else ""
        page.review_count = int(digits) if digits else None
    page.business_name = (owners[0] if owners else None) or aggregate_owner
    return page
