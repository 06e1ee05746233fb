"""Apple App Store customer-reviews feed (Atom XML or JSON), one feed page at a time.

    feed_url("https://apps.apple.com/us/app/some-app/id123456789")
    # "https://itunes.apple.com/us/rss/customerreviews/page=1/id=123456789/sortby=mostrecent/xml"
    page = parse_app_store_feed(body, url)

Only the XML feed carries a date per review (newer JSON feeds have one too, older ones do not), so the
spider asks for XML and reads the JSON feed only when the XML one is not there; a JSON review without a date is
left undated (`extra["date_unknown"]`) rather than given a wrong one. Apple serves at most 10 pages per app and
country. The first entry of older feeds describes the app itself and is skipped.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from lxml import etree

from spiders.extract.normalise import clean_text, normalise_rating, parse_date
from spiders.extract.schema_org import PageReview, ReviewPage

MAX_PAGES = 10
ATOM = "{http://www.w3.org/2005/Atom}"
IM = "{http://itunes.apple.com/rss}"
_APP_PAGE = re.compile(r"/(?P<cc>[a-z]{2})/app/(?:[^/]+/)?id(?P<id>\d+)", re.IGNORECASE)
_PAGE_NO = re.compile(r"(?<=/page=)(\d+)", re.IGNORECASE)


def feed_url(url: str) -> str:
    """The XML feed for an App Store app page or a feed URL (a JSON feed URL is switched to XML)."""
    match = _APP_PAGE.search(url)
    if match and "/rss/" not in url:
        return (f"https://itunes.apple.com/{match['cc'].lower()}/rss/customerreviews/page=1/id={match['id']}"
                "/sortby=mostrecent/xml")
    return re.sub(r"/json(?=$|\?)", "/xml", url)


def json_feed_url(url: str) -> str | None:
    """The JSON twin of an XML feed URL, or None when the URL does not name a format."""
    switched = re.sub(r"/xml(?=$|\?)", "/json", url)
    return switched if switched != url else None


def _is_app_entry(entry: dict) -> bool:
    """The entry older feeds put first: the app itself (it has a name and artwork, and no rating)."""
    return "im:rating" not in entry or "im:name" in entry


def page_number(url: str) -> int:
    match = _PAGE_NO.search(url)
    return int(match.group(1)) if match else 1


def next_page_url(url: str, last_page: int | None = None) -> str | None:
    """The following feed page on the same host, up to Apple's 10 (or the feed's stated last page)."""
    current = page_number(url)
    limit = min(MAX_PAGES, last_page or MAX_PAGES)
    if current >= limit or not _PAGE_NO.search(url):
        return None
    return _PAGE_NO.sub(str(current + 1), url, count=1)


def _label(node: object) -> str | None:
    if isinstance(node, dict):
        node = node.get("label")
    return None if node is None else str(node)


def _review_url(app_link: str | None, review_id: str, feed: str) -> str:
    return f"{app_link or feed}#review-{review_id}"


def _from_json(data: dict, url: str, now: datetime | None = None) -> ReviewPage:
    feed = data.get("feed") or {}
    entries = feed.get("entry") or []
    if isinstance(entries, dict):
        entries = [entries]
    page = ReviewPage(url=url)
    for entry in entries:
        if not isinstance(entry, dict) or _is_app_entry(entry):
            continue
        review_id = _label(entry.get("id")) or ""
        link = entry.get("link") or {}
        if isinstance(link, list):
            link = link[0] if link else {}
        href = (link.get("attributes") or {}).get("href") if isinstance(link, dict) else None
        # Newer JSON feeds date each entry; older ones do not, and then the date stays unknown.
        raw_date = (_label(entry.get("updated")) or "").strip() or None
        published_at = parse_date(raw_date, now=now) if raw_date else None
        extra: dict = {"app_version": _label(entry.get("im:version"))}
        if published_at is None:
            extra["date_unknown"] = True
        page.reviews.append(PageReview(
            external_id=review_id,
            url=_review_url(href, review_id, url),
            author=clean_text(_label((entry.get("author") or {}).get("name"))),
            rating=normalise_rating(_label(entry.get("im:rating"))),
            title=clean_text(_label(entry.get("title"))),
            text=clean_text(_label(entry.get("content"))),
            published_at=published_at, raw_date=raw_date, syntax="app-store-json",
            extra=extra,
        ))
    page.next_url = next_page_url(url, _last_page_json(feed)) if page.reviews else None
    return page


def _last_page_json(feed: dict) -> int | None:
    links = feed.get("link") or []
    for link in [links] if isinstance(links, dict) else links:
        attributes = (link.get("attributes") or {}) if isinstance(link, dict) else {}
        if attributes.get("rel") == "last":
            return page_number(attributes.get("href", ""))
    return None


def _from_xml(body: bytes, url: str, now: datetime | None) -> ReviewPage:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    root = etree.fromstring(body, parser=parser)
    page = ReviewPage(url=url)
    if root is None:
        return page
    last = None
    for link in root.findall(f"{ATOM}link"):
        if link.get("rel") == "last":
            last = page_number(link.get("href", ""))
    for entry in root.findall(f"{ATOM}entry"):
        rating = entry.findtext(f"{IM}rating")
        if rating is None or entry.find(f"{IM}name") is not None:
            continue   # the app itself, which older feeds list first
        review_id = (entry.findtext(f"{ATOM}id") or "").strip()
        content = next((c.text for c in entry.findall(f"{ATOM}content") if c.get("type", "text") == "text"), None)
        raw_date = (entry.findtext(f"{ATOM}updated") or "").strip() or None
        link = entry.find(f"{ATOM}link")
        page.reviews.append(PageReview(
            external_id=review_id,
            url=_review_url(link.get("href") if link is not None else None, review_id, url),
            author=clean_text(entry.findtext(f"{ATOM}author/{ATOM}name")),
            rating=normalise_rating(rating),
            title=clean_text(entry.findtext(f"{ATOM}title")),
            text=clean_text(content),
            published_at=parse_date(raw_date, now=now) if raw_date else None,
            raw_date=raw_date,
            syntax="app-store-xml",
            extra={"app_version": entry.findtext(f"{IM}version")},
        ))
    page.next_url = next_page_url(url, last) if page.reviews else None
    return page


def parse_app_store_feed(body: str | bytes, url: str, *, now: datetime | None = None) -> ReviewPage:
    """Reviews of one feed page, recognised by content: JSON (`{"feed": ...}`) or Atom XML."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    start = data.lstrip()[:1]
    if start == b"{":
        try:
            return _from_json(json.loads(data), url, now)
        except (json.JSONDecodeError, AttributeError):
            return ReviewPage(url=url)
    if start == b"<":
        try:
            return _from_xml(data.lstrip(), url, now)
        except etree.XMLSyntaxError:
            return ReviewPage(url=url)
    return ReviewPage(url=url)
