"""The knowledge-security check (`--doc knowledge-security`), following
templates/shared/knowledge-security.html.j2: the summary and the collaboration here, the
weighing, measures, referral, sign-off and annex in knowledge_decision.py."""

from __future__ import annotations

from dpia.context.knowledge import KnowledgeContext
from dpia.docx import knowledge_decision
from dpia.docx.knowledge_decision import verdict, weight
from dpia.docx.parts import joined, yesno
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import DASH, NL, Cell, Writer
from dpia.model.knowledge import Partner


def write(w: Writer, ctx: KnowledgeContext, prose: Prose) -> None:
    summary(w, ctx, prose)
    collaboration(w, ctx, prose)
    knowledge_decision.write(w, ctx, prose)


def _partner(w: Writer, p: Partner) -> str:
    return f"{p.name} ({w.t.country(p.country)})"


def _critical(w: Writer, ctx: KnowledgeContext) -> list[Run]:
    return joined(w, [[Run(w.t.label(a))] for a in ctx.q.field.critical_areas])


def summary(w: Writer, ctx: KnowledgeContext, prose: Prose) -> None:
    _, q, dec = w._, ctx.q, ctx.q.decision
    w.heading(_("Summary"), 1)
    prose.write(w, "summary_intro")
    outcome: list[Run] = [Run(f"{_('Outcome')}: ", bold=True)]
    if ctx.final is None:
        outcome.append(Run(_("awaiting the committee\u2019s verdict"), bold=True))
    else:
        outcome.append(verdict(w, ctx.final))
        if ctx.referred:
            binding = _("binding verdict of the Knowledge Security Committee")
            outcome.append(Run(f" ({binding})", small=True))
    w.para(*outcome)
    own: list[Run] = [verdict(w, dec.verdict)]
    if ctx.screening.too_weak:
        own.append(Run(f" {_('weaker than the answers allow')}", bold=True, gap=True))
    col = q.collaboration
    kind = w.t.label(col.type)
    rows: list[tuple[str, Cell]] = [
        (_("Collaboration"), [*w.answer_runs(col.title), Run(f" · {kind}", small=True)]),
        (_("Partners"), "; ".join(_partner(w, p) for p in q.partners)),
        (_("EU critical technology areas"), _critical(w, ctx)),
        (_("Least verdict the answers allow"), verdict(w, ctx.screening.required)),
        (_("Verdict of researcher and director"), own),
    ]
    if ctx.referred:
        committee: list[Run] = [w.gap_run()]
        if dec.committee and dec.committee.verdict:
            committee = [verdict(w, dec.committee.verdict)]
            if dec.committee.date:
                committee.append(Run(f" ({w.t.date(dec.committee.date)})", small=True))
        rows.append((_("Verdict of the committee"), committee))
    weighing = [
        Run(f"{_('Highest opportunity')}: "),
        weight(w, ctx.highest_opportunity),
        Run(f" · {_('highest risk after measures')}: "),
        weight(w, ctx.highest_residual, Run(_("no risks recorded"))),
    ]
    rows += [
        (_("Weighing"), weighing),
        (_("Open measures"), f"{len(ctx.open_measures)} / {len(q.measures)}"),
    ]
    w.facts(rows)
    w.heading(_("Reasons in the answers"), 2)
    if ctx.screening.reasons:
        reasons = [
            [verdict(w, r.minimum), Run(" " + r.reason.text(w.t.gettext))]
            for r in ctx.summary_reasons.shown
        ]
        if ctx.summary_reasons.more:
            reasons.append([Run(_("… and more in the annex"))])
        w.items(reasons)
    else:
        w.para(_("Nothing in the answers asks for more than proceeding."))
    w.heading(_("Why"), 2)
    w.answer(dec.reasons)
    if ctx.summary_errors.shown:
        w.heading(_("Findings that need attention"), 2)
        errors = [[Run(f.finding.text(w.t.gettext))] for f in ctx.summary_errors.shown]
        if ctx.summary_errors.more:
            errors.append([Run(_("… and more in the annex"))])
        w.items(errors)


def collaboration(w: Writer, ctx: KnowledgeContext, prose: Prose) -> None:
    _, q = w._, ctx.q
    col = q.collaboration
    w.heading(f"1  {_('The collaboration')}", 1)
    start = w.t.date(col.start) if col.start else None
    period: list[Run] = [Run(start) if start else w.gap_run()]
    period.append(Run(f" {DASH} {w.t.date(col.end) if col.end else ''}"))
    w.facts(
        [
            (_("Type"), w.t.label(col.type)),
            (_("Institute"), col.institute),
            (_("Lead researcher"), col.lead),
            (_("Period"), period),
        ]
    )
    w.answer(col.description)
    w.heading(_("Partners"), 2)
    prose.write(w, "partners_intro")
    rows: list[list[Cell]] = []
    for p in q.partners:
        name: list[Run] = [Run(p.name), NL(), Run(w.t.label(p.type), small=True)]
        if p.sanctioned:
            name.append(Run(f" · {_('on a sanctions or end-user list')}", small=True, bold=True))
        country: list[Run] = [Run(w.t.country(p.country))]
        if p in ctx.restricted_partners:
            country += [NL(), Run(_("under EU restrictive measures"), small=True, bold=True)]
        ties: list[Run] = [Run(w.t.label(p.ties), bold=True)]
        if p.ties_explained:
            ties += [NL(), *w.answer_runs(p.ties_explained)]
        rows.append([name, country, ties])
    w.table([_("Partner"), _("Country"), _("Ties to military or security bodies")], rows)
    _field(w, ctx)
    _flows(w, ctx)
    _funding(w, ctx)
    _personal_data(w, ctx, prose)


