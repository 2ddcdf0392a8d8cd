"""Hostile inputs that need more than one run to judge: renders checked by the page, the
files a render opens, a full disk, two writers, a worker that dies."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from dpia.produce import DOCUMENTS
from tests.factory import data
from tests.hostile import (
    MARKER,
    ROOT,
    TIME_LIMIT,
    VALID,
    build,
    questionnaire,
    run_dpia,
    written_text,
)  # fmt: skip


def test_an_image_that_cannot_be_drawn_fails_the_render() -> None:
    """WeasyPrint logs an image it cannot load and leaves a gap; dpia fails instead, without
    quoting the data: URL (which would print the whole image)."""
    from dpia.pdf.weasy import RenderRefused, Source, writer

    bad = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"x" * 3000).decode()
    with pytest.raises(RenderRefused) as e:
        writer().pdf(f'<p>Hi</p><img src="{bad}">', [Source("a.yaml", b"")], dt.date(2026, 1, 1))
    assert str(e.value).startswith("an image (the logo) could not be drawn")
    assert "base64" not in str(e.value) and len(str(e.value)) < 300


def test_long_words_stay_on_the_page(tmp_path: Path) -> None:
    """A 3000-character title, a 500-character word in running text, in a table cell and a
    300-character name: every word of the PDF lies inside the page's text area."""
    word = "Onafgebrokenwoord" * 30
    path = tmp_path / "long.yaml"
    path.write_text(
        questionnaire(
            **{
                "meta.title": "T" + "x" * 3000,
                "description.proposal": f"Begin {word} einde",
                "risks.0.title": f"Risk {word}",
                "description.parties.0.name": "Org" + word[:290],
            }
        )
    )
    code, output = run_dpia(tmp_path, ["render", "long.yaml", "--lang", "en", "-o", "out"])
    assert code == 0, output
    pdf = tmp_path / "out" / "long.dpia.en.pdf"
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    right = 595.28 - 18 / 25.4 * 72  # A4 less the right margin of 18 mm
    words = re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', boxes)
    assert words and max(float(x) for x in words) <= right + 1
    content = re.sub(r"[\s\u200b]+", "", PdfReader(pdf).pages[0].extract_text() or "")
    content += re.sub(r"[\s\u200b]+", "", "".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert word in content and "Org" + word[:290] in content


def test_the_font_check_reads_the_same_cmap_as_fonttools() -> None:
    from fontTools.ttLib import TTFont

    from dpia.load.glyphs import FONTS, drawable

    fonts = [set(TTFont(p).getBestCmap()) for p in sorted(FONTS.glob("*.ttf"))]
    assert drawable() - {9, 10, 13} == set.intersection(*fonts)
    assert ord("ë") in drawable() and ord("€") in drawable() and 0x4F60 not in drawable()


def test_an_escaped_surrogate_pair_in_json_is_one_character(tmp_path: Path) -> None:
    """JSON writes U+1F600 as two escapes; they are read as the one character (which the font
    check then names), never as two lone surrogates."""
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data(**{"meta.title": "Leak \U0001f600"}), default=str))
    from dpia.model import validate_file

    [problem] = validate_file(path).problems
    assert "(U+1F600), which the bundled font cannot draw" in problem.text()


def test_a_document_out_of_memory_fails_with_the_limit_named() -> None:
    from dpia.produce.limits import MEMORY, LimitExceeded, document_limits

    expected = r"needed more than 2 GiB of memory, the limit for"
    with pytest.raises(LimitExceeded, match=expected), document_limits():
        raise MemoryError
    assert MEMORY == 2 * 1024**3


def test_render_caps_its_address_space(tmp_path: Path) -> None:
    """`dpia render` (and each batch worker) runs under RLIMIT_AS, so a document that needs
    more memory fails instead of taking the machine's."""
    probe = (
        "import resource, dpia.produce.limits as l; l.limit_memory();"
        " print(resource.getrlimit(resource.RLIMIT_AS)[0])"
    )
    r = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert int(r.stdout) == 2 * 1024**3


