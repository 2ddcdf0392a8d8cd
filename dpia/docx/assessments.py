"""The pre-scan (`--doc screening`) and the equality impact assessment (`--doc equality`),
following templates/shared/screening.html.j2 and equality.html.j2."""

from __future__ import annotations

from dpia.context.equality import EqualityContext
from dpia.context.prescan import PrescanContext
from dpia.docx.parts import equality_table, joined, no_national_list
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import Cell, Writer


def screening(w: Writer, ctx: PrescanContext, prose: Prose) -> None:
    _, sc = w._, ctx.screening
    w.heading(_("Outcome of the pre-scan"), 1)
    w.para(Run(w.t.label(sc.verdict), bold=True))
    prose.write(w, "verdict_explained")
    if ctx.prohibited:
        practices = "; ".join(w.t.label(p) for p in ctx.prohibited)
        banned = _(
            "prohibited by AI Act Art. 5 since %(date)s. No assessment can make it lawful: switch"
            " it off or remove it before the processing starts."
        ) % {"date": w.t.date(ctx.prohibited_since)}
        w.para(Run(_("Prohibited AI practice in scope"), bold=True, gap=True))
        w.para(f"{practices}: {banned}")
    if ctx.provisional:
        w.para(
            Run(
                _(
                    "This outcome is provisional: questions that are not answered yet could still"
                    " make a DPIA required."
                ),
                gap=True,
            )
        )
    if ctx.reasons:
        w.para(f"{_('Because')}: {'; '.join(_(r) for r in ctx.reasons)}.")
    if sc.new_legislation:
        w.para(_("The processing follows from new legislation or regulation."))
    if not sc.national_list:
        w.para(no_national_list(w))
    if not sc.complete:
        w.para(
            Run(
                f"{_('Not every screening question has been answered yet')}: {len(sc.unanswered)}.",
                gap=True,
            )
        )
    w.heading(_("What applies"), 2)
    for title, items in ctx.applying:  # the lists the context names (no AP list abroad)
        w.para(Run(f"{_(title)}: {len(items)}", bold=True)).paragraph_format.keep_with_next = True
        if items:
            w.table(
                [_("Criterion"), _("Reason")],
                [[w.t.label(i.key), w.answer_runs(i.reason)] for i in items],
            )
        else:
            w.para(_("None"))
    if ctx.score_total is not None:  # the Rijksmodel's score counts for a Dutch controller
        total = str(ctx.score_total)
        if ctx.score_lower_bound:  # unanswered parts count 0: the total is a lower bound
            total = _("at least %(n)s") % {"n": total}
        score = f"{_('Risk score of the Rijksmodel pre-scan')}: {total}"
        above = f"({_('a DPIA is required above')} {ctx.threshold})"
        w.para(Run(f"{score} {above}", bold=True)).paragraph_format.keep_with_next = True
        parts: list[list[Cell]] = [
            [_(title), str(points) if points is not None else Run(_("not answered"), gap=True)]
            for title, points in ctx.score_parts
        ]
        w.table([_("Counts"), _("Points")], parts)
    w.heading(_("Further assessments"), 2)
    rows: list[tuple[str, Cell]] = []
    for row in ctx.assessments:  # as the rules advise them (dpia.rules.follow_up)
        status = _(row.status) % {"date": w.t.date(row.date)} if row.date else _(row.status)
        strong = row.tone in ("bad", "strong")
        rows.append((_(row.title), Run(status, bold=strong, gap=row.tone in ("bad", "gap"))))
    w.facts(rows)
    if ctx.transfer.beyond_rijksmodel:
        advice = _(
            "The Rijksmodel pre-scan asks for a transfer impact assessment (DTIA) only for"
            " standard contractual clauses and other mechanisms. This pre-scan also requires one"
            " for"
        )
        mechanisms = "; ".join(w.t.label(m) for m in ctx.transfer.beyond_rijksmodel)
        edpb = _(
            "EDPB Recommendations 01/2020 ask the exporter to assess the third country for every"
            " transfer tool of Art. 46, these included."
        )
        w.para(Run(f"{advice}: {mechanisms}. {edpb}", small=True))
    w.heading(_("Next steps"), 2)
    prose.write(w, "next_steps")


def equality_title(w: Writer, ctx: EqualityContext) -> tuple[list[Run], list[Run]]:
    """The cover names the processing, not the DPIA (which the subtitle names), as the HTML's
    cover_title block: "Equality impact assessment: <processing>"."""
    _, q = w._, ctx.q
    if ctx.processing_title:
        named = w.answer_runs(ctx.processing_title)
    elif ctx.system_name:
        named = [Run(ctx.system_name)]
    else:
        named = w.answer_runs(q.meta.title)
    subject = [Run(f"{_('For the assessment')}: "), *w.answer_runs(q.meta.title)]
    return [Run(f"{_('Equality impact assessment')}: "), *named], subject


def equality(w: Writer, ctx: EqualityContext, prose: Prose) -> None:
    _, q, eq = w._, ctx.q, ctx.q.equality
    s = q.description.ai_system
    w.heading(_("Purpose of this assessment"), 1)
    prose.write(w, "purpose")
    facts: list[tuple[str, Cell]] = [(_("What is assessed"), w.answer_runs(q.description.proposal))]
    if s:
        facts.append((_("AI system"), f"{s.name} ({s.vendor})"))
    who = [
        [
            *w.answer_runs(ds.category),
            *([Run(f" ({_('vulnerable')})", small=True)] if ds.vulnerable else []),
        ]
        for ds in q.description.data_subjects
    ]
    facts += [
        (_("Who is affected"), joined(w, who) if who else None),
        (
            _("Expected negative impact"),
            joined(w, [[Run(_(c))] for c in ctx.negative_names], ", "),
        ),
        (
            _("Not yet assessed or unknown"),
            joined(w, [[Run(_(c), gap=True)] for c in ctx.unassessed_names], ", "),
        ),
    ]
    w.facts(facts)
    w.heading(_("Impact per protected characteristic"), 1)
    prose.write(w, "characteristics_intro")
    equality_table(
        w,
        eq.characteristics,
        ctx.mitigation_expected,
        ctx.frame.mapped_beside,
        ctx.dutch_grounds_lead,
    )
    w.heading(_("Bias and accessibility of the system"), 1)
    w.qa(_("Bias in the tool"), eq.bias)
    w.qa(_("Accessibility"), eq.accessibility)
    w.heading(_("The three aims of the equality duty"), 1)
    prose.write(w, "duty_intro")
    w.qa(
        _("Eliminating discrimination, harassment and victimisation"),
        eq.psed.eliminate_discrimination,
    )
    w.qa(_("Advancing equality of opportunity"), eq.psed.advance_equality_of_opportunity)
    w.qa(_("Fostering good relations"), eq.psed.foster_good_relations)
    w.heading(_("Conclusion and actions"), 1)
    w.qa(_("Conclusion"), eq.conclusion)
    w.heading(_("Actions"), 2)
    if eq.actions:
        w.items([w.answer_runs(a) for a in eq.actions], numbered=True)
    else:
        w.para(w.gap_run())
