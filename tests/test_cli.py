import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reviewcare.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def all_commands(group: click.Group, prefix: str = ""):
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        yield full, command
        if isinstance(command, click.Group):
            yield from all_commands(command, full + " ")


COMMANDS = list(all_commands(cli))


@pytest.mark.parametrize("name,command", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help(name, command):
    assert command.help, f"{name} has no help text"
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


@pytest.mark.parametrize("name", [n for n, _ in COMMANDS])
def test_every_command_is_documented_in_the_readme(name):
    assert re.search(rf"reviewcare {re.escape(name)}\b", README.read_text()), f"README lacks `reviewcare {name}`"


def test_init_writes_config_and_refuses_to_overwrite(tmp_path):
    runner = CliRunner()
    path = tmp_path / "reviewcare.toml"
    assert runner.invoke(cli, ["init", str(path)]).exit_code == 0
    result = runner.invoke(cli, ["init", str(path)])
    assert result.exit_code == 1 and "already exists" in result.output


def test_bad_config_is_one_clear_line(tmp_path, monkeypatch):
    path = tmp_path / "reviewcare.toml"
    path.write_text("[voice]\nsignature = 'S'\n")
    monkeypatch.setenv("REVIEWCARE_CONFIG", str(path))
    monkeypatch.setenv("REVIEWCARE_DB", str(tmp_path / "r.db"))
    result = CliRunner().invoke(cli, ["refresh"])
    assert result.exit_code == 1
    expected = f"Error: {path}: voice.contact is missing; add contact = \"...\" under voice"
    assert result.output.strip().splitlines() == [expected]


def test_topics_emerging_lists_uncovered_nouns_from_stored_reviews(tmp_path, monkeypatch):
    from reviewcare import store

    db = store.open_db(tmp_path / "r.db")
    store.upsert_business(db, "b", "B")
    sid = store.ensure_source(db, "b", "import", "file:x")
    texts = ["The karaoke night was loud but fun.", "Karaoke on Fridays is a blast.", "We sang karaoke with Jonah.",
             "Nobody sang at karaoke.", "The food was fine."]
    for i, text in enumerate(texts):
        store.save_review(db, sid, {"external_id": str(i), "text": text, "rating": 4,
                                    "published_at": store.now_iso()})
    monkeypatch.setenv("REVIEWCARE_DB", str(tmp_path / "r.db"))
    result = CliRunner().invoke(cli, ["topics", "--emerging"])
    assert result.exit_code == 0, result.output
    terms = [line.split()[0] for line in result.output.splitlines()]
    assert terms[0] == "karaoke"
    assert "jonah" not in terms and "nobody" not in terms and "food" not in terms
