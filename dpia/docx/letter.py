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
from dpia.docx.checklist import contradiction, item_name, marks
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
    to: Cell = None
    if p:
        to = [Run(p.name, bold=True)]
        if p.contact and p.contact.name:
            to += [NL(), Run(f"{_('Attn.')} {p.contact.name}")]
        if p.address:
            to += [NL(), Run(p.address)]
        to += [NL(), Run(w.t.country(p.country))]
        if p.contact and p.contact.email:
            to += [NL(), Run(p.contact.email)]
    internal = _("Internal to both parties")
    subject = [Run(_subject(w, ctx), bold=True)]
    w.facts(
        [
            (_("To"), to),
            (_("Date"), w.t.date(ctx.date)),
            (_("Subject"), subject),
            (_("Classification"), internal),
        ]
    )
    name = p.name if p else ""
    # no running header (a letter of a page or two), as the PDF; the footer numbers the pages
    running_parts(w, "", "", draft=False)
    w.doc.sections[0].header.paragraphs[0].clear()
    doc_title = prose.text("doc_title")
    return f"{doc_title} {DASH} {name}", "".join(r.text for r in subject)


def _subject(w: Writer, ctx: ProcessorChecklistContext) -> str:
    """The agreement, the product it is for and its version or date, as the PDF's subject."""
    _, p = w._, ctx.processor
    text = f"{_('Processor agreement')} {p.name if p else '…'}"
    if ctx.product:
        text += f" {DASH} " + ("" if ctx.of_product else f"{_('in connection with')} ")
        text += ctx.product
    if ctx.agreement.reference:
        text += f" ({ctx.agreement.reference})"
    return text


def write(w: Writer, ctx: ProcessorChecklistContext, prose: Prose) -> None:
    _ = w._
    # what to ask for per item, as the checklist words it
    checklist = Prose("processor-checklist", ctx)
    prose.write(w, "letter_opening")
    items: list[tuple[list[Run], list[Run], str | None]] = []
    if ctx.own_use:
        title = [
            Run(_("No use of our data for your own purposes"), bold=True),
            Run(f" ({_('Art. 28(3)(a) and 28(10)')})", small=True),
            Run(" · "),
            Run(_("required by law"), bold=True, small=True),
        ]
        ask = _(
            "A clause that you do not use our data for purposes of your own, including "
            "training your models, and that you delete what you have kept for them."
        )
        items.append((title, [Run(ask)], None))
    for row in ctx.requests:
        title = [Run(item_name(w, row), bold=True), Run(f" ({_(row.source)})", small=True)]
        title += [Run(" · "), *marks(w, row)]
        note = (
            contradiction(w, ctx.selected, letter=True)
            if row.contradicted and ctx.selected
            else None
        )
        items.append((title, checklist.runs("item_ask", item=row.item), note))
    for number, (title, ask_runs, note) in enumerate(items, 1):
        heading = w.para(Run(f"{number}.\t"), *title)
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.first_line_indent = Cm(-0.7)
        heading.paragraph_format.tab_stops.add_tab_stop(Cm(0.7))
        paragraphs = [heading, w.para(*ask_runs)]
        if note:
            paragraphs.append(w.para(Run(note, small=True)))
        for p in paragraphs:
            p.paragraph_format.left_indent = Cm(0.7)
        if number == len(items):  # the closing stays with the last request, as the PDF
            paragraphs[-1].paragraph_format.keep_with_next = True
    prose.write(w, "letter_closing")
