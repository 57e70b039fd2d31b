"""The scorer modules a page preloads (generator/site/modules.py): read from the modules' import lines."""

from __future__ import annotations

from pathlib import Path

from generator.root import PROJECT
from generator.site.modules import VIEWS, module_graph, module_imports, page_modules

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
