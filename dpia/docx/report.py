"""The DPIA report (`--doc dpia`), following templates/shared/dpia.html.j2 section by section."""

from __future__ import annotations

from dpia.context.dpia import DpiaContext
from dpia.docx.about import about
from dpia.docx.ai_act import ai
from dpia.docx.closing import annex, consultation
from dpia.docx.heatmap import png, trajectory_png
from dpia.docx.part_a import part_a
from dpia.docx.part_b import part_b
from dpia.docx.parts import (
    data_names,
    equality_table,
    heat_notes,
    joined,
    level,
    note,
    numbered,
    provenance,
    screening_tables,
    small,
)
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.summary import summary
from dpia.docx.writer import DASH, NL, TIMES, Cell, Writer
from dpia.model.enums import Level, RiskLevel
from dpia.rules.risk import MATRIX


def write(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    about(w, ctx)  # on the contents page, as the PDF
    summary(w, ctx, prose)
    _screening(w, ctx, prose)
    part_a(w, ctx, prose)
    part_b(w, ctx, prose)
    part_c(w, ctx, prose)
    part_d(w, ctx, prose)
    if ctx.ai_chapter:  # no AI system, or one outside the AI Act: no chapter (as the PDF)
        ai(w, ctx, prose)
    equality(w, ctx, prose)
    security(w, ctx, prose)
    consultation(w, ctx, prose)
    annex(w, ctx, prose)


def _screening(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    w.heading(w._("Screening: is a DPIA required?"), 1)
    prose.write(w, "screening_intro")
    w.para(Run(w.t.label(ctx.screening.verdict), bold=True))
    screening_tables(w, ctx.screening.edpb, ctx.screening.ap_list)


def part_c(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _ = w._
    w.heading(_("Part C: Risks"), 1)
    numbered(w, 16, _("Risk register"))
    prose.write(w, "part_c_intro")
    if ctx.risks:
        _risk_register(w, ctx)
    else:
        w.para(w.gap_run())
    note(w, ctx.q.notes.risks)


def _risk_register(w: Writer, ctx: DpiaContext) -> None:
    """The heat maps, the trajectory and the table of the risks with their levels."""
    _ = w._
    labels = {lvl: w.t.label(lvl) for lvl in Level}
    level_labels = {lvl: w.t.label(lvl) for lvl in RiskLevel}
    axis = (_("Severity"), _("Likelihood"))
    w.pictures(
        [
            (png(cells, MATRIX, labels, level_labels, axis), title)
            for cells, title in (
                (ctx.heat_inherent, _("Inherent risk (before measures)")),
                (ctx.heat_residual, _("Residual risk (after measures)")),
            )
        ],
        width_cm=7.8,
    )
    heat_notes(w, [ctx.heat_inherent, ctx.heat_residual])
    if ctx.trajectory:
        caption = _("Residual risks by level, per version (risk trajectory)")
        months = [w.t.month(bar.date) for bar in ctx.trajectory.bars]
        image = trajectory_png(ctx.trajectory, level_labels, months)
        w.pictures([(image, caption)], width_cm=12.0)
    rows: list[list[Cell]] = []
    for a in ctx.risks:
        r = a.risk
        risk: list[Run] = [*(Run(x.text, bold=True, lang=x.lang) for x in w.answer_runs(r.title))]
        risk += provenance(w, ctx, f"risks.{r.id}")
        source = [Run(" · "), *w.answer_runs(r.source)] if r.source else []
        risk += [NL(), Run(w.t.label(r.feared_event), small=True), *source]
        if r.description:
            risk += [NL(), *w.answer_runs(r.description)]
        if r.affected_rights:
            risk += [
                NL(),
                Run(f"{_('Rights affected')}: ", small=True),
                *joined(w, [w.answer_runs(x) for x in r.affected_rights]),
            ]
        if r.data:
            risk += [NL(), Run(f"{_('Data concerned')}: ", small=True)]
            risk += small(data_names(w, ctx, r.data))
        for label, because in (
            (_("Likelihood, because"), r.likelihood_motivation),
            (_("Impact, because"), r.impact_motivation),
        ):
            if because:
                risk += [NL(), Run(f"{label}: ", small=True), *w.answer_runs(because)]
        measures: Cell = ", ".join(r.measures) if r.measures else None
        residual: list[Run] = [level(w, a.residual), NL()]
        if a.residual_direct:  # a level given directly, with its motivation
            why = w.answer_runs(r.residual_motivation) if r.residual_motivation else []
            residual += why or [Run(_("rated directly"), small=True)]
        else:
            rating = f"{_label(w, r.residual_likelihood)}{TIMES}{_label(w, r.residual_severity)}"
            residual.append(Run(rating, small=True))
        inherent: Cell = (
            [Run(_("rated directly")), NL(), *w.answer_runs(r.level_motivation)]
            if a.direct and r.level_motivation
            else f"{_label(w, r.likelihood)}{TIMES}{_label(w, r.severity)}"
        )
        rows.append(
            [
                r.id,
                risk,
                inherent,
                [level(w, a.inherent)],
                measures,
                residual,
            ]
        )
    w.table(
        [
            _("Id"),
            _("Risk"),
            _("Likelihood \u00d7 severity"),
            _("Inherent"),
            _("Measures"),
            _("Residual"),
        ],
        rows,
        widths=[0.06, 0.42, 0.15, 0.12, 0.11, 0.14],
    )


def part_d(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _ = w._
    w.heading(_("Part D: Measures"), 1)
    numbered(w, 17, _("Measures plan"))
    prose.write(w, "part_d_intro")
    if ctx.measures:
        _measures(w, ctx)
    else:
        w.para(w.gap_run())
    note(w, ctx.q.notes.measures)


def _measures(w: Writer, ctx: DpiaContext) -> None:
    _ = w._
    rows: list[list[Cell]] = []
    for m in ctx.measures.values():
        title: list[Run] = [Run(x.text, bold=True, lang=x.lang) for x in w.answer_runs(m.title)]
        title += provenance(w, ctx, f"measures.{m.id}")
        if m.description:
            title += [NL(), *w.answer_runs(m.description)]
        risks = ", ".join(ctx.risks_by_measure.get(m.id, [])) or DASH
        owner = w.answer_runs(m.owner)
        if m.monitored_in:
            owner += [NL(), Run(f"{_('monitored in')} {m.monitored_in}", small=True)]
        rows.append(
            [
                m.id,
                title,
                w.t.label(m.kind),
                w.t.label(m.status),
                owner,
                w.t.date(m.due) if m.due else DASH,
                risks,
            ]
        )
    headers = [_("Id"), _("Measure"), _("Kind"), _("Status"), _("Owner"), _("Due"), _("Risks")]
    w.table(headers, rows, widths=[0.07, 0.37, 0.13, 0.11, 0.13, 0.11, 0.08])


def equality(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _, eq = w._, ctx.q.equality
    w.heading(_("Equality impact"), 1)
    prose.write(w, "equality_intro")
    equality_table(w, eq.characteristics, ctx.mitigation_expected)
    w.qa(_("Bias in the tool"), eq.bias)
    w.qa(_("Accessibility"), eq.accessibility)
    w.qa(_("Conclusion"), eq.conclusion)


def security(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _, sec = w._, ctx.q.security
    w.heading(_("Security"), 1)
    prose.write(w, "security_intro")
    controls = [
        ("encryption_in_transit", _("Encryption in transit")),
        ("encryption_at_rest", _("Encryption at rest")),
        ("access_control", _("Access control")),
        ("mfa", _("Multi-factor authentication")),
        ("logging", _("Logging")),
        ("pseudonymisation", _("Pseudonymisation")),
        ("backups", _("Backups")),
        ("breach_procedure", _("Data-breach procedure")),
    ]
    rows: list[list[Cell]] = []
    for key, title in controls:
        ctl = getattr(sec.controls, key)
        if ctl is None:
            rows.append([title, None, ""])
        else:
            rows.append([title, w.t.label(ctl.status), w.answer_runs(ctl.note) if ctl.note else ""])
    w.table([_("Measure"), _("Status"), _("Note")], rows)
    biv: list[Run] = [w.gap_run()]
    if sec.biv:
        biv = [
            Run(
                " / ".join(
                    w.t.label(x)
                    for x in (sec.biv.availability, sec.biv.integrity, sec.biv.confidentiality)
                )
            )
        ]
    w.para(f"{_('BIV rating (availability, integrity, confidentiality)')}: ", *biv)
    certs = Run(", ".join(sec.certifications)) if sec.certifications else w.gap_run()
    w.para(f"{_('Supplier certifications')}: ", certs)
    if sec.notes:
        w.answer(sec.notes)


def _label(w: Writer, member: Level | None) -> str:
    return w.t.label(member) if member is not None else "—"
