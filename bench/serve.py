"""`dpia serve`'s speed, measured against a real server process (part of `make bench`).

- feedback after an edit of the largest sample: the server saves the change, validates the
  file, runs the findings and draws the section again (median and p95 of the round trip),
  and, apart, the validation and findings alone (`assess_file` on the changed file);
- the first HTML preview of a fresh server (its render path is imported then);
- the server's resident memory after opening every sample in every section.
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("screening", "description", "lawfulness", "risks", "consultation")


class Client:
    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token
        self.cookie = f"dpia-{port}={token}"
        self.csrf = ""

    def get(self, path: str) -> str:
        return self._send("GET", path, None)

    def post(self, path: str, body: object) -> str:
        return self._send("POST", path, json.dumps(body).encode())

    def _send(self, method: str, path: str, data: bytes | None) -> str:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Host": f"127.0.0.1:{self.port}", "Cookie": self.cookie}
        if data is not None:
            headers |= {
                "Origin": f"http://127.0.0.1:{self.port}",
                "X-CSRF-Token": self.csrf,
                "Content-Type": "application/json",
            }
        conn.request(method, path, body=data, headers=headers)
        r = conn.getresponse()
        text = r.read().decode("utf-8")
        conn.close()
        if r.status != 200:
            raise RuntimeError(f"{method} {path}: {r.status} {text[:200]}")
        csrf = re.search(r'name="csrf" content="([^"]+)"', text)
        if csrf:
            self.csrf = csrf.group(1)
        return text


def _start(folder: Path) -> tuple[subprocess.Popen[str], Client]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "dpia", "serve", str(folder), "--no-browser"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()
    found = re.search(r"127\.0\.0\.1:(\d+)/\?token=(\S+)", line)
    if not found:
        proc.kill()
        raise RuntimeError(f"dpia serve did not start: {line}")
    return proc, Client(int(found.group(1)), found.group(2))


def _rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmRSS:\s+(\d+)", status)
    return int(found.group(1)) / 1024 if found else 0.0


def _p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1] if len(xs) >= 20 else max(xs)


def run(work: Path, say: Callable[[str], None], edits: int = 40) -> None:
    folder = work / "serve"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "samples", folder)
    largest = max(folder.glob("*.yaml"), key=lambda p: p.stat().st_size)
    proc, client = _start(folder)
    try:
        started = time.perf_counter()
        client.get(f"/preview/{largest.name}?doc=dpia&lang=nl")
        first_preview = time.perf_counter() - started
        page = client.get(f"/edit/{largest.name}?section=meta")
        version = re.search(r'data-version="([0-9a-f]+)"', page).group(1)  # type: ignore[union-attr]
        round_trips = []
        for i in range(edits):
            change = {"op": "set", "loc": ["meta", "version"], "value": f"1.{i}"}
            body = {"version": version, "section": "meta", "changes": [change]}
            start = time.perf_counter()
            version = json.loads(client.post(f"/api/save/{largest.name}", body))["version"]
            round_trips.append(time.perf_counter() - start)
        for path in sorted(folder.rglob("*.yaml")):
            name = path.relative_to(folder).as_posix()
            for section in SECTIONS:
                client.get(f"/edit/{name}?section={section}")
        rss = _rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    checks = _assess_after_edit(largest, edits)
    lines = largest.read_text(encoding="utf-8").count("\n")
    say(f"`dpia serve` on the largest sample ({largest.name}, {lines} lines), {edits} edits:")
    say("")
    say("| measure | median ms | p95 ms |")
    say("|---|---|---|")
    say(
        f"| validation + findings after an edit (`assess_file`) | "
        f"{1000 * statistics.median(checks):.0f} | {1000 * _p95(checks):.0f} |"
    )
    say(
        f"| round trip of an edit: save, validate, findings, section drawn | "
        f"{1000 * statistics.median(round_trips):.0f} | {1000 * _p95(round_trips):.0f} |"
    )
    say("")
    say(f"First HTML preview of a fresh server: {first_preview:.2f} s.")
    say(f"Server memory after opening every sample in {len(SECTIONS)} sections: {rss:.0f} MB.")
    say("")


def _assess_after_edit(path: Path, edits: int) -> list[float]:
    """Validation and findings alone, each after the file changed (no parse cache helps)."""
    sys.path.insert(0, str(ROOT))
    from dpia.context.assessment import assess_file

    text = path.read_text(encoding="utf-8")
    times = []
    for i in range(edits):
        path.write_text(text.replace('version: "', f'version: "{i}.', 1), encoding="utf-8")
        start = time.perf_counter()
        assess_file(path)
        times.append(time.perf_counter() - start)
    return times


if __name__ == "__main__":
    run(ROOT / "bench" / "work", print)
