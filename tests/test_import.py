import json

import pytest
from click.testing import CliRunner

from reviewcare import store
from reviewcare.cli import cli
from reviewcare.importer import ImportFileError, read_reviews

CONFIG = """
[voice]
signature = "Ana, owner"
contact = "ana@cafe.example"

[[businesses]]
id = "uno"
name = "Cafe Uno"
industry = "cafe"

[import.columns]
text = "Review"
rating = "Stars"
author = "Reviewer"
published_at = "When"
"""


@pytest.fixture
def env(tmp_path, monkeypatch):
    (tmp_path / "reviewcare.toml").write_text(CONFIG)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REVIEWCARE_DB", str(tmp_path / "r.db"))
    monkeypatch.setenv("REVIEWCARE_CONFIG", str(tmp_path / "reviewcare.toml"))
    return tmp_path


def test_import_csv_with_column_mapping_is_idempotent(env):
    (env / "export.csv").write_text(
        "Reviewer,Stars,Review,When\n"
        "Dana K.,2,\"Cold soup, long wait\",2026-03-04\n"
        "Lee,5,Lovely lamb,4 March 2026\n"
    )
    result = CliRunner().invoke(cli, ["import", "export.csv"])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output
    again = CliRunner().invoke(cli, ["import", "export.csv"])
    assert "0 new" in again.output and "2 unchanged" in again.output
    rows = list(store.open_db(env / "r.db").query("select author, rating, text, published_at from reviews"))
    assert {r["author"] for r in rows} == {"Dana K.", "Lee"}
    assert all(r["published_at"].startswith("2026-03-04") for r in rows)


def test_broken_csv_gives_one_line_and_stores_nothing(env):
    (env / "good.csv").write_text("Reviewer,Stars,Review,When\nDana,4,Nice,2026-01-01\n")
    assert CliRunner().invoke(cli, ["import", "good.csv"]).exit_code == 0
    (env / "bad.csv").write_text("Reviewer,Stars,Review,When\nLee,5,Fine,2026-01-02\nMo,eleven,Bad,2026-01-03\n")
    result = CliRunner().invoke(cli, ["import", "bad.csv"])
    assert result.exit_code == 1
    assert "bad.csv:3" in result.output and "rating" in result.output
    assert store.open_db(env / "r.db")["reviews"].count == 1


def test_csv_without_the_mapped_columns_says_how_to_map(env, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ImportFileError, match=r"\[import.columns\]"):
        read_reviews(path, "csv")


def test_jsonl_and_google_takeout(env):
    (env / "rows.jsonl").write_text(json.dumps({"id": "x1", "text": "Great", "rating": 5, "author": "Sam",
                                                "published_at": "2026-02-01"}) + "\n")
    assert "1 new" in CliRunner().invoke(cli, ["import", "rows.jsonl"]).output
    takeout = {"reviews": [{"reviewId": "g1", "reviewer": {"displayName": "Priya"}, "starRating": "FOUR",
                            "comment": "Good coffee", "createTime": "2026-01-05T10:00:00Z",
                            "reviewReply": {"comment": "Thank you Priya!"}}]}
    (env / "reviews.json").write_text(json.dumps(takeout))
    result = CliRunner().invoke(cli, ["import", "reviews.json", "--format", "google-takeout"])
    assert "1 new" in result.output, result.output
    row = next(store.open_db(env / "r.db").query("select * from reviews where external_id = 'g1'"))
    assert row["rating"] == 4 and row["reply_text"] == "Thank you Priya!" and row["source"] == "google"


def test_bad_jsonl_line_is_named(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"id": 1, "text": "ok"}\n{oops\n')
    with pytest.raises(ImportFileError, match="rows.jsonl:2"):
        read_reviews(path)


def test_an_answer_glued_to_the_review_text_is_split_off_and_counts_as_answered(env):
    text = ("Central spot and a rooftop pool we loved. Thanks to Mira at the desk.Dear tomas,Thank you for staying "
            "with us and for your kind words about Mira. We hope to welcome you again.Best Regards, Lena K. Guest "
            "Relations Manager")
    (env / "glued.jsonl").write_text(json.dumps({"id": "t1", "text": text, "rating": 5}) + "\n")
    assert "1 new" in CliRunner().invoke(cli, ["import", "glued.jsonl"]).output
    row = next(store.open_db(env / "r.db").query("select * from reviews where external_id = 't1'"))
    assert row["text"] == "Central spot and a rooftop pool we loved. Thanks to Mira at the desk."
    assert row["reply_text"].startswith("Dear tomas,Thank you") and row["author"] == "Tomas"
    # a review that merely opens with "Dear" or thanks someone keeps its text
    from reviewcare.importer import split_owner_reply
    assert split_owner_reply("Dear hotel, thank you for nothing. Rooms were filthy.")[1] == ""
    assert split_owner_reply("Lovely stay. Dear staff, thank you all!")[1] == ""
