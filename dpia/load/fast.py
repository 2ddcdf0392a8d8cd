"""A fast first reading of plain YAML and JSON files with libyaml, PyYAML's C parser.

ruamel.yaml's pure-Python parser spends a fifth of a second on a large questionnaire; libyaml
reads the same file in a few milliseconds. Most files are plain: no tags, anchors or aliases,
no odd numbers, no mistakes. This reader takes only those. For anything else it gives up (returns
None) and the full reader in source.py reads the file again: it alone words every error, so each
problem has one message and one position whichever way a file arrives. Scalars are typed by
ruamel's own YAML 1.2 resolver, so `no` stays text here too; a test checks that both readers
build the same tree, positions included, for every file this one accepts.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from dpia.load.problems import Pos
from dpia.load.tree import LMap, LSeq, bad_character

try:  # a PyYAML built without libyaml has no CParser; then every file takes the full reader
    from yaml import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
        YAMLError,
    )
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    CParser = None

_RESOLVER = VersionedResolver(version=(1, 2))
_TAG = "tag:yaml.org,2002:"
# Only the plainest numbers and dates; `0o17`, `1_000`, `.inf`, `1e3` or a date with a time go to
# the full reader, which knows every YAML 1.2 spelling.
_INT = re.compile(r"-?(0|[1-9][0-9]{0,17})")
_FLOAT = re.compile(r"-?[0-9]{1,15}\.[0-9]{1,15}")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


class _GiveUp(Exception):
    """The file is not plain; the full reader takes it."""


def read_plain(text: str, name: str, max_depth: int, max_values: int) -> Any:
    """The located tree of `text` (LMap, LSeq or a scalar), or None to use the full reader."""
    # The two parsers differ on where tabs may go, on which characters end a line, and on where
    # an empty value stands when the last line has no line end.
    if CParser is None or not text.endswith("\n") or any(c in text for c in "\t\x85\u2028\u2029"):
        return None

    parser = CParser(text)
    values = 0
    flows: list[bool] = []  # for each open collection, whether it is written in brackets
    stack: list[Any] = []  # the open collections
    keys: list[str | None] = []  # for each open collection, the key waiting for its value
    root: Any = None
    lines: list[str] = []  # the text's lines, split only when an empty value needs them
    line = next_line = 0
    try:
        while not isinstance(event := parser.get_event(), StreamEndEvent):
            line, next_line = next_line, event.start_mark.line  # where the event before began
            if isinstance(event, DocumentStartEvent) and root is not None:
                raise _GiveUp  # a second document
            if isinstance(event, AliasEvent):
                raise _GiveUp
            if isinstance(event, MappingEndEvent | SequenceEndEvent):
                keys.pop()
                node = stack.pop()
                flows.pop()
                pos = node.pos
            elif isinstance(event, ScalarEvent | MappingStartEvent | SequenceStartEvent):
                if event.anchor is not None or event.tag is not None:
                    raise _GiveUp
                values += 1
                if values > max_values or len(stack) >= max_depth:
                    raise _GiveUp
                mark = event.start_mark
                if isinstance(event, ScalarEvent) and event.implicit[0] and not event.value:
                    # ruamel places an empty value where the next token starts, a comment
                    # included, and in brackets elsewhere; libyaml sees no comments.
                    mark = parser.peek_event().start_mark
                    lines = lines or text.splitlines()
                    if any(flows) or any("#" in x for x in lines[line : mark.line + 1]):
                        raise _GiveUp
                pos = Pos(name, mark.line + 1, mark.column + 1) if stack else Pos(name)
                in_key = bool(stack) and isinstance(stack[-1], LMap) and keys[-1] is None
                if not isinstance(event, ScalarEvent):
                    if in_key:
                        raise _GiveUp  # a list or mapping as a key
                    flows.append(bool(event.flow_style))
                    stack.append(LMap(pos) if isinstance(event, MappingStartEvent) else LSeq(pos))
                    keys.append(None)
                    continue
                node = _scalar(event)
                if in_key:
                    if not isinstance(node, str) or node in stack[-1]:
                        raise _GiveUp  # a key that is not text, or a duplicate
                    keys[-1] = node
                    stack[-1].key_pos[node] = pos
                    continue
            else:
                continue  # the starts and ends of the stream and the document
            if not stack:
                root = node
            elif isinstance(stack[-1], LSeq):
                stack[-1].item_pos.append(pos)
                stack[-1].append(node)
            else:
                key = keys[-1]
                stack[-1].val_pos[key] = pos
                stack[-1][key] = node
                keys[-1] = None
    except (_GiveUp, YAMLError):
        return None
    return root


def _scalar(event: Any) -> Any:
    """The value of a scalar, typed as ruamel.yaml would type it."""
    value = event.value
    if bad_character(value):
        raise _GiveUp
    if not event.implicit[0]:  # quoted or block text
        return value
    tag = str(_RESOLVER.resolve(ScalarNode, value, (True, False)))
    if tag == _TAG + "str":
        return value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return value.lower() == "true"
    if tag == _TAG + "int" and _INT.fullmatch(value):
        return int(value)
    if tag == _TAG + "float" and _FLOAT.fullmatch(value):
        return float(value)
    if tag == _TAG + "timestamp" and (date := _DATE.fullmatch(value)):
        try:
            return dt.date(*(int(part) for part in date.groups()))
        except ValueError:
            raise _GiveUp from None
    raise _GiveUp
