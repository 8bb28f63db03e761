# The commands the README names. `make site` builds the demo site; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium

.PHONY: site test lint serve check check-strict clean bench bench-serve

$(BIN)/briefing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
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

test: $(BIN)/briefing $(CHROMIUM)
	$(BIN)/pytest

lint: $(BIN)/briefing
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy --strict generator bench

# The scale benchmark (BENCHMARKS.md): 1,000 articles by default, e.g. `make bench ARTICLES=4000`.
ARTICLES ?= 1000
bench: $(BIN)/briefing $(CHROMIUM)
	$(BIN)/python -m bench.run --articles $(ARTICLES) --actors 40 --issues 25 --positions 800 --search

bench-serve: $(BIN)/briefing $(CHROMIUM)
	$(BIN)/python -m bench.serve_latency

clean:
	rm -rf site generated .build .build.mkdocs.yml .pytest_cache .mypy_cache .ruff_cache
