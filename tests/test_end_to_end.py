"""One review's whole journey: a site on 127.0.0.1 -> real spider -> SQLite -> spaCy -> drafts -> dashboard."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from reviewcare import store
from reviewcare.cli import cli

SITE = Path(__file__).resolve().parent / "fixtures" / "e2e_site"
APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture
def site():
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def workdir(tmp_path, monkeypatch, site):
    (tmp_path / "reviewcare.toml").write_text(f"""
[voice]
signature = "Nell, general manager"
contact = "nell@harbourlane.example"

[[businesses]]
id = "harbour"
name = "Harbour Lane Kitchen"
industry = "restaurant"

  [[businesses.sources]]
  spider = "schema_org"
  url = "{site}/reviews/"
""")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REVIEWCARE_DB", str(tmp_path / "reviewcare.db"))
    monkeypatch.setenv("REVIEWCARE_CONFIG", str(tmp_path / "reviewcare.toml"))
    return tmp_path


def test_crawl_analyze_draft_and_approve_in_the_dashboard(workdir):
    result = CliRunner().invoke(cli, ["refresh"])
    assert result.exit_code == 0, result.output
    db = store.open_db(workdir / "reviewcare.db")

    reviews = {r["author"]: r for r in db.query("select * from reviews")}
    assert set(reviews) == {"Marta Lindqvist", "Tomasz W.", "Grace O.", "Hannah Brooks", "Ravi Patel"}
    assert reviews["Hannah Brooks"]["rating"] == 1 and reviews["Hannah Brooks"]["published_at"].startswith("2026-09-12")
    assert db["analyses"].count == 5
    marta = store.get_analysis(db, reviews["Marta Lindqvist"]["id"])
    assert marta["sentiment"]["label"] in ("negative", "mixed")
    assert any(t["category"] == "service" for t in marta["topics"])
    assert db["drafts"].count == 5
    drafted = {d["author"]: d for d in store.inbox(db)}
    assert drafted["Marta Lindqvist"]["reply"].startswith("Hi Marta") or "Marta" in drafted["Marta Lindqvist"]["reply"]
    assert "Oskar" in drafted["Tomasz W."]["reply"]
    assert "nell@harbourlane.example" in drafted["Marta Lindqvist"]["reply"]

    # A second refresh finds nothing new and re-does no work.
    again = CliRunner().invoke(cli, ["refresh"])
    assert again.exit_code == 0, again.output
    assert "analyzed 0, drafted 0" in again.output
    assert db["reviews"].count == 5

    overview = AppTest.from_file(APP, default_timeout=60)
    overview.run()
    assert not overview.exception, overview.exception
    assert any(m.label == "Reviews" and m.value == "5" for m in overview.metric)

    inbox = AppTest.from_file(APP, default_timeout=60)
    inbox.run()
    inbox.switch_page("app_pages/inbox.py").run()
    assert not inbox.exception, inbox.exception
    draft_id = drafted["Marta Lindqvist"]["draft_id"]
    inbox.button(key=f"inbox_approve_{draft_id}").click().run()
    assert not inbox.exception, inbox.exception
    assert store.get_draft(db, draft_id)["status"] == "approved"
    assert [e["action"] for e in store.audit_log(db, "draft", draft_id)][-1] == "approve"


def test_refresh_with_an_unreachable_source_fails_and_keeps_what_is_stored(workdir):
    assert CliRunner().invoke(cli, ["refresh"]).exit_code == 0
    config = (workdir / "reviewcare.toml").read_text()
    (workdir / "reviewcare.toml").write_text(config + """
  [[businesses.sources]]
  spider = "schema_org"
  url = "http://127.0.0.1:9/reviews"
""")
    result = CliRunner().invoke(cli, ["refresh"])
    assert result.exit_code == 1
    assert "127.0.0.1:9" in result.output
    assert store.open_db(workdir / "reviewcare.db")["reviews"].count == 5


def test_a_second_refresh_exits_at_once_while_one_holds_the_lock(workdir):
    from reviewcare.stages import refresh_lock

    with refresh_lock(workdir / "reviewcare.db"):
        result = CliRunner().invoke(cli, ["refresh"])
    assert result.exit_code == 3
    assert "already running" in result.output
