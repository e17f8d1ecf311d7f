# Two commands for a fresh machine: `make demo` runs everything, `make test` runs the whole suite (what CI runs).
# `make check` is the working loop: lint and every test but the slow drills and the browser tests.
# Both create the virtual environment and install the project first.

PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LOCK := requirements.lock
DEMO_DB ?= sqlite:///demo.db

.PHONY: demo test check lint format install clean bench lock lock-upgrade

# Exact versions from the lock, then the project itself without resolving anything again.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	DATABASE_URL=$(DEMO_DB) $(BIN)/jeger init
	DATABASE_URL=$(DEMO_DB) $(BIN)/jeger serve --demo

test: $(STAMP) lint
	$(BIN)/pytest -q

check: $(STAMP) lint
	$(BIN)/pytest -q -m "not slow and not browser"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Every benchmark in turn, ending with one table of their goals (OK / MISSED); PostgreSQL must be reachable
# (TEST_DATABASE_URL, or the local default). The national databases of bench/national.py are seeded once and kept.
bench: $(STAMP)
	$(BIN)/python bench/goals.py

# `make lock` re-resolves after a change to pyproject.toml, keeping every pin it can; `make lock-upgrade` moves
# every package to the newest version pyproject.toml allows.
LOCK_COMPILE = $(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 --quiet -o $(LOCK)
lock: $(STAMP)
	$(LOCK_COMPILE)

lock-upgrade: $(STAMP)
	$(LOCK_COMPILE) --upgrade

clean:
	rm -rf $(VENV) demo.db demo.db-* letters .pytest_cache .mypy_cache .ruff_cache