def test_a_render_opens_only_the_package_the_questionnaires_folder_and_the_system(
    tmp_path: Path,
) -> None:
    """The README's promise, checked with an audit hook on every open() of a render: the
    package's own code and assets, the questionnaire's folder (the file, the base it extends,
    its logo), the output folder, Python's own libraries, and the system's temporary folder
    for files WeasyPrint creates itself. Nothing beside the questionnaire's folder."""
    import tempfile

    from dpia.resources import LOCALES, TEMPLATES

    build(tmp_path, {})
    q = tmp_path / "q"
    q.mkdir()
    (q / "base.yaml").write_text("base_only: true\n" + questionnaire(**{"meta.logo": "logo.svg"}))
    (q / "school.yaml").write_text("extends: base.yaml\nmeta:\n  version: '2'\n")
    (q / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>')
    (q / "evil.yaml").write_text("extends: ../secret/secret.yaml\n" + questionnaire())
    log = tmp_path / "opened.json"
    r = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "audit_open.py"), str(log), "render",
         "q/school.yaml", "q/evil.yaml", "--lang", "en", "-o", "out"],
        cwd=tmp_path, capture_output=True, text=True, timeout=TIME_LIMIT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert r.returncode == 1, r.stderr  # evil.yaml is refused, school.yaml rendered
    assert "q/evil.yaml:1:10: extends: the base file must be inside q" in r.stdout + r.stderr
    assert (tmp_path / "out" / "school.dpia.en.pdf").is_file()
    temp = Path(tempfile.gettempdir()).resolve()
    allowed = [
        ROOT / "dpia", TEMPLATES, LOCALES, q, tmp_path / "out",
        Path(sys.prefix), Path(sys.base_prefix), Path(sys.exec_prefix),
        Path("/usr/share/zoneinfo"), Path("/usr/share/fonts"), Path("/usr/lib"),
    ]  # fmt: skip
    allowed = [a.resolve() for a in allowed]
    system_files = {Path("/dev/null"), Path("/etc/mime.types"), temp, log}
    opened = {Path(p).resolve() for p in json.loads(log.read_text())}
    assert q.resolve() / "logo.svg" in opened and q.resolve() / "base.yaml" in opened
    strays = [
        p
        for p in opened
        if p not in system_files
        and not any(p.is_relative_to(a) for a in allowed)
        # files in the temporary folder itself, or WeasyPrint's own folder in it
        and not (p.parent == temp or p.parent.name.startswith("weasyprint-"))
    ]
    assert strays == []
    assert not any(p.is_relative_to(tmp_path / "secret") for p in opened)


def test_a_full_disk_keeps_the_earlier_output(tmp_path: Path) -> None:
    """On a full disk the render fails with a message, the earlier PDF stays whole and no
    temporary file is left behind."""
    if subprocess.run(["unshare", "-m", "true"]).returncode != 0:
        pytest.skip("cannot mount a small file system here (unshare -m)")
    build(tmp_path, {"q/a.yaml": VALID})
    disk = tmp_path / "disk"
    disk.mkdir()
    script = (
        'mount -t tmpfs -o size=48k tmpfs "$0" && printf EARLIER > "$0/a.screening.en.pdf"'
        ' && head -c 40000 /dev/zero > "$0/filler"; "$@"; rc=$?;'
        ' echo "kept: $(cat "$0/a.screening.en.pdf")"; ls -A "$0"; exit $rc'
    )
    args = ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o", str(disk)]
    r = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, str(disk), sys.executable, "-m", "dpia", *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=TIME_LIMIT,
        stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert r.returncode == 3, r.stdout + r.stderr
    assert "q/a.yaml: cannot render: OSError: [Errno 28] No space left on device" in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout.split() == ["kept:", "EARLIER", "a.screening.en.pdf", "filler"]


def test_two_processes_writing_one_output_leave_one_whole_document(tmp_path: Path) -> None:
    build(tmp_path, {"q/a.yaml": VALID})
    args = ["render", "q/a.yaml", "--doc", "screening", "--lang", "en", "-o"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "dpia", *args, out],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for out in ("out", "out", "alone")
    ]
    assert [p.wait(TIME_LIMIT) for p in runs] == [0, 0, 0]
    for p in runs:
        assert p.stdout is not None
        p.stdout.close()
    together = (tmp_path / "out" / "a.screening.en.pdf").read_bytes()
    assert together == (tmp_path / "alone" / "a.screening.en.pdf").read_bytes()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".profile", "a.screening.en.pdf", "earlier.pdf"
    ]  # fmt: skip


