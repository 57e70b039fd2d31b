"""The PDF downloads of the forms (made by WeasyPrint at site build time), read back with poppler-utils.

Bounds, with the default criteria 1.2.0 (9 scored sections, 49 scored criteria), as measured:
- pages: those of a browser print (tests/test_print.py's ``_bounds``), and the questionnaire within
  QUESTIONNAIRE_SLACK pages of Chromium's print (PDF 34 zh, 36 en; Chromium 35, 37); phone screen
  (checklist) 1 / 1, desk checks 1 / 1, visit 2 / 3, contract review 3 / 3, post-signing checklist
  3 / 4, self-check 3 / 3 (1.1.0: questionnaire PDF 30 / 32, short interview form 6 / 6);
- size: every PDF under MAX_BYTES (measured 14 KB for the English desk checks to 286 KB for the
  Chinese questionnaire; 258 KB and 562 KB before the fonts were cut down to the forms' characters,
  issue 30).
"""

from __future__ import annotations

import functools
import hashlib
import html
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from editions import context, label
from ruamel.yaml import YAML
from test_print import QUESTIONNAIRE_PAGES, _bounds

from conftest import DEFAULT_CRITERIA, MINIMAL, ROOT
from generator.cli import main
from generator.load import load_criteria
from generator.render.base import running_title
from generator.render.form_pdfs import (
    font_family,
    form_page,
    form_pdf_path,
    pdf_document,
    pdf_fonts,
    pdf_stylesheets,
    render_form_pdfs,
)
from generator.render.pages import ALL_FORMS, published_forms
from generator.render.pdf import html_to_pdf, html_to_pdfs, pdf_workers
from generator.render.pdf_fonts import system_font
from generator.site.nav import language_root
from generator.site.outputs import render_all
from generator.words.language_tags import language_tag

pytestmark = pytest.mark.site

CRITERIA = load_criteria(DEFAULT_CRITERIA)
CASES = [(lang, form) for lang in CRITERIA.meta.languages for form in ALL_FORMS]
MAX_BYTES = 1_500_000
"""Largest PDF of one form with the default criteria (issue 14: under 1.5 MB)."""
QUESTIONNAIRE_SLACK = 2
"""The questionnaire PDF has at most this many pages more or fewer than Chromium's print of the page."""
A4_LINE = re.compile(r"^Page +\d+ size: +595\.\d+ x 841\.\d+ pts \(A4\)", re.M)


def _tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


def _squash(text: str) -> str:
    """Text without white space: PDF text extraction breaks lines where the layout did."""
    return re.sub(r"\s+", "", text)


def _pdf(site: Path, lang: str, form: str) -> Path:
    return site / language_root(CRITERIA, lang) / form_pdf_path(CRITERIA, lang, form)


def _pages_text(path: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with form feeds)."""
    return _tool("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")[:-1]


def _built_commit(site: Path) -> str | None:
    """The commit the site was built from, as its PDFs name it (git HEAD may have moved since)."""
    marker = "0000000"
    before, after = (_squash(part) for part in running_title(context(CRITERIA, "en", commit=marker)).split(marker))
    text = _squash(_pages_text(_pdf(site, "en", "checklist"))[0])
    found = re.search(re.escape(before) + r"([0-9A-Za-z._+-]+)" + re.escape(after), text)
    return found[1] if found else None


def _fonts(path: Path) -> list[list[str]]:
    """pdffonts' rows, split into columns (name, type…, emb, sub, uni, object, generation)."""
    return [line.split() for line in _tool("pdffonts", str(path)).splitlines()[2:]]


@pytest.mark.parametrize(("lang", "form"), CASES)
def test_pdf_is_a4_within_page_and_size_bounds(built_site: Path, lang: str, form: str) -> None:
    path = _pdf(built_site, lang, form)
    pages = int(re.search(r"^Pages: +(\d+)", _tool("pdfinfo", str(path)), re.M)[1])  # type: ignore[index]
    sizes = _tool("pdfinfo", "-f", "1", "-l", str(pages), str(path))
    assert len(A4_LINE.findall(sizes)) == pages, sizes
    low, high = _bounds(CRITERIA, form, lang)
    assert low <= pages <= high, f"{form} ({lang}): {pages} pages"
    if form == "questionnaire":
        assert abs(pages - QUESTIONNAIRE_PAGES[lang]) <= QUESTIONNAIRE_SLACK, f"{pages} pages"
    assert path.stat().st_size < MAX_BYTES


