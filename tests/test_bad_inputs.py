"""The bad-input catalogue: each file under tests/bad/ and the exact lines a user sees for it.

Every case starts from tests/bad/_valid.yaml (or a shorter piece of it) and breaks one thing,
except multiple-errors.yaml, which breaks several. Paths are shown relative to the working
folder, so the tests run from the repository root.
"""

from __future__ import annotations

import copy
import json
import re
import time
import typing
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from ruamel.yaml import YAML

from dpia.load.source import MAX_BYTES, SUFFIXES
from dpia.model import Questionnaire, validate_file

ROOT = Path(__file__).resolve().parent.parent
BAD = Path("tests/bad")
B = "tests/bad/"

# fmt: off
CASES: list[tuple[str, list[str]]] = [
    ("age-range.yaml", [
        B + "age-range.yaml:16:18: description.data_subjects[0].age_range: min is greater than"
        " max",
    ]),
    ("alias-bomb.yaml", [
        B + "alias-bomb.yaml:6:8: alias *e takes the file past 100000 values",
    ]),
    ("bad-country.yaml", [
        B + "bad-country.yaml:16:16: description.parties[0].country: expected a two-letter"
        " country code in capitals, such as NL or US",
    ]),
    ("bad-email.yaml", [
        B + "bad-email.yaml:8:14: meta.organisation.dpo.email: expected an e-mail address",
    ]),
    ("bad-id.yaml", [
        B + "bad-id.yaml:13:11: description.purposes[0].id: expected an id: a letter, then"
        " letters, digits, '_', '.' or '-' (at most 40)",
    ]),
    ("bad-indentation.yaml", [
        B + "bad-indentation.yaml:5:4: YAML syntax: this line does not fit the lines above;"
        " check its indentation, and look for a quote left open above it",
    ]),
    ("bool-no.yaml", [
        B + "bool-no.yaml:6:18: meta.organisation.public_body: expected true or false, not the"
        " text 'no'",
    ]),
    ("control-character.yaml", [
        B + "control-character.yaml:2:18: the file contains a control character (U+0007), which"
        " is not allowed",
    ]),
    ("dangling-measure.yaml", [
        B + "dangling-measure.yaml:17:21: risks[0].measures[1]: unknown id 'encryption'; known:"
        " mfa",
    ]),
    ("dangling-processor.yaml", [
        B + "dangling-processor.yaml:18:14: processor_agreement.processor: unknown id"
        " 'platform'; known: vendor",
    ]),
    ("dangling-purpose.yaml", [
        B + "dangling-purpose.yaml:17:16: lawfulness.lawful_bases[0].purpose: unknown id"
        " 'teachng'; known: teaching",
    ]),
    ("date-for-text.yaml", [
        B + "date-for-text.yaml:6:12: meta.version: expected text, got a date; put it in quotes",
    ]),
    ("datetime-for-date.yaml", [
        B + "datetime-for-date.yaml:8:20: meta.assessment_date: expected a date (YYYY-MM-DD),"
        " not a date and time",
    ]),
    ("deep-nesting.yaml", [
        B + "deep-nesting.yaml:1:47: nested deeper than 40 levels",
    ]),
    ("duplicate-id.yaml", [
        B + "duplicate-id.yaml:16:9: measures[1].id: duplicate id 'mfa'",
    ]),
    ("duplicate-key.yaml", [
        B + "duplicate-key.yaml:5:3: key 'version' appears twice in this mapping",
    ]),
    ("empty-list.yaml", [
        B + "empty-list.yaml:10:14: meta.languages: needs at least 1 item(s)",
    ]),
    ("empty-text.yaml", [
        B + "empty-text.yaml:2:10: meta.title: text is empty; leave the field out instead",
    ]),
    ("empty.yaml", [
        B + "empty.yaml:1:1: the file holds no data",
    ]),
    ("enum-in-list.yaml", [
        B + "enum-in-list.yaml:10:19: meta.languages[1]: 'de' is not one of: nl, en",
    ]),
    ("enum-no-match.yaml", [
        B + "enum-no-match.yaml:9:19: meta.classification: 'restricted' is not one of: public,"
        " internal, confidential, secret",
    ]),
    ("enum-typo.yaml", [
        B + "enum-typo.yaml:7:11: meta.status: 'drafft' is not one of: draft, final (did you"
        " mean 'draft'?)",
    ]),
    ("escaped-control-character.yaml", [
        B + "escaped-control-character.yaml:2:10: meta.title: text contains a control character"
        " (U+001B)",
    ]),
    ("extends-base-error.yaml", [
        B + "extends-base-error.yaml:5:5: meta.organisation.sectr: unknown field; did you mean"
        " 'sector'?",
        B + "extends/typo-base.yaml:7:11: meta.status: 'drafft' is not one of: draft, final"
        " (did you mean 'draft'?)",
    ]),
    ("extends-cycle.yaml", [
        B + "extends/cycle-b.yaml:1:10: extends: circular extends: tests/bad/extends-cycle.yaml"
        " -> tests/bad/extends/cycle-a.yaml -> tests/bad/extends/cycle-b.yaml ->"
        " tests/bad/extends/cycle-a.yaml",
    ]),
    ("extends-duplicate-id.yaml", [
        B + "extends-duplicate-id.yaml:5:9: measures[1].id: duplicate id 'mfa'",
    ]),
    ("extends-missing.yaml", [
        B + "extends/middle.yaml:1:10: extends: base file not found:"
        " tests/bad/extends-missing.yaml -> tests/bad/extends/middle.yaml ->"
        " tests/bad/extends/gone.yaml",
    ]),
    ("extends-not-text.yaml", [
        B + "extends-not-text.yaml:1:10: extends: expected the path of a base file, as text",
    ]),
    ("extends-wrong-suffix.yaml", [
        B + "extends-wrong-suffix.yaml:1:10: extends: the base file must be .yaml, .yml or"
        " .json: tests/bad/extends-wrong-suffix.yaml -> tests/bad/extends/notes.txt",
    ]),
    ("huge-integer.yaml", [
        B + "huge-integer.yaml:6:12: meta.version: number is too long",
    ]),
    ("invalid-date.yaml", [
        B + "invalid-date.yaml:8:20: meta.assessment_date: '2025-02-30' is not a valid date;"
        " expected YYYY-MM-DD",
    ]),
    ("json-date.json", [
        B + "json-date.json:7:24: meta.assessment_date: '01-03-2025' is not a valid date;"
        " expected YYYY-MM-DD",
    ]),
    ("json-duplicate-key.json", [
        B + "json-duplicate-key.json:5:5: key 'title' appears twice in this mapping",
    ]),
    ("json-lone-surrogate.json", [
        B + "json-lone-surrogate.json:3:14: meta.title: text contains a lone surrogate"
        " (\\ud800), which is not a character",
    ]),
    ("json-syntax.json", [
        B + "json-syntax.json:4:5: JSON syntax: expecting ',' delimiter",
    ]),
    ("json-top-level-value.json", [
        B + "json-top-level-value.json:1:1: the file must hold a mapping (key: value), not a"
        " single value",
    ]),
    ("json-trailing-comma.json", [
        B + "json-trailing-comma.json:4:21: JSON syntax: a comma with nothing after it (JSON"
        " allows no trailing comma)",
    ]),
    ("lawful-bases-without-ids.yaml", [  # one basis may go without an id, two may not
        B + "lawful-bases-without-ids.yaml:22:7: lawfulness.lawful_bases[1]: give each item an id"
        " when there are several (e.g. id: B2)",
    ]),
    ("list-for-mapping.yaml", [
        B + "list-for-mapping.yaml:4:5: meta.organisation: expected a mapping of fields, got a"
        " list",
    ]),
    ("list-for-text.yaml", [
        B + "list-for-text.yaml:3:5: meta.title: expected text, got a list",
    ]),
    ("mapping-key.yaml", [
        B + "mapping-key.yaml:7:5: keys must be text, not a mapping",
    ]),
    ("merge-key.yaml", [
        B + "merge-key.yaml:6:5: merge keys (<<) are not allowed; write the keys out, or use"
        " extends",
    ]),
    ("missing-nested.yaml", [
        B + "missing-nested.yaml:3:3: meta.organisation.sector: required field is missing",
    ]),
    ("missing-top.yaml", [
        B + "missing-top.yaml:1:1: meta: required field is missing",
    ]),
    ("multiple-errors.yaml", [
        B + "multiple-errors.yaml:3:3: meta.organisation.sector: required field is missing",
        B + "multiple-errors.yaml:5:12: meta.version: expected text, got a number; put it in"
        " quotes",
        B + "multiple-errors.yaml:6:11: meta.status: 'drafft' is not one of: draft, final (did"
        " you mean 'draft'?)",
        B + "multiple-errors.yaml:15:16: description.parties[0].country: expected a two-letter"
        " country code in capitals, such as NL or US",
        B + "multiple-errors.yaml:16:7: description.parties[0].agrement: unknown field; did you"
        " mean 'agreement'?",
        B + "multiple-errors.yaml:19:12: risks[0].title: text contains a control character"
        " (U+0000)",
        B + "multiple-errors.yaml:23:16: risks[0].measures[0]: unknown id 'mfa'; known: none"
        " yet (add them under measures)",
    ]),
    ("national-id-no-which.yaml", [
        B + "national-id-no-which.yaml:13:7: description.personal_data[0]: kind is national_id:"
        " give national_id (bsn, pgn or other)",
    ]),
    ("not-utf8.yaml", [
        B + "not-utf8.yaml:4:16: file is not valid UTF-8 (byte 0xfc); save it as UTF-8",
    ]),
    ("number-for-text-field.yaml", [
        B + "number-for-text-field.yaml:2:10: meta.title: expected text, got a number; put it"
        " in quotes",
    ]),
    ("number-for-text.yaml", [
        B + "number-for-text.yaml:6:12: meta.version: expected text, got a number; put it in"
        " quotes",
    ]),
    ("number-key.yaml", [
        B + "number-key.yaml:7:3: meta: keys must be text, not the number 2",
    ]),
    ("number-out-of-range.yaml", [
        B + "number-out-of-range.yaml:15:33: description.data_subjects[0].age_range.max: must"
        " be at most 120",
    ]),
    ("python-tag.yaml", [
        B + "python-tag.yaml:6:12: YAML tags such as !!python/object/apply:os.system are not"
        " allowed",
    ]),
    ("quote-left-open.yaml", [
        B + "quote-left-open.yaml:3:13: YAML syntax: this line does not fit the lines above;"
        " check its indentation, and look for a quote left open above it",
    ]),
    ("recursive-alias.yaml", [
        B + "recursive-alias.yaml:2:26: alias *people is inside the value it refers to",
    ]),
    ("special-no-category.yaml", [
        B + "special-no-category.yaml:13:7: description.personal_data[0]: kind is special: give"
        " special_category (the Art. 9(1) category)",
    ]),
    ("tab-indent.yaml", [
        B + "tab-indent.yaml:3:1: YAML syntax: a tab; YAML uses spaces to indent and after ':'",
    ]),
    ("text-empty-mapping.yaml", [
        B + "text-empty-mapping.yaml:2:10: meta.title: give the text itself, or a mapping with"
        " `nl` and/or `en`",
    ]),
    ("text-for-list.yaml", [
        B + "text-for-list.yaml:10:14: meta.languages: expected a list, got text",
    ]),
    ("text-for-number.yaml", [
        B + "text-for-number.yaml:15:27: description.data_subjects[0].approximate_number:"
        " expected a whole number, got text",
    ]),
    ("text-unknown-language.yaml", [
        B + "text-unknown-language.yaml:4:5: meta.title.de: unknown field; allowed: nl, en",
    ]),
    ("top-level-list.yaml", [
        B + "top-level-list.yaml:1:1: the file must hold a mapping (key: value), not a list",
    ]),
    ("two-documents.yaml", [
        B + "two-documents.yaml:11:1: YAML syntax: a second document starts here; a file holds"
        " one questionnaire",
    ]),
    ("unclosed-quote.yaml", [
        B + "unclosed-quote.yaml:3:12: YAML syntax: the quote that starts here is never closed",
    ]),
    ("undefined-alias.yaml", [
        B + "undefined-alias.yaml:3:17: YAML syntax: alias *school is not defined (anchor it"
        " first with &school)",
    ]),
    ("unknown-key-no-match.yaml", [
        B + "unknown-key-no-match.yaml:11:1: risk_register: unknown field; allowed: base_only,"
        " meta, screening, description, lawfulness, risks, measures, security, ai, equality,"
        " processor_agreement, further_agreements, consultation, notes, central, public",
    ]),
    ("unknown-key.yaml", [
        B + "unknown-key.yaml:3:3: meta.organisaton: unknown field; did you mean"
        " 'organisation'?",
    ]),
    ("unquoted-colon.yaml", [
        B + "unquoted-colon.yaml:2:14: YAML syntax: ':' is not allowed here; put text that"
        " contains ': ' in quotes, or check the indentation of this line and the one above",
    ]),
    ("wrong-suffix.txt", [
        B + "wrong-suffix.txt:1:1: expected a .yaml, .yml or .json file",
    ]),
    ("yaml-1.1.yaml", [
        B + "yaml-1.1.yaml:1:1: YAML 1.1 is not supported; use 1.2 or leave out %YAML",
    ]),
    ("yaml-syntax.yaml", [
        B + "yaml-syntax.yaml:4:10: YAML syntax: expected ',' or ']', but got ':'; is the '['"
        " on line 3, column 14 closed?",
    ]),
]
# fmt: on


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_valid_base_has_no_problems() -> None:
    v = validate_file(BAD / "_valid.yaml")
    assert [str(p) for p in v.problems] == []
    assert v.questionnaire is not None


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[name for name, _ in CASES])
def test_bad_input(name: str, expected: list[str]) -> None:
    v = validate_file(BAD / name)
    assert [str(p) for p in v.problems] == expected
    assert v.questionnaire is None


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[name for name, _ in CASES])
def test_positions_point_into_the_file(name: str, expected: list[str]) -> None:
    """Each line:column names a real place: a line of the file, a column on that line."""
    for line in expected:
        match = re.match(r"(.+?):(\d+):(\d+): ", line)
        assert match, line
        lines = Path(match.group(1)).read_bytes().decode("utf-8", "replace").splitlines()
        row, col = int(match.group(2)), int(match.group(3))
        assert 1 <= row <= max(len(lines), 1), line
        assert 1 <= col <= len(lines[row - 1] if lines else "") + 1, line


