"""What a DPIA assesses and how it came about (scope and version history), on the contents
page as in templates/shared/dpia.html.j2's `about` section, and each annex location in words
(the question, its item, its section) as the template's `question` macro."""

from __future__ import annotations

from dpia.context.dpia import DpiaContext
from dpia.context.questions import Question
from dpia.docx.runs import Run
from dpia.docx.writer import NL, Cell, Writer


def about(w: Writer, ctx: DpiaContext) -> None:
    _, scope = w._, ctx.q.meta.scope
    w.heading(_("Scope of this assessment"), 3)
    documents: Cell = None
    if scope and scope.documents:
        documents = [r for i, name in enumerate(scope.documents) for r in [*_nl(i), Run(name)]]
    w.facts(
        [
            (_("Assessed"), w.answer_runs(scope.assessed) if scope else None),
            (_("Not assessed"), w.answer_runs(scope.not_assessed) if scope else None),
            (_("Documents examined"), documents),
        ]
    )
    w.heading(_("Version history"), 3)
    rows: list[list[Cell]] = [
        [
            v.version,
            w.t.date(v.date),
            w.answer_runs(v.changes) if v.changes else _("This version"),
            v.by or "",
        ]
        for v in ctx.versions
    ]
    w.table([_("Version"), _("Date"), _("What changed"), _("By")], rows)


def _nl(i: int) -> list[Run]:
    return [NL()] if i else []


def question_runs(w: Writer, qn: Question | None) -> list[Run]:
    """The question in words, which item of a list, and its section in small print."""
    if qn is None:
        return []
    item = f" ({qn.item_id})" if qn.item_id else f" ({w._('item')} {qn.item})" if qn.item else ""
    return [Run(w._(qn.text) + item), NL(), Run(w._(qn.section), small=True)]
