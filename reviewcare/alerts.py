"""Digests of new urgent reviews, sent by email (SMTP) and to a Slack-style webhook.

    sent = send_alerts(db, config.alerts)

Each review is alerted once per channel; a channel that fails is retried on the next refresh.
"""

from __future__ import annotations

import json
import os
import smtplib
import urllib.request
from email.message import EmailMessage
from urllib.error import URLError

import sqlite_utils

from reviewcare import store
from reviewcare.config import ConfigError

DEFAULT_THRESHOLD = 0.6
TIMEOUT_S = 15


class AlertError(RuntimeError):
    """A channel could not be reached."""


def digest_text(reviews: list[dict], business_names: dict[str, str]) -> str:
    """A plain-text digest: the most urgent first, with why each one is urgent."""
    lines = [f"{len(reviews)} new review{'s' if len(reviews) != 1 else ''} need attention:", ""]
    for review in reviews:
        stars = f"{review['rating']:.0f}/5" if review.get("rating") else "no rating"
        business = business_names.get(review["business_id"], review["business_id"])
        lines.append(f"- {business}: {review.get('author') or 'Anonymous'} ({stars}, {review.get('source')}, "
                     f"urgency {review['urgency']:.2f})")
        reasons = ", ".join(review.get("urgency_reasons") or []) or review.get("reason") or ""
        if reasons:
            lines.append(f"  why: {reasons}")
        text = " ".join((review.get("text") or "").split())
        if text:
            lines.append(f"  \"{text[:280]}{'...' if len(text) > 280 else ''}\"")
        if review.get("url"):
            lines.append(f"  {review['url']}")
    return "\n".join(lines) + "\n"


def send_email(settings: dict, subject: str, body: str) -> None:
    for key in ("host", "from", "to"):
        if not settings.get(key):
            raise ConfigError(f"alerts.email.{key} is missing; add {key} = \"...\" under [alerts.email]")
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings["from"]
    recipients = settings["to"] if isinstance(settings["to"], list) else [settings["to"]]
    message["To"] = ", ".join(recipients)
    message.set_content(body)
    try:
        with smtplib.SMTP(settings["host"], int(settings.get("port", 25)), timeout=TIMEOUT_S) as smtp:
            if settings.get("starttls"):
                smtp.starttls()
            if settings.get("username"):
                smtp.login(settings["username"], os.environ.get(settings.get("password_env", ""), ""))
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as ex:
        raise AlertError(f"email to {settings['host']}:{settings.get('port', 25)} failed ({ex}); "
                         "check [alerts.email] host and port") from None


def send_webhook(settings: dict, text: str) -> None:
    url = settings.get("url")
    if not url:
        raise ConfigError("alerts.webhook.url is missing; add url = \"https://...\" under [alerts.webhook]")
    request = urllib.request.Request(url, data=json.dumps({"text": text}).encode("utf-8"),
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            if response.status >= 300:
                raise AlertError(f"webhook {url} answered {response.status}; check [alerts.webhook] url")
    except (URLError, OSError) as ex:
        raise AlertError(f"webhook {url} failed ({ex}); check [alerts.webhook] url") from None


def send_alerts(db: sqlite_utils.Database, alerts: dict) -> dict[str, int]:
    """Send each configured channel a digest of urgent reviews it has not seen; return counts per channel.

    Raises AlertError after trying every channel if any failed; what was sent stays recorded.
    """
    threshold = float(alerts.get("urgency_threshold", DEFAULT_THRESHOLD))
    names = {b["id"]: b["name"] for b in store.list_businesses(db)}
    sent: dict[str, int] = {}
    failures = []
    for channel in ("email", "webhook"):
        settings = alerts.get(channel)
        if not settings:
            continue
        reviews = store.reviews_to_alert(db, channel, threshold)
        if not reviews:
            sent[channel] = 0
            continue
        body = digest_text(reviews, names)
        try:
            if channel == "email":
                send_email(settings, f"ReviewCare: {len(reviews)} urgent review(s)", body)
            else:
                send_webhook(settings, body)
        except AlertError as ex:
            failures.append(str(ex))
            continue
        store.mark_alerted(db, [r["id"] for r in reviews], channel)
        sent[channel] = len(reviews)
    if failures:
        raise AlertError("; ".join(failures))
    return sent
