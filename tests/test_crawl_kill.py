"""A crawl killed with SIGKILL half way loses nothing stored, and the next crawl adds no duplicate."""

from __future__ import annotations

import os
import signal
import subprocess
import time

from reviewcare import store
from reviewcare.config import SourceConfig
from reviewcare.crawl import crawl_command, run_crawl
from reviewcare.demo_site.server import serve_reviews

REVIEWS = [
    {"id": f"k{i:03d}", "author": f"Guest {i}", "rating": 1 + i % 5, "title": None,
     "text": f"Visit number {i}: the risotto was {'good' if i % 2 else 'too salty'} and service was quick.",
     "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "reply": None}
    for i in range(60)
]
FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS_PER_DOMAIN": 1}


def _stored_ids(db_path) -> list[str]:
    db = store.open_db(db_path)
    try:
        return [r["external_id"] for r in db.query("select external_id from reviews")]
    finally:
        db.conn.close()


def test_sigkill_half_way_then_recrawl(tmp_path):
    server, base_url = serve_reviews(REVIEWS, {"name": "Slow Bistro"}, per_page=5)
    # Slow pages so that the kill lands in the middle of the crawl.
    server.responder = lambda path: time.sleep(0.4) if path.startswith("/reviews") else None
    db_path = tmp_path / "kill.db"
    source = SourceConfig("schema_org", base_url + "/reviews")
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"}
    store.open_db(db_path).conn.close()
    process = subprocess.Popen(crawl_command(db_path, "bistro", source, settings=FAST), env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(_stored_ids(db_path)) < 10 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert process.poll() is None, "the crawl finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        before = _stored_ids(db_path)
        assert 10 <= len(before) < len(REVIEWS)

        server.responder = None
        run = run_crawl(db_path, "bistro", source, full=True, settings=FAST, timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
        server.stop()
    after = _stored_ids(db_path)
    assert run["status"] == "ok", run["message"]
    assert len(after) == len(set(after)) == len(REVIEWS)
    assert set(before) <= set(after)
    db = store.open_db(db_path)
    try:
        assert store.integrity_ok(db)
        statuses = [r["status"] for r in store.crawl_runs(db)]
    finally:
        db.conn.close()
    assert statuses[0] == "ok"
