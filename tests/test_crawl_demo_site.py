"""The bundled demo site: safe HTML, valid schema.org markup in both syntaxes, and a complete crawl."""

from __future__ import annotations

import urllib.request

from reviewcare import store
from reviewcare.config import SourceConfig
from reviewcare.crawl import run_crawl
from reviewcare.demo_site.render import render_site
from reviewcare.demo_site.server import load_demo_data, serve_demo_site
from spiders.extract.schema_org import parse_review_page

HOSTILE = {"id": "x1", "author": "<img src=x onerror=alert(1)>", "rating": 1, "title": "</script><b>hi</b>",
           "text": "Try </script><script>alert(1)</script> & see", "date": "2024-01-02", "reply": None}


def test_rendered_pages_escape_review_text_and_keep_it_exact():
    pages = render_site([HOSTILE], {"name": "Safe & Sound"}, base_url="http://127.0.0.1:1", microdata_every=0)
    html = pages["/reviews"]
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert html.count("</script>") == 1          # only the JSON-LD block's own end tag
    page = parse_review_page(html, "http://127.0.0.1:1/reviews")
    (review,) = page.reviews
    assert (review.author, review.title, review.text) == (HOSTILE["author"], HOSTILE["title"], HOSTILE["text"])


def test_demo_pages_use_both_jsonld_and_microdata_and_link_next():
    reviews, business = load_demo_data()
    pages = render_site(reviews, business, base_url="http://127.0.0.1:1")
    assert len(pages) == -(-len(reviews) // 20)
    first = parse_review_page(pages["/reviews"], "http://127.0.0.1:1/reviews")
    assert {r.syntax for r in first.reviews} == {"json-ld", "microdata"}
    assert len(first.reviews) == 20 and first.review_count == len(reviews)
    assert first.next_url == "http://127.0.0.1:1/reviews?page=2"
    second = parse_review_page(pages["/reviews?page=2"], "http://127.0.0.1:1/reviews?page=2")
    # Newest first: nothing on page 2 is newer than anything on page 1.
    assert min(r.published_at for r in first.reviews) >= max(r.published_at for r in second.reviews)


def test_demo_site_crawl_stores_every_review(tmp_path):
    reviews, business = load_demo_data()
    server, base_url = serve_demo_site()
    try:
        robots = urllib.request.urlopen(base_url + "/robots.txt").read().decode()
        run = run_crawl(tmp_path / "demo.db", "olive-ember", SourceConfig("schema_org", base_url + "/reviews"),
                        settings={"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0}, timeout=300)
    finally:
        server.stop()
    assert "Allow: /reviews" in robots
    assert run["status"] == "ok", run["message"]
    assert run["new"] == len(reviews)
    db = store.open_db(tmp_path / "demo.db")
    rows = {r["external_id"].rsplit("review-", 1)[1]: r for r in db.query("select * from reviews")}
    db.conn.close()
    for review in reviews:
        row = rows[review["id"]]
        assert (row["author"], row["rating"], row["published_at"][:10]) == \
            (review["author"], review["rating"], review["date"])
        assert row["text"] == (review.get("text") or None)
        assert row["reply_text"] == (review.get("reply") or None)
