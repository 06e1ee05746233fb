"""The dashboard pages rendered with Streamlit's AppTest against a seeded SQLite file."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest
from test_dashboard_seed import draft_id_for, seed

from dashboard.ui import csv_bytes, failed_check_hints, plain
from reviewcare import auth, store

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "dash.db"
    seed(path)
    monkeypatch.setenv("REVIEWCARE_DB", str(path))
    return path


def open_app(page: str | None = None, business: str | None = "bistro") -> AppTest:
    """The app run once (as the local owner unless users exist), optionally on `page` and one business."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    if business and at.selectbox(key="app_business"):
        at.selectbox(key="app_business").set_value(business).run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    return at.button[0].click().run()


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def button_labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def test_overview_shows_the_figures(db_path):
    at = open_app(business="bistro")
    assert at.title[0].value == "Overview"
    assert metric(at, "Reviews") == "8"
    assert metric(at, "Average rating") == "3.25"
    # Sam, Ana and Priya's latest negative, Lee mixed: 4 of 8.
    assert metric(at, "Negative or mixed") == "50%"
    # 2 promoters (5 stars), 4 detractors (1, 2, 3, 2 stars) of 8 rated: 25% - 50%.
    assert metric(at, "Promoter score") == "-25"
    assert any("% promoters" in c.value for c in at.caption)
    assert len(at.get("vega_lite_chart")) >= 3


def test_business_selector_switches_the_figures(db_path):
    at = open_app(business="harbour")
    assert metric(at, "Reviews") == "1"
    at = open_app(business=None)
    assert metric(at, "Reviews") == "9"


def test_owner_approves_a_draft_from_the_inbox(db_path):
    at = open_app("inbox")
    assert at.title[0].value == "Inbox"
    db = store.open_db(db_path)
    draft_id = draft_id_for(db, "Dana Whitfield")
    at.text_area(key=f"inbox_reply_{draft_id}").input("Hi Dana, thank you. Marco will hear about it today.")
    at.button(key=f"inbox_approve_{draft_id}").click().run()
    assert not at.exception, at.exception
    assert any("Approved the reply to" in s.value for s in at.success)
    draft = store.get_draft(db, draft_id)
    assert draft["status"] == "approved"
    assert draft["approved_by"] == "local owner"
    assert draft["reply"] == "Hi Dana, thank you. Marco will hear about it today."
    entries = store.audit_log(db, "draft", draft_id)
    assert entries[-1]["action"] == "approve" and entries[-1]["actor"] == "local owner"
    # Approved drafts leave the waiting queue.
    assert f"inbox_approve_{draft_id}" not in [b.key for b in at.button]


def test_inbox_edit_and_dismiss_are_stored_and_audited(db_path):
    at = open_app("inbox")
    db = store.open_db(db_path)
    lee = draft_id_for(db, "Lee")
    at.text_area(key=f"inbox_reply_{lee}").input("Hi Lee, curtains are on order.")
    at.button(key=f"inbox_save_{lee}").click().run()
    assert store.get_draft(db, lee)["status"] == "edited"
    assert store.get_draft(db, lee)["reply"] == "Hi Lee, curtains are on order."
    sam = draft_id_for(db, "Sam Okafor")
    at.button(key=f"inbox_dismiss_{sam}").click().run()
    assert any("Dismissed" in s.value for s in at.success)
    assert store.get_draft(db, sam)["status"] == "dismissed"
    assert [e["action"] for e in store.audit_log(db, "draft", lee)][-1] == "edit"
    assert [e["action"] for e in store.audit_log(db, "draft", sam)][-1] == "dismiss"


def test_inbox_orders_by_urgency_and_shows_needs_human_without_approve(db_path):
    at = open_app("inbox")
    db = store.open_db(db_path)
    ana = draft_id_for(db, "Ana")
    texts = [t.value for t in at.text]
    # Ana (0.95) before Sam (0.8) before Lee (0.4) before Dana (0.1).
    order = [next(i for i, t in enumerate(texts) if word in t) for word in ("poisoning", "40 minutes", "curtains",
                                                                              "risotto")]
    assert order == sorted(order)
    assert any("legal threat" in w.value for w in at.warning)
    keys = [b.key for b in at.button]
    assert f"inbox_approve_{ana}" not in keys
    assert f"inbox_dismiss_{ana}" in keys
    assert any("Self-checks" in c.value for c in at.caption)


def test_inbox_asks_for_a_close_read_of_a_draft_that_failed_a_check(db_path):
    at = open_app("inbox")
    warnings = [w.value for w in at.warning if w.value.startswith("Read closely before approving")]
    assert len(warnings) == 1, warnings
    assert "complaint the reviewer felt most strongly" in warnings[0]
    assert failed_check_hints({"uses_name": True, "no_fault_invented": False, "custom_rule": {"ok": False}}) == [
        "the reply apologises for a fault a happy reviewer never raised", "custom rule"]


