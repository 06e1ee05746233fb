"""The summary tables the dashboard reads agree with counting the reviews directly, after every kind of write."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from test_dashboard_seed import ANALYZER, _analysis, _topic, draft_id_for, seed

from reviewcare import store

BUSINESSES = [None, "bistro", "harbour"]


def _by(rows: list[dict], key: str) -> dict:
    return {row[key]: row for row in rows}


def assert_summaries_agree(db) -> None:
    """Every summary-backed query returns what the direct query over the full tables returns."""
    today = datetime.now(UTC).date()
    first, last = (today - timedelta(days=6)).isoformat(), today.isoformat()
    after_last = (today + timedelta(days=1)).isoformat()
    for business in BUSINESSES:
        assert store.overview_totals(db, business) == store.review_totals(db, business)
        assert store.monthly_totals(db, business) == store.monthly_ratings(db, business)
        assert _by(store.topic_totals(db, business, limit=100), "topic") == \
            _by(store.top_topics(db, business, limit=100), "topic")
        assert store.draft_counts(db, business) == store.draft_status_counts(db, business)
        assert store.summary_sources(db, business) == store.review_sources(db, business)
        assert store.answer_summary(db, business) == store.response_summary(db, business)
        assert store.regulars_who_fell(db, business) == store.fallen_regulars(db, business)
        assert store.days_stats(db, first, last, business) == store.period_stats(db, first, after_last, business)
        assert store.days_topics(db, first, last, business) == store.period_topics(db, first, after_last, business)
        ranked = _by(store.issue_ranking(db, business, last, limit=100), "topic")
        direct = _by(store.topic_issues(db, business, last, limit=100), "topic")
        assert ranked.keys() == direct.keys()
        for topic, row in direct.items():
            assert ranked[topic] == {**row, "first_seen": row["first_seen"][:10]}, topic
            assert store.topic_trend(db, topic, business) == store.topic_monthly(db, topic, business)
            for label in (None, "negative", "positive"):
                for limit in (1, 2, 30):
                    assert store.latest_topic_quotes(db, topic, business, label, limit) == \
                        store.topic_quotes(db, topic, business, label, limit), (topic, label, limit)
    assert store.location_comparison(db) == store.business_comparison(db)
    assert store.source_coverage(db) == store.source_health(db)


SUMMARY_KEYS = {"review_days": 4, "topic_days": 4, "draft_counts": 2, "response_times": 1, "reviewer_totals": 3}


def summary_tables(db) -> dict[str, list[tuple]]:
    """The summary tables' rows, sorted, without rows whose counts all fell back to zero."""
    tables = {}
    for table, keys in SUMMARY_KEYS.items():
        rows = [tuple(row.values()) for row in db[table].rows]
        tables[table] = sorted(row for row in rows if table == "response_times" or any(row[keys:]))
    return tables


@pytest.fixture
def db(tmp_path):
    return seed(tmp_path / "summaries.db")


def test_summaries_agree_after_seeding(db):
    assert store.overview_totals(db, "bistro")["reviews"] == 8
    assert_summaries_agree(db)


def test_summaries_follow_inserts_edits_removals_and_replies(db):
    source_id = store.ensure_source(db, "bistro", "schema_org", "http://127.0.0.1:9/bistro")
    today = store.now_iso()
    # Inserts: a new review with an analysis, and a star-only one from a new source name.
    store.save_review(db, source_id, {"source": "schema_org", "external_id": "n1", "author": "Priya Shah",
                                      "rating": 1, "text": "The wine was corked and nobody cared.",
                                      "published_at": today})
    store.save_review(db, source_id, {"source": "google", "external_id": "n2", "author": "Guest", "rating": 4,
                                      "published_at": today})
    new_rows = [row for row in store.reviews_to_analyze(db, ANALYZER)]
    corked = _analysis("negative", -0.7, [_topic("drinks", "food", -0.7, "wine was corked")])
    store.save_analyses(db, [(row, corked if row["text"] else _analysis("neutral", 0.0, [])) for row in new_rows],
                        ANALYZER)
    assert_summaries_agree(db)

    # An edit: Sam's one star becomes three, his text changes, the analysis is redone (stored with REPLACE).
    store.save_review(db, source_id, {"source": "schema_org", "external_id": "r2", "author": "Sam Okafor",
                                      "rating": 3, "text": "They called me to apologise; the soup was still cold.",
                                      "published_at": (datetime.now(UTC) - timedelta(days=2)).isoformat()})
    redo = store.reviews_to_analyze(db, ANALYZER)
    assert [row["author"] for row in redo] == ["Sam Okafor"]
    store.save_analyses(db, [(redo[0], _analysis("mixed", 0.0, [_topic("food_temperature", "food", -0.5,
                                                                       "the soup was still cold"),
                                                                _topic("staff_attitude", "service", 0.5,
                                                                       "They called me")]))], ANALYZER)
    assert store.overview_totals(db, "bistro")["mixed"] == 2
    assert_summaries_agree(db)

    # A reply posted from the Inbox counts as answered.
    dana = draft_id_for(db, "Dana Whitfield")
    store.change_draft(db, dana, "approve", actor="olivia", role="owner")
    store.change_draft(db, dana, "post", actor="olivia", role="owner")
    assert store.answer_summary(db, "bistro")["answered"] == 3
    assert_summaries_agree(db)

    # Removals: a complete crawl that saw only the new reviews marks the rest of the source removed...
    before = store.overview_totals(db, "bistro")["reviews"]
    time.sleep(1.1)  # stored times have whole seconds
    seen_since = store.now_iso()
    store.save_review(db, source_id, {"source": "schema_org", "external_id": "n1", "author": "Priya Shah",
                                      "rating": 1, "text": "The wine was corked and nobody cared.",
                                      "published_at": today})
    removed = store.mark_removed(db, source_id, seen_since)
    assert removed == before - 1
    assert store.overview_totals(db, "bistro")["reviews"] == 1
    assert_summaries_agree(db)

    # ...and a review that reappears comes back into every figure.
    store.save_review(db, source_id, {"source": "schema_org", "external_id": "r3", "author": "Lee", "rating": 4,
                                      "title": "Good food, loud room",
                                      "text": "Great pasta but the room was far too loud. Maybe add some curtains?",
                                      "published_at": (datetime.now(UTC) - timedelta(days=3)).isoformat()})
    assert store.overview_totals(db, "bistro")["reviews"] == 2
    assert_summaries_agree(db)


def test_rebuild_matches_what_the_triggers_kept(db):
    source_id = store.ensure_source(db, "bistro", "schema_org", "http://127.0.0.1:9/bistro")
    store.save_review(db, source_id, {"source": "schema_org", "external_id": "r1", "author": "Dana Whitfield",
                                      "rating": 4, "text": "Changed my mind a little.",
                                      "published_at": "2024-01-10T19:00:00+00:00"})
    store.mark_removed(db, source_id, "2000-01-01")  # removes nothing: everything was seen since
    kept = summary_tables(db)
    store.rebuild_summaries(db)
    assert summary_tables(db) == kept
    assert_summaries_agree(db)
