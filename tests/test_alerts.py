"""Alerts go to a real SMTP server and a real HTTP receiver on 127.0.0.1, once per review and channel."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller

from reviewcare import store
from reviewcare.alerts import AlertError, send_alerts


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def webhook():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    server.shutdown()


def seeded(tmp_path):
    db = store.open_db(tmp_path / "a.db")
    store.upsert_business(db, "harbour", "Harbour Lane Kitchen")
    sid = store.ensure_source(db, "harbour", "schema_org", "http://127.0.0.1/r")
    texts = {"p1": ("Three of us got food poisoning after the mussels.", 1, 0.95),
             "p2": ("Lovely lamb and a kind waiter.", 5, 0.05)}
    for ext, (text, rating, _) in texts.items():
        store.save_review(db, sid, {"external_id": ext, "author": "Kim", "text": text, "rating": rating,
                                    "published_at": "2026-11-01T00:00:00+00:00", "source": "schema_org"})
    rows = store.reviews_to_analyze(db, "v1")
    store.save_analyses(db, [(r, {"id": str(r["id"]), "language": "en",
                                  "sentiment": {"score": 0.0, "label": "neutral"}, "topics": [], "emotions": [],
                                  "staff": [], "suggestion": False,
                                  "urgency": texts[next(k for k, v in texts.items() if v[0] == r["text"])][2],
                                  "urgency_reasons": ["food poisoning"]}) for r in rows], "v1")
    return db


def test_digest_sent_once_per_channel(tmp_path, smtp, webhook):
    controller, inbox = smtp
    url, received = webhook
    db = seeded(tmp_path)
    alerts = {"urgency_threshold": 0.6,
              "email": {"host": "127.0.0.1", "port": controller.port, "from": "bot@harbour.example",
                        "to": ["nell@harbour.example"]},
              "webhook": {"url": url}}
    assert send_alerts(db, alerts) == {"email": 1, "webhook": 1}
    assert len(inbox.messages) == 1 and "food poisoning" in inbox.messages[0]
    assert "Lovely lamb" not in inbox.messages[0]
    assert "food poisoning" in received[0]["text"] and "Harbour Lane Kitchen" in received[0]["text"]
    # Nothing is alerted twice.
    assert send_alerts(db, alerts) == {"email": 0, "webhook": 0}
    assert len(inbox.messages) == 1 and len(received) == 1


def test_a_failing_channel_is_retried_later_and_the_other_still_sends(tmp_path, webhook):
    url, received = webhook
    db = seeded(tmp_path)
    alerts = {"email": {"host": "127.0.0.1", "port": free_port(), "from": "a@b.example", "to": "c@d.example"},
              "webhook": {"url": url}}
    with pytest.raises(AlertError, match="check \\[alerts.email\\] host and port"):
        send_alerts(db, alerts)
    assert len(received) == 1
    assert len(store.reviews_to_alert(db, "email", 0.6)) == 1
    assert store.reviews_to_alert(db, "webhook", 0.6) == []
