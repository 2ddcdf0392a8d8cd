"""The only way WeasyPrint may read anything: files under our own asset folder (and a logo
the questionnaire names inside its own folder). No network, no other file, and a refusal
stops the render instead of being logged and skipped."""

from __future__ import annotations

import base64
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

MAX_ASSET = 8 * 1024 * 1024
MIME = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


class Refused(FatalURLFetchingError):
    pass


class ContainedFetcher(URLFetcher):
    def __init__(self, roots: list[Path], files: list[Path] | None = None) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.roots = [r.resolve() for r in roots]
        self.files = [f.resolve() for f in files or []]
        # WeasyPrint catches some fetch errors itself (inside SVG images, for one) and only
        # logs them; every refusal is kept here so the caller can fail the render anyway.
        self.refused: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        try:
            return self._fetch(url)
        except Refused as e:
            self.refused.append(str(e))
            raise

    def _fetch(self, url: str) -> URLFetcherResponse:
        if url.startswith("data:"):
            return _logo(url)
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise Refused(f"refused to fetch {url!r}: only bundled assets may be read")
        path = Path(unquote(parts.path)).resolve()
        allowed = path in self.files or any(path.is_relative_to(r) for r in self.roots)
        if not allowed or not path.is_file() or path.suffix.lower() not in MIME:
            raise Refused(f"refused to read {path}: not a bundled asset")
        if path.stat().st_size > MAX_ASSET:
            raise Refused(f"refused to read {path}: larger than {MAX_ASSET} bytes")
        return URLFetcherResponse(
            path.as_uri(), path.read_bytes(), headers={"Content-Type": MIME[path.suffix.lower()]}
        )


def _logo(url: str) -> URLFetcherResponse:
    """The questionnaire's logo, which the context stage read (from inside the questionnaire's
    folder, size-capped) and inlined as base64: the only data: URL our templates write."""
    header, _, payload = url[5:].partition(",")
    mime = header.removesuffix(";base64")
    if mime not in ("image/png", "image/svg+xml") or not header.endswith(";base64"):
        raise Refused("refused a data: URL that is not a PNG or SVG logo")
    try:
        body = base64.b64decode(payload, validate=True)
    except ValueError:
        raise Refused("refused a data: URL that is not valid base64") from None
    return URLFetcherResponse(url[:40], body, headers={"Content-Type": mime})
