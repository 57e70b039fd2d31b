"""The search index drops the word breaks (U+200B) that only double a separator and stores its entries as
arrays without what earlier entries said, breaks and closing tags in one byte (issue 30: index size); the
worker reads back exactly the index Material wrote (the JavaScript in tests/test_search.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bench.project import fork_sets
from bench.sizes import search_stats
from conftest import ROOT
from generator.cli import main
from generator.site.search_index import compact_search_index, without_doubled_breaks
from generator.site.search_storage import STORED_BREAK, WORD_BREAK, as_read, read_string

SEPARATOR = re.compile(r'[\s\u200b\u3000\-、。，．？！；：（）【】《》“”‘’,:;!?()\[\]"/|·—]+|\.(?!\d)|&[a-z]+;')
"""mkdocs.yml's search separator."""
B = WORD_BREAK


@pytest.mark.parametrize(("text", "expected"), [
    (f"<p>{B}带{B}去{B}面谈{B}，{B}用{B}浏览器</p>", f"<p>带{B}去{B}面谈，用{B}浏览器</p>"),
    (f"{B}A4 {B}表格{B}", "A4 表格"),
    (f"<li>{B}面谈{B}问卷{B} — {B}面谈</li> <li>{B}x</li>", f"<li>面谈{B}问卷 — 面谈</li> <li>x</li>"),
    (f"合同{B}（{B}草案{B}）", "合同（草案）"),
    (f"版本{B}1{B}.5", f"版本{B}1{B}.5"),  # "1.5" would become one word: kept as it was
    (f"评分表{B}打分", f"评分表{B}打分"),
])
def test_breaks_next_to_separators_and_tags_go(text: str, expected: str) -> None:
    assert without_doubled_breaks(text, SEPARATOR) == expected


def _words(value: str) -> list[list[str]]:
    return [[w for w in SEPARATOR.split(part) if w] for part in re.split(r"<[^>]*>", value)]


def test_compacted_index_keeps_every_word() -> None:
    texts = [f"<p>{B}带{B}去{B}面谈{B}的{B} A4 {B}表格{B}，{B}用{B}浏览器{B}。</p>", f"版本{B} 1.1.0 · {B}许可",
             f"1{B}.5{B}、{B}x", "plain English, no breaks."]
    index = {"config": {"separator": SEPARATOR.pattern},
             "docs": [{"location": f"p{n}/", "title": t, "text": t} for n, t in enumerate(texts)]}
    compact = compact_search_index(json.dumps(index))
    docs = json.loads(compact)["docs"]
    assert len(compact.encode("utf-8")) < len(json.dumps(index, ensure_ascii=False).encode("utf-8"))
    for before, (_, title, text) in zip(texts, docs, strict=True):
        assert WORD_BREAK not in text + title
        assert _words(read_string(text)) == _words(before) and _words(read_string(title)) == _words(before)
    assert compact_search_index(compact) == compact


def test_index_without_a_separator_is_only_compacted_with_its_breaks_stored() -> None:
    index = json.dumps({"docs": [{"location": "", "title": f"电商{B}，{B}代运营", "text": ""}]})
    compact = json.dumps(json.loads(index), ensure_ascii=False, separators=(",", ":"))
    assert compact_search_index(index) == f'{{"docs":[["","电商{STORED_BREAK}，{STORED_BREAK}代运营",""]]}}'
    assert compact_search_index(index, stored=False) == compact


def test_breaks_are_stored_in_one_byte_unless_the_index_holds_that_byte() -> None:
    index = {"config": {"separator": SEPARATOR.pattern}, "docs": [{"location": "", "title": f"评分表{B}打分",
                                                                    "text": f"<p>面谈{B}问卷{B}打分</p>"}]}
    compact = compact_search_index(json.dumps(index))
    assert f"评分表{STORED_BREAK}打分" in compact and f"面谈{STORED_BREAK}问卷{STORED_BREAK}打分" in compact
    index["docs"][0]["text"] += STORED_BREAK  # a text that holds the byte: the index is left as it was
    assert compact_search_index(json.dumps(index)) == compact_search_index(json.dumps(index), stored=False)


