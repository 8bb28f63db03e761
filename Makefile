# The commands the README names. `make site` builds the demo site; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
# axe-core, the accessibility checker the browser tests load into pages, from npm at the
# version tests/slow/node/package-lock.json holds.
AXE := tests/slow/node/node_modules/axe-core/axe.min.js
# The versions CI resolved and tested, so that every run installs the same ones
# (`make constraints` refreshes them).
PIP_INSTALL := $(BIN)/pip install --quiet --constraint constraints.txt

.PHONY: site test test-fast lint serve check check-strict docs screenshots clean bench bench-serve constraints

# What building a site needs, and nothing else.
$(BIN)/briefing: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(PIP_INSTALL) -e .
	touch $@

# The test, lint and documentation tools, on top.
$(BIN)/pytest: $(BIN)/briefing
	$(PIP_INSTALL) -e ".[test,docs]"
	touch $@

site: $(BIN)/briefing
	$(BIN)/briefing build

check: $(BIN)/briefing
	$(BIN)/briefing check

# As CI runs it: a warning (a position resting on one quote, a speaker the article never
# names) fails the check too.
check-strict: $(BIN)/briefing
	$(BIN)/briefing check --strict

serve: $(BIN)/briefing
	$(BIN)/briefing serve

$(CHROMIUM):
	@# Browser tests drive Debian's Chromium; Playwright's own browser downloads are not used.
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq chromium

$(AXE): tests/slow/node/package.json tests/slow/node/package-lock.json
	npm ci --prefix tests/slow/node --no-audit --no-fund --silent
	touch $@

test: $(BIN)/pytest $(CHROMIUM) $(AXE)
	$(BIN)/pytest

# The inner loop and the commit hook: no browser, MkDocs, Pagefind or Zensical.
test-fast: $(BIN)/pytest
	$(BIN)/pytest -n 2 tests/unit

lint: $(BIN)/pytest
	$(BIN)/ruff check generator tests bench docs
	$(BIN)/ruff format --check generator tests bench docs
	$(BIN)/mypy --strict generator bench
	$(BIN)/lint-imports

docs: $(BIN)/pytest
	$(BIN)/python -m docs.reference
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --config-file docs/mkdocs.yml

# The documentation's screenshots of the demo site, at a laptop's and a phone's width.
screenshots: $(BIN)/pytest $(CHROMIUM)
	$(BIN)/briefing build
	$(BIN)/python -m docs.screenshots

constraints: $(BIN)/pytest
	$(BIN)/pip freeze --exclude-editable --exclude briefing-site > constraints.txt

# The scale benchmark (BENCHMARKS.md): 1,000 articles by default, e.g. `make bench ARTICLES=4000`.
ARTICLES ?= 1000
bench: $(BIN)/pytest $(CHROMIUM)
	$(BIN)/python -m bench.run --articles $(ARTICLES) --actors 40 --issues 25 --positions 800 --search

bench-serve: $(BIN)/pytest $(CHROMIUM)
	$(BIN)/python -m bench.serve_latency

clean:
	rm -rf site generated .build .build.mkdocs.yml .preview.mkdocs.yml docs/site .pytest_cache .mypy_cache .ruff_cache
