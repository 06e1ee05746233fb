"""Take the README's screenshots from a running dashboard (start it first with `make demo`).

    .venv/bin/python docs/screenshots.py http://127.0.0.1:8501 overview issues inbox:2300

A page may carry its own window height after a colon (the Inbox needs room to show a drafted reply).

Uses Debian's chromium and chromedriver; writes docs/screenshots/<page>.png.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

OUT = Path(__file__).resolve().parent / "screenshots"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def main(base_url: str, pages: list[str]) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in [*FLAGS, f"--user-data-dir={tempfile.mkdtemp()}", "--window-size=1400,1100"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        for spec in pages:
            page, _, height = spec.partition(":")
            driver.set_window_size(1400, int(height or 1100))
            driver.get(base_url.rstrip("/") + ("/" if page == "overview" else f"/{page}"))
            WebDriverWait(driver, 60).until(ec.presence_of_element_located((By.CSS_SELECTOR, "h1")))
            time.sleep(4)  # let charts finish drawing
            OUT.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(OUT / f"{page}.png"))
            print(f"wrote {OUT / f'{page}.png'}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:] or ["overview", "inbox"])
