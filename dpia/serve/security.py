"""A local server is still a server: who may talk to it, and what pages may do.

- The server binds to 127.0.0.1 only (`dpia.cli.serve`).
- A random token per run, in the URL the browser is opened at; the first request sets it as
  a cookie (HttpOnly, SameSite=Strict) and every later request must carry it. Another user
  on the machine, or a web page guessing the port, does not know it.
- The Host header must name this server (127.0.0.1 or localhost, this port): a DNS-rebinding
  page reaches the server under its own host name and is refused.
- An Origin header, when present, must be this server; a state-changing request (POST) must
  have one, and the CSRF token of the page in `X-CSRF-Token`.
- Every response carries a Content-Security-Policy that allows only the server itself (no
  inline script, no other origin), and no caching of answers.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.datastructures import MutableHeaders
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; "
    "form-action 'self'; base-uri 'none'"
)
# A document preview is the document's own standalone HTML (its stylesheet inline, its fonts
# from this server), shown in a sandboxed frame: no script at all, nothing from elsewhere.
# allow-same-origin lets it load the fonts; without allow-scripts it cannot act as the page.
PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'self'; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-same-origin"
)
SAFE_METHODS = ("GET", "HEAD")


@dataclass(frozen=True)
class Secrets:
    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    @property
    def cookie(self) -> str:
        return f"dpia-{self.port}"  # cookies ignore ports: one name per server

    @property
    def hosts(self) -> tuple[str, ...]:
        return (f"127.0.0.1:{self.port}", f"localhost:{self.port}")

    @property
    def origins(self) -> tuple[str, ...]:
        return tuple(f"http://{h}" for h in self.hosts)


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


class Guard:
    """ASGI middleware: refuses what the module docstring says, adds the security headers."""

    def __init__(self, app: ASGIApp, keys: Secrets) -> None:
        self.app = app
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            response = PlainTextResponse(refusal, status_code=403)
            await response(scope, receive, _secured(send, False))
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if _same(query.get("token", [None])[0], self.keys.token):
            # The opening URL: keep the token in a cookie, and out of the address bar.
            redirect = RedirectResponse("/", status_code=303)
            redirect.set_cookie(
                self.keys.cookie, self.keys.token, httponly=True, samesite="strict", path="/"
            )
            await redirect(scope, receive, _secured(send, False))
            return
        preview = scope["path"].startswith("/preview/")
        await self.app(scope, receive, _secured(send, preview))

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> str | None:
        if headers.get("host") not in self.keys.hosts:
            return "refused: this server answers only to 127.0.0.1"
        origin = headers.get("origin")
        if origin is not None and origin not in self.keys.origins:
            return "refused: a request from another site"
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed cookie header is no token
            cookie = SimpleCookie()
        morsel = cookie.get(self.keys.cookie)
        if not _same(morsel.value if morsel else None, self.keys.token) and not _same(
            query.get("token", [None])[0], self.keys.token
        ):
            return "refused: open dpia serve through the address it printed (with its token)"
        if scope["method"] not in SAFE_METHODS:
            if origin is None:
                return "refused: a change without an Origin header"
            if not _same(headers.get("x-csrf-token"), self.keys.csrf):
                return "refused: a change without the page's CSRF token"
        return None


def _secured(send: Send, preview: bool) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            headers["Content-Security-Policy"] = PREVIEW_CSP if preview else CSP
            headers["X-Content-Type-Options"] = "nosniff"
            headers["Referrer-Policy"] = "no-referrer"
            headers["Cache-Control"] = "no-store"
            headers["Cross-Origin-Opener-Policy"] = "same-origin"
            headers["Cross-Origin-Resource-Policy"] = "same-origin"
        await send(message)

    return wrapped
