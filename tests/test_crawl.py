"""End to end: the real schema_org spider, in a child process, against a review site on 127.0.0.1."""

from __future__ import annotations

import json
import socket

import pytest

from reviewcare import store
from reviewcare.config import SourceConfig
from reviewcare.crawl import last_meaningful_line, run_crawl
from reviewcare.demo_site.server import serve_pages, serve_reviews, set_reviews

FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "RETRY_AFTER_MAX": 5}
BUSINESS = {"name": "Test Trattoria", "address": "1 Loop Road"}
REVIEWS = [
    {"id": f"t{i}", "author": author, "rating": rating, "title": f"Visit {i}", "text": text,
     "date": f"2024-0{1 + i // 4}-{10 + i:02d}", "reply": "Thank you, Ada!" if i == 0 else None}
    for i, (author, rating, text) in enumerate([
        ("Ada", 5, "The carbonara was silky and Marco looked after us all evening."),
        ("Ben <b>", 2, "We waited fifty minutes for pizza & nobody told us why."),
        ("Chloé", 4, "Lovely terrace, the tiramisu was a little too sweet for me."),
        ("Dev", 1, "Cold lasagne, then the card machine broke. Not coming back."),
        ("Eve", 3, "Fine. Portions smaller than last year."),
        ("Femi", 5, "Best gnocchi I have had outside Italy, and the staff were so kind."),
        ("Gus", 4, "Good wine list; service a bit slow on a busy Friday."),
    ])
]


@pytest.fixture
def site():
    server, base_url = serve_reviews(REVIEWS, BUSINESS, per_page=3, microdata_every=2)
    yield server, base_url
    server.stop()


def crawl(tmp_path, url: str, *, full: bool = False, settings: dict | None = None) -> dict:
    return run_crawl(tmp_path / "crawl.db", "trattoria", SourceConfig("schema_org", url), full=full,
                     settings={**FAST, **(settings or {})}, timeout=120)


def stored(tmp_path) -> list[dict]:
    db = store.open_db(tmp_path / "crawl.db")
    try:
        return list(db.query("select * from reviews order by published_at"))
    finally:
        db.conn.close()


def test_crawl_stores_every_review_once_across_pages(tmp_path, site):
    server, base_url = site
    run = crawl(tmp_path, base_url + "/reviews")
    assert run["status"] == "ok", run["message"]
    assert (run["pages"], run["new"], run["updated"]) == (3, 7, 0)
    assert {"/reviews", "/reviews?page=2", "/reviews?page=3"} <= set(server.requests)
    rows = stored(tmp_path)
    assert len(rows) == 7
    by_author = {r["author"]: r for r in rows}
    for review in REVIEWS:
        row = by_author[review["author"]]
        assert row["rating"] == review["rating"]
        assert row["text"] == review["text"]
        assert row["published_at"] == review["date"] + "T00:00:00+00:00"
        assert row["business_id"] == "trattoria" and row["source"] == "schema_org"
    assert by_author["Ada"]["reply_text"] == "Thank you, Ada!"
    assert by_author["Ben <b>"]["language"] == "en"
    db = store.open_db(tmp_path / "crawl.db")
    assert store.source_health(db)[0]["claimed_total"] == 7
    db.conn.close()

    again = crawl(tmp_path, base_url + "/reviews")
    assert again["status"] == "ok" and again["new"] == 0
    assert "already stored" in again["message"]   # incremental: stopped after the first known page
    full = crawl(tmp_path, base_url + "/reviews", full=True)
    assert (full["status"], full["new"], full["unchanged"], full["pages"]) == ("ok", 0, 7, 3)
    assert len(stored(tmp_path)) == 7