def test_every_file_is_in_the_catalogue() -> None:
    listed = {name for name, _ in CASES} | {"_valid.yaml", "extends-ok.yaml"}
    assert {p.name for p in BAD.iterdir() if p.is_file()} == listed


@pytest.mark.parametrize("name", ["alias-bomb.yaml", "deep-nesting.yaml"])
def test_hostile_input_is_refused_quickly(name: str) -> None:
    start = time.perf_counter()
    assert validate_file(BAD / name).problems
    assert time.perf_counter() - start < 1.0


def test_file_over_2_mib(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("meta:\n  title: " + "x" * MAX_BYTES + "\n")
    assert [str(p) for p in validate_file(path).problems] == [
        f"{path}:1:1: file is larger than 2097152 bytes (2 MiB)"
    ]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert [str(p) for p in validate_file(BAD / "nothing-here.yaml").problems] == [
        B + "nothing-here.yaml:1:1: no such file"
    ]
    (tmp_path / "folder.yaml").mkdir()
    assert [str(p) for p in validate_file(tmp_path / "folder.yaml").problems] == [
        f"{tmp_path / 'folder.yaml'}:1:1: is a folder, not a file"
    ]


def test_symbolic_link_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert [str(p) for p in validate_file(loop).problems] == [
        f"{loop}:1:1: cannot be read: {loop} is a link loop"
    ]


def test_extends_chain_is_bounded(tmp_path: Path) -> None:
    for i in range(12):
        (tmp_path / f"f{i}.yaml").write_text(f"extends: f{i + 1}.yaml\n")
    (tmp_path / "f12.yaml").write_text("meta: {}\n")
    [problem] = validate_file(tmp_path / "f0.yaml").problems
    assert str(problem).startswith(f"{tmp_path / 'f9.yaml'}:1:10: extends: more than 10 files")


def test_overlay_of_a_base_only_file() -> None:
    """The overlay is a real assessment: `base_only` marks the base, it is not inherited."""
    v = validate_file(BAD / "extends-ok.yaml")
    assert [str(p) for p in v.problems] == []
    assert v.questionnaire is not None
    assert v.questionnaire.base_only is False
    assert v.questionnaire.meta.organisation.name == "De Brug school"
    assert [m.id for m in v.questionnaire.measures] == ["mfa"]
    assert v.loaded is not None
    assert str(v.loaded.locate(("measures", 0, "kind"))) == B + "extends/base.yaml:15:11"


def test_control_characters_are_escaped_in_messages(tmp_path: Path) -> None:
    """Text from the file or its name can hold a terminal escape; the lines shown must not."""
    path = tmp_path / "\x1b[31mred.yaml"
    path.write_text('meta: {"\\e[31m": 1}\n')
    lines = [str(p) for p in validate_file(path).problems]
    shown = f"{tmp_path}/\\x1b[31mred.yaml"
    assert f"{shown}:1:8: meta: a key contains a control character (U+001B)" in lines
    assert all(line.isprintable() for line in lines)


# Fuzzing: whatever the bytes, validate_file returns located problems and never raises.

_TOKENS = [
    *"\n\n\n    ::--,,[]{}'\"#&*!?|>%@`\t\\",
    ": ", "- ", "  ", "meta", "title", "extends", "id", "nl", "en", "risks", "measures",
    "&a ", "*a", "!!python/object:os.system ", "!x ", "<<: ", "---\n", "...\n", "%YAML 1.1\n",
    "no", "true", "~", "null", "1.0", "2025-02-30", "2025-03-01 10:00:00", "0x1F", ".nan",
    "9" * 5000, "\\ud800", "\\e", "\\x00", "\u202e", "\x00", "\x07", "\ufeff", "é", "😀",
]  # fmt: skip


def _field_names() -> list[str]:
    """Every field name in the model, and a few more keys, for data the model half-knows."""
    names = {"nl", "en", "plain", "extends", "unknown"}
    todo: list[type[BaseModel]] = [Questionnaire]
    seen: set[type[BaseModel]] = set()
    while todo:
        model = todo.pop()
        seen.add(model)
        names |= set(model.model_fields)
        for info in model.model_fields.values():
            todo += [m for m in _models_in(info.annotation) if m not in seen]
    return sorted(names)


def _models_in(tp: object) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in typing.get_args(tp) for m in _models_in(arg)]


