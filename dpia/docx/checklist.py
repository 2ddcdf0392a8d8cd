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


def item_name(w: Writer, row: Row) -> str:
    """The item's name, capitalised as the PDF's stylesheet sets it; without the article where
    the label repeats the source."""
    name = w._(row.title) if row.title else w.t.label(row.item)
    return name[:1].upper() + name[1:]


def marks(w: Writer, row: Row) -> list[Run]:
    """Required by law or requested, and missing, incomplete or not checked (as the PDF)."""
    _ = w._
    legal = _("required by law") if row.required_by_law else _("requested")
    if row.missing:
        state = _("missing")
    elif row.incomplete:
        state = _("incomplete")
    elif row.status is None:
        state = _("not checked yet")
    else:
        state = w.t.label(row.status)
    return [Run(legal, bold=True, small=True), Run(f" · {state}")]


def contradiction(w: Writer, c: AgreementCheck, letter: bool = False) -> str:
    """The transfers item marked not applicable while data go outside the EEA: stated where a
    transfer is known to come from this processor's work, asked where the link is assumed."""
    _ = w._
    if c.contradiction_known:
        known = [loc for loc in c.transfers if loc not in c.transfers_unlinked]
        countries = ", ".join(w.t.country(loc.country) for loc in known)
        return (
            f"{_('The agreement treats transfers as not applicable, but data go to')}: {countries}."
        )
    countries = ", ".join(w.t.country(loc.country) for loc in c.transfers)
    ask = (
        _("Could you confirm whether your service is involved?")
        if letter
        else _("Our records do not say whether through this processor: ask it.")
    )
    lead = _("The agreement treats transfers as not applicable. Data of this processing go to")
    return f"{lead}: {countries}. {ask}"


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
    return w._(c.verdict) if c.verdict else w.t.label(c.advice)


def write(w: Writer, ctx: ProcessorChecklistContext, prose: Prose) -> None:
    """Every agreement in a part of its own, as the PDF: with several, an overview first and a
    heading per agreement, its sections one level below."""
    _ = w._
    several = ctx.several
    unassigned = _("Sub-processors whose processor is not recorded")
    if several or ctx.other_processors:
        w.heading(_("The agreements checked"), 1)
        facts: list[tuple[str, Cell]] = [
            ("".join(r.text for r in _agreement_name(w, c)), _verdict(w, c)) for c in ctx.agreements
        ]
        if several and ctx.unassigned_sub_processors:  # once, not under a processor
            facts.append((unassigned, _subs(w, ctx.unassigned_sub_processors)))
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
        title = (
            _("To settle first, whatever the clauses say")
            if c.signed
            else _("Do not sign, whatever the clauses say")
        )
        alert(w, title, stoppers)
    blocking = joined(
        w, [[Run(item_name(w, r), bold=True), Run(f" ({_(r.source)})")] for r in c.blocking]
    )
    to_change: list[Run] = [Run(str(c.to_change))]
    if c.unchecked:
        to_change.append(Run(f" ({_('not checked yet')}: {len(c.unchecked)})", gap=True))
    w.facts(
        [
            (_("Essential items missing"), blocking),
            (_("Other items to change"), to_change),
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
        (_("Sub-processors"), _subs(w, c.sub_processors)),
        *(
            [(_("Sub-processors whose processor is not recorded"), _subs(w, unassigned))]
            if (unassigned := ctx.unassigned_sub_processors) and not ctx.several
            else []
        ),
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
            Run(item_name(w, row), bold=True),
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
    if not c.requests and not c.own_use:
        w.para(_("Nothing to ask for: every item is present or does not apply."))
        return
    prose.write(w, "requests_intro", **local)
    n = 0
    if c.own_use:
        n += 1
        own: list[Run] = [
            Run(f"{n}. "),
            Run(_("No use of the data for purposes of the processor"), bold=True),
            Run(f" ({_('Art. 28(3)(a) and 28(10)')}) · "),
            Run(_("required by law"), bold=True, small=True),
        ]
        if not c.signed:
            own.append(Run(f" · {_('needed before signing')}", bold=True))
        w.para(*own).paragraph_format.keep_with_next = True
        w.para(
            _(
                "A clause that the processor does not use the data for purposes of its own, "
                "including training its models, and deletes what it has kept for them."
            )
        )
    for row in c.requests:
        n += 1
        request: list[Run] = [
            Run(f"{n}. "),
            Run(item_name(w, row), bold=True),
            Run(f" ({_(row.source)}) · "),
            *marks(w, row),
        ]
        if row.blocking and not c.signed:
            request.append(Run(f" · {_('needed before signing')}", bold=True))
        w.para(*request).paragraph_format.keep_with_next = True
        w.para(*prose.runs("item_ask", item=row.item))
        if row.contradicted:
            w.para(Run(contradiction(w, c), small=True))
        if row.note:
            w.para(Run(f"{_('What we found')}: ", bold=True, small=True), *w.answer_runs(row.note))
