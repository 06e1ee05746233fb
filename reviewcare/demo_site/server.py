"""A small review site on 127.0.0.1, served from a background thread.

    server, base_url = serve_demo_site()          # the bundled sample business, pages at base_url + "/reviews"
    server, base_url = serve_reviews(my_reviews, {"name": "Test Cafe"}, per_page=3)
    server.requests, server.user_agents           # paths asked for, in order, and who asked
    server.stop()

The demo crawl and the tests use it, so the real spiders run against real HTTP without any network.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from reviewcare.demo_site.render import PER_PAGE, ROBOTS_TXT, render_site

DATA_DIR = Path(__file__).resolve().parent
# A response: body text, or (status, headers, body).
Response = str | tuple[int, dict[str, str], str]
Responder = Callable[[str], Response | None]


class _Handler(BaseHTTPRequestHandler):
    server: SiteServer
    server_version = "ReviewCareDemo/0.1"

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        self.server.requests.append(self.path)
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        answer = self.server.respond(self.path)
        if answer is None:
            status, headers, body = 404, {"Content-Type": "text/plain; charset=utf-8"}, "not found\n"
        elif isinstance(answer, str):
            ctype = "text/plain; charset=utf-8" if self.path == "/robots.txt" else "text/html; charset=utf-8"
            status, headers, body = 200, {"Content-Type": ctype}, answer
        else:
            status, headers, body = answer
            headers = {"Content-Type": "text/html; charset=utf-8", **headers}
        data = body.encode("utf-8")
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the base class
        pass  # keep test and demo output quiet


class SiteServer(ThreadingHTTPServer):
    """An HTTP server answering from `pages` (path with query -> response), or a custom responder first."""

    daemon_threads = True

    def __init__(self, host: str, port: int):
        super().__init__((host, port), _Handler)
        self.pages: dict[str, Response] = {}
        self.robots_txt: str | None = ROBOTS_TXT
        self.responder: Responder | None = None
        self.requests: list[str] = []
        self.user_agents: list[str] = []
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def respond(self, path: str) -> Response | None:
        if self.responder is not None:
            answer = self.responder(path)
            if answer is not None:
                return answer
        if path == "/robots.txt" and self.robots_txt is not None:
            return self.robots_txt
        return self.pages.get(path)

    def start(self) -> SiteServer:
        self._thread = threading.Thread(target=self.serve_forever, name="review-site", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def serve_pages(pages: dict[str, Response], *, host: str = "127.0.0.1", port: int = 0,
                robots_txt: str | None = ROBOTS_TXT) -> tuple[SiteServer, str]:
    """Serve fixed pages by path; returns the running server and its base URL."""
    server = SiteServer(host, port)
    server.pages.update(pages)
    server.robots_txt = robots_txt
    return server.start(), server.base_url


def serve_reviews(reviews: list[dict], business: dict, *, host: str = "127.0.0.1", port: int = 0,
                  per_page: int = PER_PAGE, microdata_every: int = 4) -> tuple[SiteServer, str]:
    """Serve review dicts as schema.org pages under /reviews (see `render.render_site`)."""
    server = SiteServer(host, port)
    set_reviews(server, reviews, business, per_page=per_page, microdata_every=microdata_every)
    return server.start(), server.base_url


def set_reviews(server: SiteServer, reviews: list[dict], business: dict, *, per_page: int = PER_PAGE,
                microdata_every: int = 4) -> None:
    """Replace the pages a running server shows (to simulate new, edited or removed reviews)."""
    pages = render_site(reviews, business, base_url=server.base_url, per_page=per_page,
                        microdata_every=microdata_every)
    server.pages.clear()
    server.pages.update(pages)


def load_demo_data(folder: Path = DATA_DIR) -> tuple[list[dict], dict]:
    """The bundled sample business and its reviews."""
    reviews = json.loads((folder / "reviews.json").read_text(encoding="utf-8"))
    business = json.loads((folder / "business.json").read_text(encoding="utf-8"))
    return reviews, business


def serve_demo_site(host: str = "127.0.0.1", port: int = 0) -> tuple[SiteServer, str]:
    """Serve the sample business's reviews; crawl `base_url + "/reviews"`."""
    reviews, business = load_demo_data()
    return serve_reviews(reviews, business, host=host, port=port)
