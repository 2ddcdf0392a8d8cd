"""What every document shares, as in templates/shared/base.html.j2: page, fonts and language,
running header and page numbers, the draft mark, the cover and the document properties."""

from __future__ import annotations

import base64
import datetime as dt
import io
from xml.sax.saxutils import quoteattr

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from lxml import etree

from dpia.docx.prose import Framed
from dpia.docx.runs import Run
from dpia.docx.writer import LANG_TAGS, Cell, Writer, set_lang

FONT = "Open Sans"  # bundled with the PDF (templates/shared/fonts); Word has no copy of it
FALLBACK = "Arial"  # what Word and LibreOffice use where Open Sans is not installed
INK = RGBColor(0x1D, 0x24, 0x30)
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def blank_document(lang: str) -> Document:
    """A document from python-docx's template, with our fonts, language and page set up."""
    document = new_document()
    _drop_thumbnail(document)
    _fonts(document, LANG_TAGS[lang])
    _font_table(document)
    settings = document.settings.element
    update = OxmlElement("w:updateFields")  # Word offers to fill in the table of contents
    update.set(qn("w:val"), "true")
    settings.insert_element_before(
        update,
        "w:hdrShapeDefaults",
        "w:footnotePr",
        "w:endnotePr",
        "w:compat",
        "w:docVars",
        "w:rsids",
        "m:mathPr",
        "w:attachedSchema",
        "w:themeFontLang",
        "w:clrSchemeMapping",
        "w:doNotIncludeSubdocsInStats",
        "w:doNotAutoCompressPictures",
        "w:forceUpgrade",
        "w:captions",
        "w:readModeInkLockDown",
        "w:smartTagType",
        "sl:schemaLibrary",
        "w:shapeDefaults",
        "w:doNotEmbedSmartTags",
        "w:decimalSymbol",
        "w:listSeparator",
    )
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANG_TAGS[lang])
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    return document


def _drop_thumbnail(document: Document) -> None:
    """python-docx's template carries a picture of an empty page as the file's thumbnail."""
    rels = document.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[rid]


def _fonts(document: Document, tag: str) -> None:
    """Open Sans and the document's language in every style, theme fonts removed (they would
    take precedence over the named font)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for element in [r_pr, *styles.iter(qn("w:rPr"))]:
        fonts = element.find(qn("w:rFonts"))
        if fonts is not None:
            for attr in _THEME_ATTRS:
                fonts.attrib.pop(qn(attr), None)
        if element is r_pr or fonts is not None:
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                element.insert(0, fonts)
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attr), FONT)
        if element.find(qn("w:lang")) is not None or element is r_pr:
            set_lang(element, tag)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    for name, size in (
        ("Title", 24),
        ("Heading 1", 16),
        ("Heading 2", 13),
        ("Heading 3", 11),
        ("Heading 4", 10),
    ):
        style = document.styles[name]
        style.font.size, style.font.color.rgb = Pt(size), INK
    caption = document.styles["Caption"]  # the text decides what is bold, as in the PDF
    caption.font.bold, caption.font.size, caption.font.color.rgb = False, Pt(9), INK
    document.styles["Body Text"].paragraph_format.space_after = Pt(2)
    document.styles["Table Grid"].font.size = Pt(9)  # as the PDF's tables, a size smaller


def _font_table(document: Document) -> None:
    """Name Open Sans in the font table with a sans-serif fallback, so that a machine without
    it shows Arial rather than the default serif."""
    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    root = etree.fromstring(part.blob)
    entry = parse_xml(
        f'<w:font {nsdecls("w")} w:name="{FONT}"><w:altName w:val="{FALLBACK}"/>'
        '<w:panose1 w:val="020B0606030504020204"/><w:charset w:val="00"/>'
        '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    )
    root.append(entry)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------------- header and footer
def _field(paragraph: Paragraph, instruction: str, tag: str) -> None:
    """A Word field (PAGE, NUMPAGES, TOC): begin, instruction, separate, end."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        run = paragraph.add_run()
        set_lang(run._r.get_or_add_rPr(), tag)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)


def running_parts(w: Writer, title: str, running: str, draft: bool) -> None:
    """The title and a line of facts at the top, 'page X of Y' at the bottom, none on the
    first page; the DRAFT mark on every page of a `draft`."""
    section = w.doc.sections[0]
    section.different_first_page_header_footer = True
    tag = LANG_TAGS[w.lang]
    header = section.header.paragraphs[0]
    w.runs(header, [Run(title, bold=True)])
    w.runs(header, [Run("  ·  " + running, small=True)])
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    w.runs(footer, [Run(w._("page") + " ", small=True)])
    _field(footer, "PAGE", tag)
    w.runs(footer, [Run(" " + w._("of") + " ", small=True)])
    _field(footer, "NUMPAGES", tag)
    if draft:
        mark = w._("DRAFT")
        for n, part in enumerate((section.header, section.first_page_header), 1):
            part.paragraphs[0]._p.append(_watermark(mark, n))


def _watermark(text: str, n: int) -> etree._Element:
    """A pale diagonal word behind the text, as Word draws its own watermarks (VML in the
    header), so that Word's Design > Watermark can change or remove it."""
    return parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"'
        ' xmlns:o="urn:schemas-microsoft-com:office:office"><w:pict>'
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"'
        ' path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>'
        '<v:textpath on="t" fitshape="t"/></v:shapetype>'
        f'<v:shape id="PowerPlusWaterMarkObject{n}" o:spid="_x0000_s204{n}" type="#_x0000_t136"'
        ' style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;'
        "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
        "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
        'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#d9dde3"'
        ' stroked="f"><v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;{FONT}&quot;;font-size:1pt"'
        f" string={quoteattr(text)}/>"
        "</v:shape></w:pict></w:r>"
    )


