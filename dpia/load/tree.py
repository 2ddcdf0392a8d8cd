"""The located tree a questionnaire file is read into, shared by both readers."""

from __future__ import annotations

import unicodedata
from typing import Any

from dpia.load.glyphs import drawable
from dpia.load.problems import N_, Params, Phrase, Pos, Problem


class LMap(dict[str, Any]):
    """A mapping with the position of each key and value, and of itself."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[str, Pos] = {}
        self.val_pos: dict[str, Pos] = {}

    def shallow_copy(self) -> LMap:
        out = LMap(self.pos)
        out.update(self)
        out.key_pos, out.val_pos = dict(self.key_pos), dict(self.val_pos)
        return out


class LSeq(list[Any]):
    """A sequence with the position of each item, and of itself."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []


class Invalid:
    """A value the loader refused; it stands in the data so the rest can still be checked."""

    __slots__ = ("message", "params", "problem")

    def __init__(self, message: str, problem: Problem | None = None, params: Params = ()) -> None:
        self.message = message  # an English catalog message, filled from `params`
        self.params = params
        self.problem = problem

    def __repr__(self) -> str:
        return f"Invalid({self.message!r})"


def join_surrogates(text: str) -> str:
    """`text` with each escaped surrogate pair made the one character it stands for.

    JSON writes a character beyond U+FFFF as two escapes ("\\ud83d\\ude00", as Python's
    `json.dumps` does by default); the YAML parser that reads every file keeps them as two lone
    surrogates. A lone one that is no pair stays, to be reported."""
    if text.isascii() or not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    try:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        return text


def bad_character(text: str, subject: str = N_("text")) -> tuple[str, Params] | None:
    """The character that keeps `text` out of a document, as a catalog message about
    `subject` (itself a catalog message) and its parameters; None when there is none."""
    if text.isascii() and text.isprintable():
        return None
    fonts = drawable()
    for ch in text:
        if ch in "\t\n\r":
            continue
        cat = unicodedata.category(ch)
        code = f"{ord(ch):04X}"
        about = ("subject", Phrase(subject)), ("code", code)
        if cat == "Cs":
            message = N_(
                "{subject} contains a lone surrogate (\\u{code}), which is not a character"
            )
            return message, (("subject", Phrase(subject)), ("code", code.lower()))
        if cat == "Cc":
            return N_("{subject} contains a control character (U+{code})"), about
        if ch in BIDI_CONTROLS:
            return (
                N_(
                    "{subject} contains a bidirectional control character (U+{code}), which "
                    "could reverse the document's own text around the answer; leave it out"
                ),
                about,
            )
        if ord(ch) not in fonts and cat not in ("Cf", "Zs"):
            shown = ch if ch.isprintable() else ""
            return (
                N_(
                    "{subject} contains '{shown}' (U+{code}), which the bundled font cannot "
                    "draw: it would print blank, or in a font of this machine only; write it "
                    "another way"
                ),
                (*about, ("shown", shown)),
            )
    return None


# Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) reach past the answer
# that holds them: an unclosed U+202E mirrors the document's sentences after it. The marks
# U+200E, U+200F and U+061C change no text but their own neighbours, and right-to-left writers
# need them, so they stay allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