# An explicit range: hypothesis's default alphabet costs ~2 s to index on a fresh checkout.
_chars = st.characters(min_codepoint=0, max_codepoint=0x10FFFF)
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.sampled_from(["", " ", "draft", "NL", "a@b.nl", "2025-03-01", "x" * 301, "no"])
    | st.text(_chars, max_size=20)
)
_data = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(_field_names()), children, max_size=5)
    ),
    max_leaves=30,
)
_fuzz = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # would reach the terminal as controls


def _check(path: Path) -> None:
    v = validate_file(path)
    for p in v.problems:
        assert p.code != "internal", str(p)
        assert p.pos.line >= 1 and p.pos.col >= 1, str(p)
        assert not any(unicodedata.category(c) in _HIDDEN for c in str(p)), str(p)
    assert (v.questionnaire is not None) == (not v.problems)


@_fuzz
@given(raw=st.binary(max_size=300), suffix=st.sampled_from([".yaml", ".json"]))
def test_fuzz_random_bytes(fuzz_dir: Path, raw: bytes, suffix: str) -> None:
    path = fuzz_dir / f"input{suffix}"
    path.write_bytes(raw)
    _check(path)


@_fuzz
@given(parts=st.lists(st.sampled_from(_TOKENS) | st.text(_chars, max_size=5), max_size=40))
def test_fuzz_yaml_ish_text(fuzz_dir: Path, parts: list[str]) -> None:
    path = fuzz_dir / "input.yaml"
    path.write_bytes("".join(parts).encode("utf-8", "surrogatepass"))
    _check(path)


