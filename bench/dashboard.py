"""Dashboard speed at scale: build a database of many varied reviews, then time every page's script.

    python bench/dashboard.py                    # 1,000,000 reviews in a temporary folder
    python bench/dashboard.py --reviews 200000 --db /tmp/bench.db --keep

Reviews, analyses and drafts are generated from phrase lists (no NLP run: this measures the dashboard, not the
analyzer) and written in bulk through sqlite-utils into a database created by the store, so the schema, indexes,
search triggers and the triggers that keep the dashboard's summary tables are the product's own. Each page
is then run with Streamlit's AppTest, first with empty caches (what the first visitor of the morning waits for)
and again with warm caches. Prints one line per page.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewcare import store  # noqa: E402

TARGET_S = 1.5
PAGES = ["overview", "issues", "inbox", "people", "quiet", "search", "sources", "settings"]
FIRST = ["Dana", "Sam", "Lee", "Ana", "Priya", "Marco", "Noor", "Jo", "Kim", "Olivia", "Mia", "Tom", "Ravi", "Lena",
         "Chen", "Fatima", "Yusuf", "Ines", "Pablo", "Greta", "Hugo", "Aiko", "Omar", "Sara", "Ben", "Eva"]
LAST = ["Whitfield", "Okafor", "Shah", "Rossi", "Nguyen", "Müller", "Garcia", "Kowalski", "Brown", "Haddad"]
STAFF = ["Marco", "Jo", "Elena", "Tariq", "Bea", "Ollie"]
# topic, category, praise phrases, complaint phrases
TOPICS = [
    ("food_quality", "food", ["the risotto was perfect", "every dish was full of flavour", "the fish was so fresh"],
     ["the pasta was bland", "the steak was overcooked", "the salad was limp"]),
    ("wait_time", "service", ["our food came quickly", "no wait at all"],
     ["we waited almost an hour", "the kitchen was painfully slow", "forty minutes for a starter"]),
    ("staff_attitude", "service", ["the staff were lovely", "our waiter was charming"],
     ["the waiter was rude", "nobody seemed to care"]),
    ("price", "price", ["fair prices for the quality", "great value lunch menu"],
     ["far too expensive for what it is", "the bill was a shock"]),
    ("noise", "ambience", ["a calm, cosy room"], ["so loud we could not talk", "the music was deafening"]),
    ("cleanliness", "cleanliness", ["spotless tables and toilets"], ["the toilets were dirty", "sticky tables"]),
    ("location", "location", ["easy to find near the station"], ["impossible to park nearby"]),
    ("desserts", "food", ["the tiramisu is a must", "lovely lemon tart"], ["the cake tasted stale"]),
    ("drinks", "food", ["a great wine list", "excellent cocktails"], ["the wine was corked", "flat beer"]),
    ("booking", "service", ["booking online was easy"], ["they lost our booking"]),
]
SOURCES = ["google", "trustpilot", "schema_org"]
TITLES = {5: ["Wonderful evening", "Our new favourite", "Worth every penny"], 4: ["Very good", "Nice lunch"],
          3: ["Hit and miss", "Fine, not special"], 2: ["Disappointing", "Not what it was"],
          1: ["Never again", "Awful night"]}
BUSINESSES = ["bistro", "harbour", "garden"]


def generate(count: int, seed: int = 7):
    """Yield (review, analysis, topics, draft or None) tuples with a realistic spread of ratings and tones."""
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    span_s = int((datetime.now(UTC) - start).total_seconds())
    for i in range(count):
        rating = rng.choices([1, 2, 3, 4, 5], weights=[10, 7, 10, 25, 48])[0]
        published = start + timedelta(seconds=rng.randrange(span_s))
        # Regulars come back: a small pool of names writes a large share of the reviews.
        author = (f"{rng.choice(FIRST)} {rng.choice(LAST)}" if rng.random() < 0.3
                  else f"{rng.choice(FIRST)} {rng.choice(LAST)[0]}.{rng.randrange(5000)}")
        chosen = rng.sample(TOPICS, rng.choice([0, 1, 1, 2, 2, 3]))
        topics, sentences = [], []
        for topic, category, good, bad in chosen:
            positive = rng.random() < (0.15 + 0.18 * rating)
            phrase = rng.choice(good if positive else bad)
            score = round(rng.uniform(0.3, 0.9) * (1 if positive else -1), 3)
            topics.append({"topic": topic, "category": category, "sentiment": score,
                           "label": "positive" if positive else "negative", "evidence": phrase})
            sentences.append(phrase[0].upper() + phrase[1:] + ".")
        staff = []
        if rng.random() < 0.08:
            name = rng.choice(STAFF)
            staff.append({"name": name, "role": None, "label": "positive" if rating >= 4 else "negative"})
            sentences.append(f"{name} {'looked after us so well' if rating >= 4 else 'was not helpful'}.")
        text = " ".join(sentences) if sentences and rng.random() > 0.05 else ""
        scores = [t["sentiment"] for t in topics]
        overall = round(sum(scores) / len(scores), 3) if scores else (rating - 3) / 2
        label = ("mixed" if scores and max(scores) > 0.2 and min(scores) < -0.2 else
                 "positive" if overall > 0.05 else "negative" if overall < -0.05 else "neutral")
        urgency = round(min(1.0, max(0.0, (3 - rating) / 2 * 0.7 + rng.random() * 0.3)), 3)
        source = rng.choices(range(3), weights=[6, 3, 1])[0]
        # Some reviews were answered on the site itself, a day or so later; a few have since been taken down.
        replied = text and rng.random() < 0.2
        review = {"id": i + 1, "business_id": BUSINESSES[i % 3], "source_id": (i % 3) * 3 + source + 1,
                  "source": SOURCES[source], "external_id": f"b{i}", "url": f"http://127.0.0.1:9/r/{i}",
                  "author": author, "rating": float(rating),
                  "title": rng.choice(TITLES[rating]) if text and rng.random() < 0.4 else "", "text": text,
                  "published_at": published.isoformat(),
                  "reply_text": "Thank you for telling us." if replied else None,
                  "reply_at": (published + timedelta(hours=rng.uniform(2, 96))).isoformat() if replied else None,
                  "removed_at": published.isoformat() if rng.random() < 0.01 else None,
                  "language": "en", "content_hash": f"h{i}", "first_seen_at": published.isoformat(),
                  "last_seen_at": published.isoformat(), "updated_at": published.isoformat()}
        analysis = {"review_id": i + 1, "analyzer_version": "bench", "content_hash": f"h{i}", "language": "en",
                    "sentiment_score": overall, "sentiment_label": label, "emotions": "[]",
                    "staff": json.dumps(staff), "suggestion": int(rng.random() < 0.03), "urgency": urgency,
                    "urgency_reasons": "[]", "result": "{}", "analyzed_at": published.isoformat()}
        mentions = [{"review_id": i + 1, **t} for t in topics]
        draft = None
        # Most old reviews were dealt with long ago; recent ones are still in the queue.
        age_days = (datetime.now(UTC) - published).days
        status = rng.choice(["posted", "dismissed"]) if age_days > 60 else rng.choice(["drafted", "edited",
                                                                                        "drafted", "needs_human"])
        if text and not replied:
            draft = {"review_id": i + 1, "reply": f"Hi {author.split()[0]}, thank you for writing.",
                     "original_reply": "", "checks": json.dumps({"uses_name": True}),
                     "needs_human": int(status == "needs_human"), "reason": "safety" if status == "needs_human"
                     else None, "status": status, "content_hash": f"h{i}", "created_at": published.isoformat(),
                     "updated_at": published.isoformat()}
        yield review, analysis, mentions, draft


def build(path: Path, count: int) -> float:
    """Create the database at `path` with `count` reviews; return the seconds it took."""
    started = time.perf_counter()
    db = store.open_db(path)
    # A bulk load that can be rebuilt if it fails: skip the fsyncs and keep the indexes in memory while writing.
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -400000")
    for business, name in zip(BUSINESSES, ("Bistro Verde", "Harbour Kitchen", "Garden Room"), strict=True):
        store.upsert_business(db, business, name)
        for spider in SOURCES:  # ids 1-9, in the order generate() assumes
            store.ensure_source(db, business, spider, f"http://127.0.0.1:9/{business}/{spider}")
    batch: dict[str, list] = {"reviews": [], "analyses": [], "topic_mentions": [], "drafts": []}

    def flush() -> None:
        with db.conn:
            for table, rows in batch.items():
                if rows:
                    db[table].insert_all(rows, batch_size=2000)
                    rows.clear()

    for n, (review, analysis, mentions, draft) in enumerate(generate(count), 1):
        batch["reviews"].append(review)
        batch["analyses"].append(analysis)
        batch["topic_mentions"].extend(mentions)
        if draft:
            batch["drafts"].append(draft)
        if n % 50_000 == 0:
            flush()
            print(f"  {n:,} reviews written", file=sys.stderr)
    flush()
    db.execute("analyze")
    return time.perf_counter() - started


def time_pages(path: Path) -> list[tuple[str, float, float]]:
    """(page, cold seconds, warm seconds) for every page, as the local owner with all businesses selected."""
    from streamlit.testing.v1 import AppTest

    from dashboard import data

    os.environ["REVIEWCARE_DB"] = str(path)
    app = str(ROOT / "dashboard" / "app.py")
    results = []
    for page in PAGES:
        timings = []
        at = AppTest.from_file(app, default_timeout=600)
        at.run()
        at.session_state["search_query"] = "slow kitchen"
        for _ in range(2):
            if not timings:
                data.clear_cache()
            started = time.perf_counter()
            at.switch_page(f"app_pages/{page}.py").run()
            timings.append(time.perf_counter() - started)
            if at.exception:
                raise SystemExit(f"{page}: {at.exception[0].value}")
        results.append((page, timings[0], timings[1]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="database file (built when missing); default: a temporary file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    args = parser.parse_args()
    folder = None
    if args.db is None:
        folder = tempfile.mkdtemp(prefix="reviewcare-bench-")
        args.db = Path(folder) / "bench.db"
    if not args.db.exists():
        seconds = build(args.db, args.reviews)
        print(f"built {args.reviews:,} reviews in {seconds:.0f} s ({args.db.stat().st_size / 1e6:.0f} MB)")
    db = store.open_db(args.db)
    print(f"database: {store.count_reviews(db):,} reviews, {db['topic_mentions'].count:,} topic mentions, "
          f"{db['drafts'].count:,} drafts")
    print(f"{'page':<10} {'cold s':>8} {'warm s':>8}  target {TARGET_S} s")
    for page, cold, warm in time_pages(args.db):
        flag = "" if cold <= TARGET_S else "  over target"
        print(f"{page:<10} {cold:8.2f} {warm:8.2f}{flag}")
    if folder and not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        os.rmdir(folder)


if __name__ == "__main__":
    main()
