"""Labels that are not an enum member's own (those are written beside each value in
`dpia.model.enums`): the Dutch grounds beside each equality characteristic.
"""

from __future__ import annotations

from dpia.model import enums as e
from dpia.model.enums import N_, Labelled

__all__ = ["GROUNDS", "GROUND_NAMES", "N_", "english_label"]


def english_label(member: Labelled) -> str:
    """The member's English label, the catalog message documents translate."""
    return member.label


# The Dutch grounds beside each Equality Act 2010 characteristic (Grondwet art. 1, AWGB,
# WGBH/CZ). Shown in the equality assessment; no exact Dutch counterpart exists for some.
GROUNDS: dict[e.Characteristic, str] = {
    e.Characteristic.age: N_("age: covered by 'any other ground' in art. 1 of the Constitution"),
    e.Characteristic.disability: N_(
        "disability or chronic illness: art. 1 of the Constitution, WGBH/CZ (covers education)"
    ),
    e.Characteristic.gender_reassignment: N_(
        "gender identity and expression: part of 'sex' in the AWGB since 2019"
    ),
    e.Characteristic.marriage_civil_partnership: N_("civil status: AWGB"),
    e.Characteristic.pregnancy_maternity: N_("pregnancy and maternity: part of 'sex' in the AWGB"),
    e.Characteristic.race: N_("race (and nationality): art. 1 of the Constitution, AWGB"),
    e.Characteristic.religion_or_belief: N_("religion or belief: art. 1 of the Constitution, AWGB"),
    e.Characteristic.sex: N_(
        "sex, including sex characteristics: art. 1 of the Constitution, AWGB"
    ),
    e.Characteristic.sexual_orientation: N_(
        "hetero- or homosexual orientation: art. 1 of the Constitution, AWGB"
    ),
}


# The Dutch ground each characteristic falls under, by name only: the equality assessment's
# summary lists these when the Dutch grounds lead, so that gender reassignment and pregnancy,
# which Dutch law protects as part of 'sex' (AWGB art. 1(2)), are not separate grounds there.
GROUND_NAMES: dict[e.Characteristic, str] = {
    e.Characteristic.age: N_("age"),
    e.Characteristic.disability: N_("disability or chronic illness"),
    e.Characteristic.gender_reassignment: N_("sex"),
    e.Characteristic.marriage_civil_partnership: N_("civil status"),
    e.Characteristic.pregnancy_maternity: N_("sex"),
    e.Characteristic.race: N_("race"),
    e.Characteristic.religion_or_belief: N_("religion or belief"),
    e.Characteristic.sex: N_("sex"),
    e.Characteristic.sexual_orientation: N_("hetero- or homosexual orientation"),
}
