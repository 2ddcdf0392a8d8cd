"""The second half of the knowledge-security check: weighing risks and opportunities, the
measures, the adviser and the committee, sign-off and the annex, following
templates/shared/knowledge-security.html.j2 (its first half: knowledge.py)."""

from __future__ import annotations

from dpia.context.knowledge import KnowledgeContext
from dpia.docx.parts import findings_table
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import DASH, NL, Cell, Writer
from dpia.load import field_path
from dpia.model.knowledge_enums import CommitteeVerdict, Verdict, Weight


def verdict(w: Writer, v: Verdict | CommitteeVerdict) -> Run:
    return Run(w.t.label(v), bold=True)


def weight(w: Writer, level: Weight | None, missing: Run | None = None) -> Run:
    if level is None:
        return missing or w.gap_run()
    return Run(w.t.label(level), bold=level is Weight.high)


def write(w: Writer, ctx: KnowledgeContext, prose: Prose) -> None:
    weighing(w, ctx, prose)
    measures(w, ctx)
    referral(w, ctx, prose)
    sign_off(w, ctx, prose)
    annex(w, ctx, prose)


def weighing(w: Writer, ctx: KnowledgeContext, prose: Prose) -> None:
    _, q = w._, ctx.q
    w.heading(f"2  {_('Weighing risks and opportunities')}", 1)
    prose.write(w, "weighing_intro")
    # Group rows as in the PDF: opportunities first, then risks, then the balance.
    rows: list[list[Cell]] = [[Run(_("Opportunities"), bold=True), "", "", "", ""]]
    for o in q.opportunities:
        level = weight(w, o.weight)
        rows.append([f"{o.id} · {w.t.label(o.kind)}", w.answer_runs(o.description), level, "", ""])
    if not q.opportunities:
        rows.append([None, "", "", "", ""])
    rows.append([Run(_("Risks"), bold=True), "", "", "", ""])
    for r in q.risks:
        rows.append(
            [
                f"{r.id} · {w.t.label(r.category)}",
                w.answer_runs(r.description),
                weight(w, r.level),
                weight(w, r.residual),
                ", ".join(r.measures) or DASH,
            ]
        )
    if not q.risks:
        rows.append([_("no risks recorded"), "", "", "", ""])
    balance = [
        Run(f"{_('Highest opportunity')}: "),
        weight(w, ctx.highest_opportunity, Run(DASH)),
        NL(),
        Run(f"{_('highest risk after measures')}: "),
        weight(w, ctx.highest_residual, Run(DASH)),
    ]
    rows.append([Run(_("Balance"), bold=True), balance, "", "", ""])
    headers = [
        _("Kind"),
        _("Description"),
        _("Before measures"),
        _("After measures"),
        _("Measures"),
    ]
    # the three short columns wide enough for "maatregelen" in a header
    w.table(headers, rows, widths=[0.2, 0.26, 0.18, 0.18, 0.18])


def measures(w: Writer, ctx: KnowledgeContext) -> None:
    _, q = w._, ctx.q
    w.heading(f"3  {_('Measures')}", 1)
    if not q.measures:
        w.para(_("No measures recorded."))
        return
    rows: list[list[Cell]] = []
    for m in q.measures:
        what = [Run(w.t.label(m.kind), small=True), NL(), *w.answer_runs(m.description)]
        addresses = ", ".join(r.id for r in ctx.risks_by_measure[m.id]) or DASH
        rows.append([m.id, what, m.owner, w.t.label(m.status), addresses])
    w.table([_("Id"), _("Measure"), _("Owner"), _("Status"), _("Addresses")], rows)


def referral(w: Writer, ctx: KnowledgeContext, prose: Prose) -> None:
    _, q, dec = w._, ctx.q, ctx.q.decision
    title = _("Adviser, referral and the committee\u2019s verdict")
    w.heading(f"4  {title}", 1)
    prose.write(w, "referral_intro")
    w.heading(_("Knowledge-security adviser"), 2)
    adviser = q.adviser
    if adviser and adviser.consulted:
        when = f", {w.t.date(adviser.date)}" if adviser.date else ""
        w.para(f"{adviser.name or _('The adviser')}{when}")
        if adviser.advice:
            w.answer(adviser.advice)
    else:
        w.para(_("The adviser was not consulted."))
    w.heading(_("Verdict of researcher and director"), 2)
    w.para(verdict(w, dec.verdict))
    w.heading(_("Knowledge Security Committee"), 2)
    committee = dec.committee
    if committee:
        binding: list[Run] = [Run(_("awaiting the committee\u2019s verdict"), gap=True)]
        if committee.verdict:
            when = f" ({w.t.date(committee.date)})" if committee.date else ""
            binding = [verdict(w, committee.verdict), Run(when)]
        conditions = w.answer_runs(committee.conditions) if committee.conditions else DASH
        w.facts(
            [
                (_("Referred on"), w.t.date(committee.referred)),
                (_("Case number"), committee.reference),
                (_("Binding verdict"), binding),
                (_("Conditions"), conditions),
            ]
        )
    elif ctx.referred:
        w.para(Run(_("The case is to be referred; no referral is recorded yet."), gap=True))
    else:
        w.para(_("Not referred to the committee."))


def sign_off(w: Writer, ctx: KnowledgeContext, prose: Prose) -> None:
    _, q = w._, ctx.q
    w.heading(f"5  {_('Sign-off')}", 1)
    prose.write(w, "sign_off_text")
    signed = q.decision.signed
    name = signed.name if signed else ""
    date = w.t.date(signed.date) if signed and signed.date else ""
    w.table(
        [_("Role"), _("Name"), _("Date"), _("Signature")],
        [[_("Institute director"), name, date, ""]],
    )
    review = Run(w.t.date(q.meta.review_date)) if q.meta.review_date else w.gap_run()
    w.para(f"{_('Next review')}: ", review)


def annex(w: Writer, ctx: KnowledgeContext, prose: Prose) -> None:
    _ = w._
    w.heading(_("Annex: findings and reference data"), 1)
    prose.write(w, "annex_intro")
    w.heading(_("Reasons in the answers"), 2)
    if ctx.screening.reasons:
        rows: list[list[Cell]] = [
            [
                verdict(w, r.minimum),
                r.reason.text(w.t.gettext),
                [Run(field_path(r.reason.loc)), NL(), Run(r.reason.code, small=True)],
            ]
            for r in ctx.screening.reasons
        ]
        w.table([_("At least"), _("Reason"), _("Field")], rows)
    else:
        w.para(_("Nothing in the answers asks for more than proceeding."))
    w.heading(_("Findings"), 2)
    findings_table(w, ctx.findings)
    w.heading(_("Reference data"), 2)
    prose.write(w, "tables_intro")
    tables = [
        (ctx.critical_table, _("EU critical technology areas")),
        (ctx.dual_use_table, _("Dual-use control list categories")),
        (ctx.restricted_table, _("Countries under EU restrictive measures relevant to research")),
    ]
    w.table(
        [_("Table"), _("Source"), _("As of")],
        [[name, t.source, w.t.date(t.as_of)] for t, name in tables],
    )
    countries = "; ".join(f"{w.t.country(e.code)} ({e.note})" for e in ctx.restricted_table.entries)
    restricted = _("Countries under EU restrictive measures relevant to research")
    w.para(Run(f"{restricted}: {countries}.", small=True))
