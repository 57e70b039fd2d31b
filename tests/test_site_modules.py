"""The scorer modules a page preloads (generator/site/modules.py): read from the modules' import lines."""

from __future__ import annotations

from pathlib import Path

from generator.root import PROJECT
from generator.site.modules import APP_STYLES, VIEWS, app_stylesheet, module_graph, module_imports, page_modules

SCORER = PROJECT / "overrides" / "assets" / "javascripts" / "scorer"


def test_imports_are_read_from_static_import_lines_only() -> None:
    script = ("import { a } from './a.js';\nimport {\n  b,\n} from './b.js';\nimport './c.js';\n"
              "export { d } from './d.js';\nconst e = await import('./e.js');\nimport x from '../vendor/x.js';\n")
    assert module_imports(script) == ["./a.js", "./b.js", "./c.js", "./d.js"]


def test_graph_is_breadth_first_each_module_once(tmp_path: Path) -> None:
    for name, text in {"v.js": "import './a.js';\nimport './b.js';", "a.js": "import './c.js';",
                       "b.js": "import './a.js';\nimport './c.js';", "c.js": "", "other.js": ""}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert module_graph(tmp_path, "v.js") == ("v.js", "a.js", "b.js", "c.js")


def test_each_view_preloads_its_own_modules_only_as_main_js_imports_them() -> None:
    worksheet = page_modules('<template id="kit-scoring-data">{}</template>', SCORER)
    assert worksheet[0] == "scorer.js" and "report.js" not in worksheet and "interview.js" not in worksheet
    assert page_modules("<p>a guide page</p>", SCORER) == ()
    main = (SCORER / "main.js").read_text(encoding="utf-8")
    for data, entry in VIEWS.items():  # the same views as main.js imports, for the same data
        assert f"data: '{data}', load: () => import('./{entry}')" in main


def test_the_reports_first_modules_leave_out_what_is_below_its_first_screen() -> None:
    """report.js imports report-more.js (the chart, the picture, the image…) once its first screen has painted:
    neither it nor what only it needs is preloaded (issue 30: each is a request before the verdicts paint)."""
    report = page_modules('<template id="kit-report-data">{}</template>', SCORER)
    assert "report.js" in report and "report-more.js" not in report
    assert not {"chart.js", "image.js", "picture.js", "linebreak.js", "transfer.js", "scorer-files.js"} & set(report)
    assert "import('./report-more.js')" in (SCORER / "report.js").read_text(encoding="utf-8")
    for name in (*report, *module_graph(SCORER, "report-more.js")):
        assert (SCORER / name).is_file(), name


def test_the_scorer_pages_stylesheet_holds_all_of_theirs_in_order(tmp_path: Path) -> None:
    for name in APP_STYLES:
        (tmp_path / f"{name}.css").write_text(f".{name} {{}}\n", encoding="utf-8")
    text = app_stylesheet(tmp_path)
    places = [text.index(f".{name} {{}}") for name in APP_STYLES]
    assert places == sorted(places) and len(APP_STYLES) == 7
    styles = SCORER.parent.parent / "stylesheets"
    assert all((styles / f"{name}.css").is_file() for name in APP_STYLES)
