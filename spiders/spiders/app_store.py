"""`app_store`: Apple's customer-reviews feed for an app and country (Atom XML, for the dates), pages 1-10.

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

    def extract(self, response: Response) -> ReviewPage:
        return app_store.parse_app_store_feed(response.body, response.url, now=self.crawl_time)
