"""What every review spider shares: start URLs, per-source bookkeeping, incremental paging, failures.

Subclasses implement `extract(response) -> ReviewPage` and set `name`; everything else is routing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

import scrapy
from scrapy import exceptions as scrapy_exceptions
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectError, DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from reviewcare.config import slugify
from reviewcare.store import fallback_external_id
from spiders.extract.blocking import detect_block_page
from spiders.extract.schema_org import ReviewPage
from spiders.items import ReviewItem
from spiders.language import detect_language

DEFAULT_MAX_PAGES = 500
# Scrapy 2.13+ wraps download errors in its own classes; older versions raise Twisted's.
_NOT_FOUND = tuple(filter(None, [DNSLookupError, getattr(scrapy_exceptions, "CannotResolveHostError", None)]))
_UNREACHABLE = tuple(filter(None, [
    ConnectError, TimeoutError, TCPTimedOutError, ConnectionError,
    getattr(scrapy_exceptions, "DownloadConnectionRefusedError", None),
    getattr(scrapy_exceptions, "DownloadTimeoutError", None),
    getattr(scrapy_exceptions, "DownloadFailedError", None),
]))


@dataclass
class SourceState:
    """What happened while crawling one start URL; the store pipeline turns it into a crawl run."""

    url: str
    business_id: str | None = None
    business_name: str | None = None
    pages: int = 0
    reviews_found: int = 0
    errors: int = 0
    claimed_total: int | None = None
    complete: bool = False          # reached the last page (so missing reviews were really removed)
    stopped_incremental: bool = False
    problems: list[str] = field(default_factory=list)   # each makes the run fail
    notes: list[str] = field(default_factory=list)      # worth saying, not a failure


def _truthy(value: object) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


class ReviewSpider(scrapy.Spider):
    """Base for review spiders: `-a urls=URL1,URL2 [-a business=ID] [-a full=1] [-a max_pages=N]`."""

    name = "review_base"

    def __init__(self, urls: str = "", business: str = "", full: str = "0",
                 max_pages: str | int = DEFAULT_MAX_PAGES, **kwargs: Any):
        super().__init__(**kwargs)
        self.urls = [u.strip() for u in str(urls).split(",") if u.strip()]
        if not self.urls:
            raise ValueError(f"{self.name}: no URL given; pass -a urls=https://example.com/reviews")
        for url in self.urls:
            if urlparse(url).scheme not in ("http", "https", "file"):
                raise ValueError(f"{self.name}: {url!r} is not an http(s) URL; write the full address")
        self.business_id = business.strip() or None
        self.full = _truthy(full)
        self.max_pages = int(max_pages)
        self.crawl_time = datetime.now(UTC)
        self.sources = {url: SourceState(url, business_id=self.business_id) for url in self.urls}
        self._requested: set[str] = set()
        # Set by the store pipeline: (state, external ids) -> the ids already stored for that source.
        self.known_ids: Callable[[SourceState, list[str]], set[str]] | None = None

    # -- routing ------------------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        for url in self.urls:
            yield self.page_request(self.first_page_url(url), url, 1)

    def first_page_url(self, url: str) -> str:
        """The URL to fetch first for a source URL (a spider may add sorting or language parameters)."""
        return url

    def alternative_url(self, url: str, source_url: str) -> str | None:
        """Another address for the same page, tried when `url` is missing (404) or holds no review.

        Spiders that rewrite the given URL (adding sorting, switching a feed's format) return the page as the
        source named it, so a site that only serves that form is still read.
        """
        return None

    def page_request(self, url: str, source_url: str, page_no: int) -> scrapy.Request:
        self._requested.add(url)
        return scrapy.Request(url, callback=self.parse_page, errback=self.on_error,
                              meta={"source_url": source_url, "page_no": page_no})

    def _fallback(self, url: str, source_url: str, page_no: int) -> scrapy.Request | None:
        alternative = self.alternative_url(url, source_url)
        if not alternative or alternative in self._requested:
            return None
        self.logger.info("%s: nothing usable there; trying %s", url, alternative)
        return self.page_request(alternative, source_url, page_no)

    def parse_page(self, response: Response) -> Iterator[Any]:
        state = self.sources[response.meta["source_url"]]
        page_no = response.meta["page_no"]
        state.pages += 1
        page = self.extract(response)
        if page.review_count is not None and page_no == 1:
            state.claimed_total = page.review_count
        if page.business_name and not state.business_name:
            state.business_name = page.business_name
        if not state.business_id:
            state.business_id = slugify(state.business_name or urlparse(state.url).netloc)
        if not page.reviews:
            # Only a first page is tried again elsewhere: an empty later page is the normal end of a listing.
            retry = self._fallback(response.url, state.url, page_no) if page_no == 1 else None
            if retry is not None:
                yield retry
                return
            self.no_reviews(response, state, page_no)
            return
        items = [self.make_item(review, state) for review in page.reviews]
        state.reviews_found += len(items)
        all_known = False
        if self.known_ids is not None and not self.full:
            ids = [item.external_id for item in items]
            all_known = set(ids) <= self.known_ids(state, ids)
        yield from items

        next_url = page.next_url
        if not next_url or next_url in self._requested:
            state.complete = True
        elif all_known:
            state.stopped_incremental = True
            self.logger.info("%s: every review on page %d is already stored; stopping (use full=1 to go on)",
                             response.url, page_no)
        elif page_no >= self.max_pages:
            state.notes.append(f"stopped after {self.max_pages} pages (max_pages)")
        else:
            yield self.page_request(next_url, state.url, page_no + 1)

    def extract(self, response: Response) -> ReviewPage:  # pragma: no cover - subclasses define it
        raise NotImplementedError

    # -- items --------------------------------------------------------------------------------------------

    def make_item(self, review: Any, state: SourceState) -> ReviewItem:
        external_id = review.external_id or fallback_external_id(review.author, review.published_at, review.text)
        return ReviewItem(
            source=self.name,
            external_id=external_id,
            url=review.url,
            business=state.business_id or "",
            author=review.author,
            rating=review.rating,
            title=review.title,
            text=review.text,
            published_at=review.published_at,
            language=detect_language(review.text or review.title),
            reply_text=review.reply_text,
            reply_at=review.reply_at,
            raw_date=review.raw_date,
            source_url=state.url,
            extra=dict(getattr(review, "extra", None) or {}),
        )

    # -- failures -----------------------------------------------------------------------------------------

    def no_reviews(self, response: Response, state: SourceState, page_no: int) -> None:
        block = detect_block_page(response.text)
        if block:
            state.problems.append(
                f"{response.url} served {block} (HTTP {response.status}) instead of reviews; "
                "the site is blocking the crawler, try later or import the reviews instead"
            )
        elif page_no == 1:
            state.problems.append(
                f"no reviews found on {response.url}; the page layout may have changed, or this is not a "
                f"page the {self.name} spider understands"
            )
        else:
            # An empty page at the end of a listing is normal on some sites.
            state.complete = True

    def on_error(self, failure: Failure) -> list[scrapy.Request] | None:
        request = failure.request
        state = self.sources[request.meta["source_url"]]
        url = request.url
        if failure.check(HttpError) and failure.value.response.status in (404, 410):
            retry = self._fallback(url, state.url, request.meta["page_no"])
            if retry is not None:
                return [retry]
        if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):
            message = f"robots.txt of {urlparse(url).netloc} forbids {url}; the crawler obeys it"
            if request.meta["page_no"] == 1:
                state.problems.append(message + " (nothing was crawled)")
            else:
                state.notes.append(message + " (stopped there)")
            return None
        state.errors += 1
        if failure.check(HttpError):
            response = failure.value.response
            wait = request.meta.get("retry_after")
            if wait:
                message = (f"HTTP {response.status} from {url}: the site asks to wait {wait:.0f} s "
                           "(Retry-After); try again later")
            elif response.status in (401, 403, 429):
                message = f"HTTP {response.status} from {url}: the site refused the crawler (blocked or rate-limited)"
            else:
                message = f"HTTP {response.status} from {url} after retries"
        elif failure.check(*_NOT_FOUND):
            message = f"could not reach {url}: host name not found; check the URL"
        elif failure.check(*_UNREACHABLE):
            name = failure.value.__class__.__name__.lower()
            reason = ("connection refused" if "refused" in name else "timed out" if "timeout" in name
                      or "timedout" in name else str(failure.value) or name)
            message = f"could not reach {url} ({reason}); check the URL and that the site is up"
        else:
            message = f"request to {url} failed: {failure.value}"
        state.problems.append(message)
        return None
