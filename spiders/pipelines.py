"""Item pipelines: validate and normalise each review, then store it through `reviewcare.store`.

The store pipeline also records one crawl run per start URL (source): pages, new, updated, unchanged,
removed, errors, and a failed status with a message whenever the crawl could not be trusted.
"""

from __future__ import annotations

import logging
import os
from dataclasses import asdict
from typing import Any
from urllib.parse import urlparse

from scrapy import signals
from scrapy.exceptions import DropItem

from reviewcare import store
from reviewcare.config import slugify
from spiders.items import ReviewItem
from spiders.spiders.base import SourceState

log = logging.getLogger(__name__)


class ValidationPipeline:
    """Drop reviews with neither text nor rating, clamp ratings to 1-5, and drop repeats within the crawl."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ReviewItem):
            return item
        if not item.text and item.rating is None:
            raise DropItem(f"review without text or rating on {item.url}")
        if item.rating is not None:
            item.rating = round(min(5.0, max(1.0, float(item.rating))), 2)
        key = (item.source_url, item.external_id)
        if key in self.seen:
            raise DropItem(f"duplicate review {item.external_id} on {item.url}")
        self.seen.add(key)
        return item


class StorePipeline:
    """Upsert reviews into the database named by REVIEWCARE_DB and record a crawl run per source."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.enabled = settings.getbool("REVIEWCARE_STORE", True)
        self.db_path = settings.get("REVIEWCARE_DB") or os.environ.get("REVIEWCARE_DB") or "reviewcare.db"
        self.db = None
        self.started_at = ""
        self.runs: dict[str, dict] = {}   # start URL -> {"source_id", "run_id", "new", "updated", ...}

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        if not self.enabled:
            return
        spider = self.crawler.spider
        self.db = store.open_db(self.db_path)
        self.started_at = store.now_iso()
        spider.known_ids = self.known_ids
        for state in getattr(spider, "sources", {}).values():
            if state.business_id:
                self._run(state)

    def _run(self, state: SourceState) -> dict:
        """The source and crawl run of a start URL, created the first time they are needed."""
        if state.url in self.runs:
            return self.runs[state.url]
        business_id = state.business_id or store_fallback_business(state.url)
        state.business_id = business_id
        if business_id not in {b["id"] for b in store.list_businesses(self.db)}:
            store.upsert_business(self.db, business_id, state.business_name or business_id)
        source_id = store.ensure_source(self.db, business_id, self.crawler.spider.name, state.url)
        run_id = store.start_crawl_run(self.db, source_id)
        self.runs[state.url] = {"source_id": source_id, "run_id": run_id, "new": 0, "updated": 0,
                                "unchanged": 0, "errors": 0}
        return self.runs[state.url]

    def known_ids(self, state: SourceState, external_ids: list[str]) -> set[str]:
        return store.known_external_ids(self.db, self._run(state)["source_id"], external_ids)

    def process_item(self, item: Any) -> Any:
        if not self.enabled or not isinstance(item, ReviewItem):
            return item
        spider = self.crawler.spider
        run = self._run(spider.sources[item.source_url])
        record = asdict(item)
        record.update(record.pop("extra") or {})
        try:
            status = store.save_review(self.db, run["source_id"], record)
        except Exception as ex:  # one unstorable review must not lose the others
            run["errors"] += 1
            log.error("could not store review %s from %s: %s", item.external_id, item.url, ex)
            return item
        run[status] += 1
        return item

    def spider_closed(self, spider, reason: str) -> None:
        if not self.enabled or self.db is None:
            return
        for state in spider.sources.values():
            run = self._run(state)
            status, message = crawl_outcome(state, reason, run)
            removed = 0
            if status == "ok" and spider.full and state.complete:
                removed = store.mark_removed(self.db, run["source_id"], self.started_at)
            if state.claimed_total is not None:
                store.set_claimed_total(self.db, run["source_id"], state.claimed_total)
            store.finish_crawl_run(
                self.db, run["run_id"], status=status, message=message, pages=state.pages, new=run["new"],
                updated=run["updated"], unchanged=run["unchanged"], removed=removed,
                errors=state.errors + run["errors"],
            )
            log.info("crawl of %s: %s - %s", state.url, status, message)
        self.db.conn.close()


def store_fallback_business(url: str) -> str:
    return slugify(urlparse(url).netloc)


def crawl_outcome(state: SourceState, reason: str, run: dict) -> tuple[str, str]:
    """("ok" | "failed", message) for one source, given what the spider saw and the pipeline stored."""
    counts = (f"{state.pages} page(s), {run['new']} new, {run['updated']} updated, "
              f"{run['unchanged']} unchanged")
    if reason != "finished":
        return "failed", f"crawl stopped before the end ({reason}); {counts}"
    if state.problems:
        return "failed", "; ".join(state.problems) + f" [{counts}]"
    if state.pages == 0:
        return "failed", f"nothing was fetched from {state.url}; check the URL and that the site is up"
    if state.reviews_found == 0:
        return "failed", (f"no reviews found on {state.url}; the page layout may have changed, or a CAPTCHA "
                          "or block page was served")
    notes = list(state.notes)
    if state.stopped_incremental:
        notes.append("stopped at a page of reviews already stored")
    return "ok", counts + (f" ({'; '.join(notes)})" if notes else "")
