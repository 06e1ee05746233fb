"""The stages that `reviewcare refresh` runs, each incremental: crawl, analyze, draft.

    db = store.open_db(path)
    analyze_new(db)
    draft_new(db, load_config())

The CLI is a thin skin over these functions.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from reviewcare import store
from reviewcare.config import Config, VoiceConfig

log = logging.getLogger("reviewcare")


class AlreadyRunning(RuntimeError):
    """Another refresh holds the lock."""


def sync_businesses(db: sqlite_utils.Database, config: Config) -> None:
    """Make the businesses and sources of the config exist in the database."""
    for business in config.businesses:
        store.upsert_business(db, business.id, business.name, business.industry, business.profile)
        for source in business.sources:
            store.ensure_source(db, business.id, source.spider, source.url, source.name)


def analyze_new(db: sqlite_utils.Database, *, business_id: str | None = None, batch_size: int = 64,
                n_process: int = 1, chunk_size: int = 2000) -> int:
    """Analyze every review that is new, changed, or analyzed by an older analyzer version."""
    from nlp.analyze import ANALYZER_VERSION, analyze_rows

    rows = store.reviews_to_analyze(db, ANALYZER_VERSION, business_id)
    by_profile: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_profile[row.get("profile") or "restaurant"].append(row)
    done = 0
    for profile, group in by_profile.items():
        # Saved chunk by chunk, so a long backfill that is interrupted keeps what it finished.
        for start in range(0, len(group), chunk_size):
            chunk = group[start:start + chunk_size]
            inputs = [{**row, "id": str(row["id"])} for row in chunk]
            results = analyze_rows(inputs, profile, batch_size=batch_size, n_process=n_process)
            done += store.save_analyses(db, zip(chunk, results, strict=True), ANALYZER_VERSION)
            log.info("analyzed %d of %d reviews (%s profile)", min(start + chunk_size, len(group)), len(group),
                     profile)
    return done


def business_for(db: sqlite_utils.Database, config: Config | None, business_id: str) -> tuple[dict, VoiceConfig]:
    """The business facts and reply voice for drafting: the config's, with an owner's edits from Settings applied."""
    if config is None:
        raise store.StoreError(
            f"business {business_id!r} has no reply voice; add it to reviewcare.toml with [voice] signature and contact"
        )
    for business in config.businesses:
        if business.id == business_id:
            return business.as_dict(), store.effective_voice(db, business_id, business.voice)
    row = db["businesses"].get(business_id)
    facts = {"id": row["id"], "name": row["name"], "industry": row["industry"]}
    return facts, store.effective_voice(db, business_id, config.voice)


def platform_limits(config: Config | None) -> dict[str, int]:
    from nlp.draft import PLATFORM_LIMITS

    limits = {k: v for k, v in PLATFORM_LIMITS.items() if v}
    if config is not None:
        limits.update(config.platform_limits)
        for business in config.businesses:
            for source in business.sources:
                if source.platform_limit:
                    limits[source.name or source.spider] = source.platform_limit
    return limits


def draft_new(db: sqlite_utils.Database, config: Config | None, *, business_id: str | None = None) -> int:
    """Draft replies for analyzed reviews that have none (and that the business has not answered)."""
    from nlp.draft import draft_many, learned_avoidances

    rows = store.reviews_to_draft(db, business_id)
    by_business: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_business[row["business_id"]].append(row)
    limits = platform_limits(config)
    done = 0
    for bid, group in by_business.items():
        business, voice = business_for(db, config, bid)
        voice_dict = voice.as_dict()
        # Sentences owners keep deleting from this business's drafts stop being used.
        voice_dict["avoid_sentences"] = learned_avoidances(store.owner_edits(db, bid))
        pairs = [({**row, "id": str(row["id"])}, row["analysis"]) for row in group]
        results = draft_many(pairs, business, voice_dict, platform_limits=limits,
                             llm=config.llm if config is not None and config.llm else None,
                             previous=store.recent_replies(db, bid))
        done += store.save_drafts(db, zip(group, results, strict=True))
    return done


@dataclass
class RefreshReport:
    crawls: list[dict] = field(default_factory=list)
    analyzed: int = 0
    drafted: int = 0
    alerted: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@contextmanager
def refresh_lock(db_path: Path) -> Iterator[Path]:
    """An exclusive lock beside the database, so two refreshes never run at once."""
    lock_path = Path(f"{db_path}.lock")
    handle = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise AlreadyRunning(
                f"another refresh is already running on {db_path} ({holder}); this run stops here"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {store.now_iso()}")
        handle.flush()
        yield lock_path
    finally:
        handle.close()


def crawl_sources(db_path: Path, config: Config, *, business_id: str | None = None, full: bool = False) -> list[dict]:
    from reviewcare.crawl import run_crawl

    runs = []
    for business in config.businesses:
        if business_id and business.id != business_id:
            continue
        for source in business.sources:
            run = run_crawl(db_path, business.id, source, full=full, contact_url=config.contact_url)
            run.setdefault("url", source.url)
            run.setdefault("spider", source.spider)
            runs.append(run)
    return runs


def refresh(db_path: Path, config: Config, *, full: bool = False, crawl: bool = True,
            business_id: str | None = None) -> RefreshReport:
    """Crawl every configured source, then analyze and draft whatever is new. Hold the lock throughout."""
    report = RefreshReport()
    with refresh_lock(db_path):
        started = time.monotonic()
        db = store.open_db(db_path)
        sync_businesses(db, config)
        if crawl:
            report.crawls = crawl_sources(db_path, config, business_id=business_id, full=full)
            for run in report.crawls:
                if run.get("status") != "ok":
                    report.errors.append(f"{run.get('spider')} {run.get('url')}: {run.get('message')}")
        # Analysis and drafting run even when a source failed: what was gathered still deserves care.
        report.analyzed = analyze_new(db, business_id=business_id)
        report.drafted = draft_new(db, config, business_id=business_id)
        if config.alerts:
            from reviewcare.alerts import AlertError, send_alerts

            try:
                report.alerted = send_alerts(db, config.alerts)
            except AlertError as ex:
                report.errors.append(f"alerts: {ex}")
        log.info("refresh finished in %.1fs: %d crawls, %d analyzed, %d drafted, %d errors",
                 time.monotonic() - started, len(report.crawls), report.analyzed, report.drafted,
                 len(report.errors))
    return report


def setup_logging(log_path: Path | None) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_path is not None:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_path, encoding="utf-8"))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        handlers=handlers, force=True)

