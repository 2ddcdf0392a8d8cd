"""The only way WeasyPrint may read anything: files under our own asset folder (and a logo
the questionnaire names inside its own folder). No network, no other file, and a refusal
stops the render instead of being logged and skipped."""

from __future__ import annotations

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

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
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
