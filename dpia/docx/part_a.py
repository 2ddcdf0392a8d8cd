"""Part A of the DPIA report (`--doc dpia`), the Model DPIA Rijksdienst's points 1 to 10, as
in templates/shared/dpia.html.j2: the proposal with its images, the data and data subjects, each
processing operation with what belongs to it, the purposes, the parties with their roles and
details, interests, locations, legal framework and retention, each point with its additional
information where one is written."""

from __future__ import annotations

from dataclasses import replace

from dpia.context.dpia import DpiaContext
from dpia.context.operations import OperationView
from dpia.context.roles import ScopeView
from dpia.docx.figures import figure
from dpia.docx.parts import (
    data_names,
    detail,
    general,
    listed,
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
from dpia.model.description import DataCategory, Party
from dpia.model.enums import ToolPicker


def part_a(w: Writer, ctx: DpiaContext, prose: Prose) -> None:
    _, d, n = w._, ctx.q.description, ctx.q.notes
    w.heading(_("Part A: Description of the processing"), 1)
    prose.write(w, "part_a_intro")
    numbered(w, 1, _("Proposal"))
    w.answer(d.proposal)
    _images(w, ctx)
    numbered(w, 2, _("Personal data"))
    w.heading(_("Data subjects"), 3)
    _subjects(w, ctx)
    w.heading(_("Categories of personal data"), 3)
    _personal_data(w, ctx)
    note(w, n.personal_data)
    numbered(w, 3, _("Processing operations"))
    if ctx.operations and ctx.operations_unlinked:
        unlinked = _(
            "Not every list in this assessment names the operations its items belong to; "
            "those items are shown under every operation."
        )
        w.para(Run(unlinked, small=True, gap=True))
    for ov in ctx.operations:
        _operation(w, ctx, ov)
    if not ctx.operations:
        w.para(_("One processing operation: everything in this assessment belongs to it."))
    if d.data_flow_diagram:
        w.para(f"{_('Data-flow diagram kept at')}: {d.data_flow_diagram}")
    note(w, n.operations)
    numbered(w, 4, _("Techniques and methods"))
    w.answer(d.techniques)
    if d.ai_system:
        system = d.ai_system
        w.para(Run(_("AI system"), bold=True)).paragraph_format.keep_with_next = True
        facts: list[tuple[str, Cell]] = [
            (_("Name"), system.name),
            (_("Vendor"), system.vendor),
            (_("Model"), system.model),
            (_("Service"), w.t.label(system.service)),
            (_("Inputs train the model"), yesno(w, system.inputs_train_model)),
        ]
        if system.tool_picker is not ToolPicker.unlisted:  # an institution without one: silence
            facts.append((_("AI tool picker"), w.t.label(system.tool_picker)))
        if system.description:
            facts.append((_("What it does"), w.answer_runs(system.description)))
        w.facts(facts)
    numbered(w, 5, _("Purposes"))
    _purposes(w, ctx)
    note(w, n.purposes)
    numbered(w, 6, _("Parties involved"))
    _parties(w, ctx)
    note(w, n.parties)
    numbered(w, 7, _("Interests in the processing"))
    w.answer(d.interests)
    if ctx.party_interests:
        rows: list[list[Cell]] = [[p.name, w.answer_runs(p.interests)] for p in ctx.party_interests]
        w.table([_("Party"), _("Its interests")], rows)
    views = ctx.q.consultation.views
    if views:
        outcome = views.summary if views.asked else views.why_not
        w.qa(_("Outcome of consulting data subjects or their representatives"), outcome)
    note(w, n.interests)
    numbered(w, 8, _("Processing locations and transfers"))
    _locations(w, ctx)
    note(w, n.locations)
    numbered(w, 9, _("Legal and policy framework"))
    _frameworks(w, ctx)
    note(w, n.legal_framework)
    numbered(w, 10, _("Retention periods"))
    _retention(w, ctx)
    note(w, n.retention)


def _images(w: Writer, ctx: DpiaContext) -> None:
    """The proposal's images that could be read, each with its title, description and
    source below it."""
    for i, img in enumerate(ctx.q.description.proposal_images):
        if i not in ctx.images:
            continue
        caption: list[Run] = [Run(img.title, bold=True)] if img.title else []
        if img.description:
            caption += [Run(" "), *w.answer_runs(img.description)]
        if img.source:
            caption += [NL(), Run(f"{w._('Source')}: {img.source}", small=True)]
        figure(w, ctx.images[i], img.title or w._("Image of the proposal"), caption)


def _subjects(w: Writer, ctx: DpiaContext) -> None:
    _ = w._
    if not ctx.q.description.data_subjects:
        w.para(w.gap_run())
        return
    rows: list[list[Cell]] = []
    for s in ctx.q.description.data_subjects:
        minors = [yesno(w, s.minors)]
        if s.age_range:
            # the same catalog message as the PDF's, en dash and all
            ages = _("ages %(min)s–%(max)s")  # noqa: RUF001
            ages %= {"min": s.age_range.min, "max": s.age_range.max}
            minors += [NL(), Run(ages, small=True)]
        vulnerable = [yesno(w, s.vulnerable)]
        if s.vulnerability:
            vulnerable += [NL(), *w.answer_runs(s.vulnerability)]
        if s.staff:
            vulnerable += [NL(), Run(_("the organisation's own staff"), small=True)]
        number: Cell = None
        if s.approximate_number is not None:
            number = w.t.number(s.approximate_number)
        category = w.answer_runs(s.category)
        if s.name:  # the name leads, the category below it
            named = [replace(r, bold=True) for r in w.answer_runs(s.name)]
            category = [*named, NL(), *small(category)]
        category += provenance(w, ctx, f"description.data_subjects.{s.id}")
        rows.append([category, minors, vulnerable, number])
    w.table([_("Category"), _("Minors"), _("Vulnerable"), _("Number")], rows)


def _personal_data(w: Writer, ctx: DpiaContext) -> None:
    _ = w._
    if not ctx.q.description.personal_data:
        w.para(w.gap_run())
        return
    rows: list[list[Cell]] = []
    for p in ctx.q.description.personal_data:
        rows.append([_data_name(w, ctx, p), _kind(w, p), _source(w, p), _retained(w, p)])
    w.table([_("Data"), _("Kind"), _("Source"), _("Retention")], rows)


def _data_name(w: Writer, ctx: DpiaContext, p: DataCategory) -> list[Run]:
    """The category's name with where it comes from (Rijksmodel 2: the category it belongs
    to, the people it is about, the purpose it was first collected for, who provides it)."""
    _ = w._
    runs = [*w.answer_runs(p.name), *provenance(w, ctx, f"description.personal_data.{p.id}")]
    if p.category:
        runs += detail(_("Category"), [Run(p.category)])
    if p.subjects:
        runs += detail(_("Data subjects"), names(w, ctx, p.subjects))
    if p.original_purpose:
        runs += detail(_("Original purpose"), w.answer_runs(p.original_purpose))
    if p.provided_by:
        provided = [Run(p.provided_by)]
        if p.source_system:
            provided.append(Run(f" {DASH} {p.source_system}"))
        if p.provision_basis:
            provided += [Run(f" · {_('legal ground for providing')}: ")]
            provided += w.answer_runs(p.provision_basis)
        runs += detail(_("Provided by"), provided)
    return runs


def _kind(w: Writer, p: DataCategory) -> str:
    kind = w.t.label(p.kind)
    detail = p.special_category or p.national_id
    return f"{kind}: {w.t.label(detail)}" if detail else kind


def _source(w: Writer, p: DataCategory) -> list[Run]:
    source = w.answer_runs(p.source)
    if p.service_generated:
        generated = w._("generated by the service (diagnostic or telemetry)")
        source += [NL(), Run(generated, small=True)]
    return source


def _retained(w: Writer, p: DataCategory) -> list[Run]:
    retention = w.answer_runs(p.retention)
    if p.retention_unknown:
        known = [NL(), *small(retention)] if p.retention else []
        retention = [Run(w._("unknown"), bold=True), *known]
    if p.access_answerable is not None:
        answerable = f"{w._('Access requests answerable')}: "
        retention += [NL(), Run(answerable, small=True), yesno(w, p.access_answerable)]
    return retention


def _operation(w: Writer, ctx: DpiaContext, ov: OperationView) -> None:
    """An operation with what belongs to it: the Rijksmodel repeats points 5, 6, 8 to 11 and
    13 per operation; the context has gathered them."""
    _, o = w._, ov.operation
    title = f"{o.id} {o.name}" if o.name else o.id
    w.heading(title, 4, *provenance(w, ctx, f"description.operations.{o.id}"))

    d, b = ctx.q.description, ctx.q.lawfulness
    none = _("none")

    def each(items: list[list[Run]], sep: str = "; ", empty: Cell = None) -> Cell:
        return listed(w, items, sep, empty)

    facts: list[tuple[str, Cell]] = [
        (_("Operation"), w.answer_runs(o.description)),
        (
            _("Personal data"),
            each([w.answer_runs(c.name) for c in ov.data], empty=none if d.personal_data else None),
        ),
        (
            _("Data subjects"),
            each(
                [w.answer_runs(ctx.subject_names[s.id]) for s in ov.subjects],
                empty=none if d.personal_data else None,
            ),
        ),
        (
            _("Purposes"),
            listed(
                w,
                [[Run(f"{p.id} "), *w.answer_runs(ctx.purpose_names[p.id])] for p in ov.purposes],
                NL(),
                none if d.purposes else None,
            ),
        ),
        (
            _("Parties involved"),
            each(
                [[Run(f"{p.name} ({w.t.label(p.role)})")] for p in ov.parties],
                empty=none if d.parties else None,
            ),
        ),
        (
            _("Lawful basis"),
            listed(
                w,
                [[Run(f"{w.t.label(g.basis)} ({', '.join(g.purposes)})")] for g in ov.basis_groups],
                NL(),
                none if b.lawful_bases and not ov.purposes else None,
            ),
        ),
    ]
    if ov.frameworks:
        frameworks = [
            [*w.answer_runs(f.name), *([Run(f" ({f.articles})")] if f.articles else [])]
            for f in ov.frameworks
        ]
        facts.append((_("Legal and policy framework"), each(frameworks)))
    if ov.retention:
        facts.append(
            (_("Retention periods"), each([w.answer_runs(r.period) for r in ov.retention]))
        )
    if ov.locations:
        countries = ", ".join(w.t.country(loc.country) for loc in ov.locations)
        facts.append((_("Processing locations"), countries))
    if ov.further:
        further = [
            [*w.answer_runs(f.purpose), Run(f": {w.t.label(f.assessment)}")] for f in ov.further
        ]
        facts.append((_("Further processing"), each(further)))
    w.facts(facts)


def _purposes(w: Writer, ctx: DpiaContext) -> None:
    purposes = ctx.q.description.purposes
    if not purposes:
        w.para(w.gap_run())
        return
    entries = []
    for p in purposes:
        entry = [Run(p.id, bold=True), Run(" "), *w.answer_runs(p.description)]
        entry += provenance(w, ctx, f"description.purposes.{p.id}")
        if p.operations:
            entry.append(Run(f" ({w._('operations')} {', '.join(p.operations)})", small=True))
        entries.append(entry)
    w.items(entries)


def _parties(w: Writer, ctx: DpiaContext) -> None:
    _ = w._
    if not ctx.q.description.parties:
        w.para(w.gap_run())
        return
    rows: list[list[Cell]] = []
    for party in ctx.q.description.parties:
        name = [Run(party.name), *provenance(w, ctx, f"description.parties.{party.id}")]
        if party.description:
            name += [NL(), *small(w.answer_runs(party.description))]
        # Rijksmodel 6: in which operations, which functions have access, to what and whose
        if party.operations:
            name += detail(_("Operations"), [Run(", ".join(party.operations))])
        if party.functions:
            name += detail(
                _("Functions or departments with access"), w.answer_runs(party.functions)
            )
        if party.data:
            name += detail(_("Personal data"), data_names(w, ctx, party.data))
        if party.subjects:
            name += detail(_("Data subjects"), names(w, ctx, party.subjects))
        agreement = yesno(w, party.agreement) if party in ctx.processors else DASH
        roles = _party_roles(w, party, ctx.scopes[party.id])
        rows.append([name, roles, w.t.country(party.country), agreement])
    w.table([_("Party"), _("Role"), _("Country"), _("Processor agreement")], rows)


def _party_roles(w: Writer, party: Party, views: list[ScopeView]) -> list[Run]:
    """A party's role, each further role for a part of the processing (with its legal ground
    where it decides for itself), the joint controllers' arrangement and a dispute."""
    _ = w._
    runs = [Run(w.t.label(party.role))]
    for sv in views:
        line = f"{_('also')} {w.t.label(sv.scope.role)}"
        runs += [NL(), Run(line, small=True)]
        if sv.scope.feature:
            runs += [Run(": ", small=True), *w.answer_runs(sv.scope.feature)]
        if sv.ids:
            runs.append(Run(f" ({', '.join(sv.ids)})", small=True))
        if sv.scope.legal_basis:
            ground = Run(f" · {_('legal ground')}: ", small=True)
            runs += [ground, *w.answer_runs(sv.scope.legal_basis)]
        elif sv.basis_missing:
            runs.append(Run(f" · {_('no legal ground recorded')}", small=True, bold=True))
        if sv.scope.agreement is not None:
            agreement = Run(f" · {_('Processor agreement')}: ", small=True)
            runs += [agreement, yesno(w, sv.scope.agreement)]
    arrangement = party.arrangement
    if arrangement:
        label = Run(f"{_('Arrangement (Art. 26)')}: ", small=True)
        runs += [NL(), label, yesno(w, arrangement.in_place)]
        if arrangement.reference:
            runs.append(Run(f", {arrangement.reference}", small=True))
        essence = f" · {_('essence available to the people concerned')}: "
        runs += [Run(essence, small=True), yesno(w, arrangement.essence_available)]
    if party.roles_disputed:
        runs += [NL(), Run(f"{_('Roles disputed')}: ", small=True, bold=True)]
        runs += w.answer_runs(party.roles_disputed)
    return runs


def _locations(w: Writer, ctx: DpiaContext) -> None:
    _ = w._
    if not ctx.q.description.locations:
        w.para(w.gap_run())
        return
    rows: list[list[Cell]] = []
    for loc in ctx.q.description.locations:
        country: list[Run] = [Run(w.t.country(loc.country))]
        if loc.operations:
            country += [NL(), Run(", ".join(loc.operations), small=True)]
        mechanism = [Run(w.t.label(loc.mechanism))]
        if loc.mechanism_other:
            mechanism.append(Run(f": {loc.mechanism_other}"))
        if loc.measures:
            mechanism += detail(_("Supplementary measures"), w.answer_runs(loc.measures))
        where = [
            *w.answer_runs(loc.description),
            *provenance(w, ctx, f"description.locations.{loc.id}"),
        ]
        rows.append([country, where, mechanism, yesno(w, loc.tia_done)])
    headers = [
        _("Country"),
        _("What happens there"),
        _("Transfer mechanism"),
        _("Transfer impact assessment"),
    ]
    w.table(headers, rows)


def _frameworks(w: Writer, ctx: DpiaContext) -> None:
    d = ctx.q.description
    general(w, d.legal_framework, list(d.legal_frameworks))
    if d.legal_frameworks:
        rows: list[list[Cell]] = [
            [w.answer_runs(f.name), f.articles or DASH, operations_or_all(w, f.operations)]
            for f in d.legal_frameworks
        ]
        headers = [w._("Law, regulation or policy"), w._("Articles"), w._("Operations")]
        w.table(headers, rows)


def _retention(w: Writer, ctx: DpiaContext) -> None:
    _, d = w._, ctx.q.description
    general(w, d.retention, list(d.retention_periods))
    if not d.retention_periods:
        return
    rows: list[list[Cell]] = []
    for r in d.retention_periods:
        period = w.answer_runs(r.period)
        if r.motivation:
            period += [NL(), *small(w.answer_runs(r.motivation))]
        rows.append(
            [
                operations_or_all(w, r.operations),
                ", ".join(r.purposes) or DASH,
                data_names(w, ctx, r.data) or DASH,
                names(w, ctx, r.subjects) or DASH,
                period,
            ]
        )
    headers = [
        _("Operations"),
        _("Purposes"),
        _("Personal data"),
        _("Data subjects"),
        _("Retention period"),
    ]
    w.table(headers, rows)
