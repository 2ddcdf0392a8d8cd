"""The controller's country decides who supervises, who consents for a child, where data may
go without further safeguards, and which national DPIA list applies.

Sources (as collected in the project's domain notes, section 15, on 2026-11-30): the
authorities' own sites; GDPR Art. 8 and the national acts named per row for the age of digital
consent; the Commission's list of adequacy decisions (Art. 45). Check a row before relying on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


def N_(message: str) -> str:
    """Mark a message for the catalogs (this module comes before the model's own N_)."""
    return message


AS_OF = dt.date(2026, 11, 30)  # the date every table in this module reflects

# GDPR Art. 8(1): 16 unless a member state sets a lower age, not below 13.
DEFAULT_CONSENT_AGE = 16

# EU member states plus Iceland, Liechtenstein and Norway (EEA Agreement).
EEA = frozenset(
    {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT"}
    | {"LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"}
)


@dataclass(frozen=True)
class Jurisdiction:
    code: str  # ISO 3166-1 alpha-2
    authority: str  # the supervisory authority, by its official name
    complaint: str | None  # where people lodge a complaint (Art. 77); None: no single address
    consent_age: int  # age of digital consent (Art. 8)
    consent_age_source: str  # the national provision that sets it
    # The national Art. 35(4) list that this tool encodes, if any: a catalog message, so that
    # an English document does not name it in Dutch.
    dpia_list: str | None
    source: str
    # The language the people concerned read, where the country has one that the tool writes
    # (ISO 639-1): the privacy addendum is published in it (rules/checks_public.py). None: several
    # official languages (BE) or one the tool does not write.
    language: str | None = None


JURISDICTIONS: dict[str, Jurisdiction] = {
    j.code: j
    for j in (
        Jurisdiction(
            "NL",
            "Autoriteit Persoonsgegevens",
            "autoriteitpersoonsgegevens.nl",
            16,
            "UAVG art. 5",
            N_("AP list (Stcrt. 2019, 64418)"),
            "autoriteitpersoonsgegevens.nl; wetten.overheid.nl/BWBR0040940",
            language="nl",
        ),
        Jurisdiction(
            "BE",
            "Gegevensbeschermingsautoriteit / Autorité de protection des données",
            "gegevensbeschermingsautoriteit.be",
            13,
            "Wet van 30 juli 2018, art. 7",
            None,
            "gegevensbeschermingsautoriteit.be; Belgisch Staatsblad 5 Sept 2018",
        ),
        Jurisdiction(
            "FR",
            "Commission nationale de l'informatique et des libertés (CNIL)",
            "cnil.fr/plaintes",
            15,
            "Loi 78-17, art. 45",
            None,
            "cnil.fr",
        ),
        Jurisdiction(
            "IE",
            "Data Protection Commission",
            "dataprotection.ie",
            16,
            "Data Protection Act 2018 (IE), s. 31",
            None,
            "dataprotection.ie",
            language="en",
        ),
        # Germany: schools answer to the authority of their Land, federal bodies to the BfDI.
        Jurisdiction(
            "DE",
            "Landesbeauftragte für den Datenschutz (Land) / BfDI",
            None,
            16,
            "GDPR Art. 8(1) (no lower age set)",
            None,
            "bfdi.bund.de",
        ),
        Jurisdiction(
            "GB",
            "Information Commissioner's Office (ICO)",
            "ico.org.uk/make-a-complaint",
            13,
            "Data Protection Act 2018, s. 9",
            None,
            "ico.org.uk; legislation.gov.uk/ukpga/2018/12/section/9",
            language="en",
        ),
        Jurisdiction(
            "PL",
            "Prezes Urzędu Ochrony Danych Osobowych (UODO)",
            "uodo.gov.pl",
            16,
            "GDPR Art. 8(1) (no lower age set)",
            None,
            "uodo.gov.pl",
        ),
        Jurisdiction(
            "ES",
            "Agencia Española de Protección de Datos (AEPD)",
            "aepd.es",
            14,
            "LOPDGDD art. 7",
            None,
            "aepd.es",
        ),
        Jurisdiction(
            "IT",
            "Garante per la protezione dei dati personali",
            "garanteprivacy.it",
            14,
            "Codice privacy art. 2-quinquies",
            None,
            "garanteprivacy.it",
        ),
        Jurisdiction("AT", "Datenschutzbehörde", "dsb.gv.at", 14, "DSG § 4(4)", None, "dsb.gv.at"),
        Jurisdiction(
            "DK",
            "Datatilsynet",
            "datatilsynet.dk",
            13,
            "Databeskyttelsesloven § 6(2)",
            None,
            "datatilsynet.dk",
        ),
        Jurisdiction(
            "SE",
            "Integritetsskyddsmyndigheten (IMY)",
            "imy.se",
            13,
            "Dataskyddslagen 2 kap. 4 §",
            None,
            "imy.se",
        ),
        Jurisdiction(
            "PT",
            "Comissão Nacional de Proteção de Dados (CNPD)",
            "cnpd.pt",
            13,
            "Lei 58/2019, art. 16",
            None,
            "cnpd.pt",
        ),
    )
}


def jurisdiction(code: str) -> Jurisdiction | None:
    """The encoded row for a country, or None: the documents then name no authority by name."""
    return JURISDICTIONS.get(code)


@dataclass(frozen=True)
class Adequacy:
    country: str
    decision: str
    dpf_only: bool = False  # only organisations certified under the EU-US Data Privacy Framework


# Art. 45 decisions of the European Commission in force on AS_OF.
# Source: commission.europa.eu, "Adequacy decisions"; domain notes sections 8 and 15.
ADEQUACY: dict[str, Adequacy] = {
    a.country: a
    for a in (
        Adequacy("AD", "Decision 2010/625/EU"),
        Adequacy("AR", "Decision 2003/490/EC"),
        Adequacy("CA", "Decision 2002/2/EC (commercial organisations)"),
        Adequacy("FO", "Decision 2010/146/EU"),
        Adequacy("GG", "Decision 2003/821/EC"),
        Adequacy("IM", "Decision 2004/411/EC"),
        Adequacy("IL", "Decision 2011/61/EU"),
        Adequacy("JP", "Decision (EU) 2019/419"),
        Adequacy("JE", "Decision 2008/393/EC"),
        Adequacy("NZ", "Decision 2013/65/EU"),
        Adequacy("KR", "Decision (EU) 2022/254"),
        Adequacy("CH", "Decision 2000/518/EC"),
        Adequacy("GB", "Decision (EU) 2021/1772 (June 2021)"),
        Adequacy("UY", "Decision 2012/484/EU"),
        Adequacy("US", "Decision (EU) 2023/1795 (EU-US Data Privacy Framework)", dpf_only=True),
    )
}

# A UK controller: the UK recognises the EEA and, under the Data Protection Act 2018 Sch. 21
# para. 5, kept the EU's earlier decisions; it added Korea (2022) and, through the UK Extension
# to the Data Privacy Framework, certified US organisations (2023). Source: ico.org.uk, "Adequacy".
UK_ADEQUATE = EEA | {c for c in ADEQUACY if c != "GB"}


def outside_area(controller: str, country: str) -> bool:
    """Whether data going to `country` leave the controller's own protection area (Chapter V)."""
    if controller == "GB":
        return country != "GB" and country not in EEA
    return country not in EEA


def adequate(controller: str, country: str) -> Adequacy | None:
    """The adequacy decision that lets data go to `country` without SCCs or a transfer impact
    assessment; for the US only certified organisations are covered (the caller checks that)."""
    if controller == "GB":
        if country in UK_ADEQUATE:
            return ADEQUACY.get(country) or Adequacy(country, "UK recognition of the EEA")
        return None
    return ADEQUACY.get(country)
