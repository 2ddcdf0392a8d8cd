"""`extends`: how an overlay merges into its base, and where errors point."""

from __future__ import annotations

from pathlib import Path

from dpia.load import load
from dpia.model import validate_file


def files(tmp_path: Path, **contents: str) -> Path:
    for name, text in contents.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


BASE = """\
meta:
  title: Joint assessment
  version: "1.0"
  authors: [Cooperative]
risks:
  - id: R1
    title: Leak
    likelihood: limited
  - id: R2
    title: Loss
sign_off:
  - role: Board
"""


def test_mappings_merge_lists_by_id_merge_other_lists_replace(tmp_path: Path) -> None:
    files(
        tmp_path,
        **{
            "base.yaml": BASE,
            "school.yaml": (
                "extends: base.yaml\nmeta:\n  version: '1.1'\n  authors: [School]\n"
                "risks:\n  - id: R2\n    title: Loss of data\n  - id: R3\n    title: New\n"
            ),
        },
    )
    loaded = load(tmp_path / "school.yaml")
    assert loaded.data["meta"] == {
        "title": "Joint assessment",
        "version": "1.1",
        "authors": ["School"],
    }
    assert loaded.data["risks"] == [
        {"id": "R1", "title": "Leak", "likelihood": "limited"},
        {"id": "R2", "title": "Loss of data"},
        {"id": "R3", "title": "New"},
    ]
    assert loaded.data["sign_off"] == [{"role": "Board"}]
    assert "extends" not in loaded.data
    assert [p.name for p in loaded.sources] == ["base.yaml", "school.yaml"]


def test_positions_point_into_the_file_that_wrote_the_value(tmp_path: Path) -> None:
    files(
        tmp_path,
        **{"base.yaml": BASE, "school.yaml": "extends: base.yaml\nmeta:\n  version: '2'\n"},
    )
    loaded = load(tmp_path / "school.yaml")
    assert str(loaded.value_pos[("meta", "title")]).endswith("base.yaml:2:10")
    assert str(loaded.value_pos[("meta", "version")]).endswith("school.yaml:3:12")


def test_chains_of_overlays(tmp_path: Path) -> None:
    files(
        tmp_path,
        **{
            "base.yaml": BASE,
            "region/mid.yaml": "extends: ../base.yaml\nmeta:\n  title: Region\n",
            "region/school.yaml": "extends: mid.yaml\nmeta:\n  version: '3'\n",
        },
    )
    loaded = load(tmp_path / "region" / "school.yaml", root=tmp_path)  # as a batch of tmp_path
    assert loaded.data["meta"]["title"] == "Region"
    assert loaded.data["meta"]["version"] == "3"
    assert len(loaded.sources) == 3


def test_a_base_outside_the_folder_or_root_is_refused(tmp_path: Path) -> None:
    """The merged questionnaire is embedded in every PDF: a base from elsewhere would be
    published. Alone, region/school.yaml may only extend files inside region/."""
    files(
        tmp_path,
        **{
            "base.yaml": BASE,
            "region/mid.yaml": "extends: ../base.yaml\nmeta:\n  title: Region\n",
            "region/school.yaml": "extends: mid.yaml\nmeta:\n  version: '3'\n",
        },
    )
    [problem] = validate_file(tmp_path / "region" / "school.yaml").problems
    assert str(problem.pos).endswith("region/mid.yaml:1:10")
    assert problem.text().startswith(f"the base file must be inside {tmp_path / 'region'}: ")


def test_an_error_in_the_base_is_reported_in_the_base(tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    from tests.factory import data

    base = data(**{"meta.status": "done"})
    with (tmp_path / "base.yaml").open("w") as f:
        YAML(typ="safe", pure=True).dump(base, f)
    (tmp_path / "school.yaml").write_text("extends: base.yaml\nmeta:\n  version: '2'\n")
    [problem] = validate_file(tmp_path / "school.yaml").problems
    assert problem.pos.file.endswith("base.yaml")
    assert problem.field == "meta.status"


def test_missing_base_and_cycles_name_the_chain(tmp_path: Path) -> None:
    files(
        tmp_path,
        **{
            "a.yaml": "extends: b.yaml\n",
            "b.yaml": "extends: a.yaml\n",
            "c.yaml": "extends: nowhere.yaml\n",
        },
    )
    [cycle] = validate_file(tmp_path / "a.yaml").problems
    assert "a.yaml -> " in cycle.text() and "b.yaml" in cycle.text()
    [missing] = validate_file(tmp_path / "c.yaml").problems
    assert "nowhere.yaml" in missing.text()
    assert missing.pos.line == 1
