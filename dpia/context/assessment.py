"""A questionnaire file judged: validated, with its findings located in the source."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ruamel.yaml import YAML

from dpia.context.common import DocumentBase, LocatedFinding
from dpia.context.logo import Logo, read_logo
from dpia.load import Problem, Severity, field_path
from dpia.model import Questionnaire, Validated, validate_file
from dpia.rules.findings import findings


@dataclass
class Assessment:
    validated: Validated
    findings: list[LocatedFinding]
    logo: Logo | None = None  # meta.logo, checked and read by assess_file

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

    @property
    def attachments(self) -> list[tuple[str, bytes]]:
        """Every file a PDF embeds so that `dpia extract` gives back a set that validates and
        renders the same document: the questionnaire first, then the logo it names."""
        files = [self.source]
        if self.logo is not None:
            files.append((self.logo.name, self.logo.data))
        return files

    def document_base(self, lang: str, source_embedded: bool) -> DocumentBase:
        q = self.questionnaire
        return DocumentBase(
            lang=lang,
            first_lang=q.meta.languages[0].value,
            q=q,
            findings=self.findings,
            source_name=self.source[0],
            date=q.meta.assessment_date,
            logo=self.logo.url if self.logo else None,
            source_embedded=source_embedded,
        )


def logo_of(v: Validated) -> tuple[Logo | None, str | None]:
    """meta.logo read and checked, or why it cannot be used (None, None: there is none).
    Only a file inside the questionnaire's own folder is read: a questionnaire cannot make
    dpia read other files."""
    q = v.questionnaire
    if q is None or q.meta.logo is None:
        return None, None
    return read_logo(v.path.absolute().parent.resolve(), q.meta.logo)


def assess_file(path: Path, root: Path | None = None) -> Assessment:
    """`path` judged; files it extends must lie inside `root` (default: its own folder)."""
    v = validate_file(path, root)
    logo, problem = logo_of(v)
    if problem and v.loaded is not None:
        where = Problem(v.loaded.locate(("meta", "logo")), "meta.logo", problem, code="logo")
        v = Validated(v.path, v.loaded, None, [*v.problems, where])
    located: list[LocatedFinding] = []
    if v.questionnaire is not None and v.loaded is not None:
        for f in findings(v.questionnaire):
            pos = v.loaded.locate(f.loc)
            where = Problem(pos, field_path(f.loc), f.text(), f.severity, f.code)
            located.append(LocatedFinding(f, where))
    located.sort(key=lambda lf: (lf.where.severity is not Severity.error, lf.where.pos))
    return Assessment(v, located, logo)