@pytest.mark.parametrize(("lang", "form"), CASES)
def test_fonts_are_embedded_and_subset(built_site: Path, lang: str, form: str) -> None:
    fonts = _fonts(_pdf(built_site, lang, form))
    assert fonts, "the PDF names no font"
    for row in fonts:
        name, emb, sub, uni = row[0], row[-5], row[-4], row[-3]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), f"{name}: emb {emb}, sub {sub}, uni {uni}"
    assert any("Noto-Sans-CJK-SC" in row[0] for row in fonts)


@pytest.mark.parametrize(("lang", "form"), CASES)
def test_every_page_has_running_header_and_page_number(built_site: Path, lang: str, form: str) -> None:
    pages = _pages_text(_pdf(built_site, lang, form))
    running = _squash(running_title(context(CRITERIA, lang, commit=_built_commit(built_site))))
    for number, text in enumerate(pages, 1):
        text = _squash(text)
        assert running in text and _squash(label(lang, form)) in text, f"page {number}"
        assert _squash(label(lang, "page_of", page=number, pages=len(pages))) in text, f"page {number}"


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_questionnaire_text_is_extractable(built_site: Path, lang: str) -> None:
    text = _squash("".join(_pages_text(_pdf(built_site, lang, "questionnaire"))))
    for criterion in CRITERIA.scored_criteria:
        assert _squash(criterion.title(lang)) in text, criterion.id
        for question in criterion.questions:
            assert _squash(question(lang)) in text, f"{criterion.id}: {question(lang)}"
    if lang == "zh":
        assert "营业执照" in text


def _first_page_layout(data: bytes, folder: Path) -> str:
    """Page 1 as laid-out text (``pdftotext -layout``): words that sit side by side stay on one line."""
    path = folder / "form.pdf"
    path.write_bytes(data)
    return _tool("pdftotext", "-layout", "-enc", "UTF-8", "-f", "1", "-l", "1", str(path), "-")


@functools.cache
def _pages() -> dict[str, str]:
    return {path: content for path, content in render_all(CRITERIA, "data/criteria.yaml").items()
            if isinstance(content, str)}


