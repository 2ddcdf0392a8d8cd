"""The DPIA report (`--doc dpia`), following templates/shared/dpia.html.j2 section by section."""

from __future__ import annotations

from dataclasses import replace

from dpia.context.dpia import DpiaContext
from dpia.docx.heatmap import png, trajectory_png
from dpia.docx.parts import equality_table, joined, level, provenance, screening_tables, yesno
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import DASH, NL, TIMES, Cell, Writer
from dpia.load import Severity, field_path
from dpia.model.enums import Level, RiskLevel
from dpia.rules.decision import Art36
from dpia.rules.risk import MATRIX


def write(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
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


def summary(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _, c = w._, ctx.q.consultation
    w.heading(_("Management summary"), 1)
    prose.write(w, "summary_intro")
    sc = ctx.screening
    screening: list[Run] = [Run(w.t.label(sc.verdict), bold=True)]
    if not sc.complete:
        screening.append(Run(f" ({_('screening incomplete')})", gap=True))
    screening += [
        NL(),
        Run(
            f"{_('EDPB criteria that apply')}: {len(sc.edpb_applying)} / {len(sc.edpb)} · "
            f"{_('AP-list categories that apply')}: {len(sc.ap_applying)} / {len(sc.ap_list)}",
            small=True,
        ),
    ]
    counts: list[Run] = []
    for i, lvl in enumerate(reversed(list(ctx.residual_counts))):  # the levels the PDF shows
        counts += [*([Run(" · ")] if i else []), level(w, lvl), Run(f" {ctx.residual_counts[lvl]}")]
    if ctx.highest:
        h = ctx.highest
        highest: list[Run] = [
            Run(h.risk.id + " "),
            *w.answer_runs(h.risk.title),
            Run(" "),
            level(w, h.residual),
        ]
    else:
        highest = [Run(_("No risks recorded"))]
    # The same three states as the PDF's summary (dpia.rules.decision.art36).
    prior: list[Run] = [Run(_("Not required: no high residual risk remains"))]
    if ctx.art36.state is Art36.required:
        filed = Run(_("filed")) if ctx.art36.filed else Run(_("not filed"), bold=True)
        prior = [
            Run(_("Required (Art. 36): a high residual risk remains"), bold=True),
            Run(" · "),
            filed,
        ]
    elif ctx.art36.state is Art36.moot:
        moot = _("Not needed while the decision is not to proceed; proceeding would need it")
        prior = [Run(f"{moot} ({', '.join(ctx.art36.high)})")]
    open_runs: list[Run] = [Run(f"{len(ctx.open_measures)} / {len(ctx.measures)}")]
    for m in ctx.summary_measures.shown:
        due = f", {w.t.date(m.due)}" if m.due else ""
        open_runs += [
            NL(),
            Run(f"{m.id} ", small=True),
            *[Run(r.text, small=True, lang=r.lang) for r in w.answer_runs(m.title)],
            Run(f" ({w.t.label(m.status)}{due})", small=True),
        ]
    if ctx.summary_measures.more:
        open_runs += [NL(), Run("…", small=True)]
    if c.decision:
        decision: list[Run] = [Run(w.t.label(c.decision.outcome), bold=True)]
        if c.decision.conditions:
            decision += [NL(), *w.answer_runs(c.decision.conditions)]
    else:
        decision = [w.gap_run()]
    w.facts(
        [
            (_("Screening"), screening),
            (_("Risks by residual level"), counts),
            (_("Highest residual risk"), highest),
            (_("Prior consultation (Art. 36)"), prior),
            (_("Open measures"), open_runs),
            (_("Decision"), decision),
        ]
    )
    w.heading(_("Findings that need attention"), 2)
    errors = ctx.summary_errors
    if errors.shown:
        entries = [[Run(f.finding.text(w.t.gettext))] for f in errors.shown]
        if errors.more:
            entries.append([Run(_("… and more in the annex"))])
        w.items(entries)
    else:
        w.para(f"{_('No findings with severity error.')} {_('Warnings')}: {ctx.warnings}.")


def _screening(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    w.heading(w._("Screening: is a DPIA required?"), 1)
    prose.write(w, "screening_intro")
    w.para(Run(w.t.label(ctx.screening.verdict), bold=True))
    screening_tables(w, ctx.screening.edpb, ctx.screening.ap_list)


def _numbered(w: Writer, number: int, title: str) -> None:
    w.heading(f"{number}  {title}", 2)


def part_a(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _, d = w._, ctx.q.description
    w.heading(_("Part A: Description of the processing"), 1)
    prose.write(w, "part_a_intro")
    _numbered(w, 1, _("Proposal"))
    w.answer(d.proposal)
    _numbered(w, 2, _("Personal data"))
    w.heading(_("Data subjects"), 3)
    if d.data_subjects:
        rows: list[list[Cell]] = []
        for s in d.data_subjects:
            minors = [yesno(w, s.minors)]
            if s.age_range:
                minors.append(Run(f" ({s.age_range.min}{DASH}{s.age_range.max})"))
            vulnerable = [yesno(w, s.vulnerable)]
            if s.vulnerability:
                vulnerable += [NL(), *w.answer_runs(s.vulnerability)]
            number: Cell = None
            if s.approximate_number is not None:
                number = w.t.number(s.approximate_number)
            rows.append([s.id, w.answer_runs(s.category), minors, vulnerable, number])
        w.table([_("Id"), _("Category"), _("Minors"), _("Vulnerable"), _("Number")], rows)
    else:
        w.para(w.gap_run())
    w.heading(_("Categories of personal data"), 3)
    if d.personal_data:
        rows = []
        for p in d.personal_data:
            data_name = w.answer_runs(p.name)
            if p.subjects:
                data_name += [
                    NL(),
                    Run(f"{_('Data subjects')}: {', '.join(p.subjects)}", small=True),
                ]
            kind = w.t.label(p.kind)
            detail = p.special_category or p.national_id
            if detail:
                kind += f": {w.t.label(detail)}"
            rows.append(
                [p.id, data_name, kind, w.answer_runs(p.source), w.answer_runs(p.retention)]
            )
        w.table([_("Id"), _("Data"), _("Kind"), _("Source"), _("Retention")], rows)
    else:
        w.para(w.gap_run())
    _numbered(w, 3, _("Processing operations"))
    _id_list(w, [(o.id, o.description) for o in d.operations])
    _numbered(w, 4, _("Techniques and methods"))
    w.answer(d.techniques)
    if d.ai_system:
        system = d.ai_system
        w.para(Run(_("AI system"), bold=True))
        facts: list[tuple[str, Cell]] = [
            (_("Name"), system.name),
            (_("Vendor"), system.vendor),
            (_("Model"), system.model),
            (_("Service"), w.t.label(system.service)),
            (_("Inputs train the model"), yesno(w, system.inputs_train_model)),
            (_("AI tool picker"), w.t.label(system.tool_picker)),
        ]
        if system.description:
            facts.append((_("What it does"), w.answer_runs(system.description)))
        w.facts(facts)
    _numbered(w, 5, _("Purposes"))
    _id_list(w, [(p.id, p.description) for p in d.purposes])
    _numbered(w, 6, _("Parties involved"))
    if d.parties:
        rows = []
        for party in d.parties:
            name: list[Run] = [Run(party.name)]
            if party.description:
                name += [NL(), *w.answer_runs(party.description)]
            rows.append(
                [
                    name,
                    w.t.label(party.role),
                    party.country,
                    yesno(w, party.agreement) if party in ctx.processors else DASH,
                ]
            )
        w.table([_("Party"), _("Role"), _("Country"), _("Processor agreement")], rows)
    else:
        w.para(w.gap_run())
    _numbered(w, 7, _("Interests in the processing"))
    w.answer(d.interests)
    _numbered(w, 8, _("Processing locations and transfers"))
    if d.locations:
        rows = [
            [
                loc.country,
                w.answer_runs(loc.description),
                w.t.label(loc.mechanism),
                yesno(w, loc.tia_done),
            ]
            for loc in d.locations
        ]
        headers = [
            _("Country"),
            _("What happens there"),
            _("Transfer mechanism"),
            _("Transfer impact assessment"),
        ]
        w.table(headers, rows)
    else:
        w.para(w.gap_run())
    _numbered(w, 9, _("Legal and policy framework"))
    w.answer(d.legal_framework)
    _numbered(w, 10, _("Retention periods"))
    w.answer(d.retention)


def _id_list(w: Writer, entries: list) -> None:  # type: ignore[type-arg]
    if entries:
        w.items([[Run(i, bold=True), Run(" "), *w.answer_runs(text)] for i, text in entries])
    else:
        w.para(w.gap_run())


def part_b(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _, b = w._, ctx.q.lawfulness
    w.heading(_("Part B: Lawfulness"), 1)
    prose.write(w, "part_b_intro")
    _numbered(w, 11, _("Lawful basis"))
    if b.lawful_bases:
        rows: list[list[Cell]] = []
        for lb in b.lawful_bases:
            basis: list[Run] = [Run(w.t.label(lb.basis))]
            if lb.legal_provision:
                basis += [
                    NL(),
                    *(replace(r, small=True) for r in w.answer_runs(lb.legal_provision)),
                ]
            if lb.consent_by:
                basis += [
                    NL(),
                    Run(f"{_('Consent given by')}: {w.t.label(lb.consent_by)}", small=True),
                ]
            rows.append([lb.purpose, basis, w.answer_runs(lb.justification)])
        w.table([_("Purpose"), _("Lawful basis"), _("Justification")], rows)
    else:
        w.para(w.gap_run())
    _numbered(w, 12, _("Special categories, criminal data and national identification numbers"))
    if b.special_categories:
        w.table(
            [_("Special category"), _("Exception (Art. 9(2))"), _("Justification")],
            [
                [w.t.label(s.category), w.t.label(s.exception), w.answer_runs(s.justification)]
                for s in b.special_categories
            ],
        )
    else:
        w.para(_("No special categories of personal data are recorded."))
    w.qa(_("Criminal-offence data"), b.criminal_data)
    w.qa(_("National identification numbers"), b.national_identifiers)
    _numbered(w, 13, _("Purpose limitation"))
    w.answer(b.purpose_limitation)
    _numbered(w, 14, _("Necessity and proportionality"))
    prose.write(w, "necessity_intro")
    w.qa(_("Necessity"), b.necessity)
    w.qa(_("Proportionality"), b.proportionality)
    w.qa(_("Subsidiarity: less intrusive alternatives"), b.subsidiarity)
    w.qa(_("Data minimisation"), b.minimisation)
    w.qa(_("Accuracy"), b.accuracy)
    _numbered(w, 15, _("Rights of data subjects"))
    # The rights in the Rijksmodel's order, with a statutory restriction where one is recorded;
    # "clear information" falls back on how people are informed, as in the PDF.
    rows = []
    for right in ctx.rights_order:
        answer = getattr(b.rights, right.value)
        if right.value == "information" and answer is None:
            answer = b.transparency.how_informed
        limits = [r.basis for r in b.rights.restrictions if r.right is right]
        restriction = w.answer_runs(limits[0]) if limits else [Run(_("none"))]
        for more in limits[1:]:
            restriction += [Run("; "), *w.answer_runs(more)]
        rows.append([w.t.label(right), w.answer_runs(answer), restriction])
    w.table([_("Right"), _("How it is honoured"), _("Statutory restriction")], rows)
    tr = b.transparency
    w.qa(_("How people are informed"), tr.how_informed)
    w.para(
        f"{_('Privacy statement covers this processing')}: ", yesno(w, tr.privacy_statement_updated)
    )
    w.qa(_("Must people give the data, and what if they do not (Art. 13(2)(e))"), tr.must_provide)
    if tr.further_purposes:
        w.qa(_("Planned use for another purpose (Art. 13(3))"), tr.further_purposes)


def part_c(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _ = w._
    w.heading(_("Part C: Risks"), 1)
    _numbered(w, 16, _("Risk register"))
    prose.write(w, "part_c_intro")
    if not ctx.risks:
        w.para(w.gap_run())
        return
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
    _numbered(w, 17, _("Measures plan"))
    prose.write(w, "part_d_intro")
    if not ctx.measures:
        w.para(w.gap_run())
        return
    rows: list[list[Cell]] = []
    for m in ctx.measures.values():
        title: list[Run] = [Run(x.text, bold=True, lang=x.lang) for x in w.answer_runs(m.title)]
        title += provenance(w, ctx, f"measures.{m.id}")
        if m.description:
            title += [NL(), *w.answer_runs(m.description)]
        risks = ", ".join(ctx.risks_by_measure.get(m.id, [])) or DASH
        rows.append(
            [
                m.id,
                title,
                w.t.label(m.kind),
                w.t.label(m.status),
                w.answer_runs(m.owner) if m.owner else None,
                w.t.date(m.due) if m.due else DASH,
                risks,
            ]
        )
    headers = [_("Id"), _("Measure"), _("Kind"), _("Status"), _("Owner"), _("Due"), _("Risks")]
    w.table(headers, rows, widths=[0.07, 0.37, 0.13, 0.11, 0.13, 0.11, 0.08])


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
            (_("Risk tier"), w.t.label(a.risk_tier)),
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
    w.qa(_("Transparency to users (Art. 50)"), a.transparency)
    w.qa(_("AI literacy (Art. 4)"), a.literacy)
    w.qa(_("Sustainability and energy use"), a.sustainability)
    w.qa(_("Keeping the skills to work without the tool"), a.skills_retained)


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


def consultation(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _, c = w._, ctx.q.consultation
    w.heading(_("Consultation and decision"), 1)
    prose.write(w, "consultation_intro")
    w.heading(_("Advice of the data protection officer"), 2)
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
    w.para(text, *planned)
    w.heading(_("Decision"), 2)
    if c.decision:
        w.para(Run(w.t.label(c.decision.outcome), bold=True))
        if c.decision.conditions:
            w.qa(_("Conditions"), c.decision.conditions)
        w.qa(_("Rationale"), c.decision.rationale)
    else:
        w.para(w.gap_run())
    w.heading(_("Sign-off"), 2)
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
    if ctx.findings:
        rows: list[list[Cell]] = []
        for f in ctx.findings:
            severity = _("error") if f.where.severity is Severity.error else _("warning")
            place = [
                Run(f.where.field or ""),
                NL(),
                Run(f"{f.finding.code} · {_('line')} {f.where.pos.line}", small=True),
            ]
            rows.append([severity, f.finding.text(w.t.gettext), place])
        w.table([_("Severity"), _("Finding"), _("Field")], rows)
    else:
        w.para(_("No findings."))
    w.heading(_("Unanswered questions"), 2)
    if ctx.gaps:
        w.items([[Run(field_path(g))] for g in ctx.gaps])
    else:
        w.para(_("Every question has been answered."))


def _label(w: Writer, member: Level | None) -> str:
    return w.t.label(member) if member is not None else "—"
