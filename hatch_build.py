"""Compile the gettext catalogs (locales/*/LC_MESSAGES/*.po) to .mo when the package is built.

The .po files are the source of truth in git; the .mo files are build output, so they are
written next to the .po (ignored by git) and shipped in the wheel through `force-include`.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict) -> None:  # type: ignore[type-arg]
        for po in Path(self.root, "locales").glob("*/LC_MESSAGES/*.po"):
            with po.open("rb") as f:
                catalog = read_po(f)
            with po.with_suffix(".mo").open("wb") as f:
                write_mo(f, catalog)