def _field_labels(page: str) -> list[str]:
    return [html.unescape(text) for text in re.findall(r'<span class="kit-field-label">([^<]+)</span>', page)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_questionnaire_cover_fields_are_whole_and_side_by_side(lang: str, tmp_path: Path) -> None:
    """Issue 29: the cover's labels stacked one character per line ("D/a/t/e", "日/期")."""
    [pdf] = render_form_pdfs(context(CRITERIA, lang, "data/criteria.yaml"), forms=("questionnaire",))
    text = _first_page_layout(pdf.data, tmp_path)
    for key in ("field_agency", "field_date", "field_mode", "mode_visit", "mode_video", "field_interviewer",
                "field_present"):
        assert label(lang, key) in text, f"{label(lang, key)!r} is not whole on page 1:\n{text}"
    # Two fields a row, as in a browser's print: agency | date, then meeting (visit, video) | interviewer.
    rows = [("field_agency", "field_date"), ("field_mode", "mode_visit", "mode_video", "field_interviewer")]
    for row in rows:
        pattern = r" +".join(re.escape(label(lang, key)) for key in row)
        assert re.search(rf"^ *{pattern} *$", text, re.M), f"no line {pattern!r} on page 1:\n{text}"


@pytest.mark.parametrize(("lang", "form"), CASES)
def test_every_field_label_is_whole(built_site: Path, lang: str, form: str) -> None:
    page = _pages()[f"{lang}/{form}.md"]
    text = _tool("pdftotext", "-layout", "-enc", "UTF-8", str(_pdf(built_site, lang, form)), "-")
    for field in _field_labels(page):
        assert field in text, f"{form} ({lang}): {field!r} is not whole:\n{text}"


def test_downloads_page_links_every_pdf(built_site: Path) -> None:
    for lang in CRITERIA.meta.languages:
        root = built_site / language_root(CRITERIA, lang)
        page = (root / "downloads" / "index.html").read_text(encoding="utf-8")
        linked = set(re.findall(r'href="([^"]+\.pdf)"', page))
        # Relative to the page /downloads/, where the files are.
        assert linked == {form_pdf_path(CRITERIA, lang, form).removeprefix("downloads/") for form in ALL_FORMS}
        assert all((root / form_pdf_path(CRITERIA, lang, form)).is_file() for form in ALL_FORMS)


def test_rebuilt_pdfs_are_byte_identical(built_site: Path) -> None:
    """The site's PDFs were made in MkDocs's process; these in the test's, from the same input."""
    commit = _built_commit(built_site)
    for lang in CRITERIA.meta.languages:
        ctx = context(CRITERIA, lang, "data/criteria.yaml", commit=commit)
        for pdf in render_form_pdfs(ctx, forms=("checklist", "self-check")):
            assert pdf.data == _pdf(built_site, lang, pdf.form).read_bytes(), pdf.path


# ---------- The fonts: the system's Noto CJK cut down to the forms' characters (issue 30) ----------


def _face_characters(data: bytes, index: int = 0) -> set[int]:
    import uharfbuzz as hb

    return set(hb.Face(hb.Blob(data), index).unicodes)


@pytest.mark.parametrize("lang", CRITERIA.meta.languages)
def test_cut_down_faces_hold_every_character_of_the_forms(lang: str) -> None:
    ctx = context(CRITERIA, lang)
    documents = [pdf_document(ctx, form, form_page(ctx, form)) for form in published_forms(CRITERIA)]
    faces = pdf_fonts(ctx, documents)
    assert [(face.family, face.weight) for face in faces] == [(f"{font_family(language_tag(lang))} Subset", 400),
                                                             (f"{font_family(language_tag(lang))} Subset", 700)]
    used = set(map(ord, html.unescape("".join(documents)))) - {ord(c) for c in "\n\t\r"}
    for face in faces:
        path, index = system_font(font_family(language_tag(lang)), face.weight)  # type: ignore[misc]
        whole = _face_characters(Path(path).read_bytes(), index)
        kept = _face_characters(face.data)
        assert used & whole <= kept, sorted(chr(c) for c in (used & whole) - kept)[:20]
        assert len(kept) < len(whole) / 10, (len(kept), len(whole))


def _page_images(data: bytes, folder: Path, name: str) -> list[bytes]:
    (folder / f"{name}.pdf").write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "100", "-gray", str(folder / f"{name}.pdf"), str(folder / name)], check=True,
                   timeout=120)
    return [path.read_bytes() for path in sorted(folder.glob(f"{name}-*.pgm"))]


@pytest.mark.parametrize(("lang", "form"), [("zh", "declaration"), ("en", "worksheet")])
def test_pdfs_with_cut_down_faces_look_as_with_the_whole_fonts(lang: str, form: str, tmp_path: Path) -> None:
    """The same pages, pixel for pixel at 100 dpi, as with the system's whole Noto CJK files; a fraction of
    the bytes (each PDF carried a glyph table of the whole collection's length: 258 KB for a one-page English
    form, 14 KB now)."""
    ctx = context(CRITERIA, lang)
    document = pdf_document(ctx, form, form_page(ctx, form))
    faces = pdf_fonts(ctx, [document])
    cut = html_to_pdfs([(document, b"0" * 32)], pdf_stylesheets(ctx, faces), workers=1, fonts=faces)[0]
    whole = html_to_pdfs([(document, b"0" * 32)], pdf_stylesheets(ctx), workers=1)[0]
    assert cut.pages == whole.pages
    assert _page_images(cut.data, tmp_path, "cut") == _page_images(whole.data, tmp_path, "whole")
    assert len(cut.data) < len(whole.data) / 2, (len(cut.data), len(whole.data))
    names = [row[0] for row in _fonts_of(cut.data, tmp_path)]
    assert names and all("-Subset" in name for name in names), names


def _fonts_of(data: bytes, folder: Path) -> list[list[str]]:
    (folder / "fonts.pdf").write_bytes(data)
    return _fonts(folder / "fonts.pdf")


# ---------- The user-agent stylesheet without footnote, note and dir rules (issue 30) ----------