def test_edited_review_updates_in_place_and_keeps_history(tmp_path, site):
    server, base_url = site
    assert crawl(tmp_path, base_url + "/reviews")["new"] == 7
    edited = [dict(r) for r in REVIEWS]
    newest = max(edited, key=lambda r: r["date"])
    old_text = newest["text"]
    newest["text"] = "Update: the manager called me and apologised. Thank you."
    newest["rating"] = 4
    set_reviews(server, edited, BUSINESS, per_page=3, microdata_every=2)
    run = crawl(tmp_path, base_url + "/reviews")
    assert (run["status"], run["new"], run["updated"]) == ("ok", 0, 1)
    rows = stored(tmp_path)
    assert len(rows) == 7
    row = next(r for r in rows if r["author"] == newest["author"])
    assert (row["text"], row["rating"]) == (newest["text"], 4)
    db = store.open_db(tmp_path / "crawl.db")
    history = store.review_history(db, row["id"])
    db.conn.close()
    assert [h["text"] for h in history] == [old_text]


def test_full_crawl_marks_vanished_review_removed(tmp_path, site):
    server, base_url = site
    crawl(tmp_path, base_url + "/reviews")
    gone = REVIEWS[3]
    set_reviews(server, [r for r in REVIEWS if r is not gone], BUSINESS, per_page=3, microdata_every=2)
    run = crawl(tmp_path, base_url + "/reviews", full=True)
    assert (run["status"], run["removed"]) == ("ok", 1)
    rows = {r["author"]: r for r in stored(tmp_path)}
    assert len(rows) == 7                                   # never deleted
    assert rows[gone["author"]]["removed_at"] is not None
    assert all(r["removed_at"] is None for a, r in rows.items() if a != gone["author"])


def test_robots_txt_disallow_is_obeyed(tmp_path, site):
    server, base_url = site
    server.robots_txt = "User-agent: *\nDisallow: /reviews?page=3\n"
    run = crawl(tmp_path, base_url + "/reviews")
    assert "/reviews?page=3" not in server.requests
    assert run["status"] == "ok" and run["new"] == 6
    assert "robots.txt" in run["message"]

    server.robots_txt = "User-agent: *\nDisallow: /\n"
    blocked = crawl(tmp_path, base_url + "/reviews?page=2")
    assert blocked["status"] == "failed" and "robots.txt" in blocked["message"]
    assert server.requests.count("/reviews?page=2") == 1     # only from the first crawl


def test_captcha_page_served_with_200_is_a_failed_run(tmp_path):
    captcha = ('<html><head><title>Are you a robot?</title></head><body><form>'
               '<div class="g-recaptcha" data-sitekey="abc"></div></form></body></html>')
    server, base_url = serve_pages({"/reviews": captcha})
    try:
        run = crawl(tmp_path, base_url + "/reviews")
    finally:
        server.stop()
    assert run["status"] == "failed"
    assert "CAPTCHA" in run["message"] and run["pages"] == 1
    db = store.open_db(tmp_path / "crawl.db")
    assert store.source_health(db)[0]["last_error"] == run["message"]
    db.conn.close()


def test_changed_layout_is_a_failed_run_that_says_so(tmp_path):
    page = ('<html><body><h1>Test Trattoria</h1><div class="rv-card"><span data-score="4"></span>'
            '<p>Nice place.</p></div></body></html>')
    server, base_url = serve_pages({"/reviews": page})
    try:
        run = crawl(tmp_path, base_url + "/reviews")
    finally:
        server.stop()
    assert run["status"] == "failed" and run["new"] == 0
    assert "layout may have changed" in run["message"]


def test_user_agent_names_the_project_and_contact_url(tmp_path, site):
    server, base_url = site
    run_crawl(tmp_path / "crawl.db", "trattoria", SourceConfig("schema_org", base_url + "/reviews"),
              contact_url="https://trattoria.example/crawler", settings=FAST, timeout=120)
    assert server.user_agents
    assert set(server.user_agents) == {"ReviewCare/0.1 (+https://trattoria.example/crawler)"}


