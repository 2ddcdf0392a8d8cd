"""dpia benchmark: every figure measured side by side in one run, medians over repeats.

    make bench                      # or: .venv/bin/python bench/run.py [--quick] [--write]

--write records the results in bench/RESULTS.md with the date, machine and commit.
Not a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
DPIA = [sys.executable, "-m", "dpia"]
LARGEST = ROOT / "samples" / "vocational-exam-proctoring.yaml"
sys.path.insert(0, str(ROOT))

from bench import serve as serve_bench  # noqa: E402
from bench.generate import generate  # noqa: E402

lines: list[str] = []


def say(text: str = "") -> None:
    print(text, flush=True)
    lines.append(text)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def wall(cmd: list[str], **kw: object) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, capture_output=True, cwd=ROOT, **kw)  # type: ignore[call-overload]
    return time.perf_counter() - start


def side_by_side(
    a: Callable[[], object], b: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """Run a and b alternately, so that machine noise falls on both alike; the order flips
    every round (a b, b a, ...), so whichever runs first is not always the same one."""
    ta: list[float] = []
    tb: list[float] = []
    for i in range(repeat):
        pairs = [(a, ta), (b, tb)]
        for fn, out in pairs if i % 2 == 0 else pairs[::-1]:
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return ta, tb


# ---------------------------------------------------------------- 1 and 4: one document


def overhead(repeat: int) -> None:
    from pypdf import PdfReader
    from weasyprint import HTML, Attachment

    from dpia.context.assessment import assess_file
    from dpia.load import source
    from dpia.pdf import weasy
    from dpia.produce import make_document, prepare
    from dpia.render.standalone import standalone
    from dpia.resources import SHARED

    a = assess_file(LARGEST)
    html = standalone(prepare(a, "dpia", "en").html)
    name, data = a.source
    when = a.questionnaire.meta.assessment_date
    base_url = SHARED.as_uri() + "/"

    def ours() -> bytes:
        weasy.writer.cache_clear()  # a fresh process's writer, as `dpia render` has
        source._parse_cached.cache_clear()  # and the file parsed anew
        return make_document(assess_file(LARGEST), "dpia", "en", "pdf")

    def bare(source: str = html) -> bytes:
        stamp = dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC)
        att = Attachment(
            file_obj=io.BytesIO(data),
            name=name,
            created=stamp,
            modified=stamp,
            relationship="Source",
        )
        return HTML(string=source, base_url=base_url).write_pdf(  # type: ignore[no-any-return]
            pdf_variant="pdf/a-3a", attachments=[att]
        )

    pages = len(PdfReader(io.BytesIO(ours())).pages)
    bare()  # warm both once
    ta, tb = side_by_side(ours, bare, 2 * repeat + 1)
    say(
        f"## 1. Overhead: `dpia render` against bare WeasyPrint ({LARGEST.name}, en, {pages} pages)"
    )
    say()
    say("| | median s | runs |")
    say("|---|---|---|")
    say(f"| dpia: load, validate, findings, template, PDF/A-3a | {median(ta):.2f} | {len(ta)} |")
    say(f"| bare WeasyPrint on dpia's HTML, same options | {median(tb):.2f} | {len(tb)} |")
    # Each pair ran back to back, so its ratio is freer of the machine's drift than a ratio
    # of the two medians.
    paired = median([x / y for x, y in zip(ta, tb, strict=True)])
    say(f"| **ratio**, median of the {len(ta)} pairs (target <= 1.05) | **{paired:.3f}** | |")
    say()

    # 4: seconds per page against a reference document of the same length, default fonts.
    reference = _reference_html(pages)
    system_font = html.replace('font-family: "Open Sans";', "font-family: sans-serif;")
    rounds = max(2, repeat // 2)
    tr, tf = side_by_side(lambda: bare(reference), lambda: bare(system_font), rounds)
    ref_pages = len(PdfReader(io.BytesIO(bare(reference))).pages)
    say(f"## 4. Seconds per page ({pages}-page DPIA)")
    say()
    say("| document | pages | median s | s/page |")
    say("|---|---|---|---|")
    say(
        f"| dpia DPIA, bundled Open Sans (subset to Latin) | {pages} | {median(ta):.2f} | "
        f"{median(ta) / pages:.3f} |"
    )
    say(
        f"| same HTML, system sans-serif font instead | {pages} | {median(tf):.2f} | "
        f"{median(tf) / pages:.3f} |"
    )
    say(
        f"| reference document, WeasyPrint default fonts | {ref_pages} | {median(tr):.2f} | "
        f"{median(tr) / ref_pages:.3f} |"
    )
    say()


def _reference_html(pages: int) -> str:
    """Plain text and tables, about one A4 page of each per page of the DPIA."""
    para = (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. "
    ) * 6
    rows = "".join(f"<tr><td>R{i}</td><td>{para[:90]}</td><td>medium</td></tr>" for i in range(12))
    body = "".join(
        f"<h2>Section {n}</h2><p>{para}</p><p>{para}</p><table>{rows}</table>" for n in range(pages)
    )
    head = "<!DOCTYPE html><html lang=en><head><title>Reference</title></head>"
    return f"{head}<body>{body}</body></html>"


# ---------------------------------------------------------------- 2 and 3: batches


def batch(folder: Path, out: Path, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    r = subprocess.run(
        [*DPIA, "batch", str(folder), "-o", str(out), "-q", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start, r.stderr.strip().splitlines()[-1]


def scaling(schools: int, repeat: int) -> float:
    folder, out = WORK / "coop-scaling", WORK / "out-scaling"
    generate(schools, folder)
    shutil.rmtree(out, ignore_errors=True)
    docs = schools * 2
    t1: list[float] = []
    t2: list[float] = []
    for _ in range(repeat):
        t1.append(batch(folder, out, "--doc", "dpia", "--force", "-j", "1")[0])
        t2.append(batch(folder, out, "--doc", "dpia", "--force", "-j", "2")[0])
    say(f"## 2. Parallel scaling: {docs}-document batch ({schools} schools x nl/en DPIA)")
    say()
    say("| | median s | s/document | runs |")
    say("|---|---|---|---|")
    say(f"| `-j 1` | {median(t1):.1f} | {median(t1) / docs:.2f} | {repeat} |")
    say(f"| `-j 2` | {median(t2):.1f} | {median(t2) / docs:.2f} | {repeat} |")
    say(f"| **speed-up** (target >= 1.85) | **{median(t1) / median(t2):.2f}** | | |")
    say()
    return median(t2)


def incremental(first: float, repeat: int) -> None:
    folder, out = WORK / "coop-scaling", WORK / "out-scaling"
    again = [batch(folder, out, "--doc", "dpia", "-j", "2")[0] for _ in range(repeat)]
    school = sorted(folder.glob("school-*.yaml"))[0]
    school.write_text(school.read_text().replace("approximate_number: ", "approximate_number: 1"))
    changed, summary = batch(folder, out, "--doc", "dpia", "-j", "2")
    say("## 3. Incremental runs")
    say()
    say("| run | median s | summary |")
    say("|---|---|---|")
    say(f"| first run (`-j 2`, from 2.) | {first:.1f} | |")
    say(f"| nothing changed | {median(again):.2f} | |")
    say(f"| one overlay changed | {changed:.1f} | {summary} |")
    say(f"| **ratio unchanged / first** (target <= 0.02) | **{median(again) / first:.3f}** | |")
    say()


# ---------------------------------------------------------------- 5: validate and memory


def validation(repeat: int) -> None:
    """Validation against its floor: starting Python and building the pydantic model.

    Bytecode caching is allowed, as on a user's machine (pip compiles an installed package).
    """
    folder = WORK / "coop-100"
    files = generate(100, folder)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    floor = [sys.executable, "-c", "import dpia.model"]
    wall(floor, env=env)  # writes the bytecode caches
    one, base = side_by_side(
        lambda: wall([*DPIA, "validate", str(LARGEST)], env=env),
        lambda: wall(floor, env=env),
        2 * repeat + 1,
    )
    many = [wall([*DPIA, "validate", *map(str, files)], env=env) for _ in range(repeat)]
    say("## 5. Validation and memory")
    say()
    say("| | median wall s | runs |")
    say("|---|---|---|")
    say(f"| `dpia validate` one sample ({LARGEST.name}) | {median(one):.2f} | {len(one)} |")
    say(
        f"| floor, side by side: Python start and `import dpia.model` | {median(base):.2f} | "
        f"{len(base)} |"
    )
    say(f"| `dpia validate` 100 overlays of the joint base | {median(many):.2f} | {len(many)} |")
    say()


def memory(schools: int) -> None:
    """Peak resident memory of each worker, early and late in a long batch."""
    folder, out = WORK / "coop-memory", WORK / "out-memory"
    generate(schools, folder)
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.Popen(
        [*DPIA, "batch", str(folder), "-o", str(out), "-q", "-j", "2", "--doc", "screening"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    samples: list[tuple[float, dict[int, int]]] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            rss = {}
            for child in _children(proc.pid):
                rss[child] = _rss_kb(child)
            samples.append((time.perf_counter(), rss))
            time.sleep(0.2)

    thread = threading.Thread(target=watch)
    start = time.perf_counter()
    thread.start()
    proc.wait()
    stop.set()
    thread.join()
    total = time.perf_counter() - start
    quarters: list[list[int]] = [[], [], [], []]
    for t, rss in samples:
        q = min(3, int(4 * (t - start) / total))
        quarters[q] += [v for v in rss.values() if v]
    peaks = [max(q) / 1024 if q else 0.0 for q in quarters]
    say(
        f"Peak resident memory per worker over a {schools * 2}-document batch "
        f"(`--doc screening`, `-j 2`, {total:.0f} s), by quarter of the run:"
    )
    say()
    say("| quarter | 1st | 2nd | 3rd | 4th |")
    say("|---|---|---|---|---|")
    say("| peak MB | " + " | ".join(f"{p:.0f}" for p in peaks) + " |")
    say()


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def _rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"VmRSS:\s+(\d+)", status)
    return int(match.group(1)) if match else 0


# ----------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer documents and repeats")
    parser.add_argument("--write", action="store_true", help="record in bench/RESULTS.md")
    args = parser.parse_args()
    repeat = 3 if args.quick else 5
    WORK.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    say(f"# dpia benchmark, {dt.date.today().isoformat()}")
    say()
    say(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}; commit {commit}."
    )
    say()
    overhead(repeat)
    first = scaling(10 if args.quick else 20, 1 if args.quick else 2)
    incremental(first, repeat)
    validation(repeat)
    memory(50 if args.quick else 100)
    serve_bench.run(WORK, say, 20 if args.quick else 40)
    if args.write:
        (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