def test_inbox_filters_by_rating(db_path):
    at = open_app("inbox")
    at.selectbox(key="inbox_rating").set_value(1).run()
    texts = " ".join(t.value for t in at.text)
    assert "40 minutes" in texts and "risotto" not in texts


def test_login_required_when_users_exist(db_path):
    db = store.open_db(db_path)
    auth.add_user(db, "olivia", "correct horse battery", "owner")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert at.text_input(key="login_password") is not None
    assert not at.metric  # nothing of the data shows before sign-in
    at = sign_in(at, "olivia", "wrong password")
    assert any("do not match" in e.value for e in at.error)
    assert not at.metric
    at = sign_in(at, "olivia", "correct horse battery")
    assert not at.exception, at.exception
    assert at.title[0].value == "Overview"
    assert any("olivia" in m.value for m in at.sidebar.markdown)


def test_marketing_cannot_approve(db_path):
    db = store.open_db(db_path)
    auth.add_user(db, "mia", "marketing pass 1", "marketing")
    at = AppTest.from_file(APP, default_timeout=60).run()
    at = sign_in(at, "mia", "marketing pass 1")
    at.selectbox(key="app_business").set_value("bistro").run()
    at.switch_page("app_pages/inbox.py").run()
    assert not at.exception, at.exception
    dana = draft_id_for(db, "Dana Whitfield")
    keys = [b.key for b in at.button]
    assert f"inbox_save_{dana}" in keys
    assert not [k for k in keys if k and k.startswith("inbox_approve_")]
    # The store is the guard, whatever the page shows.
    with pytest.raises(store.PermissionDenied):
        store.change_draft(db, dana, "approve", actor="mia", role="marketing")
    assert store.get_draft(db, dana)["status"] == "drafted"
    # Marketing may still edit, and the audit log names them.
    at.text_area(key=f"inbox_reply_{dana}").input("Hi Dana, thank you for the lovely words.")
    at.button(key=f"inbox_save_{dana}").click().run()
    assert store.get_draft(db, dana)["status"] == "edited"
    assert store.audit_log(db, "draft", dana)[-1]["actor"] == "mia"


def test_review_text_is_never_markdown(tmp_path, monkeypatch):
    path = tmp_path / "hostile.db"
    seed(path, hostile=True)
    monkeypatch.setenv("REVIEWCARE_DB", str(path))
    at = open_app("inbox")
    # The hostile review's text is shown through st.text, verbatim.
    assert any("<script>window.__xss=1</script>" in t.value for t in at.text)
    # Anything rendered as Markdown carries the author only in escaped form.
    blocks = [b.value for b in [*at.markdown, *at.caption, *at.warning, *at.success]]
    assert any("onerror" in b for b in blocks)  # the author's name is shown...
    for block in blocks:
        assert not re.search(r"(?<!\\)[<\[]", block), block  # ...with every < and [ escaped


@pytest.mark.parametrize("text", [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    "[click me](javascript:window.__xss=1)",
    "![tracker](http://example.com/pixel.png)",
    "<https://example.com/autolink>",
    "**bold** _it_ `code` # heading\n> quote\n- item",
    "&lt;script&gt; $x^2$ :red[colour] |a|b|",
])
def test_plain_leaves_nothing_for_markdown_to_interpret(text):
    html = MarkdownIt("commonmark").enable("table").render(plain(text))
    inner = html.removeprefix("<p>").removesuffix("</p>\n")
    # Only the text itself, HTML-escaped by the renderer: no tags, links, images or entities of ours.
    assert "<" not in inner and "href" not in inner and "src=" not in inner.replace("src=x", "")
    assert _unescape(inner) == " ".join(text.split())


def _unescape(html: str) -> str:
    return html.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_csv_export_defuses_spreadsheet_formulas():
    frame = pd.DataFrame([{"author": "=HYPERLINK(\"http://x\")", "text": "-1 star", "rating": -1},
                          {"author": "Dana", "text": "Lovely, \"really\"", "rating": 5}])
    rows = list(csv.DictReader(io.StringIO(csv_bytes(frame).decode("utf-8"))))
    assert rows[0]["author"] == "'=HYPERLINK(\"http://x\")" and rows[0]["text"] == "'-1 star"
    assert rows[0]["rating"] == "-1"  # numbers stay numbers
    assert rows[1] == {"author": "Dana", "text": 'Lovely, "really"', "rating": "5"}
