"""Building blocks shared by every section of the questionnaire."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic.config import JsonDict

from dpia.load.problems import N_, Refusal

MAX_TEXT = 20_000
# Marks a field written for the people concerned: the only answers the privacy addendum (a
# public document) may print. Every other answer is internal to the assessment.
PUBLIC: JsonDict = {"audience": "public"}
MAX_ITEMS = 500


class Strict(BaseModel):
    """Unknown keys are errors. Scalars use strict types, so 'no' never becomes False."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


Name = Annotated[
    str, StringConstraints(strict=True, min_length=1, max_length=300, strip_whitespace=True)
]
LongStr = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=MAX_TEXT)]
Id = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$"),
    Field(description="A short identifier (letters, digits, `_`, `.`, `-`), unique in its list."),
]


def _date_only(value: Any) -> Any:
    """Dates as YAML writes them, or ISO text from JSON; never numbers or date-times."""
    if isinstance(value, dt.datetime):
        raise Refusal(N_("expected a date (YYYY-MM-DD), not a date and time"))
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            message = N_("'{value}' is not a valid date; expected YYYY-MM-DD")
            raise Refusal(message, value=value[:20]) from None
    raise Refusal(N_("expected a date (YYYY-MM-DD)"))


Date = Annotated[
    dt.date,
    BeforeValidator(_date_only),
    Field(description="A date, YYYY-MM-DD."),
    WithJsonSchema({"type": "string", "format": "date", "description": "A date, YYYY-MM-DD."}),
]
Email = Annotated[
    str, StringConstraints(strict=True, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=300)
]


def _iso_country(value: str) -> str:
    # ISO 3166-1 codes the United Kingdom GB; UK is only "exceptionally reserved" for it.
    if value == "UK":
        raise Refusal(N_("'UK' is not an ISO 3166-1 alpha-2 code (did you mean 'GB'?)"))
    return value


Country = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^[A-Z]{2}$"),
    AfterValidator(_iso_country),
    Field(description="ISO 3166-1 alpha-2 country code, e.g. NL, IE, US (GB for the UK)."),
]


def optional(description: str) -> Any:
    """An optional field: absent means unanswered."""
    return Field(None, description=description)


def items(description: str) -> Any:
    """A list field: empty by default, bounded in length."""
    return Field(default_factory=list, max_length=MAX_ITEMS, description=description)


class Text(Strict):
    """Free text: a plain string (in the questionnaire's first language) or one per language."""

    nl: LongStr | None = Field(None, description="The Dutch text.")
    en: LongStr | None = Field(None, description="The English text.")
    plain: LongStr | None = Field(
        None, description="Text written without a language tag.", exclude=True
    )

    def languages(self) -> set[str]:
        return {lang for lang in ("nl", "en") if getattr(self, lang)}

    def get(self, lang: str, default_lang: str) -> tuple[str, str]:
        """The text for `lang` and the language it is really in (another one if missing)."""
        if self.plain is not None:
            return self.plain, default_lang
        own = getattr(self, lang)
        if own:
            return own, lang
        other = "en" if lang == "nl" else "nl"
        return getattr(self, other), other


def _text_from_input(value: Any) -> Any:
    if isinstance(value, str):
        if not value.strip():
            raise Refusal(N_("text is empty; leave the field out instead"))
        if len(value) > MAX_TEXT:
            raise Refusal(
                N_("text is longer than {max_length} characters"), max_length=str(MAX_TEXT)
            )
        return Text.model_construct(plain=value)
    if isinstance(value, dict):
        if "plain" in value:  # internal field, not part of the file format
            raise Refusal(N_("unknown key `plain`; use `nl` and/or `en`"))
        if not (value.get("nl") or value.get("en")):
            raise Refusal(N_("give the text itself, or a mapping with `nl` and/or `en`"))
    return value


TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string", "maxLength": MAX_TEXT},
        {
            "type": "object",
            "properties": {
                "nl": {"type": "string", "maxLength": MAX_TEXT},
                "en": {"type": "string", "maxLength": MAX_TEXT},
            },
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
}


TextValue = Annotated[
    Text,
    BeforeValidator(_text_from_input),
    WithJsonSchema({**TEXT_SCHEMA, "description": "Text, or {nl: ..., en: ...}."}),
]
