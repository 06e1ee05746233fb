"""The drafting stage wired to the store and config: owner edits learned, the optional language model used."""

from __future__ import annotations

from pathlib import Path

from test_llm import ANALYSIS, GOOD, ROW, Stub

from reviewcare import store
from reviewcare.config import parse_config
from reviewcare.stages import draft_new

VOICE = {"signature": "Sam, General Manager", "contact": "sam@oliveandember.example"}


def seeded(path: Path, n: int = 1):
    db = store.open_db(path)
    store.upsert_business(db, "olive", "Olive & Ember")
    sid = store.ensure_source(db, "olive", "schema_org", "http://127.0.0.1/r")
    for i in range(n):
        store.save_review(db, sid, {"external_id": f"x{i}", "author": ROW["author"], "rating": ROW["rating"],
                                    "text": ROW["text"] + ("" if i == 0 else f" Table {i}."), "source": "schema_org",
                                    "published_at": "2026-11-01T00:00:00+00:00"})
    rows = store.reviews_to_analyze(db, "v1")
    store.save_analyses(db, [(r, {**ANALYSIS, "id": str(r["id"])}) for r in rows], "v1")
    return db


def test_configured_language_model_drafts_and_is_recorded(tmp_path):
    stub = Stub()
    try:
        db = seeded(tmp_path / "a.db")
        config = parse_config({"business": {"id": "olive", "name": "Olive & Ember", "industry": "restaurant"},
                               "voice": VOICE, "llm": stub.settings})
        assert draft_new(db, config) == 1
        draft = next(db.query("select reply, drafted_by from drafts"))
        assert draft["drafted_by"] == "llm" and draft["reply"] == GOOD
        assert stub.requests and stub.requests[0]["path"] == "/v1/chat/completions"
    finally:
        stub.server.shutdown()


def test_without_llm_config_nothing_is_sent_and_the_composer_drafts(tmp_path):
    db = seeded(tmp_path / "a.db")
    config = parse_config({"business": {"id": "olive", "name": "Olive & Ember", "industry": "restaurant"},
                           "voice": VOICE})
    assert draft_new(db, config) == 1
    assert next(db.query("select drafted_by from drafts"))["drafted_by"] == "composer"


def test_sentences_owners_keep_deleting_are_not_drafted_again(tmp_path):
    config = parse_config({"business": {"id": "olive", "name": "Olive & Ember", "industry": "restaurant"},
                           "voice": VOICE})
    # Without edits: what the drafter writes for this review.
    first = seeded(tmp_path / "a.db")
    draft_new(first, config)
    sentences = store.inbox(first)[0]["reply"].split(". ")
    unwanted = sentences[1]

    # The same review, in a database where an owner twice deleted that sentence before approving.
    db = seeded(tmp_path / "b.db")
    sid = store.ensure_source(db, "olive", "schema_org", "http://127.0.0.1/r")
    for n in (1, 2):
        store.save_review(db, sid, {"external_id": f"old{n}", "author": "Kim", "rating": 2, "text": f"Old {n}",
                                    "published_at": "2026-10-01T00:00:00+00:00", "source": "schema_org"})
        row = next(db.query("select * from reviews where external_id = ?", [f"old{n}"]))
        store.save_drafts(db, [(row, {"reply": f"Hi Kim. {unwanted}. Write to me.", "checks": {}})])
        draft_id = next(db.query("select id from drafts where review_id = ?", [row["id"]]))["id"]
        store.change_draft(db, draft_id, "approve", actor="sam", role="owner", text="Hi Kim. Write to me.")
    assert len(store.owner_edits(db, "olive")) == 2
    draft_new(db, config)
    reply = next(item for item in store.inbox(db) if item["author"] == ROW["author"])["reply"]
    assert unwanted not in reply


def test_small_daily_batches_do_not_repeat_earlier_drafts(tmp_path):
    """Drafted a few at a time, as cron does, the business's drafts stay distinct and varied."""
    import json

    from nlp.analyze import analyze_rows
    from nlp.draft import sentence_shares

    reviews = json.loads((Path(__file__).resolve().parents[1] / "reviewcare" / "demo_site" / "reviews.json")
                         .read_text())[:60]
    db = store.open_db(tmp_path / "d.db")
    store.upsert_business(db, "olive", "Olive & Ember")
    sid = store.ensure_source(db, "olive", "schema_org", "http://127.0.0.1/r")
    config = parse_config({"business": {"id": "olive", "name": "Olive & Ember", "industry": "restaurant"},
                           "voice": VOICE})
    for review in reviews:  # one new review per refresh, as a quiet day's cron run sees them
        store.save_review(db, sid, {"external_id": review["id"], "author": review["author"],
                                    "rating": review["rating"], "text": review["text"],
                                    "published_at": review["date"], "source": "schema_org"})
        rows = store.reviews_to_analyze(db, "v1")
        results = analyze_rows([{**r, "id": str(r["id"])} for r in rows])
        store.save_analyses(db, zip(rows, results, strict=True), "v1")
        draft_new(db, config)
    replies = store.recent_replies(db, "olive")
    assert len(replies) >= 40
    assert len(set(replies)) == len(replies)
    # Counting earlier replies keeps one-at-a-time drafting as varied as one big batch (about 5% here; without
    # them the sign-off lines alone reach 14-19%).
    assert max(sentence_shares(replies).values()) <= 0.10


def test_drafts_use_the_voice_an_owner_set_in_settings(tmp_path):
    db = seeded(tmp_path / "v.db")
    store.save_voice_override(db, "olive", {"contact": "priya.direct@oliveandember.example"}, actor="priya",
                              role="owner")
    config = parse_config({"business": {"id": "olive", "name": "Olive & Ember", "industry": "restaurant"},
                           "voice": VOICE})
    draft_new(db, config)
    reply = store.inbox(db)[0]["reply"]
    assert "priya.direct@oliveandember.example" in reply
    assert VOICE["contact"] not in reply
