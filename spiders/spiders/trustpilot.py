"""`trustpilot`: Trustpilot company review pages, all languages, newest first.

    scrapy crawl trustpilot -a urls=https://www.trustpilot.com/review/example.com -O items.jsonl
"""

from __future__ import annotations

from scrapy.http import Response

from spiders.extract import trustpilot
from spiders.extract.schema_org import ReviewPage
from spiders.spiders.base import ReviewSpider


class TrustpilotSpider(ReviewSpider):
    name = "trustpilot"

    def first_page_url(self, url: str) -> str:
        return trustpilot.first_page_url(url)

    def alternative_url(self, url: str, source_url: str) -> str | None:
        # A saved or mirrored page may exist only without the language and sorting parameters we add.
        return trustpilot.without_added_params(url, source_url)

    def extract(self, response: Response) -> ReviewPage:
        if not hasattr(response, "text"):
            return ReviewPage(url=response.url)
        return trustpilot.parse_trustpilot_page(response.text, response.url, now=self.crawl_time)
