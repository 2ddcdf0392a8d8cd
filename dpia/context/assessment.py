"""A questionnaire file judged: validated, with its findings located in the source."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml import YAML

from dpia.context.common import CentralSource, DocumentBase, LocatedFinding
from dpia.load import LoadError, Problem, Severity, field_path, load
from dpia.model import Questionnaire, Validated, validate_file
from dpia.model.central import Mark
from dpia.model.enums import N_
from dpia.model.knowledge import KnowledgeCheck
from dpia.review.central import LOCAL, provenance
from dpia.rules.finding import Finding
from dpia.rules.findings import findings
from dpia.rules.jurisdiction import seat
from dpia.rules.knowledge import knowledge_findings


@dataclass
class Assessment:
    validated: Validated
    findings: list[LocatedFinding]
    logo: str | None = None  # data: URL of meta.logo, checked and read by assess_file
    # A knowledge-security check's personal_data.dpia_file, validated, read by assess_file.
    linked_dpia: Questionnaire | None = None
    linked_sources: list[Path] = field(default_factory=list)  # its files, for batch's manifest
    # description.proposal_images as data: URLs by index, checked and read like the logo.
    images: dict[int, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.validated.ok

    @property
    def document(self) -> Questionnaire | KnowledgeCheck:
        """What the file is, whichever kind: both have `meta` and `base_only`."""
        v = self.validated
        found = v.questionnaire or v.knowledge
        assert found is not None, "only valid assessments are rendered"
        return found

    @property
    def kind(self) -> str:
        """The file's `kind`: 'dpia' or 'knowledge-security'."""
        return "knowledge-security" if self.validated.knowledge is not None else "dpia"

    @property
    def knowledge(self) -> KnowledgeCheck:
        assert self.validated.knowledge is not None, "not a knowledge-security check"
        return self.validated.knowledge

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
            images=self.images,
            seat=seat(q),
            source_embedded=source_embedded,
            central=self.central,
        )

    @cached_property
    def central(self) -> CentralSource | None:
        """The central assessment this overlay extends (its direct base), when it is one."""
        loaded = self.validated.loaded
        if loaded is None or len(loaded.sources) < 2:
            return None
        try:  # the base loaded as part of this file, so it loads alone too
            data = load(loaded.sources[-2]).data
            meta = Questionnaire.model_validate(data).meta
        except (LoadError, ValidationError):
            return None  # a base that is not a whole assessment by itself: no provenance
        q = self.questionnaire
        marks = {m.item: m.reason for m in q.central.marks} if q.central else {}
        where = provenance(q, data)
        return CentralSource(
            title=meta.title,
            version=meta.version,
            date=meta.assessment_date,
            confirmed=q.central.version if q.central else None,
            provenance=where,
            marks=marks,
            badges={k: BADGES[v] for k, v in where.items() if v in BADGES},
        )


# The mark beside an item of a school's document that is not the central item as is.
BADGES = {
    LOCAL: N_("local"),
    Mark.adapted.value: Mark.adapted.label,
    Mark.not_applicable.value: Mark.not_applicable.label,
}

MAX_LOGO = 1024 * 1024
LOGO_TYPES = {".png": "image/png", ".svg": "image/svg+xml"}


def read_image(folder: Path, name: str, what: str) -> tuple[str | None, str | None]:
    """A PNG or SVG file as a data: URL, or why it cannot be used. Only a file inside the
    questionnaire's own folder is read: a questionnaire cannot make dpia read other files."""
    image = (folder / name).resolve()
    if not image.is_relative_to(folder):
        return None, f"the {what} must be inside the questionnaire's folder"
    if image.suffix.lower() not in LOGO_TYPES:
        return None, f"the {what} must be a .png or .svg file"
    if not image.is_file():
        return None, f"no such file: {name}"
    if image.stat().st_size > MAX_LOGO:
        return None, f"the {what} is larger than {MAX_LOGO} bytes"
    payload = base64.b64encode(image.read_bytes()).decode()
    return f"data:{LOGO_TYPES[image.suffix.lower()]};base64,{payload}", None


def read_logo(v: Validated) -> tuple[str | None, str | None]:
    """meta.logo as a data: URL, or why it cannot be used."""
    q = v.questionnaire or v.knowledge
    if q is None or q.meta.logo is None:
        return None, None
    return read_image(v.path.resolve().parent, q.meta.logo, "logo")


def read_images(v: Validated) -> tuple[dict[int, str], list[tuple[int, str]]]:
    """description.proposal_images as data: URLs by index, and the problems by index."""
    q = v.questionnaire
    found: dict[int, str] = {}
    problems: list[tuple[int, str]] = []
    for i, image in enumerate(q.description.proposal_images if q else []):
        url, problem = read_image(v.path.resolve().parent, image.file, "image")
        if url:
            found[i] = url
        if problem:
            problems.append((i, problem))
    return found, problems


def read_linked_dpia(v: Validated) -> tuple[Validated | None, str | None]:
    """The DPIA a knowledge-security check links to, or why it cannot be used. Like the logo,
    only a questionnaire inside the check's own folder is read."""
    check = v.knowledge
    if check is None or check.personal_data.dpia_file is None:
        return None, None
    folder = v.path.resolve().parent
    target = (folder / check.personal_data.dpia_file).resolve()
    if not target.is_relative_to(folder):
        return None, "the DPIA file must be inside this questionnaire's folder"
    if target == v.path.resolve() or not target.is_file():
        return None, f"no such DPIA questionnaire: {check.personal_data.dpia_file}"
    linked = validate_file(target)
    if linked.questionnaire is None:
        kind = "is not a DPIA" if linked.knowledge else "is not a valid DPIA questionnaire"
        return None, f"{check.personal_data.dpia_file} {kind}; run dpia validate on it"
    return linked, None


def assess_file(path: Path) -> Assessment:
    v = validate_file(path)
    logo, problem = read_logo(v)
    if problem and v.loaded is not None:
        where = Problem(v.loaded.locate(("meta", "logo")), "meta.logo", problem, code="logo")
        v = Validated(v.path, v.loaded, None, [*v.problems, where])
    images, image_problems = read_images(v)
    if image_problems and v.loaded is not None:
        wrong = []
        for i, problem in image_problems:
            image_at = ("description", "proposal_images", i, "file")
            located_at = v.loaded.locate(image_at)
            wrong.append(Problem(located_at, field_path(image_at), problem, code="image"))
        v = Validated(v.path, v.loaded, None, [*v.problems, *wrong])
    linked, problem = read_linked_dpia(v)
    if problem and v.loaded is not None:
        at = ("personal_data", "dpia_file")
        where = Problem(v.loaded.locate(at), field_path(at), problem, code="dpia-file")
        v = Validated(v.path, v.loaded, None, [*v.problems, where])
    # The loader's warnings (a '#' line inside block text) are findings like the rules' own.
    located = [
        LocatedFinding(Finding(w.code, w.severity, (), w.message, dict(w.params)), w)
        for w in v.warnings
    ]
    found = findings(v.questionnaire) if v.questionnaire else []
    found += knowledge_findings(v.knowledge) if v.knowledge else []
    if v.loaded is not None:
        for f in found:
            pos = v.loaded.locate(f.loc)
            where = Problem(pos, field_path(f.loc), f.text(), f.severity, f.code)
            located.append(LocatedFinding(f, where))
    located.sort(key=lambda lf: (lf.where.severity is not Severity.error, lf.where.pos))
    if linked is None or linked.loaded is None:
        return Assessment(v, located, logo, images=images)
    return Assessment(v, located, logo, linked.questionnaire, linked.loaded.sources, images)
