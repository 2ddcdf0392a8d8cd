"""A questionnaire file judged: validated, with its findings located in the source."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ruamel.yaml import YAML

from dpia.context.common import DocumentBase, LocatedFinding
from dpia.load import Problem, Severity, field_path
from dpia.model import Questionnaire, Validated, validate_file
from dpia.rules.finding import Finding
from dpia.rules.findings import findings


@dataclass
class Assessment:
    validated: Validated
    findings: list[LocatedFinding]
    logo: str | None = None  # data: URL of meta.logo, checked and read by assess_file

    @property
    def ok(self) -> bool:
        return self.validated.ok

    @property
    def questionnaire(self) -> Questionnaire:
        assert self.validated.questionnaire is not None, "only valid assessments are rendered"
        return self.validated.questionnaire

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.where.severity is severity)

    @cached_property
    def source(self) -> tuple[str, bytes]:
        """What a PDF embeds: the file itself, or for an overlay the merged questionnaire,
        so the attachment validates on its own."""
        loaded = self.validated.loaded
        assert loaded is not None
        path = self.validated.path
        if len(loaded.sources) == 1:
            return path.name, path.read_bytes()
        buf = io.StringIO()
        names = ", ".join(p.name for p in loaded.sources)
        buf.write(f"# {path.name} merged with what it extends ({names}), by dpia\n")
        YAML(typ="safe", pure=True).dump(loaded.data, buf)
        return f"{path.stem}.merged.yaml", buf.getvalue().encode()

    def document_base(self, lang: str, source_embedded: bool) -> DocumentBase:
        q = self.questionnaire
        return DocumentBase(
            lang=lang,
            first_lang=q.meta.languages[0].value,
            q=q,
            findings=self.findings,
            source_name=self.source[0],
            date=q.meta.assessment_date,
            logo=self.logo,
            source_embedded=source_embedded,
        )


MAX_LOGO = 1024 * 1024
LOGO_TYPES = {".png": "image/png", ".svg": "image/svg+xml"}


def read_logo(v: Validated) -> tuple[str | None, str | None]:
    """meta.logo as a data: URL, or why it cannot be used. Only a PNG or SVG file inside the
    questionnaire's own folder is read: a questionnaire cannot make dpia read other files."""
    q = v.questionnaire
    if q is None or q.meta.logo is None:
        return None, None
    folder = v.path.resolve().parent
    logo = (folder / q.meta.logo).resolve()
    if not logo.is_relative_to(folder):
        return None, "the logo must be inside the questionnaire's folder"
    if logo.suffix.lower() not in LOGO_TYPES:
        return None, "the logo must be a .png or .svg file"
    if not logo.is_file():
        return None, f"no such file: {q.meta.logo}"
    if logo.stat().st_size > MAX_LOGO:
        return None, f"the logo is larger than {MAX_LOGO} bytes"
    payload = base64.b64encode(logo.read_bytes()).decode()
    return f"data:{LOGO_TYPES[logo.suffix.lower()]};base64,{payload}", None


def assess_file(path: Path) -> Assessment:
    v = validate_file(path)
    logo, problem = read_logo(v)
    if problem and v.loaded is not None:
        where = Problem(v.loaded.locate(("meta", "logo")), "meta.logo", problem, code="logo")
        v = Validated(v.path, v.loaded, None, [*v.problems, where])
    # The loader's warnings (a '#' line inside block text) are findings like the rules' own.
    located = [
        LocatedFinding(Finding(w.code, w.severity, (), w.message, dict(w.params)), w)
        for w in v.warnings
    ]
    if v.questionnaire is not None and v.loaded is not None:
        for f in findings(v.questionnaire):
            pos = v.loaded.locate(f.loc)
            where = Problem(pos, field_path(f.loc), f.text(), f.severity, f.code)
            located.append(LocatedFinding(f, where))
    located.sort(key=lambda lf: (lf.where.severity is not Severity.error, lf.where.pos))
    return Assessment(v, located, logo)
