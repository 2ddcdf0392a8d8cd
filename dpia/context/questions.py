"""A location in the questionnaire as a reader of the annex understands it: the question in
words and the section it belongs to, from the field metadata (dpia.model.fields). The path and
line stay beside it in small print, for the author."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dpia.model.fields import Field, walk

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Question:
    section: str  # English catalog message: the section's short label
    text: str  # English catalog message: the question's short label (not its help text)
    item: int | None  # which item of a list it is about, counted from 1
    item_id: str | None = None  # that item's own id ("P4", "R2"), where it has one


@cache
def _fields() -> dict[tuple[str, ...], Field]:
    return {f.path: f for f in walk()}


def question(loc: Loc, answers: object = None) -> Question | None:
    """The question at `loc`; the nearest enclosing field's when `loc` goes deeper than the
    model describes. None for a location outside the model. With the `answers` (the validated
    questionnaire) an item of a list is named by its id, as the document names it."""
    fields = _fields()
    path = tuple("-" if isinstance(part, int) else part for part in loc)
    items = [part for part in loc if isinstance(part, int)]
    while path and path not in fields:
        path = path[:-1]
    if path[-1:] == ("status",) and path[:-1] in fields:
        path = path[:-1]  # "present, partial, ...": the item it is the status of says more
    if not path or path[:1] not in {p[:1] for p in fields}:
        return None
    section = fields.get(path[:1])
    return Question(
        section.label if section else "",
        fields[path].label,
        items[-1] + 1 if items else None,
        _item_id(answers, loc) if answers is not None and items else None,
    )


def _item_id(answers: object, loc: Loc) -> str | None:
    """The id of the innermost list item on the way to `loc`, if it has one."""
    node, found = answers, None
    for part in loc:
        try:
            node = node[part] if isinstance(part, int) else getattr(node, part)  # type: ignore[index]
        except (AttributeError, IndexError, TypeError):
            break
        if isinstance(part, int):
            found = (
                getattr(node, "id", None) if isinstance(getattr(node, "id", None), str) else None
            )
    return found
