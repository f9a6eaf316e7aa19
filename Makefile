# endorsetrack: two commands on a fresh machine -- `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip install -q -c constraints.txt

.PHONY: install install-test demo test bench fuzz eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(PIP) -e '.[web]'

install-test: $(BIN)/python
	$(PIP) -e '.[test,postgres,web,spark]'

## Extract the bundled sample articles, show what was found, store them and print the race.
## The samples (samples/: an HTML page, a plain-text story, a JSON Lines record) are fictional,
## written for this repository: the 2025 mayoral race of an invented city, Tamarack Falls.
demo: install
	$(BIN)/endorsetrack extract samples/* -o demo-output.jsonl
	$(BIN)/endorsetrack show demo-output.jsonl
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/endorsetrack ingest samples/* --db demo.db --year 2025 -q
	$(BIN)/endorsetrack status --race "2025 mayor" --db demo.db
	@echo "Explore further: .venv/bin/endorsetrack status --race \"2025 mayor\" --db demo.db --as-of 2025-05-31"
	@echo "                 .venv/bin/endorsetrack timeline \"Tamarack Falls Federation of Teachers\" --db demo.db"
	@echo "                 .venv/bin/endorsetrack polls --race \"2025 mayor\" --db demo.db"
	@echo "See it in a browser: .venv/bin/endorsetrack serve --db demo.db   (then open http://127.0.0.1:8000/)"

## Install with test extras, lint and type-check the code, and run the whole test suite (quality gate included).
test: install-test
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

## Throughput and peak memory of extract vs plain spaCy on the dev set.
bench: install
	$(BIN)/python benchmarks/throughput.py

## Robustness: extract and ingest over 2,000 generated hostile inputs beside good articles, in batches,
## each run a process with a timeout; prints crashes, hangs, peak RSS and good inputs lost, writes
## fuzz-results.json. Quick look: make fuzz FUZZ_ARGS="--count 200".
fuzz: install
	$(BIN)/python benchmarks/fuzz.py $(FUZZ_ARGS)

## Score the bundled samples, and the real seeds and dev set when ../shared is beside the repo.
eval: install
	$(BIN)/endorsetrack eval tests/data/samples.gold.jsonl --run samples/*
	@if [ -d ../shared/corpus/seeds ]; then $(BIN)/endorsetrack eval ../shared/corpus/seeds/gold.jsonl --run ../shared/corpus/seeds/*.txt; fi
	@if [ -d ../shared/corpus/dev ]; then $(BIN)/endorsetrack eval ../shared/corpus/dev/gold.jsonl --run ../shared/corpus/dev/*.txt; fi

clean:
	rm -rf $(VENV) fuzz-results.json demo-output.jsonl demo.db demo.db-wal demo.db-shm .pytest_cache
