"""MkDocs glue: generate pages from the criteria, then build every language.

This is the only file that knows MkDocs. The main language builds into the
site root; each other language is built into ``<site>/<lang>/`` right after,
from the same mkdocs.yml, so one ``mkdocs build`` or ``mkdocs serve`` gives
the whole multilingual site. Paths come from KIT_CRITERIA and KIT_DOCS
(defaults: data/criteria.yaml and docs, relative to mkdocs.yml). The forms' PDFs
are made only when KIT_PDF is 1, as ``python -m generator site`` sets it; ``mkdocs
serve`` leaves them out, so that a refresh stays fast.
"""

from __future__ import annotations

import copy
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
"""The kit's checkout, put on the path so that MkDocs, which loads this file alone, finds the generator."""
SCORER_MODULES = ROOT / "overrides" / "assets" / "javascripts" / "scorer"
"""The scorer's ES modules (generator.site.modules)."""
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.checks.edition_rules import logo_file  # noqa: E402
from generator.checks.schema_check import site_url_problem  # noqa: E402
from generator.edition import Edition  # noqa: E402
from generator.load import load_edition  # noqa: E402
from generator.model import Criteria  # noqa: E402
from generator.problems import InputError  # noqa: E402
from generator.render.base import Context, edition_stamp  # noqa: E402
from generator.render.colours import COLOURS_CSS, palette_colours  # noqa: E402
from generator.render.edition import logo_path  # noqa: E402
from generator.render.pages import search_options, skip_label, skip_target  # noqa: E402
from generator.root import PROJECT  # noqa: E402
from generator.site.build import PDF_ENV, SITE_URL_ENV, generate  # noqa: E402
from generator.site.guard import OutputFolderError  # noqa: E402
from generator.site.modules import APP_STYLESHEET, app_stylesheet, page_modules  # noqa: E402
from generator.site.nav import language_root, page_alternates, site_nav  # noqa: E402
from generator.site.outputs import source_name  # noqa: E402
from generator.site.page_description import form_description, page_description  # noqa: E402
from generator.site.page_fixes import name_search_dialog  # noqa: E402
from generator.site.search_index import compact_search_index, compact_search_index_script  # noqa: E402
from generator.site.search_loading import patch_bundle  # noqa: E402
from generator.site.search_worker import RESTORE_INDEX, patch_search_worker  # noqa: E402
from generator.site.serve_problem import problem_banner, with_banner  # noqa: E402
from generator.site.sitemap import gzipped, stable_sitemap  # noqa: E402
from generator.site.version import read_commit  # noqa: E402
from generator.words.edition_language import editor_language  # noqa: E402
from generator.words.language_tags import language_tag  # noqa: E402
from generator.words.messages import message  # noqa: E402

PLACEHOLDER_URL = "http://127.0.0.1:8000/"
"""site_url for MkDocs and Material when the edition has no public address (never published)."""


def _paths(config: MkDocsConfig) -> tuple[str, Path]:
    base = Path(config.config_file_path).parent
    criteria = os.environ.get("KIT_CRITERIA") or str(base / "data" / "criteria.yaml")
    docs = Path(os.environ.get("KIT_DOCS") or base / "docs").resolve()
    return criteria, docs


def _language(config: MkDocsConfig, docs: Path, criteria: Criteria) -> str:
    here = Path(config.docs_dir).resolve()
    if here.parent == docs and here.name in criteria.meta.languages[1:]:
        return here.name
    return criteria.meta.languages[0]


_SERVING: list[bool] = [False]
"""Whether this process is ``mkdocs serve`` (set by on_startup)."""
_GOOD: dict[str, Edition] = {}
"""The last edition that loaded without problems, by file: ``mkdocs serve`` keeps showing it."""
_LOADED: dict[str, tuple[bytes, Edition]] = {}
"""The criteria file last loaded, by path, with its bytes and edition: a build asks for it on every
page, and the edition is immutable. (A cache of the shell's, never read by the generator.)"""
_BANNER: dict[str, str] = {}
"""The problem banner of a file that is broken now, by file (see generator.site.serve_problem)."""


def on_startup(command: str, dirty: bool) -> None:
    _SERVING[0] = command == "serve"


