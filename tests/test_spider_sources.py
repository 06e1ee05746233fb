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


def crawl_served(tmp_path: Path, pages: dict, spider: str, start: str, db_name: str = "crawl.db"):
    """Serve `pages` on 127.0.0.1, crawl from the path `start` with the real spider and stop the server; return the
    crawl run and the server (for its request log)."""
    server, base_url = serve_pages(pages)
    try:
        run = run_crawl(tmp_path / db_name, "biz", SourceConfig(spider, base_url + start), settings=FAST, timeout=120)
    finally:
        server.stop()
    return run, server


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
    run, server = crawl_served(tmp_path, pages, "trustpilot", path, "tp.db")
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
    # Given the JSON feed URL, the spider asks for the XML one, which has dates.
    run, server = crawl_served(tmp_path, {feed.format(1): xml.decode("utf-8"), feed.format(2): empty}, "app_store",
                               feed.format(1).replace("/xml", "/json"), "as.db")
    assert run["status"] == "ok", run["message"]
    assert run["new"] == 50
    assert not any(p.endswith("/json") for p in server.requests)
    db = store.open_db(tmp_path / "as.db")
    rows = list(db.query("select published_at, language from reviews"))
    db.conn.close()
    assert all(r["published_at"].startswith("2020-") for r in rows)
    assert sum(r["language"] == "ja" for r in rows) >= 40


# -- wider shapes, offline ------------------------------------------------------------------------------

@pytest.mark.parametrize("case, page_no", [("page2_relative_next", 2), ("last_page", 3), ("jsonld_fallback", 1)])
def test_trustpilot_fixtures_match_expected(case, page_no):
    expected = json.loads((FIXTURES / "trustpilot" / f"{case}.json").read_text(encoding="utf-8"))
    html = (FIXTURES / "trustpilot" / f"{case}.html").read_text(encoding="utf-8")
    page = parse_trustpilot_page(html, expected["url"], now=CRAWL_TIME)
    assert expected["url"].endswith(f"page={page_no}")
    assert dataclasses.asdict(page) == expected


def test_trustpilot_page_details():
    html = (FIXTURES / "trustpilot" / "page2_relative_next.html").read_text(encoding="utf-8")
    page = parse_trustpilot_page(html, "http://127.0.0.1:9/review/lumenlamps.example?page=2", now=CRAWL_TIME)
    star_only, edited, german = page.reviews
    assert (star_only.rating, star_only.text, star_only.author) == (5.0, None, "Joon Park")
    assert edited.reply_text.startswith("Marta, we are sorry") and edited.reply_at == "2024-07-19T09:00:00+00:00"
    assert edited.extra["edited_at"] == "2024-07-30T10:00:00+00:00"
    assert edited.text == ("The shade was dented & the box was fine, so it left the warehouse like that.\n"
                           "Replacement took 12 days.")
    assert german.extra["site_language"] == "de" and german.extra["verification"] == "invited"
    assert page.next_url == "http://127.0.0.1:9/review/lumenlamps.example?page=3"   # stays on the host crawled
    last = parse_trustpilot_page((FIXTURES / "trustpilot" / "last_page.html").read_text(encoding="utf-8"),
                                 "http://127.0.0.1:9/review/lumenlamps.example?page=3", now=CRAWL_TIME)
    assert last.next_url is None and last.review_count == 3417     # totalCount when numberOfReviews is absent


def test_trustpilot_jsonld_fallback_keeps_the_same_ids_as_next_data():
    html = (FIXTURES / "trustpilot" / "jsonld_fallback.html").read_text(encoding="utf-8")
    page = parse_trustpilot_page(html, "http://127.0.0.1:9/review/lumenlamps.example", now=CRAWL_TIME)
    assert [r.external_id for r in page.reviews] == ["66b2a0c2e4b0aa0011223405", "66b2a0c2e4b0aa0011223406"]
    assert page.business_name == "Lumen Lamps" and page.review_count == 3417
    assert [(r.author, r.rating, r.title) for r in page.reviews] == [("Lea", 5.0, "Bright and warm"),
                                                                     ("Ngozi", 2.0, "Slow refund")]


@pytest.mark.parametrize("case, feed", [
    ("json_feed_app_first", "json_feed_app_first.feed.json"),
    ("json_feed_dated", "json_feed_dated.feed.json"),
    ("xml_feed_app_first", "xml_feed_app_first.xml"),
])
def test_app_store_fixtures_match_expected(case, feed):
    expected = json.loads((FIXTURES / "app_store" / f"{case}.json").read_text(encoding="utf-8"))
    page = parse_app_store_feed((FIXTURES / "app_store" / feed).read_bytes(), expected["url"], now=CRAWL_TIME)
    assert dataclasses.asdict(page) == expected


