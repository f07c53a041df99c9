"""The local review server: the review page, `GET /api/queue` and `POST /api/decisions`, on loopback only.

It is the standard library's `http.server`: three routes for one analyst on their own machine
need no framework, and a dependency here would be one more thing to install and keep safe.
Every API call needs the session's token (sent in the page, which other sites cannot read), the
Host header must name this server (no DNS rebinding), and a write must be JSON from this origin.
"""
from __future__ import annotations

import hmac
import html
import ipaddress
import json
import secrets
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .errors import StanceGraphError
from .review import ORDERS, ReviewError, ReviewSession

TOKEN_HEADER = "X-Review-Token"
MAX_BODY = 64 * 1024


def _template(name: str) -> str:
    try:
        return (resources.files("kg") / "templates" / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ReviewError(f"review page file {name} is missing from the installation ({exc.strerror})") from None


def render_review_page(token: str, nonce: str) -> str:
    """The review page with the session's token and the script nonce filled in."""
    page = _template("review.html")
    parts = {
        "{{ page_css }}": _template("page.css"),
        "{{ review_css }}": _template("review.css"),
        "{{ review_js }}": _template("review.js"),
        "{{ token }}": html.escape(token, quote=True),
        "{{ nonce }}": nonce,
    }
    for placeholder, value in parts.items():
        page = page.replace(placeholder, value)
    return page


class ReviewServer:
    """A review session served over HTTP on a loopback address; port 0 picks a free port."""

    def __init__(self, session: ReviewSession, host: str = "127.0.0.1", port: int = 0) -> None:
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise ReviewError(f"the review server listens on loopback addresses only, not {host!r}")
        self.session = session
        self.token = secrets.token_urlsafe(32)
        try:
            self.httpd = ThreadingHTTPServer((host, port), _handler_class(self))
        except OSError as exc:
            raise ReviewError(f"cannot listen on {host}:{port} ({exc.strerror})") from None
        self.httpd.daemon_threads = True
        self.host, self.port = self.httpd.server_address[:2]
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    def allowed_hosts(self) -> set[str]:
        return {f"{self.host}:{self.port}", f"localhost:{self.port}"}

    def serve_forever(self) -> None:
        """Serve until `shutdown` (or Ctrl+C in the caller)."""
        self.httpd.serve_forever(poll_interval=0.2)

    def start(self) -> "ReviewServer":
        """Serve from a background thread (tests, embedding)."""
        self._thread = threading.Thread(target=self.serve_forever, name="kg-review", daemon=True)
        self._thread.start()
        return self

    def shutdown(self) -> None:
        """Stop serving and release the port."""
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join()
            self._thread = None
        self.httpd.server_close()


def _handler_class(server: ReviewServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_ReviewHandler):
        review = server

    return Handler


class _ReviewHandler(BaseHTTPRequestHandler):
    review: ReviewServer
    server_version = "stancegraph-review"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # one line per request would bury the URL and errors the analyst needs to see

    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _error(self, status: int, message: str) -> None:
        self._json(status, {"ok": False, "error": message})

    def _host_ok(self) -> bool:
        if self.headers.get("Host", "") not in self.review.allowed_hosts():
            self._error(HTTPStatus.MISDIRECTED_REQUEST, "wrong Host header: open the URL the review command printed")
            return False
        return True

    def _token_ok(self) -> bool:
        given = self.headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode("utf-8", "replace"), self.review.token.encode("ascii")):
            self._error(HTTPStatus.FORBIDDEN, f"missing or wrong {TOKEN_HEADER} header")
            return False
        return True

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            nonce = secrets.token_urlsafe(16)
            csp = (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; "
                   "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
            body = render_review_page(self.review.token, nonce).encode("utf-8")
            self._send(HTTPStatus.OK, body, "text/html; charset=utf-8", {"Content-Security-Policy": csp})
        elif url.path == "/api/queue":
            if not self._token_ok():
                return
            order = parse_qs(url.query).get("order", ["confidence"])[0]
            if order not in ORDERS:
                self._error(HTTPStatus.BAD_REQUEST, f"unknown order {order!r}: choose {' or '.join(ORDERS)}")
                return
            try:
                self._json(HTTPStatus.OK, self.review.session.queue(order))
            except StanceGraphError as error:
                self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(error))
        else:
            self._error(HTTPStatus.NOT_FOUND, f"no such page: {url.path}")

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        if not self._host_ok():
            return
        if urlsplit(self.path).path != "/api/decisions":
            self._error(HTTPStatus.NOT_FOUND, "POST goes to /api/decisions")
            return
        origin = self.headers.get("Origin")
        if origin is not None and origin not in {f"http://{h}" for h in self.review.allowed_hosts()}:
            self._error(HTTPStatus.FORBIDDEN, "cross-origin write refused")
            return
        if not self._token_ok():
            return
        if self.headers.get_content_type() != "application/json":
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send the decision as application/json")
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._error(HTTPStatus.LENGTH_REQUIRED, "Content-Length required")
            return
        if not 0 < length <= MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a decision is 1 to {MAX_BODY} bytes of JSON")
            return
        try:
            payload = json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self._error(HTTPStatus.BAD_REQUEST, f"not JSON: {exc}")
            return
        try:
            self._json(HTTPStatus.OK, self.review.session.decide(payload))
        except ReviewError as error:
            self._error(HTTPStatus.BAD_REQUEST, str(error))
        except StanceGraphError as error:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(error))


def serve_review(session: ReviewSession, port: int = 0) -> ReviewServer:
    """A review server for `session` on 127.0.0.1 (not yet serving)."""
    return ReviewServer(session, "127.0.0.1", port)


__all__ = ["ReviewServer", "TOKEN_HEADER", "render_review_page", "serve_review"]
