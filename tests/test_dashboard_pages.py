"""The care-desk pages beyond Overview and Inbox, rendered with AppTest against the seeded database, both roles."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_dashboard_seed import XSS_SCRIPT, seed

from reviewcare import auth, store

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
PAGES = ["overview", "issues", "inbox", "people", "quiet", "search", "sources", "settings"]

CONFIG = """\
[voice]
signature = "Priya, owner"
contact = "priya@bistro.example"
facts = ["We bake our bread every morning."]
policies = ["Bookings for 8 or more need a deposit."]

[alerts.webhook]
url = "https://hooks.example/SECRET-TOKEN-123"

[[businesses]]
id = "bistro"
name = "Bistro Verde"
industry = "restaurant"

  [[businesses.sources]]
  spider = "schema_org"
  url = "http://127.0.0.1:9/bistro"
"""


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "pages.db"
    seed(path, hostile=True)
    config = tmp_path / "reviewcare.toml"
    config.write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("REVIEWCARE_DB", str(path))
    monkeypatch.setenv("REVIEWCARE_CONFIG", str(config))
    return path


def open_page(page: str, *, business: str | None = "bistro", login: tuple[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    if login:
        at.text_input(key="login_name").input(login[0])
        at.text_input(key="login_password").input(login[1])
        at.button[0].click().run()
    if business:
        at.selectbox(key="app_business").set_value(business).run()
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def all_text(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "text", "caption", "error", "info", "warning", "success")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def frames(at: AppTest):
    return [d.value for d in at.dataframe]


@pytest.mark.parametrize("role", ["owner", "marketing"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_for_both_roles(db_path, page, role):
    auth.add_user(store.open_db(db_path), f"{role}-user", "a good password", role)
    at = open_page(page, login=(f"{role}-user", "a good password"))
    assert at.title, f"{page} shows no title"
    # No page ever renders the hostile script tag as Markdown.
    for block in at.markdown:
        assert "<script" not in block.value


def test_overview_response_rate_and_weekly_change(db_path):
    at = open_page("overview")
    values = {m.label: m.value for m in at.metric}
    # Priya's first two reviews were answered on the site (24 h and 48 h later), of 9 bistro reviews.
    assert values["Response rate"] == "22%"
    assert values["Median time to respond"] == "24 h"
    text = all_text(at)
    assert "What changed since last week" in [s.value for s in at.subheader]
    assert "new reviews in the last 7 days" in text
    assert "More complaints about" in text


def test_overview_compares_locations_when_all_are_selected(db_path):
    at = open_page("overview", business=None)
    table = frames(at)[0]
    assert list(table["name"]) == ["Bistro Verde", "Harbour Kitchen"]
    assert list(table["reviews"]) == [9, 1]
    assert any(b.label == "Download CSV" for b in at.get("download_button"))


def test_issues_ranks_topics_and_drills_down(db_path):
    at = open_page("issues")
    table = frames(at)[0]
    # wait_time: Sam (-0.8, 2 days old) and Priya (-0.4, 4 days) outweigh any single complaint.
    assert table.iloc[0]["topic"] == "wait_time"
    assert set(table["topic"]) >= {"wait_time", "food_safety", "noise"}
    assert (table["weight"] > 0).all()
    at.selectbox(key="issues_topic").set_value("wait_time").run()
    text = all_text(at)
    assert "**We waited 40 minutes**" in text  # the evidence in bold, the rest escaped
    assert "the soup arrived cold" in text
    assert "Emerging" in text


def test_issues_flags_a_spike(db_path):
    db = store.open_db(db_path)
    source_id = store.ensure_source(db, "bistro", "schema_org", "http://127.0.0.1:9/bistro")
    rows = []
    for i in range(4):
        store.save_review(db, source_id, {"source": "schema_org", "external_id": f"spike{i}", "author": f"Guest {i}",
                                          "rating": 2, "text": f"The wine list was poor, visit {i}.",
                                          "published_at": store.now_iso()})
    for row in store.reviews_to_analyze(db, "spike"):
        if row["text"].startswith("The wine list"):
            rows.append((row, {"language": "en", "sentiment": {"score": -0.5, "label": "negative"},
                               "topics": [{"topic": "drinks", "category": "food", "sentiment": -0.5,
                                           "label": "negative", "evidence": "The wine list was poor"}],
                               "emotions": [], "staff": [], "suggestion": False, "urgency": 0.3}))
    store.save_analyses(db, rows, "spike")
    at = open_page("issues")
    assert any("Spike: 4 complaints about drinks" in e.value for e in at.error)


def test_people_and_stories(db_path):
    at = open_page("people")
    staff = frames(at)[0]
    assert staff.iloc[0]["name"] == "Marco" and staff.iloc[0]["praised"] == 2
    text = all_text(at)
    assert "risotto was wonderful" in text  # what customers said about Marco
    assert "food poisoning" in text  # worst stories
    assert "Our Friday place" in text  # best stories
    labels = [b.label for b in at.get("download_button")]
    assert "Export these stories" in labels and "Download CSV" in labels


def test_quiet_signals(db_path):
    at = open_page("quiet")
    text = all_text(at)
    assert "Priya Shah" in text and "earlier average 4.5" in text
    tables = frames(at)
    assert "curtains" in tables[0]["text"].iloc[0]  # Lee's suggestion
    assert list(tables[1]["author"]) == ["Quiet Regular"]  # the star-only rating


def test_search_finds_reviews_and_survives_fts_syntax(db_path):
    at = open_page("search")
    at.text_input(key="search_query").input("soup col").run()
    found = frames(at)[0]
    assert list(found["author"]) == ["Sam Okafor"]
    at.text_input(key="search_query").input('"unbalanced AND (').run()
    assert not at.exception
    at.text_input(key="search_query").input("script").run()
    assert XSS_SCRIPT in frames(at)[0]["text"].iloc[0]


def test_search_sees_new_reviews(db_path):
    db = store.open_db(db_path)
    source_id = store.ensure_source(db, "bistro", "schema_org", "http://127.0.0.1:9/bistro")
    store.save_review(db, source_id, {"source": "schema_org", "external_id": "new1", "author": "Kim",
                                      "rating": 5, "text": "Saffron buns to die for", "published_at": store.now_iso()})
    assert [r["author"] for r in store.search_reviews(db, "saffron")] == ["Kim"]


def test_sources_page_shows_health(db_path):
    db = store.open_db(db_path)
    source_id = store.ensure_source(db, "bistro", "schema_org", "http://127.0.0.1:9/bistro")
    run = store.start_crawl_run(db, source_id)
    store.finish_crawl_run(db, run, status="error", message="HTTP 503 from 127.0.0.1:9")
    at = open_page("sources")
    table = frames(at)[0]
    assert list(table["stored"]) == [9]  # eight reviews and the hostile one
    assert table.iloc[0]["last_error"] == "HTTP 503 from 127.0.0.1:9"
    assert any("failed on their last crawl" in e.value for e in at.error)


def test_settings_shows_voice_and_hides_secrets(db_path):
    auth.add_user(store.open_db(db_path), "olivia", "a good password", "owner")
    at = open_page("settings", login=("olivia", "a good password"))
    text = all_text(at)
    assert "Priya, owner" in text and "priya@bistro.example" in text
    assert "We bake our bread every morning." in text
    shown = "\n".join(frame.to_csv() for frame in frames(at))
    assert "webhook" in shown and "SECRET-TOKEN" not in shown and "SECRET-TOKEN" not in text
    assert "olivia" in shown and "argon2" not in shown
    assert "wait_time" in shown or "food" in shown  # the restaurant topic profile


def test_settings_hides_users_from_marketing(db_path):
    auth.add_user(store.open_db(db_path), "mia", "a good password", "marketing")
    at = open_page("settings", login=("mia", "a good password"))
    assert "Users" not in [s.value for s in at.subheader]


def test_tables_show_dates_a_person_can_read():
    import pandas as pd

    from dashboard.ui import readable_dates

    frame = pd.DataFrame({"published_at": ["2026-11-14T00:00:00+00:00", None],
                          "last_success_at": ["2026-11-22T09:30:40+00:00", "not a date"], "author": ["A", "B"]})
    shown = readable_dates(frame)
    assert list(shown["published_at"]) == ["2026-11-14", None]
    assert list(shown["last_success_at"]) == ["2026-11-22 09:30", None]
    assert list(shown["author"]) == ["A", "B"]
    assert frame["published_at"][0].startswith("2026-11-14T"), "the original frame is left alone"