def test_app_store_app_entry_skipped_and_dates_never_invented():
    url = "http://127.0.0.1:9/gb/rss/customerreviews/page=1/id=555000111/sortby=mostrecent/json"
    old = parse_app_store_feed((FIXTURES / "app_store" / "json_feed_app_first.feed.json").read_bytes(), url)
    assert [r.author for r in old.reviews] == ["saltyskipper", "Gill R"]       # not "Tide Times Pro"
    assert all(r.published_at is None and r.extra["date_unknown"] for r in old.reviews)
    dated = parse_app_store_feed((FIXTURES / "app_store" / "json_feed_dated.feed.json").read_bytes(), url)
    assert dated.reviews[0].published_at == "2024-06-30T06:10:00+00:00"
    xml = parse_app_store_feed((FIXTURES / "app_store" / "xml_feed_app_first.xml").read_bytes(),
                               url.replace("page=1", "page=10").replace("/json", "/xml"))
    assert [(r.author, r.rating, r.extra["app_version"]) for r in xml.reviews] == [
        ("Kernow Kayaks", 5.0, "3.9.0"), ("pete_b", 1.0, "3.8.2")]
    assert xml.next_url is None    # page 10 is the last Apple serves


# -- wider shapes, real crawls on 127.0.0.1 -------------------------------------------------------------

def test_trustpilot_crawl_falls_back_to_the_page_as_given(tmp_path):
    """A site that only serves the bare company URL (no language/sort parameters) is still crawled."""
    records = json.loads(_shared("trustpilot_reviews.json"))[:4]
    path = "/review/bhphotovideo.com"
    pages = {path: trustpilot_page(records[:2], page=1, pages=2, total=4),
             f"{path}?page=2": trustpilot_page(records[2:], page=2, pages=2, total=4)}
    run, server = crawl_served(tmp_path, pages, "trustpilot", path, "tp.db")
    assert run["status"] == "ok", run["message"]
    assert run["new"] == 4
    assert server.requests.count(path) == 1 and server.requests.count(f"{path}?page=2") == 1


def _feed_xml(page: int, ids: list[str]) -> str:
    entries = "".join(
        f"<entry><updated>2024-0{1 + page % 9}-1{n}T10:00:00-07:00</updated><id>{i}</id><title>T{i}</title>"
        f'<content type="text">Review {i} text.</content><im:rating>{1 + n % 5}</im:rating>'
        f"<im:version>1.{page}</im:version><author><name>user{i}</name></author></entry>"
        for n, i in enumerate(ids))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns:im="http://itunes.apple.com/rss" '
            f'xmlns="http://www.w3.org/2005/Atom"><title>Customer Reviews</title>{entries}</feed>')


def test_app_store_crawl_stops_at_ten_pages(tmp_path):
    feed = "/gb/rss/customerreviews/page={}/id=555000111/sortby=mostrecent/xml"
    pages = {feed.format(p): _feed_xml(p, [f"{p}{n:02d}" for n in range(3)]) for p in range(1, 12)}
    run, server = crawl_served(tmp_path, pages, "app_store", feed.format(1), "as.db")
    assert run["status"] == "ok", run["message"]
    assert (run["pages"], run["new"]) == (10, 30)
    assert feed.format(11) not in server.requests


def test_app_store_crawl_reads_json_feed_when_xml_is_missing_and_leaves_dates_unknown(tmp_path):
    feed = "/gb/rss/customerreviews/page=1/id=555000111/sortby=mostrecent/json"
    body = (FIXTURES / "app_store" / "json_feed_app_first.feed.json").read_text(encoding="utf-8")
    empty = '{"feed": {"author": {"name": {"label": "iTunes Store"}}, "title": {"label": "Customer Reviews"}}}'
    run, server = crawl_served(tmp_path, {feed: body, feed.replace("page=1", "page=2"): empty}, "app_store", feed,
                               "as.db")
    assert run["status"] == "ok", run["message"]
    assert run["new"] == 2
    assert server.requests[1:3] == [feed.replace("/json", "/xml"), feed]     # XML asked first, for the dates
    db = store.open_db(tmp_path / "as.db")
    rows = list(db.query("select author, rating, published_at from reviews order by author"))
    db.conn.close()
    assert [(r["author"], r["rating"], r["published_at"]) for r in rows] == [("Gill R", 2, None),
                                                                              ("saltyskipper", 5, None)]
