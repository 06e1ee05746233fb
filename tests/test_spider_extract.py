"""Offline extraction: saved pages in, reviews out (no Scrapy, no network)."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from spiders.extract.blocking import detect_block_page
from spiders.extract.normalise import clean_text, normalise_rating, parse_date
from spiders.extract.schema_org import find_next_url, parse_review_page, same_listing
from spiders.language import detect_language

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "schema_org"
SHARED_PAGES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "pages"
CRAWL_TIME = datetime(2024, 7, 1, tzinfo=UTC)


@pytest.mark.parametrize("case", sorted(p.stem for p in FIXTURES.glob("*.html")))
def test_fixture_pages_match_expected(case):
    expected = json.loads((FIXTURES / f"{case}.json").read_text(encoding="utf-8"))
    html = (FIXTURES / f"{case}.html").read_text(encoding="utf-8")
    page = parse_review_page(html, expected["url"], now=CRAWL_TIME)
    assert dataclasses.asdict(page) == expected


def test_jsonld_graph_normalises_rating_scale_dates_and_text():
    html = (FIXTURES / "jsonld_graph.html").read_text(encoding="utf-8")
    page = parse_review_page(html, "https://example.test/place/harbour-noodle-bar/reviews", now=CRAWL_TIME)
    first, second = page.reviews
    assert first.rating == 4.6                      # 9 on a 0-10 scale
    assert first.published_at == "2024-03-05T18:30:00+00:00"   # +01:00 converted to UTC
    assert first.text == "The tonkotsu broth was rich & silky.\nStaff were lovely \u2014 Mei remembered us."
    assert second.author == "Tom\u00e1s"            # mojibake repaired
    assert page.review_count == 1204 and page.business_name == "Harbour Noodle Bar"


def test_reviews_in_both_jsonld_and_microdata_are_kept_once():
    html = (FIXTURES / "mixed_duplicate.html").read_text(encoding="utf-8")
    page = parse_review_page(html, "https://example.test/corner-bakery/reviews", now=CRAWL_TIME)
    assert [r.author for r in page.reviews] == ["Lena", "Marc"]
    assert page.next_url is None    # a blog's "next post" link is not the next page of reviews


def _shared(name: str) -> str:
    path = SHARED_PAGES / name
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize("name, count, total, first_author, first_date", [
    ("recipescrapers_chefjeanpierre_1.html", 12, 12, "Karen Harrington", "2024-11-24"),
    ("recipescrapers_gimmesomeoven_1.html", 17, 17, "Kaitlyn", "2019-07-20"),
    # 60 reviews in the markup, one posted twice word for word by the same person on the same day.
    ("recipescrapers_hostthetoast_1.html", 59, 60, "Jamie Young", "2018-08-14"),
])
def test_real_recipe_pages_with_jsonld_review_arrays(name, count, total, first_author, first_date):
    page = parse_review_page(_shared(name), "https://example.test/recipe/")
    assert len(page.reviews) == count
    assert page.review_count == total
    assert page.reviews[0].author == first_author
    assert page.reviews[0].published_at.startswith(first_date)
    assert all(r.rating is not None and 1 <= r.rating <= 5 for r in page.reviews)
    assert all(r.text for r in page.reviews)
    keys = {(r.author, r.published_at, r.text) for r in page.reviews}
    assert len(keys) == len(page.reviews)
    # chefjeanpierre links the next recipe with <a rel="next">: not a page of these reviews.
    assert page.next_url is None


@pytest.mark.parametrize("name, rating, count, business", [
    ("extruct_schema.org_LocalBusiness.002.html", 4.0, 250, "GreatFood"),
    ("extruct_schema.org_product.html", 4.4, 89, "Executive Anvil"),
])
def test_real_microdata_aggregate_rating(name, rating, count, business):
    page = parse_review_page(_shared(name), "https://example.test/", now=CRAWL_TIME)
    assert page.reviews == []
    assert (page.aggregate_rating, page.review_count, page.business_name) == (rating, count, business)


@pytest.mark.parametrize("value, best, worst, expected", [
    (4, None, None, 4.0), ("4.5", "5", "1", 4.5), (9, 10, 0, 4.6), (80, 100, None, 4.2), (0, 10, 0, 1.0),
    (7, 5, 1, 5.0), ("n/a", None, None, None), (3, 3, 3, None),
])
def test_normalise_rating(value, best, worst, expected):
    assert normalise_rating(value, best, worst) == expected


@pytest.mark.parametrize("raw, expected", [
    ("2024-05-03", "2024-05-03T00:00:00+00:00"),
    ("May 3, 2024", "2024-05-03T00:00:00+00:00"),
    ("2024-05-03T10:00:00+02:00", "2024-05-03T08:00:00+00:00"),
    ("2 weeks ago", "2024-06-17T00:00:00+00:00"),
    ("Edited 3 days ago", "2024-06-28T00:00:00+00:00"),
    ("2099-01-01", None),          # in the future: implausible
    ("1890-01-01", None),          # before review sites existed
    ("not a date", None),
])
def test_parse_date(raw, expected):
    assert parse_date(raw, now=CRAWL_TIME) == expected


def test_clean_text_keeps_untrusted_markup_as_plain_text():
    assert clean_text("a&amp;b<br>next  line\r\n\r\n\r\nend") == "a&b\nnext line\n\nend"
    assert clean_text("I typed <script>alert(1)</script>") == "I typed <script>alert(1)</script>"
    assert clean_text("caf\u00c3\u00a9") == "caf\u00e9"
    assert clean_text("   ") is None


@pytest.mark.parametrize("text, expected", [
    ("The soup was cold and the waiter forgot about us.", "en"),
    ("Nous avons rendu visite à notre fils et le repas était excellent.", "fr"),
    ("Das Essen war sehr gut, aber der Service war langsam.", "de"),
    ("Great!", "und"),
    ("", "und"),
])
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_next_url_variants():
    base = "https://example.test/shop/reviews"
    assert find_next_url('<link rel="next" href="?page=2">', base) == base + "?page=2"
    assert find_next_url('<a href="/shop/reviews/page/2" aria-label="Next">&gt;</a>', base) \
        == "https://example.test/shop/reviews/page/2"
    assert find_next_url('<a href="/shop/reviews?page=2">Next page</a>', base) == base + "?page=2"
    assert find_next_url('<a href="/other-shop/reviews?page=2">Next</a>', base) is None
    assert find_next_url('<a href="#" class="next">Next</a>', base) is None
    # <link rel=next> in the head is trusted on the same host even when the path scheme differs.
    assert find_next_url('<link rel="next" href="/shop/r2.html">', base) == "https://example.test/shop/r2.html"
    assert find_next_url('<link rel="next" href="https://elsewhere.test/r2">', base) is None
    assert same_listing(base, base + "?page=3") and not same_listing(base, "https://other.test/shop/reviews")


def test_block_pages_are_recognised():
    assert detect_block_page('<div class="g-recaptcha" data-sitekey="x"></div>') == "a CAPTCHA page"
    assert detect_block_page("<title>Just a moment...</title>") == "a bot challenge page"
    assert detect_block_page("<h1>Harbour Noodle Bar</h1><p>Opening hours</p>") is None
