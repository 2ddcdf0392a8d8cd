"""Changed answers in words: the question's label and the old and new values.

Labels are gettext messages (marked with N_, translated where shown); most reuse the headings
the documents already print. The translator is passed in, so this module stays below render.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from pydantic import BaseModel

from dpia.model import Text
from dpia.model.enums import ApCategory, EdpbCriterion, Labelled
from dpia.model.labels import N_
from dpia.review.compare import Change

Loc = tuple[str | int, ...]
MAX_TEXT = 160  # characters of a changed free-text answer shown; the documents hold the rest


class Words(Protocol):
    def gettext(self, message: str) -> str: ...
    def label(self, member: Labelled) -> str: ...
    def date(self, value: dt.date | None) -> str: ...


CHANGES = {
    Change.added: N_("added"),
    Change.removed: N_("removed"),
    Change.changed: N_("changed"),
    Change.unchanged: N_("unchanged"),
}

SECTIONS = {
    "meta": N_("About this assessment"),
    "screening": N_("Screening"),
    "description": N_("Part A: Description of the processing"),
    "lawfulness": N_("Part B: Lawfulness"),
    "risks": N_("Part C: Risks"),
    "measures": N_("Part D: Measures"),
    "security": N_("Security"),
    "ai": N_("AI and the AI Act"),
    "equality": N_("Equality impact"),
    "processor_agreement": N_("Processor agreement"),
    "further_agreements": N_("Further processor agreements"),
    "consultation": N_("Consultation and decision"),
}

QUESTIONS = {
    "title": N_("Title"),
    "subject": N_("What is assessed"),
    "organisation": N_("Organisation"),
    "status": N_("Status"),
    "review_date": N_("Next review"),
    "classification": N_("Classification"),
    "languages": N_("Answers written in"),
    "authors": N_("Authors"),
    "name": N_("Name"),
    "dpo": N_("Data protection officer"),
    "contact": N_("Contact for privacy questions"),
    "edpb": N_("EDPB criteria"),
    "ap_list": N_("AP list (Stcrt. 2019, 64418)"),
    "applies": N_("Applies"),
    "reason": N_("Reason"),
    "operations": N_("Processing operations"),
    "purposes": N_("Purposes"),
    "data_subjects": N_("Data subjects"),
    "personal_data": N_("Personal data"),
    "parties": N_("Parties involved"),
    "locations": N_("Processing locations and transfers"),
    "ai_system": N_("AI system"),
    "description": N_("Description"),
    "category": N_("Category"),
    "kind": N_("Kind"),
    "retention": N_("Retention"),
    "role": N_("Role"),
    "country": N_("Country"),
    "mechanism": N_("Transfer mechanism"),
    "vendor": N_("Vendor"),
    "model": N_("Model"),
    "service": N_("Service"),
    "tool_picker": N_("AI tool picker"),
    "inputs_train_model": N_("Inputs train the model"),
    "minors": N_("Minors"),
    "vulnerable": N_("Vulnerable"),
    "source": N_("Source"),
    "lawful_bases": N_("Lawful basis"),
    "purpose": N_("Purpose"),
    "basis": N_("Lawful basis"),
    "necessity": N_("Necessity"),
    "proportionality": N_("Proportionality"),
    "purpose_limitation": N_("Purpose limitation"),
    "minimisation": N_("Data minimisation"),
    "rights": N_("Rights of data subjects"),
    "affected_rights": N_("Rights affected"),
    "measures": N_("Measures"),
    "owner": N_("Owner"),
    "due": N_("Due"),
    "controls": N_("Security"),
    "certifications": N_("Supplier certifications"),
    "note": N_("Note"),
    "notes": N_("Note"),
    "human_oversight": N_("Human oversight"),
    "act_role": N_("Role under the AI Act"),
    "risk_tier": N_("Risk tier"),
    "annex_iii_uses": N_("Annex III uses (education)"),
    "prohibited_practices": N_("Prohibited practices (Art. 5)"),
    "literacy": N_("AI literacy (Art. 4)"),
    "sustainability": N_("Sustainability and energy use"),
    "characteristics": N_("Impact per protected characteristic"),
    "bias": N_("Bias in the tool"),
    "accessibility": N_("Accessibility"),
    "conclusion": N_("Conclusion"),
    "actions": N_("Actions"),
    "processor": N_("The processor"),
    "sector_model": N_("Privacyconvenant 4.0"),
    "privacy_annex": N_("Privacy annex (privacybijsluiter)"),
    "security_annex": N_("Security annex (beveiligingsbijlage)"),
    "clauses": N_("Checklist"),
    "clause": N_("Clause"),
    "dpo_advice": N_("Advice of the data protection officer"),
    "advice": N_("Advice"),
    "date": N_("Date"),
    "followed": N_("Advice followed"),
    "why_not": N_("Why not"),
    "views": N_("Views of data subjects"),
    "asked": N_("Asked"),
    "summary": N_("Summary"),
    "prior_consultation": N_("Prior consultation (Art. 36)"),
    "planned": N_("Consultation planned"),
    "decision": N_("Decision"),
    "conditions": N_("Conditions"),
    "rationale": N_("Rationale"),
    "sign_off": N_("Sign-off"),
    "encryption_in_transit": N_("Encryption in transit"),
    "encryption_at_rest": N_("Encryption at rest"),
    "access_control": N_("Access control"),
    "mfa": N_("Multi-factor authentication"),
    "logging": N_("Logging"),
    "pseudonymisation": N_("Pseudonymisation"),
    "backups": N_("Backups"),
    "breach_procedure": N_("Data-breach procedure"),
    "a_documented_instructions": N_("Art. 28(3)(a)"),
    "b_confidentiality": N_("Art. 28(3)(b)"),
    "c_security": N_("Art. 28(3)(c) and Art. 32"),
    "d_subprocessors": N_("Art. 28(3)(d)"),
    "e_assist_rights": N_("Art. 28(3)(e) and Chapter III"),
    "f_assist_32_36": N_("Art. 28(3)(f) and Art. 32-36"),
    "g_delete_or_return": N_("Art. 28(3)(g)"),
    "h_audits_information": N_("Art. 28(3)(h)"),
    "subprocessor_authorisation": N_("Art. 28(2) and (4)"),
    "breach_notification": N_("Art. 33(2)"),
    "transfers": N_("Chapter V (Art. 44-49)"),
    "audits": N_("Art. 28(3)(h) and 28(5)"),
}
_ENUM_KEYED: dict[str, type[Labelled]] = {"edpb": EdpbCriterion, "ap_list": ApCategory}


def section(loc: Loc, t: Words) -> str:
    return t.gettext(SECTIONS[str(loc[0])]) if str(loc[0]) in SECTIONS else str(loc[0])


def question(loc: Loc, t: Words) -> str:
    """The question under its section, e.g. `AI system > Service` or `M2 > Due`; ids and
    positions stay as they are written."""
    parts = []
    for i, part in enumerate(loc[1:], start=1):
        parent = str(loc[i - 1])
        if isinstance(part, int) or parent in _ID_LISTS:
            parts.append(str(part))
        elif parent in _ENUM_KEYED and part in _ENUM_KEYED[parent].__members__:
            parts.append(t.label(_ENUM_KEYED[parent][part]))
        elif part in QUESTIONS:
            parts.append(t.gettext(QUESTIONS[part]))
        else:  # a question without a label of its own yet: its field name in words
            parts.append(part.replace("_", " "))
    return SEPARATOR.join(parts)


SEPARATOR = " \u203a "  # a single right-pointing angle quotation mark
_ID_LISTS = {
    "operations", "purposes", "data_subjects", "personal_data", "parties", "locations",
    "lawful_bases", "special_categories", "risks", "measures",
}  # fmt: skip


def value(v: Any, t: Words, lang: str, first_lang: str) -> str:
    """An answer in words, in the document's language where the answer has it."""
    if v is None:
        return "—"
    if isinstance(v, Text):
        content = " ".join(v.get(lang, first_lang)[0].split())
        return content if len(content) <= MAX_TEXT else content[: MAX_TEXT - 1].rstrip() + "…"
    if isinstance(v, bool):
        return t.gettext("Yes") if v else t.gettext("No")
    if isinstance(v, Labelled):
        return t.label(v)
    if isinstance(v, dt.date):
        return t.date(v)
    if isinstance(v, tuple):
        return ", ".join(value(x, t, lang, first_lang) for x in v)
    if isinstance(v, BaseModel):
        return item_name(v, t, lang, first_lang)
    return str(v)


def item_name(item: BaseModel, t: Words, lang: str, first_lang: str) -> str:
    """What an item added or removed as a whole is called: its title, name or description."""
    for name in ("title", "name", "category", "role", "description", "purpose", "country"):
        found = getattr(item, name, None)
        if found is not None:
            return value(found, t, lang, first_lang)
    return "—"
