"""Recognise pages that are not the content asked for: CAPTCHA, bot walls, access denied."""

from __future__ import annotations

import re

_MARKERS = [
    (re.compile(r"captcha|g-recaptcha|h-captcha|px-captcha|datadome", re.I), "a CAPTCHA page"),
    (re.compile(r"verify (that )?you are (a )?human|are you a robot|not a robot|unusual traffic", re.I),
     "a bot check page"),
    (re.compile(r"just a moment\.\.\.|cf-challenge|attention required! \| cloudflare|checking your browser", re.I),
     "a bot challenge page"),
    (re.compile(r"access denied|request (was )?blocked|you have been blocked|too many requests", re.I),
     "an access-denied page"),
]


def detect_block_page(html: str) -> str | None:
    """What kind of block page this looks like, or None. Call it only on pages that yielded no review,
    so that a review mentioning a CAPTCHA is not mistaken for one."""
    head = html[:200_000]
    for pattern, kind in _MARKERS:
        if pattern.search(head):
            return kind
    return None
