"""Saving a document so that the same questionnaire gives the same bytes, with the
questionnaire attached as a custom XML part."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from dpia.docx.embedded import custom_xml


def attach(document: Document, name: str, data: bytes) -> None:
    """Attach the questionnaire as a custom XML part of the main document."""
    package = document.part.package
    taken = {str(p.partname) for p in package.iter_parts()}
    n = next(i for i in range(1, 100) if f"/customXml/item{i}.xml" not in taken)
    part = Part(
        PackURI(f"/customXml/item{n}.xml"), "application/xml", custom_xml(name, data), package
    )
    document.part.relate_to(part, RT.CUSTOM_XML)


def to_bytes(document: Document, date: dt.date) -> bytes:
    """The .docx with every zip entry stamped with the document's date, in python-docx's
    (fixed) order: zip timestamps are the only thing that would differ between runs."""
    raw = io.BytesIO()
    document.save(raw)
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
