"""Command line: ``python -m generator check|build|site|diff|fill|labels|texts``."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from generator.checks.rewordings import one_language_rewordings
from generator.checks.starter_args import starter_problem
from generator.diff.compare import compare
from generator.diff.html import to_html
from generator.diff.report import to_json, to_markdown
from generator.edition import Edition
from generator.fill import fill_file
from generator.load import load_criteria, load_edition
from generator.model import Criteria
from generator.parse.source import parse_yaml
from generator.problems import InputError
from generator.site.build import PDF_ENV, SITE_URL_ENV, generate, site_url_env_problem
from generator.site.guard import OutputFolderError, check_output_folder, mark
from generator.site.publish import recover, staging_folder, swap
from generator.site.version import COMMIT_ENV, EDITION_COMMIT_ENV, read_commit
from generator.words.edition_language import editor_language
from generator.words.messages import message
from generator.words.starter import gap_warnings, starter_file

__all__ = ["DEFAULT_CRITERIA", "DEFAULT_DOCS", "main"]

DEFAULT_CRITERIA = "data/criteria.yaml"
DEFAULT_DOCS = "docs"
def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m generator``."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in [("check", "validate the criteria file and report every problem"),
                       ("build", "validate, then write the generated pages into the docs folder"),
                       ("site", "build the whole bilingual site with MkDocs into --site, atomically")]:
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("--criteria", default=os.environ.get("KIT_CRITERIA", DEFAULT_CRITERIA),
                             help="criteria file (default: %(default)s)")
        _lang_option(command)
        if name != "check":
            command.add_argument("--docs", default=os.environ.get("KIT_DOCS", DEFAULT_DOCS),
                                 help="generated docs folder (default: %(default)s)")
        if name == "build":
            command.add_argument("--pdf", action="store_true", help="also make the PDF downloads of the forms")
        if name == "site":
            command.add_argument("--site", default="site", help="output folder (default: %(default)s)")
            command.add_argument("--config", default="mkdocs.yml", help="MkDocs config (default: %(default)s)")
            command.add_argument("--no-pdf", dest="pdf", action="store_false",
                                 help="leave out the PDF downloads of the forms (a faster build; the downloads "
                                      "page says they are missing)")
    for name, text in [("labels", "write a starter file with every interface label for a new language"),
                       ("texts", "write a starter file with every page text for a new language")]:
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("--lang", required=True, help="code of the new language, e.g. zh-Hant")
        command.add_argument("--from", dest="source", default="en",
                             help="language whose texts to start from (default: %(default)s)")
        command.add_argument("--criteria", default=os.environ.get("KIT_CRITERIA", DEFAULT_CRITERIA),
                             help="criteria file whose own rewordings of the --from language to start from "
                                  "(default: %(default)s; skipped if there is no such file)")
    text = "write the criteria texts a language lacks into the criteria file, from another language"
    command = commands.add_parser("fill", help=text, description=text)
    command.add_argument("--criteria", default=os.environ.get("KIT_CRITERIA", DEFAULT_CRITERIA),
                         help="criteria file to write into (default: %(default)s)")
    command.add_argument("--lang", required=True, help="the language to fill, e.g. zh-Hant (in meta.languages)")
    command.add_argument("--from", dest="source", default=None,
                         help="language to copy from (default: the first of meta.fallback for --lang, else "
                              "the file's first language); zh ↔ zh-Hant are converted with OpenCC")
    text = "compare two criteria files by stable id: added, removed, reworded, weight, knock-out, moved"
    command = commands.add_parser("diff", help=text, description=text)
    command.add_argument("old", help="the earlier criteria file, e.g. upstream's")
    command.add_argument("new", help="the later criteria file, e.g. yours")
    command.add_argument("--format", choices=["markdown", "json", "html"], default="markdown",
                         help="report format (default: %(default)s); html is one page to send round or print")
    _lang_option(command)
    return parser


def _lang_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--lang", default=None,
                         help="language of messages and reports, e.g. zh or en (default: the criteria "
                              "file's first language; English for languages without messages)")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    if args.command in ("labels", "texts"):  # --lang here is the new language, not the messages'
        wrong = starter_problem(args.command, args.lang, args.source)
        if wrong is not None:
            print(wrong.text(editor_language(None, os.environ.get("KIT_CRITERIA", DEFAULT_CRITERIA))), file=sys.stderr)
            return 2
        return _starter(args.command, args.lang, args.source, args.criteria)
    asked = None if args.command == "fill" else args.lang  # fill's --lang is the language to fill
    lang = editor_language(asked, args.new if args.command == "diff" else args.criteria)
    try:
        if args.command == "diff":
            return _diff(args.old, args.new, args.format, lang)
        if args.command == "fill":
            count, source = fill_file(args.criteria, args.lang, args.source)
            print(message(lang, "fill_done", file=args.criteria, count=count, lang=args.lang, source=source))
            return 0
        if args.command == "check":
            edition = load_edition(args.criteria)
            criteria = edition.criteria
            _warn_label_gaps(args.criteria, edition, lang)
            print(message(lang, "check_ok", file=args.criteria, sections=len(criteria.scored_sections),
                          criteria=len(criteria.scored_criteria),
                          knockouts=sum(1 for c in criteria.scored_criteria if c.knockout),
                          own=sum(len(s.criteria) for s in criteria.self_check_sections),
                          languages=", ".join(criteria.meta.languages)))
        elif args.command == "build":
            edition, changed = generate(args.criteria, args.docs, read_commit(Path(args.criteria).parent), args.pdf)
            _warn_label_gaps(args.criteria, edition, lang)
            print(f"{args.docs}: {changed} files changed")
        else:
            return _site(args.criteria, args.docs, args.site, args.config, args.pdf, lang)
    except InputError as error:
        print(error.text(lang), file=sys.stderr)
        print(message(lang, "problems_found", count=len(error.problems)), file=sys.stderr)
        return 1
    except OutputFolderError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _starter(kind: str, lang: str, source: str, criteria: str) -> int:
    """Print the starter file, from the criteria file's own rewordings where it has any (read, not checked:
    a file that does not pass check yet is the usual case here)."""
    own: dict[str, Any] = {}
    if Path(criteria).is_file():
        try:
            data = parse_yaml(Path(criteria).read_text(encoding="utf-8-sig"), criteria).data
        except InputError as error:
            print(error.text(editor_language(None, criteria)), file=sys.stderr)
            return 1
        own = data if isinstance(data, dict) else {}
    sys.stdout.write(starter_file(kind, lang, source, own))
    return 0


def _site(criteria: str, docs: str, site: str, config: str, pdf: bool = True, lang: str | None = None) -> int:
    """Build into a temporary folder beside ``site``, then swap it in, so a failed
    or interrupted build never damages the previous site. ``pdf``: with the forms' PDFs."""
    target = Path(site).resolve()
    check_output_folder(Path(site), Path(criteria), "--site")
    check_output_folder(Path(docs), Path(criteria), "--docs")
    recover(target)  # what an interrupted build left (see generator.site.publish)
    commit = read_commit(Path(criteria).parent)
    # Validate here, to report input problems before MkDocs starts; the hook generates the pages.
    edition = load_edition(criteria)
    _warn_label_gaps(criteria, edition, editor_language(None, criteria))
    _warn_no_site_url(criteria, edition.criteria, config)
    address = site_url_env_problem()
    if address is not None:
        print(address.text(lang), file=sys.stderr)
        return 1
    staging = staging_folder(target)
    env = {**os.environ, "KIT_CRITERIA": criteria, "KIT_DOCS": docs, "NO_MKDOCS_2_WARNING": "1",
           COMMIT_ENV: commit.kit if commit else "",  # the hook stamps the same commits
           EDITION_COMMIT_ENV: (commit.edition or "") if commit else "",
           PDF_ENV: "1" if pdf else ""}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", config, "--site-dir", str(staging)]
    try:
        failed = subprocess.run(command, env=env, check=False).returncode != 0
    except KeyboardInterrupt:
        failed = True
    if failed:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"MkDocs build failed or was interrupted; {site} was left as it was.", file=sys.stderr)
        return 1
    mark(staging)
    swap(staging, target)
    print(f"{site}: built")
    return 0


