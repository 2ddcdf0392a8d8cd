"""Processing operations as the spine: ids that purposes, data, parties, bases and the rest
point at, and the DPIA showing each operation with what belongs to it."""

from __future__ import annotations

import re
from pathlib import Path

from dpia.context.assessment import assess_file
from dpia.context.operations import operation_views
from dpia.model.questionnaire import reference_errors
from dpia.produce import prepare
from tests.factory import data, questionnaire

ROOT = Path(__file__).resolve().parent.parent
OPS = [{"id": "O1", "description": "Collect"}, {"id": "O2", "description": "Store"}]


def plain(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_one_implicit_operation_needs_no_ids() -> None:
    q = questionnaire()
    assert q.description.operations == [] and operation_views(q) == []
    assert list(reference_errors(data())) == []


def test_links_to_unknown_operations_are_located() -> None:
    d = data(
        **{
            "description.operations": OPS,
            "description.purposes.0.operations": ["O1", "O9"],
            "description.parties.0.operations": ["O3"],
            "lawfulness.lawful_bases.0.operations": ["O4"],
        }
    )
    found = {(loc, params) for loc, _, params in reference_errors(d)}
    locs = {loc for loc, _ in found}
    assert ("description", "purposes", 0, "operations", 1) in locs
    assert ("description", "parties", 0, "operations", 0) in locs
    assert ("lawfulness", "lawful_bases", 0, "operations", 0) in locs
    assert len(found) == 3


def test_an_item_without_operations_belongs_to_every_operation() -> None:
    q = questionnaire(
        **{
            "description.operations": OPS,
            "description.purposes.1": {"id": "P2", "description": "Backup", "operations": ["O2"]},
            "description.personal_data.0.operations": ["O2"],
        }
    )
    o1, o2 = operation_views(q)
    assert [p.id for p in o1.purposes] == ["P1"] and [p.id for p in o2.purposes] == ["P1", "P2"]
    assert o1.data == [] and [c.id for c in o2.data] == ["D1"]
    # The basis of P1 covers the operations of its purpose; the party serves both.
    assert [b.purpose for b in o1.bases] == ["P1"] and len(o2.parties) == 1


def test_the_proctoring_dpia_shows_each_operation_with_what_belongs_to_it() -> None:
    sample = ROOT / "samples" / "vocational-exam-proctoring.yaml"
    page = prepare(assess_file(sample), "dpia", "nl").html
    block = re.search(r'<div class="operation" id="operation-O5">(.*?)</div>', page, re.S)
    assert block, "operation O5 has no block of its own"
    text = plain(block.group(1))
    assert "Examina Review Services Pvt. Ltd." in text  # the party linked to O5 only
    assert "Amazon Web Services" not in text  # a party not linked to O5
    assert "Verwerkingsdoeleinden" in text or "Doeleinden" in text
    assert "India" in text  # the review team's location, by name


def test_the_joint_base_links_operations() -> None:
    sample = ROOT / "samples" / "joint" / "school-a.yaml"
    q = assess_file(sample).questionnaire
    views = {v.operation.id: v for v in operation_views(q)}
    assert [p.id for p in views["O6"].purposes] == ["P6"]
    assert "Lumen Inference SAS" in [p.name for p in views["O6"].parties]
    assert "Lumen Inference SAS" not in [p.name for p in views["O3"].parties]
