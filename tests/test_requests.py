"""Every built page, in every language, loads with no request to any host but the site itself.

Readers in mainland China cannot reach Google, many CDNs or other third parties, and some
read offline, so a single outside request can stall a page. Chromium's own background
traffic (updates, safe browsing…) never reaches these handlers: only the pages' requests are
recorded, and Playwright's and conftest's launch flags switch that traffic off anyway.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from test_search import CHINESE_WORDS

LOCAL_SCHEMES = ("data:", "blob:", "about:")


def page_urls(site: Path, base: str) -> list[str]:
    """The address of every built HTML page (``x/index.html`` as ``x/``), in a stable order."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(base + (relative[: -len("index.html")] if relative.endswith("index.html") else relative))
    return urls


def test_no_page_requests_another_host(built_site: Path, serve_dir: Any, browser: Any) -> None:
    base = serve_dir(built_site)
    outside: list[str] = []
    local: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(base) or url.startswith(LOCAL_SCHEMES):
            local.append(url)
            route.continue_()
        else:
            outside.append(f"{page.url} -> {url}")
            route.abort()

    context = browser.new_context()
    context.route("**/*", guard)
    context.on("request", lambda request: None if request.url.startswith((base, *LOCAL_SCHEMES))
               else outside.append(f"{page.url} -> {request.url}"))
    page = context.new_page()
    urls = page_urls(built_site, base)
    assert f"{base}en/" in urls and f"{base}sections/" in "".join(urls)
    # Every page, then a search on each language's home page (index download and search worker).
    for url in [*urls, f"{base}?q={quote(CHINESE_WORDS[0])}", f"{base}en/?q=contract"]:
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, url
    page.wait_for_function("document.querySelector('.md-search-result__list li') !== null", timeout=30_000)
    context.close()
    assert any(u.endswith("search/search_index.json") for u in local)
    assert not outside, sorted(set(outside))[:20]
