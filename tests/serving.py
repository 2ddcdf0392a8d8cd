"""A `dpia serve` running in a thread over a folder, for the HTTP and browser tests."""

from __future__ import annotations

import http.client
import json
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from dpia.serve.app import create_app
from dpia.serve.security import Secrets

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Live:
    folder: Path
    keys: Secrets

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.keys.port}"

    @property
    def opening_url(self) -> str:
        return f"{self.base}/?token={self.keys.token}"

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        token: bool = True,
        host: str | None = None,
        origin: str | None = "same",
        csrf: str | None = "same",
    ) -> Reply:
        conn = http.client.HTTPConnection("127.0.0.1", self.keys.port, timeout=60)
        headers = {"Host": host or f"127.0.0.1:{self.keys.port}"}
        if token:
            headers["Cookie"] = f"{self.keys.cookie}={self.keys.token}"
        if origin is not None:
            headers["Origin"] = self.base if origin == "same" else origin
        if csrf is not None:
            headers["X-CSRF-Token"] = self.keys.csrf if csrf == "same" else csrf
        data = None if body is None else json.dumps(body).encode()
        if data is not None:
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=headers)
        r = conn.getresponse()
        reply = Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        conn.close()
        return reply

    def version(self, name: str) -> str:
        page = self.request("GET", f"/edit/{name}", origin=None).text
        found = re.search(r'data-version="([0-9a-f]+)"', page)
        assert found, page[:500]
        return found.group(1)

    def save(self, name: str, changes: list[dict[str, Any]], version: str | None = None) -> Reply:
        body = {"version": version or self.version(name), "section": "meta", "changes": changes}
        return self.request("POST", f"/api/save/{name}", body)


@contextmanager
def running(folder: Path) -> Iterator[Live]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    keys = Secrets(sock.getsockname()[1])
    config = uvicorn.Config(
        create_app(folder, keys), log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield Live(folder, keys)
    finally:
        server.should_exit = True
        thread.join(10)


def copy_samples(target: Path) -> Path:
    shutil.copytree(SAMPLES, target)
    return target
