"""Stage 2: the questionnaire model (pydantic v2, strict, unknown keys refused)."""

from dpia.model.base import Text
from dpia.model.questionnaire import Questionnaire
from dpia.model.validate import Validated, validate_file

__all__ = ["Questionnaire", "Text", "Validated", "validate_file"]
