"""The pipeline's order: each stage imports only the stages before it (and the base modules),
so a front end can be added on top and a stage can be tested on its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dpia"
# Stage packages under dpia/, in pipeline order. The base modules (dpia/__init__, resources,
# languages) hold no stage's logic and may be imported by every stage: they count as stage 0
# and may import no stage themselves.
STAGES = ("load", "model", "rules", "review", "context", "render", "pdf", "produce", "cli")
BASE = ("__init__", "resources", "languages")
ENTRY = ("__main__",)  # `python -m dpia`: above every stage


def stage(module: str) -> int:
    """The rank of a module named `dpia.x...` (0 for the base modules)."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in BASE:
        return 0
    if parts[1] in ENTRY:
        return len(STAGES) + 1
    assert parts[1] in STAGES, f"{module}: not a known stage; add it to STAGES in order"
    return STAGES.index(parts[1]) + 1


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(source: str, package: str) -> list[tuple[int, str]]:
    """Every dpia module a module of `package` imports, anywhere in it (lazy imports in
    functions too)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
    return [(line, name) for line, name in found if name == "dpia" or name.startswith("dpia.")]


MODULES = sorted(PACKAGE.rglob("*.py"))


def later_imports(path: Path, source: str) -> list[str]:
    me = module_name(path)
    package = me if path.name == "__init__.py" else module_name(path.parent)
    return [
        f"{path.name}:{line}: imports {name}"
        for line, name in imports(source, package)
        if stage(name) > stage(me)
    ]


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_no_module_imports_a_later_stage(path: Path) -> None:
    assert later_imports(path, path.read_text()) == [], f"{module_name(path)} imports a later stage"


def test_every_package_under_dpia_is_a_known_stage() -> None:
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages - {"_data"} == set(STAGES)


def test_the_check_sees_every_form_of_a_later_import() -> None:
    engine = PACKAGE / "render" / "engine.py"
    sources = [
        "import dpia.cli",
        "from dpia.produce import make_document",
        "def f():\n    from dpia.pdf.weasy import writer",  # lazy, inside a function
        "from ..cli import render",  # relative
    ]
    for source in sources:
        assert len(later_imports(engine, source)) == 1, source
    assert later_imports(engine, "from dpia.context.common import DocumentBase") == []
    assert later_imports(PACKAGE / "languages.py", "from dpia.model import enums") != []
