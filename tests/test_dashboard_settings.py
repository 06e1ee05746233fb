"""Owners change the reply voice from Settings; marketing sees it read-only and the store refuses their writes."""

from __future__ import annotations

import json

import pytest
from test_dashboard_pages import CONFIG, all_text, open_page
from test_dashboard_seed import seed

from reviewcare import auth, config, store


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "settings.db"
    db = seed(path)
    auth.add_user(db, "olivia", "a good password", "owner")
    auth.add_user(db, "mia", "a good password", "marketing")
    (tmp_path / "reviewcare.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("REVIEWCARE_DB", str(path))
    monkeypatch.setenv("REVIEWCARE_CONFIG", str(tmp_path / "reviewcare.toml"))
    return path


def default_voice() -> config.VoiceConfig:
    return config.load_config().business("bistro").voice


def test_owner_changes_the_voice_and_it_is_stored_audited_and_effective(db_path):
    at = open_page("settings", login=("olivia", "a good password"))
    at.text_input(key="settings_voice_signature").input("Priya and the team")
    at.text_area(key="settings_voice_facts").input("We bake our bread every morning.\nThe terrace opens in May.")
    at.selectbox(key="settings_voice_tone").set_value("formal")
    at.button[[b.label for b in at.button].index("Save the voice")].click().run()
    assert not at.exception, at.exception
    assert any("Saved the reply voice" in s.value for s in at.success)
    assert "Priya and the team" in all_text(at)

    db = store.open_db(db_path)
    voice = store.effective_voice(db, "bistro", default_voice())
    assert voice.signature == "Priya and the team" and voice.tone == "formal"
    assert voice.facts == ["We bake our bread every morning.", "The terrace opens in May."]
    assert voice.contact == "priya@bistro.example"  # untouched fields keep the config's value
    entry = store.audit_log(db, "voice", "bistro")[-1]
    assert entry["actor"] == "olivia" and entry["action"] == "voice"
    assert json.loads(entry["after"])["signature"] == "Priya and the team"
    assert json.loads(entry["before"]) == {}

    # Going back to the config file's voice is audited too.
    at.button(key="settings_voice_reset").click().run()
    assert store.effective_voice(db, "bistro", default_voice()) == default_voice()
    assert store.audit_log(db, "voice", "bistro")[-1]["action"] == "voice_reset"


def test_marketing_sees_the_voice_read_only_and_the_store_refuses_their_write(db_path):
    at = open_page("settings", login=("mia", "a good password"))
    assert "Priya, owner" in all_text(at)
    assert "Only owners can change the voice." in all_text(at)
    assert not [t for t in at.text_input if (t.key or "").startswith("settings_voice_")]
    assert "Save the voice" not in [b.label for b in at.button]
    db = store.open_db(db_path)
    with pytest.raises(store.PermissionDenied):
        store.save_voice_override(db, "bistro", {"signature": "Mia"}, actor="mia", role="marketing")
    with pytest.raises(store.PermissionDenied):
        store.clear_voice_override(db, "bistro", actor="mia", role="marketing")
    assert store.voice_override(db, "bistro") == {}
    assert store.audit_log(db, "voice", "bistro") == []


@pytest.mark.parametrize("changes, message", [
    ({"signature": "   "}, "cannot be empty"),
    ({"tone": "sarcastic"}, "unknown tone"),
    ({"price_list": "x"}, "unknown voice setting"),
])
def test_bad_voice_changes_are_refused_and_nothing_is_stored(tmp_path, changes, message):
    db = seed(tmp_path / "v.db")
    with pytest.raises(store.StoreError, match=message):
        store.save_voice_override(db, "bistro", changes, actor="olivia", role="owner")
    assert store.voice_override(db, "bistro") == {}