def _field(w: Writer, ctx: KnowledgeContext) -> None:
    _, fld = w._, ctx.q.field
    w.heading(_("Field and technology"), 2)
    w.answer(fld.description)
    dual: list[Run] = [yesno(w, fld.dual_use)]
    if fld.dual_use_categories:
        categories = "; ".join(w.t.label(d) for d in fld.dual_use_categories)
        dual += [NL(), Run(categories, small=True)]
    check: list[Run]
    if fld.export_check:
        ec = fld.export_check
        when = f", {w.t.date(ec.date)}" if ec.date else ""
        check = [Run(w.t.label(ec.outcome), bold=True), Run(f" · {ec.by}{when}")]
        if ec.note:
            check += [NL(), *w.answer_runs(ec.note)]
    elif ctx.export_check_needed:
        check = [Run(_("Not done"), gap=True)]
    else:
        check = [Run(_("Not needed on these answers"))]
    w.facts(
        [
            (_("EU critical technology areas"), _critical(w, ctx)),
            (_("Dual-use item possibly involved"), dual),
            (_("Possible military end use"), yesno(w, fld.military_end_use)),
            (_("Export-control check"), check),
        ]
    )


def _flows(w: Writer, ctx: KnowledgeContext) -> None:
    _ = w._
    w.heading(_("What flows which way"), 2)
    if not ctx.q.flows:
        w.para(w.gap_run())
        return
    rows: list[list[Cell]] = []
    for fl in ctx.q.flows:
        what: list[Run] = [Run(w.t.label(fl.what))]
        if fl.sensitive:
            what += [NL(), Run(_("sensitive"), small=True, bold=True)]
        rows.append([what, w.t.label(fl.direction), w.answer_runs(fl.description)])
    w.table([_("What"), _("Direction"), _("Description")], rows)


def _funding(w: Writer, ctx: KnowledgeContext) -> None:
    _, q = w._, ctx.q
    w.heading(_("Funding and conditions"), 2)
    funders: list[list[Run]] = []
    for fu in q.funding.funders:
        where = f", {w.t.country(fu.country)}" if fu.country else ""
        funders.append([Run(fu.name + " "), Run(f"({w.t.label(fu.type)}{where})", small=True)])
    conditions = w.answer_runs(q.funding.conditions) if q.funding.conditions else None
    publish: list[Run] = [Run(_("Our researchers publish freely"))]
    if not q.publication.free:
        publish = [Run(_("Restricted"), bold=True)]
    if q.publication.restrictions:
        publish += [NL(), *w.answer_runs(q.publication.restrictions)]
    w.facts(
        [
            (_("Funders"), joined(w, funders) if funders else None),
            (_("Conditions"), conditions or _("none recorded")),
            (_("Freedom to publish"), publish),
        ]
    )


def _personal_data(w: Writer, ctx: KnowledgeContext, prose: Prose) -> None:
    _, pd = w._, ctx.q.personal_data
    w.heading(_("Personal data"), 2)
    if not pd.exchanged:
        w.para(_("No personal data are exchanged."))
        return
    w.answer(pd.description)
    prose.write(w, "personal_data_note")
    linked = ctx.linked
    if linked is not None:
        w.para(f"{_('DPIA of this exchange')}: ", *w.answer_runs(linked.title), f" {linked.file}")
        if not linked.transfers:
            w.para(_("The DPIA records no transfer outside the EEA."))
            return
        w.para(Run(_("Transfers outside the EEA, from the DPIA"), bold=True))
        rows: list[list[Cell]] = [
            [w.t.country(t.country), w.t.label(t.mechanism), yesno(w, t.tia_done)]
            for t in linked.transfers
        ]
        headers = [_("Country"), _("Transfer mechanism"), _("Transfer impact assessment")]
        w.table(headers, rows)
    elif pd.transfer_analysis:
        w.para(f"{_('Transfer analysis')}: ", *w.answer_runs(pd.transfer_analysis))
    elif ctx.outside_eea:
        missing = _("Personal data go outside the EEA, but no DPIA or transfer analysis is linked.")
        w.para(Run(missing, gap=True))
