"""Downloader middleware: retries on 429 and 5xx that wait as long as the site's `Retry-After` asks."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater

log = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retry, plus a pause before retrying when the response says how long to wait."""

    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is not None and wait > self.max_wait:
            # Honour the site: do not retry sooner than asked; the spider reports the response as failed.
            log.warning("%s asked to wait %.0f s (Retry-After); not retrying in this run", request.url, wait)
            request.meta["retry_after"] = wait
            return response
        retry = self._retry(request, f"HTTP {response.status}")
        if retry is None:
            return response
        if wait:
            log.info("%s: HTTP %s, waiting %.1f s as Retry-After asks", request.url, response.status, wait)
            # Wait before handing the retry back, so it is not sent sooner than the site asked.
            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return retry
