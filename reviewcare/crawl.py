"""Run one source's crawl with the real Scrapy spider, in a child process, and report its crawl run.

    run = run_crawl("reviewcare.db", "olive-tree", SourceConfig("schema_org", "https://example.com/reviews"))
    run["status"], run["new"], run["message"]

A child process keeps Twisted's reactor out of the caller (it cannot be restarted) and means a crashed or
killed crawl cannot take the caller down; every review the crawl stored before it ended stays stored.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from reviewcare import store
from reviewcare.config import SourceConfig

DEFAULT_TIMEOUT = 1800.0
_EXCEPTION_LINE = re.compile(r"^([A-Za-z_][\w.]*(Error|Exception|Exit)|KeyError|ValueError)\b:?")
_LOG_PREFIX = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[[^\]]+\] \w+: ")


def crawl_command(db_path: str | Path, business_id: str, source: SourceConfig, *, full: bool = False,
                  settings: dict[str, object] | None = None) -> list[str]:
    """The `scrapy crawl` command line for one source."""
    command = [sys.executable, "-m", "scrapy", "crawl", source.spider, "-a", f"urls={source.url}",
               "-a", f"business={business_id}", "-s", f"REVIEWCARE_DB={Path(db_path).resolve()}"]
    if full:
        command += ["-a", "full=1"]
    for key, value in (settings or {}).items():
        command += ["-s", f"{key}={value}"]
    return command


def last_meaningful_line(stderr: str) -> str:
    """The line of a crawl's stderr that best says why it ended: the final exception, else the last error."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in reversed(lines):
        if _EXCEPTION_LINE.match(line):
            return line
    for line in reversed(lines):
        if "ERROR" in line or "CRITICAL" in line:
            return _LOG_PREFIX.sub("", line)
    return _LOG_PREFIX.sub("", lines[-1]) if lines else "no output"


def run_crawl(db_path: str | Path, business_id: str, source: SourceConfig, *, full: bool = False,
              contact_url: str = "", timeout: float = DEFAULT_TIMEOUT,
              settings: dict[str, object] | None = None) -> dict:
    """Crawl one source into the database and return its crawl run (status, counts, message).

    `settings` overrides Scrapy settings for this run (the tests and the benchmark turn throttling off).
    A crawl that crashes, is killed or times out is recorded as a failed run with the reason.
    """
    db_path = Path(db_path).resolve()
    db = store.open_db(db_path)
    try:
        if business_id not in {b["id"] for b in store.list_businesses(db)}:
            store.upsert_business(db, business_id, business_id)
        source_id = store.ensure_source(db, business_id, source.spider, source.url, source.name)
        # Callers hold the refresh lock, so a run of this source still marked running died unseen.
        store.close_stale_runs(db, source_id, "crawl process ended without finishing its run")
        before = store.last_crawl_run_id(db)
    finally:
        db.conn.close()

    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings", "REVIEWCARE_DB": str(db_path)}
    if contact_url:
        env["REVIEWCARE_CONTACT_URL"] = contact_url
    command = crawl_command(db_path, business_id, source, full=full, settings=settings)
    failure = ""
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, check=False)
        if done.returncode != 0:
            if done.returncode < 0:
                failure = f"crawl process was killed (signal {-done.returncode})"
            else:
                failure = f"crawl process failed: {last_meaningful_line(done.stderr)}"
    except subprocess.TimeoutExpired:
        failure = f"crawl took longer than {timeout:.0f} s and was stopped; reviews stored so far are kept"

    db = store.open_db(db_path)
    try:
        runs = store.crawl_runs_after(db, source_id, before)
        unfinished = [r for r in runs if r["status"] == "running"]
        if not runs:
            run_id = store.start_crawl_run(db, source_id)
            store.finish_crawl_run(db, run_id, status="failed",
                                   message=failure or "crawl ended without recording a run")
        for run in unfinished:
            store.finish_crawl_run(
                db, run["id"], status="failed", message=failure or "crawl ended before finishing its run",
                pages=run["pages"], new=run["new"], updated=run["updated"], unchanged=run["unchanged"],
                errors=run["errors"] + 1,
            )
        return store.crawl_runs_after(db, source_id, before)[0]
    finally:
        db.conn.close()
