"""Issue 15: logos that run script or publish other files, output folders that would destroy the
project, and the publishing workflow. Each case failed (passed check, or deleted files) before."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT
from generator.checks.svg_check import svg_problem
from generator.cli import main
from generator.site.guard import MARKER, OutputFolderError, check_output_folder, mark
from generator.site.writer import write_tree

NS = 'xmlns="http://www.w3.org/2000/svg"'
XLINK = 'xmlns:xl="http://www.w3.org/1999/xlink"'

# (SVG, fragment of the reason) — every one of these passed the pattern filter of 1.0.
UNSAFE_SVGS = [
    (f"<svg {NS}><script>alert(1)</script></svg>", "<script>"),
    (f'<svg {NS} xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>', "<script>"),
    (f'<svg {NS}><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>', "<script (http"),
    (f'<!DOCTYPE svg [<!ENTITY s "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg {NS}>&s;</svg>', "DOCTYPE"),
    (f'<!DOCTYPE svg SYSTEM "https://evil.example/x.dtd"><svg {NS}/>', "DOCTYPE"),
    (f'<svg {NS} {XLINK}><a xl:href="&#106;avascript:alert(1)"><rect width="9" height="9"/></a></svg>', "<a>"),
    (f'<svg {NS} {XLINK}><use xl:href="&#x6A;avascript:alert(1)"/></svg>', "reference"),
    (f'<svg {NS}><animate attributeName="href" to="javascript:alert(1)"/></svg>', "<animate>"),
    (f'<svg {NS}><set attributeName="href" to="javascript:alert(1)"/></svg>', "<set>"),
    (f'<svg {NS}><image href="https://cdn.example/x.png"/></svg>', "reference"),
    (f'<svg {NS}><use href="//evil.example/s.svg#a"/></svg>', "reference"),
    (f'<svg {NS}><rect style="fill:url(https://evil.example/x)"/></svg>', "url("),
    (f'<svg {NS}><rect style="fill:u\\72l(//evil.example/x)"/></svg>', "style trick"),
    (f'<svg {NS}><rect fill="url(//evil.example/p#x)"/></svg>', "url("),
    (f'<svg {NS}><rect style="fill:image-set(\'http://evil.example/x.png\' 1x)"/></svg>', "image-set()"),
    (f'<svg {NS}><rect style="fill:-webkit-image-set(\'//evil.example/x.png\' 1x)"/></svg>', "image-set()"),
    (f'<svg {NS}><rect style="fill:IMAGE(\'//evil.example/x.png\')"/></svg>', "IMAGE()"),
    (f'<svg {NS}><rect style="mask:src(\'//evil.example/x.svg\')"/></svg>', "src()"),
    (f'<svg {NS}><style>@import "//fonts.example/x.css";</style></svg>', "<style>"),
    (f'<svg {NS}><rect onclick="alert(1)"/></svg>', "event handler"),
    (f'<svg {NS}><rect ONLOAD="alert(1)"/></svg>', "event handler"),
    (f'<svg {NS}><foreignObject><p>hi</p></foreignObject></svg>', "<foreignObject>"),
    (f'<svg {NS}><iframe src="data:text/html,x"/></svg>', "<iframe>"),
    (f'<svg {NS}><rect xml:base="https://evil.example/"/></svg>', "base"),
    (f'<?xml version="1.0"?><?xml-stylesheet href="https://evil.example/x.css"?><svg {NS}/>', "processing"),
    ('<svg><rect width="1" height="1"/></svg>', "SVG namespace"),
    ("<svg " + NS + "><rect", "does not parse"),
]
SAFE_SVGS = [
    f'<?xml version="1.0" encoding="UTF-8"?>\n<svg {NS} viewBox="0 0 8 8"><rect width="8" height="8"/></svg>',
    f'<svg {NS}><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
    '<rect fill="url(#g)" width="8" height="8"/><use href="#g"/></svg>',
    f'<svg {NS}><image href="data:image/png;base64,iVBORw0KGgo="/></svg>',
    f'<svg {NS}><title>Logo</title><text x="1" y="9" font-family="sans-serif">协会</text></svg>',
    (ROOT / "examples" / "cross-border" / "logo.svg").read_text(encoding="utf-8"),
]


@pytest.mark.parametrize(("svg", "reason"), UNSAFE_SVGS)
def test_unsafe_svg_logos_are_refused(svg: str, reason: str) -> None:
    found = svg_problem(svg.encode("utf-8"))
    assert found is not None and reason in found.text("en"), found


@pytest.mark.parametrize("svg", SAFE_SVGS)
def test_drawing_only_svg_logos_pass(svg: str) -> None:
    assert svg_problem(svg.encode("utf-8")) is None


def test_svg_in_utf16_is_refused() -> None:
    found = svg_problem(f"<svg {NS}/>".encode("utf-16"))
    assert found is not None and "UTF-8" in found.text("en") and "UTF-8" in found.text("zh")


def _edition(folder: Path, logo: str) -> Path:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "  licence: CC-BY-4.0\n", f"  licence: CC-BY-4.0\n  branding:\n    logo: {logo}\n", 1)
    path = folder / "criteria.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["check", "--lang", "en", "--criteria", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ", "../outside.svg", "git-config"])
def test_a_logo_that_is_a_symlink_is_refused(tmp_path: Path, target: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    edition = tmp_path / "edition"
    edition.mkdir()
    (tmp_path / "outside.svg").write_text(f"<svg {NS}/>", encoding="utf-8")
    (edition / "git-config").write_text("[remote]\n token = secret\n", encoding="utf-8")
    (edition / "logo.svg").symlink_to(target)
    err = _check(_edition(edition, "logo.svg"), capsys)
    assert re.search(r"criteria\.yaml:\d+:\d+: logo file 'logo.svg' is reached through a symbolic link", err), err


def test_a_logo_inside_a_symlinked_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "logo.svg").write_text(f"<svg {NS}/>", encoding="utf-8")
    edition = tmp_path / "edition"
    edition.mkdir()
    (edition / "img").symlink_to(tmp_path / "elsewhere")
    err = _check(_edition(edition, "img/logo.svg"), capsys)
    assert "symbolic link (img)" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_logo_that_is_a_pipe_is_refused_without_blocking(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "logo.png")
    err = _check(_edition(tmp_path, "logo.png"), capsys)
    assert "not an ordinary file" in err


def _project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of what the kit needs, with a .git, to try destructive folders on."""
    project = tmp_path / "project"
    for name in ("data", "generator", "docs"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__", "en", "zh"))
    for name in ("pyproject.toml", "mkdocs.yml"):
        shutil.copy(ROOT / name, project / name)
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    return project


def _run(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, check=False, timeout=300)


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if "__pycache__" not in p.parts}


