"""Where the templates, catalogs and fonts are: inside an installed wheel (dpia/_data, put
there by the build's force-include) or, in a source checkout, the repository's top level."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "_data"
DATA = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parent.parent
TEMPLATES = DATA / "templates"
LOCALES = DATA / "locales"
SHARED = TEMPLATES / "shared"
