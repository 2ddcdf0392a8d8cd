"""The letter to the supplier about its processor agreement (`--doc supplier-letter`) in Word,
following templates/shared/supplier-letter.html.j2: addressed and dated, internal to the two
parties, without the assessment's title, asking only for what the supplier should change.

It reads the checklist's typed context (the processor, its open rows, whether the agreement is
already signed); what to ask for per item is the checklist's item_ask text, written once in the
language templates, and the letter's own opening and closing are the letter template's blocks.
No questionnaire is attached: the letter leaves the organisation.
"""

from __future__ import annotations

from docx.shared import Cm

from dpia.context.processor_checklist import ProcessorChecklistContext
from dpia.docx.checklist import agreement_name
from dpia.docx.frame import logo, running_parts
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import DASH, NL, Cell, Writer


def frame(w: Writer, ctx: ProcessorChecklistContext, prose: Prose) -> tuple[str, str]:
    """The letterhead: sender, addressee, date, subject and classification; returns the title
    and subject of the document's properties."""
    _, org, p = w._, ctx.q.meta.organisation, ctx.processor
    logo(w, ctx.logo, 1.6)  # as the PDF's
    sender = [Run(org.name, bold=True)]
    if org.address:
        sender += [NL(), Run(org.address)]
    w.para(*sender)
    to: Cell = [Run(p.name, bold=True), Run(f", {w.t.country(p.country)}")] if p else None
    internal = _("Internal to both parties")
    subject = [Run(r.text, bold=True, gap=r.gap) for r in agreement_name(w, ctx)]
    w.facts(
        [
            (_("To"), to),
            (_("Date"), w.t.date(ctx.date)),
            (_("Subject"), subject),
            (_("Classification"), internal),
        ]
    )
    name = p.name if p else ""
    running_parts(w, f"{org.name} · {_('To')}: {name}", internal, draft=False)
    doc_title = prose.text("doc_title")
    return f"{doc_title} {DASH} {name}", "".join(r.text for r in subject)


def write(w: Writer, ctx: ProcessorChecklistContext, prose: Prose) -> None:
    _ = w._
    # what to ask for per item, as the checklist words it
    checklist = Prose("processor-checklist", ctx)
    prose.write(w, "letter_opening")
    for number, row in enumerate(ctx.requests, 1):
        title = [Run(f"{number}.\t"), Run(w.t.label(row.item), bold=True)]
        title.append(Run(f" ({_(row.source)})", small=True))
        if row.blocking:
            essential = _("required by law") if ctx.renegotiate else _("needed before signing")
            title += [Run(" · "), Run(essential, bold=True, gap=True)]
        heading = w.para(*title)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.first_line_indent = Cm(-0.7)
        heading.paragraph_format.tab_stops.add_tab_stop(Cm(0.7))
        paragraphs = [heading, w.para(*checklist.runs("item_ask", item=row.item))]
        if row.contradicted:
            countries = ", ".join(w.t.country(loc.country) for loc in ctx.transfers)
            note = _("The agreement treats transfers as not applicable, but data go to")
            paragraphs.append(w.para(Run(f"{note}: {countries}.", small=True)))
        for p in paragraphs:
            p.paragraph_format.left_indent = Cm(0.7)
    prose.write(w, "letter_closing")
