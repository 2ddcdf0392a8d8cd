"""The questionnaire inside a .docx: a custom XML part, as Word keeps such parts through
editing and saving. Reading it back needs only the standard library (`dpia extract`)."""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path
from xml.etree import ElementTree

NAMESPACE = "urn:dpia:questionnaire"
MAX_PART = 16 * 1024 * 1024  # a questionnaire is far smaller; refuse a zip bomb


def custom_xml(name: str, data: bytes) -> bytes:
    """The part's XML: the file name and the exact bytes, base64-encoded."""
    root = ElementTree.Element(f"{{{NAMESPACE}}}questionnaire", {"name": name})
    root.text = base64.b64encode(data).decode()
    ElementTree.register_namespace("dpia", NAMESPACE)
    xml: bytes = ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return xml


def read_questionnaires(path: Path) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every questionnaire embedded in a .docx; raises ValueError if the
    file is not a readable .docx."""
    found = []
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if not info.filename.startswith("customXml/item") or info.file_size > MAX_PART:
                    continue
                root = ElementTree.fromstring(z.read(info))
                if root.tag == f"{{{NAMESPACE}}}questionnaire":
                    found.append((_file_name(root.get("name")), _decode(root.text)))
    except (zipfile.BadZipFile, ElementTree.ParseError, OSError) as e:
        raise ValueError(str(e)) from None
    return found


def _file_name(name: str | None) -> str:
    """A plain file name: the part is data from whoever sent the .docx."""
    plain = Path(name or "").name
    return plain if plain not in ("", ".", "..") else "questionnaire.yaml"


def _decode(text: str | None) -> bytes:
    try:
        decoded: bytes = base64.b64decode(text or "", validate=True)
        return decoded
    except ValueError as e:
        raise ValueError(f"the embedded questionnaire is damaged: {e}") from None