def _edition(source: str) -> Edition:
    """The edition of the criteria file ``source``, parsed again only when its bytes or its logo changed."""
    try:
        raw = Path(source).read_bytes()
    except OSError:
        return load_edition(source)  # reports the file as unreadable
    last = _LOADED.get(source)
    if last is None or last[0] != raw or not _same_logo(last[1].criteria, source):
        _LOADED.clear()
        _LOADED[source] = last = (raw, load_edition(source))
    return last[1]


def _remember(source: str, edition: Edition) -> Edition:
    """Keep ``edition``, just loaded from ``source`` by the build, for the page hooks."""
    try:
        _LOADED.clear()
        _LOADED[source] = (Path(source).read_bytes(), edition)
    except OSError:
        pass
    return edition


def _same_logo(criteria: Criteria, name: str) -> bool:
    """Whether the logo file still holds what ``criteria`` read (``make serve`` picks up a new logo)."""
    branding = criteria.meta.branding
    if branding is None or branding.logo is None:
        return True
    path = logo_file(name, branding.logo.name)
    return path.is_file() and path.read_bytes() == branding.logo.data


def _model(source: str, load: Callable[[], Edition] | None = None) -> Edition:
    """``load()`` (by default the edition of ``source``); while serving, a file with problems gives the
    last good edition and a banner instead."""
    try:
        edition = load() if load is not None else _edition(source)
    except InputError as error:
        lang = editor_language(None, source)  # in the edition's first language, as `check` says it
        if not (_SERVING[0] and source in _GOOD):
            raise Abort(f"{error.text(lang)}\n{len(error.problems)} problem(s) in the criteria; nothing was built.") \
                from None
        banner = problem_banner(error, lang)
        if _BANNER.get(source) != banner:  # once per broken save, not once per page
            print(f"{error.text(lang)}\n{message(lang, 'problems_found_serve', count=len(error.problems))}",
                  file=sys.stderr)
        _BANNER[source] = banner
        return _GOOD[source]
    _GOOD[source] = edition
    _BANNER.pop(source, None)
    return edition


@event_priority(100)  # before Material's search plugin reads theme.language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    source, docs = _paths(config)
    if config.site_url and (bad := site_url_problem(config.site_url, f"{SITE_URL_ENV}: ")) is not None:
        raise Abort(bad.text(editor_language(None, source)))  # Material writes it unescaped into every page
    try:
        nested = Path(config.docs_dir).resolve().parent == docs
        commit = read_commit(Path(source).parent)
        pdf = os.environ.get(PDF_ENV) == "1"  # set by `python -m generator site`, not by `mkdocs serve`
        edition = _model(source, None if nested else lambda: _remember(source, generate(source, str(docs), commit,
                                                                                          pdf)[0]))
    except OutputFolderError as error:
        raise Abort(str(error)) from None
    criteria = edition.criteria
    lang = _language(config, docs, criteria)
    config.docs_dir = str(docs / lang)
    config.site_name = escape(criteria.meta.title(lang))  # Material prints it as HTML; Markup is not escaped twice
    config.theme["language"] = _material_language(config, lang)
    _apply_branding(config, criteria)
    _search_words(config)
    config.nav = site_nav(edition, lang)
    config.extra["alternate"] = page_alternates(edition, lang, "")  # pages without their own (404)
    stamp = edition_stamp(Context(edition, lang, source_name(source), commit))
    public = config.site_url or criteria.meta.site_url
    # Without a public address there is no canonical link and no sitemap (main.html,
    # on_post_build): both would name a placeholder. Material's scripts still need one.
    config.extra["kit"] = {"version": criteria.meta.version, "language": lang,
                           "commit": commit.kit if commit else "", "stamp": stamp, "public": bool(public)}
    config.copyright = str(escape(f"{stamp} · {criteria.meta.licence_in(lang)}"))  # Material prints it as HTML
    config.site_url = (public or PLACEHOLDER_URL) + language_root(criteria, lang)
    return config


def _material_language(config: MkDocsConfig, lang: str) -> str:
    """The theme's interface texts (search box, buttons, ``<html lang>``) for ``lang``: those
    named by its language tag (zh-Hans, from overrides/), else by ``lang``, else English."""
    dirs = [Path(folder) for folder in config.theme.dirs]
    for name in (language_tag(lang), lang):
        if any((d / "partials" / "languages" / f"{name}.html").is_file() for d in dirs):
            return name
    return "en"


