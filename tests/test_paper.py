"""The paper trail's pages and files (issue 27): the clauses page, its Word document, the agency's declaration.

PDF page counts with the default criteria 1.2.0 (WeasyPrint, A4, Noto CJK), as measured: declaration
3 zh / 3 en (15 criteria, 21 questions; the closing text and seal block at the foot of the last page),
clauses 1 zh / 2 en (12 clauses).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from editions import context, label, texts
from pypdf import PdfReader

from conftest import DEFAULT_CRITERIA, ROOT
from generator.load import load_criteria, parse_criteria
from generator.render.clauses_docx import ZIP_TIME, clauses_docx_path, render_clauses_docx
from generator.render.form_pdfs import render_form_pdfs
from generator.render.pages import published_forms
from generator.render.paper import clause_items, declaration_items
from generator.site.outputs import render_all

CRITERIA = load_criteria(DEFAULT_CRITERIA)
SELF_CHECK = ROOT / "tests" / "fixtures" / "self_check.yaml"
LANGS = CRITERIA.meta.languages
DECLARATION_PAGES = {"zh": 3, "en": 3}
"""Pages of the declaration PDF with the default criteria, as measured."""
CLAUSES_PAGES = {"zh": 1, "en": 2}
"""Pages of the clauses PDF with the default criteria, as measured."""
SEAL_LABELS = ("field_company", "field_credit_code", "field_signatory", "field_seal")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _plain(html: str) -> str:
    """The visible text of a page, without tags, with HTML's entities for quotes undone."""
    text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)
    return _squash(text.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&"))


@pytest.fixture(scope="module")
def files() -> dict[str, str | bytes]:
    return render_all(CRITERIA, "criteria.yaml")


@pytest.mark.parametrize("lang", LANGS)
def test_clauses_page_numbers_each_clause_and_names_its_criterion(files: dict[str, str | bytes], lang: str) -> None:
    page = str(files[f"{lang}/clauses.md"])
    text = texts(CRITERIA, lang).page_text("clauses")
    clauses = clause_items(CRITERIA)
    assert [c.number for c in clauses] == list(range(1, len(clauses) + 1)) and len(clauses) >= 8
    # the heading's note comes first: a reference to discuss and have a lawyer review, no legal effect
    note = page.index(text.intro.replace("'", "&#39;"))
    assert note < page.index('class="kit-clause-list"')
    assert ("律师" in text.intro and "不具有法律效力" in text.intro) if lang == "zh" else (
        "lawyer" in text.intro and "no legal effect" in text.intro)
    plain = _plain(page)
    for clause in clauses:
        criterion = clause.criterion
        found = re.search(rf'id="clause-{clause.number}" data-criterion="{criterion.id}"', page)
        assert found, clause.number
        assert _squash(f"{clause.number}. {clause.text(lang)}") in plain
        assert _squash(label(lang, "clause_for", number=clause.criterion_number, title=criterion.title(lang))) in plain


def test_clause_numbers_follow_display_order_and_criterion_numbers() -> None:
    clauses = clause_items(CRITERIA)
    numbers = [tuple(int(n) for n in c.criterion_number.split(".")) for c in clauses]
    assert numbers == sorted(numbers)
    fake = next(c for c in clauses if c.criterion.id == "fake-orders")
    section = next(i for i, s in enumerate(CRITERIA.scored_sections, 1) if fake.criterion in s.criteria)
    assert fake.criterion_number.startswith(f"{section}.")


@pytest.mark.parametrize("lang", LANGS)
def test_declaration_asks_the_marked_questions_with_answer_space_and_evidence_tick(
        files: dict[str, str | bytes], lang: str) -> None:
    page = str(files[f"{lang}/declaration.md"])
    items = declaration_items(CRITERIA)
    assert [item.criterion for item in items] == list(CRITERIA.declared_criteria)
    assert page.count('class="kit-choice kit-seen kit-attached"') == len(items)
    assert page.count('class="kit-answer"') == len(items)
    plain = _plain(page)
    for item in items:
        assert f'data-criterion="{item.criterion.id}"' in page
        assert item.questions and all(_squash(q(lang)) in plain for q in item.questions)
    # desk checks are the merchant's own look-ups, never put to the agency
    desk = [q for k in CRITERIA.declared_criteria for q in k.asked_in("desk")]
    assert desk and not [q for q in desk if _squash(q(lang)) in plain]
    seal = page.index('class="kit-seal-block"')
    assert all(page.index(label(lang, key)) > seal for key in SEAL_LABELS)
    closing = texts(CRITERIA, lang).page("declaration")["closing"]
    assert _squash(str(closing)) in plain and page.index("kit-closing") > page.rindex('class="kit-answer"')


@pytest.mark.parametrize("lang", LANGS)
def test_declaration_never_shows_red_flags(files: dict[str, str | bytes], lang: str) -> None:
    plain = _plain(str(files[f"{lang}/declaration.md"]))
    flags = [f(lang) for k in CRITERIA.criteria for f in k.red_flags]
    assert flags and not [f for f in flags if _squash(f) in plain]
    assert _squash(label(lang, "red_flags")) not in plain and "knockout" not in plain.lower()


def test_closing_text_says_the_merchant_may_rely_and_attach() -> None:
    zh, en = (str(texts(CRITERIA, lang).page("declaration")["closing"]) for lang in ("zh", "en"))
    assert "信赖" in zh and "合同的附件" in zh and not re.search(r"第.+条", zh)
    assert "rely on them" in en and "attached to the" in en and not re.search(r"Article \d", en)


def _docx(lang: str) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_clauses_docx(context(CRITERIA, lang))))


