import json
import sqlite3

import pytest

from reviewcare import store


@pytest.fixture
def db(tmp_path):
    db = store.open_db(tmp_path / "t.db")
    store.upsert_business(db, "olive", "The Olive Tree")
    return db


@pytest.fixture
def source_id(db):
    return store.ensure_source(db, "olive", "schema_org", "http://127.0.0.1/reviews")


def item(**kw):
    base = {"source": "schema_org", "external_id": "a1", "author": "Dana K.", "rating": 2.0, "title": "Slow",
            "text": "We waited 40 minutes and the soup was cold.", "published_at": "2026-05-01T00:00:00+00:00"}
    return {**base, **kw}


def test_open_db_uses_wal_busy_timeout_and_migrations(tmp_path):
    db = store.open_db(tmp_path / "x.db")
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute("pragma busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS
    assert store.schema_version(db) == store.MIGRATIONS[-1][0]
    for table in ("businesses", "sources", "reviews", "analyses", "topic_mentions", "drafts", "crawl_runs",
                  "audit_log", "review_history", "users"):
        assert table in db.table_names()
    # Opening again applies nothing twice.
    again = store.open_db(tmp_path / "x.db")
    assert again["_migrations"].count == len(store.MIGRATIONS)


def test_open_db_rejects_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "bad.db"
    path.write_text("this is not a database" * 100)
    with pytest.raises(store.StoreError, match="not a usable SQLite database"):
        store.open_db(path)


def test_save_review_new_unchanged_updated_with_history(db, source_id):
    assert store.save_review(db, source_id, item()) == "new"
    assert store.save_review(db, source_id, item()) == "unchanged"
    assert store.save_review(db, source_id, item(text="Edited: the soup was cold, staff were kind.")) == "updated"
    assert db["reviews"].count == 1
    review = next(db["reviews"].rows)
    history = store.review_history(db, review["id"])
    assert [h["text"] for h in history] == ["We waited 40 minutes and the soup was cold."]
    assert review["text"].startswith("Edited")


def test_reviews_without_id_get_a_stable_hash_identity(db, source_id):
    first = item(external_id=None)
    assert store.save_review(db, source_id, first) == "new"
    assert store.save_review(db, source_id, dict(first)) == "unchanged"
    assert db["reviews"].count == 1
    assert next(db["reviews"].rows)["external_id"].startswith("h:")
    # A relative date resolved on another day ("2 weeks ago") does not make it a new review.
    assert store.save_review(db, source_id, {**first, "published_at": "2026-05-02T00:00:00+00:00"}) == "unchanged"
    assert db["reviews"].count == 1


def test_unique_per_source_and_external_id(db, source_id):
    store.save_review(db, source_id, item())
    with pytest.raises(sqlite3.IntegrityError):
        db["reviews"].insert({"source_id": source_id, "external_id": "a1", "business_id": "olive"})


def test_mark_removed_never_deletes(db, source_id):
    store.save_review(db, source_id, item())
    removed = store.mark_removed(db, source_id, "9999-01-01")
    assert removed == 1
    row = next(db["reviews"].rows)
    assert row["removed_at"] is not None
    assert db["reviews"].count == 1


def _analysis(rid, urgency=0.5):
    return {"id": rid, "language": "en", "sentiment": {"score": -0.6, "label": "negative"},
            "topics": [{"topic": "wait_time", "category": "service", "sentiment": -0.7, "label": "negative",
                        "evidence": "waited 40 minutes"}],
            "emotions": [], "staff": [], "suggestion": False, "urgency": urgency}


def test_analysis_and_draft_are_incremental(db, source_id):
    store.save_review(db, source_id, item())
    rows = store.reviews_to_analyze(db, "v1")
    assert len(rows) == 1
    store.save_analyses(db, [(rows[0], _analysis(str(rows[0]["id"])))], "v1")
    assert store.reviews_to_analyze(db, "v1") == []
    assert len(store.reviews_to_analyze(db, "v2")) == 1, "a new analyzer version re-analyzes"
    assert db["topic_mentions"].count == 1

    to_draft = store.reviews_to_draft(db)
    assert len(to_draft) == 1 and to_draft[0]["analysis"]["topics"][0]["topic"] == "wait_time"
    store.save_drafts(db, [(to_draft[0], {"id": "1", "reply": "Hi Dana, ...", "checks": {"uses_name": True}})])
    assert store.reviews_to_draft(db) == []

    # An edited review is re-analyzed.
    store.save_review(db, source_id, item(text="Changed text"))
    assert len(store.reviews_to_analyze(db, "v1")) == 1


def test_a_drafts_second_reading_is_stored_beside_its_checks(db, source_id):
    store.save_review(db, source_id, item())
    row = store.reviews_to_analyze(db, "v1")[0]
    store.save_analyses(db, [(row, _analysis(str(row["id"])))], "v1")
    result = {"id": "1", "reply": "Hi Dana, sorry about the food.", "checks": {"uses_name": True},
              "second_reading": {"worst_complaint_named": False}}
    store.save_drafts(db, [(store.reviews_to_draft(db)[0], result)])
    draft_id = db.execute("select id from drafts").fetchone()[0]
    assert json.loads(store.get_draft(db, draft_id)["checks"]) == {"uses_name": True, "worst_complaint_named": False}


def test_reviews_the_business_answered_are_not_drafted(db, source_id):
    store.save_review(db, source_id, item(reply_text="Thanks Dana, we are sorry about the wait."))
    row = store.reviews_to_analyze(db, "v1")[0]
    store.save_analyses(db, [(row, _analysis(str(row["id"])))], "v1")
    assert store.reviews_to_draft(db) == []


def test_draft_workflow_roles_and_audit(db, source_id):
    store.save_review(db, source_id, item())
    row = store.reviews_to_analyze(db, "v1")[0]
    store.save_analyses(db, [(row, _analysis(str(row["id"])))], "v1")
    store.save_drafts(db, [(store.reviews_to_draft(db)[0], {"id": "1", "reply": "Hi Dana.", "checks": {}})])
    draft_id = store.inbox(db)[0]["draft_id"]

    store.change_draft(db, draft_id, "edit", actor="mia", role="marketing", text="Hi Dana, we are sorry.")
    with pytest.raises(store.PermissionDenied):
        store.change_draft(db, draft_id, "approve", actor="mia", role="marketing")
    assert store.get_draft(db, draft_id)["status"] == "edited"
    approved = store.change_draft(db, draft_id, "approve", actor="sam", role="owner")
    assert approved["status"] == "approved" and approved["approved_by"] == "sam"
    with pytest.raises(store.StoreError):
        store.change_draft(db, draft_id, "edit", actor="sam", role="owner", text="too late")
    store.change_draft(db, draft_id, "post", actor="sam", role="owner")
    assert store.get_draft(db, draft_id)["status"] == "posted"

    actions = [(e["actor"], e["action"]) for e in store.audit_log(db, "draft", draft_id)]
    assert actions == [("reviewcare", "draft"), ("mia", "edit"), ("sam", "approve"), ("sam", "post")]
    edit = store.audit_log(db, "draft", draft_id)[1]
    assert "Hi Dana." in edit["before"] and "we are sorry" in edit["after"]


def test_inbox_orders_by_urgency_and_filters(db, source_id):
    for n in ("a", "b", "c"):
        store.save_review(db, source_id, item(external_id=n, text=f"text {n}", rating=1 if n == "b" else 3))
    rows = store.reviews_to_analyze(db, "v1")
    urg = {"text a": 0.1, "text b": 0.9, "text c": 0.5}
    store.save_analyses(db, [(r, _analysis(str(r["id"]), urg[r["text"]])) for r in rows], "v1")
    store.save_drafts(db, [(r, {"id": str(r["id"]), "reply": "x", "checks": {}}) for r in store.reviews_to_draft(db)])
    assert [r["text"] for r in store.inbox(db)] == ["text b", "text c", "text a"]
    assert [r["text"] for r in store.inbox(db, rating=1)] == ["text b"]
    assert len(store.inbox(db, topic="wait_time")) == 3
    assert store.inbox(db, topic="parking") == []


def test_crawl_run_updates_source_health(db, source_id):
    run = store.start_crawl_run(db, source_id)
    store.finish_crawl_run(db, run, status="failed", message="no reviews found: the page layout may have changed")
    health = store.source_health(db)[0]
    assert health["last_status"] == "failed" and "layout" in health["last_error"]
    run = store.start_crawl_run(db, source_id)
    store.finish_crawl_run(db, run, status="ok", pages=2, new=5)
    assert store.source_health(db)[0]["last_success_at"]


def test_response_stats_per_source_and_month(db, source_id):
    store.save_review(db, source_id, item(external_id="r1", published_at="2026-05-01T10:00:00+00:00",
                                          reply_text="Thank you, Dana.", reply_at="2026-05-02T10:00:00+00:00"))
    store.save_review(db, source_id, item(external_id="r2", text="Fine", published_at="2026-05-03T00:00:00+00:00"))
    store.save_review(db, source_id, item(external_id="r3", text="Good", published_at="2026-06-03T00:00:00+00:00"))
    stats = {(s["source"], s["month"]): s for s in store.response_stats(db)}
    may = stats[("schema_org", "2026-05")]
    assert may["reviews"] == 2 and may["answered"] == 1 and may["response_rate"] == 0.5
    assert may["median_hours_to_respond"] == 24.0
    assert stats[("schema_org", "2026-06")]["response_rate"] == 0
