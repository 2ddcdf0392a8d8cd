"""The processor-agreement checklist (`--doc processor-checklist`), following
templates/shared/processor-checklist.html.j2; the per-item law and request texts are the
language templates' item_law and item_ask blocks."""

from __future__ import annotations

from dpia.context.processor_checklist import AgreementCheck, ProcessorChecklistContext
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


def cover_title(w: Writer, ctx: ProcessorChecklistContext) -> tuple[list[Run], list[Run]]:
    """The cover names the processor and its agreement (or, with several, the processors), not
    the DPIA it belongs to (which the subtitle names), as the HTML's cover_title block does."""
    _, q = w._, ctx.q
    subject = [Run(f"{_('For the assessment')}: "), *w.answer_runs(q.meta.title)]
    if ctx.several:
        names = ", ".join(c.processor.name for c in ctx.agreements if c.processor)
        return [Run(f"{_('Processor agreements')}: {names}")], subject
    return _agreement_name(w, ctx), subject


def _subs(w: Writer, subs: list[Party]) -> Cell:
    runs: list[Run] = []
    for i, sub in enumerate(subs):
        runs += [*([NL()] if i else []), *_party(w, sub)]
    return runs or w._("none recorded")


def agreement_name(w: Writer, ctx: ProcessorChecklistContext) -> list[Run]:
    """The selected processor and its agreement (the supplier letter's subject): the context's
    own fields are those of the selected agreement."""
    return _agreement_name(w, ctx)


def _agreement_name(w: Writer, c: AgreementCheck) -> list[Run]:
    _ = w._
    name = Run(c.processor.name) if c.processor else w.gap_run()
    kind = _("processor agreement")
    if c.agreement.sector_model:
        kind = _("Model Verwerkersovereenkomst 4.0 (sector model)")
    return [name, Run(f": {kind}")]


def _verdict(w: Writer, c: AgreementCheck) -> str:
    return w._("renegotiate the signed agreement") if c.renegotiate else w.t.label(c.advice)


def write(w: Writer, ctx: ProcessorChecklistContext, prose: Prose) -> None:
    """Every agreement in a part of its own, as the PDF: with several, an overview first and a
    heading per agreement, its sections one level below."""
    _ = w._
    several = ctx.several
    if several or ctx.other_processors:
        w.heading(_("The agreements checked"), 1)
        facts: list[tuple[str, Cell]] = [
            ("".join(r.text for r in _agreement_name(w, c)), _verdict(w, c)) for c in ctx.agreements
        ]
        if several:  # whose they are is not recorded: once, not under each processor
            facts.append((_("Sub-processors"), _subs(w, ctx.sub_processors)))
        if ctx.other_processors:
            others = "; ".join(f"{o.name} ({w.t.country(o.country)})" for o in ctx.other_processors)
            facts.append((_("Processors whose agreement is not checked here"), others))
        w.facts(facts)
    for c in ctx.agreements:
        if several:
            w.heading("".join(r.text for r in _agreement_name(w, c)), 1)
        _part(w, ctx, c, prose, 2 if several else 1)


def _part(
    w: Writer, ctx: ProcessorChecklistContext, c: AgreementCheck, prose: Prose, level: int
) -> None:
    _, q = w._, ctx.q
    local = vars(c)  # the per-agreement prose blocks read this agreement's fields
    w.heading(_("Verdict"), level)
    w.para(Run(_verdict(w, c), bold=True))
    prose.write(w, "verdict_explained", **local)
    if c.stoppers:
        stoppers = [[Run(_(s))] for s in c.stoppers]
        alert(w, _("Do not sign, whatever the clauses say"), stoppers)
    blocking = joined(
        w, [[Run(w.t.label(r.item), bold=True), Run(f" ({_(r.source)})")] for r in c.blocking]
    )
    to_change: list[Run] = [Run(str(c.to_change))]
    if c.unchecked:
        to_change.append(Run(f" ({_('not checked yet')}: {len(c.unchecked)})", gap=True))
    w.facts(
        [
            (_("Essential items missing"), blocking),
            (_("Items to change or complete"), to_change),
            (_("Items present or not applicable"), f"{c.settled} / {len(c.checklist)}"),
        ]
    )
    w.heading(_("The processor"), level + 1)
    p = c.processor
    transfers: Cell
    if c.transfers:
        transfers = []
        for i, loc in enumerate(c.transfers):
            if loc.id in c.adequacy:  # an adequacy decision covers it (as the PDF)
                how = (
                    f"{_('adequacy decision')} ({c.adequacy[loc.id]}); "
                    f"{_('no standard clauses or transfer impact assessment needed')}"
                )
            else:
                how = w.t.label(loc.mechanism)
            transfers += [*([NL()] if i else []), Run(f"{w.t.country(loc.country)}: {how}")]
            if loc in c.transfers_needing_tia:
                transfers += [
                    Run(f" · {_('Transfer impact assessment')}: "),
                    yesno(w, loc.tia_done),
                ]
    elif q.description.locations:
        transfers = _("none: all locations are inside the EEA")
    else:
        transfers = None
    facts: list[tuple[str, Cell]] = [
        (_("Processor"), _party(w, p) if p else None),
        (_("Processor agreement in place"), yesno(w, p.agreement) if p else None),
        *([] if ctx.several else [(_("Sub-processors"), _subs(w, c.sub_processors))]),
        (_("Data outside the EEA"), transfers),
        (
            _("Model Verwerkersovereenkomst 4.0 (sector model)"),
            yesno(w, c.agreement.sector_model),
        ),
    ]
    w.facts(facts)

    w.heading(_("Checklist"), level)
    prose.write(w, "checklist_intro")
    rows: list[list[Cell]] = []
    for n, row in enumerate(c.checklist):
        if not n or row.sector != c.checklist[n - 1].sector:  # a group row, as in the PDF
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

    w.heading(_("Changes to ask the supplier for"), level)
    if not c.requests:
        w.para(_("Nothing to ask for: every item is present or does not apply."))
        return
    prose.write(w, "requests_intro", **local)
    for n, row in enumerate(c.requests, 1):
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
            countries = ", ".join(w.t.country(loc.country) for loc in c.transfers)
            w.para(
                Run(
                    _("The agreement treats transfers as not applicable, but data go to"),
                    small=True,
                ),
                Run(f": {countries}.", small=True),
            )
        if row.note:
            w.para(Run(f"{_('What we found')}: ", bold=True, small=True), *w.answer_runs(row.note))
