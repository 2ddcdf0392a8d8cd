"""The re-assessment: a document made from two versions of one assessment.

It is not in the DOCUMENTS registry, which makes documents from one questionnaire (`--doc all`
in a batch would have nothing to compare with); `dpia diff --format pdf|html` makes it through
the same formats, so a PDF embeds the new version and is reproducible like every other.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from dpia.context.assessment import Assessment
from dpia.context.reassessment import reassessment_context
from dpia.pdf.files import write_atomic
from dpia.produce.make import output_name
from dpia.produce.registry import FORMATS, Document, Request

NAME = "reassessment"
FORMATS_MADE = ("pdf", "html")


def make_reassessment(old: Assessment, new: Assessment, lang: str, fmt: str) -> bytes:
    """The re-assessment of `new` against `old` in one language and format; both valid."""
    context = partial(reassessment_context, old=old.questionnaire)
    document = Document(NAME, context, FORMATS_MADE)
    return FORMATS[fmt].make(Request(new, document, lang, FORMATS[fmt]))


def write_reassessment(old: Assessment, new: Assessment, lang: str, fmt: str, out: Path) -> Path:
    target = out / output_name(new.validated.path, NAME, lang, fmt)
    write_atomic(target, make_reassessment(old, new, lang, fmt))
    return target
