"""Extraction: pure functions that turn one page's text into review records; no Scrapy, no storage."""
