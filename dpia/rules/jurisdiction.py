"""What the controller's country decides, read from the dated table in dpia.data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dpia.data.jurisdictions import AS_OF, DEFAULT_CONSENT_AGE, EEA, Jurisdiction, jurisdiction
from dpia.model import Questionnaire


@dataclass(frozen=True)
class Seat:
    """The controller's jurisdiction as the documents use it."""

    country: str
    row: Jurisdiction | None  # None: the country is not in the table
    as_of: dt.date  # the date the table reflects, printed with what is read from it

    @property
    def authority(self) -> str | None:
        return self.row.authority if self.row else None

    @property
    def complaint(self) -> str | None:
        return self.row.complaint if self.row else None

    @property
    def consent_age(self) -> int:
        return self.row.consent_age if self.row else DEFAULT_CONSENT_AGE

    @property
    def consent_age_source(self) -> str:
        return self.row.consent_age_source if self.row else "GDPR Art. 8(1)"

    @property
    def language(self) -> str | None:
        return self.row.language if self.row else None

    @property
    def dpia_list(self) -> str | None:
        return self.row.dpia_list if self.row else None

    @property
    def eea(self) -> bool:
        return self.country in EEA

    @property
    def encoded(self) -> bool:
        return self.row is not None


def seat(q: Questionnaire) -> Seat:
    code = q.meta.organisation.country
    return Seat(code, jurisdiction(code), AS_OF)
