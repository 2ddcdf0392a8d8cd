"""The privacy addendum (`--doc privacy-addendum`) in Word, following
templates/shared/privacy-addendum.html.j2: a public document.

It reads only what its typed context holds (dpia.context.privacy_addendum): the public text,
names, codes and facts derived from the answers; never the assessment's own prose, title or
authors. Its frame is its own, as the PDF's: the organisation, "Privacy information: ...", the
date and PUBLIC on a short head above the text, the DRAFT mark while it is a concept, and no
questionnaire attached. The plain-language prose comes from the language templates' blocks.
"""

from __future__ import annotations

from docx.shared import Cm

from dpia.context.privacy_addendum import PrivacyAddendumContext
from dpia.docx.frame import logo, running_parts
from dpia.docx.parts import contact_line, joined
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import DASH, NL, Writer


def _processing_name(w: Writer, ctx: PrivacyAddendumContext) -> list[Run]:
    """What the addendum calls the processing: its public title, else the AI system's name."""
    if ctx.public.title:
        return w.answer_runs(ctx.public.title)
    return [Run(ctx.system_name)] if ctx.system_name else [w.gap_run()]


def frame(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> tuple[str, str]:
    """The public head, running header and draft mark; returns the title and subject of the
    document's properties, which name the processing and the organisation only."""
    _, org = w._, ctx.q.meta.organisation
    logo(w, ctx.logo, 1.6)  # as the PDF's
    w.para(Run(org.name, bold=True))
    title = w.doc.add_paragraph(style="Title")
    w.runs(title, [Run(f"{_('Privacy information')}: "), *_processing_name(w, ctx)])
    public = _("public").upper()
    updated = f"{_('Last updated')}: {w.t.date(ctx.date)} · {_('Classification')}: {public}"
    w.para(Run(updated, small=True))
    if ctx.concept:
        if ctx.open_errors:
            why = w.t.ngettext(
                "the assessment behind this text still has %(num)d open error; do not publish"
                " it yet.",
                "the assessment behind this text still has %(num)d open errors; do not publish"
                " it yet.",
                ctx.open_errors,
            ) % {"num": ctx.open_errors}
        else:
            why = _("the assessment behind this text is not final; do not publish it yet.")
        w.para(Run(f"{_('DRAFT')}: {why}", bold=True, gap=True))
        if ctx.language_missing:
            not_here = _(
                "This text is not yet written in this language: the public texts are in another"
                " language. Do not publish it in this language."
            )
            w.para(Run(not_here, bold=True, gap=True))
    # A draft's header drops the word "Classification" to stay on one line (as the PDF's).
    facts = f"{_('Classification')}: {public}"
    if ctx.concept:
        facts = f"{_('DRAFT')} · {_('not for publication')} · {public}"
    running_parts(w, f"{org.name} · {_('Privacy information')}", facts, ctx.concept)
    named = ""  # in the properties, the processing's name as plain text, or nothing
    if ctx.public.title or ctx.system_name:
        named = "".join(r.text for r in _processing_name(w, ctx) if not r.small)
    subject = f"{_('Privacy information')}: {named}" if named else _("Privacy information")
    return f"{subject} {DASH} {org.name}", subject


def _numbered(w: Writer, number: int, runs: list[Run]) -> None:
    """An item of a numbered list whose numbers the text refers to ("purposes 1, 2"): the
    number is written, so that it cannot change when Word renumbers its lists."""
    p = w.para(Run(f"{number}.\t"), *runs)
    p.paragraph_format.left_indent = Cm(0.7)
    p.paragraph_format.first_line_indent = Cm(-0.7)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(0.7))


def _indented(w: Writer, *runs: Run) -> None:
    w.para(*runs).paragraph_format.left_indent = Cm(0.7)


