"""Reviews marked up with schema.org (JSON-LD, microdata, RDFa), extracted with extruct.

    page = parse_review_page(html, "https://example.com/reviews")
    page.reviews[0].rating, page.aggregate_rating, page.next_url

Pure: one page's HTML in, a `ReviewPage` out. Knows nothing of Scrapy or storage.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import parse_qsl, urldefrag, urljoin, urlparse

import extruct
from parsel import Selector

from spiders.extract.normalise import clean_text, normalise_rating, numeric_date_order, parse_date

log = logging.getLogger(__name__)

REVIEW_TYPES = {"Review", "UserReview", "CriticReview", "EmployerReview", "Recommendation"}
# Entities whose name is not the reviewed business.
NOT_BUSINESS_TYPES = {
    "WebPage", "WebSite", "BreadcrumbList", "ListItem", "ImageObject", "Person", "Rating", "AggregateRating",
    "SearchAction", "ItemList", "Comment", "VideoObject", "CollectionPage", "SiteNavigationElement",
}
SYNTAXES = ["json-ld", "microdata", "rdfa"]
NEXT_TEXT = re.compile(
    r"^\s*[›»>→]?\s*(next(\s+(page|reviews?))?|older(\s+reviews)?|(show\s+|see\s+)?more\s+reviews|suivante?|"
    r"page\s+suivante|weiter|nächste(\s+seite)?|siguiente|próxima|proxima|successiva|volgende|nästa|›|»|>|→)"
    r"\s*[›»>→]?\s*$", re.IGNORECASE)
# Query parameters and path segments that number the pages of a listing.
PAGE_PARAMS = ("page", "p", "pg", "pagina", "seite", "pageNumber", "page_no", "pageno")
_PAGE_IN_PATH = re.compile(r"/(page|p|seite|pagina)/(\d+)/?$", re.IGNORECASE)


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


# -- JSON-LD, one block at a time ------------------------------------------------------------------------

_JSON_COMMENT = re.compile(r"^\s*(<!--|-->|//\s*<!\[CDATA\[|//\s*\]\]>|<!\[CDATA\[|\]\]>)\s*$", re.MULTILINE)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def _load_jsonld(raw: str) -> object:
    """One JSON-LD block, repaired for the usual slips (HTML comment wrappers, trailing commas)."""
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", _JSON_COMMENT.sub("", raw)).strip().rstrip(";")
    return json.loads(repaired, strict=False)


def _local_keys(node: object) -> object:
    """`{"http://schema.org/reviewBody": x}` -> `{"reviewBody": x}`, all the way down."""
    if isinstance(node, list):
        return [_local_keys(child) for child in node]
    if isinstance(node, dict):
        return {(key if key.startswith("@") else _local(key)): _local_keys(value) for key, value in node.items()}
    return node


def jsonld_items(html: str, url: str = "") -> list:
    """Every JSON-LD block of the page, parsed on its own: a broken block is skipped, the others kept."""
    items: list = []
    scripts = Selector(text=html).xpath(
        "//script[contains(translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'),"
        " 'ld+json')]/text()").getall()
    for number, raw in enumerate(scripts, 1):
        if not raw.strip():
            continue
        try:
            data = _load_jsonld(raw)
        except ValueError as ex:
            log.warning("%s: JSON-LD block %d is not valid JSON (%s); skipped, the others are kept", url, number, ex)
            continue
        data = _local_keys(data)
        items.extend(data if isinstance(data, list) else [data])
    return items


def page_locale(html: str) -> str | None:
    """The page's language and region (`en-GB`), from `<html lang>` or its locale meta tags."""
    sel = Selector(text=html)
    for query in ("//html/@lang", "//html/@xml:lang", "//meta[@property='og:locale']/@content",
                  "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')='content-language']"
                  "/@content"):
        value = (sel.xpath(query).get() or "").strip()
        if value:
            return value.split(",")[0].strip()
    return None


# -- extraction ------------------------------------------------------------------------------------------

@dataclass
class _Found:
    reviews: list[tuple[dict, str | None, str, dict]] = field(default_factory=list)  # node, owner, syntax, index
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
        found.reviews.append((node, _name(reviewed) or owner, syntax, index))
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


