"""The values of MinBZK's assessment tool (PAR) that the par-json export writes: its closed
lists as `sources/dpia.yaml` spells them (Dutch, whatever the language of the export), and our
codes onto them. Copied from MinBZK/par-dpia-form at commit 56b7cb8; tests/test_export_par.py
checks every value against the vendored tests/data/par/dpia.yaml.
"""

from __future__ import annotations

import re

from dpia.model.enums import (
    DataKind,
    DataSubjectRight,
    FurtherUse,
    LawfulBasis,
    Level,
    RiskLevel,
    Role,
    SpecialCategory,
    Status,
    TransferMechanism,
)

SCHEMA = (
    "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json"
)
URN = "urn:nl:dpia:3.0"  # sources/dpia.yaml: urn + version

KIND = {
    DataKind.ordinary: "gewoon",
    DataKind.sensitive: "gevoelig",
    DataKind.special: "bijzonder",
    DataKind.criminal: "strafrechtelijk",
    DataKind.national_id: "nationaal identificatienummer",
}
# 6.1.1.2, in the tool's order. An independent controller decides on its own: for the tool it
# is a controller (verwerkingsverantwoordelijke) of its own processing.
ROLE = {
    Role.controller: "Verwerkingsverantwoordelijke",
    Role.independent_controller: "Verwerkingsverantwoordelijke",
    Role.joint_controller: "Gezamenlijke verwerkingsverantwoordelijke",
    Role.processor: "Verwerker",
    Role.sub_processor: "Sub-verwerker",
    Role.third_party: "Derde",
    Role.provider: "Verstrekker",
    Role.recipient: "Ontvanger",
}
ROLE_ORDER = list(dict.fromkeys(ROLE.values()))
# 8.1.1.2; `none` (inside the EEA) has no mechanism. The EU-US Data Privacy Framework is an
# adequacy decision (Art. 45).
MECHANISM = {
    TransferMechanism.adequacy: "Adequaatheidsbesluit",
    TransferMechanism.eu_us_dpf: "Adequaatheidsbesluit",
    TransferMechanism.scc: "Standaard contractsbepaling (SCC)",
    TransferMechanism.bcr: "binding corporate rules/bindend bedrijfsvoorschrift (bcr)",
    TransferMechanism.certification: "Goedgekeurde certificeringsmechanisme",
    TransferMechanism.code_of_conduct: "Goedgekeurde gedragscode",
    TransferMechanism.legally_binding_instrument: "Juridisch bindend en afdwingbaar instrument",
    TransferMechanism.art49_derogation: "uitzondering artikel 49 avg",
    TransferMechanism.other: "Overig mechanisme",
}
BASIS = {  # 11.1.1.1, spelled as the tool spells its values ("overeenkoms" included)
    LawfulBasis.consent: "Rechtsgrond toestemming",
    LawfulBasis.contract: "Rechtsgrond noodzakelijk voor de uitvoering van een overeenkoms",
    LawfulBasis.legal_obligation: "Rechtsgrond wettelijke verplichting",
    LawfulBasis.vital_interests: "Rechtsgrond vitaal belang",
    LawfulBasis.public_task: "Rechtsgrond taak van algemeen belang",
    LawfulBasis.legitimate_interests: "Rechtsgrond gerechtvaardigd belang",
}
_T = "Type bijzondere persoonsgegevens: "
SPECIAL = {  # 12.1.2.4
    SpecialCategory.biometric_unique_id: _T
    + "Biometrische gegevens met het oog op de unieke identificatie van een persoon",
    SpecialCategory.sex_life_orientation: _T
    + "Gegevens met betrekking tot iemands seksueel gedrag of seksuele gerichtheid",
    SpecialCategory.health_data: _T + "Gegevens over gezondheid",
    SpecialCategory.genetic_data: _T + "Genetische gegevens",
    SpecialCategory.trade_union_membership: _T
    + "Persoonsgegevens waaruit het lidmaatschap van een vakbond blijkt",
    SpecialCategory.political_opinions: _T
    + "Persoonsgegevens waaruit politieke opvattingen blijken",
    SpecialCategory.racial_ethnic_origin: _T
    + "Persoonsgegevens waaruit ras of etnische afkomst blijkt",
    SpecialCategory.religious_philosophical_beliefs: _T
    + "Persoonsgegevens waaruit religieuze of levensbeschouwelijke overtuigingen blijken",
}
# 13.1.1.5; `incompatible` has no option: the tool assumes a lawful further use.
FURTHER = {
    FurtherUse.permitted_by_law: "Toelaatbaar op grond van Unie- of lidstaatrechtelijk recht",
    FurtherUse.compatible: "Verenigbaar met oorspronkelijk doeleinde",
    FurtherUse.not_applicable: "Niet van toepassing (geen verdere verwerking)",
}
# 16.1.3/16.1.5: our four CNIL steps onto the Rijksmodel's three. The two middle steps are
# both 'midden', so that only a negligible rating reads as low and only a maximum one as high.
STEP = {
    Level.negligible: "laag",
    Level.limited: "midden",
    Level.significant: "midden",
    Level.maximum: "hoog",
}
LEVEL = {RiskLevel.low: "laag", RiskLevel.medium: "midden", RiskLevel.high: "hoog"}
STATUS = {Status.draft: "concept", Status.final: "definitief"}
RIGHTS = {  # point 15, in the Rijksmodel's order
    DataSubjectRight.access: "15.1",
    DataSubjectRight.rectification: "15.2",
    DataSubjectRight.erasure: "15.3",
    DataSubjectRight.restriction: "15.4",
    DataSubjectRight.portability: "15.5",
    DataSubjectRight.automated_decisions: "15.6",
    DataSubjectRight.objection: "15.7",
    DataSubjectRight.information: "15.8",
}
# Repeatable groups that the tool repeats once per processing operation (instance_mapping from
# 3.1.1), with the nested repeatable group inside each.
PER_OPERATION = {"5.1": None, "6.1": "6.1.1", "8.1": "8.1.1", "9.1": "9.1.1",
                 "10.1": "10.1.1", "11.1": "11.1.1", "13.1": "13.1.1"}  # fmt: skip


# The tool imports raster images only: it refuses a file with an SVG (a script could hide in
# one), as apps/boekhouding-backend/src/utils/imageValidator.ts and stores/answers.ts say.
RASTER = re.compile(r"^data:image/(webp|png|jpe?g|gif);base64,[A-Za-z0-9+/]+={0,2}$")
