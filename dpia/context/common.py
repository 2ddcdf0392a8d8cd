"""What every document's context shares: the questionnaire, its findings and its languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from dpia.load import Problem
from dpia.model import Questionnaire, Text
from dpia.model.central import Mark
from dpia.model.knowledge import KnowledgeCheck
from dpia.rules.finding import Finding
from dpia.rules.jurisdiction import Seat
from dpia.rules.naming import SHORT, shorten

Loc = tuple[str | int, ...]
T = TypeVar("T")


@dataclass(frozen=True)
class Shortlist(Generic[T]):
    """The first few of a list, where a page has room for only those; `more` says how many
    are left out (they are listed in full elsewhere in the document)."""

    shown: list[T]
    more: int

    @classmethod
    def of(cls, items: Sequence[T], room: int) -> Shortlist[T]:
        return cls(list(items[:room]), max(len(items) - room, 0))


@dataclass(frozen=True)
class LocatedFinding:
    """A finding with where it points in the source, as the annex lists it."""

    finding: Finding
    where: Problem
    # For an overlay: the file of the extends chain the finding points into, as the annex
    # names it beside the line (`base.yaml`); None for a questionnaire of one file.
    file: str | None = None


@dataclass(frozen=True)
class DocumentBase:
    lang: str  # the language of the document
    first_lang: str  # the language plain-text answers are written in
    # Whether the answers are meant to exist in `lang` (see `translated`): only then is an
    # answer in another language marked as a missing translation.
    translated: bool
    q: Questionnaire
    findings: list[LocatedFinding]
    source_name: str  # file name of the questionnaire, shown in the colophon
    date: dt.date  # the document's date: the assessment date, for reproducible output
    logo: str | None  # the organisation's logo as a data: URL, read from meta.logo
    images: dict[int, str]  # description.proposal_images as data: URLs, by index
    seat: Seat  # the controller's jurisdiction: authority, age of consent, national list
    # Whether the output carries the questionnaire (a PDF does), as the colophon says.
    source_embedded: bool
    # For a school's overlay of a joint assessment: the central assessment it comes from.
    central: CentralSource | None


@dataclass(frozen=True)
class CentralSource:
    """The central assessment an overlay extends, as its documents name it."""

    title: Text
    version: str
    date: dt.date
    confirmed: str | None  # the central version the school last confirmed
    provenance: dict[str, str]  # `risks.R3` -> local, adopted, adapted or not_applicable
    marks: dict[str, Text | None]  # `risks.R3` -> the school's reason, for marked items
    badges: dict[str, str]  # `risks.R3` -> the mark shown beside it (a catalog message);
    # adopted items carry none: the cover says the rest is the central assessment's
    # The school's decisions on central items changed since it confirmed them.
    reviews: list[ReviewLine] = dataclass_field(default_factory=list)


@dataclass(frozen=True)
class ReviewLine:
    """A central item the school must look at again, as a document lists it."""

    item: str  # its mark name, `risks.R4`
    title: Text | None  # its title or description in the school's assessment (None: removed)
    mark: Mark  # what the school decided about it
    why: str  # what happened to it (a catalog message)


# Answers that are asked only in some cases (a special category only for special data, a
# reason only when advice is not followed, ...) or whose emptiness is itself an answer
# ("no prohibited practices"): their absence is not a gap worth listing. These are leaf
# answers: a section that shares a name with one (`description`, Part A) is still walked.
_NOT_QUESTIONS = {
    "plain",
    "id",  # of a lawful basis or special category: needed only when there are several
    "base_only",
    "logo",
    "authors",
    "subject",
    "history",  # a first version has none
    "central",  # only in an overlay of a joint assessment
    "phone",
    "special_category",
    "national_id",
    "consent_by",
    "automated_decision",  # Art. 22: asked where the screening finds such decisions (a finding)
    "exception",  # of an automated decision: left out when there is none (the Art. 22 finding)
    "safeguards",  # of an automated decision: empty when none is in place (the same finding)
    "legal_provision",
    "age_range",
    "vulnerability",
    "why_not",
    "overruled_by",  # only where the DPO's advice is not followed: the sign-off shows the gap
    "conditions",
    "note",
    "notes",
    "due",
    "subjects",
    "date",
    "decisions_about_people",
    "annex_iii_uses",
    "prohibited_practices",
    "special_categories",
    "affected_rights",
    "agreement",
    "description",  # of a risk, measure, party or location: the title says enough
    "model",
    "actions",
    "mitigation",
    "clause",
    "further_purposes",
    # Asked only in some cases (consent, biometrics, a further role, joint control, a filed
    # consultation), or one of two ways to answer (a 4x4 rating or a direct level).
    "alternative",
    "biometric_need",
    "balancing",  # legitimate interests only; without it the addendum claims no weighing
    "learners",  # inferred for minors at a school when left out
    "other_roles",
    "arrangement",
    "roles_disputed",
    "feature",
    "legal_basis",
    "likelihood",
    "severity",
    "level",
    "level_motivation",
    "residual_likelihood",
    "residual_severity",
    "residual_level",
    "residual_motivation",
    "data",
    "filed_on",
    "filed_by",
    "authority",
    "deadline",
    "advice_date",
    "less_intrusive",
    "why",
    # The Rijksmodel's structured forms of a text that is asked (points 9, 10, 13).
    "legal_frameworks",
    "retention_periods",
    "further_processing",
    # An empty list answers it: no base register is used (pre-scan 5.1).
    "base_registers",
    # Asked where they apply: images, a diagram's place, restrictions of rights.
    "proposal_images",
    "data_flow_diagram",
    "restrictions",
    "information",
    # Only where there is more than one processor (an empty list: none further); the register
    # of the Dutch addendum has a default by sector.
    "further_agreements",
    "form_of_address",
}

# Optional inside an item of a list: links to operations (none: every operation) and the
# details the Rijksmodel asks where they apply.
_OPTIONAL_IN_ITEMS = {"operations", "purposes", "articles", "motivation"}
# The same, by the list the item is in (the Rijksmodel's details per data item, party, ...).
_OPTIONAL_BY_LIST = {
    "operations": {"name"},  # the id names an operation already
    "data_subjects": {"name"},  # a short name beside the category, which says it all
    "personal_data": {
        "category",
        "original_purpose",
        "provided_by",
        "source_system",
        "provision_basis",
    },
    # who engages a sub-processor, and the supplier letter's address: details, not questions
    "parties": {"functions", "interests", "engaged_by", "address"},
    "locations": {"measures", "mechanism_other"},
    "measures": {"monitored_in"},
}

# Sections not walked at all: a second contact is optional; the AI Act duties are asked only
# of high-risk systems, and the findings say what is open there; a school that adopts the whole
# central assessment marks no central item. The addendum's public text is asked by its own
# findings (rules/checks_public.py), only where the addendum has a section for it; extra notes
# per point are never required.
_NOT_WALKED = {"contact", "deployer_duties", "fria", "central", "public", "notes"}


def unanswered(node: BaseModel, loc: Loc = ()) -> list[Loc]:
    """Optional questions left empty (None or an empty list), as field paths."""
    gaps: list[Loc] = []
    for name, info in type(node).model_fields.items():
        value: Any = getattr(node, name)
        section = isinstance(value, BaseModel) and not isinstance(value, Text)
        if name in _NOT_WALKED or (name in _NOT_QUESTIONS and not section):
            continue
        if name in _OPTIONAL_IN_ITEMS and any(isinstance(part, int) for part in loc):
            continue
        if name == "reference" and loc[:1] in (("processor_agreement",), ("further_agreements",)):
            continue  # the agreement's version for the supplier letter's subject: a detail
        parent = next((part for part in reversed(loc) if isinstance(part, str)), None)
        if loc and isinstance(loc[-1], int) and name in _OPTIONAL_BY_LIST.get(str(parent), ()):
            continue
        here = (*loc, name)
        if value is None or (isinstance(value, list) and not value and not info.is_required()):
            gaps.append(here)
        elif section:
            gaps += unanswered(value, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel) and not isinstance(item, Text):
                    gaps += unanswered(item, (*here, i))
    return gaps


def shortened(text: Text, limit: int = SHORT) -> Text:
    """`text` with each language cut as a finding cuts a name (dpia.rules.naming.shorten): a
    purpose has no name of its own, and its id alone means nothing to a reader."""

    def cut(value: str | None) -> str | None:
        return None if value is None else shorten(value, limit)

    return Text(nl=cut(text.nl), en=cut(text.en), plain=cut(text.plain))


def translated(q: Questionnaire | KnowledgeCheck, lang: str) -> bool:
    """Whether the answers are meant to exist in `lang`: then an answer in another language is
    a missing translation, marked as such; otherwise every answer is in another language, which
    the cover says once."""
    return lang in q.meta.languages