def _apply_branding(config: MkDocsConfig, criteria: Criteria) -> None:
    """The edition's palette colours and logo (meta.branding), over mkdocs.yml's defaults."""
    branding = criteria.meta.branding
    if branding is None:
        return
    colours = palette_colours(criteria)
    if "custom" in colours.values() and COLOURS_CSS not in config.extra_css:
        config.extra_css.append(COLOURS_CSS)  # the hex colours, written by the generator
    palette = config.theme.get("palette")
    if isinstance(palette, list):
        config.theme["palette"] = [{**entry, **colours} for entry in palette]
    else:
        config.theme["palette"] = {**(palette or {}), **colours}
    logo = logo_path(criteria)
    if logo is not None:
        config.theme["logo"] = logo
        config.theme["favicon"] = logo


@event_priority(-50)  # after the search plugin wrote its index, before an offline plugin copies it
def on_post_build(config: MkDocsConfig) -> None:
    """Write the scorer pages' stylesheet (generator.site.modules.app_stylesheet); compact this language's
    search index; after the main language, build each other language into <site>/<lang>/."""
    styles = Path(config.site_dir) / "assets" / "stylesheets"
    (styles / APP_STYLESHEET).write_text(app_stylesheet(styles), encoding="utf-8", newline="\n")
    restored = _patch_search_worker(Path(config.site_dir))
    _compact_search_index(Path(config.site_dir), stored=restored)
    source, docs = _paths(config)
    criteria = _model(source).criteria
    public = bool(config.extra["kit"]["public"])
    _stable_sitemap(Path(config.site_dir), criteria, public)
    if _language(config, docs, criteria) != criteria.meta.languages[0]:
        return
    for lang in criteria.meta.languages[1:]:
        nested: Any = load_config(
            config_file=config.config_file_path, docs_dir=str(docs / lang),
            site_dir=str(Path(config.site_dir) / lang), strict=config.strict,
            site_url=config.site_url if public else None,
        )
        build(nested)


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    """Name Material's search dialog for screen readers (see generator.site.page_fixes); while serving
    a criteria file with problems, show them at the top of the page."""
    source = _paths(config)[0]
    texts = _model(source).texts[config.extra["kit"]["language"]]
    output = name_search_dialog(output, texts.label("search_dialog"))
    banner = _BANNER.get(source)
    return output if banner is None else with_banner(output, banner)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when the criteria file or the edition's logo changes, wherever they are, and when a file
    appears beside the criteria file: a logo added there (named in the file before or after) is
    picked up. Only that folder's own files are watched, not its sub-folders, where the docs may be."""
    source, _ = _paths(config)
    server.watch(str(Path(source).resolve()))
    server.watch(str(Path(source).resolve().parent), recursive=False)
    branding = _model(source).criteria.meta.branding
    if branding is not None and branding.logo is not None:
        logo = logo_file(source, branding.logo.name).resolve()
        server.watch(str(logo))
        server.watch(str(logo.parent), recursive=False)  # the logo deleted, then added again
    return server


