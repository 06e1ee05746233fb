"""Every review of the bundled demo restaurant, analyzed by the real pipeline and drafted as one batch.

The reviews a person must answer (food poisoning, a solicitor's threat, implied discrimination, an allergic
reaction, spam, other languages) are caught; every other draft passes every check, and the batch reads varied.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.analyze import analyze_rows
from nlp.draft import draft_many, sentence_shares, split_sentences

DEMO = Path(__file__).resolve().parents[1] / "reviewcare" / "demo_site" / "reviews.json"
BUSINESS = {"name": "Olive & Ember", "industry": "restaurant"}
VOICE = {"signature": "Priya, Owner", "contact": "priya@oliveandember.example", "tone": "warm",
         "banned_phrases": [], "facts": [], "policies": []}
# A phrase of each review that must go to a person, and the reason it must be given.
MUST_BE_HUMAN = {
    "vomiting and diarrhoea": "health or safety",
    "speaking to my solicitor": "legal threat",
    "(two men) were holding hands": "discrimination",
    "I have a sesame allergy": "health or safety",
    "quick-coin-gains": "spam",
}


@pytest.fixture(scope="module")
def drafted() -> list[tuple[dict, dict]]:
    records = json.loads(DEMO.read_text(encoding="utf-8"))
    rows = [{"id": r["id"], "author": r.get("author"), "rating": r.get("rating"), "title": r.get("title"),
             "text": r.get("text") or "", "source": "schema_org"} for r in records]
    drafts = draft_many(zip(rows, analyze_rows(rows), strict=True), BUSINESS, VOICE)
    return list(zip(rows, drafts, strict=True))


def test_reviews_a_person_must_answer_are_caught(drafted):
    for phrase, reason in MUST_BE_HUMAN.items():
        hits = [d for row, d in drafted if phrase in row["text"]]
        assert hits, phrase
        for d in hits:
            assert d.get("needs_human") and reason in d["reason"], (phrase, d)


def test_other_languages_are_left_to_a_person_with_the_language_named(drafted):
    foreign = [d for row, d in drafted if any(w in row["text"] for w in (" und ", " était ", " estaban "))]
    assert len(foreign) >= 3
    for d in foreign:
        assert d.get("needs_human") and "written in" in d["reason"] and "by hand" in d["reason"]
        assert any(lang in d["reason"] for lang in ("German", "French", "Spanish"))


def test_every_other_review_gets_a_draft_passing_every_check(drafted):
    replies = [(row, d) for row, d in drafted if "reply" in d]
    assert len(replies) >= 0.9 * len(drafted)
    failures = [(row["id"], [k for k, v in d["checks"].items() if not v]) for row, d in replies
                if not all(d["checks"].values())]
    assert not failures, failures


def test_the_demo_batch_is_distinct_and_varied(drafted):
    replies = [d["reply"] for _, d in drafted if "reply" in d]
    assert len(set(replies)) == len(replies)
    assert max(sentence_shares(replies).values()) <= 0.15
    assert all(3 <= len(split_sentences(r)) <= 6 for r in replies)


def test_no_reply_uses_the_stock_fragments_the_demo_exposed(drafted):
    for _, d in drafted:
        if "reply" in d:
            assert "the way you were treated" not in d["reply"] and "about the people" not in d["reply"]
