"""Smoke tests of the benchmark suite (bench/) on small input, so it cannot rot.

Timings are never asserted (the benchmark reports them); only that every
measurement runs and its helpers compute what they claim.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from bench.html_text import article_text, page_resources
from bench.only import select_pages
from bench.project import CriteriaSet, fork_sets, snapshot
from bench.report import markdown, markdown_table
from bench.run import AGENCIES, SEEDED_PAGES, main
from bench.seeded import sample_scores
from bench.serve import epoch, measure_refresh
from bench.server import Server
from bench.targets import evaluate, miss_notes
from bench.timing import pdf_bytes, time_pdf
from conftest import DEFAULT_CRITERIA

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return snapshot(tmp_path_factory.mktemp("bench") / "project")


@pytest.fixture(scope="module")
def fork10(tmp_path_factory: pytest.TempPathFactory) -> CriteriaSet:
    (cset,) = fork_sets(tmp_path_factory.mktemp("forks"), [10])
    return cset


def test_article_text_keeps_content_drops_scripts_and_permalinks() -> None:
    html = ('<nav>menu</nav><article class="md-typeset"><h1 id="t">标题<a class="headerlink" href="#t">¶</a></h1>'
            '<p>一段 <b>文字</b><br>and&amp;more</p><script>var x = 1;</script></article><footer>x</footer>')
    assert article_text(html) == "标题 一段 文字 and&more"


def test_page_resources_include_search_worker() -> None:
    html = ('<link rel="stylesheet" href="../a.css"><link rel="icon" href="f.png"><script src="../b.js"></script>'
            '<script id="__config" type="application/json">{"base": "..", "search": "../w/search.js"}</script>')
    assert page_resources(html) == {"css": ["../a.css"], "js": ["../b.js", "../w/search.js"]}


def test_epoch_is_read_from_live_reload_script() -> None:
    assert epoch("<body><script>livereload(123456, 789);</script></body>") == 123456
    with pytest.raises(ValueError):
        epoch("<body></body>")


def test_targets_pass_and_miss_at_their_limits() -> None:
    build = {"generator_share_cpu": 0.10}
    sets = {"fork-100": {"synthetic": True, "criteria": 100, "build": build, "search": {"ratio": 1.31, "index_bytes": 200, "separator_bytes": 50},
                         "sizes": {"content_bytes_per_criterion": 1000.0}},
            "fork-1000": {"synthetic": True, "criteria": 1000, "build": {"generator_share_cpu": 0.11},
                          "search": {"ratio": 1.3, "index_bytes": 100}, "sizes": {"content_bytes_per_criterion": 1400.0}}}
    refresh = {"criteria": {"cpu": 6.0}, "plain": {"cpu": 5.0}}
    status = {t["target"]: t["status"] for t in evaluate({"sets": sets, "refresh": refresh})}
    assert list(status.values()) == ["PASS", "MISS", "MISS", "PASS", "MISS", "PASS"]
    notes = miss_notes(evaluate({"sets": sets, "refresh": refresh}))
    assert len(notes) == 3 and "fork-100: separators 25%" in notes[2]


def test_markdown_table_right_aligns_numbers_only() -> None:
    table = markdown_table((["Name", "KiB", "Share"], [["home", "1,024.5", "9.5 %"], ["b|c", "2.0", ""]]))
    assert table.splitlines()[1] == "| --- | ---: | ---: |"
    assert "b\\|c" in table


def test_benchmark_end_to_end_without_serve(tmp_path: Path) -> None:
    """The whole run on the default criteria and a 10-criteria fork, once each, no serve or Lighthouse."""
    out_json, out_md = tmp_path / "latest.json", tmp_path / "BENCHMARKS.md"
    assert main(["--forks", "10", "--repeat", "1", "--no-serve", "--no-lighthouse", "--no-pdf",
                 "--json", str(out_json), "--markdown", str(out_md)]) == 0
    results = json.loads(out_json.read_text(encoding="utf-8"))
    fork = results["sets"]["fork-10"]
    assert fork["criteria"] == 10 and fork["build"]["site"]["n"] == 1
    assert 0 < fork["sizes"]["content_bytes"] < fork["sizes"]["site_bytes"]
    assert fork["search"]["index_bytes"] > 0 and fork["search"]["text_bytes"] > 0
    assert {"home", "section", "scoring", "questionnaire", "worksheet"} <= set(fork["weights"])
    for weight in fork["weights"].values():
        assert weight["missing"] == [] and weight["css"] > 0 and weight["js"] > 0
        assert 0 < weight["total_gzip"] < weight["total"]
    assert {t["status"] for t in results["targets"]} <= {"PASS", "MISS"}
    report = out_md.read_text(encoding="utf-8")
    assert "## Targets" in report and "fork-10" in report
    assert markdown(results) == report  # the report is a pure function of the results


def test_pdf_time_is_measured_apart(project: Path, fork10: CriteriaSet, tmp_path: Path) -> None:
    """What the PDFs add (on a 10-criteria fork: the default criteria take minutes): build --pdf less build."""
    added = time_pdf(project, fork10, tmp_path)
    assert added.cpu > 0
    assert 10_000 < pdf_bytes(project, fork10, tmp_path) < 10_000_000


def test_refresh_latency_once(project: Path, fork10: CriteriaSet, tmp_path: Path) -> None:
    refresh = measure_refresh(project, fork10, tmp_path, repeat=1, timeout=180)
    assert refresh["criteria"]["n"] == refresh["plain"]["n"] == 1
    assert refresh["criteria"]["wall"] > 0 and refresh["plain"]["wall"] > 0
    assert refresh["plain"]["edit_survived"] is False  # the hook regenerates docs/<lang>/ on every rebuild


def test_server_is_stopped_afterwards(project: Path, fork10: CriteriaSet, tmp_path: Path) -> None:
    with Server(project, fork10.path, tmp_path / "docs", tmp_path / "serve.log", timeout=180) as server:
        port = server.port
    assert server.process is not None and server.process.poll() is not None
    with socket.socket() as probe, pytest.raises(OSError):
        probe.connect(("127.0.0.1", port))


def test_first_visit_pdf_and_lighthouse_targets() -> None:
    section = {"total_gzip": 90 * 1024}
    build = {"generator_share_cpu": 0.05, "site": {"cpu": 3.0, "wall": 3.0}, "pdf": {"cpu": 6.3, "wall": 2.9}}
    sets = {"default": {"synthetic": False, "criteria": 48, "build": build, "weights": {"section": section},
                        "search": {"ratio": 1.2, "index_bytes": 100}, "sizes": {}}}
    lighthouse = {"pages": {"home": {"performance": 95.0, "tbt_ms": 10.0}, "worksheet": {"performance": 94.0,
                                                                                         "tbt_ms": 151.0}}}
    found = {t["key"] + " " + t["target"]: t["status"] for t in evaluate({"sets": sets, "lighthouse": lighthouse})}
    assert [status for key, status in found.items() if not key.startswith(("generator", "search"))] == [
        "PASS", "MISS", "PASS", "PASS", "MISS", "MISS"]  # 90 KiB; 2.1× CPU; 0.97× wall; 95; 94; 151 ms


def test_worksheet_tbt_is_judged_with_ten_agencies_saved() -> None:
    pages = {"worksheet": {"performance": 99.0, "tbt_ms": 20.0},
             "worksheet (10 agencies)": {"performance": 90.0, "tbt_ms": 400.0}}
    [tbt] = [t for t in evaluate({"sets": {}, "lighthouse": {"pages": pages}}) if t["key"] == "worksheet_tbt"]
    assert (tbt["measured"], tbt["status"]) == (400.0, "MISS") and "10 agencies" in tbt["target"]
    assert "worksheet (10 agencies)" in SEEDED_PAGES
    [saved] = sample_scores(DEFAULT_CRITERIA, AGENCIES).values()
    agencies = json.loads(saved)["agencies"]
    assert len(agencies) == AGENCIES == 10 and len({a["id"] for a in agencies}) == 10
    assert all(a["scores"] for a in agencies)


def test_page_weight_follows_module_imports() -> None:
    from bench.weight import module_imports

    script = "import { a } from './a.js';\nimport './b.js';\nexport { c } from \"./c.js\";\nimport x from 'pkg';\n"
    assert module_imports(script) == ["./a.js", "./b.js", "./c.js"]


def test_page_resources_include_preloaded_modules() -> None:
    html = '<script type="module" src="../m/main.js" data-kit-preload="a.js b.js"></script>'
    assert page_resources(html)["js"] == ["../m/main.js", "../m/a.js", "../m/b.js"]


@pytest.mark.parametrize(("wanted", "chosen"), [
    ("", ["worksheet", "report", "worksheet (10 agencies)"]),
    ("worksheet", ["worksheet", "worksheet (10 agencies)"]),
    ("report, worksheet (10 agencies)", ["report", "worksheet (10 agencies)"]),
])
def test_only_lighthouse_selects_pages_by_name(wanted: str, chosen: list[str]) -> None:
    pages = {"worksheet": "worksheet/", "report": "report/", "worksheet (10 agencies)": "worksheet/"}
    assert list(select_pages(wanted, pages)) == chosen


def test_only_lighthouse_refuses_an_unknown_page() -> None:
    with pytest.raises(SystemExit, match="names none of"):
        select_pages("questionaire", {"questionnaire": "questionnaire/"})
