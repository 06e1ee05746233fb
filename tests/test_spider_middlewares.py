"""Retry-After parsing (the crawls in test_crawl.py show it is honoured end to end)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from spiders.middlewares import retry_after_seconds

NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize("header, expected", [
    (b"30", 30.0),
    ("0", 0.0),
    ("Wed, 01 May 2024 12:02:00 GMT", 120.0),
    ("Wed, 01 May 2024 11:00:00 GMT", 0.0),     # already past: retry now
    ("soon", None),
    (None, None),
])
def test_retry_after_seconds(header, expected):
    assert retry_after_seconds(header, now=NOW) == expected
