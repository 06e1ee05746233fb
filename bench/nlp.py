"""Throughput of the whole analysis (analyze_rows) on real restaurant reviews, beside a plain VADER loop.

    python bench/nlp.py [--n 5000] [--n-process 2] [--batch-size 256] [--repeat 3]

Other jobs on a shared machine move wall time a lot: --repeat runs the pair (VADER loop, analysis) several
times and prints each run and the ranges; reviews per CPU-second is the steadiest figure. Use it with
--n-process 2 or more, whose workers start cold every run (one process would find its caches warm).
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / ".." / "shared" / "data" / "reviews" / "zomato_hyderabad_restaurant_reviews.csv"


def load_rows(n: int) -> list[dict]:
    rows = []
    with DATA.open(encoding="utf-8", newline="") as fh:
        for i, rec in enumerate(csv.DictReader(fh)):
            rows.append({"id": str(i), "text": rec["Review"] or "", "rating": rec["Rating"],
                         "author": rec["Reviewer"]})
    return rows[:n]


def peak_mb() -> float:
    # ru_maxrss is in KiB on Linux; children covers the n_process workers
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own / 1024, kids / 1024


def cpu_seconds() -> float:
    """User and system CPU time of this process and its finished workers."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--repeat", type=int, default=1, help="runs of the VADER loop and the analysis, in turn")
    args = ap.parse_args()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from nlp.analyze import analyze_rows
    from nlp.language import detect_language
    from nlp.pipeline import load_pipeline

    rows = load_rows(args.n)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(rows)} zomato restaurant reviews, {words / len(rows):.0f} words on average")

    # One-off start-up costs (model load, lingua models) are reported apart from throughput.
    t0 = time.perf_counter()
    load_pipeline("restaurant")
    detect_language("Das Essen war kalt und der Kellner war unfreundlich, wir kommen nicht wieder")
    analyze_rows(rows[:20])
    print(f"start-up (model, lexicons, language models): {time.perf_counter() - t0:.1f} s")

    sia = SentimentIntensityAnalyzer()
    runs = []
    for run in range(1, args.repeat + 1):
        t0 = time.perf_counter()
        for text in texts:
            sia.polarity_scores(text)
        vader_rate = len(texts) / (time.perf_counter() - t0)

        t0, cpu0 = time.perf_counter(), cpu_seconds()
        results = analyze_rows(rows, "restaurant", batch_size=args.batch_size, n_process=args.n_process)
        ours_rate = len(rows) / (time.perf_counter() - t0)
        cpu_rate = len(rows) / (cpu_seconds() - cpu0)
        assert len(results) == len(rows)
        runs.append((ours_rate, vader_rate, cpu_rate))
        if args.repeat > 1:
            print(f"run {run}:")
        print(f"plain VADER loop (whole text):       {vader_rate:8.0f} reviews/s")
        print(f"analyze_rows (n_process={args.n_process}, batch {args.batch_size}): {ours_rate:8.0f} reviews/s")
        print(f"ratio analyze/VADER:                 {ours_rate / vader_rate:8.2f}")
        # CPU time moves far less than wall time when other jobs share the cores
        print(f"analyze_rows per CPU-second:         {cpu_rate:8.0f} reviews (all processes)")
    if args.repeat > 1:
        rates = sorted(r for r, _, _ in runs)
        ratios = sorted(r / v for r, v, _ in runs)
        cpu_rates = sorted(c for _, _, c in runs)
        print(f"range over {args.repeat} runs: analyze_rows {rates[0]:.0f}-{rates[-1]:.0f} reviews/s, "
              f"ratio {ratios[0]:.2f}-{ratios[-1]:.2f}, {cpu_rates[0]:.0f}-{cpu_rates[-1]:.0f} per CPU-second")

    own, kids = peak_mb()
    print(f"peak memory: main process {own:.0f} MB, largest worker {kids:.0f} MB")


if __name__ == "__main__":
    main()
