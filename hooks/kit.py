"""MkDocs glue: generate pages from the criteria, then build every language.

This is the only file that knows MkDocs. The main language builds into the
site root; each other language is built into ``<site>/<lang>/`` right after,
from the same mkdocs.yml, so one ``mkdocs build`` or ``mkdocs serve`` gives
the whole multilingual site. Paths come from KIT_CRITERIA and KIT_DOCS
(defaults: data/criteria.yaml and docs, relative to mkdocs.yml).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.cli import generate  # noqa: E402
from generator.load import load_criteria  # noqa: E402
from generator.model import Criteria  # noqa: E402
from generator.nav import alternates, language_root, site_nav  # noqa: E402
from generator.problems import InputError  # noqa: E402


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


@event_priority(100)  # before Material's search plugin reads theme.language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    source, docs = _paths(config)
    try:
        nested = Path(config.docs_dir).resolve().parent == docs
        criteria = load_criteria(source) if nested else generate(source, str(docs))[0]
    except InputError as error:
        raise Abort(f"{error}\n{len(error.problems)} problem(s) in the criteria; nothing was built.") from None
    lang = _language(config, docs, criteria)
    config.docs_dir = str(docs / lang)
    config.site_name = criteria.meta.title(lang)
    config.theme["language"] = lang
    config.nav = site_nav(criteria, lang)
    config.extra["alternate"] = alternates(criteria, lang)
    config.extra["kit"] = {"version": criteria.meta.version, "language": lang}
    config.copyright = f"{criteria.meta.title(lang)} · {criteria.meta.version} · {criteria.meta.licence}"
    base = config.site_url or criteria.meta.site_url or "http://127.0.0.1:8000/"
    config.site_url = base + language_root(criteria, lang)
    return config


def on_post_build(config: MkDocsConfig) -> None:
    """After the main language, build each other language into <site>/<lang>/."""
    source, docs = _paths(config)
    criteria = load_criteria(source)
    if _language(config, docs, criteria) != criteria.meta.languages[0]:
        return
    for lang in criteria.meta.languages[1:]:
        nested: Any = load_config(
            config_file=config.config_file_path, docs_dir=str(docs / lang),
            site_dir=str(Path(config.site_dir) / lang), strict=config.strict,
            site_url=config.site_url,
        )
        build(nested)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when the criteria file changes, wherever it is."""
    source, _ = _paths(config)
    server.watch(str(Path(source).resolve()))
    return server
