"""Small HTML readers: the text of a page's ``<article>`` and the files a page loads."""

from __future__ import annotations

import json
from html.parser import HTMLParser

__all__ = ["article_text", "page_resources"]

_SKIP = frozenset({"script", "style", "template"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})


class _ArticleText(HTMLParser):
    """Collects the text inside ``<article>`` (Material's page content), minus scripts,
    styles and the "¶" permalink anchors next to headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._article = 0
        self._stack: list[bool] = []  # per open element inside the article: is it skipped?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._article += 1
        if self._article and tag not in _VOID:
            classes = (dict(attrs).get("class") or "").split()
            self._stack.append(tag in _SKIP or "headerlink" in classes)

    def handle_endtag(self, tag: str) -> None:
        if self._article and self._stack and tag not in _VOID:
            self._stack.pop()
        if tag == "article" and self._article:
            self._article -= 1
            if not self._article:
                self._stack.clear()

    def handle_data(self, data: str) -> None:
        if self._article and not any(self._stack):
            self.parts.append(data)


def article_text(html: str) -> str:
    """Whitespace-normalised text of the page's ``<article>`` element(s)."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.css: list[str] = []
        self.js: list[str] = []
        self._config = False
        self.config = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "stylesheet" and found.get("href"):
            self.css.append(str(found["href"]))
        elif tag == "script" and found.get("src"):
            self.js.append(str(found["src"]))
            folder = str(found["src"]).rpartition("/")[0]
            self.js += [f"{folder}/{name}" for name in str(found.get("data-kit-preload") or "").split()]
        self._config = tag == "script" and found.get("id") == "__config"

    def handle_data(self, data: str) -> None:
        if self._config:
            self.config += data

    def handle_endtag(self, tag: str) -> None:
        self._config = False


def page_resources(html: str) -> dict[str, list[str]]:
    """URLs of the stylesheets and scripts a page loads, as written in it (with the modules named in a
    script's ``data-kit-preload``: the scorer's main.js imports its page's view only when it runs).

    Material starts its search worker from the ``search`` entry of the page's
    ``__config`` (relative to the page, like the others); it is counted with the scripts."""
    parser = _Resources()
    parser.feed(html)
    parser.close()
    js = list(parser.js)
    if parser.config.strip():
        config = json.loads(parser.config)
        if config.get("search"):
            js.append(str(config["search"]))
    return {"css": parser.css, "js": js}
