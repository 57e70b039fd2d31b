"""Every renderer has one shape: a language's context and a row's name in, ``{path: content}`` out."""

from __future__ import annotations

import inspect

from editions import context

from conftest import MINIMAL
from generator.load import load_criteria
from generator.render.base import Context
from generator.render.language import RENDERERS, render_language
from generator.render.pages import ALL_FORMS, DATA_FORM, DATA_FORMS, FORM, FORMS, PAGES, published


def test_every_row_has_a_renderer_of_the_one_shape() -> None:
    assert {page.kind for page in PAGES} == set(RENDERERS)
    for renderer in RENDERERS.values():
        params = list(inspect.signature(renderer).parameters.values())
        assert [p.name for p in params] == ["ctx", "name"], renderer.__name__
        assert params[0].annotation in (Context, "Context")


def test_the_forms_come_from_the_table() -> None:
    assert tuple(p.name for p in PAGES if p.kind == FORM) == FORMS
    assert tuple(p.name for p in PAGES if p.kind == DATA_FORM) == DATA_FORMS
    assert ALL_FORMS == FORMS + DATA_FORMS and len(set(p.name for p in PAGES)) == len(PAGES)


def test_each_row_renders_its_files() -> None:
    criteria = load_criteria(MINIMAL)
    for lang in criteria.meta.languages:
        ctx = context(criteria, lang)
        everything = render_language(ctx)
        for page in PAGES:
            files = RENDERERS[page.kind](ctx, page.name)
            assert files and all(isinstance(c, str | bytes) for c in files.values()), page.name
            assert (files.items() <= everything.items()) == (page in published(criteria)), page.name
            if page.name in ALL_FORMS:
                assert list(files) == [f"{page.name}.md"]
