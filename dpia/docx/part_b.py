"""Part B of the DPIA report (`--doc dpia`), the Model DPIA Rijksdienst's points 11 to 15, as
in templates/shared/dpia.html.j2: lawful bases, special categories with the data, people and
operations concerned, purpose limitation with further processing, necessity and the rights of
data subjects, each point with its additional information where one is written."""

from __future__ import annotations

from dpia.context.dpia import DpiaContext
from dpia.context.operations import KindRow
from dpia.docx.parts import (
    data_names,
    detail,
    general,
    names,
    note,
    numbered,
    operations_or_all,
    provenance,
    small,
    yesno,
)
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import DASH, NL, Cell, Writer
from dpia.model.lawfulness import ConsentAlternative


def part_b(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _, n = w._, ctx.q.notes
    w.heading(_("Part B: Lawfulness"), 1)
    prose.write(w, "part_b_intro")
    numbered(w, 11, _("Lawful basis"))
    _bases(w, ctx)
    note(w, n.lawful_basis)
    numbered(w, 12, _("Special categories, criminal data and national identification numbers"))
    _special(w, ctx)
    note(w, n.special_categories)
    numbered(w, 13, _("Purpose limitation"))
    _purpose_limitation(w, ctx)
    note(w, n.purpose_limitation)
    numbered(w, 14, _("Necessity and proportionality"))
    prose.write(w, "necessity_intro")
    _necessity(w, ctx)
    numbered(w, 15, _("Rights of data subjects"))
    _rights(w, ctx)


def _alternative(w: Writer, label: str, alt: ConsentAlternative | None) -> list[Run]:
    """What is offered to those who do not consent, and whether refusing costs them nothing."""
    if alt is None:
        return []
    return [
        NL(),
        Run(f"{label}: ", small=True),
        *w.answer_runs(alt.description),
        Run(f" ({w._('without detriment')}: ", small=True),
        yesno(w, alt.without_detriment),
        Run(")", small=True),
    ]


def _bases(w: Writer, ctx: DpiaContext) -> None:
    _, b = w._, ctx.q.lawfulness
    if not b.lawful_bases:
        w.para(w.gap_run())
        return
    rows: list[list[Cell]] = []
    for lb in b.lawful_bases:
        basis: list[Run] = [Run(w.t.label(lb.basis))]
        if lb.legal_provision:
            basis += [NL(), *small(w.answer_runs(lb.legal_provision))]
        if lb.consent_by:
            basis += [NL(), Run(f"{_('Consent given by')}: {w.t.label(lb.consent_by)}", small=True)]
        basis += _alternative(w, _("Alternative for those who do not consent"), lb.alternative)
        purpose = [Run(lb.purpose), *provenance(w, ctx, f"lawfulness.lawful_bases.{lb.id}")]
        if lb.operations:
            purpose += [NL(), Run(", ".join(lb.operations), small=True)]
        rows.append([purpose, basis, w.answer_runs(lb.justification)])
    w.table([_("Purpose"), _("Lawful basis"), _("Justification")], rows)


def _kind_details(w: Writer, ctx: DpiaContext, row: KindRow) -> list[Run]:
    """Rijksmodel 12: which data, of whom, in which operations a special kind of data is
    processed."""
    _ = w._
    runs: list[Run] = []
    if row.data:
        data: list[Run] = []
        for i, c in enumerate(row.data):
            data += [*([Run("; ")] if i else []), *w.answer_runs(c.name)]
        runs += detail(_("Personal data"), data)
    if row.subjects:
        runs += detail(_("Data subjects"), names(w, ctx, [s.id for s in row.subjects]))
    return runs + detail(_("Operations"), [Run(operations_or_all(w, row.operations))])


def _special(w: Writer, ctx: DpiaContext) -> None:
    _, b = w._, ctx.q.lawfulness
    if b.special_categories:
        special: list[list[Cell]] = []
        for s, kind_row in zip(b.special_categories, ctx.special_rows, strict=True):
            category: list[Run] = [Run(w.t.label(s.category))]
            category += provenance(w, ctx, f"lawfulness.special_categories.{s.id}")
            category += _kind_details(w, ctx, kind_row)
            if s.biometric_need:
                need = f"{_('Why identification is needed')}: {w.t.label(s.biometric_need)}"
                category += [NL(), Run(need, small=True)]
            exception = [Run(w.t.label(s.exception))]
            exception += _alternative(w, _("Alternative for those who refuse"), s.alternative)
            special.append([category, exception, w.answer_runs(s.justification)])
        headers = [_("Special category"), _("Exception (Art. 9(2))"), _("Justification")]
        w.table(headers, special)
    else:
        w.para(_("No special categories of personal data are recorded."))
    for label, answer, row in (
        (_("Criminal-offence data"), b.criminal_data, ctx.criminal_row),
        (_("National identification numbers"), b.national_identifiers, ctx.national_id_row),
    ):
        w.qa(label, answer)
        if row is not None:  # the details as lines of small print below the answer
            line: list[Run] = []
            for run in [*_kind_details(w, ctx, row), NL()][1:]:
                if run.text == "\n":
                    w.para(*line, style="Body Text")
                    line = []
                else:
                    line.append(run)


def _purpose_limitation(w: Writer, ctx: DpiaContext) -> None:
    _, b = w._, ctx.q.lawfulness
    general(w, b.purpose_limitation, list(b.further_processing))
    if not b.further_processing:
        return
    rows: list[list[Cell]] = []
    for f in b.further_processing:
        purpose = w.answer_runs(f.purpose)
        if f.operations:
            purpose += [NL(), Run(", ".join(f.operations), small=True)]
        concerned: list[Run] = data_names(w, ctx, f.data)
        if f.data and f.subjects:
            concerned.append(Run("; "))
        concerned += names(w, ctx, f.subjects)
        assessment = [Run(w.t.label(f.assessment))]
        if f.legal_provision:
            assessment += [NL(), *small(w.answer_runs(f.legal_provision))]
        rows.append([purpose, w.answer_runs(f.original_purpose), concerned or DASH, assessment])
    headers = [
        _("Purpose"),
        _("Original purpose"),
        _("Data and data subjects"),
        _("Assessment of the further processing"),
    ]
    w.table(headers, rows)


def _necessity(w: Writer, ctx: DpiaContext) -> None:
    _, b = w._, ctx.q.lawfulness
    w.qa(_("Necessity"), b.necessity)
    w.qa(_("Proportionality"), b.proportionality)
    w.qa(_("Subsidiarity: less intrusive alternatives"), b.subsidiarity)
    if b.alternatives:
        w.para(Run(_("Alternatives considered"), bold=True)).paragraph_format.keep_with_next = True
        considered: list[list[Cell]] = []
        for alt in b.alternatives:
            outcome: list[Run] = [Run(w.t.label(alt.outcome))]
            if alt.why:
                outcome += [NL(), *w.answer_runs(alt.why)]
            less = w.answer_runs(alt.less_intrusive) if alt.less_intrusive else None
            considered.append([w.answer_runs(alt.what), less, outcome])
        headers = [_("Alternative"), _("Less intrusive because"), _("Outcome")]
        w.table(headers, considered)
    w.qa(_("Data minimisation"), b.minimisation)
    w.qa(_("Accuracy"), b.accuracy)


def _rights(w: Writer, ctx: DpiaContext) -> None:
    _, b = w._, ctx.q.lawfulness
    # The rights in the Rijksmodel's order, with a statutory restriction where one is recorded;
    # "clear information" falls back on how people are informed, as in the PDF.
    rows: list[list[Cell]] = []
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