def test_unreachable_site_is_a_failed_run(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    run = crawl(tmp_path, f"http://127.0.0.1:{port}/reviews", settings={"RETRY_TIMES": 0})
    assert run["status"] == "failed"
    assert "could not reach" in run["message"] and "connection refused" in run["message"]


@pytest.mark.parametrize("status, headers", [(429, {"Retry-After": "1"}), (503, {})])
def test_rate_limit_and_server_error_are_retried(tmp_path, site, status, headers):
    server, base_url = site
    refused: list[str] = []

    def first_attempt_fails(path: str):
        if path == "/reviews?page=2" and not refused:
            refused.append(path)
            return status, headers, "<html><body>slow down</body></html>"
        return None

    server.responder = first_attempt_fails
    run = crawl(tmp_path, base_url + "/reviews")
    assert refused == ["/reviews?page=2"]
    assert server.requests.count("/reviews?page=2") == 2
    assert (run["status"], run["new"]) == ("ok", 7), run["message"]


def test_retry_after_longer_than_allowed_fails_with_the_wait(tmp_path, site):
    server, base_url = site
    server.responder = lambda path: (429, {"Retry-After": "3600"}, "busy") if path == "/reviews" else None
    run = crawl(tmp_path, base_url + "/reviews")
    assert server.requests.count("/reviews") == 1     # not retried sooner than the site asked
    assert run["status"] == "failed"
    assert "3600 s" in run["message"]


def test_crash_of_the_crawl_process_is_a_failed_run(tmp_path):
    run = run_crawl(tmp_path / "crawl.db", "trattoria", SourceConfig("no_such_spider", "http://127.0.0.1:9/r"),
                    timeout=60)
    assert run["status"] == "failed"
    assert "crawl process failed" in run["message"] and "no_such_spider" in run["message"]


def test_last_meaningful_line_prefers_the_exception():
    stderr = "2024-01-01 00:00:00 [scrapy] INFO: hello\nTraceback (most recent call last):\n  x\n" \
             "KeyError: 'Spider not found: foo'\n\n"
    assert last_meaningful_line(stderr) == "KeyError: 'Spider not found: foo'"


def _listing_page(author: str, text: str, date: str, *, head: str = "", body: str = "") -> str:
    review = {"@context": "https://schema.org", "@type": "Review",
              "itemReviewed": {"@type": "Restaurant", "name": "Test Trattoria"}, "author": author,
              "datePublished": date, "reviewBody": text, "reviewRating": {"ratingValue": "4"}}
    return (f'<html lang="en"><head><script type="application/ld+json">{json.dumps(review)}</script>'
            f"{head}</head><body>{body}</body></html>")


@pytest.mark.parametrize("robots, never", [
    # <link rel=next> on page 2 leads out of the listing into a disallowed folder.
    ("User-agent: *\nDisallow: /private/\n", "/private/reviews?page=3"),
    # A "Next ›" link leads into a disallowed sub-path of the listing itself.
    ("User-agent: *\nDisallow: /reviews/page/\n", "/reviews/page/2/"),
])
def test_pagination_never_follows_links_into_disallowed_paths(tmp_path, robots, never):
    pages = {
        "/reviews": _listing_page("Ada", "Silky carbonara, kind staff.", "2024-05-03",
                                  body='<a href="/reviews/page/2/">Next ›</a>'),
        "/reviews/page/2/": _listing_page("Ben", "Pizza took fifty minutes.", "2024-05-02",
                                          head='<link rel="next" href="/private/reviews?page=3">'),
        "/private/reviews?page=3": _listing_page("Cy", "Should never be fetched.", "2024-05-01"),
    }
    server, base_url = serve_pages(pages, robots_txt=robots)
    try:
        run = crawl(tmp_path, base_url + "/reviews")
    finally:
        server.stop()
    assert never not in server.requests
    assert "/robots.txt" in server.requests
    assert all(not path.startswith(robots.split("Disallow: ")[1].strip()) for path in server.requests)
    assert run["status"] == "ok" and "robots.txt" in run["message"]
    assert "Cy" not in {r["author"] for r in stored(tmp_path)}
