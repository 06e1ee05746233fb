"""All storage: the schema, its migrations and every SQL statement.

    db = open_db("reviewcare.db")
    status = save_review(db, source_id, item)

One SQLite file in WAL mode with a busy timeout, opened through sqlite-utils. Other modules call these
functions and never write SQL themselves.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import statistics
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000
DRAFT_STATES = ("drafted", "edited", "approved", "posted", "dismissed", "needs_human")
# Which transitions a person may make, and which role each needs.
TRANSITIONS = {
    "edit": ({"drafted", "edited", "needs_human"}, "edited", {"owner", "marketing"}),
    "approve": ({"drafted", "edited"}, "approved", {"owner"}),
    "dismiss": ({"drafted", "edited", "needs_human", "approved"}, "dismissed", {"owner", "marketing"}),
    "post": ({"approved"}, "posted", {"owner"}),
    "reopen": ({"dismissed"}, "drafted", {"owner", "marketing"}),
}


class StoreError(Exception):
    """A storage problem a user can act on."""


class PermissionDenied(StoreError):
    """The user's role does not allow this action."""


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def default_db_path() -> Path:
    return Path(os.environ.get("REVIEWCARE_DB", "reviewcare.db"))


def open_db(path: str | Path | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) the database, in WAL mode with a busy timeout, migrated to the latest schema."""
    path = Path(path) if path is not None else default_db_path()
    if path.parent and not path.parent.exists():
        raise StoreError(f"{path}: folder {path.parent} does not exist; create it or set REVIEWCARE_DB")
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db = sqlite_utils.Database(conn)
        db.enable_wal()
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        migrate(db)
    except sqlite3.DatabaseError as ex:
        raise StoreError(f"{path}: not a usable SQLite database ({ex}); point REVIEWCARE_DB at another file") from None
    return db


# -- migrations -------------------------------------------------------------------------------------------

def _m001_initial(db: sqlite_utils.Database) -> None:
    db["businesses"].create(
        {"id": str, "name": str, "industry": str, "profile": str, "created_at": str}, pk="id"
    )
    db["sources"].create(
        {
            "id": int, "business_id": str, "spider": str, "url": str, "name": str,
            "claimed_total": int, "last_success_at": str, "last_error": str, "last_error_at": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("business_id", "businesses", "id")],
    )
    db["sources"].create_index(["business_id", "spider", "url"], unique=True)
    db["reviews"].create(
        {
            "id": int, "business_id": str, "source_id": int, "source": str, "external_id": str, "url": str,
            "author": str, "rating": float, "title": str, "text": str, "published_at": str, "raw_date": str,
            "language": str, "reply_text": str, "reply_at": str, "content_hash": str, "first_seen_at": str,
            "last_seen_at": str, "updated_at": str, "removed_at": str, "extra": str,
        },
        pk="id",
        foreign_keys=[("business_id", "businesses", "id"), ("source_id", "sources", "id")],
    )
    db["reviews"].create_index(["source_id", "external_id"], unique=True)
    db["reviews"].create_index(["business_id", "published_at"])
    db["review_history"].create(
        {"id": int, "review_id": int, "content_hash": str, "rating": float, "title": str, "text": str,
         "reply_text": str, "replaced_at": str},
        pk="id",
        foreign_keys=[("review_id", "reviews", "id")],
    )
    db["analyses"].create(
        {
            "review_id": int, "analyzer_version": str, "content_hash": str, "language": str,
            "sentiment_score": float, "sentiment_label": str, "emotions": str, "staff": str,
            "suggestion": int, "urgency": float, "urgency_reasons": str, "result": str, "analyzed_at": str,
        },
        pk="review_id",
        foreign_keys=[("review_id", "reviews", "id")],
    )
    db["analyses"].create_index(["urgency"])
    db["topic_mentions"].create(
        {"id": int, "review_id": int, "topic": str, "category": str, "sentiment": float, "label": str,
         "evidence": str},
        pk="id",
        foreign_keys=[("review_id", "reviews", "id")],
    )
    db["topic_mentions"].create_index(["review_id"])
    db["topic_mentions"].create_index(["topic"])
    db["drafts"].create(
        {
            "id": int, "review_id": int, "reply": str, "original_reply": str, "checks": str,
            "needs_human": int, "reason": str, "status": str, "content_hash": str, "created_at": str,
            "updated_at": str, "approved_by": str, "approved_at": str, "posted_at": str,
        },
        pk="id",
        foreign_keys=[("review_id", "reviews", "id")],
    )
    db["drafts"].create_index(["review_id"], unique=True)
    db["drafts"].create_index(["status"])
    db["crawl_runs"].create(
        {
            "id": int, "source_id": int, "started_at": str, "finished_at": str, "status": str, "pages": int,
            "new": int, "updated": int, "unchanged": int, "removed": int, "errors": int, "message": str,
            "duration_s": float,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["audit_log"].create(
        {"id": int, "at": str, "actor": str, "action": str, "entity": str, "entity_id": str,
         "before": str, "after": str},
        pk="id",
    )
    db["users"].create(
        {"name": str, "password_hash": str, "role": str, "created_at": str}, pk="name"
    )


def _m002_alerts(db: sqlite_utils.Database) -> None:
    db["alerts_sent"].create(
        {"review_id": int, "channel": str, "sent_at": str},
        pk=("review_id", "channel"),
        foreign_keys=[("review_id", "reviews", "id")],
    )


def _m003_drafted_by(db: sqlite_utils.Database) -> None:
    db["drafts"].add_column("drafted_by", str)


MIGRATIONS: list[tuple[int, str, Callable[[sqlite_utils.Database], None]]] = [
    (1, "initial schema", _m001_initial),
    (2, "alerts sent per review and channel", _m002_alerts),
    (3, "who wrote each draft: the composer or a language model", _m003_drafted_by),
]


def migrate(db: sqlite_utils.Database) -> int:
    """Apply every migration not yet applied, each in its own transaction; return the schema version."""
    if "_migrations" not in db.table_names():
        db["_migrations"].create({"version": int, "name": str, "applied_at": str}, pk="version", if_not_exists=True)
    applied = {row["version"] for row in db["_migrations"].rows}
    for version, name, step in MIGRATIONS:
        if version in applied:
            continue
        with db.conn:
            step(db)
            db["_migrations"].insert({"version": version, "name": name, "applied_at": now_iso()})
    return max([v for v, _, _ in MIGRATIONS], default=0)


def schema_version(db: sqlite_utils.Database) -> int:
    row = db.execute("select max(version) from _migrations").fetchone()
    return row[0] or 0


# -- businesses and sources -------------------------------------------------------------------------------

def upsert_business(db: sqlite_utils.Database, business_id: str, name: str, industry: str = "restaurant",
                    profile: str = "restaurant") -> str:
    existing = db["businesses"].count_where("id = ?", [business_id])
    record = {"id": business_id, "name": name, "industry": industry, "profile": profile}
    if existing:
        db["businesses"].update(business_id, record)
    else:
        db["businesses"].insert({**record, "created_at": now_iso()})
    return business_id


def list_businesses(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("select * from businesses order by name"))


def ensure_source(db: sqlite_utils.Database, business_id: str, spider: str, url: str, name: str = "") -> int:
    """The id of the source (business, spider, url), created when new."""
    row = db.execute(
        "select id from sources where business_id = ? and spider = ? and url = ?", [business_id, spider, url]
    ).fetchone()
    if row:
        return row[0]
    return db["sources"].insert(
        {"business_id": business_id, "spider": spider, "url": url, "name": name or spider, "created_at": now_iso()}
    ).last_pk


def get_source(db: sqlite_utils.Database, source_id: int) -> dict:
    return db["sources"].get(source_id)


def set_claimed_total(db: sqlite_utils.Database, source_id: int, total: int) -> None:
    db["sources"].update(source_id, {"claimed_total": int(total)})


def source_health(db: sqlite_utils.Database) -> list[dict]:
    """Each source with its last success, last error and coverage (stored vs the total the site claims)."""
    return list(db.query(
        """
        select s.id, s.business_id, s.spider, s.url, s.last_success_at, s.last_error, s.last_error_at,
               s.claimed_total,
               (select count(*) from reviews r where r.source_id = s.id and r.removed_at is null) as stored,
               (select status from crawl_runs c where c.source_id = s.id order by c.id desc limit 1) as last_status
        from sources s order by s.business_id, s.id
        """
    ))


# -- reviews ----------------------------------------------------------------------------------------------

def content_hash(item: dict) -> str:
    """A hash of what a reader sees in a review: rating, title, text and the business's reply."""
    parts = [str(item.get("rating") or ""), item.get("title") or "", item.get("text") or "",
             item.get("reply_text") or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def fallback_external_id(author: str | None, published_at: str | None, text: str | None) -> str:
    """A stable id for reviews that carry none: a hash of author and text (and the day, for star-only reviews).

    The date is left out when there is text because sites often show relative dates ("2 weeks ago") that resolve
    to a different day on each crawl.
    """
    words = " ".join((text or "").split())
    day = "" if words else (published_at or "")[:10]
    basis = "\x1f".join([(author or "").strip().lower(), day, words])
    return "h:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


REVIEW_FIELDS = ("source", "url", "author", "rating", "title", "text", "published_at", "raw_date", "language",
                 "reply_text", "reply_at")


def save_review(db: sqlite_utils.Database, source_id: int, item: dict) -> str:
    """Insert or update one review item; return "new", "updated" or "unchanged".

    An edited review keeps its earlier version in `review_history`.
    """
    source = db["sources"].get(source_id)
    external_id = item.get("external_id") or fallback_external_id(
        item.get("author"), item.get("published_at"), item.get("text")
    )
    digest = content_hash(item)
    stamp = now_iso()
    record = {k: item.get(k) for k in REVIEW_FIELDS}
    extra = {k: v for k, v in item.items() if k not in REVIEW_FIELDS and k not in ("external_id", "business")}
    record["extra"] = json.dumps(extra, default=str, ensure_ascii=False) if extra else None
    with db.conn:
        row = db.execute(
            "select id, content_hash, rating, title, text, reply_text, removed_at from reviews "
            "where source_id = ? and external_id = ?",
            [source_id, external_id],
        ).fetchone()
        if row is None:
            db["reviews"].insert({
                **record, "business_id": source["business_id"], "source_id": source_id,
                "external_id": external_id, "content_hash": digest, "first_seen_at": stamp,
                "last_seen_at": stamp, "updated_at": stamp,
            })
            return "new"
        review_id, old_hash, old_rating, old_title, old_text, old_reply, removed_at = row
        if old_hash == digest:
            db["reviews"].update(review_id, {"last_seen_at": stamp, "removed_at": None})
            return "unchanged"
        db["review_history"].insert({
            "review_id": review_id, "content_hash": old_hash, "rating": old_rating, "title": old_title,
            "text": old_text, "reply_text": old_reply, "replaced_at": stamp,
        })
        db["reviews"].update(review_id, {
            **record, "content_hash": digest, "last_seen_at": stamp, "updated_at": stamp, "removed_at": None,
        })
        return "updated"


def mark_removed(db: sqlite_utils.Database, source_id: int, seen_since: str) -> int:
    """After a complete crawl, mark reviews of the source not seen since `seen_since` as removed (never delete)."""
    with db.conn:
        cursor = db.execute(
            "update reviews set removed_at = ? where source_id = ? and removed_at is null and last_seen_at < ?",
            [now_iso(), source_id, seen_since],
        )
    return cursor.rowcount


def known_external_ids(db: sqlite_utils.Database, source_id: int, external_ids: Iterable[str]) -> set[str]:
    ids = list(external_ids)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {r[0] for r in db.execute(
        f"select external_id from reviews where source_id = ? and external_id in ({marks})", [source_id, *ids]
    )}


def count_reviews(db: sqlite_utils.Database, business_id: str | None = None) -> int:
    if business_id:
        return db["reviews"].count_where("business_id = ?", [business_id])
    return db["reviews"].count


def review_history(db: sqlite_utils.Database, review_id: int) -> list[dict]:
    return list(db.query("select * from review_history where review_id = ? order by id", [review_id]))


def import_rows(db: sqlite_utils.Database, source_id: int, rows: Iterable[dict]) -> dict[str, int]:
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    for row in rows:
        counts[save_review(db, source_id, row)] += 1
    return counts


# -- crawl runs -------------------------------------------------------------------------------------------

def start_crawl_run(db: sqlite_utils.Database, source_id: int) -> int:
    return db["crawl_runs"].insert(
        {"source_id": source_id, "started_at": now_iso(), "status": "running", "pages": 0, "new": 0,
         "updated": 0, "unchanged": 0, "removed": 0, "errors": 0}
    ).last_pk


def finish_crawl_run(db: sqlite_utils.Database, run_id: int, *, status: str, message: str = "", pages: int = 0,
                     new: int = 0, updated: int = 0, unchanged: int = 0, removed: int = 0, errors: int = 0) -> None:
    run = db["crawl_runs"].get(run_id)
    finished = now_iso()
    duration = (datetime.fromisoformat(finished) - datetime.fromisoformat(run["started_at"])).total_seconds()
    with db.conn:
        db["crawl_runs"].update(run_id, {
            "finished_at": finished, "status": status, "message": message, "pages": pages, "new": new,
            "updated": updated, "unchanged": unchanged, "removed": removed, "errors": errors,
            "duration_s": duration,
        })
        if status == "ok":
            db["sources"].update(run["source_id"], {"last_success_at": finished})
        else:
            db["sources"].update(run["source_id"], {"last_error": message, "last_error_at": finished})


def crawl_runs_after(db: sqlite_utils.Database, source_id: int, after_id: int) -> list[dict]:
    """The runs of one source recorded after run `after_id`, oldest first."""
    return list(db.query("select * from crawl_runs where source_id = ? and id > ? order by id", [source_id, after_id]))


def last_crawl_run_id(db: sqlite_utils.Database) -> int:
    return db.execute("select coalesce(max(id), 0) from crawl_runs").fetchone()[0]


def close_stale_runs(db: sqlite_utils.Database, source_id: int, message: str) -> int:
    """Mark runs of a source still 'running' (their process died unseen) as failed; return how many."""
    stale = list(db.query("select id from crawl_runs where source_id = ? and status = 'running'", [source_id]))
    for run in stale:
        finish_crawl_run(db, run["id"], status="failed", message=message)
    return len(stale)


def crawl_runs(db: sqlite_utils.Database, limit: int = 50) -> list[dict]:
    return list(db.query("select * from crawl_runs order by id desc limit ?", [limit]))


# -- analyses ---------------------------------------------------------------------------------------------

def reviews_to_analyze(db: sqlite_utils.Database, analyzer_version: str, business_id: str | None = None,
                       limit: int | None = None) -> list[dict]:
    """Reviews never analyzed, changed since their analysis, or analyzed by another analyzer version."""
    sql = """
        select r.id, r.text, r.title, r.rating, r.author, r.source, r.language, r.content_hash, r.business_id,
               b.profile
        from reviews r join businesses b on b.id = r.business_id
        left join analyses a on a.review_id = r.id
        where r.removed_at is null
          and (a.review_id is null or a.content_hash != r.content_hash or a.analyzer_version != ?)
    """
    params: list = [analyzer_version]
    if business_id:
        sql += " and r.business_id = ?"
        params.append(business_id)
    sql += " order by r.id"
    if limit:
        sql += f" limit {int(limit)}"
    return list(db.query(sql, params))


def save_analyses(db: sqlite_utils.Database, results: Iterable[tuple[dict, dict]], analyzer_version: str) -> int:
    """Store (review row, analysis) pairs, replacing earlier analyses and topic mentions of those reviews."""
    stamp = now_iso()
    count = 0
    with db.conn:
        for row, result in results:
            review_id = int(row["id"])
            db.execute("delete from topic_mentions where review_id = ?", [review_id])
            db["analyses"].insert({
                "review_id": review_id, "analyzer_version": analyzer_version,
                "content_hash": row.get("content_hash"), "language": result.get("language"),
                "sentiment_score": result["sentiment"]["score"], "sentiment_label": result["sentiment"]["label"],
                "emotions": json.dumps(result.get("emotions", [])), "staff": json.dumps(result.get("staff", [])),
                "suggestion": int(bool(result.get("suggestion"))), "urgency": result.get("urgency", 0.0),
                "urgency_reasons": json.dumps(result.get("urgency_reasons", [])),
                "result": json.dumps(result, ensure_ascii=False), "analyzed_at": stamp,
            }, replace=True)
            db["topic_mentions"].insert_all(
                {"review_id": review_id, **{k: t.get(k) for k in ("topic", "category", "sentiment", "label",
                                                                   "evidence")}}
                for t in result.get("topics", [])
            )
            count += 1
    return count


def get_analysis(db: sqlite_utils.Database, review_id: int) -> dict | None:
    row = db.execute("select result from analyses where review_id = ?", [review_id]).fetchone()
    return json.loads(row[0]) if row else None


# -- drafts -----------------------------------------------------------------------------------------------

def reviews_to_draft(db: sqlite_utils.Database, business_id: str | None = None) -> list[dict]:
    """Analyzed reviews that need a draft: none yet, or the review changed while the draft was untouched.

    Reviews the business already answered on the site are left alone.
    """
    sql = """
        select r.id, r.text, r.title, r.rating, r.author, r.source, r.reply_text, r.content_hash, r.business_id,
               a.result as analysis
        from reviews r join analyses a on a.review_id = r.id
        left join drafts d on d.review_id = r.id
        where r.removed_at is null and coalesce(r.reply_text, '') = ''
          and (d.id is null or (d.content_hash != r.content_hash and d.status in ('drafted', 'needs_human')))
    """
    params: list = []
    if business_id:
        sql += " and r.business_id = ?"
        params.append(business_id)
    sql += " order by r.id"
    rows = []
    for row in db.query(sql, params):
        row["analysis"] = json.loads(row["analysis"])
        rows.append(row)
    return rows


def save_drafts(db: sqlite_utils.Database, results: Iterable[tuple[dict, dict]]) -> int:
    """Store (review row, draft result) pairs as drafts in state `drafted` (or `needs_human`)."""
    stamp = now_iso()
    count = 0
    with db.conn:
        for row, result in results:
            needs_human = bool(result.get("needs_human"))
            # the rules' checks and the second reading's flags side by side: the inbox shows both
            checks = {**result.get("checks", {}), **result.get("second_reading", {})}
            record = {
                "review_id": int(row["id"]), "reply": result.get("reply", ""),
                "original_reply": result.get("reply", ""), "checks": json.dumps(checks),
                "needs_human": int(needs_human), "reason": result.get("reason"),
                "status": "needs_human" if needs_human else "drafted", "content_hash": row.get("content_hash"),
                "drafted_by": result.get("drafted_by"),
                "created_at": stamp, "updated_at": stamp,
            }
            existing = db.execute("select id from drafts where review_id = ?", [record["review_id"]]).fetchone()
            if existing:
                db["drafts"].update(existing[0], {k: v for k, v in record.items() if k != "created_at"})
                draft_id = existing[0]
            else:
                draft_id = db["drafts"].insert(record).last_pk
            _audit(db, "reviewcare", "draft", "draft", draft_id, None, record["reply"] or record["reason"])
            count += 1
    return count


def recent_replies(db: sqlite_utils.Database, business_id: str, limit: int = 500) -> list[str]:
    """The business's latest drafted or approved replies (not dismissed), newest first."""
    return [row[0] for row in db.execute(
        """select d.reply from drafts d join reviews r on r.id = d.review_id
           where r.business_id = ? and d.status in ('drafted', 'edited', 'approved', 'posted')
             and coalesce(d.reply, '') != ''
           order by d.id desc limit ?""",
        [business_id, limit],
    )]


def get_draft(db: sqlite_utils.Database, draft_id: int) -> dict:
    return db["drafts"].get(draft_id)


def inbox(db: sqlite_utils.Database, *, statuses: Iterable[str] = ("drafted", "edited", "needs_human"),
          business_id: str | None = None, source: str | None = None, rating: int | None = None,
          topic: str | None = None, limit: int = 200) -> list[dict]:
    """Drafts waiting for a person, most urgent first, with their review."""
    statuses = list(statuses)
    sql = f"""
        select d.id as draft_id, d.status, d.reply, d.checks, d.needs_human, d.reason, d.updated_at,
               r.id as review_id, r.business_id, r.source, r.author, r.rating, r.title, r.text, r.published_at,
               r.url, a.urgency, a.sentiment_label, a.urgency_reasons
        from drafts d join reviews r on r.id = d.review_id left join analyses a on a.review_id = r.id
        where d.status in ({",".join("?" * len(statuses))}) and r.removed_at is null
    """
    params: list = list(statuses)
    if business_id:
        sql += " and r.business_id = ?"
        params.append(business_id)
    if source:
        sql += " and r.source = ?"
        params.append(source)
    if rating:
        sql += " and cast(round(r.rating) as int) = ?"
        params.append(int(rating))
    if topic:
        sql += " and exists (select 1 from topic_mentions t where t.review_id = r.id and t.topic = ?)"
        params.append(topic)
    sql += " order by coalesce(a.urgency, 0) desc, r.published_at desc limit ?"
    params.append(limit)
    rows = []
    for row in db.query(sql, params):
        row["checks"] = json.loads(row["checks"] or "{}")
        row["urgency_reasons"] = json.loads(row["urgency_reasons"] or "[]")
        rows.append(row)
    return rows


def change_draft(db: sqlite_utils.Database, draft_id: int, action: str, *, actor: str, role: str,
                 text: str | None = None) -> dict:
    """Move a draft through its workflow (edit, approve, dismiss, post, reopen), checking the actor's role.

    Every change is written to the audit log with who, when and the text before and after.
    """
    if action not in TRANSITIONS:
        raise StoreError(f"unknown draft action {action!r}; use one of {', '.join(TRANSITIONS)}")
    allowed_from, new_status, roles = TRANSITIONS[action]
    if role not in roles:
        raise PermissionDenied(f"{actor} ({role}) may not {action} replies; only {' or '.join(sorted(roles))} may")
    draft = db["drafts"].get(draft_id)
    if draft["status"] not in allowed_from:
        raise StoreError(f"draft {draft_id} is {draft['status']}; it cannot be {new_status} from there")
    stamp = now_iso()
    changes: dict = {"status": new_status, "updated_at": stamp}
    if action == "edit":
        if not text or not text.strip():
            raise StoreError("an edited reply cannot be empty; dismiss the draft instead")
        changes["reply"] = text.strip()
    if action == "approve":
        if text is not None and text.strip() and text.strip() != draft["reply"]:
            changes["reply"] = text.strip()
        changes.update(approved_by=actor, approved_at=stamp)
    if action == "post":
        changes["posted_at"] = stamp
    with db.conn:
        db["drafts"].update(draft_id, changes)
        _audit(db, actor, action, "draft", draft_id,
               json.dumps({"status": draft["status"], "reply": draft["reply"]}),
               json.dumps({"status": new_status, "reply": changes.get("reply", draft["reply"])}))
    return db["drafts"].get(draft_id)


def owner_edits(db: sqlite_utils.Database, business_id: str | None = None, limit: int = 500) -> list[tuple[str, str]]:
    """(drafted text, approved text) pairs where a person changed the draft before approving it, newest first."""
    where, params = _business_filter(business_id)
    return [(row["original_reply"], row["reply"]) for row in db.query(
        f"""select d.original_reply, d.reply from drafts d join reviews r on r.id = d.review_id
            where d.status in ('approved', 'posted') and d.reply != d.original_reply {where}
            order by d.approved_at desc limit ?""",
        [*params, limit],
    )]


def approved_replies(db: sqlite_utils.Database, include_posted: bool = False) -> list[dict]:
    statuses = ("approved", "posted") if include_posted else ("approved",)
    return list(db.query(
        f"""select d.id as draft_id, d.status, d.reply, d.approved_by, d.approved_at, d.posted_at,
                   r.source, r.external_id, r.url, r.author, r.rating
            from drafts d join reviews r on r.id = d.review_id
            where d.status in ({",".join("?" * len(statuses))}) order by d.approved_at""",
        list(statuses),
    ))


# -- audit and users --------------------------------------------------------------------------------------

def _audit(db: sqlite_utils.Database, actor: str, action: str, entity: str, entity_id, before, after) -> None:
    db["audit_log"].insert({"at": now_iso(), "actor": actor, "action": action, "entity": entity,
                            "entity_id": str(entity_id), "before": before, "after": after})


def audit_log(db: sqlite_utils.Database, entity: str | None = None, entity_id=None) -> list[dict]:
    sql, params = "select * from audit_log", []
    if entity:
        sql += " where entity = ? and entity_id = ?"
        params = [entity, str(entity_id)]
    return list(db.query(sql + " order by id", params))


def save_user(db: sqlite_utils.Database, name: str, password_hash: str, role: str) -> None:
    with db.conn:
        db["users"].upsert({"name": name, "password_hash": password_hash, "role": role, "created_at": now_iso()},
                           pk="name")
        _audit(db, "reviewcare", "user", "user", name, None, role)


def get_user(db: sqlite_utils.Database, name: str) -> dict | None:
    rows = list(db.query("select * from users where name = ?", [name]))
    return rows[0] if rows else None


def count_users(db: sqlite_utils.Database) -> int:
    return db["users"].count


# -- dashboard aggregates ---------------------------------------------------------------------------------

def _business_filter(business_id: str | None, alias: str = "r") -> tuple[str, list]:
    if business_id:
        return f" and {alias}.business_id = ?", [business_id]
    return "", []


def monthly_ratings(db: sqlite_utils.Database, business_id: str | None = None) -> list[dict]:
    where, params = _business_filter(business_id)
    return list(db.query(
        f"""select substr(r.published_at, 1, 7) as month, count(*) as reviews,
                   round(avg(r.rating), 2) as avg_rating
            from reviews r where r.removed_at is null and r.published_at is not null {where}
            group by month order by month""",
        params,
    ))


def review_totals(db: sqlite_utils.Database, business_id: str | None = None) -> dict:
    where, params = _business_filter(business_id)
    row = next(db.query(
        f"""select count(*) as reviews, round(avg(r.rating), 2) as avg_rating,
                   sum(case when a.sentiment_label = 'negative' then 1 else 0 end) as negative,
                   sum(case when a.sentiment_label = 'mixed' then 1 else 0 end) as mixed,
                   sum(case when round(r.rating) = 5 then 1 else 0 end) as promoters,
                   sum(case when round(r.rating) between 1 and 3 then 1 else 0 end) as detractors,
                   sum(case when r.rating is not null then 1 else 0 end) as rated
            from reviews r left join analyses a on a.review_id = r.id
            where r.removed_at is null {where}""",
        params,
    ))
    return row


def top_topics(db: sqlite_utils.Database, business_id: str | None = None, limit: int = 15) -> list[dict]:
    where, params = _business_filter(business_id)
    return list(db.query(
        f"""select t.topic, t.category, count(*) as mentions,
                   round(avg(t.sentiment), 3) as avg_sentiment,
                   sum(case when t.label = 'positive' then 1 else 0 end) as positive,
                   sum(case when t.label = 'negative' then 1 else 0 end) as negative
            from topic_mentions t join reviews r on r.id = t.review_id
            where r.removed_at is null {where}
            group by t.topic, t.category order by mentions desc limit ?""",
        [*params, limit],
    ))


def draft_status_counts(db: sqlite_utils.Database, business_id: str | None = None) -> dict[str, int]:
    where, params = _business_filter(business_id)
    return {row["status"]: row["n"] for row in db.query(
        f"""select d.status, count(*) as n from drafts d join reviews r on r.id = d.review_id
            where 1 = 1 {where} group by d.status""",
        params,
    )}


def recent_reviews(db: sqlite_utils.Database, business_id: str | None = None, limit: int = 20) -> list[dict]:
    where, params = _business_filter(business_id)
    return list(db.query(
        f"""select r.id, r.author, r.rating, r.title, r.text, r.published_at, r.source, a.sentiment_label
            from reviews r left join analyses a on a.review_id = r.id
            where r.removed_at is null {where} order by r.published_at desc limit ?""",
        [*params, limit],
    ))


def reviews_to_alert(db: sqlite_utils.Database, channel: str, threshold: float,
                     business_id: str | None = None) -> list[dict]:
    """Urgent reviews not yet alerted on this channel, most urgent first."""
    where, params = _business_filter(business_id)
    rows = []
    for row in db.query(
        f"""select r.id, r.business_id, r.author, r.rating, r.title, r.text, r.url, r.source, r.published_at,
                   a.urgency, a.urgency_reasons, a.sentiment_label, d.status as draft_status, d.reason
            from reviews r join analyses a on a.review_id = r.id left join drafts d on d.review_id = r.id
            where r.removed_at is null and a.urgency >= ? {where}
              and not exists (select 1 from alerts_sent s where s.review_id = r.id and s.channel = ?)
            order by a.urgency desc, r.published_at desc""",
        [threshold, *params, channel],
    ):
        row["urgency_reasons"] = json.loads(row["urgency_reasons"] or "[]")
        rows.append(row)
    return rows


def mark_alerted(db: sqlite_utils.Database, review_ids: Iterable[int], channel: str) -> None:
    stamp = now_iso()
    with db.conn:
        db["alerts_sent"].insert_all(
            ({"review_id": int(rid), "channel": channel, "sent_at": stamp} for rid in review_ids), ignore=True
        )


def response_stats(db: sqlite_utils.Database, business_id: str | None = None) -> list[dict]:
    """Response rate and median hours to respond, per source and month.

    A review counts as answered when the site shows the business's reply or an approved reply was marked posted.
    """
    where, params = _business_filter(business_id)
    rows = list(db.query(
        f"""select coalesce(r.source, 'unknown') as source, substr(r.published_at, 1, 7) as month,
                   r.published_at, coalesce(r.reply_at, d.posted_at) as answered_at,
                   (coalesce(r.reply_text, '') != '' or d.status = 'posted') as answered
            from reviews r left join drafts d on d.review_id = r.id
            where r.removed_at is null and r.published_at is not null {where}""",
        params,
    ))
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        groups.setdefault((row["source"], row["month"]), []).append(row)
    stats = []
    for (source, month), group in sorted(groups.items()):
        hours = sorted(
            (datetime.fromisoformat(g["answered_at"]) - datetime.fromisoformat(g["published_at"])).total_seconds()
            / 3600
            for g in group if g["answered"] and g["answered_at"]
        )
        answered = sum(1 for g in group if g["answered"])
        stats.append({
            "source": source, "month": month, "reviews": len(group), "answered": answered,
            "response_rate": round(answered / len(group), 3),
            "median_hours_to_respond": round(statistics.median(hours), 1) if hours else None,
        })
    return stats


def review_texts(db: sqlite_utils.Database, *, business_id: str | None = None, days: int = 90) -> list[str]:
    """Texts of stored reviews published in the last `days` days (for emerging-topic discovery)."""
    where, params = _business_filter(business_id)
    since = (datetime.now(UTC) - timedelta(days=days)).date().isoformat()
    return [row[0] for row in db.execute(
        f"""select r.text from reviews r where r.removed_at is null and coalesce(r.text, '') != ''
            and r.published_at >= ? {where}""",
        [since, *params],
    )]


def integrity_ok(db: sqlite_utils.Database) -> bool:
    return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- dashboard queries ------------------------------------------------------------------------------------

def review_sources(db: sqlite_utils.Database, business_id: str | None = None) -> list[str]:
    """The distinct source names of stored reviews (for the Inbox filter)."""
    where, params = _business_filter(business_id)
    return [row["source"] for row in db.query(
        f"""select distinct r.source from reviews r where r.source is not null and r.removed_at is null {where}
            order by r.source""",
        params,
    )]


def _since(now: str | None, days: float) -> str:
    """The ISO time `days` before `now` (default: the current time)."""
    from datetime import timedelta

    base = datetime.fromisoformat(now) if now else datetime.now(UTC)
    if base.tzinfo is None:
        base = base.replace(tzinfo=UTC)
    return (base - timedelta(days=days)).replace(microsecond=0).isoformat()


def response_summary(db: sqlite_utils.Database, business_id: str | None = None) -> dict:
    """How many reviews got a public answer (on the site, or a reply we marked posted) and the median time to it."""
    where, params = _business_filter(business_id)
    answered_sql = f"""
        select (julianday(coalesce(nullif(r.reply_at, ''), d.posted_at)) - julianday(r.published_at)) * 24 as hours
        from reviews r left join drafts d on d.review_id = r.id and d.status = 'posted'
        where r.removed_at is null {where}
          and (coalesce(r.reply_text, '') != '' or d.id is not null)"""
    total = db.execute(f"select count(*) from reviews r where r.removed_at is null {where}", params).fetchone()[0]
    answered = db.execute(f"select count(*) from ({answered_sql})", params).fetchone()[0]
    timed = db.execute(f"select count(*) from ({answered_sql}) where hours is not null and hours >= 0",
                       params).fetchone()[0]
    median = None
    if timed:
        median = db.execute(
            f"select hours from ({answered_sql}) where hours is not null and hours >= 0 order by hours "
            f"limit 1 offset ?", [*params, (timed - 1) // 2],
        ).fetchone()[0]
    return {"reviews": total, "answered": answered, "median_hours": median}


def period_stats(db: sqlite_utils.Database, start: str, end: str, business_id: str | None = None) -> dict:
    """Reviews published in [start, end): count, average rating, negative and mixed counts."""
    where, params = _business_filter(business_id)
    return next(db.query(
        f"""select count(*) as reviews, round(avg(r.rating), 2) as avg_rating,
                   sum(case when a.sentiment_label in ('negative', 'mixed') then 1 else 0 end) as unhappy
            from reviews r left join analyses a on a.review_id = r.id
            where r.removed_at is null and r.published_at >= ? and r.published_at < ? {where}""",
        [start, end, *params],
    ))


def period_topics(db: sqlite_utils.Database, start: str, end: str, business_id: str | None = None) -> dict[str, dict]:
    """Per topic, positive and negative mentions in reviews published in [start, end)."""
    where, params = _business_filter(business_id)
    return {row["topic"]: row for row in db.query(
        f"""select t.topic, sum(t.label = 'positive') as positive, sum(t.label = 'negative') as negative
            from topic_mentions t join reviews r on r.id = t.review_id
            where r.removed_at is null and r.published_at >= ? and r.published_at < ? {where}
            group by t.topic""",
        [start, end, *params],
    )}


def topic_issues(db: sqlite_utils.Database, business_id: str | None = None, now: str | None = None,
                 limit: int = 30) -> list[dict]:
    """Topics ranked by their weight on unhappiness: each negative mention counts its negativity, discounted by
    age in whole days (a mention 30 days old counts half). Also the last 30 days against the 90 before, and the
    first mention."""
    where, params = _business_filter(business_id)
    now = now or now_iso()
    return list(db.query(
        f"""select t.topic, t.category, count(*) as mentions,
                   sum(t.label = 'negative') as negative, sum(t.label = 'positive') as positive,
                   round(avg(t.sentiment), 3) as avg_sentiment,
                   round(sum(case when t.sentiment < 0 then -t.sentiment
                                  / (1 + max(julianday(date(?)) - julianday(date(r.published_at)), 0) / 30.0)
                             else 0 end), 3) as weight,
                   sum(t.label = 'negative' and r.published_at >= ?) as negative_30d,
                   sum(t.label = 'negative' and r.published_at >= ? and r.published_at < ?) as negative_prev_90d,
                   sum(r.published_at >= ?) as mentions_30d,
                   min(r.published_at) as first_seen
            from topic_mentions t join reviews r on r.id = t.review_id
            where r.removed_at is null {where}
            group by t.topic order by weight desc, negative desc limit ?""",
        [now, _since(now, 30), _since(now, 120), _since(now, 30), _since(now, 30), *params, limit],
    ))


def topic_monthly(db: sqlite_utils.Database, topic: str, business_id: str | None = None) -> list[dict]:
    where, params = _business_filter(business_id)
    return list(db.query(
        f"""select substr(r.published_at, 1, 7) as month, count(*) as mentions,
                   sum(t.label = 'negative') as negative, sum(t.label = 'positive') as positive
            from topic_mentions t join reviews r on r.id = t.review_id
            where t.topic = ? and r.removed_at is null and r.published_at is not null {where}
            group by month order by month""",
        [topic, *params],
    ))


def _quote_filter(business_id: str | None, label: str | None) -> tuple[str, list]:
    where, params = _business_filter(business_id)
    if label:
        where += " and t.label = ?"
        params.append(label)
    return where, params


def topic_quotes(db: sqlite_utils.Database, topic: str, business_id: str | None = None, label: str | None = None,
                 limit: int = 30) -> list[dict]:
    """The reviews mentioning a topic, newest first, with the evidence the analyzer found."""
    where, params = _quote_filter(business_id, label)
    return list(db.query(
        f"""select r.id as review_id, r.author, r.rating, r.published_at, r.source, r.text, t.evidence,
                   t.sentiment, t.label
            from topic_mentions t join reviews r on r.id = t.review_id
            where t.topic = ? and r.removed_at is null {where}
            order by r.published_at desc, r.id desc, t.id limit ?""",
        [topic, *params, limit],
    ))


def staff_praise(db: sqlite_utils.Database, business_id: str | None = None, limit: int = 50) -> list[dict]:
    """Staff named in reviews, with how often they were praised or faulted, most praised first."""
    where, params = _business_filter(business_id)
    return list(db.query(
        f"""select json_extract(s.value, '$.name') as name,
                   max(json_extract(s.value, '$.role')) as role, count(*) as mentions,
                   sum(json_extract(s.value, '$.label') = 'positive') as praised,
                   sum(json_extract(s.value, '$.label') = 'negative') as faulted,
                   max(r.published_at) as last_mentioned
            from analyses a join reviews r on r.id = a.review_id, json_each(a.staff) s
            where r.removed_at is null and a.staff not in ('', '[]') {where}
            group by lower(json_extract(s.value, '$.name'))
            order by praised desc, mentions desc limit ?""",
        [*params, limit],
    ))


def staff_quotes(db: sqlite_utils.Database, name: str, business_id: str | None = None, limit: int = 20) -> list[dict]:
    where, params = _business_filter(business_id)
    return list(db.query(
        f"""select r.id as review_id, r.author, r.rating, r.published_at, r.text,
                   json_extract(s.value, '$.label') as label
            from analyses a join reviews r on r.id = a.review_id, json_each(a.staff) s
            where lower(json_extract(s.value, '$.name')) = lower(?) and r.removed_at is null {where}
            order by r.published_at desc limit ?""",
        [name, *params, limit],
    ))


def stories(db: sqlite_utils.Database, kind: str, business_id: str | None = None, limit: int = 10) -> list[dict]:
    """The best (`best`) or worst (`worst`) experiences told in words: strongest tone, then most detail."""
    if kind not in ("best", "worst"):
        raise StoreError(f"unknown story kind {kind!r}; use best or worst")
    where, params = _business_filter(business_id)
    order = "a.sentiment_score desc" if kind == "best" else "a.sentiment_score asc"
    rating = "r.rating >= 4" if kind == "best" else "r.rating <= 2"
    return list(db.query(
        f"""select r.id as review_id, r.author, r.rating, r.title, r.text, r.published_at, r.source,
                   a.sentiment_score, a.sentiment_label
            from reviews r join analyses a on a.review_id = r.id
            where r.removed_at is null and {rating} and length(coalesce(r.text, '')) >= 40 {where}
            order by {order}, length(r.text) desc limit ?""",
        [*params, limit],
    ))


def rating_only_reviews(db: sqlite_utils.Database, business_id: str | None = None, limit: int = 200) -> list[dict]:
    where, params = _business_filter(business_id)
    return list(db.query(
        f"""select r.id as review_id, r.author, r.rating, r.published_at, r.source
            from reviews r where r.removed_at is null and trim(coalesce(r.text, '')) = ''
              and trim(coalesce(r.title, '')) = '' {where}
            order by r.published_at desc limit ?""",
        [*params, limit],
    ))


def suggestions(db: sqlite_utils.Database, business_id: str | None = None, limit: int = 200) -> list[dict]:
    where, params = _business_filter(business_id)
    return list(db.query(
        f"""select r.id as review_id, r.author, r.rating, r.published_at, r.source, r.text
            from reviews r join analyses a on a.review_id = r.id
            where r.removed_at is null and a.suggestion = 1 {where}
            order by r.published_at desc limit ?""",
        [*params, limit],
    ))


def fallen_regulars(db: sqlite_utils.Database, business_id: str | None = None, min_reviews: int = 3,
                    drop: float = 1.5, limit: int = 100) -> list[dict]:
    """Reviewers with several reviews whose latest rating is at least `drop` stars below their earlier average."""
    where, params = _business_filter(business_id)
    return list(db.query(
        f"""with ranked as (
                select r.business_id, r.source, r.author, r.rating, r.published_at, r.text,
                       row_number() over w as pos, count(*) over w as n, sum(r.rating) over w as total
                from reviews r
                where r.removed_at is null and r.rating is not null and coalesce(r.author, '') != ''
                  and lower(r.author) not in ('anonymous', 'a customer', 'guest') {where}
                window w as (partition by r.business_id, r.source, lower(r.author) order by r.published_at desc
                             rows between unbounded preceding and unbounded following))
            select business_id, source, author, n as reviews, rating as latest_rating, published_at as latest_at,
                   text as latest_text, round((total - rating) / (n - 1), 2) as earlier_average
            from ranked where pos = 1 and n >= ? and (total - rating) / (n - 1) - rating >= ?
            order by earlier_average - latest_rating desc, latest_at desc limit ?""",
        [*params, min_reviews, drop, limit],
    ))


def business_comparison(db: sqlite_utils.Database) -> list[dict]:
    """One row per business: volume, rating, unhappy share, promoter score and replies waiting."""
    # Each aggregate is one grouped pass over its own table, joined afterwards (no per-business subqueries).
    return list(db.query(
        """with rv as (
               select r.business_id, count(*) as reviews, avg(r.rating) as avg_rating, count(r.rating) as rated,
                      sum(round(r.rating) = 5) as promoters, sum(round(r.rating) between 1 and 3) as detractors
               from reviews r where r.removed_at is null group by r.business_id),
           an as (
               select r.business_id, count(*) as analyzed,
                      sum(a.sentiment_label in ('negative', 'mixed')) as unhappy
               from analyses a join reviews r on r.id = a.review_id where r.removed_at is null
               group by r.business_id),
           wt as (
               select r.business_id, count(*) as waiting
               from drafts d join reviews r on r.id = d.review_id
               where d.status in ('drafted', 'edited', 'needs_human') group by r.business_id)
           select b.id as business_id, b.name, coalesce(rv.reviews, 0) as reviews,
                  round(rv.avg_rating, 2) as avg_rating,
                  round(100.0 * coalesce(an.unhappy, 0) / max(coalesce(an.analyzed, 0), 1), 1) as unhappy_pct,
                  round(100.0 * (coalesce(rv.promoters, 0) - coalesce(rv.detractors, 0))
                        / max(coalesce(rv.rated, 0), 1)) as promoter_score,
                  coalesce(wt.waiting, 0) as waiting
           from businesses b left join rv on rv.business_id = b.id left join an on an.business_id = b.id
           left join wt on wt.business_id = b.id
           order by b.name"""
    ))


def _m100_review_search(db: sqlite_utils.Database) -> None:
    # External-content FTS5 index kept in step by triggers, so new and edited reviews are searchable at once.
    db["reviews"].enable_fts(["author", "title", "text"], fts_version="FTS5", create_triggers=True,
                             tokenize="unicode61 remove_diacritics 2")


# Numbered apart from the lead's sequence so that both can grow without clashing.
MIGRATIONS.append((100, "full-text search over reviews", _m100_review_search))


def search_reviews(db: sqlite_utils.Database, query: str, business_id: str | None = None,
                   limit: int = 100) -> list[dict]:
    """Reviews matching every word of `query` (prefix match on the last one), best match first."""
    words = [w for w in query.replace('"', " ").split() if w]
    if not words:
        return []
    match = " ".join(f'"{w}"' for w in words[:-1]) + (" " if len(words) > 1 else "") + f'"{words[-1]}"*'
    where, params = _business_filter(business_id)
    return list(db.query(
        f"""select r.id as review_id, r.business_id, r.author, r.rating, r.title, r.text, r.published_at,
                   r.source, a.sentiment_label
            from reviews_fts f join reviews r on r.id = f.rowid left join analyses a on a.review_id = r.id
            where reviews_fts match ? and r.removed_at is null {where}
            order by f.rank limit ?""",
        [match, *params, limit],
    ))


def list_users(db: sqlite_utils.Database) -> list[dict]:
    """Users and their roles, never their password hashes."""
    return list(db.query("select name, role, created_at from users order by name"))


# -- dashboard summaries ----------------------------------------------------------------------------------
# Small tables the pages read instead of scanning every review. Triggers keep them exact on every write, whoever
# writes (save_review, save_analyses, mark_removed, drafts, bulk loads), so no stage has to remember to refresh
# them. Ratings are summed in hundredths of a star and tone in millionths, as integers, so that adding and then
# subtracting a row leaves no rounding residue.

_DAY = "coalesce(substr({r}.published_at, 1, 10), '')"
_FALLEN_EXCLUDED = "('anonymous', 'a customer', 'guest')"


def _flag(expr: str) -> str:
    return f"coalesce(({expr}), 0)"


def _review_day_upsert(r: str, sign: str, label: str, when: str) -> str:
    """Add (sign '+') or take away (sign '-') review `r`'s contribution to its day, with analysis label `label`."""
    day = _DAY.format(r=r)
    return f"""
        insert into review_days (business_id, source_id, source, day, reviews, rated, rating_c, promoters,
                                 detractors, analyzed, negative, mixed)
        select {r}.business_id, coalesce({r}.source_id, 0), coalesce({r}.source, ''), {day}, {sign}1,
               {sign}{_flag(f"{r}.rating is not null")}, {sign}coalesce(cast(round({r}.rating * 100) as integer), 0),
               {sign}{_flag(f"round({r}.rating) = 5")}, {sign}{_flag(f"round({r}.rating) between 1 and 3")},
               {sign}{_flag(f"{label} is not null")}, {sign}{_flag(f"{label} = 'negative'")},
               {sign}{_flag(f"{label} = 'mixed'")}
        where {when}
        on conflict (business_id, source_id, source, day) do update set
            reviews = reviews + excluded.reviews, rated = rated + excluded.rated,
            rating_c = rating_c + excluded.rating_c, promoters = promoters + excluded.promoters,
            detractors = detractors + excluded.detractors, analyzed = analyzed + excluded.analyzed,
            negative = negative + excluded.negative, mixed = mixed + excluded.mixed;"""


def _analysis_day_upsert(a: str, sign: str) -> str:
    """Add or take away analysis `a`'s tone counts on its review's day (only while the review is shown)."""
    return f"""
        insert into review_days (business_id, source_id, source, day, reviews, rated, rating_c, promoters,
                                 detractors, analyzed, negative, mixed)
        select r.business_id, coalesce(r.source_id, 0), coalesce(r.source, ''), {_DAY.format(r="r")}, 0, 0, 0, 0, 0,
               {sign}1, {sign}{_flag(f"{a}.sentiment_label = 'negative'")},
               {sign}{_flag(f"{a}.sentiment_label = 'mixed'")}
        from reviews r where r.id = {a}.review_id and r.removed_at is null
        on conflict (business_id, source_id, source, day) do update set
            analyzed = analyzed + excluded.analyzed, negative = negative + excluded.negative,
            mixed = mixed + excluded.mixed;"""


def _topic_day_upsert(t: str, r: str, sign: str, source: str, when: str) -> str:
    """Add or take away the topic mentions `t` (rows of `source`) on review `r`'s day."""
    micro = f"coalesce(cast(round({t}.sentiment * 1000000) as integer), 0)"
    return f"""
        insert into topic_days (business_id, topic, category, day, mentions, positive, negative, sentiment_u,
                                hurt_u)
        select {r}.business_id, coalesce({t}.topic, ''), coalesce({t}.category, ''), {_DAY.format(r=r)}, {sign}1,
               {sign}{_flag(f"{t}.label = 'positive'")}, {sign}{_flag(f"{t}.label = 'negative'")}, {sign}{micro},
               {sign}(case when {t}.sentiment < 0 then -{micro} else 0 end)
        from {source} where {when}
        on conflict (business_id, topic, category, day) do update set
            mentions = mentions + excluded.mentions, positive = positive + excluded.positive,
            negative = negative + excluded.negative, sentiment_u = sentiment_u + excluded.sentiment_u,
            hurt_u = hurt_u + excluded.hurt_u;"""


def _draft_count_upsert(d: str, sign: str) -> str:
    return f"""
        insert into draft_counts (business_id, status, drafts)
        select r.business_id, coalesce({d}.status, ''), {sign}1 from reviews r where r.id = {d}.review_id
        on conflict (business_id, status) do update set drafts = drafts + excluded.drafts;"""


def _response_refresh(review_id: str) -> str:
    """Recompute whether review `review_id` has a public answer, and after how many hours."""
    return f"""
        delete from response_times where review_id = {review_id};
        insert into response_times (review_id, business_id, hours)
        select r.id, r.business_id,
               (julianday(coalesce(nullif(r.reply_at, ''), d.posted_at)) - julianday(r.published_at)) * 24
        from reviews r left join drafts d on d.review_id = r.id and d.status = 'posted'
        where r.id = {review_id} and r.removed_at is null
          and (coalesce(r.reply_text, '') != '' or d.id is not null);"""


def _regular(r: str) -> str:
    """SQL: review `r` counts towards its author's history (shown, rated, a real name)."""
    return (f"{r}.removed_at is null and {r}.rating is not null and coalesce({r}.author, '') != '' "
            f"and lower({r}.author) not in {_FALLEN_EXCLUDED}")


def _reviewer_upsert(r: str, sign: str) -> str:
    return f"""
        insert into reviewer_totals (business_id, source, author_key, reviews, rating_c)
        select {r}.business_id, coalesce({r}.source, ''), lower({r}.author), {sign}1,
               {sign}cast(round({r}.rating * 100) as integer)
        where {_regular(r)}
        on conflict (business_id, source, author_key) do update set
            reviews = reviews + excluded.reviews, rating_c = rating_c + excluded.rating_c;"""


def _changed(*columns: str) -> str:
    return " or ".join(f"old.{c} is not new.{c}" for c in columns)


def _summary_triggers() -> dict[str, str]:
    """Trigger name -> CREATE TRIGGER statement, for every trigger that keeps the summaries exact."""
    label = "(select sentiment_label from analyses where review_id = {r}.id)"
    old_label, new_label = label.format(r="old"), label.format(r="new")
    review_fields = _changed("business_id", "source_id", "source", "rating", "published_at") + \
        " or (old.removed_at is null) != (new.removed_at is null)"
    triggers = {
        "review_days_insert": f"""after insert on reviews begin
            {_review_day_upsert("new", "+", new_label, "new.removed_at is null")}
            {_reviewer_upsert("new", "+")}
            {_response_refresh("new.id")}
            end""",
        "review_days_update": f"""after update on reviews when {review_fields} begin
            {_review_day_upsert("old", "-", old_label, "old.removed_at is null")}
            {_review_day_upsert("new", "+", new_label, "new.removed_at is null")}
            end""",
        "review_days_delete": f"""after delete on reviews begin
            {_review_day_upsert("old", "-", old_label, "old.removed_at is null")}
            {_reviewer_upsert("old", "-")}
            delete from response_times where review_id = old.id;
            end""",
        "reviewer_totals_update": f"""after update on reviews
            when {_changed("business_id", "source", "author", "rating")}
                 or (old.removed_at is null) != (new.removed_at is null) begin
            {_reviewer_upsert("old", "-")}
            {_reviewer_upsert("new", "+")}
            end""",
        "response_times_review": f"""after update on reviews
            when {_changed("business_id", "reply_text", "reply_at", "published_at")}
                 or (old.removed_at is null) != (new.removed_at is null) begin
            {_response_refresh("new.id")}
            end""",
        "topic_days_review": f"""after update on reviews
            when {_changed("business_id", "published_at")}
                 or (old.removed_at is null) != (new.removed_at is null) begin
            {_topic_day_upsert("t", "old", "-", "topic_mentions t", "t.review_id = old.id and old.removed_at is null")}
            {_topic_day_upsert("t", "new", "+", "topic_mentions t", "t.review_id = new.id and new.removed_at is null")}
            end""",
        # Analyses are stored with INSERT OR REPLACE; the row it replaces goes through the delete trigger because
        # sqlite-utils turns recursive_triggers on for every connection it wraps (open_db relies on that).
        "review_days_analysis_insert": f"after insert on analyses begin {_analysis_day_upsert('new', '+')} end",
        "review_days_analysis_update": f"""after update of review_id, sentiment_label on analyses begin
            {_analysis_day_upsert("old", "-")} {_analysis_day_upsert("new", "+")} end""",
        "review_days_analysis_delete": f"after delete on analyses begin {_analysis_day_upsert('old', '-')} end",
        "topic_days_insert": f"""after insert on topic_mentions begin
            {_topic_day_upsert("new", "r", "+", "reviews r", "r.id = new.review_id and r.removed_at is null")} end""",
        "topic_days_delete": f"""after delete on topic_mentions begin
            {_topic_day_upsert("old", "r", "-", "reviews r", "r.id = old.review_id and r.removed_at is null")} end""",
        "topic_days_update": f"""after update on topic_mentions begin
            {_topic_day_upsert("old", "r", "-", "reviews r", "r.id = old.review_id and r.removed_at is null")}
            {_topic_day_upsert("new", "r", "+", "reviews r", "r.id = new.review_id and r.removed_at is null")} end""",
        "draft_counts_insert": f"""after insert on drafts begin {_draft_count_upsert("new", "+")}
            {_response_refresh("new.review_id")} end""",
        "draft_counts_update": f"""after update of review_id, status, posted_at on drafts begin
            {_draft_count_upsert("old", "-")} {_draft_count_upsert("new", "+")}
            {_response_refresh("old.review_id")} {_response_refresh("new.review_id")} end""",
        "draft_counts_delete": f"""after delete on drafts begin {_draft_count_upsert("old", "-")}
            {_response_refresh("old.review_id")} end""",
    }
    return {name: f"create trigger {name} {body}" for name, body in triggers.items()}


_SUMMARY_TABLES = {
    "review_days": """create table review_days (
        business_id text not null, source_id integer not null, source text not null, day text not null,
        reviews integer not null, rated integer not null, rating_c integer not null, promoters integer not null,
        detractors integer not null, analyzed integer not null, negative integer not null, mixed integer not null,
        primary key (business_id, source_id, source, day))""",
    "topic_days": """create table topic_days (
        business_id text not null, topic text not null, category text not null, day text not null,
        mentions integer not null, positive integer not null, negative integer not null,
        sentiment_u integer not null, hurt_u integer not null,
        primary key (business_id, topic, category, day))""",
    "draft_counts": """create table draft_counts (
        business_id text not null, status text not null, drafts integer not null,
        primary key (business_id, status))""",
    "response_times": """create table response_times (
        review_id integer primary key, business_id text, hours real)""",
    "reviewer_totals": """create table reviewer_totals (
        business_id text not null, source text not null, author_key text not null, reviews integer not null,
        rating_c integer not null, primary key (business_id, source, author_key))""",
}

_SUMMARY_INDEXES = [
    "create index topic_days_topic on topic_days (topic, day)",
    "create index response_times_hours on response_times (hours)",
    "create index response_times_business_hours on response_times (business_id, hours)",
    "create index reviewer_totals_reviews on reviewer_totals (reviews)",
    # The pages' lookups on the big tables.
    "create index reviews_published on reviews (published_at)",
    "create index reviews_author_latest on reviews (business_id, coalesce(source, ''), lower(author), published_at)",
    "create index topic_mentions_topic_label on topic_mentions (topic, label)",
    "create index analyses_sentiment on analyses (sentiment_score)",
    "create index analyses_suggestion on analyses (review_id) where suggestion = 1",
    "create index analyses_staff on analyses (review_id) where staff not in ('', '[]')",
]


def rebuild_summaries(db: sqlite_utils.Database) -> None:
    """Recompute every summary table from the reviews, analyses, topic mentions and drafts.

    Never needed in normal running (triggers keep them exact); for repairs after writes that bypassed SQLite.
    """
    with db.conn:
        _fill_summaries(db)


def _fill_summaries(db: sqlite_utils.Database) -> None:
    for table in _SUMMARY_TABLES:
        db.execute(f"delete from {table}")
    db.execute(f"""
        insert into review_days
        select r.business_id, coalesce(r.source_id, 0), coalesce(r.source, ''), {_DAY.format(r="r")}, count(*),
               count(r.rating), coalesce(sum(cast(round(r.rating * 100) as integer)), 0),
               {_flag("sum(round(r.rating) = 5)")}, {_flag("sum(round(r.rating) between 1 and 3)")},
               count(a.review_id), {_flag("sum(a.sentiment_label = 'negative')")},
               {_flag("sum(a.sentiment_label = 'mixed')")}
        from reviews r left join analyses a on a.review_id = r.id
        where r.removed_at is null group by 1, 2, 3, 4""")
    micro = "coalesce(cast(round(t.sentiment * 1000000) as integer), 0)"
    db.execute(f"""
        insert into topic_days
        select r.business_id, coalesce(t.topic, ''), coalesce(t.category, ''), {_DAY.format(r="r")}, count(*),
               {_flag("sum(t.label = 'positive')")}, {_flag("sum(t.label = 'negative')")}, sum({micro}),
               sum(case when t.sentiment < 0 then -{micro} else 0 end)
        from topic_mentions t join reviews r on r.id = t.review_id
        where r.removed_at is null group by 1, 2, 3, 4""")
    db.execute("""
        insert into draft_counts select r.business_id, coalesce(d.status, ''), count(*)
        from drafts d join reviews r on r.id = d.review_id group by 1, 2""")
    db.execute("""
        insert into response_times
        select r.id, r.business_id,
               (julianday(coalesce(nullif(r.reply_at, ''), d.posted_at)) - julianday(r.published_at)) * 24
        from reviews r left join drafts d on d.review_id = r.id and d.status = 'posted'
        where r.removed_at is null and (coalesce(r.reply_text, '') != '' or d.id is not null)""")
    db.execute(f"""
        insert into reviewer_totals
        select r.business_id, coalesce(r.source, ''), lower(r.author), count(*),
               sum(cast(round(r.rating * 100) as integer))
        from reviews r where {_regular("r")} group by 1, 2, 3""")


def _m101_dashboard_summaries(db: sqlite_utils.Database) -> None:
    for statement in [*_SUMMARY_TABLES.values(), *_SUMMARY_INDEXES, *_summary_triggers().values()]:
        db.execute(statement)
    _fill_summaries(db)


MIGRATIONS.append((101, "dashboard summaries kept exact by triggers, and indexes for the pages",
                   _m101_dashboard_summaries))


def overview_totals(db: sqlite_utils.Database, business_id: str | None = None) -> dict:
    """Like `review_totals`, read from the daily summaries."""
    where, params = _business_filter(business_id, "s")
    return next(db.query(
        f"""select coalesce(sum(s.reviews), 0) as reviews,
                   round(sum(s.rating_c) / 100.0 / nullif(sum(s.rated), 0), 2) as avg_rating,
                   coalesce(sum(s.negative), 0) as negative, coalesce(sum(s.mixed), 0) as mixed,
                   coalesce(sum(s.promoters), 0) as promoters, coalesce(sum(s.detractors), 0) as detractors,
                   coalesce(sum(s.rated), 0) as rated
            from review_days s where 1 = 1 {where}""",
        params,
    ))


def monthly_totals(db: sqlite_utils.Database, business_id: str | None = None) -> list[dict]:
    """Like `monthly_ratings`: reviews and average rating per month, from the daily summaries."""
    where, params = _business_filter(business_id, "s")
    return list(db.query(
        f"""select substr(s.day, 1, 7) as month, sum(s.reviews) as reviews,
                   round(sum(s.rating_c) / 100.0 / nullif(sum(s.rated), 0), 2) as avg_rating
            from review_days s where s.day != '' {where}
            group by month having sum(s.reviews) > 0 order by month""",
        params,
    ))


def days_stats(db: sqlite_utils.Database, first_day: str, last_day: str, business_id: str | None = None) -> dict:
    """Reviews published on the days first_day..last_day (inclusive, YYYY-MM-DD): count, average, unhappy."""
    where, params = _business_filter(business_id, "s")
    return next(db.query(
        f"""select coalesce(sum(s.reviews), 0) as reviews,
                   round(sum(s.rating_c) / 100.0 / nullif(sum(s.rated), 0), 2) as avg_rating,
                   coalesce(sum(s.negative + s.mixed), 0) as unhappy
            from review_days s where s.day between ? and ? {where}""",
        [first_day, last_day, *params],
    ))


def days_topics(db: sqlite_utils.Database, first_day: str, last_day: str,
                business_id: str | None = None) -> dict[str, dict]:
    """Per topic, positive and negative mentions on the days first_day..last_day (inclusive)."""
    where, params = _business_filter(business_id, "s")
    return {row["topic"]: row for row in db.query(
        f"""select s.topic, sum(s.positive) as positive, sum(s.negative) as negative
            from topic_days s where s.day between ? and ? {where}
            group by s.topic having sum(s.mentions) > 0""",
        [first_day, last_day, *params],
    )}


def topic_totals(db: sqlite_utils.Database, business_id: str | None = None, limit: int = 15) -> list[dict]:
    """Like `top_topics`: the most mentioned topics with their tone, from the daily topic summaries."""
    where, params = _business_filter(business_id, "s")
    return list(db.query(
        f"""select s.topic, s.category, sum(s.mentions) as mentions,
                   round(sum(s.sentiment_u) / 1e6 / sum(s.mentions), 3) as avg_sentiment,
                   sum(s.positive) as positive, sum(s.negative) as negative
            from topic_days s where 1 = 1 {where}
            group by s.topic, s.category having sum(s.mentions) > 0 order by mentions desc limit ?""",
        [*params, limit],
    ))


def issue_ranking(db: sqlite_utils.Database, business_id: str | None = None, today: str | None = None,
                  limit: int = 30) -> list[dict]:
    """Like `topic_issues`, from the daily topic summaries; `first_seen` is a day (YYYY-MM-DD)."""
    where, params = _business_filter(business_id, "s")
    today = (today or now_iso())[:10]
    since_30, since_120 = _since(today, 30)[:10], _since(today, 120)[:10]
    return list(db.query(
        f"""select s.topic, min(s.category) as category, sum(s.mentions) as mentions,
                   sum(s.negative) as negative, sum(s.positive) as positive,
                   round(sum(s.sentiment_u) / 1e6 / sum(s.mentions), 3) as avg_sentiment,
                   round(sum(s.hurt_u / 1e6 / (1 + max(julianday(?) - julianday(s.day), 0) / 30.0)), 3) as weight,
                   sum(case when s.day >= ? then s.negative else 0 end) as negative_30d,
                   sum(case when s.day >= ? and s.day < ? then s.negative else 0 end) as negative_prev_90d,
                   sum(case when s.day >= ? then s.mentions else 0 end) as mentions_30d,
                   min(case when s.mentions > 0 and s.day != '' then s.day end) as first_seen
            from topic_days s where 1 = 1 {where}
            group by s.topic having sum(s.mentions) > 0 order by weight desc, negative desc limit ?""",
        [today, since_30, since_120, since_30, since_30, *params, limit],
    ))


def topic_trend(db: sqlite_utils.Database, topic: str, business_id: str | None = None) -> list[dict]:
    """Like `topic_monthly`: one topic's mentions per month, from the daily topic summaries."""
    where, params = _business_filter(business_id, "s")
    return list(db.query(
        f"""select substr(s.day, 1, 7) as month, sum(s.mentions) as mentions, sum(s.negative) as negative,
                   sum(s.positive) as positive
            from topic_days s where s.topic = ? and s.day != '' {where}
            group by month having sum(s.mentions) > 0 order by month""",
        [topic, *params],
    ))


def latest_topic_quotes(db: sqlite_utils.Database, topic: str, business_id: str | None = None,
                        label: str | None = None, limit: int = 30) -> list[dict]:
    """Like `topic_quotes`, reading only the recent days that hold enough quotes.

    The daily topic summary tells from which day on there are at least `limit` matching mentions; only reviews
    published since then are read, newest first.
    """
    where, params = _business_filter(business_id, "s")
    column = {"positive": "s.positive", "negative": "s.negative", None: "s.mentions"}.get(label)
    if column is None:
        return topic_quotes(db, topic, business_id, label, limit)
    cutoff, seen = None, 0
    for row in db.query(f"""select s.day, sum({column}) as n from topic_days s
                            where s.topic = ? and s.day != '' {where}
                            group by s.day having n > 0 order by s.day desc""", [topic, *params]):
        seen += row["n"]
        if seen >= limit:
            cutoff = row["day"]
            break
    if cutoff is None:  # fewer than `limit` in all: the plain query touches few rows anyway
        return topic_quotes(db, topic, business_id, label, limit)
    where, params = _quote_filter(business_id, label)
    # CROSS JOIN keeps the recent reviews as the outer loop, so the topic's older mentions are never read.
    return list(db.query(
        f"""select r.id as review_id, r.author, r.rating, r.published_at, r.source, r.text, t.evidence,
                   t.sentiment, t.label
            from reviews r cross join topic_mentions t on t.review_id = r.id
            where r.published_at >= ? and t.topic = ? and r.removed_at is null {where}
            order by r.published_at desc, r.id desc, t.id limit ?""",
        [cutoff, topic, *params, limit],
    ))


def draft_counts(db: sqlite_utils.Database, business_id: str | None = None) -> dict[str, int]:
    """Like `draft_status_counts`, from the summary."""
    where, params = _business_filter(business_id, "s")
    return {row["status"]: row["n"] for row in db.query(
        f"select s.status, sum(s.drafts) as n from draft_counts s where 1 = 1 {where} "
        f"group by s.status having n > 0", params)}


def summary_sources(db: sqlite_utils.Database, business_id: str | None = None) -> list[str]:
    """Like `review_sources`: the source names of shown reviews, from the daily summaries."""
    where, params = _business_filter(business_id, "s")
    return [row["source"] for row in db.query(
        f"""select s.source from review_days s where s.source != '' {where}
            group by s.source having sum(s.reviews) > 0 order by s.source""", params)]


def answer_summary(db: sqlite_utils.Database, business_id: str | None = None) -> dict:
    """Like `response_summary`, from the summaries: reviews, answered, median hours to the answer."""
    where, params = _business_filter(business_id, "s")
    total = db.execute(f"select coalesce(sum(s.reviews), 0) from review_days s where 1 = 1 {where}",
                       params).fetchone()[0]
    answered = db.execute(f"select count(*) from response_times s where 1 = 1 {where}", params).fetchone()[0]
    timed = db.execute(f"select count(*) from response_times s where s.hours >= 0 {where}", params).fetchone()[0]
    median = None
    if timed:
        median = db.execute(
            f"select s.hours from response_times s where s.hours >= 0 {where} order by s.hours limit 1 offset ?",
            [*params, (timed - 1) // 2]).fetchone()[0]
    return {"reviews": total, "answered": answered, "median_hours": median}


def location_comparison(db: sqlite_utils.Database) -> list[dict]:
    """Like `business_comparison`, from the summaries."""
    return list(db.query(
        """with rv as (
               select business_id, sum(reviews) as reviews, sum(rated) as rated, sum(rating_c) as rating_c,
                      sum(promoters) as promoters, sum(detractors) as detractors, sum(analyzed) as analyzed,
                      sum(negative + mixed) as unhappy
               from review_days group by business_id),
           wt as (
               select business_id, sum(drafts) as waiting from draft_counts
               where status in ('drafted', 'edited', 'needs_human') group by business_id)
           select b.id as business_id, b.name, coalesce(rv.reviews, 0) as reviews,
                  round(rv.rating_c / 100.0 / nullif(rv.rated, 0), 2) as avg_rating,
                  round(100.0 * coalesce(rv.unhappy, 0) / max(coalesce(rv.analyzed, 0), 1), 1) as unhappy_pct,
                  round(100.0 * (coalesce(rv.promoters, 0) - coalesce(rv.detractors, 0))
                        / max(coalesce(rv.rated, 0), 1)) as promoter_score,
                  coalesce(wt.waiting, 0) as waiting
           from businesses b left join rv on rv.business_id = b.id left join wt on wt.business_id = b.id
           order by b.name"""
    ))


def source_coverage(db: sqlite_utils.Database) -> list[dict]:
    """Like `source_health`, with the stored reviews per source read from the daily summaries."""
    return list(db.query(
        """select s.id, s.business_id, s.spider, s.url, s.last_success_at, s.last_error, s.last_error_at,
                  s.claimed_total,
                  coalesce((select sum(d.reviews) from review_days d where d.source_id = s.id), 0) as stored,
                  (select status from crawl_runs c where c.source_id = s.id order by c.id desc limit 1) as last_status
           from sources s order by s.business_id, s.id"""
    ))


def regulars_who_fell(db: sqlite_utils.Database, business_id: str | None = None, min_reviews: int = 3,
                      drop: float = 1.5, limit: int = 100) -> list[dict]:
    """Like `fallen_regulars`: reviewer totals come from the summary, each latest review from an index."""
    # The unary + drops the columns' text affinity so the comparisons can use the expression index.
    where, params = _business_filter(business_id, "c")
    return list(db.query(
        f"""with latest as (
                select c.business_id, c.reviews as n, c.rating_c,
                       (select r.id from reviews r
                        where r.business_id = c.business_id and coalesce(r.source, '') = +c.source
                          and lower(r.author) = +c.author_key and r.removed_at is null and r.rating is not null
                        order by r.published_at desc limit 1) as review_id
                from reviewer_totals c where c.reviews >= ? {where})
            select l.business_id, r.source, r.author, l.n as reviews, r.rating as latest_rating,
                   r.published_at as latest_at, r.text as latest_text,
                   round((l.rating_c / 100.0 - r.rating) / (l.n - 1), 2) as earlier_average
            from latest l join reviews r on r.id = l.review_id
            where (l.rating_c / 100.0 - r.rating) / (l.n - 1) - r.rating >= ?
            order by earlier_average - latest_rating desc, latest_at desc limit ?""",
        [max(min_reviews, 2), *params, drop, limit],
    ))


# -- reply voice set in the dashboard ---------------------------------------------------------------------
# reviewcare.toml holds the default voice; an owner may override any part of it per business from Settings.

VOICE_TEXT_FIELDS = ("signature", "contact", "tone")
VOICE_LIST_FIELDS = ("banned_phrases", "facts", "policies")
VOICE_TONES = ("warm", "formal")


def _m102_voice_overrides(db: sqlite_utils.Database) -> None:
    db["voice_overrides"].create(
        {"business_id": str, "voice": str, "updated_by": str, "updated_at": str},
        pk="business_id",
        foreign_keys=[("business_id", "businesses", "id")],
    )


MIGRATIONS.append((102, "reply voice overrides set by owners in the dashboard", _m102_voice_overrides))


def voice_override(db: sqlite_utils.Database, business_id: str) -> dict:
    """The parts of `business_id`'s voice an owner changed in the dashboard ({} when none)."""
    row = db.execute("select voice from voice_overrides where business_id = ?", [business_id]).fetchone()
    return json.loads(row[0]) if row else {}


def _clean_voice(changes: dict) -> dict:
    """The override fields of `changes`, checked: known names, text where text belongs, lists of text."""
    unknown = set(changes) - set(VOICE_TEXT_FIELDS) - set(VOICE_LIST_FIELDS)
    if unknown:
        raise StoreError(f"unknown voice setting(s) {', '.join(sorted(unknown))}; use "
                         f"{', '.join(VOICE_TEXT_FIELDS + VOICE_LIST_FIELDS)}")
    clean: dict = {}
    for name in VOICE_TEXT_FIELDS:
        if name in changes:
            value = " ".join(str(changes[name] or "").split())
            if not value:
                raise StoreError(f"the voice's {name} cannot be empty; clear the override to use the config's")
            clean[name] = value
    if "tone" in clean and clean["tone"] not in VOICE_TONES:
        raise StoreError(f"unknown tone {clean['tone']!r}; use {' or '.join(VOICE_TONES)}")
    for name in VOICE_LIST_FIELDS:
        if name in changes:
            items = changes[name]
            if isinstance(items, str):
                items = items.splitlines()
            clean[name] = [" ".join(str(item).split()) for item in items if str(item).strip()]
    return clean


def save_voice_override(db: sqlite_utils.Database, business_id: str, changes: dict, *, actor: str,
                        role: str) -> dict:
    """Store an owner's changes to a business's voice (merged into earlier ones) and audit them; return them all.

    Only owners may change the voice; anyone else gets PermissionDenied and nothing is stored.
    """
    if role != "owner":
        raise PermissionDenied(f"{actor} ({role}) may not change the reply voice; only owners may")
    if not db["businesses"].count_where("id = ?", [business_id]):
        raise StoreError(f"unknown business {business_id!r}")
    before = voice_override(db, business_id)
    after = {**before, **_clean_voice(changes)}
    with db.conn:
        db["voice_overrides"].upsert({"business_id": business_id, "voice": json.dumps(after, ensure_ascii=False),
                                      "updated_by": actor, "updated_at": now_iso()}, pk="business_id")
        _audit(db, actor, "voice", "voice", business_id, json.dumps(before, ensure_ascii=False),
               json.dumps(after, ensure_ascii=False))
    return after


def clear_voice_override(db: sqlite_utils.Database, business_id: str, *, actor: str, role: str) -> None:
    """Drop a business's voice override so the config's voice applies again (owners only, audited)."""
    if role != "owner":
        raise PermissionDenied(f"{actor} ({role}) may not change the reply voice; only owners may")
    before = voice_override(db, business_id)
    if not before:
        return
    with db.conn:
        db.execute("delete from voice_overrides where business_id = ?", [business_id])
        _audit(db, actor, "voice_reset", "voice", business_id, json.dumps(before, ensure_ascii=False), None)


def effective_voice(db: sqlite_utils.Database, business_id: str, default):
    """The voice to draft with: `default` (the config's VoiceConfig) with the owner's overrides applied.

        voice = effective_voice(db, "bistro", config.business("bistro").voice)
    """
    import dataclasses

    override = voice_override(db, business_id)
    return dataclasses.replace(default, **override) if override else default
