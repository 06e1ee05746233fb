"""Reply-draft quality on real restaurant reviews: CARE.md checks, distinctness and sentence reuse.

    .venv/bin/python bench/draft_quality.py --n 300 [--show 5] [--failures] [--demo]

Reads N Zomato reviews spread evenly over 1-5 stars from ../shared/data, analyzes them with the real pipeline
(`nlp.analyze.analyze_rows`), drafts them as one batch with `nlp.draft.draft_many`, and prints the share of
drafts passing each self-check, the share passing all of them, whether all drafts are distinct, and the most
reused sentence's share. With --demo it drafts the bundled demo restaurant's reviews instead.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.draft import draft_many, sentence_shares  # noqa: E402

DEMO = ROOT / "reviewcare" / "demo_site" / "reviews.json"
ZOMATO = ROOT / ".." / "shared" / "data" / "reviews" / "zomato_hyderabad_restaurant_reviews.csv"
BUSINESS = {"name": "Spice Route Kitchen", "industry": "restaurant"}
VOICE = {
    "signature": "Asha, General Manager",
    "contact": "asha@spiceroute.example",
    "tone": "warm",
    "banned_phrases": ["delightful experience"],
    "facts": ["our kitchen keeps a separate area for nut-free dishes."],
    "policies": [],
}


def load_zomato(n: int, offset: int = 0, path: Path = ZOMATO) -> list[dict]:
    """N review rows, the same number per star rating (1-5), spread across the file; empty texts included."""
    by_star: dict[int, list[dict]] = {s: [] for s in range(1, 6)}
    with path.open(encoding="utf-8", newline="") as f:
        for i, rec in enumerate(csv.DictReader(f)):
            try:
                star = float(rec["Rating"])
            except (TypeError, ValueError):
                continue
            if star != int(star):
                continue
            by_star[int(star)].append({"id": f"zomato-{i}", "text": (rec["Review"] or "").strip(),
                                       "rating": int(star), "author": rec["Reviewer"], "source": "zomato"})
    per_star = max(1, n // 5)
    rows: list[dict] = []
    for recs in by_star.values():
        step = max(1, len(recs) // per_star)
        rows += recs[offset % step::step][:per_star]
    return rows


def load_demo(path: Path = DEMO) -> list[dict]:
    """The demo restaurant's reviews (written for the project) as review rows."""
    import json

    return [{"id": r["id"], "author": r.get("author"), "rating": r.get("rating"), "title": r.get("title"),
             "text": r.get("text") or "", "source": "schema_org"} for r in json.loads(path.read_text("utf-8"))]


def measure(drafts: list[dict]) -> dict:
    """Figures for a drafted batch: check pass rates, all-pass rate, distinctness, top sentence share."""
    replies = [d["reply"] for d in drafts if "reply" in d]
    check_names = sorted({k for d in drafts for k in d.get("checks", {})})
    per_check = {k: sum(d["checks"][k] for d in drafts if "reply" in d) / max(1, len(replies))
                 for k in check_names}
    all_pass = sum(all(d["checks"].values()) for d in drafts if "reply" in d) / max(1, len(replies))
    shares = sentence_shares(replies)
    top = next(iter(shares.items()), ("", 0.0))
    return {
        "drafted": len(replies),
        "needs_human": len(drafts) - len(replies),
        "distinct": len(set(replies)) == len(replies),
        "all_checks": all_pass,
        "per_check": per_check,
        "top_sentence": top,
        "reasons": Counter(d["reason"].split(" (")[0] for d in drafts if d.get("needs_human")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="reviews to draft (split evenly over 1-5 stars)")
    parser.add_argument("--offset", type=int, default=0, help="shift the sample to other reviews")
    parser.add_argument("--show", type=int, default=0, help="print this many example drafts")
    parser.add_argument("--failures", action="store_true", help="print drafts that fail a check")
    parser.add_argument("--demo", action="store_true", help="draft the bundled demo reviews instead of Zomato")
    args = parser.parse_args()

    from nlp.analyze import analyze_rows

    rows = load_demo() if args.demo else load_zomato(args.n, args.offset)
    t0 = time.perf_counter()
    analyses = analyze_rows(rows)
    t1 = time.perf_counter()
    drafts = draft_many(zip(rows, analyses, strict=True), BUSINESS, VOICE)
    t2 = time.perf_counter()
    m = measure(drafts)
    print(f"reviews: {len(rows)}  drafted: {m['drafted']}  needs_human: {m['needs_human']} {dict(m['reasons'])}")
    print(f"analysis {t1 - t0:.1f}s, drafting {t2 - t1:.2f}s ({(t2 - t1) / max(1, len(rows)) * 1000:.1f} ms/review)")
    print(f"all drafts distinct: {m['distinct']}")
    print(f"most used sentence: {m['top_sentence'][1]:.1%}  ({m['top_sentence'][0]!r})")
    print(f"drafts passing every check: {m['all_checks']:.1%}")
    for name, rate in m["per_check"].items():
        print(f"  {name:<24} {rate:.1%}")
    by_id = {r["id"]: r for r in rows}
    shown = 0
    for d in drafts:
        failed = [k for k, v in d.get("checks", {}).items() if not v]
        if "reply" not in d or (args.failures and not failed) or (not args.failures and shown >= args.show):
            continue
        if args.failures or shown < args.show:
            row = by_id[d["id"]]
            print(f"\n--- {d['id']} ({row['rating']} stars, {row['author']}) failed={failed}\n{row['text'][:400]}\n>>>")
            print(d["reply"])
            shown += 1


if __name__ == "__main__":
    main()