def _plain_weasyprint(html_text: str, stylesheets: tuple[str, ...], faces: tuple[Any, ...]) -> bytes:
    """The PDF as WeasyPrint makes it with its whole user-agent stylesheet (the reference)."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from generator.render.pdf import _fetcher

    font_config, fetcher = FontConfiguration(), _fetcher(faces)
    sheets = [weasyprint.CSS(string=text, url_fetcher=fetcher, font_config=font_config) for text in stylesheets]
    document = weasyprint.HTML(string=html_text, url_fetcher=fetcher).render(stylesheets=sheets,
                                                                           font_config=font_config)
    return document.write_pdf(pdf_identifier=b"0" * 32)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("lang", "form"), [("zh", "questionnaire"), ("en", "worksheet"), ("zh", "declaration"),
                                            ("en", "after-signing")])
def test_lean_user_agent_stylesheet_gives_the_same_bytes(lang: str, form: str) -> None:
    """The build leaves out WeasyPrint's user-agent rules for footnotes, notes and dir attributes (a pseudo-element
    style computed for every element: a sixth of the PDFs' time); the PDF is the same to the byte."""
    import weasyprint

    assert "_ua_stylesheets" in vars(weasyprint.HTML), "WeasyPrint no longer takes its UA stylesheets there"
    ctx = context(CRITERIA, lang)
    document = pdf_document(ctx, form, form_page(ctx, form))
    faces = pdf_fonts(ctx, [document])
    stylesheets = pdf_stylesheets(ctx, faces)
    made = html_to_pdfs([(document, b"0" * 32)], stylesheets, workers=1, fonts=faces)[0]
    assert made.data == _plain_weasyprint(document, stylesheets, faces)


@pytest.mark.parametrize("body", ['<p dir="rtl">abc <span dir="ltr">123</span> def</p>',
                                  '<p>Text<span style="float: footnote">A footnote</span></p>',
                                  "<div style='display: list-item; list-style: inside \"abc \"; text-transform: uppercase'>x</div>"])
def test_documents_with_dir_footnotes_or_other_list_items_get_the_whole_user_agent_stylesheet(body: str) -> None:
    document = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>{body}</body></html>'
    assert html_to_pdf(document, b"0" * 32).data == _plain_weasyprint(document, (), ())


_PARALLEL = """
import json, os, sys
from generator.load import load_edition
from generator.render.base import contexts
from generator.render.form_pdfs import form_page, pdf_document, pdf_fonts, pdf_stylesheets
from generator.render.pdf import html_to_pdfs, pdf_workers
[ctx] = [c for c in contexts(load_edition(sys.argv[1]), "data/criteria.yaml") if c.lang == "zh"]
documents = [(pdf_document(ctx, f, form_page(ctx, f)), f.encode("ascii").ljust(32, b"0"))
             for f in ("checklist", "desk-check", "clauses")]
faces = pdf_fonts(ctx, [html for html, _ in documents])
parallel = html_to_pdfs(documents, pdf_stylesheets(ctx, faces), workers=2, fonts=faces)
print(json.dumps({"workers": pdf_workers(len(documents), 2), "faces": len(faces),
                  "same": parallel == html_to_pdfs(documents, pdf_stylesheets(ctx, faces), workers=1, fonts=faces),
                  "order": all(b"/ID [(" + i in p.data for (_, i), p in zip(documents, parallel, strict=True)),
                  "left": os.listdir(sys.argv[2])}))
"""


