"""`app_store`: Apple's customer-reviews feed for an app and country (Atom XML, for the dates), pages 1-10.

Given a JSON feed URL, the XML feed of the same app and country is read instead; only when that is missing is
the JSON feed read, with each review's date left unknown unless the feed itself states it.

    scrapy crawl app_store -a urls=https://apps.apple.com/us/app/some-app/id123456789 -O items.jsonl
"""

from __future__ import annotations

from scrapy.http import Response

from spiders.extract import app_store
from spiders.extract.schema_org import ReviewPage
from spiders.spiders.base import ReviewSpider


class AppStoreSpider(ReviewSpider):
    name = "app_store"

    def first_page_url(self, url: str) -> str:
        return app_store.feed_url(url)

    def alternative_url(self, url: str, source_url: str) -> str | None:
        # Given a JSON feed, the XML twin is asked for first (it has dates); without one, read the JSON feed.
        if app_store.feed_url(source_url) == source_url:
            return None
        return app_store.json_feed_url(url) if "/json" in source_url else None

    def extract(self, response: Response) -> ReviewPage:
        return app_store.parse_app_store_feed(response.body, response.url, now=self.crawl_time)
