"""An image of the questionnaire's (description.proposal_images) as a Word figure: the picture
at its own size or the text width, whichever is smaller, its caption below, and the caption's
title as the description screen readers announce.

A PNG is placed as it is. An SVG is placed as Word 2016 and later place one: the drawing in an
`svgBlip` extension of the picture, with a PNG that older readers show instead. Nothing
installed can draw an SVG as pixels, so that PNG is a plain panel naming the image; Word draws
the SVG itself. The images were checked when the questionnaire was read (dpia/context/logo.py).
"""

from __future__ import annotations

import base64
import io
import re
from functools import cache
from xml.etree import ElementTree

from docx.image.image import Image as DocxImage
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Cm
from PIL import Image, ImageDraw, ImageFont

from dpia.docx.runs import Run
from dpia.docx.writer import TEXT_WIDTH_CM, Writer
from dpia.resources import SHARED

SVG_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"  # Word's id of the SVG picture extension
ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PX_CM = 2.54 / 96  # an SVG's user unit (CSS pixel)
MAX_HEIGHT_CM = 20.0  # a tall image leaves room on its page for the caption
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")  # user units; other units: the viewBox
_NUMBER = re.compile(r"^(-?[0-9.]+)$")


def figure(w: Writer, url: str, alt: str, caption: list[Run]) -> None:
    """The image of data URL `url` with `caption` below it; `alt` for screen readers."""
    mime, _, encoded = url.partition(";base64,")
    data = base64.b64decode(encoded)
    paragraph = w.doc.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    run = w.bare_run(paragraph)
    svg = mime == "data:image/svg+xml"
    if svg:
        width, height = _svg_size(data)
        picture = _panel(
            alt,
            w._("A drawing that Word 2016 or later shows here, as does the PDF."),
            width / height,
        )
    else:
        image = DocxImage.from_blob(data)
        width, height, picture = image.width.cm, image.height.cm, data
    scale = min(1.0, TEXT_WIDTH_CM / width, MAX_HEIGHT_CM / height)  # never enlarged
    run.add_picture(io.BytesIO(picture), width=Cm(width * scale), height=Cm(height * scale))
    if svg:
        _add_svg(w, paragraph._p, data)
    paragraph._p.xpath(".//wp:docPr")[0].set("descr", alt)
    caption_paragraph = w.doc.add_paragraph(style=w.doc.styles["Caption"])
    w.runs(caption_paragraph, caption)


def _svg_size(data: bytes) -> tuple[float, float]:
    """Width and height in cm from the SVG's width and height, else its viewBox."""
    root = ElementTree.fromstring(data)
    sizes = [_number(_LENGTH, root.get(key)) for key in ("width", "height")]
    if sizes[0] and sizes[1]:
        return sizes[0] * PX_CM, sizes[1] * PX_CM
    box = [_number(_NUMBER, x) for x in (root.get("viewBox") or "").replace(",", " ").split()]
    if len(box) == 4 and box[2] and box[3]:
        return box[2] * PX_CM, box[3] * PX_CM
    return TEXT_WIDTH_CM, TEXT_WIDTH_CM / 2  # no size given: the text width, landscape


def _number(pattern: re.Pattern[str], text: str | None) -> float | None:
    """A positive number in `text` as `pattern` finds it; None otherwise."""
    found = pattern.match(text or "")
    try:
        value = float(found[1]) if found else 0.0
    except ValueError:  # "1.2.3"
        return None
    return value if value > 0 else None


def _add_svg(w: Writer, p: object, data: bytes) -> None:
    """The SVG as a part of the document, named in the picture's blip."""
    package = w.doc.part.package
    taken = {str(part.partname) for part in package.iter_parts()}
    n = next(i for i in range(1, 10_000) if f"/word/media/drawing{i}.svg" not in taken)
    part = Part(PackURI(f"/word/media/drawing{n}.svg"), "image/svg+xml", data, package)
    rid = w.doc.part.relate_to(part, RT.IMAGE)
    blip = p.xpath(".//a:blip")[-1]  # type: ignore[attr-defined]
    blip.append(
        parse_xml(
            f'<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f'<a:ext uri="{SVG_EXT}"><asvg:svgBlip xmlns:asvg="{ASVG}" xmlns:r="{R}"'
            f' r:embed="{rid}"/></a:ext></a:extLst>'
        )
    )


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(SHARED / "fonts" / "OpenSans-Regular.ttf"), size)


def _panel(title: str, shown: str, aspect: float) -> bytes:
    """The stand-in older readers show for an SVG: a pale panel with the image's title and
    where the drawing itself can be seen."""
    width = 1200
    height = min(max(round(width / aspect), 120), 2400)  # Word stretches it to the drawing's
    image = Image.new("RGB", (width, height), "#f3f5f8")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width - 1, height - 1], outline="#a0a8b4", width=3)
    middle = (width / 2, height / 2)
    draw.text(middle, title[:70], fill="#1d2430", font=_font(30), anchor="md")
    draw.text(middle, shown[:90], fill="#5a6473", font=_font(24), anchor="ma")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