def _diff(old: str, new: str, form: str, lang: str | None) -> int:
    """Validate both files (reporting every problem of both), then print their differences."""
    models, problems = [], []
    for path in (old, new):
        try:
            models.append(load_criteria(path, assets=False))  # a logo left behind is no reason to refuse
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems)
    diff = compare(models[0], models[1], lang)
    writers = {"json": lambda: to_json(diff), "html": lambda: to_html(diff, lang)}
    sys.stdout.write(writers.get(form, lambda: to_markdown(diff, lang))())
    return 0


def _warn_label_gaps(path: str, edition: Edition, lang: str | None = None) -> None:
    """Tell the editor every interface label, page text and criteria text a language lacks, and what shows
    instead (in ``lang``, the editor's language)."""
    criteria = edition.criteria
    for shown in criteria.meta.languages:
        for line in gap_warnings(edition.texts[shown]):
            print(f"{path}: warning: {line}", file=sys.stderr)
    for reworded, where, others in one_language_rewordings(criteria):
        print(f"{path}: warning: " + message(lang, "reworded_one_language", lang=reworded, where=where,
                                             others=", ".join(others)), file=sys.stderr)
    for borrowed in criteria.borrowed:
        lines = [message(lang, "borrowed_texts", lang=borrowed.lang, texts=borrowed.texts,
                         sources=", ".join(borrowed.sources), source=borrowed.sources[0])] if borrowed.texts else []
        if borrowed.script:
            lines.append(message(lang, "borrowed_converted", lang=borrowed.lang, labels=borrowed.labels,
                                 page_texts=borrowed.page_texts, source=borrowed.sources[0], script=borrowed.script,
                                 keys=", ".join(borrowed.converted)))
        for line in lines:
            print(f"{path}: warning: {line}", file=sys.stderr)


_CONFIG_SITE_URL = re.compile(r"^site_url:[ \t]*(?!!ENV)[^\s#]", re.M)


def _warn_no_site_url(path: str, criteria: Criteria, config: str) -> None:
    """Say that a site without a public address gets no canonical links and no sitemap."""
    try:
        configured = bool(_CONFIG_SITE_URL.search(Path(config).read_text(encoding="utf-8")))
    except OSError:
        configured = False  # MkDocs reports a missing config itself
    if criteria.meta.site_url or os.environ.get(SITE_URL_ENV) or configured:
        return
    print(f"{path}: warning: no site_url is set, so the pages carry no canonical link and the site has no "
          f"sitemap.xml. Before publishing, set meta.site_url in {path} to the site's public address "
          f"(e.g. https://example.org/kit/), or {SITE_URL_ENV} when building.", file=sys.stderr)
