"""The search index drops the word breaks (U+200B) that only double a separator, stores the others in one
byte and sections' locations after their page's (issue 30: index size), and search reads the same index."""

from __future__ import annotations

import json
import re

import pytest

from generator.site.search_index import compact_search_index, without_doubled_breaks
from generator.site.search_storage import STORED_BREAK, WORD_BREAK, as_read, read_breaks

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
    index = {"config": {"separator": SEPARATOR.pattern}, "docs": [{"location": "", "title": t, "text": t} for t in texts]}
    compact = compact_search_index(json.dumps(index))
    docs = json.loads(compact)["docs"]
    assert len(compact.encode("utf-8")) < len(json.dumps(index, ensure_ascii=False).encode("utf-8"))
    for before, after in zip(texts, docs, strict=True):
        assert WORD_BREAK not in after["text"] + after["title"]
        assert _words(read_breaks(after["text"])) == _words(before) and _words(read_breaks(after["title"])) == _words(before)
    assert compact_search_index(compact) == compact


def test_index_without_a_separator_is_only_compacted_with_its_breaks_stored() -> None:
    index = json.dumps({"docs": [{"title": f"电商{B}，{B}代运营", "text": ""}]})
    compact = json.dumps(json.loads(index), ensure_ascii=False, separators=(",", ":"))
    assert compact_search_index(index) == compact.replace(B, STORED_BREAK)
    assert compact_search_index(index, stored=False) == compact


def test_breaks_are_stored_in_one_byte_unless_the_index_holds_that_byte() -> None:
    index = {"config": {"separator": SEPARATOR.pattern}, "docs": [{"location": "", "title": f"评分表{B}打分",
                                                                    "text": f"<p>面谈{B}问卷{B}打分</p>"}]}
    compact = compact_search_index(json.dumps(index))
    assert f"评分表{STORED_BREAK}打分" in compact and f"面谈{STORED_BREAK}问卷{STORED_BREAK}打分" in compact
    assert len(compact.encode("utf-8")) == len(compact_search_index(json.dumps(index), stored=False).encode()) - 6
    index["docs"][0]["text"] += STORED_BREAK  # a text that holds the byte: nothing is stored in it
    assert WORD_BREAK in compact_search_index(json.dumps(index))


def test_sections_locations_follow_their_page_and_are_read_back_whole() -> None:
    docs = [{"location": "", "title": "首页", "text": ""}, {"location": "#首页-a", "title": "a", "text": ""},
            {"location": "sections/identity/", "title": "b", "text": ""},
            {"location": "sections/identity/#营业执照", "title": "c", "text": f"营业{B}执照"},
            {"location": "scoring/#x", "title": "d", "text": ""}]  # no page entry before it: kept whole
    index = {"config": {"separator": SEPARATOR.pattern}, "docs": docs}
    compact = json.loads(compact_search_index(json.dumps(index)))
    assert [d["location"] for d in compact["docs"]] == ["", "#首页-a", "sections/identity/", "#营业执照", "scoring/#x"]
    assert as_read(compact) == index
    disorder = {"docs": [{"location": "sections/a/", "title": "", "text": ""}, {"location": "#home", "title": "",
                                                                              "text": ""}]}
    assert json.loads(compact_search_index(json.dumps(disorder))) == disorder  # "#home" would be read as a's
