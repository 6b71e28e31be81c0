# Everything a fresh Linux machine with Python 3.11 needs: `make run`, `make test`, `make check`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))

.PHONY: run test check lint typecheck contracts i18n lupdate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

i18n: $(QM)

# Refresh the .ts files from the sources (keeps existing translations).
lupdate: $(STAMP)
	$(BIN)/python -m desktop.i18n_update

run: $(STAMP) i18n
	$(BIN)/hall --demo

# pytest exits 5 when it collected no tests: make fails on any non-zero exit, and says why.
test: $(STAMP) i18n
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; fi; exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy desktop windows kit cli printing hall db bench

contracts: $(STAMP)
	$(BIN)/lint-imports

# What CI runs (.ci/run): lint, types and import contracts first, then the tests.
check: lint typecheck contracts test

# Every benchmark in turn (about 40 minutes); each prints Markdown for BENCHMARKS.md.
bench: $(STAMP)
	$(BIN)/python bench/queue_bench.py
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/receipt_bench.py
	$(BIN)/python bench/cases_bench.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/live_bench.py

clean:
	rm -rf $(VENV) resources/i18n/*.qm .pytest_cache .mypy_cache .ruff_cache
