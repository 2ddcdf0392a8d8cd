"""Saving a document so that the same questionnaire gives the same bytes, with the
questionnaire attached as a custom XML part."""

from __future__ import annotations

import datetime as dt
import io
import uuid
import zipfile

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from dpia.docx.embedded import NAMESPACE, custom_xml

# The data-store id Word gives a custom XML part, fixed for ours (a UUID 5 of its namespace).
ITEM_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE)).upper() + "}"
DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
    b'"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>dpia</Application><DocSecurity>0</DocSecurity></Properties>"
)


def attach(document: Document, name: str, data: bytes) -> None:
    """Attach the questionnaire as a custom XML part of the main document, with the
    properties part Word gives every custom XML part."""
    package = document.part.package
    taken = {str(p.partname) for p in package.iter_parts()}
    n = next(i for i in range(1, 100) if f"/customXml/item{i}.xml" not in taken)
    item = Part(
        PackURI(f"/customXml/item{n}.xml"), "application/xml", custom_xml(name, data), package
    )
    props_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<ds:datastoreItem xmlns:ds="{DATASTORE}" ds:itemID="{ITEM_ID}">'
        "<ds:schemaRefs/></ds:datastoreItem>"
    )
    props = Part(
        PackURI(f"/customXml/itemProps{n}.xml"),
        CT.OFC_CUSTOM_XML_PROPERTIES,
        props_xml.encode(),
        package,
    )
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def describe_application(document: Document) -> None:
    """docProps/app.xml from python-docx's template names an application and a page count
    that are not true of this file; say only what made it."""
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML


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
