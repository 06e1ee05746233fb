"""The `reviewcare` command: a thin skin over the library.

    reviewcare init
    reviewcare refresh
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import click

from reviewcare import store
from reviewcare.config import ConfigError, default_config_path, load_config, write_example

# Exit code of a refresh that found another one running (cron mails it, nothing is touched).
EXIT_LOCKED = 3


def _db_path() -> Path:
    return store.default_db_path()


def _open_db():
    try:
        return store.open_db(_db_path())
    except store.StoreError as ex:
        raise click.ClickException(str(ex)) from None


def _config(path: str | None = None):
    try:
        return load_config(path or default_config_path())
    except ConfigError as ex:
        raise click.ClickException(str(ex)) from None


@click.group()
@click.version_option(package_name="reviewcare")
def cli() -> None:
    """ReviewCare: gather reviews, understand them, draft caring replies for an owner to approve.

    The database is REVIEWCARE_DB (default reviewcare.db) and the config REVIEWCARE_CONFIG (default reviewcare.toml).
    """


@cli.command()
@click.argument("path", default="reviewcare.toml", type=click.Path(dir_okay=False))
def init(path: str) -> None:
    """Write a commented example config to PATH (default reviewcare.toml)."""
    try:
        written = write_example(path)
    except ConfigError as ex:
        raise click.ClickException(str(ex)) from None
    click.echo(f"wrote {written}; edit the business, its sources and the voice, then run `reviewcare refresh`")


@cli.command()
@click.option("--business", help="Only this business id.")
@click.option("--full", is_flag=True, help="Page through everything, not only until known reviews.")
def crawl(business: str | None, full: bool) -> None:
    """Crawl every configured source into the database."""
    from reviewcare.stages import crawl_sources, sync_businesses

    config = _config()
    db = _open_db()
    sync_businesses(db, config)
    runs = crawl_sources(_db_path(), config, business_id=business, full=full)
    failed = _print_runs(runs)
    if failed:
        sys.exit(1)


def _print_runs(runs: list[dict]) -> int:
    failed = 0
    for run in runs:
        if run.get("status") == "ok":
            click.echo(f"ok     {run.get('spider')} {run.get('url')}: {run.get('new', 0)} new, "
                       f"{run.get('updated', 0)} updated, {run.get('removed', 0)} removed, {run.get('pages', 0)} pages")
        else:
            failed += 1
            click.echo(f"FAILED {run.get('spider')} {run.get('url')}: {run.get('message')}")
    return failed


@cli.command()
@click.option("--jsonl", "jsonl_in", type=click.Path(exists=True, dir_okay=False), help="Read rows from this file.")
@click.option("--out", type=click.Path(dir_okay=False), help="With --jsonl: write results here (default stdout).")
@click.option("--profile", default=None, help="Topic profile (restaurant, hotel, retail, app, local_services).")
@click.option("--business", help="Only this business id (database mode).")
@click.option("--processes", default=1, show_default=True, help="Worker processes for spaCy.")
def analyze(jsonl_in: str | None, out: str | None, profile: str | None, business: str | None,
            processes: int) -> None:
    """Analyze reviews: every new or changed one in the database, or the rows of --jsonl IN into --out OUT."""
    if jsonl_in:
        from nlp.analyze import analyze_rows

        rows = _read_jsonl(Path(jsonl_in))
        results = analyze_rows(rows, profile or "restaurant", n_process=processes)
        _write_jsonl(results, out)
        if out:
            click.echo(f"analyzed {len(results)} rows into {out}", err=True)
        return
    from reviewcare.stages import analyze_new

    db = _open_db()
    count = analyze_new(db, business_id=business, n_process=processes)
    click.echo(f"analyzed {count} new or changed reviews")


@cli.command()
@click.option("--jsonl", "jsonl_in", type=click.Path(exists=True, dir_okay=False), help="Read rows from this file.")
@click.option("--out", type=click.Path(dir_okay=False), help="With --jsonl: write drafts here (default stdout).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config with [business] and [voice].")
@click.option("--business", help="Only this business id (database mode).")
def draft(jsonl_in: str | None, out: str | None, config_path: str | None, business: str | None) -> None:
    """Draft replies: for analyzed reviews in the database, or for the rows of --jsonl IN into --out OUT."""
    config = _config(config_path)
    if jsonl_in:
        from nlp.analyze import analyze_rows
        from nlp.draft import draft_many
        from reviewcare.stages import platform_limits

        rows = _read_jsonl(Path(jsonl_in))
        target = config.business()
        analyses = analyze_rows(rows, target.profile)
        results = draft_many(list(zip(rows, analyses, strict=True)), target.as_dict(), target.voice.as_dict(),
                             platform_limits=platform_limits(config))
        _write_jsonl(results, out)
        if out:
            click.echo(f"drafted {len(results)} rows into {out}", err=True)
        return
    from reviewcare.stages import draft_new

    db = _open_db()
    try:
        count = draft_new(db, config, business_id=business)
    except store.StoreError as ex:
        raise click.ClickException(str(ex)) from None
    click.echo(f"drafted {count} replies")


@cli.command()
@click.option("--full", is_flag=True, help="Page through every source completely.")
@click.option("--log", "log_path", type=click.Path(dir_okay=False), help="Log file (default: beside the database).")
@click.option("--business", help="Only this business id.")
def refresh(full: bool, log_path: str | None, business: str | None) -> None:
    """Crawl, analyze and draft what is new: the command cron runs. Exits non-zero when any source failed."""
    from reviewcare.stages import AlreadyRunning, setup_logging
    from reviewcare.stages import refresh as run_refresh

    db_path = _db_path()
    config = _config()
    setup_logging(Path(log_path) if log_path else Path(f"{db_path}.refresh.log"))
    try:
        report = run_refresh(db_path, config, full=full, business_id=business)
    except AlreadyRunning as ex:
        click.echo(f"Error: {ex}", err=True)
        sys.exit(EXIT_LOCKED)
    except (store.StoreError, ConfigError) as ex:
        raise click.ClickException(str(ex)) from None
    _print_runs(report.crawls)
    click.echo(f"analyzed {report.analyzed}, drafted {report.drafted}")
    for channel, count in report.alerted.items():
        click.echo(f"alerted {count} urgent reviews by {channel}")
    if not report.ok:
        for error in report.errors:
            click.echo(f"Error: {error}", err=True)
        sys.exit(1)


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--business", help="Business id from the config (default: the first).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "google-takeout"]), help="Default: by extension.")
def import_(file: str, business: str | None, fmt: str | None) -> None:
    """Load reviews from an export (JSON lines, CSV, Google Business Profile takeout)."""
    from reviewcare.importer import ImportFileError, read_reviews
    from reviewcare.stages import sync_businesses

    config = _config()
    try:
        target = config.business(business)
        rows = read_reviews(Path(file), fmt, columns=config.import_columns)
    except (ImportFileError, ConfigError) as ex:
        raise click.ClickException(str(ex)) from None
    db = _open_db()
    sync_businesses(db, config)
    source_id = store.ensure_source(db, target.id, "import", f"file:{Path(file).name}", Path(file).name)
    counts = store.import_rows(db, source_id, rows)
    click.echo(f"imported {Path(file).name}: {counts['new']} new, {counts['updated']} updated, "
               f"{counts['unchanged']} unchanged")


@cli.command()
def sources() -> None:
    """Print each source's health: last success, last error and coverage."""
    db = _open_db()
    rows = store.source_health(db)
    if not rows:
        click.echo("no sources yet; add [[businesses.sources]] to reviewcare.toml and run `reviewcare crawl`")
        return
    for row in rows:
        claimed = row["claimed_total"]
        coverage = f"{row['stored']}/{claimed}" if claimed else f"{row['stored']}/?"
        click.echo(f"{row['business_id']} {row['spider']} {row['url']}\n"
                   f"  last status: {row['last_status'] or 'never crawled'}; last success: "
                   f"{row['last_success_at'] or '-'}; coverage: {coverage}"
                   + (f"\n  last error ({row['last_error_at']}): {row['last_error']}" if row["last_error"] else ""))


