"""The DPIA report's chapter on AI and the AI Act, following its section of
templates/shared/dpia.html.j2: the classification, the duties by the date they apply, the
deployer's duties and the fundamental-rights impact assessment."""

from __future__ import annotations

from dpia.context.dpia import DpiaContext
from dpia.docx.parts import joined, yesno
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import NL, Cell, Writer


def ai(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _, q = w._, ctx.q
    w.heading(_("AI and the AI Act"), 1)
    prose.write(w, "ai_intro")
    if q.ai is None:
        w.para(_("The questionnaire does not describe the use of an AI system."), " ", w.gap_run())
        return
    a = q.ai
    w.facts(
        [
            (_("Role under the AI Act"), w.t.label(a.act_role)),
            (_("Risk tier"), _tier(w, ctx)),
            (_("General-purpose AI system used as deployer"), yesno(w, a.general_purpose)),
            (
                _("Annex III uses (education)"),
                joined(w, [[Run(w.t.label(u))] for u in a.annex_iii_uses]),
            ),
            (
                _("Prohibited practices (Art. 5)"),
                joined(w, [[Run(w.t.label(p), bold=True)] for p in a.prohibited_practices]),
            ),
            (
                _("Decisions about people"),
                joined(w, [[Run(w.t.label(u))] for u in a.decisions_about_people]),
            ),
            (_("Fundamental-rights impact assessment (Art. 27)"), yesno(w, a.fria_done)),
        ]
    )
    _duties_by_date(w, ctx)
    w.qa(_("Human oversight"), a.human_oversight)
    if ctx.deployer_duties:
        w.heading(_("Duties of a deployer of a high-risk system (Art. 26)"), 2)
        titles = dict(
            [
                (
                    "use_per_instructions",
                    _("Use according to the instructions for use (Art. 26(1))"),
                ),
                (
                    "oversight_people",
                    _("Oversight by competent, trained people with authority (Art. 26(2))"),
                ),
                ("input_data", _("Relevant and representative input data (Art. 26(4))")),
                ("monitoring", _("Monitoring, suspending and reporting incidents (Art. 26(5))")),
                ("logs", _("Logs kept for at least six months (Art. 26(6))")),
                ("inform_workers", _("Workers and their representatives informed (Art. 26(7))")),
                ("registration", _("Use registered in the EU database (Art. 26(8))")),
                ("provider_information", _("Provider information used for this DPIA (Art. 26(9))")),
                (
                    "inform_affected",
                    _("People told a high-risk system is used about them (Art. 26(11))"),
                ),
            ]
        )
        w.table(
            [_("Duty"), _("How it is met")],
            [
                [titles[k], w.answer_runs(getattr(a.deployer_duties, k))]
                for k in ctx.deployer_duties
            ],
        )
    if a.fria:
        w.heading(_("Fundamental-rights impact assessment (Art. 27)"), 2)
        elements = [
            ("processes", _("Processes in which the system is used (Art. 27(1)(a))")),
            ("period_frequency", _("Period and frequency of use (Art. 27(1)(b))")),
            ("affected_groups", _("People and groups likely to be affected (Art. 27(1)(c))")),
            ("risks_of_harm", _("Specific risks of harm (Art. 27(1)(d))")),
            ("oversight", _("Human oversight (Art. 27(1)(e))")),
            ("measures", _("Measures, governance and complaints (Art. 27(1)(f))")),
        ]
        rows: list[list[Cell]] = [[t, w.answer_runs(getattr(a.fria, k))] for k, t in elements]
        rows.append(
            [
                _("Market-surveillance authority notified (Art. 27(3))"),
                yesno(w, a.fria.authority_notified),
            ]
        )
        w.table([_("Element"), _("Answer")], rows)
    w.qa(_("Transparency to the people concerned (Art. 50)"), a.transparency)
    w.qa(_("AI literacy (Art. 4)"), a.literacy)
    w.qa(_("Sustainability and energy use"), a.sustainability)
    w.qa(_("Keeping the skills to work without the tool"), a.skills_retained)


def _tier(w: Writer, ctx: DpiaContext) -> list[Run]:
    """The tier typed in, and the one the answers point to when they differ."""
    assert ctx.q.ai is not None
    runs = [Run(w.t.label(ctx.q.ai.risk_tier))]
    if ctx.tier_contradiction and ctx.derived_tier is not None:
        pointed = f"{w._('The answers point to')}: {w.t.label(ctx.derived_tier)}"
        runs += [NL(), Run(pointed, small=True, bold=True)]
    return runs


def _duties_by_date(w: Writer, ctx: DpiaContext) -> None:
    """Which AI Act duties concern the system, from when, and whether by the planned start."""
    _ = w._
    if not ctx.ai_duties:
        return
    w.para(Run(_("AI Act duties by date of application"), bold=True))
    rows: list[list[Cell]] = []
    for ds in ctx.ai_duties:
        a = ds.application
        since: list[Run] = [Run(w.t.date(a.applies_from))]
        if a.original:
            since += [NL(), Run(f"{_('originally')} {w.t.date(a.original)}", small=True)]
        rows.append([f"{_(a.label)} ({a.articles})", since, yesno(w, ds.by_start)])
    by = _("By the planned start") if ctx.start_planned else _("By the assessment date")
    by_start = f"{by} ({w.t.date(ctx.start)})"
    w.table([_("Duty"), _("Applies from"), by_start], rows)
    as_of = f"{_('Dates as reported on')} {w.t.date(ctx.ai_act_as_of)}; "
    w.para(Run(as_of + _("check the Official Journal before relying on a date."), small=True))
