"""Scrapy settings: polite by default.

The user agent names the project and a URL where site owners can reach whoever runs the crawler
(`REVIEWCARE_CONTACT_URL`, set by `reviewcare` from `[crawl] contact_url` in the config).
"""

from __future__ import annotations

import os

BOT_NAME = "reviewcare"
SPIDER_MODULES = ["spiders.spiders"]
NEWSPIDER_MODULE = "spiders.spiders"

DEFAULT_CONTACT_URL = "https://github.com/reviewcare/reviewcare"
USER_AGENT = f"ReviewCare/0.1 (+{os.environ.get('REVIEWCARE_CONTACT_URL') or DEFAULT_CONTACT_URL})"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
# A Retry-After longer than this is not waited for: the run fails and says when to try again.
RETRY_AFTER_MAX = 120.0

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.RetryAfterMiddleware": 550,
}
ITEM_PIPELINES = {
    "spiders.pipelines.ValidationPipeline": 100,
    "spiders.pipelines.StorePipeline": 800,
}

# The database the store pipeline writes to; empty means REVIEWCARE_DB or ./reviewcare.db.
REVIEWCARE_DB = os.environ.get("REVIEWCARE_DB", "")
# Set to False to only export items (-O file) without touching any database.
REVIEWCARE_STORE = True

FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = os.environ.get("REVIEWCARE_CRAWL_LOG_LEVEL", "INFO")