def on_page_markdown(markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str:
    """Set Material's search options of the page (guide sections first, forms left out; see
    generator.render.pages.search_options) unless its front matter sets them."""
    options = search_options(page.file.src_uri)
    if options is not None and "search" not in page.meta:
        page.meta["search"] = options
    return markdown


def on_page_content(html: str, page: Any, config: MkDocsConfig, files: Any) -> str:
    """Give the page its meta description (overrides/main.html): what a form page is for, else its first
    paragraph, else the edition's title (see generator.site.page_description)."""
    edition = _model(_paths(config)[0])
    lang = config.extra["kit"]["language"]
    page.meta["kit_description"] = (form_description(edition.texts[lang], page.file.src_uri)
                                    or page_description(html, edition.criteria.meta.title(lang)))
    return html


def on_page_context(context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
    """Give the language switcher links to this same page in every language, the scorer pages the list
    of their modules to preload (overrides/main.html), and render the page with big menu groups cut
    down (see NAV_SIBLINGS_MAX)."""
    source, docs = _paths(config)
    edition = _model(source)  # the same file is parsed once per change
    lang = _language(config, docs, edition.criteria)
    page.meta["alternates"] = page_alternates(edition, lang, page.url)
    target = skip_target(page.file.src_uri)
    text = None if target is None else edition.texts[lang].label(skip_label(target))
    page.meta["kit_skip"] = None if target is None else {"target": target, "text": text}
    page.meta["kit_modules"] = page_modules(page.content or "", SCORER_MODULES)
    context["nav"] = _pruned_nav(nav, page)
    return context


SEARCH_WORDS = PROJECT / "hooks" / "search-words.zh.txt"
"""jieba user dictionary: the kit's own words (代运营, 子账号…) that jieba would split."""

NAV_SIBLINGS_MAX = 12
"""A page's menu lists the other pages of its group only while the group has at most this
many; beyond that (a fork with many sections) just the page itself, so page size does not
grow with the number of sections. The footer's previous/next links and the home page lead on."""


def _search_words(config: MkDocsConfig) -> None:
    """Have Material's search plugin segment Chinese with the kit's word list too."""
    search = config.plugins.get("material/search")
    if search is not None and not search.config.jieba_dict_user:
        search.config.jieba_dict_user = str(SEARCH_WORDS)


def _compact_search_index(site_dir: Path, stored: bool) -> None:
    """Rewrite search/search_index.json (and an offline search_index.js) as compact UTF-8; with
    ``stored``, as the patched worker reads it (generator.site.search_storage)."""
    for name, compact in (("search_index.json", compact_search_index),
                          ("search_index.js", compact_search_index_script)):
        path = site_dir / "search" / name
        if path.is_file():
            path.write_text(compact(path.read_text(encoding="utf-8"), stored), encoding="utf-8", newline="\n")


def _patch_search_worker(site_dir: Path) -> bool:
    """Fix Material's search of Chinese queries (see generator.site.search_worker) and load its
    index only when search opens (generator.site.search_loading). True if there is a worker and it
    reads the index as stored (generator.site.search_storage)."""
    scripts = site_dir / "assets" / "javascripts"
    restored = []
    for pattern, patch_script in (("workers/search.*.min.js", patch_search_worker), ("bundle.*.min.js", patch_bundle)):
        for path in sorted(scripts.glob(pattern)):
            script, missing = patch_script(path.read_text(encoding="utf-8"))
            path.write_text(script, encoding="utf-8", newline="")
            if patch_script is patch_search_worker:
                restored.append(RESTORE_INDEX not in missing)
            for patch in missing:
                logging.getLogger("mkdocs.hooks.kit").info("%s: not patched (code not found): %s",
                                                           path.name, patch.name)
    return bool(restored) and all(restored)


EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
"""The sitemap of a site without a public address: no addresses."""


def _stable_sitemap(site_dir: Path, criteria: Criteria, public: bool) -> None:
    """Rewrite this language's sitemap.xml(.gz) without the build date (see generator.site.sitemap).
    A site with no public address gets an empty sitemap instead: MkDocs's would list placeholder
    addresses, and with none at all Material's instant navigation requests it on every page (404)."""
    path = site_dir / "sitemap.xml"
    if not public:
        path.write_text(EMPTY_SITEMAP, encoding="utf-8", newline="\n")
        path.with_name("sitemap.xml.gz").unlink(missing_ok=True)
    elif path.is_file():
        released = criteria.changelog[0].date if criteria.changelog else None
        xml = stable_sitemap(path.read_text(encoding="utf-8"), released)
        path.write_text(xml, encoding="utf-8", newline="\n")
        path.with_name("sitemap.xml.gz").write_bytes(gzipped(xml.encode("utf-8")))


def _pruned_nav(nav: Any, page: Any) -> Any:
    """``nav`` for rendering ``page``: its group cut down to the page itself if the group is big."""
    group = page.parent
    if group is None or len(group.children) <= NAV_SIBLINGS_MAX:
        return nav
    narrow = copy.copy(group)
    narrow.children = [page]
    return _replaced(nav, group, narrow)


def _replaced(nav: Any, old: Any, new: Any) -> Any:
    """A shallow copy of ``nav`` with item ``old`` swapped for ``new`` (copying its ancestors)."""
    if old.parent is None:
        top = copy.copy(nav)
        top.items = [new if item is old else item for item in nav.items]
        return top
    parent = copy.copy(old.parent)
    parent.children = [new if child is old else child for child in old.parent.children]
    return _replaced(nav, old.parent, parent)
