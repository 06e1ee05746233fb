"""`reviewcare demo` builds the whole product on the bundled sample site (without starting the dashboard)."""

from datetime import date

from click.testing import CliRunner

from reviewcare import store
from reviewcare.cli import cli
from reviewcare.demo import shift_to_recent
from reviewcare.demo_site.server import load_demo_data


def test_sample_data_is_rich_enough():
    reviews, business = load_demo_data()
    assert len(reviews) >= 150
    months = {r["date"][:7] for r in reviews}
    assert len(months) >= 12
    assert {r["rating"] for r in reviews} == {1, 2, 3, 4, 5}
    assert len({r["author"] for r in reviews}) > 100
    assert business["name"] and business["industry"] == "restaurant"


def test_dates_shift_so_the_newest_is_recent():
    reviews = [{"date": "2026-01-01"}, {"date": "2026-03-01"}, {"date": None}]
    shifted = shift_to_recent(reviews, date(2026, 11, 22))
    assert shifted[1]["date"] == "2026-11-20"
    assert shifted[0]["date"] == "2026-09-22"
    assert shifted[2]["date"] is None


def test_demo_crawls_analyzes_and_drafts(tmp_path):
    result = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo"), "--no-dashboard"])
    assert result.exit_code == 0, result.output
    db = store.open_db(tmp_path / "demo" / "reviewcare.db")
    reviews, _ = load_demo_data()
    assert db["reviews"].count == len(reviews)
    assert db["analyses"].count == len(reviews)
    answered = sum(1 for r in reviews if r.get("reply"))
    assert db["drafts"].count == len(reviews) - answered
    assert store.draft_status_counts(db).get("needs_human", 0) >= 3
    assert "http://127.0.0.1:" in result.output
