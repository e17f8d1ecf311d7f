# Two commands for a fresh machine: `make demo` runs everything, `make test` runs the whole suite.
# Both create the virtual environment and install the project first.

PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= sqlite:///demo.db

.PHONY: demo test lint format install clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	DATABASE_URL=$(DEMO_DB) $(BIN)/jeger init
	DATABASE_URL=$(DEMO_DB) $(BIN)/jeger serve --demo

test: $(STAMP) lint
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python bench/import_companies.py
	$(BIN)/python bench/launch.py
	$(BIN)/python bench/dispatch.py
	$(BIN)/python bench/inbound.py

clean:
	rm -rf $(VENV) demo.db demo.db-* letters .pytest_cache .mypy_cache .ruff_cache
