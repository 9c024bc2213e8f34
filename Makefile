# Two commands for everything: `make serve` and `make test`. Each sets up what it needs.
PYTHON ?= python3
# Silence Material's end-of-life banner in `make serve` too (casebook.publish.MKDOCS_ENVIRONMENT).
export NO_MKDOCS_2_WARNING := 1
# `make build LOW_MEMORY=1` (or serve): about half the peak memory for a large casebook, slower (README).
ifdef LOW_MEMORY
export CASEBOOK_LOW_MEMORY := $(LOW_MEMORY)
endif
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve preview build test lint check install lock clean benchmark search-engines allowlist fuzz screenshots lighthouse

$(STAMP): requirements.lock pyproject.toml package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	# axe-core, the Nu HTML checker and Lighthouse for the tests and `make lighthouse`, exactly as package-lock.json pins them.
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)  ## build and serve the site at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --dirty --livereload --no-strict  # --dirty: a change rebuilds only what it changed (casebook/incremental.py); a warning must not stop the pages that show it

preview: $(STAMP)  ## serve just the records in CASE (ids or paths, comma-separated): a change shows in seconds
	@test -n "$(CASE)" || { echo "usage: make preview CASE=<case id or data/cases/<id>.yaml>"; exit 2; }
	CASEBOOK_PREVIEW="$(CASE)" $(BIN)/mkdocs serve --dirty --livereload --no-strict

build: $(STAMP)  ## build the site into site/ (atomically: fresh folder, scan, then swap)
	$(BIN)/casebook publish

check: $(STAMP)  ## validate data/ only
	$(BIN)/casebook check

test: $(STAMP) lint  ## the whole test suite, after the lint and type gate
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff (lint and format) and mypy over the whole repository, as `make test` runs them
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

lock:  ## re-pin requirements.lock from pyproject.toml (needs the package registry)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet pip-tools==7.6.2
	.lock-venv/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--extra site --extra test --extra fuzz --extra benchmark -o requirements.lock pyproject.toml
	rm -rf .lock-venv

clean:
	rm -rf site .site-* screenshots
	git clean -fdXq docs  # the generated folders, each ignored by its own .gitignore (casebook/write.py)

benchmark: $(STAMP)  ## measure builds at N = 100, 1,000, 5,000 synthetic cases; writes docs/benchmark*.md (slow)
	$(BIN)/python tests/benchmark.py --sizes $${SIZES:-100,1000,5000}

search-engines: $(STAMP)  ## recall, precision and first-search download of each search engine option; writes the benchmark page's "Search engine" section
	$(BIN)/python tests/search_engines.py

lighthouse: $(STAMP)  ## Lighthouse mobile scores of home, case index, a case page and search, both languages; writes docs/quality*.md
	$(BIN)/python tests/lighthouse.py

screenshots: $(STAMP)  ## every kind of page, both languages, desktop and phone, as PNGs in screenshots/ for review
	$(BIN)/python tests/screenshots.py

allowlist: $(STAMP)  ## relearn the scanner's allowlist from a clean build of the test fixtures
	$(BIN)/python tests/sitebuild.py --learn-allowlist hooks/casebook/scan-allowlist.json

fuzz: $(STAMP)  ## coverage-guided fuzzing of loading, validation and every rule (runs until stopped; not part of `make test`)
	mkdir -p .fuzz-corpus && cp -n tests/fixtures/fuzz-corpus/* .fuzz-corpus/
	$(BIN)/python tests/fuzz_records.py $${RUNS:+-atheris_runs=$$RUNS} .fuzz-corpus
