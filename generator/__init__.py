"""Agency Vetting Kit generator: criteria YAML -> validated model -> generated docs.

Data flows one way, and the imports follow it (tests/test_import_graph.py):

1. ``words`` (labels, page texts, messages, the one fallback rule), ``model`` (frozen
   dataclasses), ``problems`` (located, translatable), ``parse`` (YAML with positions),
   ``scoring``, ``edition`` (criteria plus each language's resolved texts);
2. ``checks`` (every problem, located) and ``load`` (read, check, build the edition);
3. ``render``: pure functions of one language's ``Context`` returning ``{path: content}``,
   listed in the render table (``render/pages.py``); ``diff`` compares two editions;
4. ``site``: the one writer that touches disk, the build (``site/build.py``), MkDocs fixes;
5. ``cli`` and the MkDocs hook (``hooks/kit.py``), which call the build; nothing imports the CLI.

No module keeps state between calls (tests/test_pure.py). Nothing here imports MkDocs.
"""

__all__: list[str] = []