SECRET_LINKS = (
    '<img src="file://{d}/secret/logo.svg"><link rel="attachment" href="file://{d}/secret/'
    'secret.yaml"><script>x()</script>{{{{ 7*7 }}}}{{% if 1 %}}IF{{% endif %}}'
    "![i](file://{d}/secret/logo.svg)<style>@import url(http://127.0.0.1:9/)</style>"
)
TEXT_FIELDS = [
    "meta.title", "description.proposal", "description.purposes.0.description",
    "description.data_subjects.0.category", "description.personal_data.0.name",
    "description.personal_data.0.retention", "risks.0.title", "measures.0.title",
    "consultation.dpo_advice.advice", "consultation.views.summary",
    "screening.edpb.vulnerable_data_subjects.reason",
]  # fmt: skip
NAME_FIELDS = [  # at most 300 characters
    "meta.organisation.name", "description.parties.0.name",
    "lawfulness.lawful_bases.0.legal_provision",
]  # fmt: skip


def test_markup_and_template_code_in_every_kind_of_answer_stay_text(tmp_path: Path) -> None:
    """The same payload in every kind of free-text answer (titles, names, long text, table
    cells, reasons), in every document as HTML and in the DPIA as PDF: no element, no template
    evaluated, no planted file read or embedded."""
    payload = SECRET_LINKS.format(d=tmp_path)
    names = '<img src="file://{d}/secret/logo.svg"><script>x()</script>{{{{ 7*7 }}}}'
    answers = dict.fromkeys(TEXT_FIELDS, payload)
    answers.update(dict.fromkeys(NAME_FIELDS, names.format(d=tmp_path)))
    build(tmp_path, {"q/a.yaml": questionnaire(**answers)})
    code, output = run_dpia(
        tmp_path, ["render", "q/a.yaml", "--doc", "all", "--lang", "en", "--format", "html",
                   "-o", "out"]
    )  # fmt: skip
    assert code == 0, output
    code, output = run_dpia(tmp_path, ["render", "q/a.yaml", "--lang", "en", "-o", "out"])
    assert code == 0, output
    pages = sorted((tmp_path / "out").glob("a.*.html"))
    assert len(pages) == len([d for d in DOCUMENTS.values() if d.kind == "dpia"])
    for page in pages:
        html = page.read_text()
        assert "<img" not in html.replace('<img class="logo"', "") and "<script" not in html
        assert '<link rel="attachment"' not in html and "<style>@import" not in html
        assert "{{ 7*7 }}" in html and ">49<" not in html, page.name
        if "supplier-letter" not in page.name:  # the letter shows names, not the long answers
            assert "IF{%" in html, page.name
    assert MARKER not in written_text(tmp_path / "out")
    assert list(PdfReader(tmp_path / "out" / "a.dpia.en.pdf").attachments) == ["a.yaml"]


def crashing_run(job: object) -> object:
    """A batch worker's `run` that dies, as a process does when a C library aborts, for the
    questionnaire named crash.yaml (module level: the pool pickles it by name)."""
    from dpia.produce.batch import Job, run

    assert isinstance(job, Job)
    if job.source.stem == "crash":
        os._exit(134)
    return run(job)


def test_a_document_that_kills_its_worker_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from dpia.cli import batch as batch_cli
    from dpia.cli import cli

    for name in ("a", "crash", "b"):
        (tmp_path / "q").mkdir(exist_ok=True)
        (tmp_path / "q" / f"{name}.yaml").write_text(VALID)
    monkeypatch.setattr(batch_cli, "run", crashing_run)
    args = ["batch", str(tmp_path / "q"), "-o", str(tmp_path / "out"), "--doc", "screening"]
    r = CliRunner().invoke(cli, [*args, "--lang", "en", "-j", "2", "-q"])
    assert r.exit_code == 1, r.output
    assert "crash.screening.en.pdf: the process rendering it stopped" in r.output
    assert "2 rendered, 0 unchanged, 1 failed" in r.output
    for name in ("a", "b"):
        pages = PdfReader(tmp_path / "out" / f"{name}.screening.en.pdf").pages
        assert "Pilot" in pages[0].extract_text()
