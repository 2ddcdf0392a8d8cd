"""The DPIA report's management summary (`--doc dpia`), following the summary section of
templates/shared/dpia.html.j2 row by row: every row reads a decision the context made."""

from __future__ import annotations

import dataclasses

from dpia.context.dpia import DpiaContext
from dpia.docx.parts import alert, level
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import NL, Cell, Writer
from dpia.model.enums import ConsentBy
from dpia.rules.decision import Art36


def summary(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _ = w._
    w.heading(_("Management summary"), 1)
    prose.write(w, "summary_intro")
    conflict_alert(w, ctx)
    # The decision and the DPO's advice first: what the board signs, and who advised what.
    rows: list[tuple[str, Cell]] = [
        *(
            [(_("What is assessed"), w.answer_runs(ctx.summary_processing))]
            if ctx.summary_processing
            else []
        ),
        (_("Decision"), _decision(w, ctx)),
        (_("The DPO's advice"), _dpo(w, ctx)),
        (_("Screening"), _screening(w, ctx)),
        (_("Risks by residual level"), _counts(w, ctx)),
        (_("Highest residual risk"), _highest(w, ctx)),
        (_("Jurisdiction"), _jurisdiction(w, ctx)),
        (_("Prior consultation (Art. 36)"), _prior(w, ctx)),
        (_("Consent (Art. 6(1)(a))"), _consent(w, ctx)),
        (_("Alternatives considered"), _alternatives(w, ctx)),
    ]
    if ctx.ai_chapter:  # an AI system within the AI Act (the chapter's condition too)
        rows.append((_("AI Act"), _ai_act(w, ctx)))
    rows.append((_("Open measures"), _open(w, ctx)))
    w.facts(rows)
    w.heading(_("Findings that need attention"), 2)
    errors = ctx.summary_errors
    if errors.shown:
        found = [[Run(f.finding.text(w.t.gettext))] for f in errors.shown]
        if errors.more:
            found.append([Run(_("… and more in the annex"))])
        w.items(found)
    else:
        w.para(_no_errors(w, ctx.warnings))


def conflict_alert(w: Writer, ctx: DpiaContext) -> None:
    """The decision's conflicts with the findings, if any (on the summary and at the decision)."""
    if ctx.conflicts:
        entries = [[Run(f.finding.text(w.t.gettext))] for f in ctx.conflicts]
        alert(w, w._("The decision conflicts with this assessment"), entries)


def _no_errors(w: Writer, warnings: int) -> str:
    if warnings:
        return w.t.ngettext(
            "There are no errors; %(num)d warning is listed in the annex.",
            "There are no errors; %(num)d warnings are listed in the annex.",
            warnings,
        ) % {"num": warnings}
    return w._(
        "There are no errors or warnings: the answers meet every check this assessment makes."
    )


def _screening(w: Writer, ctx: DpiaContext) -> list[Run]:
    _, sc = w._, ctx.screening
    runs = [Run(w.t.label(sc.verdict), bold=True)]
    if not sc.complete:
        runs.append(Run(f" ({_('screening incomplete')})", gap=True))
    counted = f"{_('EDPB criteria that apply')}: {len(sc.edpb_applying)} / {len(sc.edpb)} · "
    if sc.national_list:
        ap = f"{len(sc.ap_applying)} / {len(sc.ap_list)}"
        counted += f"{_('AP-list categories that apply')}: {ap}"
    else:
        counted += _("no national DPIA list encoded")
    return [*runs, NL(), Run(counted, small=True)]


def _counts(w: Writer, ctx: DpiaContext) -> list[Run]:
    runs: list[Run] = []
    for i, lvl in enumerate(reversed(list(ctx.residual_counts))):  # the levels the PDF shows
        runs += [*([Run(" · ")] if i else []), level(w, lvl), Run(f" {ctx.residual_counts[lvl]}")]
    return runs


def _highest(w: Writer, ctx: DpiaContext) -> list[Run]:
    if not ctx.highest_risks:
        return [Run(w._("All residual risks are low") if ctx.risks else w._("No risks recorded"))]
    runs: list[Run] = []
    for i, h in enumerate(ctx.highest_risks):
        runs += [*([NL()] if i else []), Run(h.risk.id + " "), *w.answer_runs(h.risk.title)]
        runs += [Run(" "), level(w, h.residual)]
    return runs


def _jurisdiction(w: Writer, ctx: DpiaContext) -> list[Run]:
    """The controller's country, its supervisory authority and age of digital consent, and
    the national DPIA list the screening used, with the date of the reference data."""
    _, seat = w._, ctx.seat
    authority = seat.authority or _("not encoded for this country")
    dpia_list = (
        _(seat.dpia_list)
        if seat.dpia_list
        else _("none encoded; screened on the EDPB criteria only")
    )
    main = (
        f"{w.t.country(seat.country)} · {_('Supervisory authority')}: {authority} · "
        f"{_('Age of digital consent')}: {seat.consent_age}"
    )
    small = (
        f"{_('National DPIA list')}: {dpia_list} · "
        f"{_('Reference data of this tool as of')} {w.t.date(seat.as_of)}"
    )
    return [Run(main), NL(), Run(small, small=True)]


def _prior(w: Writer, ctx: DpiaContext) -> list[Run]:
    """The same three states as the PDF's summary (dpia.rules.decision.art36)."""
    _ = w._
    if ctx.art36.state is Art36.required:
        filed = Run(_("filed")) if ctx.art36.filed else Run(_("not filed"), bold=True)
        required = Run(_("Required (Art. 36): a high residual risk remains"), bold=True)
        return [required, Run(" · "), filed]
    if ctx.art36.state is Art36.moot:
        moot = _("Not needed while the decision is not to proceed; proceeding would need it")
        return [Run(f"{moot} ({', '.join(ctx.art36.high)})")]
    return [Run(_("Not required: no high residual risk remains"))]


def _consent(w: Writer, ctx: DpiaContext) -> list[Run]:
    """Per purpose relying on consent: who gives it, and whether it can be freely given."""
    _ = w._
    runs: list[Run] = []
    for i, cl in enumerate(ctx.consent):
        runs += [*([NL()] if i else []), Run(f"{cl.purpose} (")]
        runs += [*w.answer_runs(ctx.purpose_names[cl.purpose]), Run("): ")]
        if cl.by is ConsentBy.both:
            runs.append(Run(_("a parent below %(age)s, the person from %(age)s") % {"age": cl.age}))
        else:
            runs.append(Run(w.t.label(cl.by)) if cl.by else w.gap_run())
        runs.append(Run(" · "))
        if cl.holds:
            runs.append(Run(_("can be freely given")))
        else:
            runs.append(Run(_("not freely given: no genuine alternative"), bold=True))
    return runs or [Run(_("not relied on"))]


def _alternatives(w: Writer, ctx: DpiaContext) -> list[Run]:
    runs: list[Run] = []
    for i, alt in enumerate(ctx.q.lawfulness.alternatives):
        runs += [*([Run("; ")] if i else []), *w.answer_runs(alt.what)]
        runs.append(Run(f" ({w.t.label(alt.outcome)})"))
    if runs:
        return runs
    if ctx.q.lawfulness.subsidiarity:
        return [Run(w._("described under subsidiarity, not assessed one by one"))]
    return [Run(w._("none recorded"))]


def _ai_act(w: Writer, ctx: DpiaContext) -> list[Run]:
    """The tier typed in, the tier the answers point to when they differ, and the AI Act's
    duties with the date each applies from."""
    _, ai = w._, ctx.q.ai
    if ai is None:
        return [w.gap_run()]
    runs = [Run(w.t.label(ai.risk_tier))]
    if ctx.tier_contradiction and ctx.derived_tier is not None:
        pointed = f" · {_('The answers point to')}: {w.t.label(ctx.derived_tier)}"
        runs.append(Run(pointed, bold=True))
    for ds in ctx.ai_duties:
        since = w.t.date(ds.application.applies_from)
        when = f"{_(ds.application.label)}: {_('applies from')} {since}"
        if ds.by_start:
            by = (
                _("in force at the planned start")
                if ctx.start_planned
                else _("in force on the assessment date")
            )
            when += f" ({by})"
        runs += [NL(), Run(when, small=True)]
    if not ctx.start_planned:
        unplanned = _("No planned start given: the duties are compared with the assessment date")
        runs += [NL(), Run(unplanned, small=True, gap=True)]
    return runs


def _open(w: Writer, ctx: DpiaContext) -> list[Run]:
    runs = [Run(f"{len(ctx.open_measures)} / {len(ctx.measures)}")]
    for m in ctx.summary_measures.shown:
        due = f", {w.t.date(m.due)}" if m.due else ""
        runs += [
            NL(),
            Run(f"{m.id} ", small=True),
            *[Run(r.text, small=True, lang=r.lang) for r in w.answer_runs(m.title)],
            Run(f" ({w.t.label(m.status)}{due})", small=True),
        ]
    if ctx.summary_measures.more:
        runs += [NL(), Run("…", small=True)]
    return runs


def _dpo(w: Writer, ctx: DpiaContext) -> list[Run]:
    advice = ctx.q.consultation.dpo_advice
    if advice is None or ctx.dpo_advice_short is None:
        return [w.gap_run()]
    runs = [Run(w._("followed"))] if advice.followed else [Run(w._("not followed"), bold=True)]
    if not advice.followed and advice.overruled_by:
        runs.append(Run(f" · {w._('overruled by')} {advice.overruled_by}"))
    runs += [Run(f" · {w.t.date(advice.date)}"), NL()]
    return [
        *runs,
        *[dataclasses.replace(r, small=True) for r in w.answer_runs(ctx.dpo_advice_short)],
    ]


def _decision(w: Writer, ctx: DpiaContext) -> list[Run]:
    q = ctx.q
    decision = q.consultation.decision
    runs = [Run(w.t.label(decision.outcome), bold=True)] if decision else [w.gap_run()]
    if decision and decision.conditions:
        runs += [NL(), *w.answer_runs(decision.conditions)]
    if q.meta.planned_start:
        runs += [NL(), Run(f"{w._('Planned start')}: {w.t.date(q.meta.planned_start)}", small=True)]
    return runs
