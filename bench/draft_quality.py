"""Reply-draft quality on real reviews: CARE.md checks, distinctness and sentence reuse.

    .venv/bin/python bench/draft_quality.py --n 300 [--show 5] [--failures] [--demo]
    .venv/bin/python bench/draft_quality.py --n 40 --seed 7 --show 40 --full   # a random sample to read
    .venv/bin/python bench/draft_quality.py --source booking [--industry "boutique hotel"] --show 30

Reads N Zomato reviews spread evenly over 1-5 stars from ../shared/data, analyzes them with the real pipeline
(`nlp.analyze.analyze_rows`), drafts them as one batch with `nlp.draft.draft_many`, and prints the share of
drafts passing each self-check, the share passing all of them, whether all drafts are distinct, and the most
reused sentence's share. With --demo it drafts the bundled demo restaurant's reviews instead; with --source it
drafts the real scraped records of another site (booking, tripadvisor, google_play, app_store, trustpilot;
amazon: Amazon product reviews) as a
business of that site's industry (or of --industry), analyzed with that industry's topic profile.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.draft import draft_many, industry_family, sentence_shares  # noqa: E402
from reviewcare.config import profile_for_industry  # noqa: E402
from reviewcare.importer import split_owner_reply  # noqa: E402

DEMO = ROOT / "reviewcare" / "demo_site" / "reviews.json"
ZOMATO = ROOT / ".." / "shared" / "data" / "reviews" / "zomato_hyderabad_restaurant_reviews.csv"
SITES = ROOT / ".." / "shared" / "data" / "sites"
BUSINESS = {"name": "Spice Route Kitchen", "industry": "restaurant"}
# A business name per industry family, for the sign-offs and "thanks for choosing ..." lines.
BUSINESS_NAMES = {"restaurant": "Spice Route Kitchen", "hotel": "Harbour Lane Hotel", "app": "Pocketwise",
                  "retail": "Brightline Supplies", "local_services": "Northside Motors",
                  "health": "Northside Dental"}
# Each site's own industry, when --industry is not given.
SOURCE_INDUSTRY = {"zomato": "restaurant", "booking": "hotel", "tripadvisor": "hotel", "google_play": "app",
                   "app_store": "app", "trustpilot": "online shop", "amazon": "online shop"}
VOICE = {
    "signature": "Asha, General Manager",
    "contact": "asha@spiceroute.example",
    "tone": "warm",
    "banned_phrases": ["delightful experience"],
    "facts": ["our kitchen keeps a separate area for nut-free dishes."],
    "policies": [],
}


def load_zomato(n: int, offset: int = 0, path: Path = ZOMATO, seed: int | None = None) -> list[dict]:
    """N review rows, the same number per star rating (1-5), spread across the file; empty texts included.
    With a seed, a random sample of each star rating's reviews with text instead (a fresh sample per seed:
    the offsets repeat a star rating's reviews once they pass its step)."""
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
    if seed is not None:
        return stratified([r for recs in by_star.values() for r in recs], n, seed)
    for recs in by_star.values():
        step = max(1, len(recs) // per_star)
        rows += recs[offset % step::step][:per_star]
    return rows


def stratified(rows: list[dict], n: int, seed: int) -> list[dict]:
    """A seeded random sample of rows with text, the same number per star rating (fewer where a rating has fewer)."""
    rng = random.Random(seed)
    rows_by_star: dict[int, list[dict]] = {}
    for r in rows:
        if r["text"] and r.get("rating"):
            rows_by_star.setdefault(int(r["rating"]), []).append(r)
    out: list[dict] = []
    for star in sorted(rows_by_star):
        out += rng.sample(rows_by_star[star], min(max(1, n // 5), len(rows_by_star[star])))
    return out


def _stars(value: object, scale: float = 5.0) -> int | None:
    try:
        number = float(value) * 5.0 / scale
    except (TypeError, ValueError):
        return None
    return max(1, min(5, int(number + 0.5)))


def load_site(source: str, sites: Path = SITES) -> list[dict]:
    """Review rows from a scraped site's records (field names as each site returns them)."""
    rows: list[dict] = []
    if source == "booking":
        for i, r in enumerate(json.loads((sites / "bookingcom_hotel_review.json").read_text("utf-8"))):
            parts = r.get("textDetails") or {}
            # Booking.com asks for what the guest liked and disliked: read as two runs of the same review.
            text = " ".join(t.strip() if t.strip().endswith((".", "!", "?")) else t.strip() + "."
                            for t in (parts.get("positiveText"), parts.get("negativeText")) if t and t.strip())
            guest = r.get("guestDetails") or {}
            rows.append({"id": f"booking-{i}", "title": parts.get("title") or "", "text": text,
                         "rating": _stars(r.get("reviewScore"), 10), "source": "booking",
                         "author": None if guest.get("anonymous") else guest.get("username"),
                         "owner_reply": (r.get("partnerReply") or {}).get("reply") or ""})
    elif source == "tripadvisor":
        records = json.loads((sites / "tripadvisor_hotels.json").read_text("utf-8"))["reviews"]
        rows = []
        for i, r in enumerate(records):
            # the export glues the hotel's own answer onto some reviews: those are already answered
            text, reply, addressed = split_owner_reply(r.get("text") or "")
            rows.append({"id": f"tripadvisor-{i}", "title": r.get("title") or "", "text": text,
                         "rating": _stars(r.get("rate")), "author": addressed or None, "source": "tripadvisor",
                         "owner_reply": reply})
    elif source == "google_play":
        records = json.loads((sites / "google-play_reviews.json").read_text("utf-8"))
        rows = [{"id": f"play-{i}", "text": r.get("content") or "", "rating": _stars(r.get("score")),
                 "author": r.get("userName"), "source": "google_play"} for i, r in enumerate(records)]
    elif source == "app_store":
        records = json.loads((sites / "app-store_reviews.json").read_text("utf-8"))
        rows = [{"id": f"appstore-{i}", "title": r.get("title") or "", "text": r.get("content") or "",
                 "rating": _stars(r.get("score")), "author": r.get("userName"), "source": "app_store"}
                for i, r in enumerate(records)]
    elif source == "trustpilot":
        records = json.loads((sites / "trustpilot_reviews.json").read_text("utf-8"))
        rows = [{"id": f"trustpilot-{i}", "title": r.get("title") or "", "text": r.get("text") or "",
                 "rating": _stars(r.get("rating")), "author": (r.get("consumer") or {}).get("displayName"),
                 "source": "trustpilot"} for i, r in enumerate(records)]
    elif source == "amazon":
        # product reviews of a smart speaker (no author names): read as an online shop's reviews
        path = sites.parent / "reviews" / "amazon_alexa.tsv"
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = [{"id": f"amazon-{i}", "text": (r.get("verified_reviews") or "").strip(),
                     "rating": _stars(r.get("rating")), "author": None, "source": "amazon"}
                    for i, r in enumerate(csv.DictReader(f, delimiter="\t"))]
    else:
        raise ValueError(f"unknown source {source!r}; use one of {', '.join(SOURCE_INDUSTRY)}")
    return rows


def business_for(industry: str) -> dict:
    """A made-up business of that industry, named for its family."""
    return {"name": BUSINESS_NAMES[industry_family({"industry": industry})], "industry": industry}


def voice_for(business: dict) -> dict:
    slug = business["name"].split()[0].lower()
    return {**VOICE, "contact": f"asha@{slug}.example"}


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
    read = [d.get("second_reading", {}) for d in drafts if "reply" in d]
    flags = sorted({k for r in read for k in r})
    per_flag = {k: sum(not r.get(k, True) for r in read) / max(1, len(read)) for k in flags}
    flagged = sum(not all(r.values()) for r in read) / max(1, len(read))
    shares = sentence_shares(replies)
    top = next(iter(shares.items()), ("", 0.0))
    return {
        "drafted": len(replies),
        "needs_human": len(drafts) - len(replies),
        "distinct": len(set(replies)) == len(replies),
        "all_checks": all_pass,
        "per_check": per_check,
        "second_reading_flagged": flagged, "per_flag": per_flag,
        "top_sentence": top,
        "reasons": Counter(d["reason"].split(" (")[0] for d in drafts if d.get("needs_human")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="reviews to draft (split evenly over 1-5 stars)")
    parser.add_argument("--offset", type=int, default=0, help="shift the sample to other reviews")
    parser.add_argument("--seed", type=int, help="draw a random sample, the same number per star rating")
    parser.add_argument("--full", action="store_true", help="print whole review texts with --show / --failures")
    parser.add_argument("--show", type=int, default=0, help="print this many example drafts")
    parser.add_argument("--failures", action="store_true", help="print drafts that fail a check")
    parser.add_argument("--demo", action="store_true", help="draft the bundled demo reviews instead of Zomato")
    parser.add_argument("--source", choices=sorted(SOURCE_INDUSTRY), default="zomato",
                        help="real records of this site (default: Zomato restaurant reviews)")
    parser.add_argument("--industry", help="the business's industry, as in reviewcare.toml (default: the site's)")
    args = parser.parse_args()

    from nlp.analyze import analyze_rows

    industry = args.industry or SOURCE_INDUSTRY[args.source]
    business = business_for(industry) if (args.industry or args.source != "zomato") else BUSINESS
    voice = voice_for(business) if business is not BUSINESS else VOICE
    if args.demo:
        rows = load_demo()
    elif args.source == "zomato":
        rows = load_zomato(args.n, args.offset, seed=args.seed)
    else:
        rows = load_site(args.source)
        rows = stratified(rows, args.n, args.seed) if args.seed is not None else rows[args.offset:args.offset + args.n]
    t0 = time.perf_counter()
    analyses = analyze_rows(rows, profile_for_industry(industry))
    t1 = time.perf_counter()
    drafts = draft_many(zip(rows, analyses, strict=True), business, voice)
    t2 = time.perf_counter()
    m = measure(drafts)
    print(f"reviews: {len(rows)}  drafted: {m['drafted']}  needs_human: {m['needs_human']} {dict(m['reasons'])}")
    print(f"analysis {t1 - t0:.1f}s, drafting {t2 - t1:.2f}s ({(t2 - t1) / max(1, len(rows)) * 1000:.1f} ms/review)")
    print(f"all drafts distinct: {m['distinct']}")
    print(f"most used sentence: {m['top_sentence'][1]:.1%}  ({m['top_sentence'][0]!r})")
    print(f"drafts passing every check: {m['all_checks']:.1%}")
    for name, rate in m["per_check"].items():
        print(f"  {name:<24} {rate:.1%}")
    print(f"drafts the second reading asks an owner to read closely: {m['second_reading_flagged']:.1%}")
    for name, rate in m["per_flag"].items():
        print(f"  {name:<24} {rate:.1%} flagged")
    by_id = {r["id"]: r for r in rows}
    shown = 0
    for d in drafts:
        failed = [k for k, v in {**d.get("checks", {}), **d.get("second_reading", {})}.items() if not v]
        if "reply" not in d or (args.failures and not failed) or (not args.failures and shown >= args.show):
            continue
        if args.failures or shown < args.show:
            row = by_id[d["id"]]
            title = f"[{row['title']}] " if row.get("title") else ""
            print(f"\n--- {d['id']} ({row['rating']} stars, {row['author']}) failed={failed}\n"
                  f"{title}{row['text'] if args.full else row['text'][:400]}\n>>>")
            print(d["reply"])
            if row.get("owner_reply"):
                print(f"(the business's own reply: {row['owner_reply'].strip()[:300]})")
            shown += 1


if __name__ == "__main__":
    main()
