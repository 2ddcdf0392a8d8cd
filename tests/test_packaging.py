"""An installed wheel, not only a checkout, carries its templates, catalogs and fonts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from dpia.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_templates_compiled_catalogs_and_fonts(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    [wheel] = tmp_path.glob("dpia-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "dpia/_data/"
    for lang in LANGUAGES:
        assert f"{data}templates/{lang}/dpia.html.j2" in names
        assert f"{data}locales/{lang}/LC_MESSAGES/dpia.mo" in names
    assert f"{data}templates/shared/style.css" in names
    assert f"{data}templates/shared/fonts/OpenSans-Regular.ttf" in names
    assert f"{data}templates/shared/fonts/LICENSE-OpenSans.txt" in names
    assert "dpia/cli/__init__.py" in names

    # Installed on its own (no checkout on the path), it finds its data and translates.
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import dpia.resources as r, dpia.render.i18n as i;"
        "print(r.TEMPLATES); print(i.Translator('nl').label(__import__('dpia.model.enums',"
        "fromlist=['x']).Status.draft))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    templates, draft = out.stdout.split("\n")[:2]
    assert templates.startswith(str(target)) and templates.endswith("_data/templates")
    assert draft == "concept"
