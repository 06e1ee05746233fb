"""The real dashboard in a real browser: `streamlit run` on 127.0.0.1, driven through Debian's headless Chromium.

Reviews carrying script tags, an onerror image and javascript: links must show as text and run nothing; an
owner approves a draft with a click and the database records it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_dashboard_seed import XSS_SCRIPT, draft_id_for, seed

from reviewcare import store

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT_S = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until(predicate, what: str, timeout: float = WAIT_S):
    from selenium.common.exceptions import StaleElementReferenceException

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = predicate()
        except StaleElementReferenceException:
            result = None  # Streamlit re-rendered the page between finding an element and reading it: look again
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


@contextlib.contextmanager
def serving(command: list[str], db_path: Path, tmp_path: Path):
    """Run a dashboard command against `db_path` until it answers its health check; yield its URL, then stop it."""
    port = _free_port()
    env = {**os.environ, "REVIEWCARE_DB": str(db_path)}
    log_path = tmp_path / "dashboard.log"
    log = log_path.open("w")
    proc = subprocess.Popen([*command, str(port)], cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"the dashboard exited early: {log_path.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        _wait_until(healthy, "the dashboard to start")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture
def dashboard(tmp_path):
    """A seeded database with hostile reviews and the dashboard serving it; yields (url, db path)."""
    db_path = tmp_path / "browser.db"
    seed(db_path, hostile=True)
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", "--server.port"]
    with serving(command, db_path, tmp_path) as url:
        yield url, db_path


@pytest.fixture
def browser(tmp_path):
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.fail(f"{CHROMIUM} or {CHROMEDRIVER} is missing: run `make install` (it installs Debian's chromium "
                    "and chromium-driver) and try again")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1400,2200", f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT_S)
    try:
        yield driver
    finally:
        driver.quit()


def _save_screenshot(driver, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    assert driver.save_screenshot(str(shot)), "the browser could not take a screenshot"
    folder = os.environ.get("REVIEWCARE_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(folder) / name)
    return shot


def _texts(driver, test_id: str) -> list[str]:
    from selenium.webdriver.common.by import By

    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{test_id}"]')]


def test_hostile_reviews_render_as_text_and_owner_approves(dashboard, browser, tmp_path):
    from selenium.webdriver.common.by import By

    url, db_path = dashboard
    db = store.open_db(db_path)
    hostile_draft = draft_id_for(db, '<img src=x onerror="window.__xss=1">')

    browser.get(f"{url}/inbox")
    _wait_until(lambda: any(XSS_SCRIPT in t for t in _texts(browser, "stText")), "the hostile review as text")
    # Give any injected handler (an image's onerror fires after its failed load) time to run before checking.
    time.sleep(1.5)
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    assert browser.find_elements(By.XPATH, "//*[contains(text(), '<script>window.__xss=1</script>')]")
    # No element built from review data: no injected <img src=x>, no javascript: link.
    assert not browser.find_elements(By.CSS_SELECTOR, 'img[src="x"]')
    assert not browser.find_elements(By.CSS_SELECTOR, 'a[href^="javascript:"]')
    author_lines = [t for t in _texts(browser, "stMarkdown") if "onerror" in t]
    assert author_lines and '<img src=x onerror="window.__xss=1">' in author_lines[0]

    _save_screenshot(browser, tmp_path, "inbox.png")
    button = browser.find_element(By.CSS_SELECTOR, f".st-key-inbox_approve_{hostile_draft} button")
    button.click()
    _wait_until(lambda: store.get_draft(db, hostile_draft)["status"] == "approved", "the approval to be stored")
    _wait_until(lambda: any("Approved the reply" in t for t in _texts(browser, "stAlertContentSuccess")
                            + _texts(browser, "stAlert")), "the confirmation")
    assert store.audit_log(db, "draft", hostile_draft)[-1]["action"] == "approve"
    assert browser.execute_script("return typeof window.__xss") == "undefined"

    browser.get(url)
    _wait_until(lambda: any("Overview" in t for t in _texts(browser, "stHeading")), "the Overview page")
    _wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, '[data-testid="stVegaLiteChart"]'), "the charts")
    time.sleep(1.0)
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    shot = _save_screenshot(browser, tmp_path, "overview.png")
    assert shot.stat().st_size > 10_000


PAGES = {"issues": "Issues", "people": "People and stories", "quiet": "Quiet signals", "search": "Search reviews",
         "sources": "Sources", "settings": "Settings"}


def test_every_page_loads_without_running_review_script(dashboard, browser, tmp_path):
    from selenium.webdriver.common.by import By

    url, _ = dashboard
    for path, title in PAGES.items():
        browser.get(f"{url}/{path}")
        try:
            _wait_until(lambda title=title: any(title in t for t in _texts(browser, "stHeading")),
                        f"the {title} page")
        except AssertionError:
            _save_screenshot(browser, tmp_path, f"failed-{path}.png")
            raise AssertionError(f"{path} did not show its title; the page says: "
                                 f"{browser.find_element(By.TAG_NAME, 'body').text[:2000]}") from None
        time.sleep(1.0)
        assert not browser.find_elements(By.CSS_SELECTOR, '[data-testid="stException"]'), path
        assert browser.execute_script("return typeof window.__xss") == "undefined", path
        assert not browser.find_elements(By.CSS_SELECTOR, 'img[src="x"]'), path
    # The hostile review is in the search index; its text must come back as text.
    browser.get(f"{url}/search")
    box = _wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, ".st-key-search_query input"),
                      "the search box")[0]
    box.send_keys("terrible\n")
    _wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, '[data-testid="stDataFrame"]'), "the results")
    time.sleep(1.0)
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    _save_screenshot(browser, tmp_path, "search.png")
