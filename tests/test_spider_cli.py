"""DESIGN.md interface 4: `scrapy crawl schema_org -a urls=... -O items.jsonl` from the repository root."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reviewcare.demo_site.server import serve_reviews

REPO = Path(__file__).resolve().parents[1]
DESIGN_FIELDS = {"source", "external_id", "url", "business", "author", "rating", "title", "text", "published_at",
                 "language", "reply_text"}
REVIEWS = [
    {"id": "a1", "author": "Noor", "rating": 5, "title": "Superb", "text": "Warm welcome and a perfect risotto.",
     "date": "2024-04-02", "reply": None},
    {"id": "a2", "author": "Olek", "rating": 2, "title": None, "text": "Our table was booked but given away.",
     "date": "2024-04-01", "reply": "Olek, we are sorry; please write to me."},
    {"id": "a3", "author": "Pia", "rating": 4, "title": "Nice", "text": "Good pasta, loud music.",
     "date": "2024-03-30", "reply": None},
]


def test_scrapy_crawl_from_repo_root_writes_design_fields(tmp_path):
    first, url1 = serve_reviews(REVIEWS[:2], {"name": "Cafe One"}, per_page=1)
    second, url2 = serve_reviews(REVIEWS[2:], {"name": "Cafe Two"})
    out = tmp_path / "items.jsonl"
    env = {**os.environ, "REVIEWCARE_DB": str(tmp_path / "cli.db")}
    env.pop("SCRAPY_SETTINGS_MODULE", None)   # scrapy.cfg in the repo root must be enough
    try:
        done = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "schema_org", "-a", f"urls={url1}/reviews,{url2}/reviews",
             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-O", str(out)],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=180, check=False,
        )
    finally:
        first.stop()
        second.stop()
    assert done.returncode == 0, done.stderr[-2000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(items) == 3
    for item in items:
        assert DESIGN_FIELDS <= set(item)
        assert item["source"] == "schema_org"
        assert 1 <= item["rating"] <= 5
    by_author = {i["author"]: i for i in items}
    assert by_author["Olek"]["reply_text"] == "Olek, we are sorry; please write to me."
    assert by_author["Pia"]["business"] == "cafe-two" and by_author["Noor"]["business"] == "cafe-one"
    assert by_author["Noor"]["published_at"] == "2024-04-02T00:00:00+00:00"
    assert (tmp_path / "cli.db").exists()     # the store pipeline wrote to REVIEWCARE_DB
