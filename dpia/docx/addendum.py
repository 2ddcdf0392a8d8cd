"""The privacy-statement addendum (`--doc privacy-addendum`), following
templates/shared/privacy-addendum.html.j2. Most of it is plain-language prose from the
language templates; headings and lists come from the context."""

from __future__ import annotations

from dpia.context.privacy_addendum import PrivacyAddendumContext
from dpia.docx.parts import contact_line
from dpia.docx.prose import Prose
from dpia.docx.runs import Run
from dpia.docx.writer import Writer
from dpia.model.description import DataCategory


def write(w: Writer, ctx: PrivacyAddendumContext, prose: Prose) -> None:
    _, q = w._, ctx.q
    d, org, rights = q.description, q.meta.organisation, q.lawfulness.rights
    name = ctx.ai_system.name if ctx.ai_system else q.meta.title.get(w.lang, ctx.first_lang)[0]
    w.heading(f"{_('Privacy statement addendum')}: {name}", 1)
    w.para(Run(f"{org.name} · {_('Last updated')}: {w.t.date(ctx.date)}", small=True))
    prose.write(w, "intro")

    s = ctx.ai_system
    if ctx.ai_block:  # no AI system, or one outside the AI Act: no AI block (as the PDF)
        w.heading(_("We use an AI system"), 2)
    if ctx.ai_block and s:
        prose.write(w, "ai_intro")
        entries = [
            [Run(f"{_('Name')}: ", bold=True), Run(s.name)],
            [Run(f"{_('Supplier')}: ", bold=True), Run(s.vendor)],
            *([[Run(f"{_('AI model')}: ", bold=True), Run(s.model)]] if s.model else []),
            [Run(f"{_('What it does')}: ", bold=True), *w.answer_runs(s.description)],
            [
                Run(_("Are your data used to train the AI?") + " ", bold=True),
                Run(_("Yes") if s.inputs_train_model else _("No")),
            ],
        ]
        w.items(entries)
        w.para(
            Run(f"{_('How you know you are dealing with AI')}: ", bold=True),
            *w.answer_runs(q.ai.transparency if q.ai else None),
        )
        w.para(
            Run(f"{_('Who checks the results')}: ", bold=True),
            *w.answer_runs(q.ai.human_oversight if q.ai else None),
        )
    elif ctx.ai_block:
        w.para(w.gap_run())

    w.heading(_("Who is responsible for your data?"), 2)
    prose.write(w, "controller_intro")
    address = f", {org.address}" if org.address else ""
    w.items(
        [
            [Run(f"{_('Organisation')}: ", bold=True), Run(org.name + address)],
            [
                Run(f"{_('Contact for privacy questions')}: ", bold=True),
                *contact_line(w, org.contact),
            ],
            [Run(f"{_('Data protection officer')}: ", bold=True), *contact_line(w, org.dpo)],
        ]
    )
    prose.write(w, "dpo_explained")

    w.heading(_("Why do we use your data?"), 2)
    prose.write(w, "purposes_intro")
    if ctx.purposes:
        for p in ctx.purposes:
            w.items(
                [
                    [
                        Run(x.text, bold=True, lang=x.lang)
                        for x in w.answer_runs(p.purpose.description)
                    ]
                ]
            )
            if not p.bases:
                w.para(f"{_('Lawful basis')}: ", w.gap_run())
            for b in p.bases:
                provision = f" ({b.legal_provision})" if b.legal_provision else ""
                w.para(
                    f"{_('Lawful basis')}: ",
                    Run(w.t.label(b.basis), italic=True),
                    f"{provision}. ",
                    *prose.runs("basis_explained", b=b),
                )
    else:
        w.para(w.gap_run())
    prose.write(w, "further_use")
    if q.lawfulness.transparency.further_purposes:
        w.answer(q.lawfulness.transparency.further_purposes)

    if ctx.legitimate_interests:
        w.heading(_("Our legitimate interests"), 2)
        prose.write(w, "interests_intro")
        for p in ctx.legitimate_interests:
            for b in p.bases:
                w.items(
                    [
                        [
                            Run(x.text, bold=True, lang=x.lang)
                            for x in w.answer_runs(p.purpose.description)
                        ]
                    ]
                )
                w.para(*w.answer_runs(b.justification))

    w.heading(_("Which data do we use, and where do they come from?"), 2)
    prose.write(w, "data_intro")
    whose = [
        r
        for i, s_ in enumerate(d.data_subjects)
        for r in ([Run("; ")] if i else []) + w.answer_runs(s_.category)
    ]
    w.para(Run(f"{_('Whose data')}: ", bold=True), *(whose or [w.gap_run()]))
    if ctx.data:
        entries = []
        for item in ctx.data:
            c, extra = item.category, ""
            if item.protected:
                extra = f" ({_('extra protected data')}: {w.t.label(item.protected)})"
            entries.append(
                [
                    *(Run(x.text, bold=True, lang=x.lang) for x in w.answer_runs(c.name)),
                    Run(f"{extra}. {_('Where from')}: "),
                    *w.answer_runs(c.source),
                ]
            )
        w.items(entries)
    else:
        w.para(w.gap_run())

    w.heading(_("Do you have to give us your data?"), 2)
    prose.write(w, "must_provide_intro")
    w.answer(q.lawfulness.transparency.must_provide)

    w.heading(_("Who else receives your data?"), 2)
    prose.write(w, "recipients_intro")
    if ctx.recipients:
        for party in ctx.recipients:
            desc = [Run(": "), *w.answer_runs(party.description)] if party.description else []
            place = Run(f" ({w.t.label(party.role)}, {w.t.country(party.country)})")
            w.items([[Run(party.name, bold=True), place, *desc]])
            for sv in ctx.scopes[party.id]:  # a further role for a part, as in the PDF
                feature = [Run(": "), *w.answer_runs(sv.scope.feature)] if sv.scope.feature else []
                decides = _("For this part it decides itself what happens to your data.")
                end = [Run(f". {decides}")] if sv.controls else []
                w.para(f"{_('Also')} {w.t.label(sv.scope.role)}", *feature, *end)
    elif d.parties:
        w.para(_("Nobody outside our organisation receives your data."))
    else:
        w.para(w.gap_run())

    w.heading(_("Do your data go outside Europe?"), 2)
    prose.write(w, "transfers_intro")
    if ctx.transfers:
        for loc in ctx.transfers:
            desc = [Run(": "), *w.answer_runs(loc.description)] if loc.description else []
            w.items([[Run(w.t.country(loc.country), bold=True), *desc]])
            safeguard: list[Run] = [Run(w.t.label(loc.mechanism), italic=True)]
            if loc.id in ctx.adequacy:  # the Commission decided the country is adequate
                adequacy = Run(_("adequacy decision"), italic=True)
                safeguard = [adequacy, Run(f" ({ctx.adequacy[loc.id]})")]
            elif loc.mechanism.value == "none":
                safeguard = [w.gap_run()]
            w.para(f"{_('Safeguard')}: ", *safeguard)
    elif d.locations:
        w.para(_("No. Your data stay inside the European Economic Area (EEA)."))
    else:
        w.para(w.gap_run())

    w.heading(_("How long do we keep your data?"), 2)
    if ctx.data:
        w.items(
            [
                [
                    *(Run(x.text, bold=True, lang=x.lang) for x in w.answer_runs(c.name)),
                    Run(": "),
                    *_retention(w, c),
                ]
                for c in (item.category for item in ctx.data)
            ]
        )
    if d.retention or not ctx.data:
        w.answer(d.retention)

    w.heading(_("What are your rights?"), 2)
    prose.write(w, "rights_intro")
    for key, title, article in (
        ("access", _("Right of access"), _("Art. 15 GDPR")),
        ("rectification", _("Right to rectification"), _("Art. 16 GDPR")),
        ("erasure", _("Right to erasure"), _("Art. 17 GDPR")),
        ("restriction", _("Right to restriction of processing"), _("Art. 18 GDPR")),
        ("objection", _("Right to object"), _("Art. 21 GDPR")),
        ("portability", _("Right to data portability"), _("Art. 20 GDPR")),
    ):
        w.items([[Run(title, bold=True), Run(f" ({article})", small=True)]])
        w.para(*prose.runs("right_explained", key=key, title=title, article=article))
        w.para(Run(f"{_('How')}: ", bold=True), *w.answer_runs(getattr(rights, key)))
    if ctx.consent:
        w.items(
            [
                [
                    Run(_("Right to withdraw consent"), bold=True),
                    Run(f" ({_('Art. 7(3) GDPR')})", small=True),
                ]
            ]
        )
        prose.write(w, "consent_withdrawal")
    prose.write(w, "rights_how")

    w.heading(_("Does a computer decide about you?"), 2)
    if ctx.decisions:
        prose.write(w, "decisions_intro")
        w.items([[Run(w.t.label(u))] for u in ctx.decisions])
        w.para(
            Run(f"{_('How it works and what protects you')}: ", bold=True),
            *w.answer_runs(rights.automated_decisions),
        )
        w.para(
            Run(f"{_('Who checks the results')}: ", bold=True),
            *w.answer_runs(q.ai.human_oversight if q.ai else None),
        )
        prose.write(w, "decisions_rights")
    elif q.ai:
        prose.write(w, "no_decisions")
        if rights.automated_decisions:
            w.answer(rights.automated_decisions)
    else:
        w.para(w.gap_run())

    w.heading(_("Questions or complaints"), 2)
    prose.write(w, "complaints")


def _retention(w: Writer, c: DataCategory) -> list[Run]:
    """How long a category is kept; an unknown period said as such, with what is known."""
    if not c.retention_unknown:
        return w.answer_runs(c.retention)
    known = [Run(" ("), *w.answer_runs(c.retention), Run(")")] if c.retention else []
    return [Run(w._("we do not know yet; we are finding out")), *known]
