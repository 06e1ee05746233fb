"""A small seeded database for the dashboard tests, built only through the store's public functions.

    db = seed(tmp_path / "t.db")

The analyses are hand-written in the shape of DESIGN.md interface 2, so these tests do not depend on the NLP
stage; the numbers asserted elsewhere follow from the rows below.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

from reviewcare import store

ANALYZER = "test-analyzer"
XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_LINK = "[click me](javascript:window.__xss=1)"


def _topic(topic: str, category: str, sentiment: float, evidence: str) -> dict:
    label = "positive" if sentiment > 0.05 else "negative" if sentiment < -0.05 else "neutral"
    return {"topic": topic, "category": category, "sentiment": sentiment, "label": label, "evidence": evidence}


def _analysis(label: str, score: float, topics: list[dict], *, urgency: float = 0.1, staff: list | None = None,
              suggestion: bool = False, emotions: list | None = None) -> dict:
    return {"language": "en", "sentiment": {"score": score, "label": label}, "topics": topics,
            "emotions": emotions or [], "staff": staff or [], "suggestion": suggestion, "urgency": urgency}


def _days_ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).replace(microsecond=0).isoformat()


# (business, external id, author, rating, title, text, published_at, analysis, draft)
REVIEWS = [
    ("bistro", "r1", "Dana Whitfield", 5, "Lovely evening", "The risotto was wonderful and Marco was so kind to us.",
     "2024-01-10T19:00:00+00:00",
     _analysis("positive", 0.8, [_topic("food_quality", "food", 0.7, "The risotto was wonderful"),
                                 _topic("staff_attitude", "service", 0.6, "Marco was so kind")],
               staff=[{"name": "Marco", "role": None, "label": "positive"}],
               emotions=[{"emotion": "delight", "ekman": "joy", "intensity": 0.8}]),
     {"reply": "Hi Dana, thank you for the kind words about the risotto. We will pass them on to Marco.",
      "checks": {"uses_name": True, "mentions_topics": True, "no_promises": True}}),
    ("bistro", "r2", "Sam Okafor", 1, "", "We waited 40 minutes and the soup arrived cold. Nobody said sorry.",
     _days_ago(2),
     _analysis("negative", -0.7, [_topic("wait_time", "service", -0.8, "We waited 40 minutes"),
                                  _topic("food_temperature", "food", -0.6, "the soup arrived cold")],
               urgency=0.8, emotions=[{"emotion": "anger", "ekman": "anger", "intensity": 0.7}]),
     {"reply": "Hi Sam, a 40-minute wait and a cold soup is not the evening we want for you. Write to me at "
               "sam@bistro.example.",
      "checks": {"uses_name": True, "mentions_topics": True, "no_promises": True}}),
    ("bistro", "r3", "Lee", 4, "Good food, loud room",
     "Great pasta but the room was far too loud. Maybe add some curtains?", _days_ago(3),
     _analysis("mixed", 0.1, [_topic("food_quality", "food", 0.7, "Great pasta"),
                              _topic("noise", "ambience", -0.5, "the room was far too loud")],
               urgency=0.4, suggestion=True),
     {"reply": "Hi Lee, thank you for the note on the pasta and the noise.", "checks": {"uses_name": True}}),
    ("bistro", "r4", "Ana", 2, "", "I got food poisoning after the mussels and my lawyer will be in touch.",
     _days_ago(1),
     _analysis("negative", -0.8, [_topic("food_safety", "food", -0.9, "food poisoning after the mussels")],
               urgency=0.95),
     {"needs_human": True, "reason": "legal threat and a health incident"}),
    ("bistro", "r5", "Quiet Regular", 3, "", "", "2024-03-15T12:00:00+00:00",
     _analysis("neutral", 0.0, []), None),
    # A regular whose ratings fell: two glowing reviews the business answered on the site, then a poor one.
    ("bistro", "p1", "Priya Shah", 5, "", "Our Friday place. The lamb is perfect and Marco always remembers us.",
     "2025-06-06T20:00:00+00:00",
     _analysis("positive", 0.8, [_topic("food_quality", "food", 0.8, "The lamb is perfect")],
               staff=[{"name": "Marco", "role": None, "label": "positive"}]), None),
    ("bistro", "p2", "Priya Shah", 4, "", "Still lovely, the new dessert menu is a treat.",
     "2025-09-12T20:00:00+00:00", _analysis("positive", 0.6, [_topic("menu", "food", 0.6, "new dessert menu")]),
     None),
    ("bistro", "p3", "Priya Shah", 2, "", "Sad to say the lamb was dry and the service felt rushed this time.",
     _days_ago(4),
     _analysis("negative", -0.5, [_topic("food_quality", "food", -0.6, "the lamb was dry"),
                                  _topic("wait_time", "service", -0.4, "the service felt rushed")],
               urgency=0.5),
     {"reply": "Hi Priya, a dry lamb is not what you come to us for.",
      "checks": {"uses_name": True, "worst_complaint_named": False}}),
    ("harbour", "h1", "Noor", 5, "", "Best fish by the sea, and Jo at the bar made our night.", _days_ago(5),
     _analysis("positive", 0.9, [_topic("food_quality", "food", 0.9, "Best fish by the sea")],
               staff=[{"name": "Jo", "role": "bartender", "label": "positive"}]),
     {"reply": "Hi Noor, thank you! Jo will be delighted.", "checks": {"uses_name": True}}),
]

# Answers the business already posted on the review site: 24 and 48 hours after the review.
REPLIES = {
    "p1": {"reply_text": "Thank you, Priya!", "reply_at": "2025-06-07T20:00:00+00:00"},
    "p2": {"reply_text": "Glad you liked it.", "reply_at": "2025-09-14T20:00:00+00:00"},
}


def seed(path: Path, *, hostile: bool = False) -> sqlite_utils.Database:
    """Create the database at `path` with two businesses, nine reviews, their analyses and drafts.

    With `hostile`, extra reviews carry script tags, an onerror image and a javascript: link.
    """
    db = store.open_db(path)
    store.upsert_business(db, "bistro", "Bistro Verde")
    store.upsert_business(db, "harbour", "Harbour Kitchen")
    sources = {
        "bistro": store.ensure_source(db, "bistro", "schema_org", "http://127.0.0.1:9/bistro", "schema_org"),
        "harbour": store.ensure_source(db, "harbour", "schema_org", "http://127.0.0.1:9/harbour", "schema_org"),
    }
    rows = list(REVIEWS)
    if hostile:
        hostile_analysis = _analysis("negative", -0.6, [_topic("service", "service", -0.6, XSS_SCRIPT)],
                                     urgency=0.99)
        rows.append(("bistro", "x1", XSS_IMG, 1, XSS_SCRIPT,
                     f"Terrible. {XSS_SCRIPT} {XSS_IMG} {XSS_LINK} <a href=\"javascript:window.__xss=1\">link</a>",
                     _days_ago(0), hostile_analysis,
                     {"reply": f"Hi there, we are sorry. {XSS_SCRIPT}", "checks": {"uses_name": False}}))
    for business, external_id, author, rating, title, text, published, _, _ in rows:
        store.save_review(db, sources[business], {
            "source": "schema_org", "external_id": external_id, "url": f"http://127.0.0.1:9/{external_id}",
            "author": author, "rating": rating, "title": title, "text": text, "published_at": published,
            "language": "en", **REPLIES.get(external_id, {}),
        })
    by_text = {(r[5], r[2]): r for r in rows}
    pending = store.reviews_to_analyze(db, ANALYZER)
    store.save_analyses(db, [(row, by_text[(row["text"], row["author"])][7]) for row in pending], ANALYZER)
    to_draft = [row for row in store.reviews_to_draft(db) if by_text[(row["text"], row["author"])][8]]
    store.save_drafts(db, [(row, by_text[(row["text"], row["author"])][8]) for row in to_draft])
    return db


def draft_id_for(db: sqlite_utils.Database, author: str) -> int:
    """The id of the draft answering `author`'s review."""
    for row in store.inbox(db, statuses=store.DRAFT_STATES, limit=1000):
        if row["author"] == author:
            return row["draft_id"]
    raise KeyError(author)


def test_seed_builds_the_expected_rows(tmp_path):
    db = seed(tmp_path / "seed.db")
    totals = store.review_totals(db, "bistro")
    assert totals["reviews"] == 8
    assert totals["avg_rating"] == 3.25
    assert store.draft_status_counts(db, "bistro") == {"drafted": 4, "needs_human": 1}
    assert len(store.inbox(db, business_id="bistro")) == 5
