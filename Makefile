# Two commands matter (see README.md): `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site check test test-fast lint bench clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

serve: $(VENV)/.runtime  ## set up, then serve the site on http://127.0.0.1:8000/
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

site: $(VENV)/.runtime  ## build the whole multilingual site into site/ (with the forms' PDFs)
	scripts/install-system-packages site
	$(PY) -m generator site

check: $(VENV)/.runtime  ## validate data/criteria.yaml
	$(PY) -m generator check

lint: $(VENV)/.dev
	$(PY) -m ruff check generator hooks tests bench
	$(PY) -m mypy

test: $(VENV)/.dev  ## set up everything, then lint and run the test suite
	scripts/install-system-packages
	$(MAKE) lint
	$(PY) -m pytest

test-fast: $(VENV)/.dev  ## the fast tier while editing: unit tests only, no site build, browser or LibreOffice
	$(PY) -m pytest -q -m "not slow and not site and not browser"

bench/node_modules/.installed: bench/package.json bench/package-lock.json  # optional Lighthouse (pinned, locked; no browser download: it runs Debian's chromium); the benchmark skips it if npm fails
	-npm ci --prefix bench --no-audit --no-fund --silent && touch $@

bench: $(VENV)/.dev bench/node_modules/.installed  ## measure build cost, growth, refresh, page weight; writes BENCHMARKS.md
	$(PY) -m bench

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