@cli.command()
@click.option("--business", help="Only this business id.")
def responses(business: str | None) -> None:
    """Response rate and median time to respond, per source and month."""
    rows = store.response_stats(_open_db(), business)
    if not rows:
        click.echo("no dated reviews yet")
        return
    click.echo(f"{'source':14} {'month':8} {'reviews':>7} {'answered':>8} {'rate':>6} {'median hours':>12}")
    for row in rows:
        hours = "-" if row["median_hours_to_respond"] is None else f"{row['median_hours_to_respond']:.1f}"
        click.echo(f"{row['source'][:14]:14} {row['month']:8} {row['reviews']:7d} {row['answered']:8d} "
                   f"{row['response_rate']:6.0%} {hours:>12}")


@cli.command()
@click.option("--profile", default="restaurant", show_default=True, help="Which topic profile to list.")
@click.option("--emerging", is_flag=True, help="Instead, list frequent terms in stored reviews that no topic covers.")
@click.option("--days", default=90, show_default=True, help="With --emerging: look at reviews this recent.")
@click.option("--business", help="With --emerging: only this business id.")
def topics(profile: str, emerging: bool, days: int, business: str | None) -> None:
    """List the topics of a profile, or the emerging terms no topic covers yet (to adopt into the profile)."""
    from nlp.profiles import load_profile

    try:
        loaded = load_profile(profile)
    except (FileNotFoundError, KeyError, ValueError) as ex:
        raise click.ClickException(str(ex)) from None
    if emerging:
        from nlp.emerging import emerging_topics

        texts = store.review_texts(_open_db(), business_id=business, days=days)
        found = emerging_topics(texts, profile, min_count=max(3, len(texts) // 200))
        if not found:
            click.echo(f"no emerging terms in {len(texts)} reviews from the last {days} days")
        for term, count in found:
            click.echo(f"{term:30} {count:5d} reviews")
        return
    for topic in loaded.topics:
        patterns = ", ".join(list(getattr(topic, "lemmas", []) or getattr(topic, "patterns", []))[:8])
        click.echo(f"{topic.name:22} {topic.category:12} {patterns}")


@cli.command("eval")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), help="Default: ../shared/data.")
def eval_(data_dir: str | None) -> None:
    """Print the analysis quality figures on the development data."""
    from nlp.evaluate import format_report, run_eval

    repo = Path(__file__).resolve().parents[1]
    path = Path(data_dir) if data_dir else next(
        (p for p in (Path.cwd() / ".." / "shared" / "data", repo / ".." / "shared" / "data") if p.exists()),
        repo / ".." / "shared" / "data",
    )
    if not path.exists():
        raise click.ClickException(f"{path}: development data not found; pass --data DIR")
    click.echo(format_report(run_eval(path)))