@pytest.mark.parametrize("lang", LANGS)
def test_clauses_docx_reads_back_with_numbered_clauses(lang: str) -> None:
    document = _docx(lang)
    paragraphs = document.paragraphs
    text = texts(CRITERIA, lang).page_text("clauses")
    assert paragraphs[0].style.name == "Heading 1" and paragraphs[0].text == label(lang, "clauses")
    assert any(p.text == text.intro and p.runs[0].bold for p in paragraphs)
    numbered = [p for p in paragraphs if p.style.name == "List Number"]
    clauses = clause_items(CRITERIA)
    assert len(numbered) == len(clauses)
    for paragraph, clause in zip(numbered, clauses, strict=True):
        body, source = paragraph.text.split("\n")
        assert body == clause.text(lang)
        assert source == label(lang, "clause_for", number=clause.criterion_number, title=clause.criterion.title(lang))
    # Word's own numbering: the style carries a numbering definition, so deleting a clause renumbers the rest
    qn = docx.oxml.ns.qn
    number = document.styles["List Number"].element.find(f".//{qn('w:numPr')}/{qn('w:numId')}")
    assert number is not None
    definitions = document.part.numbering_part.element.findall(qn("w:num"))
    assert number.get(qn("w:val")) in {d.get(qn("w:numId")) for d in definitions}
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_clauses_docx_keeps_the_chinese_text_and_east_asian_font() -> None:
    document = _docx("zh")
    body = "\n".join(p.text for p in document.paragraphs)
    assert "乙方不得以刷单" in body and "甲方住所地" in body and "离网包" in body
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(docx.oxml.ns.qn("w:eastAsia")) == "宋体"


@pytest.mark.parametrize("lang", LANGS)
def test_clauses_docx_is_byte_identical_across_builds(lang: str) -> None:
    first = render_clauses_docx(context(CRITERIA, lang))
    second = render_all(CRITERIA, "criteria.yaml")[f"{lang}/{clauses_docx_path(context(CRITERIA, lang))}"]
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {ZIP_TIME}
    core = docx.Document(io.BytesIO(first)).core_properties
    stamp = datetime.strptime(CRITERIA.changelog[0].date, "%Y-%m-%d").replace(tzinfo=UTC)
    assert core.created == core.modified == stamp and core.author == "" and core.version == CRITERIA.meta.version


@pytest.mark.parametrize("lang", LANGS)
def test_downloads_page_links_the_clauses_docx(files: dict[str, str | bytes], lang: str) -> None:
    path = clauses_docx_path(context(CRITERIA, lang))
    page = str(files[f"{lang}/downloads.md"])
    assert f"]({path})" in page and isinstance(files[f"{lang}/{path}"], bytes)


def test_a_fork_without_clauses_or_declare_builds() -> None:
    criteria = load_criteria(SELF_CHECK)
    built = render_all(criteria, "criteria.yaml")
    assert "clauses" not in published_forms(criteria) and "declaration" in published_forms(criteria)
    for lang in criteria.meta.languages:
        # a form with no content is not published: no page, home or downloads link, PDF or Word document
        assert f"{lang}/clauses.md" not in built and not [path for path in built if path.endswith(".docx")]
        for page in ("index.md", "downloads.md"):
            assert "docx" not in str(built[f"{lang}/{page}"])
        # MkDocs' strict mode refuses a link to a page that is not there (the edition page names both)
        assert not [path for path, content in built.items() if "clauses.md" in str(content)]
        # without declare, the knock-outs and the heaviest criteria are asked
        page = str(built[f"{lang}/declaration.md"])
        assert all(f'data-criterion="{k.id}"' in page for k in criteria.declared_criteria)


