"""A questionnaire file judged: validated, with its findings located in the source."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML

from dpia.context.common import (
    CentralSource,
    DocumentBase,
    LocatedFinding,
    ReviewLine,
    translated,
)
from dpia.context.logo import Logo, read_logo
from dpia.load import LoadError, Problem, Severity, field_path, load
from dpia.load.problems import display_path
from dpia.model import Questionnaire, Text, Validated, validate_file
from dpia.model.central import ID_LISTS, Mark
from dpia.model.enums import N_
from dpia.model.knowledge import KnowledgeCheck
from dpia.review.central import LOCAL, WHY_WORDS, Review, dropped, needs_review, provenance
from dpia.rules.finding import Finding
from dpia.rules.findings import findings
from dpia.rules.jurisdiction import seat
from dpia.rules.knowledge import knowledge_findings


@dataclass
class Assessment:
    validated: Validated
    findings: list[LocatedFinding]
    logo: Logo | None = None  # meta.logo, checked and read by assess_file
    # A knowledge-security check's personal_data.dpia_file, validated, read by assess_file.
    linked_dpia: Questionnaire | None = None
    linked_sources: list[Path] = field(default_factory=list)  # its files, for batch's manifest
    # description.proposal_images by index, checked and read like the logo.
    images: dict[int, Logo] = field(default_factory=dict)

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

    @property
    def attachments(self) -> list[tuple[str, bytes]]:
        """Every file a PDF embeds so that `dpia extract` gives back a set that validates and
        renders the same document: the questionnaire first, then the logo and images it names."""
        files = [self.source]
        if self.logo is not None:
            files.append((self.logo.name, self.logo.data))
        for image in self.images.values():
            if image.name not in {name for name, _ in files}:
                files.append((image.name, image.data))
        return files

    def document_base(self, lang: str, source_embedded: bool) -> DocumentBase:
        q = self.questionnaire
        return DocumentBase(
            lang=lang,
            first_lang=q.meta.languages[0].value,
            translated=translated(q, lang),
            q=q,
            findings=self.findings,
            source_name=self.source[0],
            date=q.meta.assessment_date,
            logo=self.logo.url if self.logo else None,
            images={i: image.url for i, image in self.images.items()},
            seat=seat(q),
            source_embedded=source_embedded,
            central=self.central,
        )

    @cached_property
    def central_data(self) -> dict[str, Any] | None:
        """The data of the central assessment this overlay extends (its direct base), as that
        file says it by itself, before the overlay; None for a file that extends nothing."""
        loaded = self.validated.loaded
        if loaded is None or len(loaded.sources) < 2:
            return None
        try:  # the base loaded as part of this file, so it loads alone too
            return load(loaded.sources[-2]).data
        except LoadError:
            return None  # only a file changed between the two reads ends here

    @cached_property
    def needs_review(self) -> tuple[Review, ...]:
        """The school's decisions on central items that changed since it confirmed them."""
        if self.central_data is None or self.questionnaire.central is None:
            return ()
        return tuple(needs_review(self.questionnaire, self.central_data))

    @cached_property
    def central(self) -> CentralSource | None:
        """The central assessment this overlay extends (its direct base), when it is one."""
        data = self.central_data
        if data is None:
            return None
        try:
            meta = Questionnaire.model_validate(data).meta
        except ValidationError:
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
            reviews=[
                ReviewLine(x.item, _title(q, x.item), x.mark, WHY_WORDS[x.why])
                for x in self.needs_review
            ],
        )


def _title(q: Questionnaire, name: str) -> Text | None:
    """What an item (by its mark name) is called in the assessment, for a reader who does not
    know its id; None when it is not there (removed) or has no words of its own."""
    for loc in ID_LISTS:
        prefix = ".".join(loc) + "."
        if not name.startswith(prefix):
            continue
        node: Any = q
        for part in loc:
            node = getattr(node, part)
        for item in node:
            if item.id == name[len(prefix) :]:
                for attr in ("title", "name", "category", "description"):
                    value = getattr(item, attr, None)
                    if isinstance(value, Text):
                        return value
                    if isinstance(value, str):  # a party's name: the same in every language
                        return Text.model_construct(nl=value, en=value)
    return None


# The mark beside an item of a school's document that is not the central item as is.
BADGES = {
    LOCAL: N_("local"),
    Mark.adapted.value: Mark.adapted.label,
    Mark.not_applicable.value: Mark.not_applicable.label,
}


def logo_of(v: Validated) -> tuple[Logo | None, str | None]:
    """meta.logo read and checked, or why it cannot be used (None, None: there is none).
    Only a file inside the questionnaire's own folder is read: a questionnaire cannot make
    dpia read other files."""
    q = v.questionnaire or v.knowledge
    if q is None or q.meta.logo is None:
        return None, None
    return read_logo(v.path.absolute().parent.resolve(), q.meta.logo)


def read_images(v: Validated) -> tuple[dict[int, Logo], list[tuple[int, str]]]:
    """description.proposal_images read and checked like the logo, by index, and the problems
    by index."""
    q = v.questionnaire
    found: dict[int, Logo] = {}
    problems: list[tuple[int, str]] = []
    folder = v.path.absolute().parent.resolve()
    for i, image in enumerate(q.description.proposal_images if q else []):
        read, problem = read_logo(folder, image.file, "image")
        if read:
            found[i] = read
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


def _names(sources: list[Path], path: Path) -> dict[str, str]:
    """Each file of an extends chain as a document names it: relative to the questionnaire's
    folder (`base.yaml`, `../central/base.yaml`), never to the folder dpia ran in, so that
    the same input gives the same document everywhere. Keyed on how positions name them."""
    folder = path.resolve().parent
    return {display_path(p): Path(os.path.relpath(p, folder)).as_posix() for p in sources}


def _central_dropped(q: Questionnaire, central: dict[str, Any]) -> list[Finding]:
    """A school's overlay that lost central items: a list it wrote without ids replaced the
    central one (an overlay sets a central item aside by marking it, never by leaving it out).
    This needs the central file, so it is checked here and not among the rules."""
    message = N_(
        "the central assessment's {ids} are missing here: this list has items without an id, "
        "so it replaced the central list; give each item an id to add to it"
    )
    return [
        Finding("central-items-dropped", Severity.warning, loc, message, {"ids": ", ".join(ids)})
        for loc, ids in dropped(q, central).items()
    ]


def assess_file(path: Path, root: Path | None = None) -> Assessment:
    """`path` judged; files it extends must lie inside `root` (default: its own folder)."""
    v = validate_file(path, root)
    logo, problem = logo_of(v)
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
    if linked is None or linked.loaded is None:
        a = Assessment(v, located, logo, images=images)
    else:
        a = Assessment(v, located, logo, linked.questionnaire, linked.loaded.sources, images)
    if v.loaded is not None and a.central_data is not None and v.questionnaire is not None:
        for f in _central_dropped(v.questionnaire, a.central_data):
            where = Problem(v.loaded.locate(f.loc), field_path(f.loc), f.text(), f.severity, f.code)
            located.append(LocatedFinding(f, where))
    if v.loaded is not None and len(v.loaded.sources) > 1:
        names = _names(v.loaded.sources, path)
        located = [replace(lf, file=names.get(lf.where.pos.file)) for lf in located]
    located.sort(key=lambda lf: (lf.where.severity is not Severity.error, lf.where.pos))
    a.findings = located
    return a