def _resolve(value: object, index: dict) -> object:
    """A JSON-LD `{"@id": ...}` reference replaced by the node it names (lists resolved item by item)."""
    if isinstance(value, list):
        return [_resolve(v, index) for v in value]
    if isinstance(value, dict) and set(value) == {"@id"}:
        return index.get(value["@id"], value)
    return value


def _author(value: object, index: dict) -> str | None:
    """The reviewer's name: a string, a Person or Organization (maybe by reference), or the first of a list."""
    value = _resolve(value, index)
    if isinstance(value, list):
        names = [_author(v, index) for v in value]
        return next((n for n in names if n), None)
    if isinstance(value, dict):
        for key in ("name", "alternateName", "givenName"):
            if _first(value.get(key)):
                name = _name(value.get(key))
                family = _name(value.get("familyName")) if key == "givenName" else None
                return f"{name} {family}" if name and family else name
        return None
    return _name(value)


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


def _raw_date(node: dict) -> str | None:
    raw = _first(node.get("datePublished")) or _first(node.get("dateCreated")) or _first(node.get("dateModified"))
    return (str(raw).strip() or None) if raw is not None else None


def _thing_urls(items: object, page_url: str) -> set[str]:
    """URLs of everything on the page that is not a review (products, businesses, pages): never review ids."""
    urls: set[str] = set()
    pending = [items]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            if not _types(node) & REVIEW_TYPES:
                for key in ("url", "@id"):
                    value = _first(node.get(key))
                    if isinstance(value, str) and value:
                        urls.add(urldefrag(urljoin(page_url, value))[0])
            pending.extend(v for v in node.values() if isinstance(v, dict | list))
    return urls


def _review(node: dict, owner: str | None, syntax: str, page_url: str, now: datetime | None,
            index: dict | None = None, date_order: str | None = None,
            not_ids: set[str] | frozenset[str] = frozenset()) -> PageReview:
    index = index or {}
    node = {**node, "reviewRating": _resolve(node.get("reviewRating"), index)}
    raw_date = _raw_date(node)
    own_url = _first(node.get("url"))
    node_id = _first(node.get("@id")) or _first(node.get("id"))
    external_id = None
    if node_id and not str(node_id).startswith("_:"):
        external_id = str(node_id)
    elif own_url and ("#" in str(own_url) or (
            not same_listing(page_url, urljoin(page_url, str(own_url)))
            and urljoin(page_url, str(own_url)) not in not_ids)):
        # A permalink of its own; a `url` that is just the listing (any page of it) identifies nothing.
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
        author=_author(node.get("author"), index),
        rating=_rating_of(node),
        title=title,
        text=text,
        published_at=parse_date(raw_date, now=now, date_order=date_order) if raw_date else None,
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


_ELLIPSIS = re.compile(r"(\.\.\.|…)?\s*(read|see|show)\s+more\s*$|(\.\.\.|…)\s*$", re.IGNORECASE)


def _comparable(text: str | None) -> str:
    """Text reduced to lower-case words, for telling whether two markups carry the same review."""
    text = _ELLIPSIS.sub("", text or "")
    return " ".join(re.findall(r"\w+", text.lower()))


def _same_review(kept: PageReview, new: PageReview) -> bool:
    """Whether `new`, from another markup of the page, is a review already kept (same words, same person)."""
    if kept.external_id and kept.external_id == new.external_id:
        return True
    a, b = (kept.author or "").strip().lower(), (new.author or "").strip().lower()
    words_a, words_b = _comparable(kept.text), _comparable(new.text)
    if a and b and a != b:
        # Markups may name the same reviewer differently ("Karen H." / "Karen Harrington"); a long identical
        # text is still the same review. Short texts ("Great!") are too common to match on alone.
        return len(words_a) >= 40 and words_a == words_b
    if words_a and words_b:
        short, long = sorted((words_a, words_b), key=len)
        # A visible body is sometimes cut short ("... Read more") while the JSON-LD carries all of it.
        return short == long or (len(short) >= 40 and long.startswith(short))
    if words_a or words_b:
        return False
    return bool(a or b) and kept.rating == new.rating and \
        (kept.published_at or "")[:10] == (new.published_at or "")[:10]


