"""Stage 7: making documents, for every front end (the CLI, batch runs, the local form).

`make_document` makes one document in one language and format; the registries say which
documents, formats and languages exist.
"""

from dpia.languages import LANGUAGES, Language
from dpia.produce.make import (
    Unsupported,
    agreement_processors,
    make_document,
    output_name,
    prepare,
    processors_for,
    render_assessment,
)
from dpia.produce.registry import DOCUMENTS, FORMATS, Document, Format, Request

__all__ = [
    "DOCUMENTS",
    "FORMATS",
    "LANGUAGES",
    "Document",
    "Format",
    "Language",
    "Request",
    "Unsupported",
    "agreement_processors",
    "make_document",
    "output_name",
    "prepare",
    "processors_for",
    "render_assessment",
]
