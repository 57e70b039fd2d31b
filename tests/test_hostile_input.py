"""Hostile criteria files: a located error or a correct build; never a traceback, a hang, or a lost site.

The corpus is tests/hostile/ (each file says on its first line what it is),
plus big files generated here in a temporary folder (a 20 MB file is not
committed). Small files run in-process through ``generator.cli.main``; the
resource-heavy ones run ``python -m generator`` in a subprocess with a time
limit and a 2 GB address-space limit, so a hang or a memory blow-up fails the
test instead of the machine. A representative subset runs ``site`` over a
previously built site and checks that site is byte-for-byte unchanged.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from trees import tree_digest

from conftest import MINIMAL, ROOT
from generator.cli import main
from generator.load import MAX_BYTES, load_criteria, parse_criteria
from generator.model import Criteria
from generator.parse.compose import MAX_ALIAS_CHARS, MAX_DEPTH, MAX_NODES
from generator.parse.source import MAX_VALUES
from generator.reading import read_at_most
from generator.site.outputs import render_all

HOSTILE = ROOT / "tests" / "hostile"
MEMORY_LIMIT = 2 * 1024**3
"""Address-space limit of the subprocesses (resource.RLIMIT_AS)."""

# (file in tests/hostile, fragment of the expected message, line it must be reported at)
CASES = [
    ('invalid_utf8.yaml', 'not valid UTF-8', 12),
    ('latin1.yaml', 'not valid UTF-8', 12),
    ('utf16.yaml', 'not valid UTF-8', 1),
    ('nul_byte.yaml', 'NUL character', 18),
    ('control_char_raw.yaml', 'control character U+0007', 12),
    ('escaped_nul.yaml', 'the text contains the control character U+0000', 48),
    ('escaped_terminal.yaml', 'control character U+001B', 48),
    ('cr_escape_text.yaml', 'the text contains the line break U+000D (a carriage return', 48),
    ('line_separator_text.yaml', 'the text contains the line break U+2028 (a line separator)', 48),
    ('lone_surrogate.yaml', 'invalid Unicode character escape', 48),
    ('control_char_key.yaml', 'the key contains the control character U+001B', 64),
    ('empty.yaml', 'the file is empty', 1),
    ('comments_only.yaml', 'the file is empty', 1),
    ('whitespace_only.yaml', 'the file is empty', 1),
    ('truncated.yaml', 'a { opened at line 38 is never closed; add the closing }', 39),
    ('truncated_at_section.yaml', "missing required key 'intro'", 63),
    ('unclosed_flow.yaml', 'a [ opened at line 8 is never closed; add the closing ]', 9),
    ('tab_indentation.yaml', 'a tab is used for indentation here; YAML allows only spaces', 64),
    ('bad_indentation.yaml', 'the indentation is wrong here', 42),
    ('two_documents.yaml', 'more than one YAML document', 84),
    ('yaml11_directive.yaml', 'declares %YAML 1.1', 2),
    ('unknown_directive_tag.yaml', 'unsupported value type', 60),
    ('include_tag.yaml', 'unsupported value type !include', 60),
    ('merge_key.yaml', 'merge keys (<<) are not supported', 46),
    ('complex_key.yaml', 'a key must be a plain word', 65),
    ('alias_undefined.yaml', 'refers to no anchor &nowhere', 60),
    ('alias_self.yaml', 'aliases nest lists and mappings more than', 62),
    ('alias_bomb.yaml', 'aliases repeat more than', 8),
    ('deep_nesting_small.yaml', 'nested more than 40 deep', 60),
    ('top_level_list.yaml', 'expected a mapping, found a list', 2),
    ('top_level_text.yaml', 'expected a mapping, found text', 2),
    ('duplicate_keys.yaml', "duplicate key 'weight'", 43),
    ('duplicate_language.yaml', "duplicate key 'zh'", 64),
    ('duplicate_criterion_id.yaml', "duplicate id 'licence'", 46),
    ('duplicate_section_criterion_id.yaml', "duplicate id 'process'", 67),
    ('duplicate_source_id.yaml', "duplicate source id 'article'", 13),
    ('wrong_type_weight.yaml', 'expected a number, found text', 60),
    ('wrong_type_text.yaml', 'expected a mapping from language to text', 64),
    ('wrong_type_list.yaml', 'expected a list, found a mapping', 70),
    ('knockout_quoted.yaml', 'expected true or false', 44),
    ('bool_score.yaml', 'expected a whole number, found true/false', 56),
    ('missing_meta.yaml', "missing required key 'meta'", 2),
    ('missing_translation.yaml', "missing the 'en' text", 69),
    ('unknown_key_typo.yaml', "unknown key 'titel'; did you mean 'title'?", 64),
    ('unknown_top_key.yaml', "unknown key 'settings'", 84),
    ('empty_text.yaml', 'must not be empty', 64),
    ('text_too_long.yaml', 'is longer than 4000 characters', 64),
    ('null_text.yaml', 'expected text, found nothing (null)', 64),
    ('yaml11_no.yaml', 'unquoted no is read as true/false', 56),
    ('yaml11_off.yaml', 'unquoted Off is read as true/false', 57),
    ('yaml11_version_float.yaml', 'write it in quotes, "1.10"', 7),
    ('yaml11_sexagesimal.yaml', 'expected a number, found text', 60),
    ('nan_weight.yaml', '.nan is not a finite number', 60),
    ('inf_weight.yaml', '-.inf is not a finite number', 60),
    ('huge_weight.yaml', 'must be at most 100', 60),
    ('site_url_injection.yaml', 'does not have the expected form', 10),
    ('source_url_javascript.yaml', 'does not have the expected form', 13),
    ('id_path_traversal.yaml', 'does not have the expected form', 4),
    ('version_path.yaml', 'does not have the expected form', 7),
    ('logo_traversal.yaml', "the logo's file name '../../etc/passwd.png' may hold only", 10),
    ('logo_svg_script.yaml', 'contains a <script> element', 10),
    ('colour_injection.yaml', 'is not allowed', 10),
    ('label_markup.yaml', "label 'home' may not contain", 329),
    ('label_markdown_link.yaml', "label 'sections' may not contain", 329),
    ('label_format_spec.yaml', "writes the placeholder {page} as '{page:0999999999}'", 329),
    ('label_attribute.yaml', "writes the placeholder {n} as '{n.real}'", 329),
    ('label_attr_list.yaml', "label 'questions' has a '{' at character 11", 329),
    ('label_heading_attrs.yaml', "label 'score' has a '{' at character 3", 329),
    ('many_problems.yaml', "unknown key 'titel'", 64),
]


def _same_as_minimal(criteria: Criteria) -> bool:
    return render_all(criteria, "c.yaml") == render_all(load_criteria(MINIMAL), "c.yaml")


LEGAL: dict[str, Callable[[Criteria], bool]] = {
    "bom.yaml": _same_as_minimal,
    "crlf.yaml": _same_as_minimal,
    "cr_only.yaml": _same_as_minimal,
    "bom_crlf.yaml": _same_as_minimal,
    "anchors_reused.yaml": lambda c: (c.criteria[1].questions == c.criteria[0].questions
                                      and c.criteria[2].evidence[0]("en") == "A process document"),
    "yaml12_date_text.yaml": lambda c: c.meta.sources[0].title("en") == "2024-01-01",
    "tab_in_text.yaml": lambda c: c.criteria[1].why("en") == "Meeting\tbeats phone calls.",
    "rtl_override_text.yaml": lambda c: c.criteria[1].why("en").startswith("\u202eslla\u202c\u200b"),  # U+2028: refused
}
"""Legal files: each must build, and its model must pass the check."""


def test_corpus_lists_every_file() -> None:
    on_disk = {p.name for p in HOSTILE.glob("*.yaml")}
    listed = {name for name, _, _ in CASES} | set(LEGAL)
    assert on_disk == listed
    assert len(on_disk) >= 40


@pytest.mark.parametrize(("name", "fragment", "line"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file_gets_a_located_error(name: str, fragment: str, line: int,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = HOSTILE / name
    assert main(["check", "--lang", "en", "--criteria", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    located = [row for row in err.splitlines() if row.startswith(f"{path}:{line}:") and fragment in row]
    assert located, err[:3000]
    assert err.rstrip().endswith("nothing was written.")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(LEGAL))
def test_legal_file_builds(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = HOSTILE / name
    assert main(["build", "--criteria", str(path), "--docs", str(tmp_path / "docs")]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert (tmp_path / "docs" / "en" / "sections" / "trust.md").is_file()
    assert LEGAL[name](load_criteria(path))


# ---------- The previous site survives every failed build ----------

SITE_SUBSET = ["truncated.yaml", "invalid_utf8.yaml", "nul_byte.yaml", "tab_indentation.yaml", "duplicate_criterion_id.yaml",
               "alias_self.yaml", "lone_surrogate.yaml", "label_markup.yaml", "site_url_injection.yaml", "empty.yaml"]


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], str]:
    """A site built from the minimal file, the ``site`` arguments that target it, and its digest."""
    base = tmp_path_factory.mktemp("previous")
    args = ["--docs", str(base / "docs"), "--site", str(base / "site"), "--config", str(ROOT / "mkdocs.yml")]
    assert main(["site", "--no-pdf", "--criteria", str(MINIMAL), *args]) == 0
    return base, args, tree_digest(base / "site")


@pytest.mark.site
@pytest.mark.parametrize("name", SITE_SUBSET)
def test_failed_site_build_keeps_the_previous_site(name: str, previous: tuple[Path, list[str], str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    base, args, digest = previous
    assert main(["site", "--no-pdf", "--criteria", str(HOSTILE / name), *args]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert tree_digest(base / "site") == digest
    assert sorted(p.name for p in base.iterdir()) == ["docs", "site"], "no staging folder is left behind"


# ---------- Resource-heavy files, in a subprocess with limits ----------

def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """``python -m generator *args`` with a time and memory limit (TimeoutExpired fails the test)."""
    env = {**os.environ, "KIT_COMMIT": "", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator", *args, "--lang", "en"], cwd=ROOT, env=env, capture_output=True,
                          text=True, errors="replace", timeout=timeout, preexec_fn=_limit_memory, check=False)


def _huge(size: int) -> str:
    filler = "# " + "x" * 97 + "\n"
    return MINIMAL.read_text(encoding="utf-8") + filler * (size // len(filler))


def _many_criteria(count: int, per_section: int = 50) -> str:
    """The minimal file with ``count`` short criteria in sections of ``per_section`` (about 420 bytes each)."""
    head = MINIMAL.read_text(encoding="utf-8").split("sections:\n")[0]
    parts = [head, "sections:\n"]
    levels = ", ".join(f"{{score: {s}, text: {{zh: 等级{s}, en: Level {s}}}}}" for s in range(4))
    for s in range(count // per_section):
        parts.append(f"  - id: s{s:03d}\n    title: {{zh: 方面{s}, en: Area {s}}}\n    intro: {{zh: 介绍, en: Intro}}\n"
                     "    criteria:\n")
        parts += [f"      - {{id: c{i:04d}, title: {{zh: 标准{i}, en: C{i:04d}}}, why: {{zh: 原因, en: Why}}, "
                  "questions: [{zh: 问题, en: Question}], evidence: [{zh: 证据, en: Evidence}], "
                  f"red_flags: [{{zh: 信号, en: Flag}}], levels: [{levels}], weight: 1, knockout: false, "
                  "sources: [article]}\n"
                  for i in range(s * per_section, (s + 1) * per_section)]
    return "".join(parts)


# (name, file text, expected fragment, expected line)
HEAVY = [
    ("20 MB", lambda: _huge(20 * 1024 * 1024), f"the limit is {MAX_BYTES}", 1),
    ("10,000 nested flow lists", lambda: "format: 1\nmeta: " + "[" * 10_000 + "]" * 10_000 + "\n",
     f"nested more than {MAX_DEPTH} deep", 2),
    ("10,000 nested block lists", lambda: "format: 1\nsections:\n  " + "- " * 10_000 + "x\n",
     f"nested more than {MAX_DEPTH} deep", 3),
    ("10,000 nested mappings", lambda: "format: 1\nmeta: " + "{a: " * 10_000 + "x" + "}" * 10_000 + "\n",
     f"nested more than {MAX_DEPTH} deep", 2),
    ("10,000 unclosed brackets", lambda: "format: 1\nmeta: " + "[" * 10_000 + "\n", f"nested more than {MAX_DEPTH} deep", 2),
    ("billion laughs of empty texts",
     lambda: (HOSTILE / "alias_bomb.yaml").read_text(encoding="utf-8").replace("lol, ", '"", ').replace("lol]", '""]'),
     f"expands to more than {MAX_VALUES} values", 1),
    ("700,000 tiny values", lambda: "- 1\n" * 700_000, f"more than {MAX_NODES} keys and values", MAX_NODES),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "make", "fragment", "line"), HEAVY, ids=[h[0] for h in HEAVY])
def test_heavy_file_fails_in_bounded_time_and_memory(name: str, make: Callable[[], str], fragment: str, line: int,
                                                     tmp_path: Path, previous: tuple[Path, list[str], str]) -> None:
    base, args, digest = previous
    path = tmp_path / "heavy.yaml"
    path.write_text(make(), encoding="utf-8")
    done = run_limited("site", "--no-pdf", "--criteria", str(path), *args, timeout=120)
    assert done.returncode == 1, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert f"{path}:{line}:" in done.stderr and fragment in done.stderr, done.stderr[:3000]
    assert tree_digest(base / "site") == digest


LONG_TEXT = "长" * 4000
"""A text of the longest length a text may have."""


def _aliased_question(count: int) -> tuple[str, int]:
    """The minimal file with one longest question anchored and aliased ``count`` times, one alias a
    line; and the line of the alias that first repeats more than MAX_ALIAS_CHARS characters."""
    text = MINIMAL.read_text(encoding="utf-8")
    first = "          - {zh: 能给我看营业执照吗？, en: Can I see your business licence?}\n"
    anchored = f"          - &q {{zh: {LONG_TEXT}, en: {LONG_TEXT}}}\n" + "          - *q\n" * count
    head = text[: text.index(first)]
    over = MAX_ALIAS_CHARS // len(f"zh{LONG_TEXT}en{LONG_TEXT}") + 1  # the first alias past the limit (keys count)
    return head + anchored + text[text.index(first) + len(first):], head.count("\n") + 1 + over


def _licence(size: int) -> str:
    return MINIMAL.read_text(encoding="utf-8").replace("licence: CC-BY-4.0", "licence: " + "L" * size)


# (name, file text, expected fragment, expected line): before these limits, each passed check
REPEATED = [
    ("20,000 aliases of a long text", lambda: _aliased_question(20_000)[0],
     f"aliases repeat more than {MAX_ALIAS_CHARS:,} characters", _aliased_question(1)[1]),
    ("a 7 MB licence", lambda: _licence(7 * 1000 * 1000), "meta.licence: is longer than 200 characters", 9),
    ("200 aliases of a long text", lambda: _aliased_question(200)[0],
     f"aliases repeat more than {MAX_ALIAS_CHARS:,} characters", _aliased_question(1)[1]),
    ("21 questions", lambda: _aliased_question(20)[0].replace(LONG_TEXT, "问"),
     "questions: has 21 entries; the limit is 20", 32),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "make", "fragment", "line"), REPEATED, ids=[r[0] for r in REPEATED])
def test_repeated_text_is_refused_quickly(name: str, make: Callable[[], str], fragment: str, line: int,
                                          tmp_path: Path) -> None:
    path = tmp_path / "repeated.yaml"
    path.write_text(make(), encoding="utf-8")
    started = time.monotonic()
    done = run_limited("build", "--criteria", str(path), "--docs", str(tmp_path / "docs"), timeout=60)
    assert done.returncode == 1, done.stderr[-3000:]
    assert time.monotonic() - started < 20
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    assert f"{path}:{line}:" in done.stderr and fragment in done.stderr, done.stderr[:3000]
    assert not (tmp_path / "docs").exists()


def test_short_aliases_are_still_fine(tmp_path: Path) -> None:
    text = _aliased_question(19)[0].replace(LONG_TEXT, "问")
    criteria = parse_criteria(text.encode("utf-8"), str(tmp_path / "c.yaml"))
    assert len(criteria.criteria[0].questions) == 20


@pytest.mark.slow
def test_five_thousand_criteria_build(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(_many_criteria(5000), encoding="utf-8")
    docs = tmp_path / "docs"
    done = run_limited("build", "--criteria", str(path), "--docs", str(docs), timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    pages = sorted((docs / "en" / "sections").glob("*.md"))
    assert len(pages) == 100
    assert "{ #c4999 }" in pages[-1].read_text(encoding="utf-8")
    assert "C4999" in (docs / "en" / "worksheet.md").read_text(encoding="utf-8")


def test_schema_reference_states_the_limits() -> None:
    files = render_all(load_criteria(MINIMAL), "c.yaml")
    for lang in ("en", "zh"):
        page = str(files[f"{lang}/schema.md"])
        for number in (f"{MAX_DEPTH}", f"{MAX_NODES:,}", f"{MAX_VALUES:,}", f"{MAX_BYTES // 1024 // 1024} MiB",
                       f"{MAX_ALIAS_CHARS:,}", "4,000", "History", "31", "{ #refused }"):
            assert number in page, (lang, number)




def _special(kind: str, tmp_path: Path) -> Path:
    if kind == "device":
        return Path("/dev/zero")
    if kind == "folder":
        return tmp_path
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)  # nothing ever writes to it: reading it would wait for ever
    if kind == "link to a pipe":
        (tmp_path / "link.yaml").symlink_to(path)
        return tmp_path / "link.yaml"
    return path


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["device", "pipe", "link to a pipe", "folder"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_criteria_path_that_is_no_ordinary_file_is_refused_at_once(kind: str, command: str, tmp_path: Path) -> None:
    path = _special(kind, tmp_path)
    extra = ["--docs", str(tmp_path / "docs")] if command == "build" else []
    done = run_limited(command, "--criteria", str(path), *extra, timeout=30)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert f"{path}:1:1: this is a folder, a device or a pipe, not an ordinary file" in done.stderr, done.stderr


def test_a_file_past_the_limit_is_read_only_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(b"x" * 100)
    raw, size = read_at_most(path, 10)
    assert (raw, size) == (b"x" * 11, 100)  # one byte past the limit tells that it is too long
