# Minutebook. `make site` and `make test` do all the set-up on a fresh machine.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test unit check check-address serve lint golden new-meeting clean bench bench-national docs shard-plan shard-build shard-combine

$(STAMP): requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# make site SHARDS=4 builds the site as four mkdocs processes (site-wide pages, and boards spread over all four).
SHARDS ?= 0
# make site NEW_LEDGER=1 starts published-urls.txt when there is none (a missing ledger is otherwise an error).
# make site CACHE=.minutebook-cache reuses what earlier builds kept there (README "Large sites"; off by default).
CACHE ?=
site: $(STAMP)            ## validate data/, write pages, mkdocs build --strict into site/
	$(PY) -m generator site --ledger published-urls.txt --shards $(SHARDS)$(if $(NEW_LEDGER), --new-ledger)$(if $(CACHE), --cache $(CACHE))

# The sharded build as separate steps, for a CI matrix (.github/workflows/large-site.yml; README "Large sites"):
# make shard-plan SHARDS=4, then make shard-build SHARD=0 ... SHARD=3 (anywhere, in any order), then make shard-combine.
SHARD_DIR ?= shards
shard-plan: $(STAMP)      ## validate data/, write pages, plan SHARDS shards into $(SHARD_DIR)/plan.json
	$(PY) -m generator shard-plan --ledger published-urls.txt --shards $(SHARDS) --work $(SHARD_DIR)$(if $(NEW_LEDGER), --new-ledger)$(if $(CACHE), --cache $(CACHE))

shard-build: $(STAMP)     ## mkdocs build --strict of shard SHARD and a Pagefind index of its own pages
	$(PY) -m generator shard-build --shard $(SHARD) --work $(SHARD_DIR)

shard-combine: $(STAMP)   ## combine the built shards and their search indexes into site/ (swapped in whole)
	$(PY) -m generator shard-combine --work $(SHARD_DIR)

check: $(STAMP)           ## validate data/ only
	$(PY) -m generator check

check-address: $(STAMP)   ## fail while mkdocs.yml's site_url is the example address (the publish workflow runs it)
	$(PY) -m generator check-address

test: lint               ## the whole suite (lint, types, unit, golden, site, browser), slowest tests listed
	$(PY) -m pytest -q --durations=25

unit: $(STAMP)            ## the fast loop: tests that build no site, drive no browser and are not slow
	$(PY) -m pytest -q -m "not site and not browser and not slow"

lint: $(STAMP)            ## ruff (lint and format) over the code, mypy over generator/
	$(PY) -m ruff check generator tests scripts
	$(PY) -m ruff format --check generator tests scripts
	$(PY) -m mypy

docs: $(STAMP)            ## write the data-format reference as Markdown into docs/data-format.md (commit it)
	$(PY) -m generator docs

serve: $(STAMP)           ## live preview (the hook generates the pages); edits to data/ show in seconds
	$(PY) -m generator.serve

golden: $(STAMP)          ## regenerate the golden files after a reviewed change
	$(PY) -m pytest -q tests/golden --update-golden

# Synthetic boards per size, about 326 pages each: make bench BOARDS=3,15,61 adds ~20,000 pages.
BOARDS ?= 3,15
bench: $(STAMP)           ## synthetic 1,000 and 5,000 pages: time, memory, sizes -> BENCHMARKS.md
	$(PY) scripts/bench.py --boards $(BOARDS)

# The national build (issue 21): about 650 HTML pages a board, so 31 boards ~20,000 pages and 307 ~200,000.
bench-national: $(STAMP)  ## synthesise, commit, build in shards, one-record commit cached: make bench-national BOARDS=307
	$(PY) scripts/bench_national.py --boards $(if $(filter command line,$(origin BOARDS)),$(BOARDS),31,307)

new-meeting: $(STAMP)     ## make new-meeting BOARD=coventry-hwb DATE=2017-10-16
	$(PY) -m generator new meeting --board $(BOARD) --date $(DATE)

clean:
	rm -rf site site.new* site.old* site.shards* $(SHARD_DIR)