@pytest.mark.slow
@pytest.mark.parametrize(("args", "env"), [
    (["build", "--docs", "data"], {}),
    (["build", "--docs", "."], {}),
    (["build", "--docs", "generator"], {}),
    (["build"], {"KIT_DOCS": "data"}),
    (["build"], {"KIT_DOCS": "."}),
    (["site", "--site", "data"], {}),
    (["site", "--site", "."], {}),
    (["site", "--site", "generator"], {}),
])
def test_output_folders_that_hold_the_project_are_refused(tmp_path: Path, args: list[str],
                                                          env: dict[str, str]) -> None:
    project = _project_copy(tmp_path)
    before = _files(project)
    done = _run(project, *args, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "refusing to use this folder" in done.stderr, done.stderr
    assert _files(project) == before  # nothing deleted, nothing written


@pytest.mark.slow
def test_a_folder_the_kit_did_not_make_is_refused(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    (project / "notes").mkdir()
    (project / "notes" / "mine.txt").write_text("keep me", encoding="utf-8")
    done = _run(project, "build", "--docs", "notes")
    assert done.returncode == 1 and f"has no {MARKER} file" in done.stderr
    assert (project / "notes" / "mine.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.slow
def test_new_and_marked_folders_are_used_and_marked(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    assert _run(project, "build", "--docs", "out").returncode == 0
    assert (project / "out" / MARKER).is_file() and (project / "out" / "en" / "index.md").is_file()
    (project / "out" / "en" / "stale.md").write_text("old", encoding="utf-8")
    assert _run(project, "build", "--docs", "out").returncode == 0  # the marker makes it the kit's
    assert not (project / "out" / "en" / "stale.md").exists() and (project / "out" / MARKER).is_file()
    assert _run(project, "build").returncode == 0  # docs/ carries the committed marker


@pytest.mark.slow
@pytest.mark.parametrize("args", [["site", "--site", "notes.txt"], ["build", "--docs", "notes.txt"],
                                  ["site", "--site", "link.txt"]])
def test_an_output_path_that_is_a_file_is_refused(tmp_path: Path, args: list[str]) -> None:
    project = _project_copy(tmp_path)
    (project / "notes.txt").write_text("my notes", encoding="utf-8")
    (project / "link.txt").symlink_to("notes.txt")
    before = _files(project)
    done = _run(project, *args)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{args[2]}: this is a file, not a folder" in done.stderr, done.stderr
    assert _files(project) == before and (project / "notes.txt").read_text(encoding="utf-8") == "my notes"


def test_any_mkdocs_site_is_not_taken_for_the_kits(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    other = project / "other-site"
    (other / "search").mkdir(parents=True)
    (other / "index.html").write_text("<p>someone else's site</p>", encoding="utf-8")
    (other / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    with pytest.raises(OutputFolderError, match=f"has no {MARKER} file"):
        check_output_folder(other, project / "data" / "criteria.yaml", "--site")
    (other / "assets" / "javascripts" / "scorer").mkdir(parents=True)
    (other / "assets" / "javascripts" / "scorer" / "scorer.js").write_text("", encoding="utf-8")
    check_output_folder(other, project / "data" / "criteria.yaml", "--site")  # the kit's, from before the marker


def test_nothing_is_written_through_a_symbolic_link_in_the_output(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.md").write_text("keep me", encoding="utf-8")
    (outside / "marker").write_text("keep me too", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "en").symlink_to(outside, target_is_directory=True)
    (docs / "zh").mkdir()
    (docs / "zh" / "index.md").symlink_to(outside / "precious.md")
    (docs / MARKER).symlink_to(outside / "marker")
    write_tree(docs, {"en/index.md": "new", "en/precious.md": "new", "zh/index.md": "new"}, keep=frozenset({MARKER}))
    mark(docs)
    assert sorted(p.name for p in outside.iterdir()) == ["marker", "precious.md"]
    assert (outside / "precious.md").read_text(encoding="utf-8") == "keep me"
    assert (outside / "marker").read_text(encoding="utf-8") == "keep me too"
    assert not any(p.is_symlink() for p in docs.rglob("*"))
    assert (docs / "en" / "precious.md").read_text(encoding="utf-8") == "new"


def test_the_repository_docs_folder_carries_the_marker() -> None:
    tracked = subprocess.run(["git", "ls-files", f"docs/{MARKER}"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    assert tracked == [f"docs/{MARKER}"]


WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def test_workflow_pins_every_action_to_a_commit() -> None:
    uses = re.findall(r"uses:\s*(\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.search(r"#\s*v\d", comment), f"{action}: name the tag in a comment"


def test_workflow_grants_least_privilege() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    top, jobs = text.split("\njobs:", 1)
    assert "pages: write" not in top and "id-token: write" not in top
    build, deploy = jobs.split("\n  deploy:", 1)
    assert "pages: write" not in build and "id-token: write" not in build
    assert "pages: write" in deploy and "id-token: write" in deploy
    assert "persist-credentials: false" in build
    assert "--require-hashes" in build


def test_hashed_requirements_pin_exactly_the_runtime_requirements() -> None:
    pins = {line.split("==")[0].lower().replace("_", "-"): line.split("==")[1]
            for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").split("\n") if "==" in line}
    hashed: dict[str, str] = {}
    for block in (ROOT / "requirements.lock").read_text(encoding="utf-8").split("\n"):
        if found := re.match(r"([\w.-]+)==([^\s\\]+)", block):
            hashed[found[1].lower().replace("_", "-")] = found[2]
    assert hashed == pins, "run scripts/hash-requirements after changing requirements.txt"
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert text.count("--hash=sha256:") >= len(pins)


def test_an_unsafe_logo_is_refused_at_its_line_in_the_editors_language(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "logo.svg").write_text(f'<svg {NS}><rect style="fill:image-set(\'https://evil.example/x.png\' 1x)"/>'
                                       "</svg>", encoding="utf-8")
    text = MINIMAL.read_text(encoding="utf-8").replace("  licence: CC-BY-4.0\n",
                                                       "  licence: CC-BY-4.0\n  branding: {logo: logo.svg}\n")
    (tmp_path / "c.yaml").write_text(text, encoding="utf-8")
    assert main(["check", "--lang", "zh", "--criteria", str(tmp_path / "c.yaml")]) == 1
    err = capsys.readouterr().err
    line = text[: text.index("branding:")].count("\n") + 1
    assert f"c.yaml:{line}:" in err and "CSS 函数 image-set()，它可能从其他网站加载内容" in err, err
    assert "Traceback" not in err
