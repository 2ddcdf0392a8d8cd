"""The end of the DPIA report: consultation (the DPO, the people concerned, the supervisory
authority under Art. 36), the decision and sign-off, and the annex of findings, following
templates/shared/dpia.html.j2."""

from __future__ import annotations

from dpia.context.dpia import DpiaContext
from dpia.docx.about import question_runs
from dpia.docx.parts import findings_table, yesno
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.summary import conflict_alert
from dpia.docx.writer import NL, Cell, Writer
from dpia.load import field_path
from dpia.rules.decision import Art36


def consultation(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _, c = w._, ctx.q.consultation
    w.heading(_("Consultation and decision"), 1)
    prose.write(w, "consultation_intro")
    w.heading(_("Advice of the data protection officer"), 2)
    dpo = ctx.q.meta.organisation.dpo
    if dpo and dpo.name:
        w.para(f"{_('Data protection officer')}: {dpo.name}")
    if c.dpo_advice:
        adv = c.dpo_advice
        w.answer(adv.advice)
        w.para(
            Run(f"{w.t.date(adv.date)} · {_('Advice followed')}: ", small=True),
            yesno(w, adv.followed),
        )
        if adv.why_not:
            w.qa(_("Why the advice is not followed"), adv.why_not)
    else:
        w.para(w.gap_run())
    w.heading(_("Views of data subjects or their representatives"), 2)
    if c.views:
        who = f" ({', '.join(w.t.label(x) for x in c.views.who)})" if c.views.who else ""
        w.para(f"{_('Asked')}: ", yesno(w, c.views.asked), who)
        if c.views.asked:
            w.answer(c.views.summary)
        else:
            w.qa(_("Why they were not asked"), c.views.why_not)
    else:
        w.para(w.gap_run())
    w.heading(_("Prior consultation (Art. 36)"), 2)
    authority = ctx.seat.authority or _("not encoded for this country")
    if ctx.art36.state is Art36.required:
        text = _(
            "A high residual risk remains, so the supervisory authority must be consulted before"
            " the processing starts."
        )
        text += f" {_('Supervisory authority')}: {authority}."
    elif ctx.art36.state is Art36.moot:
        text = _(
            "A high residual risk remains, but the decision is not to proceed, so the supervisory"
            " authority is not consulted. To proceed, the risks that stay high would first have to"
            " be lowered, or the authority consulted before the processing starts."
        )
        text += f" ({', '.join(ctx.art36.high)}; {_('Supervisory authority')}: {authority}.)"
    else:
        text = _("No high residual risk remains; prior consultation is not required.")
    planned: list[Run | str] = []
    if c.prior_consultation:
        date = f", {w.t.date(c.prior_consultation.date)}" if c.prior_consultation.date else ""
        planned = [
            f" {_('Consultation planned')}: ",
            yesno(w, c.prior_consultation.planned),
            f"{date}.",
        ]
    else:  # not answered yet, as the annex lists it
        planned = [f" {_('Consultation planned')}: ", w.gap_run()]
    w.para(text, *planned)
    _record(w, ctx)
    w.heading(_("Decision"), 2)
    conflict_alert(w, ctx)  # again where the board signs, as in the PDF
    if c.decision:
        w.para(Run(w.t.label(c.decision.outcome), bold=True))
        if c.decision.conditions:
            w.qa(_("Conditions"), c.decision.conditions)
        w.qa(_("Rationale"), c.decision.rationale)
    else:
        w.para(w.gap_run())
    w.heading(_("Sign-off"), 2)
    accountability: list[tuple[str, Cell]] = [
        (_("Residual risk accepted by"), c.decision.accepted_by if c.decision else None),
    ]
    if ctx.dpo_overruled and c.dpo_advice:
        accountability.append((_("The DPO's advice was overruled by"), c.dpo_advice.overruled_by))
    w.facts(accountability)
    rows: list[list[Cell]] = [
        [w.answer_runs(s.role), s.name or "", w.t.date(s.date) if s.date else "", ""]
        for s in c.sign_off
    ]
    if not rows:
        rows = [[None, "", "", ""]]
    w.table([_("Role"), _("Name"), _("Date"), _("Signature")], rows)


def annex(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _ = w._
    w.heading(_("Annex: findings and unanswered questions"), 1)
    prose.write(w, "annex_intro")
    w.heading(_("Findings"), 2)
    findings_table(w, ctx.findings, [question_runs(w, qn) for qn in ctx.finding_questions])
    w.heading(_("Unanswered questions"), 2)
    if ctx.gaps:
        w.items(
            [
                [*question_runs(w, qn), *([NL()] if qn else []), Run(field_path(g), small=True)]
                for g, qn in zip(ctx.gaps, ctx.gap_questions, strict=True)
            ]
        )
    else:
        w.para(_("Every question has been answered."))


def _record(w: Writer, ctx: DpiaContext) -> None:
    """The record of a consultation under way or done: filed when and by whom, with which
    authority, when the advice is due and what it said."""
    _, pc = w._, ctx.q.consultation.prior_consultation
    if pc is None or not (pc.filed_on or pc.outcome or pc.advice):
        return
    w.para(Run(_("Record of the consultation"), bold=True)).paragraph_format.keep_with_next = True
    filed: list[Run] = [Run(w.t.date(pc.filed_on)) if pc.filed_on else w.gap_run()]
    if pc.filed_by:
        filed.append(Run(f" · {pc.filed_by}"))
    authority = pc.authority or ctx.seat.authority
    due: list[Run] = [Run(w.t.date(ctx.art36_deadline)) if ctx.art36_deadline else w.gap_run()]
    if ctx.art36_deadline and not pc.deadline:
        due.append(Run(f" ({_('eight weeks after filing, Art. 36(2)')})", small=True))
    outcome: list[Run] = [Run(w.t.label(pc.outcome)) if pc.outcome else w.gap_run()]
    if pc.advice_date:
        outcome.append(Run(f" · {w.t.date(pc.advice_date)}"))
    rows: list[tuple[str, Cell]] = [
        (_("Filed on"), filed),
        (_("Authority"), authority),
        (_("Advice due"), due),
        (_("Outcome"), outcome),
    ]
    if pc.advice:
        rows.append((_("The authority's advice"), w.answer_runs(pc.advice)))
    w.facts(rows)