def test_pdfs_made_in_worker_processes_are_those_made_one_by_one(tmp_path: Path) -> None:
    """Issue 30: the build makes the PDFs in parallel worker processes; their bytes and order do not change,
    and the fonts WeasyPrint keeps in temporary folders while it renders are gone afterwards (workers end
    without cleaning up). In a process of its own, with one thread like the build's (this one may run servers
    beside the test)."""
    done = subprocess.run([sys.executable, "-c", _PARALLEL, str(DEFAULT_CRITERIA), str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=True,
                          env={**os.environ, "TMPDIR": str(tmp_path)})
    assert json.loads(done.stdout) == {"workers": 2, "faces": 2, "same": True, "order": True, "left": []}, \
        done.stderr


_EDITION_BATCH = """
import json, multiprocessing, os, sys
from generator.edition import edition_of
from generator.load import load_criteria, load_edition
from generator.problems import InputError
from generator.render.base import contexts
from generator.render.language import render_language
from generator.render.pdf import PdfBatch, PdfJob, PdfStyle, PdfWorkers
from generator.site.build import generate
from generator.site.outputs import render_edition_files
edition = load_edition(sys.argv[1])
with PdfWorkers.start(2) as workers:
    try:
        PdfBatch([PdfJob(None, b"0" * 32, PdfStyle())], workers).results()
        error = ""
    except RuntimeError as raised:
        error = str(raised).split(":")[0]
    together = render_edition_files(edition, "criteria.yaml", None, True, workers)
apart = {f"{ctx.lang}/{path}": content for ctx in contexts(edition, "criteria.yaml", None, True)
         for path, content in render_language(ctx).items()}
broken = os.path.join(sys.argv[2], "broken.yaml")
with open(broken, "w", encoding="utf-8") as file:
    file.write("meta: [")
try:
    generate(broken, os.path.join(sys.argv[2], "docs"), None, pdf=True)
    refused = False
except InputError:
    refused = True
print(json.dumps({"same": together == apart, "order": list(together) == list(apart),
                  "pdfs": sorted(path for path in together if path.endswith(".pdf")),
                  "languages": len(edition.criteria.meta.languages), "refused": refused, "error": error,
                  "children": len(multiprocessing.active_children()),
                  "left": sorted(os.listdir(sys.argv[2]))}))
"""


def test_one_batch_for_every_language_in_workers_started_first(tmp_path: Path) -> None:
    """Issue 30: a build starts the PDFs' workers before it reads the criteria (generator.site.build.generate)
    and gives them the forms of every language at once, while it renders the pages: the same files, in the
    same order, as one language after the other; a PDF that fails is an error in the build (the workers go on
    with the next batch); a criteria file with problems stops the workers, and nothing is left in the
    temporary folder."""
    done = subprocess.run([sys.executable, "-c", _EDITION_BATCH, str(MINIMAL), str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=True,
                          env={**os.environ, "TMPDIR": str(tmp_path)})
    found = json.loads(done.stdout)
    assert found["languages"] == 2 and len(found["pdfs"]) >= 4, found
    assert {path.split("/")[0] for path in found["pdfs"]} == {"zh", "en"}
    assert found | {"pdfs": []} == {"same": True, "order": True, "pdfs": [], "languages": 2, "refused": True,
                                    "error": "TypeError", "children": 0, "left": ["broken.yaml"]}, done.stderr


def test_pdf_workers_one_per_core_and_document_and_none_beside_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert pdf_workers(1) == 1
    assert pdf_workers(20, 3) == 3
    assert pdf_workers(2, 8) == 2
    # Forking beside another thread can deadlock the child: the PDFs are then made in this process.
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert pdf_workers(20, 3) == 1


def test_dates_and_id_come_from_the_edition(built_site: Path) -> None:
    path = _pdf(built_site, "zh", "checklist")
    info = _tool("pdfinfo", "-isodates", str(path))
    released = CRITERIA.changelog[0].date
    assert re.search(rf"^CreationDate: +{released}T00:00:00", info, re.M), info
    assert re.search(rf"^ModDate: +{released}T00:00:00", info, re.M), info
    commit = _built_commit(built_site) or ""
    identifier = hashlib.sha256("\n".join((CRITERIA.meta.id, CRITERIA.meta.version, commit, "checklist", "zh"))
                                .encode("utf-8")).hexdigest()[:32]
    assert f"/ID [({identifier}) (".encode("ascii") in path.read_bytes()


def test_preview_without_pdfs_says_so_and_links_the_form_pages() -> None:
    """``make serve`` (mkdocs serve, without KIT_PDF) generates this: no link to a file that is not there."""
    files = render_all(CRITERIA, "data/criteria.yaml")
    assert not [path for path in files if path.endswith(".pdf")]
    for lang in CRITERIA.meta.languages:
        page = files[f"{lang}/downloads.md"]
        says = {"zh": "预览不生成 PDF", "en": "the preview makes no PDFs"}[lang]
        assert ".pdf" not in page and says in page
        for form in ALL_FORMS:
            assert f"]({form}.md)" in page


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_error(404)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def recorder() -> Iterator[tuple[str, list[str]]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Recorder.requests = []
    yield f"http://127.0.0.1:{server.server_address[1]}/", _Recorder.requests
    server.shutdown()
    server.server_close()


def test_renderer_fetches_nothing(recorder: tuple[str, list[str]], tmp_path: Path) -> None:
    base, requests = recorder
    (tmp_path / "secret.css").write_text("body { color: red }", encoding="utf-8")
    html = (f'<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="{base}a.css">'
            f'<style>@import url("{base}b.css"); @font-face {{ font-family: x; src: url("{base}f.woff2") }}</style>'
            f'<link rel="stylesheet" href="{tmp_path.as_uri()}/secret.css"></head>'
            f'<body><p style="font-family: x">Hello</p><img src="{base}c.png"></body></html>')
    pdf = html_to_pdf(html, b"0" * 32)
    assert pdf.pages == 1 and pdf.data.startswith(b"%PDF-")
    assert requests == []


# ---------- A fork: three languages (one without built-in labels) and a 1-5 scale ----------

HANT_LABELS = {"language_name": "繁體中文", "page_of": "第 {page} 頁，共 {pages} 頁", "questionnaire": "面談問卷",
               "version": "版本", "worksheet": "評分表"}


def _fork(folder: Path) -> Path:
    """The minimal file in zh, en and zh-Hant (its texts marked 繁), scored 1 to 5, with zh-Hant labels."""
    data = YAML(typ="safe").load(MINIMAL.read_text(encoding="utf-8"))
    stack: list[Any] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict) and "en" in item and "zh" in item and isinstance(item["zh"], str):
            item["zh-Hant"] = item["zh"] + "（繁體）"
        stack += list(item.values()) if isinstance(item, dict) else item if isinstance(item, list) else []
    data["meta"]["languages"] = ["zh", "en", "zh-Hant"]
    for criterion in (k for section in data["sections"] for k in section["criteria"]):
        levels = [{**level, "score": level["score"] + 1} for level in criterion["levels"]]  # 0-3 -> 1-4
        criterion["levels"] = [*levels, {"score": 5, "text": {lang: text + "+" for lang, text in levels[-1]["text"].items()}}]
    names = ["差", "弱", "可", "良", "優"]
    data["scale"]["levels"] = [{"score": n, "label": {"zh": names[n - 1], "en": f"Level {n}",
                                                      "zh-Hant": names[n - 1]}} for n in range(1, 6)]
    data["labels"] = {"zh-Hant": HANT_LABELS}
    path = folder / "criteria.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    """The fork's site (``site``) and, from a second process, its docs with PDFs (``build --pdf``)."""
    base = tmp_path_factory.mktemp("pdf-fork")
    criteria = _fork(base)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIT_COMMIT", "feed123")
        assert main(["site", "--criteria", str(criteria), "--docs", str(base / "docs"),
                     "--site", str(base / "site"), "--config", str(ROOT / "mkdocs.yml")]) == 0
    env = {**os.environ, "KIT_COMMIT": "feed123", "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "generator", "build", "--pdf", "--criteria", str(criteria),
                    "--docs", str(base / "again")], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    return base / "site", base / "again", load_criteria(criteria)


def test_fork_publishes_every_form_with_content_in_every_language(fork: tuple[Path, Path, Any]) -> None:
    site, again, criteria = fork
    # The minimal file has no sittings (every must-ask question after the phone screen goes to the visit),
    # no after_signing item, no self-check section and no clauses: the forms left without content are left
    # out. Without declare, the declaration asks the knock-outs and the heaviest criteria.
    assert published_forms(criteria) == ("questionnaire", "checklist", "worksheet", "visit", "declaration")
    for lang in ("zh", "en", "zh-Hant"):
        root = site / language_root(criteria, lang)
        page = (root / "downloads" / "index.html").read_text(encoding="utf-8")
        for form in ALL_FORMS:
            path = form_pdf_path(criteria, lang, form)
            if form not in published_forms(criteria):
                assert path.removeprefix("downloads/") not in page and not (root / path).exists(), path
                continue
            assert f'href="{path.removeprefix("downloads/")}"' in page, path
            built = (root / path).read_bytes()
            assert built == (again / lang / path).read_bytes(), f"{path} differs between two builds"


def test_fork_pdfs_use_its_labels_scale_and_traditional_glyphs(fork: tuple[Path, Path, Any]) -> None:
    site, _, criteria = fork
    root = site / language_root(criteria, "zh-Hant")
    questionnaire = root / form_pdf_path(criteria, "zh-Hant", "questionnaire")
    pages = _pages_text(questionnaire)
    for number, text in enumerate(pages, 1):
        assert f"第{number}頁，共{len(pages)}頁" in _squash(text) and "面談問卷" in text
    assert "公司身份（繁體）" in _squash("".join(pages))
    assert any("Noto-Sans-CJK-TC" in row[0] for row in _fonts(questionnaire))
    worksheet = _squash("".join(_pages_text(root / form_pdf_path(criteria, "zh-Hant", "worksheet"))))
    assert "1差" in worksheet and "5優" in worksheet