# ---------------------------------------------------------------------- cover and contents
def cover(
    w: Writer,
    ctx: Framed,
    doc_title: str,
    colophon: list[Run],
    own_title: tuple[list[Run], list[Run]] | None = None,
) -> None:
    """The cover page: document kind, title, organisation and the facts table. `own_title` is
    a document's own title and subtitle in place of the assessment's."""
    q, _ = ctx.q, w._
    logo(w, ctx.logo, 1.8)
    w.para(Run(doc_title.upper(), bold=True, small=True))
    title = w.doc.add_paragraph(style="Title")
    if own_title is not None:
        w.runs(title, own_title[0])
        w.para(*own_title[1], style="Subtitle")
    else:
        w.runs(title, w.answer_runs(q.meta.title))
        if q.meta.subject:
            w.para(*w.answer_runs(q.meta.subject), style="Subtitle")
    w.para(Run(q.meta.organisation.name, bold=True))
    review = Run(w.t.date(q.meta.review_date)) if q.meta.review_date else None
    facts: list[tuple[str, Cell]] = [
        (_("Version"), Run(q.meta.version)),
        (_("Status"), Run(w.t.label(q.meta.status))),
        (_("Assessment date"), Run(w.t.date(q.meta.assessment_date))),
        (_("Next review"), review),
        (_("Classification"), Run(w.t.label(q.meta.classification).upper())),
    ]
    if q.meta.authors:
        facts.append((_("Authors"), Run(", ".join(q.meta.authors))))
    written = ", ".join(w.t.label(x) for x in q.meta.languages)
    if not w.translated:
        written += f" · {_('the answers are quoted as written, not translated')}"
    facts.append((_("Answers written in"), Run(written)))
    central = ctx.central
    if central is not None:
        source = [*w.answer_runs(central.title)]
        source.append(Run(f", {_('version')} {central.version} ({w.t.date(central.date)})"))
        if central.confirmed and central.confirmed != central.version:
            note = _("confirmed: version %(version)s") % {"version": central.confirmed}
            source.append(Run(f" ({note})", gap=True))
        facts.append((_("Central assessment"), source))
    w.facts(facts)
    w.para(*colophon)


def logo(w: Writer, url: str | None, height_cm: float) -> None:
    """The organisation's logo in a paragraph of its own, when it is a PNG."""
    png = png_logo(url)
    if png is not None:
        w.bare_run(w.doc.add_paragraph()).add_picture(io.BytesIO(png), height=Cm(height_cm))


def png_logo(logo: str | None) -> bytes | None:
    """The organisation's logo when it is a PNG. python-docx cannot place SVG, and Word needs a
    PNG beside an SVG anyway, which nothing installed can draw: an SVG logo is left out."""
    prefix = "data:image/png;base64,"
    if logo is None or not logo.startswith(prefix):
        return None
    return base64.b64decode(logo[len(prefix) :])


def contents(w: Writer) -> Paragraph:
    """A table-of-contents field over the heading styles. Word fills it in, with page numbers,
    when the document is opened (settings: updateFields); `fill_contents` puts the headings in
    as the field's current text, so that a reader that does not update fields still lists
    them."""
    w.heading(w._("Contents"), 1)
    p = w.doc.add_paragraph()
    tag = LANG_TAGS[w.lang]
    _field(p, 'TOC \\o "1-2" \\h \\z \\u', tag)
    w.page_break()
    return p


def fill_contents(w: Writer, toc: Paragraph) -> None:
    """The headings after the table of contents as the field's result, one paragraph each,
    between the field's 'separate' and its 'end'."""
    end = toc.runs[-1]._r
    levels = {"Heading 1": 0, "Heading 2": 1}
    body = list(w.doc.paragraphs)
    start = [p._p for p in body].index(toc._p) + 1
    entries = [(p, levels[name]) for p in body[start:] if (name := _style(p)) in levels]
    anchor = toc._p
    for heading, level in entries:
        entry = w.doc.add_paragraph()  # made at the end, then moved into place
        entry.paragraph_format.left_indent = Cm(0.6 * level)
        entry.paragraph_format.space_after = Pt(1)
        w.runs(entry, [Run(heading.text, bold=level == 0)])
        anchor.addnext(entry._p)
        anchor = entry._p
    if entries:
        anchor.append(end)  # the field ends after the last entry


def _style(p: Paragraph) -> str:
    return p.style.name if p.style is not None and p.style.name else ""


def properties(
    document: Document, ctx: Framed, title: str, subject: str, keywords: str, kind: str
) -> None:
    """Title, author, subject, keywords and language; dates from the questionnaire, so that the
    same answers give the same file."""
    when = dt.datetime.combine(ctx.date, dt.time(), tzinfo=dt.UTC)
    props = document.core_properties
    props.title = title
    props.author = ctx.q.meta.organisation.name
    props.subject = subject
    props.keywords = keywords
    props.language = LANG_TAGS[ctx.lang]
    props.category = kind
    props.comments = ""
    props.last_modified_by = "dpia"
    props.revision = 1
    props.created = props.modified = props.last_printed = when