def test_sections_locations_follow_their_page_and_are_read_back_whole() -> None:
    docs = [{"location": "", "title": "首页", "text": ""}, {"location": "#首页-a", "title": "a", "text": ""},
            {"location": "sections/identity/", "title": "b", "text": ""},
            {"location": "sections/identity/#营业执照", "title": "c", "text": f"营业{B}执照"},
            {"location": "scoring/#x", "title": "d", "text": ""}]  # no page entry before it: kept whole
    index = {"config": {"separator": SEPARATOR.pattern}, "docs": docs}
    compact = json.loads(compact_search_index(json.dumps(index)))
    assert [d[0] for d in compact["docs"]] == ["", "#首页-a", "sections/identity/", "#营业执照", "scoring/#x"]
    assert as_read(compact) == index
    disorder = {"docs": [{"location": "sections/a/", "title": "", "text": ""}, {"location": "#home", "title": "",
                                                                              "text": ""}]}
    assert json.loads(compact_search_index(json.dumps(disorder))) == disorder  # "#home" would be read as a's
    assert as_read(disorder) == disorder  # entries left as objects are read as they are


def _material_index() -> dict[str, object]:
    """An index as Material writes it for two pages: the guide's sections boosted, titles repeated per criterion."""
    def page(path: str, boost: float | None, *entries: tuple[str, str, str]) -> list[dict[str, object]]:
        docs = [{"location": path + anchor, "title": title, "text": text} for anchor, title, text in entries]
        return [{**doc, "boost": boost} for doc in docs] if boost is not None else docs

    questions = f"面谈{B}时{B}问{B}这些{B}问题"
    return {"config": {"separator": SEPARATOR.pattern}, "docs": [
        *page("", None, ("", "首页", ""), ("#kit", "代运营评估", f"<p>带{B}去{B}面谈</p> <ul> <li>a</li> <li>b</li> </ul>")),
        *page("sections/identity/", 4.0, ("", "主体资格", ""), ("#c01", "营业执照", f"<p>查{B}营业{B}执照</p>"),
              ("#c01-questions", questions, "<ol> <li>必问：<code>C01</code> 出示原件</li> </ol>"),
              ("#c02", "统一社会信用代码", "<p>x<sub>2</sub></p>"), ("#c02-questions", questions, "<ol> <li>y</li> </ol>")),
        *page("changelog/", 0.1, ("", "更新记录", ""), ("#v1", "1.0", "<p>还没有记录。</p>"))]}


def test_entries_are_stored_as_arrays_and_read_back_exactly() -> None:
    index = _material_index()
    text = compact_search_index(json.dumps(index))
    stored = json.loads(text)["docs"]
    assert stored[3] == ["#c01", "营业执照", f"<p>查{STORED_BREAK}营业{STORED_BREAK}执照>"]  # boost: the page's
    assert stored[2] == ["sections/identity/", "主体资格", "", 4.0]
    assert stored[6] == ["#c02-questions", 4, "<ol> <li>y> >"]  # the title of entry 4
    assert stored[4][2] == "<ol> <li>必问：<code>C01> 出示原件> >"
    assert as_read(json.loads(text)) == index
    assert compact_search_index(text) == text  # stored once
    plain = compact_search_index(json.dumps(index), stored=False)
    assert len(text.encode("utf-8")) < 0.7 * len(plain.encode("utf-8"))


@pytest.mark.parametrize("change", [
    lambda docs: docs[3].pop("boost"),  # a section without its page's boost
    lambda docs: docs[3].update(text="<p>a</p></p>"),  # a tag closed twice
    lambda docs: docs[3].update(text="<p>a > b</p>"),  # a raw ">" in text (Material escapes it)
    lambda docs: docs[3].update(tags=["x"]),  # a key the stored form has no place for
    lambda docs: docs[3].update(title=7),  # not a string
])
def test_an_index_the_worker_could_not_read_back_exactly_is_left_as_material_wrote_it(change: Any) -> None:
    index: Any = _material_index()
    change(index["docs"])
    text = compact_search_index(json.dumps(index))
    assert text == compact_search_index(json.dumps(index), stored=False)
    assert as_read(json.loads(text)) == index


RATIO_TARGET = 1.3
"""Issue 30: every language's search index together at most 1.3 x the text of the pages it indexes (bench.sizes)."""


def test_default_index_stays_within_the_target_ratio(built_site: Path) -> None:
    assert search_stats(built_site)["ratio"] <= RATIO_TARGET


@pytest.mark.site
def test_fork_of_100_criteria_index_stays_within_the_target_ratio(tmp_path: Path) -> None:
    """The benchmark's fork-100 set (many short entries, one per criterion, each with five sections)."""
    [fork] = fork_sets(tmp_path, [100])
    site = tmp_path / "site"
    assert main(["site", "--no-pdf", "--criteria", str(fork.path), "--docs", str(tmp_path / "docs"),
                 "--site", str(site), "--config", str(ROOT / "mkdocs.yml")]) == 0
    assert search_stats(site)["ratio"] <= RATIO_TARGET
