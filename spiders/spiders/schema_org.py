"""`schema_org`: any page that marks reviews up with schema.org (JSON-LD, microdata or RDFa).

    scrapy crawl schema_org -a urls=https://example.com/reviews -O items.jsonl
"""

from __future__ import annotations

from scrapy.http import Response

from spiders.extract.schema_org import ReviewPage, parse_review_page
from spiders.spiders.base import ReviewSpider


class SchemaOrgSpider(ReviewSpider):
    name = "schema_org"

    def extract(self, response: Response) -> ReviewPage:
        if not hasattr(response, "text"):
            return ReviewPage(url=response.url)
        return parse_review_page(response.text, response.url, now=self.crawl_time)
