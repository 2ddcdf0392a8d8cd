"""The long prose of a document, from the same per-language templates the PDF uses.

The language templates (templates/nl/*.html.j2, templates/en/*.html.j2) fill named blocks of
the shared structure with explanatory text. Word documents take that text block by block, so
Dutch and English prose is written once, in the templates; only the few tags the prose uses
(paragraphs, lists, emphasis) are turned into Word paragraphs. Answers inside a block were
escaped by the template's `text` filter and come out here as plain run text.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from dpia.context.common import DocumentBase
from dpia.context.knowledge import KnowledgeContext
from dpia.docx.html_text import parse
from dpia.docx.runs import Run
from dpia.docx.writer import Writer
from dpia.render.engine import environment, template_name

# The contexts a Word document is made from: a DPIA document's, or a knowledge-security
# check's (which has its own questionnaire kind, with the same `meta`).
Framed = DocumentBase | KnowledgeContext


def _top_level(ctx: Framed) -> dict[str, Any]:
    """The names the shared templates set at their top level, which the blocks use."""
    if isinstance(ctx, KnowledgeContext):
        k = ctx.q
        return {"col": k.collaboration, "fld": k.field, "dec": k.decision}
    q = ctx.q
    return {
        "d": q.description,
        "b": q.lawfulness,
        "c": q.consultation,
        "org": q.meta.organisation,
        "rights": q.lawfulness.rights,
        "eq": q.equality,
        "s": q.description.ai_system,
    }


class Prose:
    """Renders the named blocks of one document's language template."""

    def __init__(self, doc: str, ctx: Framed, **extra: Any) -> None:
        env = environment(ctx.lang)
        # The language template, or the variant the context names (the Dutch addendum in the
        # informal register), which extends it: a block is defined in one of them or in the
        # shared ones they extend.
        name = template_name(doc, ctx)
        self.template = env.get_template(name)
        own = f"{ctx.lang}/{doc}.html.j2"
        self.chain = [
            self.template,
            *([env.get_template(own)] if name != own else []),
            env.get_template(f"shared/{doc}.html.j2"),
            env.get_template("shared/base.html.j2"),
        ]
        macros = env.get_template("shared/macros.html.j2")
        self.values: dict[str, Any] = {
            f.name: getattr(ctx, f.name) for f in dataclasses.fields(ctx)
        }
        self.values.update(doc=doc, **_top_level(ctx), **extra)
        self.values["m"] = macros.make_module(dict(self.values))
        self.first_lang = ctx.first_lang

    def html(self, block: str, **local: Any) -> str:
        render = next((t.blocks[block] for t in self.chain if block in t.blocks), None)
        if render is None:
            return ""
        context = self.template.new_context({**self.values, **local})
        return "".join(render(context))

    def text(self, block: str, **local: Any) -> str:
        """A block as one line of plain text (titles, keywords, a sentence in a table)."""
        return " ".join(
            " ".join(run.text for run in p.runs) for p in parse(self.html(block, **local))
        )

    def runs(self, block: str, **local: Any) -> list[Run]:
        paras = parse(self.html(block, **local))
        return [run for p in paras for run in p.runs]

    def write(self, w: Writer, block: str, **local: Any) -> None:
        """A block as Word paragraphs and lists."""
        paras = parse(self.html(block, **local))
        for p in paras:
            if p.kind == "p":
                w.para(*p.runs)
            else:
                w.items([p.runs], numbered=p.kind == "number")
