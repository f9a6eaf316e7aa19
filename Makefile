# endorsetrack: two commands on a fresh machine -- `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip install -q -c constraints.txt

.PHONY: install install-test demo test bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(PIP) -e '.[web]'

install-test: $(BIN)/python
	$(PIP) -e '.[test,postgres,web]'

## Extract the bundled sample articles, show what was found, store them and print the race.
demo: install
	$(BIN)/endorsetrack extract samples/*.txt -o demo-output.jsonl
	$(BIN)/endorsetrack show demo-output.jsonl
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/endorsetrack ingest samples/*.txt --db demo.db --year 2006 -q
	$(BIN)/endorsetrack status --race "Connecticut Senate" --db demo.db
	@echo "Explore further: .venv/bin/endorsetrack endorsements --db demo.db --candidate Lamont --as-of 2006-09-01"
	@echo "See it in a browser: .venv/bin/endorsetrack serve --db demo.db   (then open http://127.0.0.1:8000/)"

## Install with test extras and run the whole test suite (quality gate included).
test: install-test
	$(BIN)/python -m pytest

## Throughput and peak memory of extract vs plain spaCy on the dev set.
bench: install
	$(BIN)/python benchmarks/throughput.py

## Score the seeds and the dev set against gold.
eval: install
	$(BIN)/endorsetrack eval tests/data/seeds.gold.jsonl --run samples/*.txt
	@if [ -d ../shared/corpus/dev ]; then $(BIN)/endorsetrack eval ../shared/corpus/dev/gold.jsonl --run ../shared/corpus/dev/*.txt; fi

clean:
	rm -rf $(VENV) demo-output.jsonl demo.db demo.db-wal demo.db-shm .pytest_cache