@cli.group()
def user() -> None:
    """Manage dashboard users."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["owner", "marketing"]), required=True, help="owner approves replies.")
def user_add(name: str, role: str) -> None:
    """Add or update a user; the password is read from standard input."""
    from reviewcare.auth import add_user

    password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else click.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    db = _open_db()
    try:
        add_user(db, name, password, role)
    except ValueError as ex:
        raise click.ClickException(str(ex)) from None
    click.echo(f"user {name} ({role}) saved")


@cli.group()
def export() -> None:
    """Export data."""


@export.command("replies")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--include-posted", is_flag=True, help="Also replies already marked posted.")
def export_replies(fmt: str, include_posted: bool) -> None:
    """Write approved replies to standard output, to post on each site."""
    rows = store.approved_replies(_open_db(), include_posted)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["draft_id", "reply"])
    writer.writeheader()
    writer.writerows(rows)
    click.echo(buffer.getvalue(), nl=False)


@cli.command("mark-posted")
@click.argument("draft_ids", nargs=-1, type=int, required=True)
@click.option("--by", "actor", default=lambda: os.environ.get("USER", "owner"), help="Who posted them.")
def mark_posted(draft_ids: tuple[int, ...], actor: str) -> None:
    """Mark approved replies as posted on their site."""
    db = _open_db()
    for draft_id in draft_ids:
        try:
            store.change_draft(db, draft_id, "post", actor=actor, role="owner")
        except store.StoreError as ex:
            raise click.ClickException(str(ex)) from None
    click.echo(f"marked {len(draft_ids)} replies posted")


def dashboard_script() -> Path:
    import dashboard

    return Path(dashboard.__file__).resolve().parent / "app.py"


def start_dashboard(port: int, db_path: Path) -> subprocess.Popen:
    env = {**os.environ, "REVIEWCARE_DB": str(db_path.resolve())}
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(dashboard_script()), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--client.toolbarMode", "viewer"],
        env=env,
    )


@cli.command()
@click.option("--port", default=8501, show_default=True, help="Port on 127.0.0.1.")
def dashboard(port: int) -> None:
    """Start the dashboard on 127.0.0.1."""
    db_path = _db_path()
    _open_db()
    click.echo(f"dashboard: http://127.0.0.1:{port}  (database {db_path})")
    process = start_dashboard(port, db_path)
    try:
        sys.exit(process.wait())
    except KeyboardInterrupt:
        process.terminate()


@cli.command()
@click.option("--port", default=8501, show_default=True, help="Dashboard port on 127.0.0.1.")
@click.option("--dir", "workdir", default="demo", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the demo database and config (rebuilt on each run).")
@click.option("--no-dashboard", is_flag=True, help="Build the demo data and exit.")
def demo(port: int, workdir: str, no_dashboard: bool) -> None:
    """Serve the bundled sample review site on 127.0.0.1, crawl, analyze, draft, then start the dashboard."""
    from reviewcare.demo import build_demo

    folder = Path(workdir)
    server, summary = build_demo(folder, echo=click.echo)
    db_path = summary["db_path"]
    if no_dashboard:
        server.shutdown()
        return
    click.echo(f"\nReviewCare dashboard: http://127.0.0.1:{port}   (Ctrl-C stops the demo)")
    process = start_dashboard(port, db_path)
    try:
        process.wait()
    except KeyboardInterrupt:
        process.terminate()
    finally:
        server.shutdown()


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as ex:
            raise click.ClickException(f"{path}:{number}: not valid JSON ({ex.msg}); fix or remove that line") from None
        if not isinstance(row, dict) or "id" not in row:
            raise click.ClickException(f"{path}:{number}: each line needs an object with an \"id\" and \"text\"")
        row["id"] = str(row["id"])
        row.setdefault("text", "")
        rows.append(row)
    return rows


def _write_jsonl(results: list[dict], out: str | None) -> None:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
    if out:
        Path(out).write_text(lines, encoding="utf-8")
    else:
        click.echo(lines, nl=False)


if __name__ == "__main__":
    cli()
