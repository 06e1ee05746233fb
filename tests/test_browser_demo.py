"""The demo in a real headless Chromium: build it, start `reviewcare dashboard`, approve a draft, take a screenshot."""

from __future__ import annotations

import sys

import pytest
from test_browser_dashboard import _save_screenshot, _texts, _wait_until, browser, serving  # noqa: F401

from reviewcare import store
from reviewcare.demo import build_demo


@pytest.fixture
def demo_dashboard(tmp_path):
    server, summary = build_demo(tmp_path / "demo", echo=lambda _: None)
    server.shutdown()
    command = [sys.executable, "-m", "reviewcare.cli", "dashboard", "--port"]
    with serving(command, summary["db_path"], tmp_path) as url:
        yield url, summary["db_path"]


def test_demo_dashboard_shows_the_sample_business_and_an_owner_approves(demo_dashboard, browser, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By

    url, db_path = demo_dashboard
    db = store.open_db(db_path)
    first = store.inbox(db, statuses=("drafted",))[0]

    browser.get(url)
    _wait_until(lambda: any("Overview" in t for t in _texts(browser, "stHeading")), "the Overview page")
    _wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, '[data-testid="stVegaLiteChart"]'), "the charts")
    reviews = store.count_reviews(db)
    _wait_until(lambda: str(reviews) in " ".join(_texts(browser, "stMetricValue")), "the review count")
    _save_screenshot(browser, tmp_path, "demo-overview.png")

    browser.get(f"{url}/inbox")
    selector = f".st-key-inbox_approve_{first['draft_id']} button"
    _wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, selector), "the most urgent draft's Approve button")
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    browser.find_element(By.CSS_SELECTOR, selector).click()
    _wait_until(lambda: store.get_draft(db, first["draft_id"])["status"] == "approved", "the approval to be stored")
    assert store.audit_log(db, "draft", first["draft_id"])[-1]["actor"] == "local owner"
    shot = _save_screenshot(browser, tmp_path, "demo-inbox.png")
    assert shot.stat().st_size > 10_000
