"""The model contract clauses as an editable Word document (.docx, opens in Word and WPS).

The same words as the clauses page (generator.render.paper): its title, the note that the clauses are
a reference to discuss and to have a lawyer review, then each clause as an item of a numbered list
("List Number", Word's own numbering, so that the merchant can delete or add clauses and the numbers
follow) with the criterion it serves. The file is byte-identical across builds: its dates come from
the edition's changelog and every zip entry carries one fixed timestamp.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from generator.render.base import Context, running_title
from generator.render.paper import clause_items
from generator.words.language_tags import language_tag

__all__ = ["clauses_docx_path", "render_clauses_docx"]

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every zip entry's timestamp: the earliest a zip file can hold, the same in every build."""
_EAST_ASIAN_FONTS = (("zh-Hant", "PMingLiU"), ("zh-TW", "PMingLiU"), ("zh-HK", "PMingLiU"), ("ja", "MS Mincho"),
                     ("ko", "Batang"))
"""East Asian font by language tag prefix; Simplified Chinese (宋体, in Word and WPS) otherwise."""


def clauses_docx_path(ctx: Context) -> str:
    """Where the downloads page links the document, relative to the language's docs folder."""
    meta = ctx.criteria.meta
    return f"downloads/{meta.id}-{meta.version}-clauses-{ctx.lang}.docx"


def render_clauses_docx(ctx: Context) -> bytes:
    """The clauses of ``ctx``'s language as .docx bytes."""
    document = Document()
    _page_and_fonts(document, language_tag(ctx.lang))
    _properties(document, ctx)
    text = ctx.texts.page_text("clauses")
    document.add_heading(ctx.label("clauses"), level=1)
    document.add_paragraph(running_title(ctx))
    document.add_paragraph().add_run(text.intro).bold = True
    clauses = clause_items(ctx.criteria)
    document.add_paragraph(text.instructions if clauses else text.empty)
    for clause in clauses:
        paragraph = document.add_paragraph(style="List Number")
        paragraph.add_run(clause.text(ctx.lang))
        paragraph.add_run().add_break()
        source = paragraph.add_run(ctx.label("clause_for", number=clause.criterion_number,
                                             title=clause.criterion.title(ctx.lang)))
        source.font.size, source.font.color.rgb = Pt(9), RGBColor(0x55, 0x55, 0x55)
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def _page_and_fonts(document: DocumentObject, tag: str) -> None:
    """A4 pages, and the language's East Asian font and language on the Normal style."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    properties = normal.element.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    font = next((f for prefix, f in _EAST_ASIAN_FONTS if tag == prefix or tag.startswith(prefix + "-")), "宋体")
    fonts.set(qn("w:eastAsia"), font)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = properties.makeelement(qn("w:lang"), {})
        properties.append(language)
    language.set(qn("w:val"), tag if not tag.startswith(("zh", "ja", "ko")) else "en-US")
    language.set(qn("w:eastAsia"), {"zh": "zh-CN", "zh-Hans": "zh-CN"}.get(tag, tag))


def _properties(document: DocumentObject, ctx: Context) -> None:
    """Core properties that say what the file is and never change between builds."""
    criteria = ctx.criteria
    stamp = criteria.changelog[0].date if criteria.changelog else "2000-01-01"
    when = datetime.strptime(stamp, "%Y-%m-%d").replace(tzinfo=UTC)
    core = document.core_properties
    core.title = f"{ctx.label('clauses')} · {running_title(ctx)}"
    core.subject = criteria.meta.title(ctx.lang)
    core.author = core.last_modified_by = core.comments = core.keywords = core.category = ""
    core.language = language_tag(ctx.lang)
    core.version, core.revision = criteria.meta.version, 1
    core.created = core.modified = core.last_printed = when


def _fixed_zip(data: bytes) -> bytes:
    """``data`` (a zip file) with the same entries in the same order, each with the fixed timestamp."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, ZIP_TIME)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
