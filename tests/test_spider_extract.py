"""Offline extraction: saved pages in, reviews out (no Scrapy, no network)."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from spiders.extract.blocking import detect_block_page
from spiders.extract.normalise import clean_text, normalise_rating, numeric_date_order, parse_date
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
    # a word or two in another script is never English, however short
    ("جميل جدا", "ar"),
    ("Отлично", "ru"),
    ("በጣም ጥሩነው", "und"),
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


# -- wider shapes (fixtures written for these cases; the parametrized test above checks every field) --------

def _page(case: str, url: str):
    html = (FIXTURES / f"{case}.html").read_text(encoding="utf-8")
    return parse_review_page(html, url, now=CRAWL_TIME)


def test_every_reviewed_type_and_review_property_name_is_found():
    page = _page("jsonld_types", "https://example.test/kestrel/reviews")
    # Product (review object), LocalBusiness (array), Hotel (old `reviews`), Recipe, SoftwareApplication.
    assert [r.author for r in page.reviews] == ["Priya S.", "Owen", "Bea", "Hanne", "Gwen", "Luis"]
    assert [r.text for r in page.reviews][3:] == [
        "Warm room, thin walls.", "Made it on a stove in the rain. Still great.", "Offline maps saved my trip."]
    assert "Recipe Writer" not in {r.author for r in page.reviews}
    assert page.review_count == 2318


def test_author_shapes_and_rating_scales():
    page = _page("jsonld_authors_ratings", "https://example.test/quayside-deli/reviews")
    got = [(r.author, r.rating) for r in page.reviews]
    assert got == [
        ("Ravi", 4.5),               # "4,5"
        ("Mona", 4.5),               # "4.5/5", first of two authors
        ("City Food Guide", 3.8),    # an Organization; 7 on 0..10
        ("Ines Duarte", 4.6),        # a Person referenced by @id; 90 of 100
        ("Theo", 4.11),              # 8 with no scale: out of 10
        ("Zara", 1.0),               # 0 on 0..5
    ]
    assert page.business_name == "Quayside Deli"


@pytest.mark.parametrize("case, expected", [
    # US English page: 03/04/2024 is March 4; other formats and the dateCreated fallback.
    ("jsonld_dates_en_us", ["2024-03-06T04:30:00+00:00", "2024-03-03T00:00:00+00:00", "2024-03-04T00:00:00+00:00",
                            "2024-02-14T09:15:00+00:00", "2024-02-05T00:00:00+00:00"]),
    # British page: 03/04/2024 is 3 April.
    ("jsonld_dates_en_gb", ["2024-04-03T00:00:00+00:00", "2024-05-07T18:45:00+00:00"]),
    # No language, but 14/03/2024 on the same page shows the order.
    ("jsonld_dates_evidence", ["2024-03-14T00:00:00+00:00", "2024-03-02T00:00:00+00:00"]),
    # German RDFa page with dotted dates.
    ("rdfa_vocab_https", ["2024-02-20T00:00:00+00:00", "2024-03-05T00:00:00+00:00"]),
])
def test_dates_follow_the_page_locale_rule(case, expected):
    page = _page(case, "https://example.test/x/reviews")
    assert [r.published_at for r in page.reviews] == expected


def test_bodies_from_any_property_with_entities_and_breaks_but_never_html():
    texts = [r.text for r in _page("jsonld_dates_en_us", "https://example.test/x/reviews").reviews]
    assert texts[0] == "Gentle & quick.\nBooked again."
    assert texts[1] == 'Front desk "lost" my forms.\n\nSorted in the end.'     # description
    assert texts[2] == "Caf\u00e9 next door while I waited \u2014 nice touch."    # text
    assert texts[4] == "I typed <b>bold</b> and it stays as I wrote it."


def test_an_invalid_jsonld_block_is_skipped_and_the_others_kept():
    page = _page("jsonld_invalid_block", "https://example.test/northgate-bikes/reviews")
    assert [r.author for r in page.reviews] == ["Kai", "Lior", "Maya"]
    assert "Broken" not in {r.author for r in page.reviews}


def test_same_review_in_jsonld_and_microdata_kept_once_and_completed():
    page = _page("jsonld_microdata_merge", "https://example.test/saltmarsh/reviews")
    assert [r.author for r in page.reviews] == ["Nadia", "Oscar", "Petra"]
    nadia, oscar, _ = page.reviews
    assert nadia.text.endswith("without being asked.")          # the full text, not the cut-short one
    assert oscar.published_at == "2024-04-10T00:00:00+00:00"    # date only the microdata carried
    assert oscar.external_id == "https://example.test/saltmarsh#r-882"


def test_microdata_with_plain_text_author_and_nested_rating():
    page = _page("microdata_plain_author", "https://example.test/harbor-auto/reviews")
    assert [(r.author, r.rating, r.published_at[:10], r.title) for r in page.reviews] == [
        ("Rosa M.", 4.0, "2024-04-02", "Honest quote"), ("Sam", 1.0, "2024-03-28", None)]
    assert (page.aggregate_rating, page.review_count) == (4.2, 57)


@pytest.mark.parametrize("case, url, expected", [
    ("page_link_next", "/olive-and-fig/reviews", "/olive-and-fig/reviews?page=2"),
    ("page_a_next", "/olive-and-fig/reviews?page=2", "/olive-and-fig/reviews?page=3"),
    ("page_query_numbers", "/olive-and-fig/reviews", "/olive-and-fig/reviews?page=2"),
    ("page_path", "/olive-and-fig/reviews/page/2/", "/olive-and-fig/reviews/page/3/"),
    ("page_button", "/olive-and-fig/reviews?p=2", "/olive-and-fig/reviews?p=3"),
    ("page_last", "/olive-and-fig/reviews?page=3", None),
])
def test_pagination_shapes(case, url, expected):
    page = _page(case, "https://example.test" + url)
    assert page.next_url == (None if expected is None else "https://example.test" + expected)
    assert len(page.reviews) == 1


@pytest.mark.parametrize("locale, samples, expected", [
    ("en-US", [], "MDY"), ("en", [], "MDY"), (None, [], "MDY"), ("en-GB", [], "DMY"), ("fr_FR", [], "DMY"),
    ("en-US", ["25/12/2023"], "DMY"), ("de", ["12/25/2023"], "MDY"), (None, ["03.04.2024"], "DMY"),
])
def test_numeric_date_order(locale, samples, expected):
    assert numeric_date_order(locale, samples) == expected


@pytest.mark.parametrize("raw, order, expected", [
    ("03/04/2024", "MDY", "2024-03-04T00:00:00+00:00"),
    ("03/04/2024", "DMY", "2024-04-03T00:00:00+00:00"),
    ("13/04/2024", "MDY", "2024-04-13T00:00:00+00:00"),    # 13 cannot be a month
    ("03/04/2024 9:05 pm", "MDY", "2024-03-04T21:05:00+00:00"),
    ("Posted on March 3, 2024", None, "2024-03-03T00:00:00+00:00"),
    ("2024-03-04T10:00:00+0100", None, "2024-03-04T09:00:00+00:00"),
    (1709251200, None, "2024-03-01T00:00:00+00:00"),      # Unix seconds
])
def test_parse_date_numeric_and_varied_formats(raw, order, expected):
    assert parse_date(raw, now=CRAWL_TIME, date_order=order) == expected


@pytest.mark.parametrize("value, expected", [("4,5", 4.5), ("4.5/5", 4.5), ("8 out of 10", 4.11), ("4 von 5", 4.0)])
def test_ratings_that_carry_their_scale(value, expected):
    assert normalise_rating(value) == expected


def test_doubly_escaped_text_is_decoded():
    assert clean_text("Fish &amp;amp; chips&lt;br /&gt;Great") == "Fish & chips\nGreat"


def test_a_url_shared_by_reviews_is_not_their_id_and_renamed_twins_are_merged():
    page = _page("jsonld_shared_url", "https://example.test/p/ridgeline-2/reviews?page=2")
    assert [(r.author, r.external_id) for r in page.reviews] == [
        ("Karen H.", None), ("Lee", None), ("Mo", "https://example.test/r/77120")]