def write(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> None:
    if ctx.register.value == "informal":
        w.variant = "informal"  # the templates' pgettext('informal', ...) headings
    if not ctx.proceeds:
        prose.write(w, "not_proceeding")
        return
    prose.write(w, "intro")
    w.answer(ctx.public.summary)
    if ctx.for_children:
        w.heading(prose.text("children_title"), 2)
        prose.write(w, "children_intro")
        w.answer(ctx.public.for_children)
        prose.write(w, "children_rights")
    if ctx.ai_block:
        w.heading(w._("We use an AI system"), 2)
        prose.write(w, "ai_intro")
        w.answer(ctx.public.ai)
    _controller(w, ctx, prose)
    _purposes(w, ctx, prose)
    _data(w, ctx, prose)
    w.heading(w._("Do you have to give us your data?"), 2)
    prose.write(w, "must_provide_intro")
    w.answer(ctx.public.must_provide)
    _recipients(w, ctx, prose)
    _transfers(w, ctx, prose)
    w.heading(w._("How long do we keep your data?"), 2)
    w.answer(ctx.public.retention)
    _rights(w, ctx, prose)
    _decisions(w, ctx, prose)
    w.heading(w._("Questions or complaints"), 2)
    prose.write(w, "complaints")
    _record(w, ctx, prose)


def _controller(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> None:
    _, org = w._, ctx.q.meta.organisation
    w.heading(_("Who is responsible for your data?"), 2)
    prose.write(w, "controller_intro")
    where = f"{org.name}, {org.address}" if org.address else org.name
    w.items(
        [
            [Run(f"{label}:", bold=True), Run(" "), *value]
            for label, value in (
                (_("Organisation"), [Run(where)]),
                (_("Contact for privacy questions"), contact_line(w, org.contact)),
                (_("Data protection officer"), contact_line(w, org.dpo)),
            )
        ]
    )
    prose.write(w, "dpo_explained")


def _purposes(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> None:
    w.heading(w._("Why do we use your data?"), 2)
    prose.write(w, "purposes_intro")
    for number, p in enumerate(ctx.purposes, 1):
        _numbered(w, number, w.answer_runs(p.public))
        if p.unsettled:  # an open error puts the basis in doubt
            undecided = f"{w._('Lawful basis')}: {w._('not yet decided')}. "
            _indented(w, Run(undecided), *prose.runs("basis_unsettled"))
            continue
        for b in p.bases:  # what the lawful basis means, in plain words
            _indented(w, *prose.runs("basis_explained", b=b))
        if not p.bases:
            _indented(w, Run(f"{w._('Lawful basis')}: "), w.gap_run())
    if not ctx.purposes:
        w.para(w.gap_run())
    prose.write(w, "further_use")
    further = ctx.q.lawfulness.transparency.further_purposes
    if further:
        w.answer(further)
    if ctx.legitimate_interests:
        w.heading(w._("Our legitimate interests"), 2)
        prose.write(w, "interests_intro")
        w.answer(ctx.public.interests)


def _data(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> None:
    _ = w._
    w.heading(_("Which data do we use, and where do they come from?"), 2)
    prose.write(w, "data_intro")
    whose = joined(w, [w.answer_runs(s) for s in ctx.subjects]) if ctx.subjects else [w.gap_run()]
    w.para(Run(f"{_('Whose data')}:", bold=True), Run(" "), *whose)
    if ctx.bystander_children:
        prose.write(w, "bystanders")
    entries = []
    for item in ctx.data:
        c = item.category
        entry = [Run(x.text, bold=True, lang=x.lang) for x in w.answer_runs(c.name)]
        if item.protected:
            entry.append(Run(f" ({_('extra protected data')}: {w.t.label(item.protected)})"))
        entry += [Run(f". {_('Where from')}: "), *w.answer_runs(c.source)]
        entries.append(entry)
    if entries:
        w.items(entries)
    else:
        w.para(w.gap_run())
    if ctx.explicit_consent:
        prose.write(w, "explicit_consent")


def _recipients(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> None:
    _ = w._
    w.heading(_("Who else receives your data?"), 2)
    if ctx.recipients:
        prose.write(w, "recipients_intro")
        entries = []
        for p in ctx.recipients:
            entry = [Run(p.name, bold=True)]
            entry.append(Run(f" ({w.t.label(p.role)}, {w.t.country(p.country)})"))
            for sv in ctx.scopes[p.id]:
                entry += [NL(), Run(f"{_('Also')} {w.t.label(sv.scope.role)}")]
                if sv.controls:
                    decides = _("For this part it decides itself what happens to your data.")
                    entry.append(Run(f". {decides}"))
            entries.append(entry)
        w.items(entries)
    elif ctx.q.description.parties:
        w.para(_("Nobody outside our organisation receives your data."))
    else:
        w.para(w.gap_run())


def _transfers(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> None:
    _ = w._
    w.heading(_("Do your data go outside Europe?"), 2)
    prose.write(w, "transfers_intro")
    if ctx.transfers:
        entries = []
        for loc in ctx.transfers:
            safeguard: list[Run] = [Run(f"{_('Safeguard')}: ")]
            if loc.id in ctx.adequacy:
                safeguard += [
                    Run(_("adequacy decision"), italic=True),
                    Run(f" ({ctx.adequacy[loc.id]})"),
                ]
            elif loc.mechanism.value == "none":
                safeguard.append(w.gap_run())
            else:
                safeguard.append(Run(w.t.label(loc.mechanism), italic=True))
            entries.append([Run(w.t.country(loc.country), bold=True), NL(), *safeguard])
        w.items(entries)
    elif ctx.q.description.locations:
        w.para(_("No. Your data stay inside the European Economic Area (EEA)."))
    else:
        w.para(w.gap_run())


def _rights(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> None:
    _ = w._
    w.heading(_("What are your rights?"), 2)
    prose.write(w, "rights_intro")
    rights = (  # those of Art. 15 to 21 that the addendum explains, as the template
        ("access", _("Right of access")),
        ("rectification", _("Right to rectification")),
        ("erasure", _("Right to erasure")),
        ("restriction", _("Right to restriction of processing")),
        ("objection", _("Right to object")),
        *([("portability", _("Right to data portability"))] if ctx.portability else []),
    )
    entries = [
        [Run(title, bold=True), NL(), *prose.runs("right_explained", key=key)]
        for key, title in rights
    ]
    if ctx.consent:
        withdraw = prose.runs("consent_withdrawal")
        entries.append([Run(_("Right to withdraw consent"), bold=True), NL(), *withdraw])
    w.items(entries)
    prose.write(w, "rights_how")


def _decisions(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> None:
    w.heading(w._("Does a computer decide about you?"), 2)
    if ctx.decisions:
        prose.write(w, "decisions_intro")
        w.items([[Run(w.t.label(u))] for u in ctx.decisions])
        w.answer(ctx.public.decisions)
        prose.write(w, "decisions_rights")
    else:
        prose.write(w, "no_decisions")


def _record(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> None:
    """The legal references, at the end, for those who want to check them."""
    _ = w._
    w.heading(_("For the record"), 2)
    prose.write(w, "record_intro")
    entries: list[list[Run]] = []
    for r in ctx.record:
        entry = [Run(w.t.label(r.basis))]
        if r.provision:
            entry += [Run(", "), *w.answer_runs(r.provision)]
        if r.unsettled:
            entry.append(Run(f": {_('not yet decided')}"))
        which = w.t.ngettext("purpose", "purposes", len(r.purposes))
        numbers = ", ".join(str(n) for n in r.purposes)
        entries.append([*entry, Run(f" ({which} {numbers})", small=True)])
    for sp in ctx.special:
        category = f"{w.t.label(sp.category)} ({_('Article 9 GDPR')})"
        entry = [Run(f"{category}: {w.t.label(sp.exception)}")]
        if sp.provision:
            entry += [Run(", "), *w.answer_runs(sp.provision)]
        if sp.unsettled:
            entry.append(Run(f" ({_('not yet decided')})"))
        entries.append(entry)
    fixed = [
        _(
            "Information to be provided: Articles 13 and 14 GDPR; rights: Articles 15 to 22"
            " GDPR; complaints: Article 77 GDPR."
        )
    ]
    if ctx.consent:
        fixed.append(_("Withdrawing consent: Article 7(3) GDPR."))
    if ctx.ai_block:
        fixed += [_(ref) for ref in ctx.ai_references]
    if ctx.transfers:
        fixed.append(_("Transfers outside the EEA: Chapter V GDPR (Articles 44 to 49)."))
    w.items([*entries, *([Run(x)] for x in fixed)])
