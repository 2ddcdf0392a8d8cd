"""Answers are text, never markup or template code; rendering reads only our own assets."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from jinja2 import Environment, TemplateNotFound
from pypdf import PdfReader
from ruamel.yaml import YAML

from dpia.cli import cli
from dpia.context.assessment import assess_file
from dpia.produce import prepare
from dpia.render.engine import ContainedLoader
from dpia.resources import SHARED
from tests.factory import data

HOSTILE = (
    'Hello <img src="file:///etc/passwd"> <link rel="attachment" href="file:///etc/hostname">'
    " <script>alert(1)</script> {{ 7*7 }} {% if true %}IF{% endif %}"
    " ![pic](file:///etc/passwd) [site](http://127.0.0.1:9/leak) <style>@import url(http://x)</style>"
)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    d = data(
        **{
            "description.proposal": HOSTILE,
            "meta.title": "T <b>bold</b> {{ 6*7 }}",
            "risks.0.title": "<a href='file:///etc/shadow'>x</a>",
        }
    )
    path = tmp_path / "hostile.yaml"
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(d, f)
    return path


@pytest.mark.parametrize("doc", ["dpia", "equality", "screening"])
def test_answers_render_as_text(hostile: Path, doc: str) -> None:
    html = prepare(assess_file(hostile), doc, "en").html
    assert "<img" not in html and "<script" not in html and "<b>bold" not in html
    assert '<link rel="attachment"' not in html and "<style>@import" not in html
    assert ">49<" not in html and " 49 " not in html and " 42" not in html
    assert "{{ 6*7 }}" in html
    if doc == "dpia":
        assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
        assert "{{ 7*7 }} {% if true %}IF{% endif %}" in html
        # a Markdown link shows its address as text; a Markdown image is not an image
        assert (
            '<span class="link">site</span> <span class="url">(http://127.0.0.1:9/leak)</span>'
            in html
        )
        assert "![pic](file:///etc/passwd)" in html


def test_pdf_of_hostile_answers_fetches_nothing_and_embeds_only_the_source(
    hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dpia.pdf import fetcher, weasy

    weasy.writer.cache_clear()  # a fresh writer fetches its stylesheet and fonts again
    asked: list[str] = []
    original = fetcher.ContainedFetcher.fetch

    def spy(self: fetcher.ContainedFetcher, url: str, headers: object = None) -> object:
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(fetcher.ContainedFetcher, "fetch", spy)
    r = CliRunner().invoke(cli, ["render", str(hostile), "--lang", "en", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert asked and all(u.startswith(SHARED.as_uri() + "/") for u in asked), asked
    pdf = tmp_path / "hostile.dpia.en.pdf"
    with pikepdf.open(pdf) as p:
        assert list(p.attachments) == ["hostile.yaml"]
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "<img src=" in text and "{{ 7*7 }}" in text
    raw = pdf.read_bytes()
    assert b"/etc/passwd\x00" not in raw and b"root:x:0:0" not in raw


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "https://example.org/font.ttf",
        "ftp://example.org/x",
        "data:text/css,body{}",
        "file:///etc/passwd",
        "file:///dev/zero",
        "file://remote-host/share/x.css",
    ],
)
def test_the_fetcher_refuses_everything_but_bundled_assets(url: str) -> None:
    from dpia.pdf.fetcher import ContainedFetcher, Refused

    with pytest.raises(Refused):
        ContainedFetcher([SHARED]).fetch(url)


def test_the_fetcher_serves_bundled_assets_and_refuses_links_out(tmp_path: Path) -> None:
    from dpia.pdf.fetcher import ContainedFetcher, Refused

    ok = ContainedFetcher([SHARED]).fetch((SHARED / "style.css").as_uri())
    assert b"@font-face" in ok.read()
    root = tmp_path / "assets"
    root.mkdir()
    (root / "escape.css").symlink_to("/etc/hostname")
    with pytest.raises(Refused):
        ContainedFetcher([root]).fetch((root / "escape.css").as_uri())


def test_the_template_loader_refuses_links_out_of_its_folder(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("secret")
    root = tmp_path / "templates"
    root.mkdir()
    (root / "leak.html.j2").symlink_to(tmp_path / "outside.txt")
    env = Environment(loader=ContainedLoader(str(root)), autoescape=True)
    with pytest.raises(TemplateNotFound):
        env.get_template("leak.html.j2")


def _with_logo(tmp_path: Path, logo: str) -> Path:
    path = tmp_path / "school" / "q.yaml"
    path.parent.mkdir(exist_ok=True)
    with path.open("w") as f:
        YAML(typ="safe", pure=True).dump(data(**{"meta.logo": logo}), f)
    return path


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        ("../outside.png", "the logo must be inside the questionnaire's folder"),
        ("/etc/hostname", "the logo must be inside the questionnaire's folder"),
        ("notes.txt", "the logo must be a .png or .svg file"),
        ("missing.png", "no such file: missing.png"),
    ],
)
def test_a_logo_is_read_only_from_inside_the_questionnaires_folder(
    tmp_path: Path, logo: str, message: str
) -> None:
    (tmp_path / "outside.png").write_bytes(b"\x89PNG")
    path = _with_logo(tmp_path, logo)
    (path.parent / "notes.txt").write_text("x")
    a = assess_file(path)
    assert not a.ok
    assert [(p.field, p.message) for p in a.validated.problems] == [("meta.logo", message)]


def test_a_logo_inside_the_folder_is_inlined_on_the_cover(tmp_path: Path) -> None:
    path = _with_logo(tmp_path, "logo.svg")
    (path.parent / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" '
        'height="10" fill="red"/></svg>'
    )
    html = prepare(assess_file(path), "dpia", "en").html
    assert '<img class="logo" src="data:image/svg+xml;base64,' in html
    assert 'alt="Example School"' in html
    # Every document has the same cover: the shortest shows the logo reaches the PDF.
    args = ["render", str(path), "--doc", "screening", "--lang", "en", "-o", str(tmp_path)]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    with pikepdf.open(tmp_path / "q.screening.en.pdf") as pdf:
        assert any("/XObject" in page.Resources for page in pdf.pages)  # the logo, drawn


def test_an_svg_logo_cannot_reach_out(tmp_path: Path) -> None:
    path = _with_logo(tmp_path, "logo.svg")
    (path.parent / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image href="file:///etc/passwd" width="5" height="5"/></svg>'
    )
    args = ["render", str(path), "--doc", "screening", "--lang", "en", "-o", str(tmp_path)]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 3
    assert "refused" in r.stderr
    assert not (tmp_path / "q.screening.en.pdf").exists()
