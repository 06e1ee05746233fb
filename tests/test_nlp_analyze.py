"""analyze_rows / analyze_jsonl through the real spaCy pipeline: the DESIGN.md interface 2 contract."""

import json

import pytest

from nlp import ANALYZER_VERSION, analyze_jsonl, analyze_rows
from nlp.profiles import load_profile

EKMAN = {"anger", "disgust", "fear", "joy", "sadness", "surprise"}
LABELS = {"positive", "negative", "neutral", "mixed"}
RESTAURANT_CATEGORIES = {"food", "service", "price", "ambience", "cleanliness", "location", "other"}

ROWS = [
    {"id": "a1", "text": "The risotto was superb, but we waited 40 minutes and our server Tom never came back.",
     "rating": 3, "author": "Dana", "source": "demo"},
    {"id": 7, "text": "", "rating": 1},
    {"id": "a3", "text": "Das Essen war kalt und der Kellner war sehr unfreundlich.", "rating": 2},
    {"id": "a4", "text": "Spotless tables, friendly staff and fair prices. It would be great if they opened on "
                         "Mondays!", "title": "Lovely lunch", "rating": 5},
    {"id": "a5", "text": "I got food poisoning after the chicken. Never again, my lawyer is involved."},
]


def check_contract(result: dict) -> None:
    assert set(result) >= {"id", "language", "sentiment", "topics", "emotions", "staff", "suggestion", "urgency"}
    assert isinstance(result["id"], str) and isinstance(result["language"], str)
    s = result["sentiment"]
    assert set(s) == {"score", "label"} and isinstance(s["score"], float) and -1 <= s["score"] <= 1
    assert s["label"] in LABELS
    for t in result["topics"]:
        assert set(t) == {"topic", "category", "sentiment", "label", "evidence"}
        assert isinstance(t["topic"], str) and isinstance(t["evidence"], str)
        assert isinstance(t["sentiment"], float) and t["label"] in LABELS
        assert t["category"] in RESTAURANT_CATEGORIES
    for e in result["emotions"]:
        assert set(e) == {"emotion", "ekman", "intensity"} and e["ekman"] in EKMAN
        assert 0 < e["intensity"] <= 1
    for p in result["staff"]:
        assert set(p) == {"name", "role", "label"} and isinstance(p["name"], str)
        assert p["role"] is None or isinstance(p["role"], str)
    assert isinstance(result["suggestion"], bool)
    assert isinstance(result["urgency"], float) and 0 <= result["urgency"] <= 1
    assert all(isinstance(r, str) for r in result["urgency_reasons"])
    assert result["analyzer_version"] == ANALYZER_VERSION


@pytest.fixture(scope="module")
def results():
    return analyze_rows(ROWS, "restaurant", batch_size=2)


def test_every_result_meets_the_contract(results):
    assert [r["id"] for r in results] == ["a1", "7", "a3", "a4", "a5"]  # same order, ids as strings
    for r in results:
        check_contract(r)
    json.dumps(results)  # serialisable as is


def test_mixed_review_has_per_topic_polarity_and_staff(results):
    r = results[0]
    assert r["sentiment"]["label"] == "mixed"
    topics = {t["topic"]: t for t in r["topics"]}
    assert topics["dishes"]["label"] == "positive" and "risotto" in topics["dishes"]["evidence"]
    assert topics["wait_time"]["label"] == "negative"
    assert {"name": "Tom", "role": "server", "label": "negative"} in r["staff"]


def test_star_only_review_takes_rating(results):
    r = results[1]
    assert r["sentiment"]["label"] == "negative" and r["topics"] == [] and r["urgency"] > 0


def test_other_language_is_flagged_not_scored(results):
    r = results[2]
    assert r["language"] == "de"
    assert r["topics"] == [] and r["emotions"] == [] and r["staff"] == []
    assert r["sentiment"]["label"] == "negative"  # from the 2-star rating only


def test_praise_suggestion_and_title(results):
    r = results[3]
    assert r["sentiment"]["label"] == "positive" and r["suggestion"] is True
    cats = {t["category"] for t in r["topics"]}
    assert {"cleanliness", "service", "price"} <= cats
    assert r["urgency"] == 0.0


def test_risk_makes_urgent_with_reasons(results):
    r = results[4]
    assert r["urgency"] >= 0.9
    assert "possible food poisoning" in r["urgency_reasons"] and "legal threat" in r["urgency_reasons"]


def test_other_profiles_use_their_own_categories():
    for name in ("hotel", "retail", "app", "local_services"):
        cats = set(load_profile(name).categories)
        (r,) = analyze_rows([{"id": "x", "text": "The staff were rude and the price was too high."}], name)
        assert r["topics"] and {t["category"] for t in r["topics"]} <= cats


def test_analyze_jsonl_roundtrip(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    assert analyze_jsonl(src, out, "restaurant", chunk=2) == len(ROWS)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["a1", "7", "a3", "a4", "a5"]
    for x in lines:
        check_contract(x)


def test_analyze_jsonl_bad_line_names_it_and_keeps_old_output(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    src.write_text('{"id": "1", "text": "ok"}\n{broken\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        analyze_jsonl(src, out)
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_unknown_profile_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown topic profile 'spaceship'"):
        analyze_rows([{"id": "1", "text": "hi"}], "spaceship")


def test_worker_processes_give_the_same_results(zomato_rows):
    one = analyze_rows(zomato_rows, batch_size=16, n_process=1)
    two = analyze_rows(zomato_rows, batch_size=16, n_process=2)  # 300 rows > one chunk: really splits
    assert two == one and len(two) == len(zomato_rows)


def test_real_reviews_negative_stars_read_negative(zomato_rows):
    """On real 1-2 star reviews the text alone (no rating) mostly reads negative or mixed."""
    low = [{"id": r["id"], "text": r["text"]} for r in zomato_rows if float(r["rating"]) <= 2]
    labels = [r["sentiment"]["label"] for r in analyze_rows(low)]
    assert len(low) > 20 and sum(lab in {"negative", "mixed"} for lab in labels) / len(labels) >= 0.8


@pytest.fixture(scope="module")
def zomato_rows():
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "reviews" / \
        "zomato_hyderabad_restaurant_reviews.csv"
    if not path.exists():
        pytest.skip("development data ../shared/data is not beside the checkout")
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, rec in enumerate(csv.DictReader(fh)):
            if rec["Review"] and rec["Rating"] not in ("", "Like"):
                rows.append({"id": str(i), "text": rec["Review"], "rating": rec["Rating"]})
    return rows[::30][:300]
