"""The processor-agreement checklist (`--doc processor-checklist`), following
templates/shared/processor-checklist.html.j2; the per-item law and request texts are the
language templates' item_law and item_ask blocks."""

from __future__ import annotations

from dpia.context.processor_checklist import ProcessorChecklistContext
from dpia.docx.parts import alert, joined, yesno
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import DASH, NL, Cell, Writer
from dpia.model.description import Party
from dpia.rules.checklist import Row


def _status(w: Writer, row: Row) -> Run:
    return w.gap_run() if row.status is None else Run(w.t.label(row.status), bold=row.open)


def _request(w: Writer, row: Row, prose: Prose) -> list[Run]:
    _ = w._
    if row.status is None:
        kind = _("Not checked yet. Check the agreement; if it is not covered, ask for this:")
    elif row.status.value == "partial":
        kind = _("Ask to complete:")
    else:
        kind = _("Ask to add:")
    return [Run(kind + " ", bold=True), *prose.runs("item_ask", item=row.item)]


def _party(w: Writer, p: Party) -> list[Run]:
    runs = [Run(p.name, bold=True), Run(f" ({w.t.country(p.country)})")]
    if p.description:
        runs += [NL(), *w.answer_runs(p.description)]
    return runs


def agreement_name(w: Writer, ctx: ProcessorChecklistContext) -> list[Run]:
    """The processor and its agreement, as the templates' agreement_name macro."""
    _ = w._
    name = Run(ctx.processor.name) if ctx.processor else w.gap_run()
    kind = _("processor agreement")
    if ctx.q.processor_agreement.sector_model:
        kind = _("Model Verwerkersovereenkomst 4.0 (sector model)")
    return [name, Run(f": {kind}")]


def cover_title(w: Writer, ctx: ProcessorChecklistContext) -> tuple[list[Run], list[Run]]:
    """The cover names the processor and its agreement, not the DPIA it belongs to (which the
    subtitle names), as the HTML's cover_title block does."""
    subject = [Run(f"{w._('For the assessment')}: "), *w.answer_runs(ctx.q.meta.title)]
    return agreement_name(w, ctx), subject


def write(w: Writer, ctx: ProcessorChecklistContext, prose: Prose) -> None:
    _, q = w._, ctx.q
    w.heading(_("Verdict"), 1)
    verdict = _("renegotiate the signed agreement") if ctx.renegotiate else w.t.label(ctx.advice)
    w.para(Run(verdict, bold=True))
    prose.write(w, "verdict_explained")
    if ctx.stoppers:
        stoppers = [[Run(_(s))] for s in ctx.stoppers]
        alert(w, _("Do not sign, whatever the clauses say"), stoppers)
    blocking = joined(
        w, [[Run(w.t.label(r.item), bold=True), Run(f" ({_(r.source)})")] for r in ctx.blocking]
    )
    to_change: list[Run] = [Run(str(ctx.to_change))]
    if ctx.unchecked:
        to_change.append(Run(f" ({_('not checked yet')}: {len(ctx.unchecked)})", gap=True))
    w.facts(
        [
            (_("Essential items missing"), blocking),
            (_("Items to change or complete"), to_change),
            (_("Items present or not applicable"), f"{ctx.settled} / {len(ctx.checklist)}"),
        ]
    )
    w.heading(_("The processor"), 2)
    p = ctx.processor
    transfers: Cell
    if ctx.transfers:
        transfers = []
        for i, loc in enumerate(ctx.transfers):
            if loc.id in ctx.adequacy:  # an adequacy decision covers it (as the PDF)
                how = (
                    f"{_('adequacy decision')} ({ctx.adequacy[loc.id]}); "
                    f"{_('no standard clauses or transfer impact assessment needed')}"
                )
            else:
                how = w.t.label(loc.mechanism)
            transfers += [*([NL()] if i else []), Run(f"{w.t.country(loc.country)}: {how}")]
            if loc in ctx.transfers_needing_tia:
                transfers += [
                    Run(f" · {_('Transfer impact assessment')}: "),
                    yesno(w, loc.tia_done),
                ]
    elif q.description.locations:
        transfers = _("none: all locations are inside the EEA")
    else:
        transfers = None
    subs: list[Run] = []
    for i, sub in enumerate(ctx.sub_processors):
        subs += [*([NL()] if i else []), *_party(w, sub)]
    facts: list[tuple[str, Cell]] = [
        (_("Processor"), _party(w, p) if p else None),
        (_("Processor agreement in place"), yesno(w, p.agreement) if p else None),
        (_("Sub-processors"), subs or _("none recorded")),
        (_("Data outside the EEA"), transfers),
        (
            _("Model Verwerkersovereenkomst 4.0 (sector model)"),
            yesno(w, q.processor_agreement.sector_model),
        ),
    ]
    if ctx.other_processors:
        others = "; ".join(f"{o.name} ({w.t.country(o.country)})" for o in ctx.other_processors)
        facts.append((_("Other processors (their own agreements)"), others))
    w.facts(facts)

    w.heading(_("Checklist"), 1)
    prose.write(w, "checklist_intro")
    rows: list[list[Cell]] = []
    for n, row in enumerate(ctx.checklist):
        if not n or row.sector != ctx.checklist[n - 1].sector:  # a group row, as in the PDF
            group = _("Education sector model (Privacyconvenant)") if row.sector else None
            rows.append([Run(group or _("Requirements of the GDPR"), bold=True), "", "", ""])
        requirement: list[Run] = [
            Run(w.t.label(row.item), bold=True),
            NL(),
            Run(_(row.source), small=True),
        ]
        if row.essential:
            requirement.append(Run(f" · {_('essential')}", small=True, bold=True))
        requirement += [NL(), *prose.runs("item_law", item=row.item)]
        status: list[Run] = [_status(w, row)]
        if row.contradicted:
            status += [NL(), Run(_("yet data go outside the EEA"), small=True, bold=True)]
        if row.note:
            status += [NL(), *w.answer_runs(row.note)]
        if row.clause:
            clause: Cell = row.clause
        elif row.clause_expected:
            clause = None
        else:
            clause = DASH
        rows.append([requirement, status, clause, _request(w, row, prose) if row.open else DASH])
    w.table([_("Requirement"), _("Status"), _("Clause"), _("What to negotiate")], rows)

    w.heading(_("Changes to ask the supplier for"), 1)
    if not ctx.requests:
        w.para(_("Nothing to ask for: every item is present or does not apply."))
        return
    prose.write(w, "requests_intro")
    for n, row in enumerate(ctx.requests, 1):
        title = [
            Run(f"{n}. "),
            Run(w.t.label(row.item), bold=True),
            Run(f" ({_(row.source)}) · "),
            _status(w, row),
        ]
        if row.blocking:
            title.append(Run(f" · {_('needed before signing')}", bold=True))
        w.para(*title).paragraph_format.keep_with_next = True
        w.para(*prose.runs("item_ask", item=row.item))
        if row.contradicted:
            countries = ", ".join(w.t.country(loc.country) for loc in ctx.transfers)
            w.para(
                Run(
                    _("The agreement treats transfers as not applicable, but data go to"),
                    small=True,
                ),
                Run(f": {countries}.", small=True),
            )
        if row.note:
            w.para(Run(f"{_('What we found')}: ", bold=True, small=True), *w.answer_runs(row.note))
    prose.write(w, "requests_closing")