def test_a_declaration_that_asks_nothing_is_not_published() -> None:
    text = SELF_CHECK.read_text(encoding="utf-8").replace("        knockout: ", "        declare: false\n        knockout: ")
    criteria = parse_criteria(text.encode("utf-8"), "c.yaml")
    built = render_all(criteria, "c.yaml")
    assert "declaration" not in published_forms(criteria)
    assert not [path for path in built if path.endswith("declaration.md") or "-declaration-" in path]


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_declaration_pdf_has_the_seal_block_on_its_last_page(lang: str) -> None:
    [pdf] = render_form_pdfs(context(CRITERIA, lang, pdf=True), forms=("declaration",))
    assert pdf.pages == DECLARATION_PAGES[lang]
    pages = [_squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf.data)).pages]
    assert len(pages) == pdf.pages
    closing = _squash(str(texts(CRITERIA, lang).page("declaration")["closing"]))
    for key in SEAL_LABELS:
        wanted = _squash(label(lang, key))
        assert wanted in pages[-1] and not [n for n, page in enumerate(pages[:-1], 1) if wanted in page], key
    assert closing[:20] in pages[-1] and closing[-10:] in pages[-1]
    last_question = declaration_items(CRITERIA)[-1].criterion.title(lang)
    assert _squash(last_question) in "".join(pages)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_clauses_pdf_page_count_is_as_measured(lang: str) -> None:
    [pdf] = render_form_pdfs(context(CRITERIA, lang, pdf=True), forms=("clauses",))
    assert pdf.pages == CLAUSES_PAGES[lang]
    text = _squash("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages))
    assert _squash(texts(CRITERIA, lang).page_text("clauses").intro) in text


@pytest.mark.browser
def test_libreoffice_opens_the_clauses_docx(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed to open the Word document"
    source = tmp_path / "clauses-zh.docx"
    source.write_bytes(render_clauses_docx(context(CRITERIA, "zh")))
    profile = tmp_path / "profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    text = (tmp_path / "clauses-zh.txt").read_text(encoding="utf-8-sig")
    clauses = clause_items(CRITERIA)
    # LibreOffice writes Word's list numbers out as text: 1. to the last
    assert re.search(r"^\s*1\.\s+" + re.escape(clauses[0].text("zh")[:10]), text, re.M), text[:400]
    assert re.search(rf"^\s*{len(clauses)}\.\s+" + re.escape(clauses[-1].text("zh")[:10]), text, re.M)


@pytest.mark.parametrize("lang", LANGS)
def test_the_edition_pages_example_marks_a_question_and_adds_a_clause(files: dict[str, str | bytes], lang: str) -> None:
    page = str(files[f"{lang}/edition.md"])
    block = re.search(r"\{ #paper \}.*?```yaml\n(.*?)```", page, re.S)
    assert block, "the edition page shows how to mark a declaration question and write a clause"
    keys = block[1].split("\n", 1)[1]  # the criterion's keys, after its id line
    text = SELF_CHECK.read_text(encoding="utf-8")
    anchor = "        weight: 3\n"
    assert anchor in text
    criteria = parse_criteria(text.replace(anchor, keys + anchor, 1).encode("utf-8"), "c.yaml")
    [marked] = [k for k in criteria.criteria if k.declare]
    assert criteria.declared_criteria == (marked,) and marked.clauses
    assert [c.criterion for c in clause_items(criteria)] == [marked]


@pytest.mark.parametrize("lang", LANGS)
def test_contract_review_names_the_model_clauses_of_each_criterion(files: dict[str, str | bytes], lang: str) -> None:
    page = str(files[f"{lang}/contract-review.md"])
    items = re.findall(r'<li class="kit-block" data-criterion="([^"]+)".*?</li>', page, re.S)
    tagged = dict(re.findall(r'data-criterion="([^"]+)"[^>]*>.*?<span class="kit-tag kit-tag-clause">([^<]+)</span>',
                             page))
    numbers: dict[str, list[int]] = {}
    for clause in clause_items(CRITERIA):
        numbers.setdefault(clause.criterion.id, []).append(clause.number)
    wanted = {ident: label(lang, "model_clause", numbers=", ".join(map(str, found)))
              for ident, found in numbers.items() if ident in items}
    assert wanted and tagged == wanted