def _merge(kept: PageReview, new: PageReview) -> None:
    """Fill what one markup left out from the other (a date only in microdata, say)."""
    for name in ("external_id", "author", "rating", "title", "published_at", "raw_date", "reply_text", "reply_at"):
        if getattr(kept, name) is None and getattr(new, name) is not None:
            setattr(kept, name, getattr(new, name))
    if new.text and len(new.text) > len(kept.text or ""):
        kept.text = new.text


def _drop_shared_ids(reviews: list[PageReview]) -> None:
    """An "id" that different reviews share (say, the product's URL on each) is no id: forget it."""
    owners: dict[tuple[str, str], set[tuple]] = {}
    for review in reviews:
        if review.external_id:
            content = (review.author, review.published_at, review.text, review.rating)
            owners.setdefault((review.syntax, review.external_id), set()).add(content)
    for review in reviews:
        if review.external_id and len(owners[(review.syntax, review.external_id)]) > 1:
            review.external_id = None


def dedupe_reviews(reviews: list[PageReview]) -> list[PageReview]:
    """Each review once: repeats within one markup by id or content, across markups by words and author."""
    _drop_shared_ids(reviews)
    kept: list[PageReview] = []
    seen: set[tuple] = set()
    for review in reviews:
        key = (review.syntax, _review_key(review))
        if key in seen:
            continue
        seen.add(key)
        twin = next((k for k in kept if k.syntax != review.syntax and _same_review(k, review)), None)
        if twin is not None:
            _merge(twin, review)
            continue
        kept.append(review)
    return kept


_PAGE_SUFFIX = re.compile(r"(/(page|p|seite|pagina))?/\d+/?$|[-_]p(age)?\d+/?$|/+$", re.IGNORECASE)


def _listing_path(url: str) -> str:
    return _PAGE_SUFFIX.sub("", urlparse(url).path) or "/"


def same_listing(url: str, candidate: str) -> bool:
    """Whether `candidate` is another page of the same listing (not, say, a blog's "next post")."""
    a, b = urlparse(url), urlparse(candidate)
    return a.netloc == b.netloc and _listing_path(url) == _listing_path(candidate)


def page_number(url: str) -> int | None:
    """The page number a listing URL names (`?page=3`, `/page/3/`), or None for an unnumbered first page."""
    parts = urlparse(url)
    query = {k.lower(): v for k, v in parse_qsl(parts.query)}
    for name in PAGE_PARAMS:
        value = query.get(name.lower(), "")
        if value.isdigit():
            return int(value)
    match = _PAGE_IN_PATH.search(parts.path)
    return int(match.group(2)) if match else None


def _disabled(node: Selector) -> bool:
    """A pagination control the page shows greyed out (the "Next" of a last page)."""
    if node.xpath("@disabled").get() is not None or (node.xpath("@aria-disabled").get() or "").lower() == "true":
        return True
    classes = " ".join(node.xpath("@class | parent::li/@class | parent::span/@class").getall())
    return re.search(r"(^|[\s_-])(disabled|inactive)($|[\s_-])", classes, re.IGNORECASE) is not None


def _control_target(node: Selector) -> str | None:
    """Where a link or button leads: its href, a data attribute, or a `location.href = ...` handler."""
    for attribute in ("href", "data-href", "data-url", "data-next", "data-link", "formaction"):
        value = (node.xpath(f"@{attribute}").get() or "").strip()
        if value and not value.startswith(("#", "javascript:", "mailto:", "tel:")):
            return value
    handler = node.xpath("@onclick").get() or ""
    match = re.search(r"""location(?:\.href)?\s*=\s*['"]([^'"]+)['"]""", handler)
    return match.group(1) if match else None


def _looks_like_next(node: Selector) -> bool:
    label = node.xpath("normalize-space(.)").get() or ""
    for text in (label, node.xpath("@aria-label").get() or "", node.xpath("@title").get() or ""):
        if NEXT_TEXT.match(text):
            return True
    classes = " ".join(node.xpath("@class | @id | @data-testid | @name").getall())
    return re.search(r"(^|[\s_-])next($|[\s_-])", classes, re.IGNORECASE) is not None


