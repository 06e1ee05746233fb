"""Crawl throughput: the schema_org spider against a loopback review site, beside `scrapy bench`.

    python bench/crawl.py [--reviews 2000]

Throttling is off for both, so the figures measure the crawler and extraction, not politeness delays.
Pages of a review listing are fetched one after another (each page names the next), so pages/s here is
sequential; `scrapy bench` follows many links at once and extracts nothing, which is why the ratio is well
below 1. Our elapsed time includes loading the language detector's models once (a few seconds) and one SQLite
write per review.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from reviewcare.config import SourceConfig
from reviewcare.crawl import crawl_command
from reviewcare.demo_site.server import load_demo_data, serve_reviews

FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "LOG_LEVEL": "INFO"}


def scrapy_stats(stderr: str) -> dict:
    """The stats dictionary Scrapy dumps at the end of a crawl."""
    match = re.search(r"Dumping Scrapy stats:\s*(\{.*?\})\s*\n\S", stderr, re.DOTALL)
    if not match:
        raise SystemExit("no Scrapy stats in the output:\n" + stderr[-2000:])
    text = re.sub(r"datetime\.datetime\([^)]*\)", "None", match.group(1))
    return ast.literal_eval(text)


def bench_reviews(count: int) -> tuple[list[dict], dict]:
    demo, business = load_demo_data()
    reviews = []
    for i in range(count):
        base = demo[i % len(demo)]
        reviews.append({**base, "id": f"b{i:06d}", "author": f"{base['author']} {i // len(demo)}"})
    return reviews, business


def run_ours(count: int) -> dict:
    reviews, business = bench_reviews(count)
    server, base_url = serve_reviews(reviews, business)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            command = crawl_command(Path(tmp) / "bench.db", "bench", SourceConfig("schema_org", base_url + "/reviews"),
                                    settings=FAST)
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    finally:
        server.stop()
    stats = scrapy_stats(done.stderr)
    return {"pages": stats.get("response_received_count", 0) - stats.get("robotstxt/response_count", 0),
            "items": stats.get("item_scraped_count", 0), "seconds": stats["elapsed_time_seconds"]}


def run_scrapy_bench(seconds: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}", "-s", "LOG_LEVEL=INFO"],
        capture_output=True, text=True, check=True, cwd=tempfile.gettempdir(),
        env={k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"},
    )
    stats = scrapy_stats(done.stderr)
    return {"pages": stats.get("response_received_count", 0), "seconds": stats["elapsed_time_seconds"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=2000, help="reviews on the loopback site (20 per page)")
    parser.add_argument("--bench-seconds", type=int, default=10, help="how long `scrapy bench` runs")
    args = parser.parse_args()
    ours = run_ours(args.reviews)
    ref = run_scrapy_bench(args.bench_seconds)
    ours_pps = ours["pages"] / ours["seconds"]
    ref_pps = ref["pages"] / ref["seconds"]
    print(f"schema_org spider: {ours['pages']} pages, {ours['items']} reviews in {ours['seconds']:.2f} s "
          f"-> {ours_pps:.1f} pages/s, {ours['items'] / ours['seconds']:.1f} reviews/s")
    print(f"scrapy bench:      {ref['pages']} pages in {ref['seconds']:.2f} s -> {ref_pps:.1f} pages/s")
    print(f"ratio (schema_org pages/s / scrapy bench pages/s): {ours_pps / ref_pps:.2f}")


if __name__ == "__main__":
    main()