def _valid_data() -> dict[str, Any]:
    text = (ROOT / BAD / "_valid.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(json.dumps(YAML(typ="safe").load(text), default=str))
    return data


def _locs(node: Any, loc: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(node, dict):
        return [loc] + [sub for k, v in node.items() for sub in _locs(v, (*loc, k))]
    if isinstance(node, list):
        return [loc] + [sub for i, v in enumerate(node) for sub in _locs(v, (*loc, i))]
    return [loc]


_VALID = _valid_data()
_MISSING = object()


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(part, _MISSING)
    if isinstance(node, list) and isinstance(part, int) and part < len(node):
        return node[part]
    return _MISSING


_mutation = st.tuples(st.sampled_from(_locs(_VALID)[1:]), _data, st.booleans())


@settings(_fuzz, max_examples=150)  # each example parses a whole questionnaire
@given(mutations=st.lists(_mutation, min_size=1, max_size=4), suffix=st.sampled_from(SUFFIXES))
def test_fuzz_questionnaire_shaped_data(
    fuzz_dir: Path,
    mutations: list[tuple[tuple[str | int, ...], Any, bool]],
    suffix: str,
) -> None:
    """The valid file with values replaced or removed: exercises the model-error messages."""
    data = copy.deepcopy(_VALID)
    for loc, value, delete in mutations:
        parent: Any = data
        for part in loc[:-1]:
            parent = _child(parent, part)
        key = loc[-1]
        if isinstance(parent, dict) and delete:
            parent.pop(key, None)
        elif isinstance(parent, dict) or _child(parent, key) is not _MISSING:
            parent[key] = value
    path = fuzz_dir / f"input{suffix}"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    _check(path)
