"""Interface labels from a criteria file are text: never Markdown, HTML or an attribute list.

`check` refuses braces that are not placeholders (tests/test_edition_validation.py and
tests/hostile/label_*.yaml). Here the labels go past `check` on purpose, straight into the
model, to show that the pages escape them anyway: every French page is rendered,
converted with the Markdown extensions of mkdocs.yml (as MkDocs converts it), and its
HTML must carry none of the attributes the labels ask for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from html.parser import HTMLParser

import markdown
import pytest
from mkdocs.config import load_config
from test_edition_validation import FR, with_french

from conftest import ROOT
from generator.load import parse_criteria
from generator.site.outputs import render_all

HOSTILE_LABELS = {
    **FR,
    # Doubled braces are what str.format turns into the single ones an attribute list needs.
    # headings (guide, index, changelog, schema page), table heads, admonition titles, paragraphs
    "questions": 'Questions {{: onclick="alert(1)" }}',
    "evidence": "Preuves {{ .x onfocus=alert(2) autofocus tabindex=0 }}",
    "score": 'points {{: style="position:fixed;inset:0" onmouseover=alert(3) }}',
    "scale": "Échelle {{: #evil .cls onfocus=alert(4) autofocus }}",
    "knockout": 'Éliminatoire" onclick="alert(5)',
    "sections": "Sections {{: onclick=alert(6) }}",
    "changelog_none": "Rien {{ onclick=alert(7) }}",
    "forms": "Formulaires {{: style=color:red }}",
    "version": "**Version** <b onclick=alert(8)>v</b>",
    "criteria_count": "{n} critères {{: onclick=alert(9) }}",
}
FORBIDDEN_ATTRIBUTES = {"onclick", "onfocus", "onmouseover", "autofocus", "style", "tabindex"}


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(tag, name, value) for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def french_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Every generated French Markdown page, rendered with the hostile labels."""
    folder = tmp_path_factory.mktemp("labels")
    criteria = parse_criteria(with_french({"fr": FR}).encode("utf-8"), str(folder / "c.yaml"))
    # Past check, as if check had missed them.
    hostile = dataclasses.replace(criteria, labels=(("fr", tuple(HOSTILE_LABELS.items())),))
    files = render_all(hostile, "c.yaml")
    yield {path: str(text) for path, text in files.items() if path.startswith("fr/") and path.endswith(".md")}


def _html(page: str) -> str:
    config = load_config(str(ROOT / "mkdocs.yml"))
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return converter.convert(page)


def test_labels_reach_the_pages(french_pages: dict[str, str]) -> None:
    assert len(french_pages) >= 10
    assert sum("onclick=" in page for page in french_pages.values()) >= 5


def test_labels_become_no_attributes(french_pages: dict[str, str]) -> None:
    offenders = []
    for path, page in french_pages.items():
        parser = _Attributes()
        parser.feed(_html(page))
        offenders += [f"{path}: <{tag} {name}={value!r}>" for tag, name, value in parser.found
                      if name in FORBIDDEN_ATTRIBUTES or (name in {"id", "class"} and value in {"evil", "cls", "x"})]
        offenders += [f"{path}: <b> from a label" for tag, _, _ in parser.found if tag == "b"]
    assert offenders == []


@pytest.mark.parametrize(("page", "shown"), [
    ("fr/sections/trust.md", 'Questions {: onclick="alert(1)" }'),
    ("fr/sections/trust.md", 'points {: style="position:fixed;inset:0" onmouseover=alert(3) }'),
    ("fr/sections/trust.md", 'Éliminatoire" onclick="alert(5)'),
    ("fr/scoring.md", "Échelle {: #evil .cls onfocus=alert(4) autofocus }"),
    ("fr/index.md", "2 critères {: onclick=alert(9) }"),
    ("fr/index.md", "**Version** <b onclick=alert(8)>v</b>"),
    ("fr/changelog.md", "Rien { onclick=alert(7) }"),
])
def test_labels_are_shown_as_written(page: str, shown: str, french_pages: dict[str, str]) -> None:
    parser = _Attributes()
    parser.feed(_html(french_pages[page]))
    assert shown in "".join(parser.text)


def test_markdown_config_is_the_sites() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert {"attr_list", "tables", "admonition", "toc"} <= set(config.markdown_extensions)