def find_next_url(html: str, url: str) -> str | None:
    """The next page of reviews: `rel=next`, the usual "Next" links and buttons, else the link to page n+1.

    Returns None on a last page (no next control, or only a disabled one).
    """
    sel = Selector(text=html)
    base = urljoin(url, sel.xpath("//base/@href").get() or url)
    here = urldefrag(url)[0]
    # <link rel=next> is the document's own statement about its pagination, so any page on the same host is
    # trusted. <a rel=next> is also how blogs link the next *post* (e.g. a recipe page's reviews would be
    # followed into another recipe's), so it, like any link that only looks like "Next", must stay within
    # the same listing.
    declared = sel.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href").getall()
    for href in declared:
        target = urljoin(base, (href or "").strip())
        if href and urlparse(target).netloc == urlparse(url).netloc and urldefrag(target)[0] != here:
            return target
    candidates = list(sel.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]"))
    candidates += [node for node in sel.xpath("//a | //button | //*[@role='button' or @role='link']")
                   if _looks_like_next(node)]
    for node in candidates:
        href = _control_target(node)
        if not href or _disabled(node):
            continue
        target = urljoin(base, href)
        if urldefrag(target)[0] != here and same_listing(url, target):
            return target
    # No control says "next": a numbered pager still links page n+1.
    wanted = (page_number(url) or 1) + 1
    for node in sel.xpath("//a[@href]"):
        target = urljoin(base, (node.xpath("@href").get() or "").strip())
        if page_number(target) == wanted and same_listing(url, target) and not _disabled(node):
            return target
    return None


def _position(html: str, review: PageReview) -> int:
    for probe in ((review.text or "")[:40], review.author or "", review.raw_date or ""):
        at = html.find(probe) if probe else -1
        if at >= 0:
            return at
    return len(html)


def parse_review_page(html: str, url: str, *, now: datetime | None = None) -> ReviewPage:
    """Every schema.org review on the page (deduplicated across syntaxes), its aggregate and next page."""
    page = ReviewPage(url=url, next_url=find_next_url(html, url))
    data: dict = {"json-ld": jsonld_items(html, url)}
    try:
        data.update(extruct.extract(html, base_url=url, syntaxes=["microdata", "rdfa"], uniform=True,
                                    errors="log"))
    except Exception as ex:  # extruct raises assorted parser errors on broken markup
        log.warning("%s: microdata/RDFa could not be parsed (%s)", url, ex)
    found = _Found()
    not_ids: set[str] = set()
    for syntax in SYNTAXES:
        items = data.get(syntax) or []
        if syntax == "rdfa":
            items = _compact_rdfa(items)
        index = _index(items)
        _walk(items, None, syntax, index, found)
        not_ids |= _thing_urls(items, url)

    date_order = numeric_date_order(page_locale(html), [d for n, *_ in found.reviews if (d := _raw_date(n))])
    reviews: list[PageReview] = []
    owners: dict[int, str] = {}
    for node, owner, syntax, index in found.reviews:
        review = _review(node, owner, syntax, url, now, index, date_order, not_ids)
        if owner:
            owners[id(review)] = owner
        reviews.append(review)
    # RDFa comes back from a graph in no fixed order; put its reviews in the order the page shows them.
    in_order = sorted((r for r in reviews if r.syntax == "rdfa"), key=lambda r: _position(html, r))
    reviews = [r for r in reviews if r.syntax != "rdfa"] + in_order
    page.reviews = dedupe_reviews(reviews)
    owner_names = [owners[id(r)] for r in page.reviews if id(r) in owners]
    aggregate_owner = None
    if found.aggregates:
        node, aggregate_owner = found.aggregates[0]
        page.aggregate_rating = normalise_rating(_first(node.get("ratingValue")), _first(node.get("bestRating")),
                                                 _first(node.get("worstRating")))
        count = _first(node.get("reviewCount")) or _first(node.get("ratingCount"))
        digits = re.sub(r"[^\d]", "", str(count)) if count is not None else ""
        page.review_count = int(digits) if digits else None
    page.business_name = (owner_names[0] if owner_names else None) or aggregate_owner
    return page
