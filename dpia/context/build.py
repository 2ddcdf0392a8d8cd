"""One typed context per document kind."""

from __future__ import annotations

from collections.abc import Callable

from dpia.context.assessment import Assessment
from dpia.context.common import DocumentBase
from dpia.context.dpia import dpia_context
from dpia.context.equality import equality_context
from dpia.context.prescan import prescan_context
from dpia.context.privacy_addendum import privacy_addendum_context
from dpia.context.processor_checklist import processor_checklist_context

BUILDERS: dict[str, Callable[[DocumentBase], DocumentBase]] = {
    "dpia": dpia_context,
    "processor-checklist": processor_checklist_context,
    "privacy-addendum": privacy_addendum_context,
    "equality": equality_context,
    "screening": prescan_context,
}
DOCUMENTS = tuple(BUILDERS)


def build_context(doc: str, assessment: Assessment, lang: str) -> DocumentBase:
    return BUILDERS[doc](assessment.document_base(lang))
