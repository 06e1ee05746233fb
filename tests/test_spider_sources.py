"""Trustpilot and App Store: offline extraction on saved pages, then real crawls against 127.0.0.1."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pytest

from reviewcare import store
from reviewcare.config import SourceConfig
from reviewcare.crawl import run_crawl
from reviewcare.demo_site.server import serve_pages
from spiders.extract.app_store import feed_url, next_page_url, parse_app_store_feed
from spiders.extract.trustpilot import first_page_url, parse_trustpilot_page

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "sites"
CRAWL_TIME = datetime(2024, 8, 1, tzinfo=UTC)
FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0}


def _shared(name: str) -> bytes:
    path = SITES / name
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path.read_bytes()


def test_trustpilot_fixture_matches_expected():
    expected = json.loads((FIXTURES / "trustpilot" / "company_page.json").read_text(encoding="utf-8"))
    html = (FIXTURES / "trustpilot" / "company_page.html").read_text(encoding="utf-8")
    page = parse_trustpilot_page(html, expected["url"], now=CRAWL_TIME)
    assert dataclasses.asdict(page) == expected
    assert page.reviews[0].reply_text.startswith("Hi Ruth")
    assert page.reviews[0].extra["verification"] == "invited"
    assert page.review_count == 3417


def test_app_store_fixture_matches_expected():
    expected = json.loads((FIXTURES / "app_store" / "feed_page1.json").read_text(encoding="utf-8"))
    body = (FIXTURES / "app_store" / "feed_page1.xml").read_bytes()
    page = parse_app_store_feed(body, expected["url"], now=CRAWL_TIME)
    assert dataclasses.asdict(page) == expected


def test_trustpilot_urls_ask_for_all_languages_newest_first():
    url = first_page_url("https://www.trustpilot.com/review/example.com")
    assert "languages=all" in url and "sort=recency" in url
    assert "languages=en" in first_page_url("https://www.trustpilot.com/review/example.com?languages=en")


def test_app_store_urls():
    assert feed_url("https://apps.apple.com/gb/app/calm-habits/id987654321") == \
        "https://itunes.apple.com/gb/rss/customerreviews/page=1/id=987654321/sortby=mostrecent/xml"
    assert feed_url("http://127.0.0.1:5/us/rss/customerreviews/page=1/id=5/sortby=mostrecent/json").endswith("/xml")
    assert next_page_url("http://h/us/rss/customerreviews/page=10/id=5/sortby=mostrecent/xml") is None
    assert next_page_url("http://h/us/rss/customerreviews/page=3/id=5/sortby=mostrecent/xml", last_page=3) is None
    assert next_page_url("http://h/us/rss/customerreviews/page=2/id=5/xml") == "http://h/us/rss/customerreviews/page=3/id=5/xml"


def test_real_app_store_feeds_xml_has_dates_json_does_not():
    url = "http://127.0.0.1/jp/rss/customerreviews/page=1/id=1404176564/sortby=mostrecent/xml"
    xml = parse_app_store_feed(_shared("app-store_rss_jp_raw.xml"), url)
    as_json = parse_app_store_feed(_shared("app-store_rss_jp_raw.json"), url)
    assert len(xml.reviews) == len(as_json.reviews) == 50
    assert all(r.published_at and r.published_at.startswith("2020-") for r in xml.reviews)
    assert xml.reviews[0].published_at == "2020-08-12T11:06:20+00:00"      # -07:00 converted to UTC
    assert all(r.published_at is None for r in as_json.reviews)           # never invented
    assert all(1 <= r.rating <= 5 and r.author and r.external_id for r in xml.reviews)
    assert len({r.external_id for r in xml.reviews}) == 50
    assert xml.next_url.startswith("http://127.0.0.1/") and "page=2" in xml.next_url   # stays on our host


def trustpilot_page(reviews: list[dict], *, page: int, pages: int, total: int, name: str = "B&H Photo") -> str:
    """A Trustpilot-shaped company page: review objects inside __NEXT_DATA__."""
    data = {"props": {"pageProps": {
        "businessUnit": {"displayName": name, "numberOfReviews": total, "trustScore": 4.7},
        "reviews": reviews,
        "filters": {"pagination": {"currentPage": page, "perPage": len(reviews), "totalPages": pages}},
    }}}
    payload = json.dumps(data).replace("<", "\\u003c")
    return (f"<!DOCTYPE html><html><head><title>{escape(name)} reviews</title></head><body>"
            f'<script id="__NEXT_DATA__" type="application/json">{payload}</script></body></html>')


def test_real_trustpilot_records_extracted_from_next_data():
    records = json.loads(_shared("trustpilot_reviews.json"))
    html = trustpilot_page(records, page=1, pages=1, total=len(records))
    page = parse_trustpilot_page(html, "https://www.trustpilot.com/review/bhphotovideo.com")
    assert len(page.reviews) == len(records)
    by_id = {r.external_id: r for r in page.reviews}
    for record in records:
        review = by_id[record["id"]]
        assert review.rating == record["rating"]
        assert review.author == record["consumer"]["displayName"].strip()
        assert review.published_at[:19] == record["dates"]["publishedDate"][:19]
    assert sum(1 for r in page.reviews if r.reply_text) == sum(1 for r in records if r.get("reply"))
    assert page.next_url is None


def test_trustpilot_crawl_follows_pages_and_keeps_reply_and_total(tmp_path):
    records = json.loads(_shared("trustpilot_reviews.json"))[:6]
    path = "/review/bhphotovideo.com"
    pages = {
        f"{path}?languages=all&sort=recency": trustpilot_page(records[:3], page=1, pages=2, total=6),
        f"{path}?languages=all&sort=recency&page=2": trustpilot_page(records[3:], page=2, pages=2, total=6),
    }
    server, base_url = serve_pages(pages)
    try:
        run = run_crawl(tmp_path / "tp.db", "bh", SourceConfig("trustpilot", base_url + path), settings=FAST,
                        timeout=120)
    finally:
        server.stop()
    assert run["status"] == "ok", run["message"]
    assert (run["pages"], run["new"]) == (2, 6)
    db = store.open_db(tmp_path / "tp.db")
    rows = list(db.query("select * from reviews"))
    health = store.source_health(db)[0]
    db.conn.close()
    assert {r["external_id"] for r in rows} == {r["id"] for r in records}
    assert all(json.loads(r["extra"])["verification"] == "invited" for r in rows)
    assert health["claimed_total"] == 6


def test_app_store_crawl_uses_xml_feed_for_dates(tmp_path):
    xml = _shared("app-store_rss_jp_raw.xml")
    feed = "/jp/rss/customerreviews/page={}/id=1404176564/sortby=mostrecent/xml"
    empty = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>'
    server, base_url = serve_pages({feed.format(1): xml.decode("utf-8"), feed.format(2): empty})
    try:
        # Given the JSON feed URL, the spider asks for the XML one, which has dates.
        json_url = base_url + feed.format(1).replace("/xml", "/json")
        run = run_crawl(tmp_path / "as.db", "app", SourceConfig("app_store", json_url), settings=FAST, timeout=120)
    finally:
        server.stop()
    assert run["status"] == "ok", run["message"]
    assert run["new"] == 50
    assert not any(p.endswith("/json") for p in server.requests)
    db = store.open_db(tmp_path / "as.db")
    rows = list(db.query("select published_at, language from reviews"))
    db.conn.close()
    assert all(r["published_at"].startswith("2020-") for r in rows)
    assert sum(r["language"] == "ja" for r in rows) >= 40
