"""The demo: serve the bundled sample review site on 127.0.0.1, crawl it, analyze, draft.

    server, summary = build_demo(Path("demo"))

Runs the real spider, analyzer and drafter on a fresh database in `folder`; nothing leaves the machine.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from reviewcare import store
from reviewcare.config import load_config


def demo_config_text(business: dict, site_url: str) -> str:
    """A config for the sample business, pointing its schema_org source at the served site."""
    staff = business.get("staff", [])
    owner = next((s for s in staff if s.get("role", "").lower() in ("owner", "general manager", "manager")), None)
    signature = business.get("owner_signature") or (f"{owner['name']}, {owner['role']}" if owner else "The owner")
    contact = business.get("contact") or f"hello@{business.get('url_slug', 'demo')}.example"
    facts = business.get("facts", [])
    return "\n".join([
        "# Written by `reviewcare demo` for the bundled sample business.",
        "[voice]",
        f"signature = {json.dumps(signature)}",
        f"contact = {json.dumps(contact)}",
        'tone = "warm"',
        f"facts = {json.dumps(facts)}",
        "",
        "[crawl]",
        'contact_url = "http://127.0.0.1/reviewcare-demo"',
        "",
        "[[businesses]]",
        f"id = {json.dumps(business.get('url_slug') or 'demo')}",
        f"name = {json.dumps(business['name'])}",
        f"industry = {json.dumps(business.get('industry', 'restaurant'))}",
        "",
        "  [[businesses.sources]]",
        '  spider = "schema_org"',
        f"  url = {json.dumps(site_url)}",
        "",
    ])


def shift_to_recent(reviews: list[dict], today: date, days_ago: int = 2) -> list[dict]:
    """Move every review's date by the same amount so the newest is `days_ago` days old.

    The sample data was written for fixed dates; shifted, "this week" on the dashboard means something.
    """
    dated = [r for r in reviews if r.get("date")]
    if not dated:
        return reviews
    newest = max(date.fromisoformat(r["date"]) for r in dated)
    offset = (today - timedelta(days=days_ago)) - newest
    return [{**r, "date": (date.fromisoformat(r["date"]) + offset).isoformat()} if r.get("date") else r
            for r in reviews]


def build_demo(folder: Path, *, echo: Callable[[str], None] = print, port: int = 0):
    """Serve the sample site, write a config, and run refresh into `folder/reviewcare.db`.

    Returns the running site server (call `.shutdown()`) and a summary with the paths and counts.
    """
    from reviewcare.demo_site.server import load_demo_data, serve_reviews
    from reviewcare.stages import refresh

    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "reviewcare.db"
    # The site's port changes between runs, so the demo starts from a fresh database each time.
    for stale in folder.glob("reviewcare.db*"):
        stale.unlink()
    reviews, business = load_demo_data()
    server, base_url = serve_reviews(shift_to_recent(reviews, date.today()), business, port=port)
    site_url = f"{base_url}/reviews"
    config_path = folder / "reviewcare.toml"
    config_path.write_text(demo_config_text(business, site_url), encoding="utf-8")
    echo(f"sample review site of {business['name']}: {site_url}")
    config = load_config(config_path)
    report = refresh(db_path, config, full=True)
    for run in report.crawls:
        if run.get("status") == "ok":
            echo(f"crawled {run.get('pages', 0)} pages: {run.get('new', 0)} new reviews")
        else:
            echo(f"crawl failed: {run.get('message')}")
    echo(f"analyzed {report.analyzed} reviews, drafted {report.drafted} replies")
    db = store.open_db(db_path)
    summary = {"db_path": db_path, "config_path": config_path, "site_url": site_url,
               "reviews": store.count_reviews(db), "analyzed": report.analyzed, "drafted": report.drafted,
               "errors": report.errors}
    return server, summary
